"""`armswatch serve`: the analyst's web page and REST API over a claim database, run by uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", help="database URL or SQLite path (default: $ARMSWATCH_DB or ./armswatch.db)"),
    ] = None,
    host: Annotated[
        str, typer.Option(help="interface to listen on; keep 127.0.0.1 unless behind a proxy")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port")] = 8000,
) -> None:
    """Serve the supply graph, timeline and evidence page at / and the REST API at /api (OpenAPI at /docs)."""
    from armswatch.errors import ArmswatchError, MissingExtraError

    try:
        try:
            import uvicorn

            from armswatch.web import create_app
        except ImportError as exc:
            raise MissingExtraError(exc.name or "fastapi", "web") from None
        application = create_app(db)
    except ArmswatchError as exc:
        typer.echo(f"armswatch serve: {exc}", err=True)
        raise typer.Exit(2 if isinstance(exc, MissingExtraError) else 1) from None
    typer.echo(f"armswatch: serving on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
