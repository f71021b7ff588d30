"""`armswatch reextract`: the current rules over a stored corpus, on a real SQLite and PostgreSQL store.

An older store keeps articles without their headline paragraph (and without `body_start`) and mentions made by
older rules; after re-extraction it must hold exactly what a fresh ingest of the same inputs holds.
"""
from __future__ import annotations

import json

import pytest
from conftest_cli import invoke
from sqlalchemy import select, update

from armswatch.run import ingest, reextract, restore_headline
from armswatch.store import open_store
from armswatch.store import schema as t
from armswatch.types import Article, Mention

# Invented reports; each headline states a supply its body does not repeat in the same words.
RECORDS = [
    {"title": "Belgrade to receive Chinese air-defence missiles next month",
     "text": "Officials in the Serbian capital said on Tuesday that the first batteries were being readied for "
             "the journey. The systems were ordered in 2021, the ministry said.",
     "published": "2025-02-04"},
    {"title": "Ankara sends armoured vehicles to Mogadishu",
     "text": "The vehicles arrived at the port on Sunday, a Somali defence official told reporters. Further "
             "deliveries are expected before the rainy season, he added.",
     "published": "2025-03-09"},
    {"title": "Quarterly review of the fishing fleet",
     "text": "The harbour authority counted more trawlers than last year and said prices of fuel had fallen.",
     "published": "2025-03-10"},
]
STALE_EVIDENCE = "Norway shipped spare submarines to Nepal."


def _ingest(url: str, source: str) -> None:
    with open_store(url) as store:
        summary = ingest([source], store)
    assert summary.new == len(RECORDS) and not summary.skipped


def _age(url: str) -> None:
    """Make the store look like one written before the headline was kept, by rules that made one wrong claim."""
    with open_store(url) as store:
        with store.engine.begin() as conn:
            rows = conn.execute(select(t.articles.c.id, t.articles.c.text, t.articles.c.body_start)).all()
            for aid, text, body_start in rows:
                conn.execute(update(t.articles).where(t.articles.c.id == aid).values(
                    text=text[body_start:], body_start=None))
        first = next(store.stored_articles(1))[0]
        stale = Mention(type="TRANSFER", supplier="NOR", recipient="NPL", item_category="submarines",
                        item_text="submarines", polarity="affirmed", claimant="author", evidence=STALE_EVIDENCE,
                        evidence_start=0, evidence_end=len(STALE_EVIDENCE), rule="old.v", trigger="shipped")
        store.replace_mentions([first], [[stale]])
        assert any(c.supplier == "NOR" for c in store.claims(limit=None))


def _contents(url: str) -> tuple:
    with open_store(url) as store, store.engine.connect() as conn:
        articles = sorted(conn.execute(select(t.articles.c.id, t.articles.c.text, t.articles.c.body_start)).all())
        mentions = sorted(conn.execute(select(t.mentions.c.id, t.mentions.c.claim_id, t.mentions.c.evidence,
                                              t.mentions.c.evidence_start)).all())
        claims = sorted((c.id, c.articles, c.stories, c.mention_count) for c in store.claims(limit=None))
    return articles, mentions, claims


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return str(path)


def test_an_old_store_reextracted_equals_a_fresh_ingest(new_store_url, source):
    fresh, old = new_store_url(), new_store_url()
    _ingest(fresh, source)
    _ingest(old, source)
    _age(old)
    with open_store(old) as store:
        summary = reextract(store)
        assert summary.articles == 3 and summary.headlines_added == 3 and not summary.skipped
        assert not store.search("submarines", limit=None)  # the stale mention left the search index too
        assert not any(c.supplier == "NOR" for c in store.claims(limit=None))
        pairs = {(c.type, c.supplier, c.recipient) for c in store.claims(limit=None)}
    assert ("TRANSFER", "TUR", "SOM") in pairs  # stated only in a headline
    assert _contents(old) == _contents(fresh)


def test_a_rerun_and_an_interrupted_run_change_nothing_twice(new_store_url, source):
    fresh, old = new_store_url(), new_store_url()
    _ingest(fresh, source)
    _ingest(old, source)
    _age(old)

    def stop_after_first_batch(summary):
        raise KeyboardInterrupt

    with open_store(old) as store:
        first = reextract(store, batch_size=1, progress=stop_after_first_batch)
        assert first.interrupted and first.articles == 1  # the committed batch is kept
        again = reextract(store, batch_size=2)
        assert not again.interrupted and again.articles == 3 and again.headlines_added == 2
        assert reextract(store).headlines_added == 0
    assert _contents(old) == _contents(fresh)


def test_restore_headline_keeps_what_the_store_knows():
    body = "Officials said the first batteries were being readied.\n\nThe systems were ordered in 2021."
    known = Article(id="a", text="Title\n\n" + body, title="Title", body_start=7)
    assert restore_headline(known) is known
    already = Article(id="b", text="Missiles for Belgrade\n\n" + body, title="Missiles for Belgrade", body_start=None)
    assert restore_headline(already).text == already.text and restore_headline(already).body_start == 23
    bare = Article(id="c", text=body, title="Missiles for Belgrade", body_start=None)
    assert restore_headline(bare).text == "Missiles for Belgrade\n\n" + body
    assert restore_headline(bare).body == body
    untitled = Article(id="d", text=body, title=None, body_start=None)
    assert restore_headline(untitled).text == body and restore_headline(untitled).body_start == 0
    # a page that repeats its title as the first paragraph reads it there, not twice
    repeated = Article(id="e", text="Officials said the first batteries were being readied.\n\nMore.",
                       title="Officials said the first batteries were being readied", body_start=None)
    assert restore_headline(repeated).text == repeated.text


def test_cli_reextract_reports_and_exits_zero(tmp_path, source):
    db = str(tmp_path / "old.db")
    _ingest(db, source)
    _age(db)
    ran = invoke("reextract", "--db", db)
    assert ran.code == 0, ran.stderr
    assert "3 re-extracted (3 given back their headline)" in ran.stderr
    with open_store(db) as store:
        assert not any(c.supplier == "NOR" for c in store.claims(limit=None))


def test_a_database_made_before_body_start_gains_it_and_reextracts(new_store_url, source):
    import sqlalchemy as sa

    from armswatch.store.engine import resolve_url

    fresh, old = new_store_url(), new_store_url()
    _ingest(fresh, source)
    _ingest(old, source)
    _age(old)
    engine = sa.create_engine(resolve_url(old))
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN body_start")
    engine.dispose()
    with open_store(old) as store:  # opening adds the column, empty
        assert {a.body_start for batch in store.stored_articles() for a in batch} == {None}
        assert reextract(store).headlines_added == 3
    assert _contents(old) == _contents(fresh)
