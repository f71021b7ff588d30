"""`armswatch ingest | claims | show | export`: thin commands over armswatch.run, armswatch.store, armswatch.export."""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from armswatch.cli.common import check_day, check_output, summary_lines
from armswatch.cli.fetch_options import DEFAULT_FETCH_DELAY, AllowPrivate, FetchDelay
from armswatch.event_types import EVENT_TYPE_NAMES
from armswatch.run.local import DEFAULT_BATCH_SIZE

DbOption = Annotated[str | None, typer.Option(
    "--db", help="database URL or SQLite path (default: $ARMSWATCH_DB or ./armswatch.db)", show_default=False)]
Supplier = Annotated[str | None, typer.Option(help="supplier: id or name (PRK, 'North Korea', Pyongyang)")]
Recipient = Annotated[str | None, typer.Option(help="recipient: id or name")]
Actor = Annotated[str | None, typer.Option(help="either endpoint: id or name")]
Type = Annotated[str | None, typer.Option("--type", help=", ".join(EVENT_TYPE_NAMES))]
Item = Annotated[str | None, typer.Option(help="item category (ammunition, drones, missiles, ...)")]
Since = Annotated[str | None, typer.Option(help="last seen on or after YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="first seen on or before YYYY-MM-DD")]
Claimant = Annotated[str | None, typer.Option(help="who asserts it: id, name, 'author' or 'other'")]
MinSources = Annotated[int, typer.Option("--min-sources", min=0, help="at least N independent stories")]
Polarity = Annotated[str | None, typer.Option(help="affirmed or negated")]
MinConfidence = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="only claims at least this likely to be right (0..1; default 0: all; "
         "the model's suggested threshold is in docs/confidence.md)")]

PIPE_WIDTH = 160  # table width when stdout is a file or pipe: wide enough that no cell wraps mid-name
INTERRUPTED_EXIT = 130  # the shell's convention for a command stopped by Ctrl-C
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0/C1 controls but tab and newline


