"""The store on SQLite and PostgreSQL: schema, idempotent batches, one transaction per batch, derived claims."""
from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from conftest_store import TEXT_A, TEXT_B, article, corpus, mention

from armswatch.claims import MentionRecord, aggregate, claim_id
from armswatch.errors import MissingExtraError, StoreError
from armswatch.store import SCHEMA_VERSION, FilterError, open_store, resolve_url
from armswatch.types import ClaimFilter


def table_rows(store, table):
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(sa.table(table, *[sa.column(c) for c in COLUMNS[table]]))))


COLUMNS = {
    "articles": ("id", "story_id", "published"),
    "mentions": ("id", "claim_id", "type", "supplier", "recipient", "polarity", "evidence_start"),
    "claims": ("id", "type", "supplier", "recipient", "item_category", "polarity", "first_seen", "last_seen",
               "articles", "stories", "mention_count"),
    "claim_links": ("claim_id", "answer_id", "kind"),
}


def test_store_schema_created_and_version_recorded(store_url):
    s = open_store(store_url)
    names = set(sa.inspect(s.engine).get_table_names())
    assert {"articles", "mentions", "claims", "claim_claimants", "claim_links", "actors", "stories", "signatures",
            "schema_version"} <= names
    assert s.schema_version() == SCHEMA_VERSION
    s.close()
    s = open_store(store_url)  # reopening neither fails nor records the version twice
    with s.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM schema_version")).scalar() == 1
    s.close()


def test_store_refuses_a_newer_schema(store):
    with store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, applied_at) VALUES (:v, CURRENT_TIMESTAMP)"),
                     {"v": SCHEMA_VERSION + 1})
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        open_store(store.engine.url.render_as_string(hide_password=False))


def test_store_batch_is_idempotent(store):
    articles, mentions = corpus()
    first = store.add_batch(articles, mentions)
    assert len(first.new) == 4 and first.already == [] and first.mentions == 7
    snapshot = {t: table_rows(store, t) for t in COLUMNS}
    again = store.add_batch(articles, mentions)
    assert again.new == [] and sorted(again.already) == sorted(a.id for a in articles) and again.mentions == 0
    assert {t: table_rows(store, t) for t in COLUMNS} == snapshot
    assert store.stats()["articles"] == 4


def test_store_same_article_twice_in_one_batch_is_stored_once(store):
    articles, mentions = corpus()
    result = store.add_batch([articles[0], articles[0]], [mentions[0], mentions[0]])
    assert result.new == [articles[0].id] and result.already == [articles[0].id]
    assert store.stats()["mentions"] == 1


def test_store_failed_batch_writes_nothing(store):
    articles, mentions = corpus()
    broken = article("A report with no text column.")
    broken.text = None  # violates NOT NULL after the other rows of the batch were sent
    with pytest.raises(sa.exc.IntegrityError):
        store.add_batch([*articles, broken], [*mentions, []])
    assert store.stats() == {**store.stats(), "articles": 0, "mentions": 0, "claims": 0, "stories": 0}


def test_store_claims_equal_the_pure_aggregation_of_stored_mentions(store):
    """The SQL recomputation per batch and armswatch.claims.aggregate over everything stored give the same claims."""
    rng = random.Random(11)
    actors = ["PRK", "RUS", "IRN", "UKR", None]
    articles = []
    for n in range(40):
        story = articles[rng.randrange(len(articles))].id if articles and rng.random() < 0.3 else None
        articles.append(article(f"report {n} on arms", published=rng.choice([None, "2024-01-05", "2024-02-11",
                                                                              "2023-12-30"]), story_id=story))
    mentions = [[mention(rng.choice(["TRANSFER", "DENIAL", "PLEDGE"]), rng.choice(actors), rng.choice(actors),
                         item=rng.choice(["drones", "weapons", None]), polarity=rng.choice(["affirmed", "negated"]),
                         claimant=rng.choice(["author", "USA", "UKR"]), actors=rng.sample(["PRK", "RUS", "IRN"], 2))
                 for _ in range(rng.randint(0, 4))] for _ in articles]
    for i in range(0, 40, 7):
        store.add_batch(articles[i:i + 7], mentions[i:i + 7])
    records = [MentionRecord(m, a.id, a.story_id or a.id, a.published) for a, ms in zip(articles, mentions) for m in ms]
    assert [c.to_dict() for c in store.claims(limit=None, order="id")] == [c.to_dict() for c in aggregate(records)]


