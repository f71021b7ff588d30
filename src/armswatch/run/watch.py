"""`watch(sources, store, every=900)`: poll feeds and pages, ingest only what is new, back off per source on errors.

Why it works this way:
- The feed itself is fetched on every poll (it is what changes), but an entry whose link was read before, or is
  already stored as an article's URL, is neither fetched nor extracted again.
- An entry is marked read only after its article is committed. A watcher killed in between fetches that entry
  once more on its next start and the store recognises the article, so nothing is lost or stored twice.
- State (schedule, failures, read entries) lives in the store (`store.watch`), so a restart keeps the back-off and
  the read entries; see `run.schedule` for the back-off rule.
- A failing entry link is an error of that entry, not of its feed: it is retried on the next polls (up to
  store.watch.MAX_ITEM_ATTEMPTS) while the feed keeps its schedule.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from armswatch.errors import ArmswatchError
from armswatch.ingest import (
    DEFAULT_FETCH_DELAY,
    DEFAULT_MAX_BYTES,
    DEFAULT_PARSE_TIMEOUT,
    WINDOW,
    clean_window,
)
from armswatch.ingest.fetch import DEFAULT_TIMEOUT, FetchError
from armswatch.ingest.readers import (
    Context,
    RawDoc,
    from_response,
    is_url,
    read_path,
    response_kind,
)
from armswatch.ingest.sniff import kind_by_name, sniff
from armswatch.run.local import DEFAULT_BATCH_SIZE, run_batch
from armswatch.run.schedule import backoff, due_at, format_duration
from armswatch.run.steps import batched, prepare_store
from armswatch.run.summary import IngestSummary
from armswatch.store.watch import SourceState, WatchState
from armswatch.types import Article, Skipped

DEFAULT_EVERY = 15 * 60.0  # seconds between two polls of a source
DEFAULT_MAX_BACKOFF = 6 * 3600.0  # the longest a failing source waits (unless `every` is longer)
GRACE_SHARE, MAX_GRACE = 0.05, 5.0  # a source due within 5% of `every` (at most 5 s) is polled in this cycle


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Cycle:
    """One poll of the due sources: what the one log line of the cycle says."""

    number: int
    started: datetime
    polled: int = 0  # sources polled
    waiting: int = 0  # sources not due (backing off, or polled less than `every` ago)
    new: int = 0  # articles stored
    skipped: int = 0  # entries read before (not fetched) and articles already stored
    errors: list[Skipped] = field(default_factory=list)  # sources and entries that failed, one line each
    next_poll: datetime | None = None
    interrupted: bool = False
    seconds: float = 0.0

    def line(self, now: datetime | None = None) -> str:
        """"cycle 3 at 2026-12-04 17:00:00 UTC: 2 new, 5 skipped, 1 error; 2 sources polled, 1 backing off;
        next poll 17:15:00 UTC (in 15m)"."""
        errors = len(self.errors)
        text = (f"cycle {self.number} at {self.started:%Y-%m-%d %H:%M:%S} UTC: {self.new} new, {self.skipped} "
                f"skipped, {errors} {'error' if errors == 1 else 'errors'}; {self.polled} "
                f"{'source' if self.polled == 1 else 'sources'} polled")
        if self.waiting:
            text += f", {self.waiting} waiting"
        if self.interrupted:
            return text + "; interrupted"
        if self.next_poll is not None:
            wait = max(0.0, (self.next_poll - (now or utcnow())).total_seconds())
            text += f"; next poll {self.next_poll:%Y-%m-%d %H:%M:%S} UTC (in {format_duration(wait)})"
        return text


@dataclass
class WatchSummary:
    cycles: list[Cycle] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C / SIGTERM (the open batch rolled back, committed ones kept)

    @property
    def new(self) -> int:
        return sum(c.new for c in self.cycles)

    @property
    def errors(self) -> int:
        return sum(len(c.errors) for c in self.cycles)


@dataclass
class _Options:
    every: float
    max_backoff: float
    batch_size: int
    parse_timeout: float | None


