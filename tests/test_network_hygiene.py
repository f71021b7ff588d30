"""Network hygiene of the URL reader, against a real HTTP server on 127.0.0.1 that misbehaves on purpose.

Fetching refuses non-http(s) schemes, follows a bounded number of redirects, caps size and time, and never touches a
private or loopback address unless `allow_private=True` (the tests need that flag to reach their own server, which
is also how the refusal is proven: with the flag off, the server sees no request at all).
"""
from __future__ import annotations

import re
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from conftest_reliability import ThreadedServer, html_page, time_limit

ARTICLE = html_page("Belarus shipped artillery shells to Russia, report says", "2024-05-19",
                    "Belarus shipped artillery shells to Russia, officials in Vilnius said on Monday.\n\n"
                    "The trains crossed the border at night, according to a monitoring group, and the cargo was "
                    "unloaded at a depot near Bryansk. The defence ministry in Minsk declined to comment.\n\n"
                    "Analysts said the deliveries had grown since the spring and were likely to continue."
                    ).encode("utf-8")
CHUNK = b"<p>" + b"Iran supplied drones to Russia. " * 2000 + b"</p>\n"  # ~64 kB
BOMB_SIZE = 300 * 2**20  # 300 MiB of zeros once decompressed


def _gzip_bomb() -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31 = gzip container
    block = bytes(2**20)
    return b"".join([comp.compress(block) for _ in range(BOMB_SIZE // len(block))] + [comp.flush()])


class Misbehaving(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    sent: ClassVar[dict[str, int]] = {}
    bomb: bytes = b""
    stop = threading.Event()

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None):
        self.send_response(status)
        for k, v in {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)),
                     **(headers or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/article":
            return self._send(200, ARTICLE)
        if m := re.fullmatch(r"/redirect/(\d+)", path):
            n = int(m.group(1))
            return self._send(302, headers={"Location": "/article" if n == 0 else f"/redirect/{n - 1}"})
        if path == "/loop":
            return self._send(301, headers={"Location": "/loop"})
        if path.startswith("/to/"):
            return self._send(302, headers={"Location": path.removeprefix("/to/")})
        if path in ("/huge", "/huge-declared"):
            return self._send_huge(path)
        if path == "/gzip-bomb":
            return self._send(200, self.bomb, {"Content-Encoding": "gzip"})
        if path == "/hang":
            self.stop.wait(120)
            return
        if path == "/drip":
            return self._drip()
        if path == "/feed.xml":
            return self._feed()
        return self._send(404, b"not found")

    def _send_huge(self, path: str):
        """An endless body: chunked (/huge) or with a Content-Length of 10 GB (/huge-declared)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if path == "/huge-declared":
            self.send_header("Content-Length", str(10**10))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        total = 0
        try:
            while total < 500 * 2**20 and not self.stop.is_set():
                if path == "/huge":
                    self.wfile.write(f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n")
                else:
                    self.wfile.write(CHUNK)
                total += len(CHUNK)
                Misbehaving.sent[path] = total
        except OSError:  # the client hung up: what we want
            pass

    def _drip(self):
        """One byte every 0.3 s: a body that never ends within any sane total timeout."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100_000):
                if self.stop.wait(0.3):
                    return
                self.wfile.write(b"a")
                self.wfile.flush()
        except OSError:
            pass

    def _feed(self):
        """A feed whose links are one good article and URLs the fetcher must refuse."""
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        items = [f"{base}/article", "file:///etc/passwd", "ftp://127.0.0.1/x", f"{base}/redirect/60"]
        rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
               + "".join(f"<item><title>item {i}</title><link>{u}</link></item>" for i, u in enumerate(items))
               + "</channel></rss>").encode()
        return self._send(200, rss, {"Content-Type": "application/rss+xml"})


@pytest.fixture(scope="module")
def server():
    Misbehaving.bomb = _gzip_bomb()
    Misbehaving.stop.clear()
    with ThreadedServer(Misbehaving) as srv:
        yield srv
        Misbehaving.stop.set()


@pytest.fixture
def hits(server):
    server.hits.clear()
    return server.hits


def _read(sources, **kw):
    from armswatch.ingest import read

    kw.setdefault("fetch_delay", 0)  # the polite per-host pause would only slow these tests down
    return list(read(sources, **kw))


def _only_skipped(results, pattern: str):
    from armswatch.types import Skipped

    assert results, "no result and no reason"
    assert all(isinstance(r, Skipped) for r in results), results
    for r in results:
        assert re.search(pattern, r.reason, re.IGNORECASE), r.reason
        assert "\n" not in r.reason
    return results


# --- schemes ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["file:///etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd",
                                 "ftp://127.0.0.1/pub/x.html", "gopher://127.0.0.1:70/1", "data:text/html,<p>Iran</p>",
                                 "javascript:alert(1)", "jar:file:///etc/passwd!/", "dict://127.0.0.1:11211/stat"])
