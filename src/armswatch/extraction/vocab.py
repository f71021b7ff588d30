"""The word lists the extraction stages consult, read once from extraction/data/*.yaml and validated.

Why a module of its own: every stage (and the prefilter) needs word lists, and none of them should import another
stage to get one. Each list is defined in exactly one file (one place per concept); `triggers.yaml` holds the
frames and is read by `rules.py`, every other YAML file in `data/` is a vocabulary file:

    # a comment saying what the list is for
    reporting_verbs: [say, tell, claim]      # a word list (lower-cased, looked up with `words`)
    anaphors:                                # a mapping of word lists (`words("anaphors.states")`)
      states: [country, nation]
    number_words: {one: 1, two: 2}           # a table of scalars or lists (`table`)

A malformed file, a name defined twice, or a lookup of a name no file defines is a LexiconError naming file and
line.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from armswatch.errors import LexiconError
from armswatch.lexicons._common import Problems
from armswatch.lexicons._yaml import LineDict, LineList, line_of, read_yaml

DATA_DIR = Path(__file__).parent / "data"
RULE_FILES = frozenset({"triggers.yaml"})  # read by rules.py, not vocabulary


def vocabulary_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in data_dir.glob("*.yaml") if p.name not in RULE_FILES)


def _scalar_ok(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip() != ""


def _check_list(values: Any, where: str, path: Path, problems: Problems) -> None:
    for v in values:
        if not isinstance(v, str) or not v.strip():
            problems.add(path, line_of(v, line_of(values)), f"{where}: entries must be non-empty strings, got {v!r}")


def _check_table(table: LineDict, name: str, path: Path, problems: Problems) -> None:
    for key, value in table.items():
        if isinstance(value, LineList):
            if not all(_scalar_ok(v) for v in value):
                problems.add(path, line_of(value, table.line), f"{name}.{key}: entries must be strings or numbers")
        elif not _scalar_ok(value):
            problems.add(path, table.line, f"{name}.{key}: expected a list, a string or a number, got {value!r}")


def parse_vocabulary(files: list[Path]) -> dict[str, Any]:
    """Every name defined in `files` -> its list (a LineList) or table (a LineDict); all problems at once."""
    problems = Problems()
    found: dict[str, Any] = {}
    where_defined: dict[str, str] = {}
    for path in files:
        data = read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, LineDict):
            problems.add(path, line_of(data, 1), "expected a mapping of names to word lists")
            continue
        for name, value in data.items():
            if name == "version":
                continue
            line = line_of(value, data.line)
            if name in found:
                problems.add(path, line, f"{name!r} is already defined at {where_defined[name]}")
                continue
            if isinstance(value, LineList):
                _check_list(value, name, path, problems)
            elif isinstance(value, LineDict):
                _check_table(value, name, path, problems)
            else:
                problems.add(path, line, f"{name}: expected a list or a mapping, got {value!r}")
                continue
            found[name] = value
            where_defined[name] = f"{path.name}:{line}"
    if problems.items:
        raise LexiconError(problems.items)
    return found


def flatten(vocabulary: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Lower-cased word sets by name; a mapping of lists also gives `name.key` sets (as the rules' cues do)."""
    out: dict[str, frozenset[str]] = {}
    for name, value in vocabulary.items():
        if isinstance(value, list):
            out[name] = frozenset(str(v).lower() for v in value)
        else:
            out.update({f"{name}.{k}": frozenset(str(v).lower() for v in vs)
                        for k, vs in value.items() if isinstance(vs, list)})
    return out


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The shipped vocabulary, parsed and validated once per process."""
    return parse_vocabulary(vocabulary_files())


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    return flatten(vocabulary())


def _missing(name: str) -> LexiconError:
    files = ", ".join(p.name for p in vocabulary_files())
    return LexiconError([f"extraction vocabulary: no list named {name!r} in {files}"])


def words(name: str) -> frozenset[str]:
    """The lower-cased word set `name` ("reporting_verbs", or "anaphors.states" for a list inside a mapping)."""
    try:
        return _word_sets()[name]
    except KeyError:
        raise _missing(name) from None


def ordered(name: str) -> tuple[str, ...]:
    """The list `name` in file order, for lists whose order means something (a priority)."""
    value = vocabulary().get(name)
    if not isinstance(value, list):
        raise _missing(name)
    return tuple(str(v) for v in value)


def table(name: str) -> dict[str, Any]:
    """The mapping `name` as written (plain dict of str, numbers and lists)."""
    value = vocabulary().get(name)
    if not isinstance(value, dict):
        raise _missing(name)
    return {str(k): (list(v) if isinstance(v, list) else v) for k, v in value.items()}