def watch(sources: Iterable[str | os.PathLike] | str, store, *, every: float = DEFAULT_EVERY, once: bool = False,
          cycles: int | None = None, max_backoff: float = DEFAULT_MAX_BACKOFF, allow_private: bool = False,
          fetch_delay: float = DEFAULT_FETCH_DELAY, max_bytes: int = DEFAULT_MAX_BYTES,
          timeout: float = DEFAULT_TIMEOUT, parse_timeout: float | None = DEFAULT_PARSE_TIMEOUT,
          batch_size: int = DEFAULT_BATCH_SIZE, on_cycle: Callable[[Cycle], None] | None = None,
          sleep: Callable[[float], None] = time.sleep, clock: Callable[[], datetime] = utcnow) -> WatchSummary:
    """Poll `sources` (feed URLs, page URLs, feed files, folders) until Ctrl-C, `cycles` cycles, or once.

    Each cycle polls the sources that are due, ingests their new entries and calls `on_cycle(cycle)`; then it
    sleeps until the next source is due. With `once` a single cycle runs and every source not backing off is
    polled, whatever its schedule (for cron). KeyboardInterrupt ends the watch cleanly: committed articles stay,
    the open batch is rolled back, and `interrupted` is set.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    sources = list(dict.fromkeys(os.fspath(s) for s in sources))
    if every <= 0:
        raise ValueError("every must be more than zero seconds")
    opts = _Options(every, max_backoff, batch_size, parse_timeout)
    state = WatchState(store)
    ctx = Context(allow_private=allow_private, max_bytes=max_bytes, fetch_delay=fetch_delay, timeout=timeout)
    summary = WatchSummary()
    try:
        number = 0
        while True:
            number += 1
            cycle = Cycle(number, clock())
            summary.cycles.append(cycle)
            start = time.monotonic()
            try:
                _run_cycle(cycle, sources, store, state, ctx, opts, once, clock)
            except KeyboardInterrupt:
                cycle.interrupted = summary.interrupted = True
            cycle.seconds = time.monotonic() - start
            if on_cycle:
                on_cycle(cycle)
            if cycle.interrupted or once or (cycles is not None and number >= cycles):
                break
            wait = (cycle.next_poll - clock()).total_seconds() if cycle.next_poll else every
            if wait > 0:
                sleep(wait + 0.01)  # wake just after the source is due, not just before
    except KeyboardInterrupt:  # during the sleep between cycles, or in on_cycle
        summary.interrupted = True
    finally:
        ctx.close()
    return summary


def _run_cycle(cycle: Cycle, sources: list[str], store, state: WatchState, ctx: Context, opts: _Options,
               once: bool, clock) -> None:
    saved = state.sources(sources)
    now = clock()
    # sources due within a moment of each other are polled together, not in two cycles a second apart
    grace = timedelta(seconds=min(opts.every * GRACE_SHARE, MAX_GRACE))
    index_holder: list = []  # the dedup index, loaded on the first new article of the cycle
    for source in sources:
        st = saved[source]
        due = due_at(st.last_poll, st.next_poll, st.failures, opts.every, now)
        if due > now + grace and (st.failures or not once):
            cycle.waiting += 1
            continue
        cycle.polled += 1
        _poll_source(cycle, st, store, state, ctx, opts, clock, index_holder)
    saved = state.sources(sources)
    now = clock()
    cycle.next_poll = min(due_at(st.last_poll, st.next_poll, st.failures, opts.every, now)
                          for st in saved.values()) if saved else None


def _poll_source(cycle: Cycle, st: SourceState, store, state: WatchState, ctx: Context, opts: _Options, clock,
                 index_holder: list) -> None:
    """Poll one source: fetch it, then fetch and ingest its unread entries a batch at a time, saving after each
    batch which entries are read (so a big feed or folder interrupted half-way keeps the half it did)."""
    source = st.source
    now = clock()
    st.last_poll = now
    if st.kind == "page" and state.read_items([source]):
        cycle.skipped += 1  # a page (not a feed) is an article: stored once, never fetched again
        _succeeded(st, opts, now)
        state.save(st, now=now)
        return
    try:
        docs, kind = _documents(source, ctx)
        if kind == "feed":
            todo, read_before = _unread_entries(source, docs[0], state)
    except (ArmswatchError, SQLAlchemyError):
        raise  # a broken lexicon or an unreachable database fails every source: stop (a service manager restarts)
    except Exception as exc:  # noqa: BLE001  FetchError, or a parser choking on one hostile feed: back off
        reason = str(exc) if isinstance(exc, FetchError) else f"{exc.__class__.__name__}: {exc}"
        st.failures += 1
        delay = backoff(opts.every, st.failures, opts.max_backoff)
        st.next_poll, st.last_error = now + timedelta(seconds=delay), reason
        cycle.errors.append(Skipped(source, f"{reason} (failed {st.failures}× in a row; next try in "
                                            f"{format_duration(delay)})"))
        state.save(st, now=now)
        return
    st.kind = kind
    _succeeded(st, opts, now)
    if kind == "feed":
        cycle.skipped += read_before
        parts = (_fetch_entries(source, part, ctx) for part in batched(todo, opts.batch_size))
    else:
        key = source if kind == "page" else None  # a folder's files are re-read each poll: no entries to mark
        parts = (([(key, doc) for doc in part], {}) for part in batched(docs, opts.batch_size))
    saved = False
    for keyed, failed in parts:
        cycle.errors.extend(Skipped(key, reason) for key, reason in failed.items())
        stored = _ingest(cycle, keyed, store, opts, index_holder)
        done = [key for key, ok in stored.items() if key is not None and ok]
        failed.update({key: "not stored" for key, ok in stored.items() if key is not None and not ok})
        state.save(st, done=done, failed=failed, now=clock())  # after the batch is committed, never before
        saved = True
    if not saved:
        state.save(st, now=now)


def _succeeded(st: SourceState, opts: _Options, now: datetime) -> None:
    st.failures, st.last_ok, st.last_error = 0, now, None
    st.next_poll = now + timedelta(seconds=opts.every)


def _documents(source: str, ctx: Context) -> tuple[Iterator[RawDoc | Skipped] | list, str]:
    """(documents, kind) of a source: kind "feed" (the documents are the raw feed bytes), "page" (a fetched URL
    that is not a feed) or "path" (a file or folder read as `ingest` reads it). FetchError when it cannot be read."""
    if is_url(source):
        resp = ctx.fetcher.get(source)
        kind = response_kind(resp)
        if kind == "feed":
            return [resp.data], "feed"
        if kind == "unsupported":
            raise FetchError(f"unsupported content type {resp.content_type or 'unknown'}")
        return list(from_response(resp, source, ctx)), "page"
    path = Path(source)
    if path.is_file() and (kind_by_name(path.name) == "feed" or kind_by_name(path.name) is None):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FetchError(f"cannot read: {exc.strerror or exc}") from None
        if sniff(data) == "feed":
            return [data], "feed"
    if not path.exists():
        raise FetchError("no such file or directory")
    return read_path(path, ctx, source), "path"


def _entry_key(source: str, entry) -> str:
    link = entry.get("link")
    if link:
        return link
    ident = entry.get("id") or hashlib.sha1(repr((entry.get("title"), entry.get("summary"))).encode()).hexdigest()[:16]
    return f"{source}#{ident}"


def _unread_entries(source: str, data: bytes, state: WatchState) -> tuple[list[tuple[str, int, dict]], int]:
    """([(key, position, entry)] of the entries not read before, how many were read before); FetchError when the
    document has no entries and does not parse as a feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo:
            raise FetchError(f"not an RSS/Atom feed ({feed.bozo_exception})")
        return [], 0
    entries: dict[str, tuple[int, dict]] = {}  # one per key (its first occurrence), in feed order
    for n, entry in enumerate(feed.entries, 1):
        entries.setdefault(_entry_key(source, entry), (n, entry))
    read = state.read_items(entries)
    return [(key, n, e) for key, (n, e) in entries.items() if key not in read], len(read & entries.keys())


