"""A small news site on 127.0.0.1 for the `armswatch watch` tests: an RSS feed whose items change while the test
runs, article pages, and paths that fail on demand. Every article is invented for these tests."""
from __future__ import annotations

import threading
import time
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler

from conftest_reliability import ThreadedServer

# (slug, title, published, body): invented wire-style stories, each with one supply claim the rules can read
STORIES = [
    ("belarus-vehicles", "Belarus sends armoured vehicles to Myanmar", "2026-11-02",
     ("Belarus delivered 40 armoured vehicles to Myanmar last month, according to customs records seen by "
     "reporters. The vehicles were unloaded at the port of Thilawa under tarpaulins, dock workers said. "
     "A spokesman for the Belarusian state arms exporter declined to comment on the cargo or its buyer. "
     "Rights groups have urged shipping firms to stop carrying military goods to the country.")),
    ("serbia-shells", "Serbian shells reach Ukraine via broker", "2026-11-05",
     ("Serbia has shipped artillery shells to Ukraine through a Czech broker, two officials said on Tuesday. "
     "Belgrade insists it sells only to buyers who sign end-user certificates and has never armed either side. "
     "The broker, registered in Ostrava, did not reply to emails sent over three days. "
     "Export figures published by the trade ministry show a sharp rise in sales of ammunition this year.")),
    ("iran-drones", "Iran delivered drones to Russia, officials say", "2026-11-09",
     ("Iran sent hundreds of attack drones to Russia in March, US officials said. "
     "The officials, who spoke on condition of anonymity, said the drones crossed the Caspian Sea by ferry. "
     "Tehran has repeatedly said it takes no side in the war and called the accusation baseless. "
     "Analysts at a London think tank counted debris from at least six launches in one week.")),
    ("korea-missiles", "North Korean missiles in Russia, Seoul says", "2026-11-12",
     ("North Korea supplied ballistic missiles to Russia, South Korean intelligence said. "
     "Lawmakers briefed on the findings said at least two trains had crossed the border at Tumangang. "
     "Pyongyang's foreign ministry did not respond, and Moscow called the report a fabrication. "
     "The intelligence service said it had shared satellite images with allied governments.")),
]


def page(title: str, day: str, body: str) -> bytes:
    return (f"<!doctype html><html><head><title>{escape(title)}</title>"
            f'<meta property="article:published_time" content="{day}"></head><body>'
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1><p>{escape(body)}</p></article>"
            f"<footer>Copyright 2026 The Harbour Courier. All rights reserved.</footer></body></html>").encode()


def rss(base: str, slugs: list[str], suffix: str = "") -> bytes:
    items = []
    for slug in slugs:
        _, title, day, _ = next(s for s in STORIES if s[0] == slug)
        stamp = formatdate(time.mktime(time.strptime(day, "%Y-%m-%d")), usegmt=True)
        items.append(f"<item><title>{escape(title)}</title><link>{base}/news/{slug}.html{suffix}</link>"
                     f"<guid>{base}/news/{slug}.html{suffix}</guid><pubDate>{stamp}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The Harbour Courier</title>'
            f"<link>{base}/</link><description>World news</description>{''.join(items)}</channel></rss>").encode()


class NewsSite:
    """The live site: `feed` is the list of slugs the feed shows now (or a list of lists, one per request of the
    feed, the last repeated); `broken` paths answer 503; `hold` paths wait for `release`; `times` records when each
    path was requested."""

    def __init__(self):
        self.feed: list = []
        self.broken: set[str] = set()
        self.link_suffix = ""  # appended to every link of the feed (a tracking query string, say)
        self.hold: set[str] = set()  # paths that answer only once `release` is set (`held` says one was asked)
        self.held, self.release = threading.Event(), threading.Event()
        self.times: dict[str, list[float]] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path = self.path.split("?")[0]
                with site.lock:
                    site.times.setdefault(path, []).append(time.monotonic())
                    n = len(site.times[path])
                if path in site.hold:
                    site.held.set()
                    site.release.wait(60)
                if path in site.broken:
                    return self._send(503, "text/plain", b"temporarily unavailable")
                if path == "/garbled.xml":  # a feed cut off mid-tag: no entries can be read from it
                    return self._send(200, "application/rss+xml", b'<?xml version="1.0"?><rss version="2.0"><chan')
                if path == "/feed.xml":
                    slugs = site.feed[min(n, len(site.feed)) - 1] if site.feed and isinstance(site.feed[0], list) \
                        else site.feed
                    return self._send(200, "application/rss+xml", rss(site.base, slugs, site.link_suffix))
                for slug, title, day, body in STORIES:
                    if path == f"/news/{slug}.html":
                        return self._send(200, "text/html; charset=utf-8", page(title, day, body))
                self._send(404, "text/plain", b"not found")

            def _send(self, status, ctype, body):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client was killed while a request was held
                    pass

        self.server = ThreadedServer(Handler)
        self.base = f"http://127.0.0.1:{self.server.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return len(self.times.get(path, []))

    def article_hits(self) -> dict[str, int]:
        with self.lock:
            return {p: len(t) for p, t in self.times.items() if p.startswith("/news/")}

    def __enter__(self):
        self.server.__enter__()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.__exit__(*exc)
