"""The analyst's workbench in a real chromium over invented articles (tests/data/workbench): search, a page that
works at phone and desktop sizes, a stable graph whose edges open exactly their claim, denials as marks, the
timeline's week and brush, claimant labels, the stored article, and downloads of the current view."""

from __future__ import annotations

import csv
import io
import json
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from conftest_web import live_server
from conftest_workbench import workbench_db_url

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

SIZES = [(390, 844), (1440, 900), (360, 740)]


@pytest.fixture(scope="module")
def wb_url(tmp_path_factory):
    from armswatch.web import create_app

    with live_server(create_app(workbench_db_url(tmp_path_factory))) as url:
        yield url


def new_page(browser, width=1440, height=900, **kw):
    context = browser.new_context(viewport={"width": width, "height": height}, **kw)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def ready(page):
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def api(base, path, **params):
    r = httpx.get(base + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def claim_id(base, type_, supplier, recipient):
    claims = api(base, "/api/claims", limit=1000)["claims"]
    return next(c["id"] for c in claims if (c["type"], c["supplier"], c["recipient"]) == (type_, supplier, recipient))


def table_ids(page) -> list[str]:
    return page.locator("#claims-table tbody tr.claim-row").evaluate_all("rows => rows.map(r => r.dataset.claimId)")


# --- 2. the page at any size ---------------------------------------------------------------------------------
@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_page_has_no_sideways_scroll_and_reaches_graph_table_and_evidence(browser, wb_url, width, height):
    page = new_page(browser, width, height)
    page.goto(wb_url + "/")
    ready(page)
    page.press("#claims-table tr.claim-row", "Enter")
    page.wait_for_selector("#claim-detail blockquote.evidence")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.body.scrollWidth") <= width
    boxes = {}
    for sel in ("#graph", "#timeline", "#claims-table", "#claim-detail"):
        page.locator(sel).scroll_into_view_if_needed()
        box = page.locator(sel).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 60, (sel, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (sel, box)  # nothing cut off at the side
        boxes[sel] = page.evaluate(f"document.querySelector('{sel}').getBoundingClientRect().top + window.scrollY")
    rows = page.locator("#claims-table tr.claim-row")
    for i in range(rows.count()):  # every column of every row is inside the screen
        right = rows.nth(i).evaluate("r => Math.max(...[...r.cells].map(c => c.getBoundingClientRect().right))")
        assert right <= width + 1
    if width < 900:  # one column: graph, then claims, then evidence
        assert boxes["#graph"] < boxes["#claims-table"] < boxes["#claim-detail"]
        small = page.locator("#filters button, #filters input, #filters select, #page-next, tr.claim-row").evaluate_all(
            "els => els.filter(e => e.getBoundingClientRect().height < 44).map(e => e.id || e.tagName)")
        assert small == []  # touch-friendly targets
        assert page.locator("#graph").bounding_box()["height"] >= 300
        second = page.locator("#claims-table tr.claim-row").nth(1)
        second_id = second.get_attribute("data-claim-id")
        page.evaluate("window.scrollTo(0, 0)")
        second.click()  # a tap on a claim brings its evidence up
        page.wait_for_selector(f"#claim-detail[data-claim-id='{second_id}'] blockquote.evidence")
        page.wait_for_timeout(200)
        top = page.evaluate("document.getElementById('claim-detail').getBoundingClientRect().top")
        assert 0 <= top < height - 100
    else:
        assert page.evaluate("document.documentElement.scrollHeight") <= height + 1  # everything on one screen
    assert page.errors == []
    page.context.close()


# --- 3. a stable, readable graph -----------------------------------------------------------------------------
POSITIONS = "Object.fromEntries(window.armswatch.cy.nodes().map(n => [n.id(), [Math.round(n.position('x')), " \
            "Math.round(n.position('y'))]]))"
LABEL_BOXES = """window.armswatch.cy.nodes().map(n => { const b = n.boundingBox({includeLabels: true});
    return [n.id(), b.x1, b.y1, b.x2, b.y2]; })"""


def test_graph_is_the_same_on_every_reload_and_labels_do_not_overlap(browser, samples_url):
    seen = []
    for query in ("/", "/", "/?type=TRANSFER", "/?type=TRANSFER"):
        page = new_page(browser)
        page.goto(samples_url + query)
        ready(page)
        seen.append(page.evaluate(POSITIONS))
        boxes = page.evaluate(LABEL_BOXES)
        overlaps = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                    if min(a[3], b[3]) > max(a[1], b[1]) and min(a[4], b[4]) > max(a[2], b[2])]
        assert overlaps == [], overlaps
        page.context.close()
    assert len(seen[0]) > 10 and seen[0] == seen[1]  # Russia stays where it was
    assert seen[2] == seen[3] and seen[2] != seen[0]


# A point on the edge's own curve where a click hits that edge and nothing else, even a pixel or two off: every
# point of a 5x5 px square around it, projected the way cytoscape projects a real click, finds this edge.
EDGE_POINT = """id => {
    const cy = window.armswatch.cy, r = cy.renderer(), e = cy.getElementById(id);
    const box = cy.container().getBoundingClientRect(), pan = cy.pan(), zoom = cy.zoom();
    const a = e.sourceEndpoint(), b = e.targetEndpoint(), c = (e.controlPoints() || [])[0];
    for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7]) {
        const u = 1 - t;
        const m = c ? {x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y}
                    : {x: u * a.x + t * b.x, y: u * a.y + t * b.y};
        const x = Math.round(box.left + m.x * zoom + pan.x), y = Math.round(box.top + m.y * zoom + pan.y);
        let clear = true;
        for (let dx = -2; dx <= 2 && clear; dx++) for (let dy = -2; dy <= 2 && clear; dy++) {
            const [px, py] = r.projectIntoViewport(x + dx, y + dy);
            const hit = r.findNearestElement(px, py, true, false);
            clear = !!hit && hit.id() === id;
        }
        if (clear) return [x, y];
    }
    return null;
}"""


def test_clicking_each_edge_opens_exactly_that_claim(browser, wb_url, samples_url):
    for base, least in ((wb_url, 5), (samples_url, 12)):
        page = new_page(browser)
        page.goto(base + "/")
        ready(page)
        edges = page.evaluate("window.armswatch.cy.edges().map(e => e.id())")
        clicked = []
        for edge in edges:
            point = page.evaluate(EDGE_POINT, edge)
            if not point:
                continue
            page.mouse.click(*point)
            page.wait_for_selector(f"#claim-detail[data-claim-id='{edge}'] blockquote.evidence")
            ready(page)
            assert page.get_attribute("#claim-detail", "data-claim-id") == edge
            clicked.append(edge)
            corner = page.locator("#graph").bounding_box()
            page.mouse.click(corner["x"] + 2, corner["y"] + 2)  # the background: back to all claims
            page.wait_for_selector("#selection[hidden]", state="attached")
            ready(page)
        assert len(clicked) >= least, (base, clicked, edges)
        page.context.close()


def test_parallel_claims_are_offset_and_each_clickable(browser, wb_url):
    page = new_page(browser)
    page.goto(wb_url + "/")
    ready(page)
    pair = [claim_id(wb_url, "TRANSFER", "BOL", "PRY"), claim_id(wb_url, "PLEDGE", "BOL", "PRY")]
    points = [page.evaluate(EDGE_POINT, e) for e in pair]
    assert all(points) and abs(points[0][0] - points[1][0]) + abs(points[0][1] - points[1][1]) > 12
    for edge, point in zip(pair, points):
        page.mouse.click(*point)
        page.wait_for_selector(f"#claim-detail[data-claim-id='{edge}']")
        ready(page)
        assert set(table_ids(page)) == set(pair)  # the table lists the pair's claims
    page.context.close()


def test_denial_is_a_mark_on_the_claim_it_answers(browser, wb_url):
    transfer = claim_id(wb_url, "TRANSFER", "CHL", "PER")
    denial = claim_id(wb_url, "DENIAL", "CHL", "PER")
    page = new_page(browser)
    page.goto(wb_url + "/")
    ready(page)
    drawn = page.evaluate("window.armswatch.cy.edges().map(e => e.id())")
    assert denial not in drawn and transfer in drawn  # not a supply arrow of its own
    mark = page.evaluate(f"[window.armswatch.cy.getElementById('{transfer}').style('mid-target-arrow-shape'), "
                         f"window.armswatch.cy.getElementById('{transfer}').style('label')]")
    assert mark == ["tee", "✕ denied"]
    page.mouse.click(*page.evaluate(EDGE_POINT, transfer))
    page.wait_for_selector(f"#claim-detail[data-claim-id='{transfer}'] .denials button[data-claim-id='{denial}']")
    assert "Denied by Chile" in page.inner_text("#claim-detail .denials")
    page.context.close()


# --- 4. the timeline -----------------------------------------------------------------------------------------
def test_timeline_week_and_brush_filter_claims_and_graph_by_mention_date(browser, wb_url):
    page = new_page(browser)
    page.goto(wb_url + "/")
    ready(page)
    week = page.locator("#timeline g.week[data-week='2024-W33'] rect.bar").first
    assert week.bounding_box()["width"] >= 12  # wide enough to hit
    week.click()
    ready(page)
    assert page.input_value("#f-since") == "2024-08-12" and page.input_value("#f-until") == "2024-08-18"
    shells, zephyr = claim_id(wb_url, "TRANSFER", "BOL", "PRY"), claim_id(wb_url, "TRANSFER", "NOR", "EST")
    assert set(table_ids(page)) == {shells, zephyr}
    dates = page.locator("#claims-table tbody td.date").all_inner_texts()
    assert sorted(dates) == ["2024-08-13", "2024-08-14"]  # mentions in the week, not "last seen 2024-09-05"
    assert set(page.evaluate("window.armswatch.cy.edges().map(e => e.id())")) == {shells, zephyr}
    assert "by mention date" in page.inner_text("#range-note")
    assert page.locator("#timeline g.week.outside").count() > 0  # the other weeks stay, faded
    # brush from the week of 12 August to the week of 2 September: everything
    first = page.locator("#timeline g.week[data-week='2024-W33'] rect.hit").bounding_box()
    last = page.locator("#timeline g.week[data-week='2024-W36'] rect.hit").bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 5)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] - 5, steps=5)
    page.mouse.up()
    ready(page)
    assert page.input_value("#f-since") == "2024-08-12" and page.input_value("#f-until") == "2024-09-08"
    assert len(table_ids(page)) == 6
    page.click("#range-clear")
    ready(page)
    assert page.input_value("#f-since") == "" and "since" not in page.url
    page.context.close()