def _fetch_entries(source: str, entries: list[tuple[str, int, dict]], ctx: Context):
    """([(entry key, document)], {entry key: fetch error}) of some unread entries: links fetched, content kept."""
    from armswatch.ingest.readers import _entry_date

    keyed, failed = [], {}
    for key, n, entry in entries:
        title, published, link = entry.get("title"), _entry_date(entry), entry.get("link")
        if link:
            try:
                resp = ctx.fetcher.get(link)
            except FetchError as exc:
                failed[key] = str(exc)
                continue
            keyed.extend((key, doc) for doc in from_response(resp, link, ctx, title=title, published=published,
                                                              follow_feeds=False))
            continue
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
        if content:
            keyed.append((key, RawDoc(f"{source}#{n}", "html", content, published=published, group=source,
                                      title_fallback=title)))
        else:
            keyed.append((key, Skipped(f"{source}#{n}", "feed entry has neither a link nor content")))
    return keyed, failed


def _ingest(cycle: Cycle, keyed: Iterable[tuple[str | None, RawDoc | Skipped]], store, opts: _Options,
            index_holder: list) -> dict[str | None, bool]:
    """Clean and ingest the documents; {entry key: all its articles are stored (or it was unreadable)}."""
    outcome: dict[str | None, bool] = {}
    articles: list[tuple[str | None, Article]] = []
    it = iter(keyed)
    while window := list(islice(it, WINDOW)):
        keys = [key for key, _ in window]
        for key, item in zip(keys, clean_window([doc for _, doc in window], opts.parse_timeout)):
            outcome.setdefault(key, True)
            if isinstance(item, Skipped):
                cycle.errors.append(item)  # unreadable: reported, and not fetched again
            else:
                articles.append((key, item))
    if not articles:
        return outcome
    if not index_holder:
        index_holder.append(prepare_store(store))
    summary, seen = IngestSummary(), set()
    for chunk in batched([a for _, a in articles], opts.batch_size):
        run_batch(chunk, store, index_holder[0], seen, summary)
    cycle.new += summary.new
    cycle.skipped += summary.already
    cycle.errors.extend(summary.skipped)  # articles the extractor failed on: not stored, tried again next poll
    stored = store.known_articles([a.id for _, a in articles])
    for key, article in articles:
        if article.id not in stored:
            outcome[key] = False
    return outcome
