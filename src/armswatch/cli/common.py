"""What every command shares for failing well: output paths, dates and databases checked before any work, and
bad inputs summarised by reason (a count and the first few examples) instead of one line per bad input.

Exit codes (README): 0 ok, 1 some inputs were bad (the rest was processed), 2 usage error.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import typer

from armswatch.types import Skipped

USAGE = 2
EXAMPLES = 3  # bad inputs named per reason in a summary; the rest are counted


def usage_error(message: str) -> typer.Exit:
    """`armswatch: message` on stderr, exit 2; raise the result."""
    typer.echo(f"armswatch: {message}", err=True)
    return typer.Exit(USAGE)


def check_output(path: Path | None, option: str = "-o") -> Path | None:
    """An output file whose folder exists and which is not itself a folder (checked before any work is done)."""
    if path is None or str(path) == "-":
        return path
    if path.is_dir():
        raise usage_error(f"{option} {path}: is a folder; give a file name (e.g. {path / 'out'}...)")
    parent = path.parent
    if not parent.is_dir():
        raise usage_error(f"{option} {path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise usage_error(f"{option} {path}: folder {parent} is not writable")
    return path


def check_day(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD option as given, or a usage error naming the option (2024-99-01 is not a date)."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise usage_error(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from None
    return value


def sqlite_file(db: str) -> Path | None:
    """The file of a SQLite --db (a path or sqlite:/// URL); None for in-memory or other databases."""
    if "://" not in db:
        return Path(db).expanduser()
    if db.startswith("sqlite:///") and db not in ("sqlite:///", "sqlite:///:memory:"):
        return Path(db[len("sqlite:///"):]).expanduser()
    return None


def check_db(db: str | None) -> None:
    """A usage error when a SQLite --db cannot be right because its folder is missing (checked before opening;
    the read-only commands also refuse a missing file, via open_store(create=False))."""
    from armswatch.store.engine import DEFAULT_DB, ENV_VAR

    given = db if db is not None else (os.environ.get(ENV_VAR) or DEFAULT_DB)
    path = sqlite_file(given)
    if path is not None and not path.parent.is_dir():
        raise usage_error(f"--db {given}: folder {path.parent} does not exist")


def reason_key(reason: str) -> str:
    """What two bad inputs share when they fail the same way: the reason without line numbers and details."""
    key = re.sub(r"^line \d+:\s*", "", reason)
    key = re.sub(r"\s*\([^()]*\)\s*$", "", key)  # "(column 3)", "(link http://...)"
    return key.split(":")[0].strip() or reason


def summary_lines(skipped: Iterable[Skipped], examples: int = EXAMPLES) -> list[str]:
    """One line per reason, most frequent first: `N × reason: first, second, third (and M more)`."""
    groups: dict[str, list[Skipped]] = defaultdict(list)
    for item in skipped:
        groups[reason_key(item.reason)].append(item)
    counts = Counter({key: len(items) for key, items in groups.items()})
    lines = []
    for key, n in counts.most_common():
        items = groups[key]
        shown = ", ".join(s.source for s in items[:examples])
        if n == 1:
            lines.append(f"{items[0].source}: {items[0].reason}")
            continue
        more = f" and {n - examples} more" if n > examples else ""
        lines.append(f"{n} × {key}: {shown}{more}")
    return lines