def plain(text: str) -> str:
    """Text from an article, a URL or a file name with control characters shown as \\xNN: printed raw, an escape
    sequence would drive the user's terminal (retitle it, clear it, plant a hyperlink)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command("claims")(claims_command)
    app.command()(show)
    app.command()(export)


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"armswatch: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def opened(db: str | None, *, read_only: bool = False):
    """The store, with library errors turned into one line on stderr and exit 2 (usage) or 1 (failure).

    A --db in a missing folder is a usage error; `read_only` commands (claims, show, export) never create a
    database: where there is none, they say so and exit 2.
    """
    from armswatch.cli.common import check_db
    from armswatch.errors import ArmswatchError, MissingExtraError, NoDatabaseError, StoreError
    from armswatch.store import FilterError, open_store

    check_db(db)
    try:
        store = open_store(db, create=not read_only)
    except (MissingExtraError, NoDatabaseError) as exc:
        raise fail(str(exc), 2) from None
    except StoreError as exc:
        raise fail(str(exc), 1) from None
    try:
        yield store
    except (FilterError, MissingExtraError) as exc:
        raise fail(str(exc), 2) from None
    except ArmswatchError as exc:
        raise fail(str(exc), 1) from None
    finally:
        store.close()


def _filter(store, **values):
    from armswatch.store import make_filter

    return make_filter(store, **values)


# --- ingest -----------------------------------------------------------------------------------------------------
def ingest(
    sources: Annotated[list[str], typer.Argument(help="files, folders, URLs, feeds, WARC files, or - for stdin")],
    db: DbOption = None,
    allow_private: AllowPrivate = False,
    fetch_delay: FetchDelay = DEFAULT_FETCH_DELAY,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="articles per committed transaction")] = (
        DEFAULT_BATCH_SIZE),
    workers: Annotated[int, typer.Option("--workers", min=1, help="worker processes that clean and extract")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="run on Dask: local:N (a LocalCluster of N processes) or tcp://HOST:PORT (a scheduler)")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="largest article to read, in MB of raw bytes")] = (
        5.0),
) -> None:
    """Read, group syndicated copies, extract mentions and store them with their claims (safe to rerun)."""
    from rich.console import Console

    from armswatch.run import ingest as run_ingest

    console = Console(stderr=True, soft_wrap=True)  # paths and reasons stay on one line each
    max_bytes = int(max_mb * 1_000_000)
    if dask:
        from armswatch.errors import InputError
        from armswatch.scale import parse_dask_spec

        try:
            parse_dask_spec(dask)
        except InputError as exc:
            raise fail(str(exc), 2) from None
    from armswatch.ingest.count import count_documents

    with opened(db) as store:
        with _progress(console, count_documents(sources)) as update:
            if workers > 1 or dask:  # armswatch.scale: workers clean and extract, this process writes
                from armswatch.scale import ingest_parallel, open_executor

                with open_executor(dask or workers) as executor:
                    summary = ingest_parallel(sources, store, executor, allow_private=allow_private,
                                              batch_size=batch_size, progress=update, max_bytes=max_bytes,
                                              fetch_delay=fetch_delay)
            else:
                summary = run_ingest(sources, store, allow_private=allow_private, batch_size=batch_size,
                                     progress=update, max_bytes=max_bytes, fetch_delay=fetch_delay)
        _print_summary(console, summary, store.url)
    if summary.interrupted:
        raise typer.Exit(INTERRUPTED_EXIT)
    if summary.skipped:
        raise typer.Exit(1)  # some inputs gave no article: partial failure, the rest is stored


@contextmanager
def _progress(console, total: int | None = None):
    """Counts and rate; with a known `total` (local files, see ingest.count) also done/total and the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    known = (MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn()) if total else ()
    columns = (SpinnerColumn(), TextColumn("ingest"), BarColumn(bar_width=None), *known,
               TextColumn("{task.fields[read]} articles ({task.fields[rate]:.1f}/s) "
                          "{task.fields[new]} new, {task.fields[mentions]} mentions, {task.fields[skipped]} skipped"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=total or None, read=0, rate=0.0, new=0, mentions=0, skipped=0)

        def update(summary) -> None:
            progress.update(task, completed=summary.read + len(summary.skipped), read=summary.read,
                            rate=summary.rate, new=summary.new, mentions=summary.mentions,
                            skipped=len(summary.skipped))

        yield update


def _print_summary(console, summary, url: str) -> None:
    totals = summary.totals
    state = "interrupted (committed batches kept; rerun to finish)" if summary.interrupted else "done"
    console.print(f"ingest {state} in {summary.seconds:.1f}s into {url}")
    console.print(f"  articles: {summary.read} read, {summary.new} new, {summary.already} already stored, "
                  f"{len(summary.skipped)} skipped")
    for line in summary_lines(summary.skipped):  # grouped by reason: a count and the first few inputs
        console.print(f"    skipped {plain(line)}", markup=False)
    console.print(f"  this run: {summary.new_stories} new stories, {summary.mentions} mentions, "
                  f"{summary.batches} {'batch' if summary.batches == 1 else 'batches'} committed")
    if totals:
        console.print(f"  database: {totals['articles']} articles, {totals['stories']} stories, "
                      f"{totals['mentions']} mentions, {totals['claims']} claims")


# --- claims / show ----------------------------------------------------------------------------------------------
def claims_command(
    supplier: Supplier = None, recipient: Recipient = None, actor: Actor = None, type_: Type = None,
    item: Item = None, since: Since = None, until: Until = None, claimant: Claimant = None,
    min_sources: MinSources = 0, polarity: Polarity = None, min_confidence: MinConfidence = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=0, help="rows to show; 0 shows every claim")] = 50,
    order: Annotated[str | None, typer.Option(
        help="relevance (the default with --text), stories (else the default), articles, mentions, last_seen, "
             "first_seen or id", show_default=False)] = None,
    text: Annotated[str | None, typer.Option(
        "--text", help='full-text search: words (prefix-matched), "exact phrase", a OR b, -excluded')] = None,
) -> None:
    """List claims (most independent stories first) as a table; `armswatch show ID` gives the evidence."""
    from dataclasses import fields

    from rich import box
    from rich.console import Console
    from rich.table import Table

    from armswatch.types import Claim

    check_day(since, "--since"), check_day(until, "--until")
    matches: dict[str, list[dict]] = {}
    with opened(db, read_only=True) as store:
        flt = _filter(store, supplier=supplier, recipient=recipient, actor=actor, type=type_, item=item,
                      since=since, until=until, claimant=claimant, min_sources=min_sources, polarity=polarity,
                      min_confidence=min_confidence, text=text)
        order = order or ("relevance" if text else "stories")
        if text:
            found = store.search(text, flt, limit=limit or None, order=order)
            rows = [Claim(**{f.name: d[f.name] for f in fields(Claim)}) for d in found]
            matches = {d["id"]: d["matches"] for d in found}
        else:
            rows = store.claims(flt, limit=limit or None, order=order)
        total = store.count_claims(flt)
        names = {a["id"]: a["name"] for a in store.actors()}
        empty = not total and not store.stats()["articles"]
    if empty:
        typer.echo(f"armswatch: no articles in {store.url} yet: run `armswatch ingest SOURCE...` first", err=True)
    table = Table(title=f"{len(rows)} of {total} claims", title_justify="left", box=box.SIMPLE_HEAD)
    for col, kw in (("id", {"no_wrap": True}), ("type", {}), ("supplier → recipient", {}), ("item", {}),
                    ("stories", {"justify": "right"}), ("articles", {"justify": "right"}),
                    ("last seen", {"no_wrap": True}), ("claimants", {}), ("denied", {"justify": "right"}),
                    ("conf.", {"justify": "right"})):
        table.add_column(col, **kw)
    for c in rows:
        kind = c.type if c.polarity == "affirmed" else f"NOT {c.type}"
        pair = f"{_name(names, c.supplier)} → {_name(names, c.recipient)}"
        if c.actors:
            pair += f" (denied by {', '.join(_name(names, a) for a in c.actors)})"
        table.add_row(c.id, kind, pair, c.item_category or "", str(c.stories), str(c.articles), c.last_seen or "",
                      ", ".join(c.claimants), str(len(c.denials)) if c.denials else "",
                      "" if c.confidence is None else f"{c.confidence:.2f}")
    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, PIPE_WIDTH)
    console.print(table)
    if text:
        _print_matches(console, rows, matches)
    if len(rows) < total:  # say what is hidden and how to see it (the top rows may not hold the claim looked for)
        console.print(f"{len(rows)} of {total} claims shown; --limit 0 for all", highlight=False)


