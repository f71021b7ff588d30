"""Full-text search, the date interval by mention date and exports with names, over a real ingest of invented
articles: the store on SQLite and PostgreSQL, the REST API, and `armswatch claims --text` / `export`."""

from __future__ import annotations

import csv
import io
import json

import pytest
import sqlalchemy as sa
from conftest_cli import invoke
from conftest_workbench import WORKBENCH, ingest_workbench, workbench_db_url

from armswatch.store import open_store
from armswatch.store.search import SearchError, parse_query, to_fts5, to_tsquery

BAD_QUERIES = {
    '"attack drones': "quote is not closed",
    "drones OR": "OR needs a word on each side",
    "OR drones": "OR needs a word on each side",
    "-drones": "at least one word that is not excluded",
    "   ": "empty",
    "?!.,": "no words",
    "x " * 200: "longer than",
}
# Strings that mean something to FTS5 or tsquery; user input must never reach either raw.
HOSTILE = ['NEAR("a" "b")', "body:drones", "drones*", "^drones", "a & !b", "'; DROP TABLE claims; --",
           "drones:*", "(drones", "a <-> b", '"" drones', "NOT drones", "ÉÇÀ"]


@pytest.fixture
def wb_store(new_store_url):
    store = open_store(ingest_workbench(new_store_url()))
    yield store
    store.close()


def ids(results) -> list[str]:
    return [c["id"] for c in results]


def claim_of(store, type_, supplier, recipient) -> str:
    return next(c.id for c in store.claims(limit=None) if (c.type, c.supplier, c.recipient) == (type_, supplier,
                                                                                                recipient))


# --- the parser -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,problem", list(BAD_QUERIES.items()))
def test_search_bad_queries_name_the_problem(raw, problem):
    with pytest.raises(SearchError, match=problem):
        parse_query(raw)


def test_search_queries_reach_the_backends_as_plain_words():
    q = parse_query('Kanani-Moghadam "attack drones" shells OR ammo -Serbia')
    assert to_fts5(q) == ('(("kanani moghadam") AND ("attack drones") AND ("shells"* OR "ammo"*)) NOT "serbia"*')
    assert to_tsquery(q) == ("(('kanani' <-> 'moghadam')) & (('attack' <-> 'drones')) & (('shells':*) | "
                             "('ammo':*)) & !('serbia':*)")


# --- the store, on both backends ------------------------------------------------------------------------------
def test_search_finds_claims_by_evidence_title_actor_item_and_claimant(wb_store):
    s = wb_store
    zephyr = claim_of(s, "TRANSFER", "NOR", "EST")
    denial = claim_of(s, "DENIAL", "CHL", "PER")
    shells = claim_of(s, "TRANSFER", "BOL", "PRY")
    assert ids(s.search("Zephyr")) == [zephyr]  # an invented system name, in the evidence only
    assert ids(s.search("tomas ibanez")) == [denial]  # the claimant's words, accents folded
    assert ids(s.search("Togo")) == [claim_of(s, "TRANSFER", "GHA", "TGO")]  # the actor's name
    assert ids(s.search("howitzer")) == [claim_of(s, "PLEDGE", "BOL", "PRY")]  # prefix: "howitzers"
    # a title finds every claim its article reports
    assert set(ids(s.search('"More Bolivian shells"'))) == {shells, claim_of(s, "PLEDGE", "BOL", "PRY"),
                                                            claim_of(s, "TRANSFER", "GHA", "TGO")}
    ranked = s.search('"artillery shells"')
    # both reports of the shells and the headline of one: ranked first
    assert ranked[0]["id"] == shells and ranked[0]["hits"] == 3
    # exclusion works per sentence: the August report of the shells says nothing of "August"
    excluded = s.search("shells -August")
    assert excluded[0]["id"] == shells and excluded[0]["hits"] == 2  # the other report and its headline
    # a word in the evidence ranks above the same word only in a title: Ghana's sentence is under "More Bolivian
    # shells reach Paraguay"
    bolivia = s.search("Bolivia")
    assert ids(bolivia) == [shells, claim_of(s, "PLEDGE", "BOL", "PRY"), claim_of(s, "TRANSFER", "GHA", "TGO")]
    match = s.search("Zephyr")[0]["matches"][0]
    marked = [match["evidence"][h["start"]:h["end"]] for h in match["highlights"]]
    assert marked == ["Zephyr"] and match["title"] == "Norway sends Zephyr-9 drones to Estonia"


def test_search_never_passes_user_syntax_to_the_backend(wb_store):
    for raw in HOSTILE:
        try:
            results = wb_store.search(raw)
        except SearchError:
            continue
        assert isinstance(results, list)
    assert wb_store.count_claims() == 6  # nothing dropped


