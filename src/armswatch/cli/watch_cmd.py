"""`armswatch watch FEED_OR_URL…`: a thin command over armswatch.run.watch, which polls and keeps state in the store.

Its output is made for a service log: one line per cycle on stdout, one line per failed source or entry on stderr.
SIGTERM (systemctl stop) is handled like Ctrl-C: the open batch is rolled back, the committed ones are kept.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Annotated

import typer

from armswatch.cli.fetch_options import (
    DEFAULT_FETCH_DELAY,
    DEFAULT_MAX_MB,
    AllowPrivate,
    FetchDelay,
    MaxMb,
    max_bytes,
)
from armswatch.cli.store_cmd import DbOption, fail, opened, plain
from armswatch.run.local import DEFAULT_BATCH_SIZE


def register(app: typer.Typer) -> None:
    app.command()(watch)


def _duration(text: str, option: str) -> float:
    from armswatch.run.schedule import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise fail(f"{option}: {exc}", 2) from None


@contextmanager
def _sigterm_as_interrupt():
    """systemd stops a service with SIGTERM: treat it as Ctrl-C so the watcher stops between two statements."""
    def on_term(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread (an embedding application): leave its handlers alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def watch(
    sources: Annotated[list[str], typer.Argument(
        help="feed URLs (RSS/Atom), page URLs, feed files or folders", metavar="FEED_OR_URL...")],
    every: Annotated[str, typer.Option("--every", help="time between two polls of a source: 30s, 15m, 1h, 1h30m")] = (
        "15m"),
    once: Annotated[bool, typer.Option(
        "--once", help="one cycle (every source not backing off), then exit: for cron or a systemd timer")] = False,
    cycles: Annotated[int | None, typer.Option("--cycles", min=1, help="stop after N cycles")] = None,
    max_backoff: Annotated[str, typer.Option(
        "--max-backoff", help="longest wait after repeated errors of a source (the wait doubles per error)")] = "6h",
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    fetch_delay: FetchDelay = DEFAULT_FETCH_DELAY,
    max_mb: MaxMb = DEFAULT_MAX_MB,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="articles per committed transaction")] = (
        DEFAULT_BATCH_SIZE),
) -> None:
    """Poll feeds and pages, ingest only their new items, back off on errors; state is kept in the database."""
    from armswatch.run.schedule import format_duration
    from armswatch.run.watch import watch as run_watch

    interval, cap = _duration(every, "--every"), _duration(max_backoff, "--max-backoff")

    def report(cycle) -> None:
        for err in cycle.errors:
            typer.echo(f"armswatch: {plain(err.source)}: {plain(err.reason)}", err=True)
        typer.echo(cycle.line())

    with opened(db) as store:
        typer.echo(f"watching {len(sources)} {'source' if len(sources) == 1 else 'sources'} every "
                   f"{format_duration(interval)} into {store.url}" + ("" if once else "; Ctrl-C stops"))
        with _sigterm_as_interrupt():
            summary = run_watch(sources, store, every=interval, once=once, cycles=cycles, max_backoff=cap,
                                allow_private=allow_private, fetch_delay=fetch_delay, max_bytes=max_bytes(max_mb),
                                batch_size=batch_size, on_cycle=report)
    if summary.interrupted:
        typer.echo(f"stopped after {len(summary.cycles)} {'cycle' if len(summary.cycles) == 1 else 'cycles'}: "
                   f"{summary.new} new articles (committed batches kept; the state is in the database)")
        return  # Ctrl-C / SIGTERM is how a watcher is meant to stop: exit 0
    if summary.errors:
        raise typer.Exit(1)  # some sources or entries failed (each reported on stderr); the rest is stored
