"""The fetch settings `ingest`, `watch` (and `articles`) share, declared once so they read and default alike."""
from __future__ import annotations

from typing import Annotated

import typer

from armswatch.ingest import DEFAULT_FETCH_DELAY

AllowPrivate = Annotated[bool, typer.Option("--allow-private/--no-allow-private",
                                            help="allow URLs on private/loopback addresses")]


def _at_least(low: float):
    """A check that keeps the bound out of the help table (a click range would widen its type column)."""
    def check(value: float) -> float:
        if value is not None and value < low:
            raise typer.BadParameter(f"{value} is below {low}")
        return value
    return check


FetchDelay = Annotated[float, typer.Option("--fetch-delay", callback=_at_least(0.0), metavar="SECONDS",
                                           help="seconds between two requests to one host")]
MaxMb = Annotated[float, typer.Option("--max-mb", callback=_at_least(0.001), metavar="MB",
                                      help="largest article to read, in MB of raw bytes")]

DEFAULT_MAX_MB = 5.0


def max_bytes(max_mb: float) -> int:
    return int(max_mb * 1_000_000)


__all__ = ["DEFAULT_FETCH_DELAY", "DEFAULT_MAX_MB", "AllowPrivate", "FetchDelay", "MaxMb", "max_bytes"]
