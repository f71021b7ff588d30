"""Web safety: hostile article text must never run in the analyst's browser, and hostile requests get clean answers.

Covers the issue's points: parameterised SQL (a source scan plus injection attempts), API parameters validated with
clear 422 errors, static paths that cannot leave their folder, security headers (CSP without inline script) and a
real chromium rendering an article written by an attacker.
"""
from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest_reliability import REPO, raw_get, serve_app

SRC = REPO / "src" / "armswatch"

HOSTILE_TITLE = "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='img-title'\">"
HOSTILE_TEXT = ("Iran has delivered drones to Russia <img src=x onerror=\"window.__pwned='img'\">"
                "<script>window.__pwned='script'</script>, officials said. "
                "Robert'); DROP TABLE articles;-- said the shipment was the largest yet.")


def _hostile_store(url: str):
    from armswatch.store import open_store
    from armswatch.types import Article, Mention

    store = open_store(url)
    evidence = HOSTILE_TEXT[: HOSTILE_TEXT.index("officials said.") + len("officials said.")]
    article = Article(id="a" * 40, text=HOSTILE_TEXT, source="hostile.html", title=HOSTILE_TITLE,
                      url="javascript:window.__pwned='url'", site="<b onmouseover=alert(1)>evil</b>",
                      published="2024-03-04", author="<svg onload=alert(1)>")
    mention = Mention(type="TRANSFER", supplier="IRN", recipient="RUS", item_text="drones <svg onload=alert(2)>",
                      item_category="drones", item_categories=["drones"], claimant="other",
                      claimant_text="<iframe src=javascript:alert(3)>", evidence=evidence, evidence_start=0,
                      evidence_end=len(evidence), trigger="delivered", trigger_start=HOSTILE_TEXT.index("delivered"))
    store.add_batch([article], [[mention]])
    return store


@pytest.fixture
def hostile_app(tmp_path):
    from armswatch.web import create_app

    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    _hostile_store(url).close()
    return create_app(url), url


@pytest.fixture
def client(hostile_app):
    from fastapi.testclient import TestClient

    with TestClient(hostile_app[0]) as c:
        yield c


def _csp(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


# --- headers ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/claims", "/static/js/main.js", "/api/claims/nope", "/no-such-page"])
def test_web_security_headers_on_every_response(client, path):
    r = client.get(path)
    csp = _csp(r.headers.get("content-security-policy", ""))
    assert csp, f"{path}: no Content-Security-Policy"
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts is not None, "CSP must restrict scripts"
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, scripts
    assert not [s for s in scripts if s.startswith(("http:", "https:", "*", "data:"))], f"remote scripts allowed: {scripts}"
    assert csp.get("object-src") == ["'none'"]
    assert csp.get("frame-ancestors") == ["'none'"] or r.headers.get("x-frame-options", "").upper() == "DENY"
    assert r.headers.get("x-content-type-options") == "nosniff"


class _PageScan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"inline handler {name} on <{tag}>")
            if value and name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL on <{tag}>")
            if name == "style":
                self.problems.append(f"inline style on <{tag}> (blocked by style-src 'self')")
        if tag == "script":
            if not dict(attrs).get("src"):
                self.problems.append("inline <script> without src")
            self._in_script = True
        if tag == "style":
            self.problems.append("inline <style> block (blocked by style-src 'self')")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("script body inline")


def test_web_page_has_no_inline_script(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    scan = _PageScan()
    scan.feed(r.text)
    assert scan.problems == []
    for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', r.text):  # every script it loads is ours and served
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200, src


def test_web_api_serves_hostile_text_as_json_only(client):
    """Article text comes back as JSON data, typed so a browser will not sniff it into HTML."""
    r = client.get("/api/articles/" + "a" * 40)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert r.json()["title"] == HOSTILE_TITLE  # stored and returned intact, neither lost nor half-escaped


# --- parameter validation -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path,params,field", [
    ("/api/claims", {"min_sources": "abc"}, "min_sources"),
    ("/api/claims", {"min_sources": "-1"}, "min_sources"),
    ("/api/claims", {"limit": "0"}, "limit"),
    ("/api/claims", {"limit": "10000000"}, "limit"),
    ("/api/claims", {"offset": "-5"}, "offset"),
    ("/api/claims", {"since": "2024-13-01"}, "since"),
    ("/api/claims", {"since": "yesterday"}, "since"),
    ("/api/claims", {"until": "2024-02-30"}, "until"),
    ("/api/claims", {"since": "2024-05-01", "until": "2024-01-01"}, "until"),
    ("/api/claims", {"type": "NUKE"}, "type"),
    ("/api/claims", {"item": "' OR 1=1 --"}, "item"),
    ("/api/claims", {"polarity": "maybe"}, "polarity"),
    ("/api/claims", {"supplier": "x" * 5000}, "supplier"),
    ("/api/claims", {"supplier": "' OR '1'='1"}, "supplier"),
    ("/api/graph", {"recipient": "Robert'); DROP TABLE claims;--"}, "recipient"),
    ("/api/timeline", {"min_sources": "1e309"}, "min_sources"),
    ("/api/claims", {"min_sources": "99999999999999999999999"}, "min_sources"),
])
def test_web_api_rejects_bad_parameters_with_clear_422(client, path, params, field):
    r = client.get(path, params=params)
    assert r.status_code == 422, (r.status_code, r.text[:300])
    body = r.json()
    details = body.get("detail")
    assert isinstance(details, list) and details, body
    named = [d for d in details if field in [str(x) for x in d.get("loc", [])]]
    assert named, f"the error does not name the parameter {field!r}: {details}"
    assert all(isinstance(d.get("msg"), str) and d["msg"] for d in named)
    # the table is still there and still answers
    assert client.get("/api/claims").json()["total"] >= 1


