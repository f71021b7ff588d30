"""The `armswatch` command: a thin Typer layer over the library; each stage's commands live in their own module.

Exit codes: 0 ok, 1 partial failure (some inputs bad, the rest processed), 2 usage.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="armswatch: who supplies weapons to whom, who says so, who denies it.")

# Each module defines `register(app)`; a module whose optional extra is missing still lets the others work.
COMMAND_MODULES = ("extract_cmd", "eval_cmd", "train_cmd", "articles_cmd", "store_cmd", "serve_cmd", "watch_cmd")

for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"armswatch.cli.{_name}")
    _module.register(app)


def main() -> None:
    app()


@app.command()
def version() -> None:
    """Print the armswatch version."""
    from armswatch import __version__

    typer.echo(__version__)