def test_search_index_stays_exact_on_reingest_and_interrupted_batches(wb_store):
    from conftest_store import article, mention

    from armswatch.run import ingest
    from armswatch.store.engine import write_transaction
    from armswatch.store.write import write_batch

    def index_rows():
        with wb_store.engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM mention_search")).scalar()

    before = (index_rows(), ids(wb_store.search("shells")))
    assert before[0] == wb_store.stats()["mentions"] == 10  # 7 in the bodies, 3 in the headlines
    ingest([str(WORKBENCH)], wb_store)  # a rerun stores nothing twice
    assert (index_rows(), ids(wb_store.search("shells"))) == before
    text = "Iceland shipped quasar torpedoes to Malta."
    with pytest.raises(RuntimeError), write_transaction(wb_store.engine) as conn:
        write_batch(conn, [article(text)], [[mention(supplier="ISL", recipient="MLT", evidence=text)]])
        raise RuntimeError("killed mid-batch")
    assert index_rows() == 10 and wb_store.search("quasar") == []
    wb_store.add_batch([article(text)], [[mention(supplier="ISL", recipient="MLT", evidence=text)]])
    assert index_rows() == 11 and len(wb_store.search("quasar")) == 1


def test_search_index_is_built_when_an_old_database_is_opened(new_store_url):
    url = ingest_workbench(new_store_url())
    with open_store(url) as store, store.engine.begin() as conn:  # what a database of schema 1 looks like
        conn.execute(sa.text("DROP TABLE mention_search"))
        conn.execute(sa.text("DELETE FROM schema_version WHERE version > 1"))
    with open_store(url) as store:
        assert store.schema_version() == 2
        assert len(store.search("Zephyr")) == 1 and store.search('"artillery shells"')[0]["hits"] == 3


def test_dates_filter_by_mention_date(wb_store):
    from armswatch.types import ClaimFilter

    week = ClaimFilter(since="2024-08-12", until="2024-08-18")
    got = {(c.type, c.supplier, c.recipient) for c in wb_store.claims(week, limit=None)}
    # Bolivia's shells were reported in the week (and again on 5 September); the pledge only on 5 September
    assert got == {("TRANSFER", "BOL", "PRY"), ("TRANSFER", "NOR", "EST")}
    assert {r["week"] for r in wb_store.timeline(week)} == {"2024-W33"}  # mentions in the interval only
    assert sum(r["mentions"] for r in wb_store.timeline(week)) == 4  # two articles, each headline and body


# --- the REST API --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from armswatch.web import create_app

    with TestClient(create_app(workbench_db_url(tmp_path_factory))) as c:
        yield c


def test_api_search_combines_with_every_filter(client):
    def found(**params):
        r = client.get("/api/claims", params=params)
        assert r.status_code == 200, r.text
        return [(c["type"], c["supplier"], c["recipient"]) for c in r.json()["claims"]]

    assert found(q="Bolivia")[:2] == [("TRANSFER", "BOL", "PRY"), ("PLEDGE", "BOL", "PRY")]  # 2 hits, then 1
    assert found(q="Bolivia", type="PLEDGE") == [("PLEDGE", "BOL", "PRY")]
    assert found(q="Bolivia", since="2024-08-12", until="2024-08-18") == [("TRANSFER", "BOL", "PRY")]
    assert found(q="Chile", claimant="United States") == [("TRANSFER", "CHL", "PER")]
    assert sorted(found(q="rifles", actor="Peru", item="small-arms", min_sources=1, polarity="affirmed")) == [
        ("DENIAL", "CHL", "PER"), ("TRANSFER", "CHL", "PER")]
    assert found(q="drones", supplier="Bolivia") == []
    graph = client.get("/api/graph", params={"q": "Zephyr"}).json()
    assert [(e["source"], e["target"]) for e in graph["edges"]] == [("NOR", "EST")]
    body = client.get("/api/claims", params={"q": "Zephyr"}).json()
    assert body["order"] == "relevance" and body["total"] == 1
    m = body["claims"][0]["matches"][0]
    assert [m["evidence"][h["start"]:h["end"]] for h in m["highlights"]] == ["Zephyr"]
    detail = client.get(f"/api/claims/{body['claims'][0]['id']}", params={"q": "reconnaissance drones"}).json()
    (body_mention,) = [m for m in detail["mentions"] if "reconnaissance" in m["evidence"]]  # not the headline's
    spans = body_mention["search"]
    assert [body_mention["evidence"][s["start"]:s["end"]] for s in spans] == ["reconnaissance drones"]


