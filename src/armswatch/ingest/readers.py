"""Readers: turn each kind of input (file, folder, URL, feed, WARC, JSON lines, stdin) into raw documents.

Every reader yields `RawDoc` (bytes or text plus hints: url, title, published) or `Skipped` with a one-line reason,
and keeps going after a bad input. Cleaning happens later, in `armswatch.clean`.
"""
from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from armswatch.ingest.fetch import Fetcher, FetchError
from armswatch.ingest.sniff import CONTENT_TYPES, kind_by_name, sniff
from armswatch.types import Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class RawDoc:
    """One document before cleaning; `group` is the site or folder whose articles share boilerplate."""

    source: str
    kind: str  # "html" | "text"
    data: bytes | str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    group: str = ""
    title_fallback: str | None = None  # used when the page itself has no title (a feed entry's title)
    charset: str | None = None  # declared by the server (Content-Type), when fetched
    credits: tuple[str, ...] = ()  # metadata that may name the wire agency (JSON fields, a feed entry's author)


class Context:
    """Options and the shared (lazily opened) HTTP client for one read() call."""

    def __init__(self, *, allow_private: bool, max_bytes: int, fetch_delay: float, timeout: float):
        self.allow_private, self.max_bytes, self.fetch_delay, self.timeout = allow_private, max_bytes, fetch_delay, timeout
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(allow_private=self.allow_private, max_bytes=self.max_bytes,
                                    delay=self.fetch_delay, timeout=self.timeout)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def is_url(source: str) -> bool:
    return "://" in source[:16]


# ---- dispatch on content -------------------------------------------------------------------------------------------

def from_bytes(data: bytes, kind: str | None, source: str, ctx: Context, *, url: str | None = None,
               group: str = "", title_fallback: str | None = None, published: str | None = None,
               charset: str | None = None) -> Iterator[RawDoc | Skipped]:
    """Route one blob (a file's content, a response body, stdin) to the reader for its kind."""
    sniffed = sniff(data)
    if sniffed == "empty":
        yield Skipped(source, "empty file" if not url else "empty response")
        return
    if sniffed == "binary" and kind != "warc":
        yield Skipped(source, f"binary content, not {kind or 'text'}" + (" (misnamed file?)" if kind and not url else ""))
        return
    kind = kind or sniffed
    group = group or _host(url) or ""
    if kind in ("html", "text"):
        if len(data) > ctx.max_bytes:
            yield Skipped(source, f"{_mb(len(data))} is over the {_mb(ctx.max_bytes)} per-article cap")
            return
        yield RawDoc(source, kind, data, url=url, published=published, group=group, title_fallback=title_fallback,
                     charset=charset)
    elif kind == "json":
        yield from read_json(data, source, ctx, group)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source, ctx, group)
    elif kind == "warc":
        yield from read_warc(io.BytesIO(data), source, ctx)
    elif kind == "feed":
        yield from read_feed(data, source, ctx)
    else:
        yield Skipped(source, f"unsupported content ({kind})")


# ---- files and folders ---------------------------------------------------------------------------------------------

def read_path(path: Path, ctx: Context, source: str | None = None) -> Iterator[RawDoc | Skipped]:
    source = source or str(path)
    if path.is_dir():
        yield from read_dir(path, ctx)
        return
    if not path.exists():
        yield Skipped(source, "no such file or directory")
        return
    kind = kind_by_name(path.name)
    group = str(path.parent)
    try:
        if path.stat().st_size == 0:
            yield Skipped(source, "empty file")
            return
        if kind == "warc":
            with path.open("rb") as fh:
                yield from read_warc(fh, source, ctx)
            return
        if kind == "jsonl":
            with path.open("rb") as fh:
                yield from read_jsonl(fh, source, ctx, group)
            return
        size = path.stat().st_size
        if kind in ("html", "text", None) and size > ctx.max_bytes:
            yield Skipped(source, f"file is {_mb(size)}, over the {_mb(ctx.max_bytes)} per-article cap")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(source, f"cannot read: {exc.strerror or exc}")
        return
    if kind is None and path.suffix and sniff(data) == "text":
        yield Skipped(source, f"unsupported file type {path.suffix!r} (rename to .txt to read it as plain text)")
        return
    yield from from_bytes(data, kind, source, ctx, group=group)