def test_store_claims_aggregate_stored_mentions(store):
    articles, mentions = corpus()
    store.add_batch(articles[:2], mentions[:2])
    store.add_batch(articles[2:], mentions[2:])
    (shells,) = store.claims(ClaimFilter(supplier="PRK", type="TRANSFER"))
    assert shells.id == claim_id(("TRANSFER", "PRK", "RUS", "ammunition", "affirmed"))
    assert (shells.articles, shells.stories, shells.mention_count) == (3, 2, 3)  # B2 is a copy of B
    assert (shells.first_seen, shells.last_seen) == ("2024-03-04", "2024-03-10")
    assert shells.claimants == ["KOR", "UKR"]
    denial = store.claims(ClaimFilter(type="DENIAL"))[0]
    assert shells.denials == [denial.id] and denial.actors == ["PRK"]
    assert store.count_claims() == 4
    # incremental recomputation per batch equals a full recomputation
    before = table_rows(store, "claims"), table_rows(store, "claim_links")
    assert store.recompute_claims() == 4
    assert (table_rows(store, "claims"), table_rows(store, "claim_links")) == before


def test_store_claim_detail_has_evidence_articles_and_denials(store):
    articles, mentions = corpus()
    store.add_batch(articles, mentions)
    shells = store.claims(ClaimFilter(supplier="PRK", type="TRANSFER"))[0]
    detail = store.claim(shells.id)
    assert detail["id"] == shells.id and detail["articles"] == 3
    assert [m["article_id"] for m in detail["mentions"]] == [articles[0].id, articles[1].id, articles[2].id]
    first = detail["mentions"][0]
    assert first["title"] == "Shells sent by rail" and first["site"] == "news-a.example"
    assert first["published"] == "2024-03-04" and first["url"].startswith("https://news-a.example/")
    assert TEXT_A[first["evidence_start"]:first["evidence_end"]] == first["evidence"]
    assert first["claimant"] == "KOR" and first["trigger"] == "supplied" and first["rule"] == "test.v1"
    assert [d["type"] for d in detail["denied_by"]] == ["DENIAL"] and detail["denied_by"][0]["kind"] == "denial"
    denial = store.claim(detail["denied_by"][0]["id"])
    assert [a["id"] for a in denial["answers"]] == [shells.id]
    assert store.claim("c000000000000") is None


def test_store_query_filters(store):
    articles, mentions = corpus()
    store.add_batch(articles, mentions)

    def types(**kw):
        return sorted((c.type, c.supplier, c.polarity) for c in store.claims(ClaimFilter(**kw)))

    assert types(recipient="RUS") == [("DENIAL", "PRK", "affirmed"), ("TRANSFER", "CHN", "negated"),
                                      ("TRANSFER", "IRN", "affirmed"), ("TRANSFER", "PRK", "affirmed")]
    assert types(actor="IRN") == [("TRANSFER", "IRN", "affirmed")]
    assert types(item="drones") == [("TRANSFER", "IRN", "affirmed")]
    assert types(type="denial") == [("DENIAL", "PRK", "affirmed")]
    assert types(polarity="negated") == [("TRANSFER", "CHN", "negated")]
    assert types(claimant="USA") == [("TRANSFER", "CHN", "negated")]
    assert types(claimant="UKR") == [("TRANSFER", "PRK", "affirmed")]
    assert types(min_sources=2) == [("TRANSFER", "PRK", "affirmed")]
    assert types(since="2024-04-01") == [("TRANSFER", "CHN", "negated"), ("TRANSFER", "IRN", "affirmed")]
    assert types(until="2024-03-05") == [("TRANSFER", "PRK", "affirmed")]
    assert types(supplier="PRK", type="TRANSFER", since="2024-03-10") == [("TRANSFER", "PRK", "affirmed")]
    assert store.count_claims(ClaimFilter(recipient="RUS")) == 4
    assert store.claims(ClaimFilter(), limit=1)[0].type == "TRANSFER"  # most stories first
    paged = [c.id for c in store.claims(limit=2)] + [c.id for c in store.claims(limit=2, offset=2)]
    assert paged == [c.id for c in store.claims(limit=None)]
    with pytest.raises(FilterError, match="valid: stories"):
        store.claims(order="newest")
    with pytest.raises(FilterError, match="not a date"):
        store.claims(ClaimFilter(since="last week"))


