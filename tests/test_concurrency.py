"""Concurrency: two ingests into one database at once (SQLite WAL + busy timeout, and PostgreSQL), and the web app
answering reads while an ingest writes.

Two writers must end with the same rows as one writer: no duplicate, no lost article, mention or claim, and neither
writer may crash on a lock or a unique-key race.
"""
from __future__ import annotations

import itertools
import os
import random
import time

import httpx
import pytest
from conftest_reliability import (
    diff_snapshots,
    row_count,
    serve_app,
    snapshot,
    start_child,
    table_count,
    write_corpus,
)

SEED = int(os.environ.get("CONCURRENCY_SEED", str(random.randrange(1 << 30))))
_REFERENCE: dict[str, dict] = {}  # backend -> snapshot of a single-writer run of the corpus


def _ingest(url: str, sources: list[str], batch_size: int) -> None:
    from armswatch.run import ingest
    from armswatch.store import open_store

    store = open_store(url)
    try:
        summary = ingest(sources, store, batch_size=batch_size)
    finally:
        store.close()
    if summary.interrupted or summary.skipped:
        raise SystemExit(5)


@pytest.fixture(scope="module")
def warm(nlp):
    from armswatch.extraction.engine import extract

    extract("Iran supplied drones to Russia.")
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("concurrency-corpus")
    paths = write_corpus(folder, n=30, seed=23)
    return str(folder), sorted(str(p) for p in paths)


def _run(url, sources, batch_size=16):
    proc = start_child(_ingest, url, sources, batch_size)
    proc.join(timeout=300)
    assert proc.exitcode == 0, f"ingest exit code {proc.exitcode}"


@pytest.mark.slow
@pytest.mark.timeout(900, method="thread")
@pytest.mark.parametrize("overlap", ["same-files", "reversed-order", "half-overlap"])
def test_concurrency_two_ingests_at_once_equal_one(db_url_factory, corpus, warm, overlap):
    folder, files = corpus
    rng = random.Random(f"{SEED}-{overlap}")
    if db_url_factory.kind not in _REFERENCE:  # one uninterrupted single-writer run per backend
        reference_url = db_url_factory("ref")
        _run(reference_url, [folder])
        _REFERENCE[db_url_factory.kind] = snapshot(reference_url)
    reference = _REFERENCE[db_url_factory.kind]

    if overlap == "same-files":
        a, b = [folder], [folder]
    elif overlap == "reversed-order":
        a, b = files, files[::-1]
    else:  # each writer owns a half, they share the middle third
        third = len(files) // 3
        a, b = files[: 2 * third], files[third:]
        assert set(a) | set(b) == set(files)
    url = db_url_factory("two")
    # an empty store first, so both writers race on the same schema and the same first rows
    from armswatch.store import open_store

    open_store(url).close()
    batch_a, batch_b = rng.choice([1, 2, 4]), rng.choice([1, 2, 4])
    pa = start_child(_ingest, url, a, batch_a)
    pb = start_child(_ingest, url, b, batch_b)
    pa.join(timeout=600)
    pb.join(timeout=600)
    assert (pa.exitcode, pb.exitcode) == (0, 0), \
        f"a writer failed (exit codes {pa.exitcode}, {pb.exitcode}; batches {batch_a}/{batch_b}, seed {SEED})"
    after = snapshot(url)
    diff = diff_snapshots(reference, after)
    assert not diff, f"{overlap}, batches {batch_a}/{batch_b}, seed {SEED}:\n{diff}"
    for table, rows in after.items():
        assert all(n == 1 for n in rows.values()), f"duplicate rows in {table}"
    print(f"\n[concurrency] {db_url_factory.kind} {overlap}: {row_count(after)} rows compared, no duplicate")


@pytest.mark.slow
@pytest.mark.timeout(600, method="thread")
def test_concurrency_web_serves_reads_during_ingest(db_url_factory, corpus, warm):
    """While an ingest writes batch after batch, every API read answers 200 quickly and never goes backwards."""
    from armswatch.store import open_store
    from armswatch.web import create_app

    folder, _ = corpus
    url = db_url_factory("web")
    open_store(url).close()
    app = create_app(url)
    with serve_app(app) as base, httpx.Client(base_url=base, timeout=10) as client:
        assert client.get("/api/claims").json()["total"] == 0
        proc = start_child(_ingest, url, [folder], 1)  # one article a transaction: the most commits to read across
        served, slowest, totals, articles_seen = 0, 0.0, [], set()
        deadline = time.monotonic() + 300
        while proc.is_alive() and time.monotonic() < deadline:
            for path in ("/api/claims?limit=5", "/api/graph", "/api/timeline", "/api/actors", "/"):
                t0 = time.monotonic()
                r = client.get(path)
                slowest = max(slowest, time.monotonic() - t0)
                assert r.status_code == 200, (path, r.status_code, r.text[:300])
                served += 1
                if path.startswith("/api/claims"):
                    totals.append(r.json()["total"])
            articles_seen.add(table_count(url, "articles"))
        proc.join(timeout=60)
        assert proc.exitcode == 0
        final = client.get("/api/claims").json()["total"]
    assert served >= 10, f"only {served} reads during the ingest"
    assert len(articles_seen) >= 3, f"the reads did not overlap the writes: article counts seen {articles_seen}"
    # claims are keyed by (type, supplier, recipient, item, polarity): new mentions add or grow claims, never remove
    # one, so a reader that only sees whole committed batches sees the count go up only
    assert all(x <= y for x, y in itertools.pairwise(totals)), totals
    assert final >= max(totals)
    assert slowest < 5.0, f"a read took {slowest:.1f} s during the ingest"
    print(f"\n[concurrency] {db_url_factory.kind}: {served} reads during ingest, slowest {slowest * 1000:.0f} ms")



def test_concurrency_sqlite_store_uses_wal_and_a_busy_timeout(tmp_path):
    """WAL lets the web app read while an ingest writes; the busy timeout makes a second writer wait, not fail."""
    from sqlalchemy import text

    from armswatch.store import open_store

    store = open_store(str(tmp_path / "wal.db"))
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        store.close()