def test_ingest_fetch_refuses_non_http_schemes(url):
    for allow in (False, True):  # the private-address flag never opens other schemes
        with time_limit(10, url):
            results = _read([url], allow_private=allow)
        _only_skipped(results, r"scheme|http|not (a|an) |unsupported|no such|not found|refus")
        assert not any("root:" in getattr(r, "text", "") for r in results)


# --- private and loopback addresses ---------------------------------------------------------------------------------
def _private_urls(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/article", f"http://localhost:{port}/article", f"http://127.1:{port}/article",
            f"http://0x7f000001:{port}/article", f"http://2130706433:{port}/article", f"http://0.0.0.0:{port}/article",
            f"http://[::1]:{port}/article", f"http://[::ffff:127.0.0.1]:{port}/article",
            f"https://127.0.0.1:{port}/article", f"http://LOCALHOST:{port}/article",
            "http://10.1.2.3/article", "http://192.168.1.1/", "http://172.16.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://100.64.0.1/"]


def test_ingest_fetch_refuses_private_addresses_without_flag(server, hits):
    urls = _private_urls(server.port)
    for url in urls:
        with time_limit(10, url):  # refused before connecting: 10.x or 169.254.x would otherwise hang here
            results = _read([url])
        _only_skipped(results, r"private|loopback|local|internal|reserved|not allowed|allow")
    assert hits == [], f"the server was contacted: {hits}"


def test_ingest_fetch_follows_redirects_only_to_allowed_places(server, hits):
    """With the flag on, a redirect to file:// is still refused."""
    for target in ("file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"):
        results = _read([server.url(f"/to/{target}")], allow_private=True)
        _only_skipped(results, r"scheme|http|redirect|unsupported|refus")
        assert not any("root:" in getattr(r, "text", "") for r in results)


def test_ingest_fetch_allows_loopback_with_flag(server, hits):
    from armswatch.types import Article

    results = _read([server.url("/article")], allow_private=True)
    assert len(results) == 1 and isinstance(results[0], Article), results
    assert "artillery shells" in results[0].text
    assert hits == ["/article"]


# --- redirects ----------------------------------------------------------------------------------------------------
def test_ingest_fetch_follows_a_few_redirects(server, hits):
    from armswatch.types import Article

    results = _read([server.url("/redirect/3")], allow_private=True)
    assert len(results) == 1 and isinstance(results[0], Article), results
    assert hits == ["/redirect/3", "/redirect/2", "/redirect/1", "/redirect/0", "/article"]


@pytest.mark.parametrize("path", ["/redirect/60", "/loop"])
def test_ingest_fetch_bounds_redirects(server, hits, path):
    with time_limit(30, path):
        results = _read([server.url(path)], allow_private=True)
    _only_skipped(results, r"redirect")
    assert 2 <= len(hits) <= 21, f"{len(hits)} requests for {path}"


