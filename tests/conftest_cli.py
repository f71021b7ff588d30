"""Helpers for CLI tests: run `armswatch` in-process (Typer's CliRunner) or as the installed script."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from armswatch.cli import app

REPO = Path(__file__).resolve().parents[1]
SCRIPT = next(
    (p for p in (REPO / ".venv/bin/armswatch", Path(sys.executable).parent / "armswatch") if p.exists()),
    REPO / ".venv/bin/armswatch",
)  # the installed console script


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str


def invoke(*args: str, input: str | None = None) -> Ran:
    """Run the Typer app in this process (shares the loaded spaCy model)."""
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_script(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: int = 300) -> Ran:
    """Run the real `armswatch` executable: exit codes and the stdout/stderr split as a shell sees them."""
    proc = subprocess.run([str(SCRIPT), *args], input=input, capture_output=True, cwd=cwd, timeout=timeout,
                          check=False)
    return Ran(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
