"""The registry of event types (event_types.yaml): names, roles, colours and which answers a type admits.

Why: the type names used to be string literals scattered through the engine, claims linking, exports and the web
page, so adding a type meant a hunt. Code that treats one type specially names it through the constants below;
everything that lists or describes types reads `REGISTRY`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from armswatch.errors import LexiconError
from armswatch.lexicons._common import Problems
from armswatch.lexicons._yaml import LineDict, line_of, read_yaml

REGISTRY_FILE = Path(__file__).with_name("event_types.yaml")
ROLE_NAMES = frozenset({"supplier", "recipient", "actors"})
FIELDS = frozenset({"name", "label", "colour", "roles", "deniable", "negatable"})

# The types the engine's own special cases refer to by name.
TRANSFER = "TRANSFER"
PLEDGE = "PLEDGE"
CONSIDER = "CONSIDER"
REQUEST = "REQUEST"
DEAL = "DEAL"
DENIAL = "DENIAL"
SANCTION = "SANCTION"


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    colour: str
    roles: tuple[str, ...]
    deniable: bool
    negatable: bool


def parse_registry(data: object, path: Path) -> tuple[EventType, ...]:
    """Event types from a loaded registry file; every problem is reported as file:line."""
    problems = Problems()
    entries = data.get("types") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise LexiconError([f"{path}:{line_of(data, 1)}: expected a non-empty 'types' list"])
    out: list[EventType] = []
    for entry in entries:
        if not isinstance(entry, LineDict):
            problems.add(path, line_of(entry), f"entry must be a mapping, got {entry!r}")
            continue
        line = entry.line
        for key in set(entry) - FIELDS:
            problems.add(path, line, f"unknown field {key!r} (valid: {', '.join(sorted(FIELDS))})")
        name = entry.get("name")
        if not isinstance(name, str) or not name.isupper() or not name.replace("_", "").isalpha():
            problems.add(path, line, f"name must be an upper-case word, got {name!r}")
            continue
        if name in {t.name for t in out}:
            problems.add(path, line, f"{name}: defined twice")
        colour = str(entry.get("colour", ""))
        if len(colour) != 7 or not colour.startswith("#"):
            problems.add(path, line, f"{name}: colour must be #RRGGBB, got {colour!r}")
        roles = tuple(entry.get("roles") or ())
        if not roles or set(roles) - ROLE_NAMES:
            problems.add(path, line, f"{name}: roles must be taken from {', '.join(sorted(ROLE_NAMES))}")
        for flag in ("deniable", "negatable"):
            if not isinstance(entry.get(flag, False), bool):
                problems.add(path, line, f"{name}: {flag} must be true or false")
        out.append(EventType(name=name, label=str(entry.get("label") or name.lower()), colour=colour, roles=roles,
                             deniable=bool(entry.get("deniable", False)),
                             negatable=bool(entry.get("negatable", False))))
    if problems.items:
        raise LexiconError(problems.items)
    return tuple(out)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> tuple[EventType, ...]:
    """The shipped registry (or the file at `path`), validated."""
    file = Path(path) if path else REGISTRY_FILE
    return parse_registry(read_yaml(file), file)


REGISTRY: tuple[EventType, ...] = load_registry()
EVENT_TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in REGISTRY)
_missing = {TRANSFER, PLEDGE, CONSIDER, REQUEST, DEAL, DENIAL, SANCTION} - set(EVENT_TYPE_NAMES)
if _missing:
    raise LexiconError([f"{REGISTRY_FILE}: the engine needs the types {', '.join(sorted(_missing))}"])


def event_type(name: str) -> EventType:
    return next(t for t in REGISTRY if t.name == name)
