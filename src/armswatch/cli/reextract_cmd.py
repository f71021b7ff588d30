"""`armswatch reextract`: the current rules and confidence model over every stored article (thin over run.reextract)."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated

import typer

from armswatch.cli.common import summary_lines
from armswatch.cli.store_cmd import INTERRUPTED_EXIT, DbOption, opened, plain
from armswatch.run.local import DEFAULT_BATCH_SIZE


def register(app: typer.Typer) -> None:
    app.command()(reextract)


def reextract(
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="articles per committed transaction")] = (
        DEFAULT_BATCH_SIZE),
    workers: Annotated[int, typer.Option("--workers", min=1, help="worker processes that extract")] = 1,
) -> None:
    """Extract every stored article again with the current rules: its mentions and claims are replaced (safe to
    rerun; articles stored without their headline get it back)."""
    from rich.console import Console

    from armswatch.run.reextract import reextract as run_reextract

    console = Console(stderr=True, soft_wrap=True)
    with opened(db) as store:
        total = store.stats()["articles"]
        with _progress(console, total) as update:
            summary = run_reextract(store, batch_size=batch_size, n_process=workers, progress=update)
        state = "interrupted (committed batches kept; rerun to finish)" if summary.interrupted else "done"
        console.print(f"reextract {state} in {summary.seconds:.1f}s on {store.url}")
        console.print(f"  articles: {summary.articles} re-extracted ({summary.headlines_added} given back their "
                      f"headline), {len(summary.skipped)} failed and left as they were")
        for line in summary_lines(summary.skipped):
            console.print(f"    failed {plain(line)}", markup=False)
        totals = summary.totals
        console.print(f"  database: {totals['articles']} articles, {totals['mentions']} mentions, "
                      f"{totals['claims']} claims")
    if summary.interrupted:
        raise typer.Exit(INTERRUPTED_EXIT)
    if summary.skipped:
        raise typer.Exit(1)


@contextmanager
def _progress(console, total: int):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (SpinnerColumn(), TextColumn("reextract"), BarColumn(bar_width=None), MofNCompleteColumn(),
               TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[mentions]} mentions"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("reextract", total=total or None, mentions=0)

        def update(summary) -> None:
            progress.update(task, completed=summary.articles + len(summary.skipped), mentions=summary.mentions)

        yield update
