"""Checks shared by the lexicon loaders: id formats, alias lists, and collecting problems as file:line."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armswatch.yamlfile import LineDict, Problems, line_of

ISO3 = re.compile(r"^[A-Z]{3}$")
ORG_ID = re.compile(r"^org:[a-z0-9]+(?:-[a-z0-9]+)*$")
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class AliasSpec:
    """One alias as written in the data, with its matching options."""

    text: str
    line: int
    exact: bool
    alone: bool


def entries_of(data: Any, path: Path, problems: Problems, section: str | None = None) -> list[LineDict]:
    """The list of entry mappings of a file (top level, or under `section`); anything else is a problem."""
    if section is not None:
        if data is None or (isinstance(data, dict) and section not in data):
            return []
        if not isinstance(data, dict):
            problems.add(path, line_of(data, 1), f"expected a mapping with a '{section}' list")
            return []
        data = data[section]
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(path, line_of(data, 1), "expected a list of entries")
        return []
    out = []
    for item in data:
        if isinstance(item, LineDict):
            out.append(item)
        else:
            problems.add(path, line_of(item), f"entry must be a mapping, got {item!r}")
    return out


def unknown_keys(entry: LineDict, allowed: set[str], path: Path, problems: Problems) -> None:
    for key in entry:
        if key not in allowed:
            problems.add(path, entry.line, f"unknown field {key!r} (valid: {', '.join(sorted(allowed))})")


def is_acronym(text: str) -> bool:
    """SAM, SAMs, U.N., IRGC: kept case-sensitive even in a case-insensitive list (not "Sam", "un")."""
    letters = [c for c in text.removesuffix("s") if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


def alias_specs(entry: LineDict, path: Path, problems: Problems, exact_default: bool) -> list[AliasSpec]:
    """Read `aliases` (strings or {text, exact, alone} mappings) and `exact` (case-sensitive strings).

    Acronyms are case-sensitive unless a mapping says `exact: false`.
    """
    out: list[AliasSpec] = []
    for key, exact in (("aliases", exact_default), ("exact", True)):
        values = entry.get(key, [])
        if values is None:
            continue
        if not isinstance(values, list):
            problems.add(path, entry.line, f"'{key}' must be a list")
            continue
        for v in values:
            if isinstance(v, LineDict):
                bad = set(v) - {"text", "exact", "alone"}
                if bad or not isinstance(v.get("text"), str) or not v["text"].strip():
                    problems.add(path, v.line, "alias mapping needs a non-empty 'text' and only 'exact'/'alone'")
                    continue
                text = v["text"].strip()
                out.append(AliasSpec(text, v.line, bool(v.get("exact", exact or is_acronym(text))),
                                     bool(v.get("alone"))))
            elif isinstance(v, str) and v.strip():
                out.append(AliasSpec(v.strip(), line_of(v, entry.line), exact or is_acronym(v), False))
            else:
                problems.add(path, line_of(v, entry.line), f"alias must be a non-empty string, got {v!r}")
    return out
