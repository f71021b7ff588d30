"""CLI commands (placeholder: filled in by the stage that owns them)."""
from __future__ import annotations


def register(app) -> None:
    pass
