"""Helpers for the web tests: a database filled by a real ingest of the bundled samples plus one hostile
article (built once per session), a live uvicorn server on a free 127.0.0.1 port, and Debian's chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]

# An invented report whose evidence sentence carries script payloads; each sets window.__pwned if it runs.
HOSTILE_TITLE = (
    "Drone deliveries <script>window.__pwned='title'</script> <img src=x onerror=\"window.__pwned='t-img'\">"
)
HOSTILE_IMG = "<img src=x onerror=\"window.__pwned='img';document.title='pwned'\">"
HOSTILE_SCRIPT = "<script>window.__pwned='script'</script>"
HOSTILE_TEXT = (
    f"Iran has delivered hundreds of attack drones {HOSTILE_IMG} to Russia {HOSTILE_SCRIPT} "
    "since the spring, Ukrainian military intelligence said on Monday.\n\n"
    "The agency said the drones were assembled at a plant east of Moscow and launched at power stations. "
    "Iranian officials did not answer requests for comment on Monday."
)
HOSTILE_RECORD = {
    "text": HOSTILE_TEXT,
    "title": HOSTILE_TITLE,
    "url": "javascript:window.__pwned='url'",
    "published": "2024-05-06",
}

_cache: dict[str, object] = {}


def samples_dir() -> Path:
    from armswatch import samples

    return Path(samples.path())


def web_sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The inputs of the web tests' database: the samples folder and a JSONL file with the hostile article."""
    if "sources" not in _cache:
        hostile = tmp_path_factory.mktemp("web-input") / "hostile.jsonl"
        hostile.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
        _cache["sources"] = [str(samples_dir()), str(hostile)]
    return _cache["sources"]  # type: ignore[return-value]


def ingest_into(url: str, sources: list[str]) -> None:
    from armswatch.run import ingest
    from armswatch.store import open_store

    with open_store(url) as store:
        summary = ingest(sources, store)
    assert not summary.skipped, f"ingest skipped inputs: {summary.skipped}"
    assert summary.new > 0 and summary.mentions > 0, summary


def sample_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """SQLite URL of a database filled by `armswatch.run.ingest` from the samples and the hostile article."""
    if "url" not in _cache:
        url = f"sqlite:///{tmp_path_factory.mktemp('web-db') / 'web.db'}"
        ingest_into(url, web_sources(tmp_path_factory))
        _cache["url"] = url
    return _cache["url"]  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def live_server(app):
    """Serve an ASGI app with uvicorn in a thread on a free 127.0.0.1 port; yield its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def samples_url(tmp_path_factory):
    """A live server over the samples database."""
    from armswatch.web import create_app

    with live_server(create_app(sample_db_url(tmp_path_factory))) as url:
        yield url


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


SCREENSHOT_SIZES = {"screenshot.png": (1366, 768), "screenshot-1440x900.png": (1440, 900),
                    "screenshot-390x844.png": (390, 844)}


def take_screenshots(folder: Path) -> list[Path]:
    """The page over the samples at each of SCREENSHOT_SIZES (a phone's whole scrolled page), top claim open."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from armswatch.web import create_app

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'samples.db'}"
        ingest_into(url, [str(samples_dir())])
        with live_server(create_app(url)) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            for name, (width, height) in SCREENSHOT_SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + "/")
                page.wait_for_selector("body[data-state=ready]", timeout=30_000)
                page.press("#claims-table tr.claim-row", "Enter")
                page.wait_for_selector("#claim-detail blockquote.evidence")
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(folder / name), full_page=width < 900)
                written.append(folder / name)
                page.close()
            browser.close()
    return written


def take_screenshot(out: Path) -> None:
    """Ingest only the samples into a fresh database; save the page at 1366x768 with the top claim open."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from armswatch.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'samples.db'}"
        ingest_into(url, [str(samples_dir())])
        with live_server(create_app(url)) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(base + "/")
            page.wait_for_selector("body[data-state=ready]", timeout=30_000)
            page.press("#claims-table tr.claim-row", "Enter")
            page.wait_for_selector("#claim-detail blockquote.evidence")
            page.screenshot(path=str(out))
            browser.close()


if __name__ == "__main__":  # python tests/conftest_web.py docs/   (or a .png: that one screenshot at 1366x768)
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    if target.suffix == ".png":
        take_screenshot(target)
    else:
        print("\n".join(str(p) for p in take_screenshots(target)))