@pytest.mark.parametrize("path", [
    "/api/claims/' OR 1=1 --", "/api/claims/1;DROP TABLE claims", "/api/articles/x' UNION SELECT * FROM articles--",
    "/api/articles/%00", "/api/claims/" + "9" * 3000,
])
def test_web_api_injection_in_path_is_not_found(client, path):
    r = client.get(path)
    assert r.status_code in (404, 422), (r.status_code, r.text[:200])
    assert client.get("/api/claims").json()["total"] >= 1
    assert client.get("/api/articles/" + "a" * 40).status_code == 200


def test_store_filters_treat_injection_as_data(hostile_app):
    """Straight at the store, below the API's validation: quotes and SQL in filter values match nothing."""
    from armswatch.store import open_store
    from armswatch.types import ClaimFilter

    store = open_store(hostile_app[1])
    try:
        for value in ("' OR '1'='1", "IRN' --", "IRN\"; DROP TABLE claims; --", "%", "_", "\\"):
            for field in ("supplier", "recipient", "actor", "claimant", "type", "item"):
                assert store.claims(ClaimFilter(**{field: value})) == [], (field, value)
        assert len(store.claims(ClaimFilter(supplier="IRN"))) == 1
        assert store.article("' OR 1=1 --") is None
        assert store.stats()["articles"] == 1
    finally:
        store.close()


# --- static files -------------------------------------------------------------------------------------------------
TRAVERSALS = [
    "/static/../app.py", "/static/../../web/app.py", "/static/%2e%2e/app.py", "/static/%2E%2E/%2E%2E/store/engine.py",
    "/static/..%2fapp.py", "/static/..%2F..%2Fweb%2Fapp.py", "/static/....//app.py", "/static/..\\app.py",
    "/static/%2e%2e%5capp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/../../../../../../etc/passwd",
    "/static/js/../../app.py", "/static/%252e%252e/app.py", "/static/%c0%ae%c0%ae/app.py", "/static/./../app.py",
    "/static/vendor/../../app.py", "/static/\x00../app.py".replace("\x00", "%00"),
]


def test_web_static_paths_cannot_escape_their_folder(hostile_app):
    """Raw request lines (no client normalisation) at a real uvicorn server: nothing outside static/ is served."""
    secrets = [b"def create_app", b"SQLITE_BUSY_TIMEOUT_MS", b"root:x:0:0"]
    with serve_app(hostile_app[0]) as base:
        status, body = raw_get(base, "/static/js/dom.js")
        assert status == 200 and b"safeHref" in body  # the folder itself is served
        for path in TRAVERSALS:
            status, body = raw_get(base, path)
            leaked = [s for s in secrets if s in body]
            assert not leaked, f"{path} leaked {leaked}"
            assert status in (400, 403, 404), f"{path}: status {status}"


# --- SQL is parameterised everywhere: a scan of the source ----------------------------------------------------------
SQL_CALLS = {"text", "execute", "exec_driver_sql", "executescript", "executemany"}


