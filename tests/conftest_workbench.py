"""The analyst's-workbench corpus: four invented articles (tests/data/workbench/articles.jsonl) ingested for real.

What they give (checked by tests/test_search.py): Bolivia → Paraguay shells reported on 2024-08-13 and again on
2024-09-05, a Bolivian pledge of howitzers (2024-09-05), Norway's invented "Zephyr-9" drones for Estonia
(2024-08-14), Chile → Peru rifles claimed by "U.S. officials" and denied by Tomás Ibáñez (accents on purpose),
and Ghana → Togo armoured vehicles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

WORKBENCH = Path(__file__).parent / "data" / "workbench" / "articles.jsonl"
_cache: dict[str, str] = {}


def ingest_workbench(url: str) -> str:
    from armswatch.run import ingest
    from armswatch.store import open_store

    with open_store(url) as store:
        summary = ingest([str(WORKBENCH)], store)
    assert not summary.skipped and summary.new == 4, summary
    return url


def workbench_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database of the workbench corpus, built once per session (read-only for its users)."""
    if "url" not in _cache:
        _cache["url"] = ingest_workbench(f"sqlite:///{tmp_path_factory.mktemp('workbench') / 'workbench.db'}")
    return _cache["url"]