def test_store_mentions_actors_article_graph_timeline_stats(store):
    articles, mentions = corpus()
    store.add_batch(articles, mentions)
    shells = store.claims(ClaimFilter(supplier="PRK", type="TRANSFER"))[0]
    assert len(store.mentions(claim_id=shells.id)) == 3
    assert {m["type"] for m in store.mentions(flt=ClaimFilter(supplier="IRN"))} == {"TRANSFER"}
    assert len(store.mentions()) == 7

    actors = {a["id"]: a for a in store.actors()}
    assert set(actors) == {"PRK", "RUS", "CHN", "IRN", "KOR", "UKR", "USA"}
    assert actors["PRK"]["name"] == "North Korea" and actors["PRK"]["kind"] == "state"
    assert actors["RUS"]["claims"] == 4 and actors["PRK"]["claims"] == 2
    assert actors["USA"]["claims"] == 0 and actors["USA"]["claimed"] == 1

    detail = store.article(articles[1].id)
    assert detail["text"] == TEXT_B and [m["type"] for m in detail["mentions"]] == ["TRANSFER", "DENIAL"]
    assert store.article("0" * 40) is None

    graph = store.graph()
    assert {n["id"] for n in graph["nodes"]} == {"PRK", "RUS", "CHN", "IRN"}
    edge = next(e for e in graph["edges"] if e["id"] == shells.id)
    assert (edge["source"], edge["target"], edge["denied"], edge["stories"]) == ("PRK", "RUS", True, 2)
    assert len(store.graph(ClaimFilter(supplier="IRN"))["edges"]) == 1

    timeline = store.timeline()
    assert timeline == [  # A (Mon Mar 4), B (Sat Mar 9) and B2 (Sun Mar 10) fall in one ISO week
        {"week": "2024-W10", "type": "DENIAL", "mentions": 2},
        {"week": "2024-W10", "type": "TRANSFER", "mentions": 3},
        {"week": "2024-W14", "type": "TRANSFER", "mentions": 2},
    ]
    assert store.timeline(ClaimFilter(supplier="IRN")) == [{"week": "2024-W14", "type": "TRANSFER", "mentions": 1}]

    stats = store.stats()
    assert (stats["articles"], stats["stories"], stats["mentions"], stats["claims"]) == (4, 3, 7, 4)


def test_store_sqlite_uses_wal_and_a_busy_timeout(tmp_path):
    s = open_store(tmp_path / "x.db")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    s.close()


def test_store_url_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("ARMSWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / 'armswatch.db'}"
    monkeypatch.setenv("ARMSWATCH_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("other.db") == f"sqlite:///{tmp_path / 'other.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    open_store().close()
    assert (tmp_path / "env.db").exists()


def test_store_missing_folder_or_driver_is_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "x.db")
    monkeypatch.setitem(__import__("sys").modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(MissingExtraError, match=r"armswatch\[postgres\]"):
        open_store("postgresql+psycopg://postgres@127.0.0.1:1/none")