def _print_matches(console, rows, matches: dict[str, list[dict]]) -> None:
    """Under a search, each claim's first matching sentence with the matched words in bold."""
    from rich.text import Text

    for c in rows:
        found = matches.get(c.id) or []
        if not found:
            continue
        m = found[0]
        evidence = m["evidence"]  # cut at the spans first, then plain() each piece: offsets stay right
        line = Text(f"{c.id}  “")
        at = 0
        for span in m["highlights"]:
            line.append(plain(evidence[at:span["start"]]))
            line.append(plain(evidence[span["start"]:span["end"]]), style="bold reverse")
            at = span["end"]
        line.append(plain(evidence[at:]) + "”")
        more = f" (+{len(found) - 1} more)" if len(found) > 1 else ""
        line.append(f"  — {plain(m['title'] or '(untitled)')}, {m['published'] or 'undated'}{more}", style="dim")
        console.print(line, soft_wrap=True)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _stories(n: int) -> str:
    return _count(n, "independent story", "independent stories")


def _name(names: dict, actor_id: str | None) -> str:
    return "?" if actor_id is None else names.get(actor_id, actor_id)


def show(
    claim_id: Annotated[str, typer.Argument(help="a claim id from `armswatch claims`")],
    db: DbOption = None,
) -> None:
    """Print a claim with every evidence sentence and its article (title, site, date, url)."""
    from rich.console import Console
    from rich.markup import escape

    with opened(db, read_only=True) as store:
        detail = store.claim(claim_id)
        names = {a["id"]: a["name"] for a in store.actors()}
    if detail is None:
        raise fail(f"no claim {claim_id!r} in this database (see `armswatch claims`)", 2)
    console = Console()
    polarity = "" if detail["polarity"] == "affirmed" else " (negated)"
    console.print(f"[bold]{detail['id']}[/bold]  {detail['type']}{polarity}  "
                  f"{escape(_name(names, detail['supplier']))} → {escape(_name(names, detail['recipient']))}  "
                  f"item: {detail['item_category'] or '-'}")
    if detail["actors"]:
        console.print(f"deniers: {escape(', '.join(_name(names, a) for a in detail['actors']))}")
    console.print(f"first seen {detail['first_seen'] or '-'}, last seen {detail['last_seen'] or '-'}; "
                  f"{_stories(detail['stories'])}, {_count(detail['articles'], 'article', 'articles')}, "
                  f"{_count(detail['mention_count'], 'mention', 'mentions')}; claimants: {escape(', '.join(_name(names, c) for c in detail['claimants']))}")
    for link in detail["denied_by"]:
        if link["kind"] == "denial":
            who = ", ".join(_name(names, a) for a in link["actors"]) or "someone"
            what = f"denied by {who}"
        else:
            what = f"contradicted: NOT {link['type']} {link['item_category'] or ''}".rstrip()
        console.print(f"{escape(what)}: {link['id']} ({_stories(link['stories'])}, last seen "
                      f"{link['last_seen'] or '-'})")
    for link in detail["answers"]:
        console.print(f"answers {link['id']}: {link['type']} {escape(_name(names, link['supplier']))} → "
                      f"{escape(_name(names, link['recipient']))} {link['item_category'] or ''}".rstrip())
    for m in detail["mentions"]:
        who = m["claimant_text"] or _name(names, m["claimant"])
        console.print()
        console.print(f"“{escape(plain(m['evidence']))}”", highlight=False)
        console.print(f"  — {escape(plain(who))}; {escape(plain(m['title'] or '(untitled)'))}, "
                      f"{escape(plain(m['site'] or '-'))}, {m['published'] or 'undated'}", highlight=False)
        console.print(f"  {escape(plain(m['url'] or m['source'] or ''))}", highlight=False, soft_wrap=True)
        console.print(f"  [dim]article {m['article_id']}, characters {m['evidence_start']}–{m['evidence_end']}[/dim]")


