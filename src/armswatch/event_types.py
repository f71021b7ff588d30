"""The registry of event types (event_types.yaml): names, roles, colours and which answers a type admits.

Why: the type names used to be string literals scattered through the engine, claims linking, exports and the web
page, so adding a type meant a hunt. Code that treats one type specially names it through the constants below;
everything that lists or describes types (`armswatch.types.EVENT_TYPES`, claims linking, the store's filters, the
API and the web page's colours and legend, `armswatch eval`'s per-type table) reads `REGISTRY`.

The registry is read once, at import: the shipped `event_types.yaml`, or the file named by the environment
variable ARMSWATCH_EVENT_TYPES (a copy with a type added, say; it must keep the types named below).
"""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from armswatch.errors import LexiconError
from armswatch.yamlfile import LineDict, Problems, line_of, read_yaml

ENV_VAR = "ARMSWATCH_EVENT_TYPES"
SHIPPED_FILE = Path(__file__).with_name("event_types.yaml")
REGISTRY_FILE = Path(os.environ.get(ENV_VAR) or SHIPPED_FILE)
ROLE_NAMES = frozenset({"supplier", "recipient", "actors"})
FIELDS = frozenset({"name", "label", "colour", "roles", "deniable", "negatable"})
TOP_LEVEL = frozenset({"version", "types"})
NAME = re.compile(r"^[A-Z][A-Z_]*$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

# The types the engine's own special cases refer to by name.
TRANSFER = "TRANSFER"
PLEDGE = "PLEDGE"
CONSIDER = "CONSIDER"
REQUEST = "REQUEST"
DEAL = "DEAL"
DENIAL = "DENIAL"
SANCTION = "SANCTION"
REQUIRED = (TRANSFER, PLEDGE, CONSIDER, REQUEST, DEAL, DENIAL, SANCTION)


@dataclass(frozen=True)
class EventType:
    name: str
    label: str  # how the web page's legend names it
    colour: str  # #RRGGBB, the web page's colour for its edges
    roles: tuple[str, ...]  # the parties it relates: supplier and recipient, or actors (a denial's deniers)
    deniable: bool  # a DENIAL of the same supplier and recipient answers it
    negatable: bool  # a negated twin ("has not supplied") answers it

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["roles"] = list(self.roles)
        return d


def _check_entry(entry: LineDict, path: Path, problems: Problems) -> EventType | None:
    """One registry entry as an EventType; its problems go to `problems` (None when it has no usable name)."""
    line = entry.line
    for key in sorted(set(entry) - FIELDS):
        problems.add(path, line, f"unknown field {key!r} (valid: {', '.join(sorted(FIELDS))})")
    name = entry.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        problems.add(path, line, f"name must be an upper-case word (A-Z and _), got {name!r}")
        return None
    label = entry.get("label", name.lower())
    if not isinstance(label, str) or not label.strip():
        problems.add(path, line, f"{name}: label must be a non-empty string, got {label!r}")
    colour = entry.get("colour")
    if not isinstance(colour, str) or not COLOUR.match(colour):
        problems.add(path, line, f"{name}: colour must be #RRGGBB, got {colour!r}")
    roles = entry.get("roles")
    if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles) \
            or set(roles) - ROLE_NAMES or len(set(roles)) != len(roles):
        problems.add(path, line, f"{name}: roles must be a list taken from {', '.join(sorted(ROLE_NAMES))}, "
                                 f"got {roles!r}")
        roles = []
    for flag in ("deniable", "negatable"):
        if not isinstance(entry.get(flag, False), bool):
            problems.add(path, line, f"{name}: {flag} must be true or false, got {entry.get(flag)!r}")
    if entry.get("deniable") is True and not {"supplier", "recipient"} <= set(roles):
        problems.add(path, line, f"{name}: a deniable type needs the roles supplier and recipient "
                                 "(a denial answers the same pair)")
    return EventType(name=str(name), label=str(label), colour=str(colour), roles=tuple(str(r) for r in roles),
                     deniable=entry.get("deniable") is True, negatable=entry.get("negatable") is True)


def parse_registry(data: object, path: Path) -> tuple[EventType, ...]:
    """Event types from a loaded registry file; every problem is reported as file:line in one LexiconError."""
    problems = Problems()
    entries = data.get("types") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise LexiconError([f"{path}:{line_of(data, 1)}: expected a non-empty 'types' list"])
    for key in sorted(set(data) - TOP_LEVEL):  # type: ignore[arg-type]
        problems.add(path, line_of(data), f"unknown top-level key {key!r} (valid: {', '.join(sorted(TOP_LEVEL))})")
    out: list[EventType] = []
    for entry in entries:
        if not isinstance(entry, dict):
            problems.add(path, line_of(entry, line_of(entries)), f"entry must be a mapping, got {entry!r}")
            continue
        found = _check_entry(entry if isinstance(entry, LineDict) else LineDict(entry), path, problems)
        if found is None:
            continue
        if found.name in {t.name for t in out}:
            problems.add(path, line_of(entry), f"{found.name}: defined twice")
        out.append(found)
    missing = [name for name in REQUIRED if name not in {t.name for t in out}]
    if missing:
        problems.add(path, line_of(entries), f"the engine needs the types {', '.join(missing)}")
    problems.raise_if_any()
    return tuple(out)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> tuple[EventType, ...]:
    """The registry in force (REGISTRY_FILE), or the file at `path`, validated."""
    file = Path(path) if path else REGISTRY_FILE
    return parse_registry(read_yaml(file), file)


REGISTRY: tuple[EventType, ...] = load_registry()
_BY_NAME = {t.name: t for t in REGISTRY}
EVENT_TYPE_NAMES: tuple[str, ...] = tuple(_BY_NAME)
# Claims a DENIAL of the same pair answers (claims/links.py).
DENIABLE_TYPES = frozenset(t.name for t in REGISTRY if t.deniable)
# Claims a negated twin answers (claims/links.py).
NEGATABLE_TYPES = frozenset(t.name for t in REGISTRY if t.negatable)
# Types whose mentions and claims list `actors` (the deniers of a DENIAL) rather than a supplier and a recipient.
ACTOR_TYPES = frozenset(t.name for t in REGISTRY if "actors" in t.roles)


def event_type(name: str) -> EventType:
    """The registry entry of `name` (KeyError for a type it does not define)."""
    return _BY_NAME[name]


def describe() -> list[dict[str, Any]]:
    """Every type with its label, colour, roles and flags, in registry order (what the API serves the page)."""
    return [t.to_dict() for t in REGISTRY]
