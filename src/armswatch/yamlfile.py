"""YAML reading that remembers line numbers, so every problem in a data file can be reported as file:line.

Why a module at the bottom of the package: the lexicons, the extraction vocabulary and rules, and the event-type
registry (which `armswatch.types` reads) all load YAML this way; living here, it imports nothing of armswatch but
`errors`, so none of them pulls in another to get it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from armswatch.errors import LexiconError


class LineDict(dict):
    """A mapping read from YAML; `.line` is its 1-based first line."""

    line: int = 0


class LineStr(str):
    """A string read from YAML; `.line` is its 1-based line."""

    line: int = 0


class LineList(list):
    """A sequence read from YAML; `.line` is its 1-based first line."""

    line: int = 0


# libyaml's C parser when present (5x faster on the 25k-phrase actor file); marks carry lines either way.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    d = LineDict(loader.construct_mapping(node, deep=True))
    d.line = node.start_mark.line + 1
    return d


def _string(loader: _Loader, node: yaml.ScalarNode) -> LineStr:
    s = LineStr(loader.construct_scalar(node))
    s.line = node.start_mark.line + 1
    return s


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:str", _string)


def line_of(value: Any, default: int = 0) -> int:
    """The line a loaded value came from, or `default` for values (numbers, booleans) that carry none."""
    return getattr(value, "line", default)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a LexiconError naming file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError([f"{path}: cannot read ({exc.strerror or exc})"]) from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError([f"{where}: invalid YAML ({problem})"]) from exc


@dataclass
class Problems:
    """Every problem found while loading, reported together in one LexiconError."""

    items: list[str] = field(default_factory=list)

    def add(self, path: Path | str, line: int, problem: str) -> None:
        self.items.append(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")

    def raise_if_any(self) -> None:
        if self.items:
            raise LexiconError(self.items)
