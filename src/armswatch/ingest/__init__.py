"""Ingest: read articles lazily from files, folders, URLs, feeds, WARC archives, JSON lines and stdin.

    for item in read(["news/", "feed.xml", "https://example.org/story", "-"]):
        ...  # an Article, or a Skipped(source, reason) for an input that could not be read

Documents are cleaned in windows of WINDOW so boilerplate can be learned per site or folder across them.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from armswatch.clean import draft_from_html, draft_from_text, finish, learn_boilerplate
from armswatch.clean.html import HostileHtml
from armswatch.clean.text import repair
from armswatch.ingest.fetch import DEFAULT_TIMEOUT, Fetcher, FetchError, user_agent
from armswatch.ingest.limits import ParseTimeout, time_limit
from armswatch.ingest.readers import Context, RawDoc, is_url, read_path, read_stdin, read_url
from armswatch.types import Article, Skipped

__all__ = [
    "DEFAULT_FETCH_DELAY",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_PARSE_TIMEOUT",
    "WINDOW",
    "Context",
    "FetchError",
    "Fetcher",
    "RawDoc",
    "clean_window",
    "raw_documents",
    "read",
    "user_agent",
]

DEFAULT_MAX_BYTES = 5_000_000  # raw bytes per article; news pages are < 1 MB, more is a dump or an attack
DEFAULT_FETCH_DELAY = 1.0  # seconds between requests to one host
DEFAULT_PARSE_TIMEOUT = 10.0  # seconds to extract one document; trafilatura takes ~20 ms on a normal page
WINDOW = 64  # documents cleaned together; enough to learn a site's furniture, small enough to stay lazy


def raw_documents(sources: Iterable[str | os.PathLike], ctx: Context, stdin=None) -> Iterator[RawDoc | Skipped]:
    """Uncleaned documents from `sources`, in order (what a parallel ingest cuts into windows for workers)."""
    for source in sources:
        source = os.fspath(source)
        if source == "-":
            yield from read_stdin(ctx, stdin)
        elif is_url(source):
            yield from read_url(source, ctx)
        else:
            yield from read_path(Path(source), ctx, source)


def _draft(doc: RawDoc, parse_timeout: float | None):
    make = draft_from_html if doc.kind == "html" else draft_from_text
    try:
        with time_limit(parse_timeout):
            draft = make(doc.data, source=doc.source, url=doc.url, title=doc.title, published=doc.published,
                         charset=getattr(doc, "charset", None), credits=getattr(doc, "credits", ()))
        if draft.title is None and doc.kind == "html" and doc.title_fallback:
            draft.title = repair(doc.title_fallback).strip() or None  # a feed's title: as hostile as any page
        return draft
    except (ParseTimeout, HostileHtml) as exc:
        return Skipped(doc.source, str(exc))
    except Exception as exc:  # noqa: BLE001  a parser bug on one hostile page must not end the batch
        return Skipped(doc.source, f"cannot parse {doc.kind}: {exc.__class__.__name__}: {exc}")


def clean_window(items: list[RawDoc | Skipped], parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT,
                 learn: bool = True) -> Iterator[Article | Skipped]:
    """Clean one window of raw documents (boilerplate learned across it); Skipped items pass through in place."""
    drafted = [(item, _draft(item, parse_timeout)) if isinstance(item, RawDoc) else (None, item) for item in items]
    by_group: dict[str, list[str]] = defaultdict(list)
    for raw, draft in drafted:
        if raw is not None and not isinstance(draft, Skipped):
            by_group[raw.group].append(draft.text)
    learned = {group: learn_boilerplate(texts) for group, texts in by_group.items()} if learn else {}
    for raw, draft in drafted:
        result = draft if raw is None or isinstance(draft, Skipped) else finish(draft, learned.get(raw.group, ()))
        if isinstance(result, Skipped):
            result.reason = _one_line(result.reason)
        yield result


def _one_line(reason: str, limit: int = 300) -> str:
    """Reasons come from parsers and servers too; keep each to one readable line."""
    line = " ".join(reason.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def read(
    sources: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_delay: float = DEFAULT_FETCH_DELAY,
    timeout: float = DEFAULT_TIMEOUT,
    parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT,
    learn: bool = True,
    stdin=None,
) -> Iterator[Article | Skipped]:
    """Articles from `sources` (paths, folders, http(s) URLs, feeds, "-" for stdin), lazily, in input order.

    Bad inputs yield Skipped(source, reason) and reading goes on. `allow_private` lets URLs on loopback or
    private networks be fetched (tests, intranets); `max_bytes` caps each article's raw size; `fetch_delay`
    is the pause between requests to one host; `parse_timeout` bounds the extraction of one document.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    ctx = Context(allow_private=allow_private, max_bytes=max_bytes, fetch_delay=fetch_delay, timeout=timeout)
    try:
        items = raw_documents(sources, ctx, stdin)
        while window := list(islice(items, WINDOW)):
            yield from clean_window(window, parse_timeout, learn)
    finally:
        ctx.close()