def _dynamic_sql(node: ast.AST) -> bool:
    """True if an SQL string is built from values at run time (f-string, %, +, .format) other than CONSTANTS."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and not (isinstance(v.value, ast.Name) and v.value.id.isupper())
                   for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return isinstance(node.left, (ast.Constant, ast.JoinedStr, ast.BinOp)) or isinstance(
            node.right, (ast.Constant, ast.JoinedStr))
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def test_store_sql_is_parameterised_everywhere():
    problems = []
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SQL_CALLS and _dynamic_sql(node.args[0]):
                problems.append(f"{path.relative_to(REPO)}:{node.lineno}: SQL built from run-time values in {name}()")
    assert problems == [], "\n".join(problems)


def test_store_sql_scan_catches_string_building():
    """The scan above can fail: it flags the patterns it looks for."""
    bad = ['conn.execute(text(f"SELECT * FROM claims WHERE id = {claim_id}"))',
           'conn.execute("SELECT * FROM t WHERE a = \'%s\'" % value)',
           'conn.exec_driver_sql("DELETE FROM t WHERE id=" + ident)',
           'cur.execute("SELECT {}".format(x))']
    good = ['conn.execute(text("SELECT * FROM claims WHERE id = :id"), {"id": claim_id})',
            'cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")']
    for src in bad:
        call = ast.parse(src).body[0].value
        inner = call.args[0]
        target = inner.args[0] if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "text" else inner
        assert _dynamic_sql(target), src
    for src in good:
        call = ast.parse(src).body[0].value
        inner = call.args[0]
        target = inner.args[0] if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "text" else inner
        assert not _dynamic_sql(target), src


# --- a real browser on a hostile article ------------------------------------------------------------------------------
@pytest.mark.browser
def test_web_page_hostile_article_never_runs_in_browser(hostile_app):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium not installed")
    with serve_app(hostile_app[0]) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            dialogs, errors = [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            page.wait_for_selector("tr.claim-row", timeout=20_000)
            page.click("tr.claim-row")
            page.wait_for_selector("#claim-detail blockquote.evidence", timeout=20_000)
            page.wait_for_timeout(500)  # give any injected handler (img onerror) time to fire
            assert page.evaluate("window.__pwned") is None
            assert dialogs == []
            detail = page.locator("#claim-detail")
            assert detail.locator("img, script, iframe, svg[onload]").count() == 0
            assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
            text = detail.inner_text()
            assert "<img src=x onerror=" in text  # shown as text, so the analyst sees what the page contained
            assert detail.locator("a[href^='javascript:']").count() == 0
            assert errors == [], errors
        finally:
            browser.close()


# --- the terminal is a page too: article text printed by the CLI must not drive the user's terminal ----------------------
TERMINAL_TITLE = "Drones \x1b]0;PWNED\x07 shipped \x1b[2J\x1b[31m [link=https://evil.example]click[/link] [bold]x[/bold]"


def test_cli_output_does_not_pass_terminal_escapes_from_articles(tmp_path):
    """`claims`, `show`, `articles` and `ingest` print article-derived text; escape sequences in it are neutralised
    and Rich markup in it is shown as text, even when the output is a colour terminal."""
    import os
    import subprocess
    import sys

    from armswatch.store import open_store
    from armswatch.types import Article, Mention

    db = tmp_path / "term.db"
    store = open_store(str(db))
    text = f"Iran has delivered drones to Russia, {TERMINAL_TITLE}, officials said on Monday in a statement."
    evidence = text
    store.add_batch([Article(id="b" * 40, text=text, source="term.txt", title=TERMINAL_TITLE,
                             url="https://news.example/\x1b[2J", site="\x1b]8;;https://evil.example\x07site",
                             published="2024-03-04")],
                    [[Mention(type="TRANSFER", supplier="IRN", recipient="RUS", item_category="drones",
                              claimant="other", claimant_text="\x1b[5mblink", evidence=evidence, evidence_start=0,
                              evidence_end=len(evidence))]])
    claim_id = store.claims()[0].id
    store.close()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.txt").write_text(f"{TERMINAL_TITLE}\n\nIran has delivered drones to Russia, officials said "
                                        f"on Monday, {TERMINAL_TITLE}.\n", encoding="utf-8")
    (folder / "bad\x1b[2J.txt").write_bytes(b"")  # a file name is input too: it is printed in the skip reasons
    exe = os.path.join(os.path.dirname(sys.executable), "armswatch")
    env = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "200"}
    commands = [["claims", "--db", str(db)], ["show", claim_id, "--db", str(db)], ["articles", str(folder)],
                ["ingest", str(folder), "--db", str(tmp_path / "other.db")]]
    leaks = []
    for args in commands:
        out = subprocess.run([exe, *args], check=False, capture_output=True, env=env, timeout=300)
        both = out.stdout + out.stderr
        assert out.returncode in (0, 1), (args[0], out.returncode, out.stderr[-500:])
        for seq, what in [(b"\x1b]0;PWNED", "OSC set-title"), (b"\x1b[2J", "clear-screen"), (b"\x07", "bell"),
                          (b"\x1b]8;;https://evil", "hyperlink"), (b"\x1b[5m", "blink")]:
            if seq in both:
                leaks.append(f"`armswatch {args[0]}` passed a {what} sequence from article data")
    assert not leaks, "\n".join(leaks)
