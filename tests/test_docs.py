"""The README documents every command and option of the `armswatch` CLI (as sqlite-utils checks its docs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from armswatch.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def commands(group, prefix: str = "armswatch") -> list[tuple[str, object]]:
    """Every leaf command as ("armswatch sub [subsub]", command), walking nested Typer groups."""
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):  # a nested group (Typer vendors its own click, so no isinstance)
            found += commands(command, path)
        else:
            found.append((path, command))
    return found


CLI = commands(typer.main.get_command(app))


@pytest.fixture(scope="module")
def readme() -> str:
    assert README.exists(), "README.md is missing"
    return README.read_text(encoding="utf-8")


def test_docs_cli_has_the_eval_and_extract_commands():
    names = [path for path, _ in CLI]
    assert "armswatch extract" in names and "armswatch eval" in names


@pytest.mark.parametrize("path", [path for path, _ in CLI])
def test_docs_readme_mentions_every_command(readme, path):
    assert path in readme, f"README.md does not mention `{path}`"


@pytest.mark.parametrize(
    "path, option",
    [
        (path, opt)
        for path, command in CLI
        for param in command.params
        if param.param_type_name == "option"
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_docs_readme_mentions_every_option(readme, path, option):
    assert option in readme, f"README.md does not mention `{option}` of `{path}`"