def read_dir(root: Path, ctx: Context) -> Iterator[RawDoc | Skipped]:
    """Every file under `root`, in sorted order, skipping hidden files and folders (.git, .DS_Store)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield from read_path(Path(dirpath) / name, ctx)


def read_stdin(ctx: Context, stream=None) -> Iterator[RawDoc | Skipped]:
    stream = stream if stream is not None else sys.stdin.buffer
    yield from from_bytes(stream.read(), None, "-", ctx, group="-")


# ---- JSON ----------------------------------------------------------------------------------------------------------

CREDIT_FIELDS = ("wire", "agency", "credit", "credits", "source", "provider", "byline", "author")


def _credits(obj: dict) -> tuple[str, ...]:
    """A record's fields that may name the wire agency (strings, or lists of strings)."""
    found: list[str] = []
    for key in CREDIT_FIELDS:
        value = obj.get(key)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v.strip():
                found.append(v)
    return tuple(found)


def _record(obj, source: str, ctx: Context, group: str) -> RawDoc | Skipped:
    if not isinstance(obj, dict):
        return Skipped(source, f"expected a JSON object, got {type(obj).__name__}")
    body, kind = (obj.get("html"), "html") if obj.get("html") else (obj.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        return Skipped(source, "record has no 'text' or 'html' field")
    if len(body.encode("utf-8")) > ctx.max_bytes:
        return Skipped(source, f"record is over the {_mb(ctx.max_bytes)} per-article cap")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    return RawDoc(source, kind, body, url=url, title=title, published=published, group=_host(url) or group,
                  credits=_credits(obj))


def read_json(data: bytes, source: str, ctx: Context, group: str) -> Iterator[RawDoc | Skipped]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Skipped(source, f"invalid JSON: {exc}")
        return
    records = doc if isinstance(doc, list) else [doc]
    for n, obj in enumerate(records, 1):
        yield _record(obj, f"{source}#{n}" if isinstance(doc, list) else source, ctx, group)


def read_jsonl(stream, source: str, ctx: Context, group: str) -> Iterator[RawDoc | Skipped]:
    records = 0
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        records += 1
        where = f"{source}#{lineno}"
        try:
            obj = json.loads(line.decode("utf-8-sig") if isinstance(line, bytes) else line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield Skipped(where, f"line {lineno}: invalid JSON ({exc})")
            continue
        yield _record(obj, where, ctx, group)
    if not records:
        yield Skipped(source, "empty file (no JSON records)")


# ---- WARC ----------------------------------------------------------------------------------------------------------

def read_warc(stream, source: str, ctx: Context) -> Iterator[RawDoc | Skipped]:
    """HTML response and resource records; a truncated or corrupt archive ends with a Skipped at that record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = found = 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            n += 1
            where = f"{source}#{n}"
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                status = record.http_headers.get_statuscode() or ""
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                status = "200"
            if ctype not in HTML_TYPES:
                continue  # images, scripts and styles of a crawl are not articles
            found += 1
            body = record.content_stream().read(ctx.max_bytes + 1)
            if record.raw_stream.limit > 0 and len(body) <= ctx.max_bytes:
                yield Skipped(where, f"truncated WARC record ({record.raw_stream.limit} bytes missing)")
                return
            if not status.startswith("2"):
                yield Skipped(where, f"WARC record is an HTTP {status} response for {url}")
                continue
            if len(body) > ctx.max_bytes:
                yield Skipped(where, f"record is over the {_mb(ctx.max_bytes)} per-article cap")
                continue
            yield RawDoc(where, "html", body, url=url, group=_host(url) or source)
    except ArchiveLoadFailed as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable record"
        yield Skipped(f"{source}#{n + 1}" if n else source, f"corrupt or truncated WARC: {first}")
        return
    except Exception as exc:  # noqa: BLE001  warcio meets hostile bytes with assorted errors (AttributeError, zlib.error...)
        where = f"{source}#{n + 1}" if n else source
        yield Skipped(where, f"corrupt or truncated WARC: {exc.__class__.__name__}: {exc}")
        return
    try:
        end = stream.tell()
    except (OSError, ValueError):
        end = iterator.offset
    if iterator.offset < end:
        yield Skipped(f"{source}#{n + 1}", f"truncated WARC: the record at byte {iterator.offset} is incomplete")
    elif n == 0:
        yield Skipped(source, "no WARC records")
    elif not found:
        yield Skipped(source, f"no HTML response records among its {n} WARC records")


# ---- feeds and URLs ------------------------------------------------------------------------------------------------

def _entry_date(entry) -> str | None:
    import warnings

    with warnings.catch_warnings():  # feedparser warns when published_parsed falls back to updated_parsed
        warnings.simplefilter("ignore", DeprecationWarning)
        for key in ("published_parsed", "updated_parsed"):
            value = entry.get(key)
            if value:
                return time.strftime("%Y-%m-%d", value)
    return None


def read_feed(data: bytes, source: str, ctx: Context) -> Iterator[RawDoc | Skipped]:
    """Each entry's link fetched as an article (its content when it has no link).

    Every entry comes out as an article or as a Skipped named `FEED#N` whose reason says why its link could not
    be read (and the link), so a feed whose links are dead still reports each entry under its own name.
    """
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.bozo else ""
        yield Skipped(source, ("not an RSS/Atom feed" if feed.bozo else "feed has no entries") + why)
        return
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{n}"
        title, published = entry.get("title"), _entry_date(entry)
        credits = tuple(c for c in (entry.get("author"),) if isinstance(c, str) and c.strip())
        link = entry.get("link")
        if link:
            try:
                for item in read_url(link, ctx, title=title, published=published, follow_feeds=False):
                    if isinstance(item, Skipped):
                        item = Skipped(where, f"{item.reason} (link {item.source})")
                    elif credits:
                        item.credits = (*item.credits, *credits)
                    yield item
            except ValueError as exc:  # a link urllib cannot even split ("http://[oops")
                yield Skipped(where, f"invalid link {link!r} ({exc})")
            continue
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
        if content:
            kind = "html" if "<" in content else "text"  # many feeds carry a plain-text summary
            yield RawDoc(where, kind, content, published=published, group=source, title_fallback=title,
                         title=title if kind == "text" else None, credits=credits)
        else:
            yield Skipped(where, "feed entry has neither a link nor content")


def read_url(url: str, ctx: Context, *, title: str | None = None, published: str | None = None,
             follow_feeds: bool = True) -> Iterator[RawDoc | Skipped]:
    try:
        resp = ctx.fetcher.get(url)
    except FetchError as exc:
        yield Skipped(url, str(exc))
        return
    yield from from_response(resp, url, ctx, title=title, published=published, follow_feeds=follow_feeds)


def response_kind(resp) -> str | None:
    """The reader a response needs: its Content-Type, corrected by its bytes (servers mislabel feeds and JSON);
    "unsupported" for binary content of an unknown type, None when only its bytes can tell (empty, say)."""
    ctype_kind = CONTENT_TYPES.get(resp.content_type)
    sniffed = sniff(resp.data)
    if ctype_kind is None and sniffed == "binary":
        return "unsupported"
    return sniffed if ctype_kind in (None, "feed", "json") and sniffed not in ("empty", "binary") else ctype_kind


def from_response(resp, url: str, ctx: Context, *, title: str | None = None, published: str | None = None,
                  follow_feeds: bool = True) -> Iterator[RawDoc | Skipped]:
    """The documents of a fetched response (split from read_url so `armswatch watch` can tell fetch errors apart)."""
    kind = response_kind(resp)
    if kind == "unsupported":
        yield Skipped(url, f"unsupported content type {resp.content_type or 'unknown'}")
        return
    if kind == "feed" and not follow_feeds:
        yield Skipped(url, "feed entry links to another feed; not followed")
        return
    yield from from_bytes(resp.data, kind, url, ctx, url=resp.url, group=_host(resp.url) or "",
                          title_fallback=title, published=published, charset=resp.charset)
