"""`armswatch extract`: the mentions of one text (a JSON array) or of a JSONL batch ({"id", "mentions"})."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from armswatch.errors import ArmswatchError
from armswatch.types import Skipped

PROGRESS_MIN_ROWS = 20  # below this a batch finishes before a progress bar is worth drawing
STDIN = "-"


def echo_problem(where: str, problem: str | None = None) -> None:
    """The one-line error format of every armswatch command: `armswatch: FILE[:LINE]: problem` on stderr."""
    typer.echo(f"armswatch: {where}: {problem}" if problem else f"armswatch: {where}", err=True)


def check_date(value: str | None) -> str | None:
    from armswatch.evaluate.rows import check_published

    try:
        return check_published(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return None


def _good_rows(items: Iterable[dict | Skipped], bad: list[Skipped]) -> Iterator[dict]:
    """Rows that can be extracted; bad ones are remembered for the summary and the exit code."""
    for item in items:
        if isinstance(item, Skipped):
            bad.append(item)
        else:
            yield item


def echo_summary(bad: list[Skipped]) -> None:
    """Bad rows grouped by reason, one line each with a count and the first few rows (not one line per row)."""
    from armswatch.cli.common import summary_lines

    for line in summary_lines(bad):
        echo_problem(line)


def with_title(rows: Iterable[dict]) -> Iterator[dict]:
    """Rows whose `title` is a headline their text does not start with get it as a first paragraph, as `ingest`
    stores such a record (clean/headline.py), so both read the same text."""
    from urllib.parse import urlsplit

    from armswatch.clean.headline import headline_of, with_headline
    from armswatch.clean.text import paragraphs_of

    for row in rows:
        title = row.get("title")
        if isinstance(title, str) and title.strip():
            url = row.get("url") if isinstance(row.get("url"), str) else None
            host = urlsplit(url).hostname if url else None
            headline, _ = headline_of(" ".join(title.split()), paragraphs_of(row["text"]), sites=[host] if host else [])
            row = {**row, "text": with_headline(headline, row["text"])[0]}
        yield row


def run_batch(source: str, output: Path | None, n_process: int) -> int:
    """Extract every row of a JSONL file (or stdin) and write {"id", "mentions"} rows in input order."""
    from armswatch.evaluate.rows import iter_rows, read_rows
    from armswatch.evaluate.run import predict

    if source == STDIN:
        items: Iterable[dict | Skipped] = iter_rows(sys.stdin.buffer, "<stdin>")
        total = None
    else:
        items = read_rows(source)
        total = _count_lines(Path(source)) if sys.stderr.isatty() else None  # only a terminal shows the bar
    bad: list[Skipped] = []
    try:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise ArmswatchError(f"-o {output}: cannot write ({exc.strerror or exc})") from None
    try:
        results = predict(with_title(_good_rows(items, bad)), n_process=n_process)
        for pid, mentions in _with_progress(results, total):
            record = {"id": pid, "mentions": [m.to_dict() for m in mentions]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
        echo_summary(bad)
    return 1 if bad else 0


def _with_progress(results: Iterable[Any], total: int | None) -> Iterator[Any]:
    """`results` unchanged, with a transient progress bar on stderr for batches of PROGRESS_MIN_ROWS+."""
    if total is None or total < PROGRESS_MIN_ROWS:
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        for result in results:
            yield result
            progress.advance(task)


def single_text(source: str, published: str | None) -> tuple[str, str | None]:
    """(text, published) of FILE or stdin: an HTML page is cleaned as `ingest` cleans it (its headline, then its
    article text; its date unless --published gives one); any other file is read as it stands."""
    from armswatch.evaluate.rows import decode_text, read_bytes, read_text
    from armswatch.ingest.sniff import kind_by_name

    if source == STDIN:
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), published
    if kind_by_name(Path(source).name) != "html":
        return read_text(source), published
    from armswatch.clean import clean_html

    article = clean_html(read_bytes(source), source=source)
    return article.text, published or article.published


def run_single(source: str, published: str | None, explain: bool) -> None:
    from armswatch.extraction.engine import extract

    text, published = single_text(source, published)
    if not explain:
        typer.echo(
            json.dumps(
                [m.to_dict() for m in extract(text, published=published)], ensure_ascii=False, indent=2
            )
        )
        return
    from armswatch.extraction.engine import explain as explain_text

    for line in explain_lines(explain_text(text, published)):
        typer.echo(line)


def explain_lines(explained: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Each mention with its rule id, trigger and parse path; then the triggers dropped and why."""
    dropped = []
    number = 0
    for item in explained:
        m = item.get("mention")
        if m is None:
            dropped.append(item)
            continue
        number += 1
        yield (
            f"{number}. {m.get('type')} {m.get('supplier')} -> {m.get('recipient')} ({m.get('polarity')}) "
            f"item={m.get('item_category')} claimant={m.get('claimant')}"
        )
        yield f"   rule: {item.get('rule')}"
        yield f"   trigger: {item.get('trigger')!r} at {item.get('trigger_start')}"
        yield f"   path: {item.get('path') or '-'}"
        yield f"   evidence: {m.get('evidence')}"
    if not number:
        yield "no mentions"
    for item in dropped:
        yield (
            f"dropped: rule {item.get('rule')} trigger {item.get('trigger')!r} "
            f"at {item.get('trigger_start')}: "
            f"{item.get('dropped')}"
        )


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        file: str | None = typer.Argument(None, metavar="FILE|-", help="Text file to read, or - for stdin."),
        published: str | None = typer.Option(
            None,
            "--published",
            callback=check_date,
            metavar="YYYY-MM-DD",
            help="Publication date, to resolve relative times ('last month').",
        ),
        explain: bool = typer.Option(
            False, "--explain/--no-explain", help="Show each mention's rule id, trigger and parse path."
        ),
        jsonl: str | None = typer.Option(
            None,
            "--jsonl",
            metavar="IN.jsonl|-",
            help='Batch mode: rows with "id", "text", "published"; writes {"id", "mentions"} rows in order.',
        ),
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Batch output file (default stdout).")] = None,
        processes: int = typer.Option(1, "--processes", "-j", min=1, help="Worker processes for a batch."),
    ) -> None:
        """Extract arms-supply mentions from a text (JSON array) or a JSONL batch (--jsonl)."""
        if (file is None) == (jsonl is None):
            raise typer.BadParameter("give either FILE (or -) or --jsonl IN.jsonl, not both")
        if jsonl is None and output is not None:
            raise typer.BadParameter("-o/--output needs --jsonl")
        if jsonl is not None and (explain or published):
            raise typer.BadParameter(
                "--explain and --published apply to a single text; a batch row has its own 'published'"
            )
        from armswatch.cli.common import check_output

        check_output(output)
        try:
            if jsonl is not None:
                raise typer.Exit(run_batch(jsonl, output, processes))
            run_single(file, published, explain)
        except ArmswatchError as exc:
            echo_problem(str(exc))
            raise typer.Exit(1) from None
