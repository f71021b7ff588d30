"""Polite, bounded HTTP fetching: http(s) only, public hosts only, capped size, timeouts, per-host delay."""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from armswatch.version import __version__

DEFAULT_TIMEOUT = 15.0  # seconds per request; a news page that takes longer is not worth the wait
MAX_REDIRECTS = 5  # enough for http->https->www->canonical; more is a loop or a tracker chain


class FetchError(Exception):
    """A URL that could not be fetched; the message is the one-line reason."""


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    data: bytes
    charset: str | None = None  # from the Content-Type header


def user_agent() -> str:
    return f"armswatch/{__version__} (+https://github.com/armswatch)"


def _check_address(host: str, allow_private: bool) -> None:
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global:
            raise FetchError(f"refusing {host!r}: it resolves to the non-public address {addr} "
                             "(allow_private=True / --allow-private to fetch it)")


def _check_peer(resp: httpx.Response, host: str) -> None:
    """The address actually connected to must be public too: a name may answer differently on the second lookup
    (DNS rebinding). The request has been sent by then, but nothing of the response is read."""
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        raise FetchError(f"refusing {host!r}: cannot tell which address it connected to")
    addr = ipaddress.ip_address(str(peer[0]).split("%")[0])
    if not addr.is_global:
        raise FetchError(f"refusing {host!r}: it connected to the non-public address {addr} "
                         "(allow_private=True / --allow-private to fetch it)")


class Fetcher:
    """One HTTP client shared by every fetch of a `read()` call."""

    def __init__(self, *, allow_private: bool = False, max_bytes: int = 5_000_000, delay: float = 1.0,
                 timeout: float = DEFAULT_TIMEOUT, max_redirects: int = MAX_REDIRECTS):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.delay = delay
        self.max_redirects = max_redirects
        self.timeout = timeout
        self._last: dict[str, float] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,  # each hop is checked for scheme and address
            headers={"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                     "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"},
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _wait_for(self, host: str) -> float:
        """Sleep until `delay` has passed since the last request to `host`; returns the seconds slept."""
        last = self._last.get(host)
        pause = 0.0
        if last is not None and self.delay > 0:
            pause = max(0.0, self.delay - (time.monotonic() - last))
            time.sleep(pause)
        self._last[host] = time.monotonic()
        return pause

    def get(self, url: str) -> Response:
        """GET `url`, following up to `max_redirects` checked redirects; FetchError with the reason otherwise.

        `timeout` bounds each socket operation and also the whole fetch, so a server dripping a byte at a
        time is given up on too.
        """
        deadline = time.monotonic() + self.timeout
        for _hop in range(self.max_redirects + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https"):
                raise FetchError(f"refusing URL scheme {parts.scheme!r}; only http and https are fetched")
            if not parts.hostname:
                raise FetchError("URL has no host")
            _check_address(parts.hostname, self.allow_private)
            deadline += self._wait_for(parts.hostname)  # polite pauses do not count against the server
            try:
                with self._client.stream("GET", url) as resp:
                    if not self.allow_private:
                        _check_peer(resp, parts.hostname)
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {resp.status_code} redirect without a Location")
                        url = urljoin(url, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.max_bytes:
                        raise FetchError(f"response is {int(declared):,} bytes, over the {self.max_bytes:,}-byte cap")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise FetchError(f"response is over the {self.max_bytes:,}-byte cap")
                        chunks.append(chunk)
                        if time.monotonic() > deadline:
                            raise FetchError(f"took longer than {self.timeout:g}s (server too slow)")
                    header = resp.headers.get("content-type", "")
                    ctype = header.split(";")[0].strip().lower()
                    charset = next((p.split("=", 1)[1].strip(" \"'").lower() for p in header.split(";")[1:]
                                    if p.strip().lower().startswith("charset=")), None)
                    return Response(str(resp.url), resp.status_code, ctype, b"".join(chunks), charset)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out ({exc.__class__.__name__})") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {exc.__class__.__name__}: {exc}".rstrip(": ")) from exc
        raise FetchError(f"more than {self.max_redirects} redirects")