# --- size and time caps --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_ingest_fetch_caps_size(server, hits, path):
    from armswatch.types import Article

    Misbehaving.sent.pop(path, None)
    start = time.monotonic()
    with time_limit(60, path):
        results = _read([server.url(path)], allow_private=True, max_bytes=200_000)
    assert len(results) == 1
    r = results[0]
    if isinstance(r, Article):
        assert len(r.text.encode("utf-8")) <= 200_000
    else:
        assert re.search(r"byte|size|large|cap|limit|long", r.reason, re.IGNORECASE), r.reason
    time.sleep(0.5)
    assert Misbehaving.sent.get(path, 0) < 50 * 2**20, f"client read {Misbehaving.sent.get(path)} bytes of {path}"
    assert time.monotonic() - start < 30


def test_ingest_fetch_caps_decompressed_size(server, hits):
    """A 300 MiB gzip bomb (~300 kB on the wire) is stopped at the cap, not inflated into memory."""
    import resource

    from armswatch.types import Article

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with time_limit(60, "gzip bomb"):
        results = _read([server.url("/gzip-bomb")], allow_private=True, max_bytes=500_000)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(results) == 1
    if isinstance(results[0], Article):
        assert len(results[0].text.encode("utf-8")) <= 500_000
    assert grown_mb < 150, f"peak memory grew by {grown_mb:.0f} MB"


def _timeout_kw():
    import inspect

    from armswatch.ingest import read

    params = inspect.signature(read).parameters
    for name in ("timeout", "fetch_timeout", "time_limit"):
        if name in params:
            return name
    pytest.fail(f"read() has no timeout keyword; parameters: {list(params)}")


@pytest.mark.parametrize("path", ["/hang", "/drip"])
def test_ingest_fetch_caps_time(server, hits, path):
    """A server that never answers, or drips one byte at a time, is given up on within the time cap."""
    kw = {_timeout_kw(): 3}
    start = time.monotonic()
    with time_limit(40, path):
        results = _read([server.url(path)], allow_private=True, **kw)
    elapsed = time.monotonic() - start
    _only_skipped(results, r"time|slow|took|deadline")
    assert elapsed < 15, f"{path} took {elapsed:.1f} s with a 3 s cap"


# --- feeds: the links a feed lists are fetched under the same rules ---------------------------------------------------
def test_ingest_feed_links_obey_the_same_rules(server, hits):
    from armswatch.types import Article, Skipped

    with time_limit(60, "feed"):
        results = _read([server.url("/feed.xml")], allow_private=True)
    arts = [r for r in results if isinstance(r, Article)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert not any("root:" in a.text for a in arts)
    assert any("artillery shells" in a.text for a in arts), results
    assert len(skipped) >= 3, f"file:, ftp: and the redirect chain must be reported: {skipped}"
    assert hits.count("/redirect/0") == 0  # the 60-hop chain was cut long before its end


# --- DNS rebinding: the address checked must be the address connected to ---------------------------------------------
def test_ingest_fetch_resists_dns_rebinding(server, hits, monkeypatch):
    """A name that resolves to a public address when checked and to loopback when connected must not be read.

    No DNS server can run here without changing the machine's resolver, so the name's two answers come from a
    stand-in for getaddrinfo; the HTTP server behind 127.0.0.1 is real.
    """
    import socket

    real = socket.getaddrinfo
    calls = []

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        calls.append(host)
        addr = "93.184.216.34" if len(calls) == 1 else "127.0.0.1"  # public first, loopback afterwards (TTL 0)
        port = args[0] if args and args[0] else 80
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (addr, int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with time_limit(20, "rebinding"):
        results = _read([f"http://rebind.example:{server.port}/article"])
    assert not any(getattr(r, "text", None) and "artillery shells" in r.text for r in results), \
        "a page behind a loopback address was read through a rebinding name"
    _only_skipped(results, r"private|loopback|local|non-public|internal|reserved|not allowed|allow")
