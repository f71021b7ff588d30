"""The ingest pipeline end to end on real files, the real extractor and a real database (both backends)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa
from conftest_store import new_store_url, store, store_url, write_articles, write_syndicated  # noqa: F401

from armswatch.run import ingest
from armswatch.store import open_store
from armswatch.types import ClaimFilter

SNAPSHOT = {
    "articles": "SELECT id, story_id, published, title FROM articles ORDER BY id",
    "stories": "SELECT id, origin_article FROM stories ORDER BY id",
    "signatures": "SELECT article_id, story_id FROM signatures ORDER BY article_id",
    "mentions": "SELECT id, claim_id, type, supplier, recipient, item_category, polarity, claimant, evidence_start, "
                "evidence_end FROM mentions ORDER BY id",
    "claims": "SELECT id, type, supplier, recipient, item_category, polarity, first_seen, last_seen, articles, "
              "stories, mention_count FROM claims ORDER BY id",
    "claim_links": "SELECT claim_id, answer_id, kind FROM claim_links ORDER BY claim_id, answer_id",
    "claim_claimants": "SELECT claim_id, claimant FROM claim_claimants ORDER BY claim_id, claimant",
}


def snapshot(url: str) -> dict:
    s = open_store(url)
    try:
        with s.engine.connect() as conn:
            return {name: [tuple(r) for r in conn.execute(sa.text(q))] for name, q in SNAPSHOT.items()}
    finally:
        s.close()


def test_ingest_pipeline_stores_articles_mentions_and_claims(store, tmp_path):
    write_articles(tmp_path / "news", 8)
    summary = ingest([str(tmp_path / "news")], store, batch_size=3)
    assert (summary.read, summary.new, summary.already, summary.skipped) == (8, 8, 0, [])
    assert summary.batches == 3 and summary.new_stories == 8 and summary.mentions >= 8
    stats = store.stats()
    assert (stats["articles"], stats["stories"], stats["mentions"]) == (8, 8, summary.mentions)
    assert summary.totals == stats
    (shells,) = store.claims(ClaimFilter(supplier="PRK", recipient="RUS", type="TRANSFER"))
    assert shells.articles == 1 and shells.first_seen == "2024-01-01"
    detail = store.claim(shells.id)
    for m in detail["mentions"]:
        text = store.article(m["article_id"])["text"]
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
        assert "North Korea" in m["evidence"]


def test_ingest_pipeline_rerun_is_idempotent(store_url, tmp_path):
    write_articles(tmp_path / "news", 6)
    s = open_store(store_url)
    first = ingest([str(tmp_path / "news")], s, batch_size=4)
    before = snapshot(store_url)
    second = ingest([str(tmp_path / "news")], s, batch_size=4)
    s.close()
    assert first.new == 6 and (second.read, second.new, second.already, second.mentions) == (6, 0, 6, 0)
    assert snapshot(store_url) == before


def test_ingest_pipeline_five_syndicated_copies_are_one_story(store, tmp_path):
    write_syndicated(tmp_path / "news", copies=5)
    write_articles(tmp_path / "news", 3)
    summary = ingest([str(tmp_path / "news")], store, batch_size=2)
    assert summary.new == 8 and summary.new_stories == 4
    shells = store.claims(ClaimFilter(supplier="PRK", recipient="RUS", type="TRANSFER", item="ammunition"),
                          order="articles")[0]
    assert shells.articles == 6 and shells.stories == 2  # 5 copies of one story + the generated article
    copies = [m for m in store.claim(shells.id)["mentions"] if "million" in m["evidence"]]
    assert len({m["article_id"] for m in copies}) == 5 and len({m["story_id"] for m in copies}) == 1

    # a sixth copy ingested later joins the stored story through the persisted signatures
    later = tmp_path / "later"
    later.mkdir()
    (tmp_path / "news" / "copy-1.txt").rename(later / "copy-1.txt")
    text = (later / "copy-1.txt").read_text().replace("Home > News > Asia", "Evening Star | Local | Weather")
    (later / "copy-1.txt").write_text(text.replace("(c) 2024 Harbour Post Media", "Evening Star Ltd"))
    second = ingest([str(later)], store)
    assert second.new == 1 and second.new_stories == 0
    again = store.claim(shells.id)
    assert (again["articles"], again["stories"]) == (7, 2)


def test_ingest_pipeline_reports_skipped_inputs_and_stores_the_rest(store, tmp_path):
    write_articles(tmp_path / "news", 2)
    (tmp_path / "news" / "empty.txt").write_text("")
    (tmp_path / "news" / "blob.txt").write_bytes(bytes(range(256)) * 20)
    summary = ingest([str(tmp_path / "news"), str(tmp_path / "missing.txt")], store)
    assert summary.new == 2
    sources = {os.path.basename(s.source.split("#")[0]) for s in summary.skipped}
    assert {"empty.txt", "blob.txt", "missing.txt"} <= sources
    assert all(s.reason for s in summary.skipped) and sum(summary.skip_reasons().values()) == len(summary.skipped)


def _armswatch(*args: str) -> list[str]:
    return [sys.executable, "-c", "from armswatch.cli import main; main()", *args]


def _count_articles(url: str) -> int:
    s = open_store(url)
    try:
        return s.stats()["articles"]
    finally:
        s.close()


@pytest.mark.slow
def test_ingest_pipeline_killed_run_resumes_to_the_same_database(new_store_url, tmp_path):
    total, batch = 24, 2
    write_articles(tmp_path / "news", total)
    killed_url, clean_url = new_store_url(), new_store_url()
    cmd = _armswatch("ingest", str(tmp_path / "news"), "--db", killed_url, "--batch-size", str(batch))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        stored = _count_articles(killed_url)
        if stored >= 2 * batch:  # at least two batches committed
            break
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    partial = _count_articles(killed_url)
    assert 2 * batch <= partial < total and partial % batch == 0  # only whole batches were committed

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - partial} new, {partial} already stored" in rerun.stderr
    clean = subprocess.run(_armswatch("ingest", str(tmp_path / "news"), "--db", clean_url, "--batch-size",
                                      str(batch)), capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    resumed, uninterrupted = snapshot(killed_url), snapshot(clean_url)
    assert len(resumed["articles"]) == total and resumed["mentions"]
    assert resumed == uninterrupted
