"""The analyst's page in a real chromium over a real ingest of the samples: graph, filters, evidence,
keyboard use, layout at 1366x768, and a hostile article whose script payloads must stay inert text."""

from __future__ import annotations

import httpx
import pytest
from conftest_web import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE, live_server

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

VIEWPORT = {"width": 1366, "height": 768}
# Record CSP violations: a blocked inline script or style would break the page silently, so it fails a test.
WATCH_CSP = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation', "
    "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture(scope="module")
def base_url(samples_url):
    return samples_url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.add_init_script(WATCH_CSP)
    yield pg
    context.close()


def api(base_url, path, **params):
    r = httpx.get(base_url + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def graph_ids(page) -> tuple[set[str], set[str]]:
    nodes, edges = page.evaluate(
        "[window.armswatch.cy.nodes().map(n => n.id()), window.armswatch.cy.edges().map(e => e.id())]"
    )
    return set(nodes), set(edges)


def wait_ready(page):
    # wait_for_function would need eval, which the page's CSP forbids; the page flags its state on <body>
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def drawn(edges: list[dict]) -> set[str]:
    """The claims the page draws as edges: all but a DENIAL that answers a drawn claim (a mark on that claim)."""
    ids = {e["id"] for e in edges}
    marks = {d for e in edges for d in e["denials"] if e["id"] != d}
    return {e["id"] for e in edges if not (e["type"] == "DENIAL" and e["id"] in marks and e["id"] in ids)}


def evidence_texts(page) -> list[str]:
    return page.locator("#claim-detail blockquote.evidence").all_inner_texts()


def test_browser_page_draws_the_graph_of_the_api(page, base_url):
    open_page(page, base_url + "/")
    graph = api(base_url, "/api/graph")
    nodes, edges = graph_ids(page)
    assert nodes == {n["id"] for n in graph["nodes"]} and edges == drawn(graph["edges"])
    assert any(e["type"] == "DENIAL" for e in graph["edges"]) and len(edges) < len(graph["edges"])
    # negated and denied claims are drawn differently from affirmed ones; a denial is a mark, not an arrow
    styles = page.evaluate("""Object.fromEntries(window.armswatch.cy.edges().map(e =>
        [e.id(), [e.style('line-style'), e.style('line-color'), parseFloat(e.style('width')),
                  e.style('mid-target-arrow-shape'), e.style('target-arrow-shape')]]))""")
    for e in graph["edges"]:
        if e["id"] not in edges:
            continue
        if e["type"] == "DENIAL":
            assert styles[e["id"]][0] == "dotted" and styles[e["id"]][4] == "none", e  # no arrowhead
            continue
        expected = "dashed" if e["polarity"] == "negated" else "solid"
        assert styles[e["id"]][0] == expected, e
        assert (styles[e["id"]][3] == "tee") == bool(e["denied"]), e
    by_type: dict[str, set] = {}
    for e in graph["edges"]:
        if e["id"] not in edges or e["type"] == "DENIAL":
            continue
        by_type.setdefault(e["type"], set()).add(styles[e["id"]][1])
    assert all(len(colours) == 1 for colours in by_type.values()) and len(by_type) == len(
        {c for cs in by_type.values() for c in cs}
    ), by_type
    shown = [e for e in graph["edges"] if e["id"] in edges and e["type"] != "DENIAL"]
    widest = max(shown, key=lambda e: e["stories"])
    thinnest = min(shown, key=lambda e: e["stories"])
    assert widest["stories"] > thinnest["stories"]
    assert styles[widest["id"]][2] > styles[thinnest["id"]][2]
    legend = page.inner_text("#legend")
    for word in ("transfer", "pledge", "denial", "negated", "denied", "sources"):
        assert word in legend
    assert page.locator("#timeline svg rect").count() > 0
    assert page.evaluate("window.__csp") == [] and page.errors == []


def test_browser_filters_change_graph_table_and_url(page, base_url):
    open_page(page, base_url + "/")
    all_nodes, all_edges = graph_ids(page)
    type_ = min(
        {e["type"] for e in api(base_url, "/api/graph")["edges"]},
        key=lambda t: len(api(base_url, "/api/graph", type=t)["edges"]),
    )
    page.select_option("#f-type", type_)
    wait_ready(page)
    expected = api(base_url, "/api/graph", type=type_)
    nodes, edges = graph_ids(page)
    assert edges == drawn(expected["edges"]) and edges < all_edges
    assert nodes == {n["id"] for n in expected["nodes"]}
    rows = page.locator("#claims-table tbody tr.claim-row")
    assert rows.count() == api(base_url, "/api/claims", type=type_)["total"]
    assert set(page.locator("#claims-table tbody .badge[data-type]").all_inner_texts()) == {type_}
    assert f"type={type_}" in page.url

    page.click("#f-reset")
    wait_ready(page)
    assert graph_ids(page) == (all_nodes, all_edges)

    page.fill("#f-actor", "Iran")
    page.press("#f-actor", "Enter")
    wait_ready(page)
    nodes, edges = graph_ids(page)
    assert "IRN" in nodes and edges == drawn(api(base_url, "/api/graph", actor="IRN")["edges"])
    ends = page.evaluate("window.armswatch.cy.edges().map(e => [e.data('source'), e.data('target')])")
    assert ends and all("IRN" in pair for pair in ends)

    page.fill("#f-actor", "Atlantis Republic")
    page.press("#f-actor", "Enter")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "Atlantis Republic" in page.inner_text("#filter-error")


# A point where the edge itself, not a crossing edge or a node, is what a click hits (cytoscape's hit test).
EDGE_POINT = """id => {
    const cy = window.armswatch.cy, e = cy.getElementById(id), box = cy.container().getBoundingClientRect();
    const a = e.source().position(), b = e.target().position();
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65]) {
        const x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);
        // a point where no other element lies within a few pixels: a hover or a wider line cannot steal the click
        const near = [[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6], [4, 4], [-4, -4], [4, -4], [-4, 4]].map(
            ([dx, dy]) => cy.renderer().findNearestElement(x + dx / cy.zoom(), y + dy / cy.zoom(), true, false));
        if (near[0] && near[0].id() === id && near.every(h => !h || h.id() === id)) {
            const pan = cy.pan(), zoom = cy.zoom();
            return [box.left + x * zoom + pan.x, box.top + y * zoom + pan.y];
        }
    }
    return null;
}"""


def test_browser_clicking_an_edge_shows_its_evidence(page, base_url):
    open_page(page, base_url + "/")
    edges = api(base_url, "/api/graph")["edges"]
    pairs = [frozenset((e["source"], e["target"])) for e in edges]
    single = [e for e, pair in zip(edges, pairs) if pairs.count(pair) == 1]  # drawn straight, easy to hit
    point = edge = None
    for edge in sorted(single, key=lambda e: -e["stories"]):
        point = page.evaluate(EDGE_POINT, edge["id"])
        if point:
            break
    assert point, "no edge of the graph can be clicked on its own"
    x, y = point
    page.mouse.click(x, y)
    page.wait_for_selector(f"#claim-detail[data-claim-id='{edge['id']}'] blockquote.evidence")
    claim = api(base_url, f"/api/claims/{edge['id']}")
    assert evidence_texts(page) == [m["evidence"] for m in claim["mentions"]]
    detail = page.inner_text("#claim-detail")
    for m in claim["mentions"]:
        if m["title"]:
            assert m["title"] in detail
    triggers = page.locator("#claim-detail blockquote mark.hl-trigger").all_inner_texts()
    assert triggers and set(triggers) <= {m["trigger"] for m in claim["mentions"]}
    # the table now lists the claims of that edge, the clicked one marked
    assert page.locator(f"#claims-table tr.open[data-claim-id='{edge['id']}']").count() == 1


def test_browser_clicking_a_node_lists_its_claims_and_background_restores_all(page, base_url):
    open_page(page, base_url + "/")
    total = api(base_url, "/api/claims", limit=1)["total"]
    edges = api(base_url, "/api/graph")["edges"]
    node = max(
        {e["source"] for e in edges}, key=lambda n: sum(n in (e["source"], e["target"]) for e in edges)
    )
    x, y = page.evaluate(
        """id => { const cy = window.armswatch.cy, p = cy.getElementById(id).renderedPosition();
        const r = cy.container().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""",
        node,
    )
    page.mouse.click(x, y)
    page.wait_for_selector("#selection:not([hidden])")
    wait_ready(page)
    expected = api(base_url, "/api/claims", actor=node, limit=50)
    assert page.locator("#claims-table tbody tr.claim-row").evaluate_all(
        "rows => rows.map(r => r.dataset.claimId)"
    ) == [c["id"] for c in expected["claims"]]
    assert page.inner_text("#claims-total") == f"({expected['total']})"
    assert expected["total"] < total
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # the empty corner of the graph
    page.wait_for_selector("#selection[hidden]", state="attached")
    wait_ready(page)
    assert page.inner_text("#claims-total") == f"({total})"


def test_browser_keyboard_enter_on_a_claim_opens_it(page, base_url):
    open_page(page, base_url + "/")
    first_id = api(base_url, "/api/claims", limit=1)["claims"][0]["id"]
    for _ in range(40):  # Tab through the filters to the first row of the table
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.claimId") == first_id:
            break
    else:
        pytest.fail("Tab never reached the claims table")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focused row has no visible focus ring"
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{first_id}'] blockquote.evidence")
    claim = api(base_url, f"/api/claims/{first_id}")
    assert evidence_texts(page) == [m["evidence"] for m in claim["mentions"]]
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.claimId")
    assert second and second != first_id
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{second}']")


def test_browser_denied_claim_lists_its_denials(page, base_url):
    denied = next(c for c in api(base_url, "/api/claims", limit=1000)["claims"] if c["denials"])
    open_page(page, f"{base_url}/?type={denied['type']}&actor={denied['supplier']}")
    page.press(f"#claims-table tr[data-claim-id='{denied['id']}']", "Enter")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{denied['id']}'] .denials button")
    denial_id = denied["denials"][0]
    page.click(f"#claim-detail .denials button[data-claim-id='{denial_id}']")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{denial_id}'] blockquote.evidence")
    assert page.locator(f"#claim-detail .answers button[data-claim-id='{denied['id']}']").count() == 1


def test_browser_hostile_article_stays_inert_text(page, base_url):
    claims = api(base_url, "/api/claims", supplier="IRN", recipient="RUS", type="TRANSFER", limit=1000)[
        "claims"
    ]
    hostile = next(
        c
        for c in claims
        if any(HOSTILE_IMG in m["evidence"] for m in api(base_url, f"/api/claims/{c['id']}")["mentions"])
    )
    open_page(page, f"{base_url}/?type=TRANSFER&actor=IRN")
    title = page.title()
    page.press(f"#claims-table tr[data-claim-id='{hostile['id']}']", "Enter")
    page.wait_for_selector(f"#claim-detail[data-claim-id='{hostile['id']}'] blockquote.evidence")
    page.wait_for_timeout(500)  # an injected <img onerror> would have fired by now
    assert page.evaluate("window.__pwned") is None
    assert page.title() == title and page.errors == []
    detail = page.locator("#claim-detail")
    text = detail.inner_text()
    assert HOSTILE_IMG in text and HOSTILE_SCRIPT in text  # shown literally, as the article had it
    assert HOSTILE_TITLE in text
    assert detail.locator("img, script, iframe").count() == 0
    hrefs = detail.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    # links out are http(s) only; the rest open the stored article on this server
    assert all(h.startswith(("http://", "https://", "/article?id=")) for h in hrefs), hrefs
    assert any(h.startswith("/article?id=") for h in hrefs)
    assert page.evaluate("window.__csp") == []


def test_browser_page_fits_a_laptop_screen(page, base_url):
    open_page(page, base_url + "/")
    first_id = api(base_url, "/api/claims", limit=1)["claims"][0]["id"]
    page.press(f"#claims-table tr[data-claim-id='{first_id}']", "Enter")
    page.wait_for_selector("#claim-detail blockquote.evidence")
    boxes = {
        sel: page.locator(sel).bounding_box()
        for sel in ("#filters", "#graph", "#legend", "#timeline", ".table-wrap", "#claim-detail")
    }
    for sel, box in boxes.items():
        assert box and box["width"] > 150 and box["height"] > 20, (sel, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"] + 1, (sel, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"] + 1, (sel, box)
    assert boxes["#graph"]["height"] >= 250 and boxes["#graph"]["width"] >= 600
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"]


def test_browser_api_docs_work_offline_under_the_csp(page, base_url):
    page.route(
        "**/*",
        lambda route: route.abort() if not route.request.url.startswith(base_url) else route.continue_(),
    )
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/graph",
        "/api/timeline",
        "/api/actors",
        "/api/articles/{article_id}",
    } <= paths
    assert page.evaluate("window.__csp") == [] and page.errors == []


def test_browser_empty_database_shows_empty_states(browser, tmp_path):
    from armswatch.web import create_app

    with live_server(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as base:
        page = browser.new_page(viewport=VIEWPORT)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        open_page(page, base + "/")
        assert graph_ids(page) == (set(), set())
        assert "No claims" in page.inner_text("#claims-table")
        assert "No dated mentions" in page.inner_text("#timeline")
        assert errors == []
        page.close()
