"""The claim store: articles, mentions, stories and signatures in SQLite (default) or PostgreSQL, claims derived.

    store = open_store()            # $ARMSWATCH_DB or ./armswatch.db; or a path, or postgresql+psycopg://...
    store.claims(ClaimFilter(supplier="PRK"))
"""
from __future__ import annotations

from armswatch.store.engine import DEFAULT_DB, ENV_VAR, resolve_url
from armswatch.store.filters import FilterError, make_filter, resolve_actor
from armswatch.store.query import ORDERS
from armswatch.store.schema import SCHEMA_VERSION
from armswatch.store.store import Store, open_store
from armswatch.store.write import BatchResult

__all__ = [
    "DEFAULT_DB",
    "ENV_VAR",
    "ORDERS",
    "SCHEMA_VERSION",
    "BatchResult",
    "FilterError",
    "Store",
    "make_filter",
    "open_store",
    "resolve_actor",
    "resolve_url",
]
