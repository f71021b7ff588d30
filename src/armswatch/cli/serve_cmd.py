"""`armswatch serve`: the analyst's web page and REST API over a claim database, run by uvicorn."""

from __future__ import annotations

import errno
import socket
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
    from armswatch.cli.common import check_db
    from armswatch.errors import ArmswatchError, MissingExtraError, NoDatabaseError

    check_db(db)
    try:
        try:
            import uvicorn

            from armswatch.web import create_app
        except ImportError as exc:
            raise MissingExtraError(exc.name or "fastapi", "web") from None
        from armswatch.store import open_store

        open_store(db, create=False).close()  # serving is read-only: no database is created for a typo
        application = create_app(db)
    except ArmswatchError as exc:
        typer.echo(f"armswatch serve: {exc}", err=True)
        raise typer.Exit(2 if isinstance(exc, (MissingExtraError, NoDatabaseError)) else 1) from None
    sock = _listen(host, port)
    typer.echo(f"armswatch: serving on http://{host}:{sock.getsockname()[1]}/ (API docs at /docs); Ctrl-C stops",
               err=True)
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    server.run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before "serving on" is printed: a busy port is a one-line usage error."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        typer.echo(f"armswatch serve: cannot listen on {host}:{port}: {exc.strerror or exc}"
                   + (" (another server is using the port; pick another with --port)"
                      if exc.errno == errno.EADDRINUSE else ""), err=True)
        raise typer.Exit(2) from None
    sock.set_inheritable(True)
    return sock
