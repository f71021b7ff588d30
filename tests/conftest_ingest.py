"""Shared helpers for the ingest/clean/dedup tests: a real HTTP server on 127.0.0.1 and invented articles."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "ingest"


def article_html(title: str, paragraphs: list[str], *, site: str = "Harbour Herald", date: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='{site}'>{meta}</head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>© 2020 {site}</footer></body></html>")


STORY_A = [
    ("ROME — Italy will send a further battery of medium-range air defence missiles to Ukraine, the defence "
     "minister said on Wednesday, after talks with allies in Brussels."),
    ("The minister said the battery would be delivered before the spring and that Italian instructors would train "
     "Ukrainian crews on the system in the coming weeks."),
    "Opposition parties criticised the decision, saying parliament had not been consulted on the details.",
]
STORY_B = [
    ("ATHENS — Greece is negotiating the sale of six patrol boats to a navy in West Africa, officials said on "
     "Monday, in what would be the country's largest naval export in a decade."),
    "The boats were built in a shipyard near Piraeus and have been in reserve since a fleet modernisation.",
    "A spokesman for the shipyard said a deal could be signed before the summer if financing is agreed.",
]


class Site:
    """Routes served by the test server: path -> (status, content type, body bytes, extra headers)."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, dict]] = {}
        self.requests: list[tuple[float, str, dict]] = []
        self.port = 0
        self.closing = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict | None = None, drip: float = 0.0) -> str:
        """Serve `body` at `path`; with `drip`, one byte every `drip` seconds (a server too slow to wait for)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, ctype, data, {**(headers or {}), "X-Drip": str(drip)} if drip else headers or {})
        return self.url(path)


@pytest.fixture
def site():
    """A real ThreadingHTTPServer on 127.0.0.1 in a thread, serving `site.routes`."""
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.requests.append((time.monotonic(), self.path, dict(self.headers)))
            status, ctype, data, headers = state.routes.get(self.path, (404, "text/plain", b"not found", {}))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            drip = float(headers.get("X-Drip", 0))
            try:
                if not drip:
                    self.wfile.write(data)
                for i in range(len(data) if drip else 0):
                    if state.closing.wait(drip):
                        return
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
            except OSError:  # the client gave up
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
