"""The fetch settings `ingest`, `watch` (and `articles`) share, declared once so they read and default alike."""
from __future__ import annotations

from typing import Annotated

import typer

from armswatch.ingest import DEFAULT_FETCH_DELAY

AllowPrivate = Annotated[bool, typer.Option("--allow-private/--no-allow-private", help="allow URLs on private/loopback addresses")]
FetchDelay = Annotated[float, typer.Option("--fetch-delay", min=0.0,
                                           help="seconds between two requests to one host")]
MaxMb = Annotated[float, typer.Option("--max-mb", min=0.001, help="largest article to read, in MB of raw bytes")]

DEFAULT_MAX_MB = 5.0


def max_bytes(max_mb: float) -> int:
    return int(max_mb * 1_000_000)


__all__ = ["DEFAULT_FETCH_DELAY", "DEFAULT_MAX_MB", "AllowPrivate", "FetchDelay", "MaxMb", "max_bytes"]