def test_bad_filter_leaves_no_stale_results(browser, wb_url):
    page = new_page(browser)
    page.goto(wb_url + "/")
    ready(page)
    page.press("#claims-table tr.claim-row", "Enter")
    page.wait_for_selector("#claim-detail blockquote.evidence")
    page.fill("#f-actor", "Atlantis Republic")
    page.press("#f-actor", "Enter")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "Atlantis Republic" in page.inner_text("#filter-error")
    assert table_ids(page) == [] and "fix the filters" in page.inner_text("#claims-table")
    assert page.evaluate("window.armswatch.cy.elements().length") == 0
    assert page.locator("#claim-detail blockquote.evidence").count() == 0
    assert page.locator("#timeline svg").count() == 0
    page.context.close()


# --- 1. search -------------------------------------------------------------------------------------------------
def test_search_box_lists_ranked_claims_with_the_sentence_marked(browser, wb_url):
    page = new_page(browser)
    page.goto(wb_url + "/")
    ready(page)
    page.fill("#f-q", "Zephyr")
    page.press("#f-q", "Enter")
    ready(page)
    zephyr = claim_id(wb_url, "TRANSFER", "NOR", "EST")
    assert table_ids(page) == [zephyr] and "q=Zephyr" in page.url
    assert page.locator("#claims-table .match mark.hl-search").all_inner_texts() == ["Zephyr"]
    assert page.evaluate("window.armswatch.cy.edges().map(e => e.id())") == [zephyr]
    page.press("#claims-table tr.claim-row", "Enter")
    page.wait_for_selector("#claim-detail blockquote.evidence.matched mark.hl-search")
    # the headline states it too (the stored text starts with it): two evidence sentences, each marked
    assert page.locator("#claim-detail blockquote mark.hl-search").all_inner_texts() == ["Zephyr", "Zephyr"]
    page.fill("#f-q", "Bolivia")  # ranked: the sentences that name Bolivia before a title that does
    page.press("#f-q", "Enter")
    ready(page)
    assert table_ids(page) == [c["id"] for c in api(wb_url, "/api/claims", q="Bolivia")["claims"]]
    assert table_ids(page)[0] == claim_id(wb_url, "TRANSFER", "BOL", "PRY")
    page.fill("#f-q", '"attack drones')
    page.press("#f-q", "Enter")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "quote is not closed" in page.inner_text("#filter-error") and table_ids(page) == []
    page.goto(wb_url + "/?q=tomas&actor=Peru")  # search and filters travel in the address together
    ready(page)
    assert page.input_value("#f-q") == "tomas" and table_ids(page) == [claim_id(wb_url, "DENIAL", "CHL", "PER")]
    page.context.close()