# --- export -----------------------------------------------------------------------------------------------------
def export(
    format_: Annotated[str, typer.Option("--format", "-f", help="csv, json, graphml or parquet")] = "json",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="output file (default: stdout)")] = None,
    mentions: Annotated[bool, typer.Option(
        "--mentions/--no-mentions", help="also the mentions (JSON: nested; CSV/Parquet: FILE.mentions.EXT)")] = False,
    supplier: Supplier = None, recipient: Recipient = None, actor: Actor = None, type_: Type = None,
    item: Item = None, since: Since = None, until: Until = None, claimant: Claimant = None,
    min_sources: MinSources = 0, polarity: Polarity = None, min_confidence: MinConfidence = None,
    db: DbOption = None,
) -> None:
    """Export claims (and with --mentions their mentions) as csv, json, graphml or parquet."""
    from armswatch.export import export as run_export
    from armswatch.export.formats import ExportError, mentions_path

    check_output(output)
    if mentions and output is not None and format_.lower() in ("csv", "parquet"):
        check_output(mentions_path(output), "--mentions")
    check_day(since, "--since"), check_day(until, "--until")
    with opened(db, read_only=True) as store:
        flt = _filter(store, supplier=supplier, recipient=recipient, actor=actor, type=type_, item=item,
                      since=since, until=until, claimant=claimant, min_sources=min_sources, polarity=polarity,
                      min_confidence=min_confidence)
        try:
            written = run_export(store, format_.lower(), output if output is not None else sys.stdout, flt=flt,
                                 mentions=mentions)
        except ExportError as exc:
            raise fail(str(exc), 2) from None
        except OSError as exc:  # checked above, but a disk can fill or a folder vanish meanwhile
            raise fail(f"{exc.filename or output}: cannot write ({exc.strerror or exc})", 2) from None
        count = store.count_claims(flt)
    for path in written:
        typer.echo(f"armswatch: wrote {path}", err=True)
    if written:
        typer.echo(f"armswatch: {count} claims exported", err=True)
