"""The ingest pipeline end to end on real files, the real extractor and a real database (both backends)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa
from conftest_store import article, write_articles, write_syndicated

from armswatch.run import extract_or_skip, ingest
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
    copies = write_syndicated(tmp_path / "news", copies=5)
    write_articles(tmp_path / "news", 3)
    summary = ingest([str(tmp_path / "news")], store, batch_size=2)
    assert summary.new == 8 and summary.new_stories == 4 and store.stats()["stories"] == 4
    by_source = {os.path.basename(m["source"]): m for m in store.mentions()}
    copy_stories = {m["story_id"] for name, m in by_source.items() if name.startswith("copy-")}
    assert len({name for name in by_source if name.startswith("copy-")}) == 5 and len(copy_stories) == 1
    (denial,) = store.claims(ClaimFilter(supplier="PRK", recipient="RUS", type="DENIAL"))
    assert denial.articles == 5 and denial.stories == 1  # the denial is only in the copies
    shells = store.claims(ClaimFilter(supplier="PRK", recipient="RUS", type="TRANSFER", item="ammunition"))[0]
    story_ids = {m["story_id"] for m in store.claim(shells.id)["mentions"]}
    assert shells.stories == len(story_ids) == 2  # the copies' story and the generated article-000
    assert shells.articles >= 4

    # a sixth copy ingested later joins the stored story through the persisted signatures
    later = tmp_path / "later"
    later.mkdir()
    text = copies[1].read_text().replace("Home > News > Asia", "Evening Star | Local | Weather")
    (later / "copy-5.txt").write_text(text.replace("(c) 2024 Harbour Post Media", "Evening Star Ltd"))
    second = ingest([str(later)], store)
    assert second.new == 1 and second.new_stories == 0
    again = store.claim(denial.id)
    assert (again["articles"], again["stories"]) == (6, 1)


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


def _start_and_stop(cmd: list[str], url: str, at_least: int, sig: int) -> tuple[int, str]:
    """Start an ingest, wait until `at_least` articles are committed, send `sig`; (exit code, stderr)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and _count_articles(url) < at_least:
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be stopped: {proc.stderr.read()[-800:]}"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


@pytest.mark.slow
def test_ingest_pipeline_interrupted_and_killed_run_resumes_to_the_same_database(new_store_url, tmp_path):
    total, batch = 24, 2
    write_articles(tmp_path / "news", total)
    url, clean_url = new_store_url(), new_store_url()
    cmd = _armswatch("ingest", str(tmp_path / "news"), "--db", url, "--batch-size", str(batch))

    code, err = _start_and_stop(cmd, url, 2 * batch, signal.SIGINT)  # Ctrl-C: the open batch rolls back
    assert code == 130 and "interrupted" in err, err
    after_ctrl_c = _count_articles(url)
    assert 2 * batch <= after_ctrl_c < total and after_ctrl_c % batch == 0  # only whole batches were committed

    code, _ = _start_and_stop(cmd, url, after_ctrl_c + 2 * batch, signal.SIGKILL)  # kill -9 mid-run
    assert code == -signal.SIGKILL
    after_kill = _count_articles(url)
    assert after_ctrl_c + 2 * batch <= after_kill < total and after_kill % batch == 0

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - after_kill} new, {after_kill} already stored" in rerun.stderr

    clean = open_store(clean_url)  # the same ingest, uninterrupted, in this process
    ingest([str(tmp_path / "news")], clean, batch_size=batch)
    clean.close()
    resumed, uninterrupted = snapshot(url), snapshot(clean_url)
    assert len(resumed["articles"]) == total and resumed["mentions"] and resumed["claims"]
    assert resumed == uninterrupted


def test_ingest_pipeline_an_article_the_extractor_rejects_is_skipped_not_the_batch():
    short = article("Iran has delivered attack drones to Russia, Ukrainian officials said on Monday.")
    # over spaCy's 1,000,000-character limit even after the prefilter, which keeps every sentence about arms
    huge = article("Belarus sent more tanks to Russia by rail. " * 25_000)
    kept, found, skipped = extract_or_skip([huge, short])
    assert kept == [short] and found[0] and found[0][0].supplier == "IRN"
    assert [s.source for s in skipped] == [huge.source] and "cannot extract" in skipped[0].reason