# --- 5. evidence and sources ----------------------------------------------------------------------------------
def test_claimant_labels_say_who_claims_it(browser, wb_url):
    page = new_page(browser)
    for (type_, s, r), who in (
        (("TRANSFER", "CHL", "PER"), "U.S. officials (United States)"),
        (("DENIAL", "CHL", "PER"), "Tomás Ibáñez, a Chilean foreign ministry spokesman"),
        (("TRANSFER", "NOR", "EST"), "the Estonian defence ministry"),
    ):
        cid = claim_id(wb_url, type_, s, r)
        page.goto(f"{wb_url}/?actor={s}")
        ready(page)
        page.press(f"#claims-table tr[data-claim-id='{cid}']", "Enter")
        page.wait_for_selector(f"#claim-detail[data-claim-id='{cid}'] .claimant")
        # one label per evidence sentence; a headline stating the claim adds its own
        assert f"Claimed by {who}" in page.locator("#claim-detail .claimant").all_inner_texts()
        confidence = api(wb_url, f"/api/claims/{cid}")["confidence"]
        if confidence is not None:  # the stored confidence is shown with the claim
            assert f"{confidence:.2f}" in page.inner_text("#claim-detail .facts")
    page.context.close()


def test_evidence_opens_the_stored_article_with_the_sentence_marked(browser, wb_url):
    page = new_page(browser)
    denial = claim_id(wb_url, "DENIAL", "CHL", "PER")
    page.goto(f"{wb_url}/?actor=CHL")
    ready(page)
    page.press(f"#claims-table tr[data-claim-id='{denial}']", "Enter")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{denial}'] a.open-article")
    evidence = page.inner_text("#claim-detail blockquote.evidence")
    with page.context.expect_page() as opened:
        page.click("#claim-detail a.open-article")
    article = opened.value
    article.wait_for_selector("body[data-state=ready]")
    assert article.inner_text("#article-title") == "Chile denies rifle shipments to Peru"
    assert article.inner_text("mark#evidence") == evidence
    assert "Chile has supplied assault rifles to Peru" in article.inner_text("#article-body")  # the whole text
    assert "Chile denies rifle shipments to Peru" not in article.inner_text("#article-body")  # headline shown once
    assert article.locator("#article-meta a").get_attribute("href") == "https://example.org/news/chile-denies"
    page.context.close()


