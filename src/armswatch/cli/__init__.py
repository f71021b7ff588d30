"""The `armswatch` command: a thin Typer layer over the library; each stage's commands live in their own module.

Exit codes: 0 ok, 1 partial failure (some inputs bad, the rest processed), 2 usage.
"""
from __future__ import annotations

import importlib

import typer

from armswatch.version import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="armswatch: who supplies weapons to whom, who says so, who denies it.")

# Each module defines `register(app)`; a module whose optional extra is missing still lets the others work.
COMMAND_MODULES = ("extract_cmd", "eval_cmd", "train_cmd", "articles_cmd", "store_cmd", "reextract_cmd", "serve_cmd", "watch_cmd")

for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"armswatch.cli.{_name}")
    _module.register(app)


def _click_errors(name: str) -> tuple[type[BaseException], ...]:
    """Click's exception class `name`, from the click that Typer vendors (new Typer) and from click itself."""
    found = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            found.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def main() -> None:
    """Run the CLI; a usage error (unknown option, bad value, missing argument) is one line and exit 2."""
    import sys

    try:
        code = app(standalone_mode=False)
    except _click_errors("UsageError") as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "armswatch"
        message = " ".join(exc.format_message().split())
        if not message:  # `armswatch` alone: the help was printed
            sys.exit(exc.exit_code)
        typer.echo(f"armswatch: {message} (see `{where} --help`)", err=True)
        sys.exit(2)
    except _click_errors("Abort"):  # Ctrl-C while click itself waits (a prompt)
        typer.echo("armswatch: interrupted", err=True)
        sys.exit(130)
    except _click_errors("ClickException") as exc:
        typer.echo(f"armswatch: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


@app.command()
def version() -> None:
    """Print the armswatch version."""
    typer.echo(__version__)
