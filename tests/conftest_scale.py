"""Helpers for the scale-out tests: a whole database as comparable rows."""
from __future__ import annotations

import json

from sqlalchemy import MetaData, create_engine, select

# Columns that record when a row was written, not what it says.
CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def database_rows(url: str) -> dict[str, list[tuple]]:
    """Every table of the database as sorted rows (clock columns left out), for comparing two ingests."""
    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    out = {}
    with engine.connect() as conn:
        for name, table in meta.tables.items():
            if name.startswith("mention_search"):  # the search index: a tsvector on PostgreSQL, FTS5 pages on
                continue  # SQLite; derived from mentions (tests/test_search.py compares what it finds)
            cols = [c for c in table.columns if c.name not in CLOCK_COLUMNS]
            rows = conn.execute(select(*cols)).all()
            out[name] = sorted(tuple(json.dumps(v, sort_keys=True, default=repr) for v in row) for row in rows)
    engine.dispose()
    return out