def test_evidence_in_the_headline_is_marked_in_the_page_heading(browser, samples_url):
    claims = api(samples_url, "/api/claims", type="DEAL", supplier="USA", recipient="TWN", limit=1000)["claims"]
    mentions = [m for c in claims for m in api(samples_url, f"/api/claims/{c['id']}")["mentions"]]
    article = api(samples_url, f"/api/articles/{mentions[0]['article_id']}")
    headline = [m for m in mentions if m["evidence_end"] <= article["body_start"]]
    assert headline, "the sample's headline states the sale"
    m = headline[0]
    page = new_page(browser)
    page.goto(f"{samples_url}/article?id={m['article_id']}&start={m['evidence_start']}&end={m['evidence_end']}")
    ready(page)
    assert page.inner_text("#article-title mark#evidence") == m["evidence"]
    body = page.inner_text("#article-body")
    assert m["evidence"] not in body  # the headline is the heading, not a paragraph again
    assert article["text"][article["body_start"]:].split("\n\n")[0] in body
    page.context.close()


def test_export_links_download_the_current_view_with_names(browser, wb_url):
    page = new_page(browser, accept_downloads=True)
    page.goto(f"{wb_url}/?actor=Paraguay&q=shells")
    ready(page)
    shown = table_ids(page)
    with page.expect_download() as dl:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert sorted(r["id"] for r in rows) == sorted(shown) and shown
    assert {(r["supplier_name"], r["recipient_name"]) for r in rows} == {("Bolivia", "Paraguay")}
    with page.expect_download() as dl:
        page.click("#export-json")
    assert sorted(c["id"] for c in json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))) == sorted(shown)
    with page.expect_download() as dl:
        page.click("#export-graphml")
    assert dl.value.suggested_filename == "armswatch-claims.graphml"
    assert "Paraguay" in Path(dl.value.path()).read_text(encoding="utf-8")
    page.context.close()


