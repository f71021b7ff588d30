"""REST API over a database filled by a real ingest of the bundled samples: filters, pagination, evidence,
graph, timeline, validation errors and headers, checked against what the store itself says."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest_web import HOSTILE_IMG, ingest_into, sample_db_url, web_sources

from armswatch.types import EVENT_TYPES, ITEM_CATEGORIES


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    return sample_db_url(tmp_path_factory)


@pytest.fixture(scope="module")
def client(web_db):
    from fastapi.testclient import TestClient

    from armswatch.web import create_app

    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture(scope="module")
def all_claims(client) -> list[dict]:
    body = client.get("/api/claims", params={"limit": 1000}).json()
    assert body["total"] == len(body["claims"]) > 0
    return body["claims"]


@pytest.fixture(scope="module")
def actors(client) -> dict[str, dict]:
    return {a["id"]: a for a in client.get("/api/actors").json()}


def _get(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, params, r.text[:300])
    return r.json()


# --- claims -------------------------------------------------------------------------------------------------
def test_web_claims_total_matches_store(client, web_db, all_claims):
    from armswatch.store import open_store
    from armswatch.types import ClaimFilter

    store = open_store(web_db)
    try:
        assert len(all_claims) == store.count_claims(ClaimFilter())
        assert {c["id"] for c in all_claims} == {c.id for c in store.claims(ClaimFilter(), limit=None)}
    finally:
        store.close()


def test_web_claims_paginate_without_gaps_or_repeats(client, all_claims):
    total = len(all_claims)
    assert total >= 4, "the samples should yield several claims"
    seen = []
    for offset in range(0, total, 3):
        page = _get(client, "/api/claims", limit=3, offset=offset)
        assert page["total"] == total and page["limit"] == 3 and page["offset"] == offset
        assert len(page["claims"]) == min(3, total - offset)
        seen += [c["id"] for c in page["claims"]]
    assert seen == [c["id"] for c in all_claims]
    assert _get(client, "/api/claims", offset=total)["claims"] == []


def test_web_claims_ordered_by_independent_sources(all_claims):
    stories = [c["stories"] for c in all_claims]
    assert stories == sorted(stories, reverse=True)


def test_web_claims_actor_given_as_id_or_name_gives_same_claims(client, all_claims, actors):
    supplier = max(
        {c["supplier"] for c in all_claims if c["supplier"]},
        key=lambda a: sum(c["supplier"] == a for c in all_claims),
    )
    name = actors[supplier]["name"]
    by_id = _get(client, "/api/claims", supplier=supplier)
    assert by_id["total"] == sum(c["supplier"] == supplier for c in all_claims) > 0
    for value in (name, name.lower(), name.upper()):
        assert _get(client, "/api/claims", supplier=value) == by_id, value
    either = _get(client, "/api/claims", actor=name, limit=1000)["claims"]
    assert {c["id"] for c in either} == {
        c["id"] for c in all_claims if supplier in (c["supplier"], c["recipient"])
    }


def _median(values):
    values = sorted(v for v in values if v)
    return values[len(values) // 2]


# param -> (a value taken from the data, whether a claim satisfies param=value)
FILTER_CASES = {
    "type": (lambda cs: cs[-1]["type"], lambda c, v: c["type"] == v),
    "item": (
        lambda cs: next(c["item_category"] for c in cs if c["item_category"]),
        lambda c, v: c["item_category"] == v,
    ),
    "min_sources": (lambda cs: 2, lambda c, v: c["stories"] >= v),
    "since": (lambda cs: _median(c["last_seen"] for c in cs), lambda c, v: (c["last_seen"] or "") >= v),
    "until": (
        lambda cs: _median(c["first_seen"] for c in cs),
        lambda c, v: bool(c["first_seen"]) and c["first_seen"] <= v,
    ),
    "claimant": (
        lambda cs: next(x for c in cs for x in c["claimants"] if x not in ("author", "other")),
        lambda c, v: v in c["claimants"],
    ),
    "recipient": (
        lambda cs: next(c["recipient"] for c in cs if c["recipient"]),
        lambda c, v: c["recipient"] == v,
    ),
}


@pytest.mark.parametrize("param", sorted(FILTER_CASES))
def test_web_claims_filter_keeps_exactly_the_matching_claims(client, all_claims, param):
    """For a value that occurs in the data, the filter returns every claim that satisfies it and no other."""
    pick, ok = FILTER_CASES[param]
    value = pick(all_claims)
    expected = {c["id"] for c in all_claims if ok(c, value)}
    got = _get(client, "/api/claims", limit=1000, **{param: value})
    assert {c["id"] for c in got["claims"]} == expected
    assert got["total"] == len(expected)
    assert 0 < len(expected) < len(all_claims), (param, value)


def test_web_claims_unknown_actor_name_is_422_naming_it(client):
    r = client.get("/api/claims", params={"supplier": "Atlantis Republic"})
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422
    assert body["detail"][0]["loc"] == ["query", "supplier"]
    assert "Atlantis Republic" in body["detail"][0]["msg"]


# --- one claim, its evidence and articles -------------------------------------------------------------------
def test_web_claim_evidence_is_the_article_text_at_its_offsets(client, all_claims):
    checked = 0
    for c in all_claims[:12]:
        claim = _get(client, f"/api/claims/{c['id']}")
        assert claim["id"] == c["id"] and claim["type"] == c["type"]
        assert len(claim["mentions"]) >= c["articles"] >= 1
        for m in claim["mentions"]:
            article = _get(client, f"/api/articles/{m['article_id']}")
            assert article["text"][m["evidence_start"] : m["evidence_end"]] == m["evidence"]
            assert m["title"] == article["title"] and m["published"] == article["published"]
            checked += 1
    assert checked >= len(all_claims[:12])


def test_web_claim_marks_trigger_and_actors_in_the_evidence(client, all_claims, actors):
    marked = {"trigger": 0, "supplier": 0, "recipient": 0}
    for c in all_claims:
        for m in _get(client, f"/api/claims/{c['id']}")["mentions"]:
            spans = m["highlights"]
            assert all(0 <= s["start"] < s["end"] <= len(m["evidence"]) for s in spans)
            assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(spans)), "spans overlap"
            for s in spans:
                text = m["evidence"][s["start"] : s["end"]]
                if s["kind"] == "trigger":
                    assert text == m["trigger"]
                marked[s["kind"]] = marked.get(s["kind"], 0) + 1
    assert marked["trigger"] > 0 and marked["supplier"] > 0 and marked["recipient"] > 0, marked


def test_web_claim_links_denials_both_ways(client, all_claims):
    denied = [c for c in all_claims if c["denials"]]
    assert denied, "the samples contain denied claims (e.g. North Korea rejecting the shell reports)"
    for c in denied:
        claim = _get(client, f"/api/claims/{c['id']}")
        assert {d["id"] for d in claim["denied_by"]} == set(c["denials"])
        for d in claim["denied_by"]:
            assert d["type"] == "DENIAL" or d["polarity"] == "negated"
            answer = _get(client, f"/api/claims/{d['id']}")
            assert c["id"] in {a["id"] for a in answer["answers"]}


def test_web_hostile_article_is_stored_and_served_verbatim(client):
    """The crafted article went through the real ingest: its payload is evidence text, served as JSON data."""
    claims = _get(client, "/api/claims", supplier="IRN", recipient="RUS", type="TRANSFER", limit=1000)[
        "claims"
    ]
    evidence = [m["evidence"] for c in claims for m in _get(client, f"/api/claims/{c['id']}")["mentions"]]
    assert any(HOSTILE_IMG in e for e in evidence), "the hostile sentence should be extracted as evidence"


@pytest.mark.parametrize(
    "path", ["/api/claims/no-such-claim", "/api/articles/no-such-article", "/api/nowhere"]
)
def test_web_unknown_ids_are_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["status"] == 404 and body["detail"]


def test_web_broken_database_is_503_json_without_sql(tmp_path):
    from fastapi.testclient import TestClient

    from armswatch.web import create_app

    db = tmp_path / "broken.db"
    app = create_app(f"sqlite:///{db}")
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/claims").json()["total"] == 0
        app.state.store.engine.dispose()  # drop pooled connections so the next request opens the file again
        for wal in tmp_path.glob("broken.db-*"):  # in WAL mode the pages may still sit in the -wal file
            wal.unlink()
        db.write_bytes(b"this is not a database" * 500)
        for path in ("/api/claims", "/api/graph", "/api/claims/x", "/api/actors"):
            r = c.get(path)
            assert r.status_code == 503, (path, r.text[:200])
            body = r.json()
            assert body["status"] == 503 and "database" in body["detail"]
            assert "SELECT" not in r.text and "Traceback" not in r.text


# --- actors, graph, timeline --------------------------------------------------------------------------------
def test_web_actors_cover_every_claim_party(all_claims, actors):
    parties = {x for c in all_claims for x in (c["supplier"], c["recipient"], *c["actors"]) if x}
    assert parties <= set(actors)
    for a in actors.values():
        assert a["name"] and a["kind"] and a["claims"] >= 0


def test_web_graph_has_one_edge_per_claim_between_its_nodes(client, all_claims):
    graph = _get(client, "/api/graph")
    with_ends = {c["id"]: c for c in all_claims if c["supplier"] and c["recipient"]}
    assert {e["id"] for e in graph["edges"]} == set(with_ends)
    assert {n["id"] for n in graph["nodes"]} == {
        x for c in with_ends.values() for x in (c["supplier"], c["recipient"])
    }
    for e in graph["edges"]:
        c = with_ends[e["id"]]
        assert (e["source"], e["target"], e["type"], e["stories"]) == (
            c["supplier"],
            c["recipient"],
            c["type"],
            c["stories"],
        )
        assert e["denied"] == bool(c["denials"])
    assert any(e["denied"] for e in graph["edges"])


def test_web_graph_follows_the_filters(client, all_claims):
    type_ = all_claims[-1]["type"]
    graph = _get(client, "/api/graph", type=type_)
    assert graph["edges"] and all(e["type"] == type_ for e in graph["edges"])
    assert len(graph["edges"]) < len(_get(client, "/api/graph")["edges"])
    ends = {x for e in graph["edges"] for x in (e["source"], e["target"])}
    assert {n["id"] for n in graph["nodes"]} == ends


def test_web_graph_keeps_the_best_sourced_edges_when_limited(client):
    full = _get(client, "/api/graph")
    assert full["truncated"] is False and full["total_edges"] == len(full["edges"])
    small = _get(client, "/api/graph", limit=3)
    assert small["truncated"] is True and len(small["edges"]) == 3
    assert small["total_edges"] == len(full["edges"])
    cut = sorted((e["stories"] for e in full["edges"]), reverse=True)[2]
    assert all(e["stories"] >= cut for e in small["edges"])
    ends = {x for e in small["edges"] for x in (e["source"], e["target"])}
    assert {n["id"] for n in small["nodes"]} == ends
    assert client.get("/api/graph", params={"limit": 0}).status_code == 422


def test_web_timeline_counts_mentions_per_week_and_type(client, web_db):
    rows = _get(client, "/api/timeline")
    assert rows
    for r in rows:
        assert re.fullmatch(r"\d{4}-W\d{2}", r["week"]) and r["type"] in EVENT_TYPES and r["mentions"] > 0
    from armswatch.store import open_store

    store = open_store(web_db)
    try:
        dated = [m for m in store.mentions() if m["published"]]
    finally:
        store.close()
    assert sum(r["mentions"] for r in rows) == len(dated)
    type_ = rows[0]["type"]
    assert _get(client, "/api/timeline", type=type_) == [r for r in rows if r["type"] == type_]


# --- validation, errors, headers, docs ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "params,field,hint",
    [
        ({"type": "BOMB"}, "type", "TRANSFER"),
        ({"item": "nukes"}, "item", "drones"),
        ({"since": "03/04/2024"}, "since", "YYYY-MM-DD"),
        ({"until": "2024-02-30"}, "until", "YYYY-MM-DD"),
        ({"since": "2024-06-01", "until": "2024-01-01"}, "until", "before"),
        ({"limit": "0"}, "limit", "greater than or equal to 1"),
        ({"limit": "1001"}, "limit", "less than or equal to 1000"),
        ({"min_sources": "many"}, "min_sources", "integer"),
        ({"polarity": "perhaps"}, "polarity", "affirmed"),
    ],
)
def test_web_bad_parameters_get_a_clear_422(client, params, field, hint):
    r = client.get("/api/claims", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422 and body["error"]
    [err] = [d for d in body["detail"] if d["loc"][-1] == field]
    assert hint in err["msg"], err


def test_web_vocabulary_lists_the_valid_values(client):
    vocab = _get(client, "/api/vocabulary")
    assert vocab["types"] == list(EVENT_TYPES) and vocab["items"] == list(ITEM_CATEGORIES)


def test_web_page_headers_forbid_inline_script_and_framing(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = {p.split()[0]: p.split()[1:] for p in r.headers["content-security-policy"].split(";") if p.strip()}
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in r.text and "onclick" not in r.text.lower()


def test_web_page_assets_are_served_locally(client):
    page = client.get("/").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    assert "/static/vendor/cytoscape.min.js" in assets and any(a.endswith(".css") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page and "https://" not in page
    assert "Copyright" in client.get("/static/vendor/cytoscape.LICENSE.txt").text


def test_web_openapi_documents_every_route(client):
    spec = _get(client, "/openapi.json")
    for path in (
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/actors",
        "/api/graph",
        "/api/timeline",
        "/api/articles/{article_id}",
    ):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/claims"]["get"]["parameters"]}
    assert {
        "supplier",
        "recipient",
        "actor",
        "type",
        "item",
        "since",
        "until",
        "claimant",
        "min_sources",
        "limit",
        "offset",
    } <= params
    assert client.get("/docs").status_code == 200


# --- the `armswatch serve` command --------------------------------------------------------------------------
def _armswatch() -> list[str]:
    import shutil
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("armswatch")
    return [str(script)] if script.exists() else [shutil.which("armswatch") or "armswatch"]


def test_web_serve_command_serves_page_and_api(web_db, all_claims):
    import subprocess
    import time

    import httpx
    from conftest_web import free_port

    port = free_port()
    proc = subprocess.Popen(
        [*_armswatch(), "serve", "--db", web_db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base, deadline, r = f"http://127.0.0.1:{port}", time.monotonic() + 60, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                r = httpx.get(base + "/api/claims", params={"limit": 1}, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert r is not None, proc.stderr.read() if proc.poll() is not None else "server did not answer"
        assert r.status_code == 200 and r.json()["total"] == len(all_claims)
        page = httpx.get(base + "/", timeout=5)
        assert page.status_code == 200 and "Supply graph" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize(
    "db,problem", [("nosuch://x", "unsupported database"), ("/no/such/folder/x.db", "does not exist")]
)
def test_web_serve_command_bad_database_is_a_one_line_error(db, problem):
    import subprocess

    done = subprocess.run(
        [*_armswatch(), "serve", "--db", db], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0] and "Traceback" not in done.stderr


# --- the same API over PostgreSQL ---------------------------------------------------------------------------------
def _claim_key(c: dict) -> tuple:
    return c["id"], c["type"], c["supplier"], c["recipient"], c["stories"], c["articles"]


@pytest.mark.postgres
def test_web_postgresql_store_gives_the_same_answers(client, tmp_path_factory):
    from conftest_store import PgSchemas, pg_base_url
    from fastapi.testclient import TestClient

    from armswatch.web import create_app

    schemas = PgSchemas(pg_base_url())
    try:
        url = schemas.new_url()
        ingest_into(url, web_sources(tmp_path_factory))
        with TestClient(create_app(url)) as pg:

            def same(path, **params):
                a, b = client.get(path, params=params), pg.get(path, params=params)
                assert a.status_code == b.status_code == 200, (path, b.text[:300])
                return a.json(), b.json()

            lite, post = same("/api/claims", limit=1000)
            assert sorted(map(_claim_key, lite["claims"])) == sorted(map(_claim_key, post["claims"]))
            denied_id = next(c["id"] for c in lite["claims"] if c["denials"])
            lite, post = same("/api/graph", actor="Russia", type="TRANSFER")
            assert {e["id"] for e in lite["edges"]} == {e["id"] for e in post["edges"]}
            lite, post = same("/api/timeline")
            assert lite == post
            lite, post = same(f"/api/claims/{denied_id}")
            assert [m["evidence"] for m in lite["mentions"]] == [m["evidence"] for m in post["mentions"]]
            assert [d["id"] for d in lite["denied_by"]] == [d["id"] for d in post["denied_by"]]
            assert pg.get("/api/claims", params={"type": "BOMB"}).status_code == 422
    finally:
        schemas.drop_all()


def test_web_page_scripts_never_parse_data_as_html():
    """The page's own JS builds DOM with createElement/textContent only; the browser tests check the behaviour."""
    from importlib import resources

    js = resources.files("armswatch.web") / "static" / "js"
    scripts = {f.name: f.read_text(encoding="utf-8") for f in js.iterdir() if f.name.endswith(".js")}
    assert {"main.js", "claims.js", "graph.js", "timeline.js", "dom.js"} <= set(scripts)
    sinks = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\"on"
    )
    found = [f"{name}: {m.group(0)}" for name, text in scripts.items() for m in sinks.finditer(text)]
    assert found == []


def test_web_highlights_prefer_the_claimants_own_words():
    from armswatch.web.evidence import highlight_spans

    text = (
        "KYIV - Iran has sent drones to Russia, a spokesman for Ukraine's air force said; Ukraine is angry."
    )
    mention = {
        "evidence": text, "evidence_start": 100, "trigger": "sent", "trigger_start": 100 + text.index("sent"),
        "supplier": "IRN", "recipient": "RUS", "claimant": "UKR",
        "claimant_text": "a spokesman for Ukraine's air force",
    }  # fmt: skip
    names = {"IRN": "Iran", "RUS": "Russia", "UKR": "Ukraine"}
    marked = [(text[s["start"] : s["end"]], s["kind"]) for s in highlight_spans(mention, names)]
    assert marked == [("Iran", "supplier"), ("sent", "trigger"), ("Russia", "recipient"),
                      ("a spokesman for Ukraine's air force", "claimant")]  # fmt: skip
    # without the words as written, the claimant is found by its names
    marked = [
        (text[s["start"] : s["end"]], s["kind"])
        for s in highlight_spans({**mention, "claimant_text": None}, names)
    ]
    assert ("Ukraine", "claimant") in marked and ("sent", "trigger") in marked