@pytest.mark.parametrize("raw,problem", list(BAD_QUERIES.items())[:4])
def test_api_bad_search_is_a_clear_422(client, raw, problem):
    for path in ("/api/claims", "/api/graph", "/api/timeline", "/api/export"):
        r = client.get(path, params={"q": raw})
        assert r.status_code == 422, (path, r.text)
        (err,) = r.json()["detail"]
        assert err["loc"] == ["query", "q"] and problem in err["msg"]


def test_api_hostile_search_strings_never_fail(client):
    for raw in HOSTILE:
        assert client.get("/api/claims", params={"q": raw}).status_code in (200, 422), raw


def test_search_same_claims_on_postgresql_and_sqlite(tmp_path_factory, client):
    from conftest_store import PgSchemas, pg_base_url
    from fastapi.testclient import TestClient

    from armswatch.web import create_app

    schemas = PgSchemas(pg_base_url())
    try:
        url = ingest_workbench(schemas.new_url())
        queries = ["shells", "Bolivia", '"artillery shells"', "Chile OR Norway", "shells -August", "tomas",
                   "drones", "u.s. officials", "zeph", "armoured vehicles", "army", "said"]
        with TestClient(create_app(url)) as pg:
            assert pg.app.state.store.backend == "postgresql"
            for q in queries:
                a, b = (c.get("/api/claims", params={"q": q}).json() for c in (client, pg))
                key = [(x["type"], x["supplier"], x["recipient"], x["item_category"], x["hits"]) for x in a["claims"]]
                assert key == [(x["type"], x["supplier"], x["recipient"], x["item_category"], x["hits"])
                               for x in b["claims"]], q
                assert a["total"] == b["total"] > 0, q
    finally:
        schemas.drop_all()


def test_api_export_downloads_the_view_with_names(client):
    r = client.get("/api/export", params={"format": "csv", "q": "Bolivia", "recipient": "Paraguay"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {(x["supplier_name"], x["recipient_name"]) for x in rows} == {("Bolivia", "Paraguay")} and len(rows) == 2
    data = client.get("/api/export", params={"format": "json", "actor": "Peru"}).json()
    denial = next(c for c in data if c["type"] == "DENIAL")
    assert denial["actor_names"] == ["Chile"] and denial["claimant_names"] == ["the article's own reporting"]
    graphml = client.get("/api/export", params={"format": "graphml", "q": "Zephyr"}).text
    assert "<graphml" in graphml and "Estonia" in graphml and "Norway" in graphml


# --- the CLI ---------------------------------------------------------------------------------------------------
def test_cli_claims_text_prints_the_matching_sentence(tmp_path_factory):
    db = workbench_db_url(tmp_path_factory)
    result = invoke("claims", "--text", "Zephyr", "--db", db)
    assert result.code == 0, result.stderr
    assert "1 of 1 claims" in result.stdout and "Norway → Estonia" in result.stdout
    assert "Norway sends Zephyr-9 drones to Estonia" in result.stdout  # the headline: the first matching sentence
    assert "Chile" not in result.stdout
    combined = invoke("claims", "--text", "Bolivia", "--type", "pledge", "--db", db)
    assert "1 of 1 claims" in combined.stdout and "howitzers" in combined.stdout


def test_cli_bad_search_is_one_line_exit_2(tmp_path_factory):
    result = invoke("claims", "--text", '"attack drones', "--db", workbench_db_url(tmp_path_factory))
    assert result.code == 2
    assert result.stderr.strip().count("\n") == 0 and "text: a quote is not closed" in result.stderr


def test_cli_export_puts_names_beside_ids(tmp_path_factory, tmp_path):
    db = workbench_db_url(tmp_path_factory)
    out = tmp_path / "claims.json"
    assert invoke("export", "--format", "json", "-o", str(out), "--supplier", "Chile", "--db", db).code == 0
    rows = json.loads(out.read_text())
    transfer = next(c for c in rows if c["type"] == "TRANSFER")
    assert (transfer["supplier"], transfer["supplier_name"], transfer["recipient_name"]) == ("CHL", "Chile", "Peru")
    assert transfer["claimants"] == ["USA"] and transfer["claimant_names"] == ["United States"]
    assert invoke("export", "--format", "csv", "-o", str(tmp_path / "c.csv"), "--mentions", "--db", db).code == 0
    mentions = list(csv.DictReader(io.StringIO((tmp_path / "c.mentions.csv").read_text(encoding="utf-8"))))
    assert {m["claimant_name"] for m in mentions if m["supplier_name"] == "Chile"} == {
        "United States", "the article's own reporting"}