def test_stored_article_page_keeps_a_hostile_article_inert(browser, samples_url):
    from conftest_web import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE

    claims = api(samples_url, "/api/claims", supplier="IRN", recipient="RUS", limit=1000)["claims"]
    mention = next(m for c in claims for m in api(samples_url, f"/api/claims/{c['id']}")["mentions"]
                   if HOSTILE_IMG in m["evidence"])
    page = new_page(browser)
    page.goto(f"{samples_url}/article?id={mention['article_id']}&start={mention['evidence_start']}"
              f"&end={mention['evidence_end']}")
    ready(page)
    page.wait_for_timeout(300)  # an injected <img onerror> would have fired by now
    assert page.evaluate("window.__pwned") is None and page.errors == []
    assert page.inner_text("mark#evidence") == mention["evidence"]
    assert HOSTILE_SCRIPT in page.inner_text("#article-body") and page.inner_text("#article-title") == HOSTILE_TITLE
    assert page.locator("main img, main script, header img, header script").count() == 0
    assert page.locator("#article-meta a").count() == 0  # a javascript: URL is never a link
    page.goto(f"{samples_url}/article?id=nosuch")
    page.wait_for_selector("#article-error:not([hidden])")
    assert "no article with id 'nosuch'" in page.inner_text("#article-error")
    page.context.close()


# --- confidence (issue [2/4]): a slider that filters, edges fainter when less likely ------------------------------
def test_confidence_slider_filters_claims_and_edges_fade_with_doubt(browser, samples_url):
    claims = api(samples_url, "/api/claims", limit=1000)["claims"]
    confident = [c for c in claims if c["confidence"] is not None and c["confidence"] >= 0.5]
    assert 0 < len(confident) < len(claims)
    page = new_page(browser)
    page.goto(samples_url + "/")
    ready(page)
    opacity = page.evaluate("""() => {
        const out = {};
        window.armswatch.cy.edges().forEach((e) => { out[e.id()] = Number(e.style('opacity')); });
        return out;
    }""")
    by_id = {c["id"]: c for c in claims}
    drawn = [(by_id[i]["confidence"], o) for i, o in opacity.items() if i in by_id and by_id[i]["confidence"] is not None]
    drawn.sort()
    assert drawn[0][0] < drawn[-1][0] - 0.2, drawn  # the samples' claims span a range of confidence
    assert drawn[0][1] < drawn[-1][1]  # the least likely edge is fainter than the most likely
    assert all(o1 <= o2 for (c1, o1), (c2, o2) in pairwise(drawn) if c1 < c2)  # never fainter when likelier
    page.locator("#f-min-confidence").fill("0.5")
    page.locator("#f-min-confidence").dispatch_event("change")
    page.wait_for_function("() => new URLSearchParams(location.search).get('min_confidence') === '0.5'")
    ready(page)
    assert page.locator("#f-min-confidence-value").text_content() == "0.50"
    page.wait_for_function(f"() => window.armswatch.state.total === {len(confident)}")
    shown = set(page.evaluate("() => window.armswatch.cy.edges().map((e) => e.id())"))
    assert shown and shown <= {c["id"] for c in confident}
    assert not page.errors
