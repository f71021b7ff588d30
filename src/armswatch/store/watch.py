"""What `armswatch watch` remembers between polls and across restarts, kept in the store itself.

Per source (feed or page): when it was polled, when it is next due and how many polls in a row failed (the back-off
exponent). Per feed item: whether it was read ("done": never fetched again) or failed (tried again, a few times).
Keeping this in the database rather than a side file means a restarted watcher, or one on another machine against
the same PostgreSQL, neither re-fetches what was read nor forgets that a source is backing off.

    state = WatchState(store)
    st = state.sources(["https://example.org/feed.xml"])["https://example.org/feed.xml"]
    state.save(st, done=[...], failed={link: reason}, now=now)   # one transaction
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from armswatch.store import schema as t
from armswatch.store.derive import chunks
from armswatch.store.engine import write_transaction

MAX_ITEM_ATTEMPTS = 5  # an entry link that failed this often is given up on (a dead link, not an outage)
MAX_KEY_CHARS = 1000  # longer links are stored by hash: PostgreSQL cannot index a text key over ~2.7 kB


def item_id(key: str) -> str:
    """The watch_items key of an entry: its link (or feed#guid), or a hash of it when it is very long."""
    return key if len(key) <= MAX_KEY_CHARS else "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything here is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass
class SourceState:
    source: str
    kind: str | None = None  # "feed" or "page" once read
    failures: int = 0  # consecutive failed polls
    last_poll: datetime | None = None
    next_poll: datetime | None = None  # set while backing off (and after each poll)
    last_ok: datetime | None = None
    last_error: str | None = None
    known: bool = False  # a row exists in watch_sources


class WatchState:
    """Reads and writes the watch_sources and watch_items tables of one store."""

    def __init__(self, store):
        self.engine = store.engine

    def sources(self, names: Iterable[str]) -> dict[str, SourceState]:
        """The saved state of each source (a fresh one for a source never polled)."""
        names = list(dict.fromkeys(names))
        out = {name: SourceState(name) for name in names}
        c = t.watch_sources.c
        with self.engine.connect() as conn:
            for part in chunks(names):
                for r in conn.execute(select(t.watch_sources).where(c.source.in_(part))):
                    out[r.source] = SourceState(r.source, r.kind, r.failures or 0, as_utc(r.last_poll),
                                                as_utc(r.next_poll), as_utc(r.last_ok), r.last_error, known=True)
        return out

    def read_items(self, keys: Iterable[str]) -> set[str]:
        """The keys not to fetch again: items read (or given up on), and links already stored as an article's URL
        (by an earlier `ingest`, or by a watcher killed before it could mark them)."""
        by_id = {item_id(k): k for k in dict.fromkeys(keys)}
        found: set[str] = set()
        c = t.watch_items.c
        with self.engine.connect() as conn:
            for part in chunks(list(by_id)):
                found.update(by_id[i] for i in conn.execute(select(c.item).where(
                    c.item.in_(part), (c.status == "done") | (c.attempts >= MAX_ITEM_ATTEMPTS))).scalars())
            for part in chunks(list(by_id.values())):
                found.update(conn.execute(select(t.articles.c.url).where(t.articles.c.url.in_(part))).scalars())
        return found

    def save(self, state: SourceState, *, done: Iterable[str] = (), failed: Mapping[str, str] | None = None,
             now: datetime) -> None:
        """Record a poll of `state.source` and the outcome of its items, in one transaction.

        Call it after the articles are committed: an item marked done whose article was lost would never be read.
        """
        failed = {item_id(k): reason for k, reason in (failed or {}).items()}
        done = [k for k in dict.fromkeys(item_id(k) for k in done) if k not in failed]
        row = {"kind": state.kind, "failures": state.failures, "last_poll": state.last_poll,
               "next_poll": state.next_poll, "last_ok": state.last_ok, "last_error": state.last_error}
        c = t.watch_items.c
        with write_transaction(self.engine) as conn:
            exists = conn.execute(select(t.watch_sources.c.source)
                                  .where(t.watch_sources.c.source == state.source)).first()
            if exists:
                conn.execute(update(t.watch_sources).where(t.watch_sources.c.source == state.source).values(**row))
            else:
                conn.execute(insert(t.watch_sources).values(source=state.source, **row))
            state.known = True
            keys = [*done, *failed]
            attempts: dict[str, int] = {}
            for part in chunks(keys):
                attempts.update((r.item, r.attempts) for r in conn.execute(select(c.item, c.attempts)
                                                                       .where(c.item.in_(part))))
            for key in keys:
                error = failed.get(key)
                values = {"status": "failed" if error is not None else "done", "last_try": now, "last_error": error,
                          "attempts": attempts.get(key, 0) + 1}
                if key in attempts:
                    conn.execute(update(t.watch_items).where(c.item == key).values(**values))
                else:
                    conn.execute(insert(t.watch_items).values(item=key, source=state.source, first_seen=now,
                                                              **values))

    def items(self, source: str | None = None) -> list[dict]:
        """Every remembered item (of one source), for `--status`-like reports and tests."""
        query = select(t.watch_items).order_by(t.watch_items.c.first_seen, t.watch_items.c.item)
        if source is not None:
            query = query.where(t.watch_items.c.source == source)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]
