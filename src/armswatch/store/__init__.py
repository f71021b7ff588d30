"""The claim store: articles, mentions, stories and signatures in SQLite (default) or PostgreSQL; claims derived.

    store = open_store()            # $ARMSWATCH_DB or ./armswatch.db; or a path, or postgresql+psycopg://...
    store.claims(flt, limit=100, offset=0, order="stories") -> list[Claim]     store.count_claims(flt) -> int
    store.claim(id) -> dict | None  # + "mentions" (evidence, offsets, article title/site/url/published),
                                    #   "denied_by" and "answers" (linked claims with their link "kind")
    store.mentions(claim_id=None, flt=None)   store.actors()   store.article(id)   store.graph(flt)
    store.timeline(flt)   store.stats()   store.actor_names()   store.seen_in_range(ids, flt)
    store.search("Shahed -Serbia", flt, limit=100) -> claims (dicts) ranked, with `hits` and `matches` (the
                                    matching sentences, words marked); flt.text does the same filtering anywhere
    store.rebuild_search_index()    # the full-text index (store/search.py) from the stored mentions
    store.add_batch(articles, mentions, signatures, index)   # one transaction: stories, claims recomputed
    make_filter(store, supplier="North Korea", ...) -> ClaimFilter with actor names resolved (FilterError if not)
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
