"""`armswatch articles`: read sources, clean them, group syndicated copies, and list what was read or skipped."""
from __future__ import annotations

import json
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

ARTICLE_KEYS = ("id", "source", "url", "site", "title", "published", "author", "wire", "lang", "story_id", "text")


def register(app: typer.Typer) -> None:
    @app.command("articles")
    def articles(
        sources: Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs, feeds, or - for stdin.")],
        as_json: bool = typer.Option(False, "--json/--no-json", help="One JSON object per line instead of a table."),
        allow_private: AllowPrivate = False,
        fetch_delay: FetchDelay = DEFAULT_FETCH_DELAY,
        max_mb: MaxMb = DEFAULT_MAX_MB,
        threshold: float | None = typer.Option(None, "--threshold", help="Story grouping threshold (containment)."),
    ) -> None:
        """List the articles read from SOURCES (title, site, date, wire, story, words) and any skipped inputs."""
        from armswatch.dedup import DEFAULT_THRESHOLD, group_stories
        from armswatch.ingest import read
        from armswatch.types import Article, Skipped

        items = list(read(sources, allow_private=allow_private, fetch_delay=fetch_delay,
                          max_bytes=max_bytes(max_mb)))
        found = [x for x in items if isinstance(x, Article)]
        grouped = iter(group_stories(found, threshold=threshold or DEFAULT_THRESHOLD))
        items = [next(grouped) if isinstance(x, Article) else x for x in items]
        skipped = [x for x in items if isinstance(x, Skipped)]
        if as_json:
            for x in items:
                record = {k: getattr(x, k) for k in ARTICLE_KEYS} if isinstance(x, Article) else x.to_dict()
                typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            _table(items)
        raise typer.Exit(1 if skipped else 0)


def _table(items) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from armswatch.cli.store_cmd import plain
    from armswatch.types import Article

    console = Console()
    table = Table(title="Articles", show_lines=False)
    for col in ("Title", "Site", "Date", "Wire", "Story", "Words"):
        table.add_column(col, overflow="fold", justify="right" if col == "Words" else "left")
    skipped = Table(title="Skipped inputs")
    skipped.add_column("Source", overflow="fold")
    skipped.add_column("Reason", overflow="fold")
    for x in items:
        if isinstance(x, Article):
            table.add_row(escape(plain(x.title or "(untitled)")), escape(plain(x.site or "")), x.published or "",
                          plain(x.wire or ""), (x.story_id or "")[:10], str(len(x.text.split())))
        else:
            skipped.add_row(escape(plain(x.source)), escape(plain(x.reason)))
    console.print(table)
    if skipped.row_count:
        console.print(skipped)
    n_articles = sum(isinstance(x, Article) for x in items)
    n_stories = len({x.story_id for x in items if isinstance(x, Article)})
    console.print(f"{n_articles} articles in {n_stories} stories, {skipped.row_count} inputs skipped")
