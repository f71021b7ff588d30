"""Loads and validates the trigger frames, wrappers and elliptic continuations of extraction/data/triggers.yaml.

Every problem of the file (an unknown key, an event type the registry does not define, a bad polarity, control,
part of speech, slot or role, a value of the wrong type) is reported as `file:line: problem`, all at once in one
LexiconError, as the lexicon loaders do. Word lists are not rules: stages read them from `extraction.vocab`.

The file in force is `extraction/data/triggers.yaml`, or the one named by the environment variable
ARMSWATCH_TRIGGERS (read once, at import), e.g. a copy with a frame for a type added to the registry.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from armswatch.event_types import EVENT_TYPE_NAMES, REGISTRY
from armswatch.extraction.slots import FIXED
from armswatch.types import POLARITIES
from armswatch.yamlfile import Problems, line_of, read_yaml

DATA_DIR = Path(__file__).parent / "data"
ENV_VAR = "ARMSWATCH_TRIGGERS"
TRIGGERS_FILE = Path(os.environ.get(ENV_VAR) or DATA_DIR / "triggers.yaml")

# Argument slots the argument finder knows; a frame naming another one is rejected on load.
KNOWN_SLOTS = frozenset(FIXED)
PREFIXED_SLOTS = ("prep:", "gov_prep:", "default:")
ROLES = frozenset({"supplier", "recipient", "actors"})
ROLES_OF_TYPE = {t.name: frozenset(t.roles) for t in REGISTRY}
CONTROLS = ("subject", "object", "none")
# spaCy's universal part-of-speech tags (grammar, not a word list): what a frame's `pos` may name.
UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                  "PUNCT", "SCONJ", "SYM", "VERB", "X"})
SECTIONS = frozenset({"version", "frames", "wrappers", "ellipsis"})


@dataclass(frozen=True)
class Frame:
    id: str
    type: str
    pos: tuple[str, ...]
    lemmas: frozenset[str]
    active: dict[str, tuple[str, ...]]
    passive: dict[str, tuple[str, ...]]
    polarity: str = "affirmed"
    item_required: bool = True
    requires_prep: str | None = None
    requires_child: frozenset[str] = frozenset()
    not_phrases: tuple[str, ...] = ()
    requires_object: bool = False
    lemmas_need_prep: frozenset[str] = frozenset()
    no_borrow: frozenset[str] = frozenset()
    no_nearby: frozenset[str] = frozenset()
    thanked_item: bool = False
    requires_from: bool = False
    object_must_be_supply: bool = False
    object_must_be_claim: bool = False
    item_in_phrase: bool = False
    not_objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Wrapper:
    id: str
    type: str | None
    lemmas: frozenset[str]
    control: str = "subject"
    polarity: str = "affirmed"
    reporting: bool = False


@dataclass
class Rules:
    frames: list[Frame]
    wrappers: list[Wrapper]
    ellipsis: list[dict]
    # the vocabulary's word sets by name (extraction.vocab); kept for ActorIndex until it reads vocab itself
    by_lemma: dict[str, list[Frame]] = field(default_factory=dict)
    wrapper_by_lemma: dict[str, Wrapper] = field(default_factory=dict)
    ellipsis_by_lemma: dict[str, list[dict]] = field(default_factory=dict)
    # every word a frame or an ellipsis is looked up by: a token whose lemma and form are not here starts nothing
    # (CandidateFinder skips it without building its Token)
    trigger_words: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for e in self.ellipsis:
            self.ellipsis_by_lemma.setdefault(str(e["lemma"]), []).append(e)
        for frame in self.frames:
            for lemma in frame.lemmas:
                self.by_lemma.setdefault(lemma, []).append(frame)
        for wrapper in self.wrappers:
            for lemma in wrapper.lemmas:
                self.wrapper_by_lemma.setdefault(lemma, wrapper)
        self.trigger_words = set(self.by_lemma) | set(self.ellipsis_by_lemma)


# -- checking one entry --------------------------------------------------------------------------------------------

@dataclass
class _Entry:
    """One mapping of the file being checked: where it is and how a problem names it ("frame 'give.v'")."""

    raw: dict
    path: Path
    label: str
    problems: Problems
    roles: frozenset[str] = ROLES  # the roles its event type relates (registry)

    def line(self, key: str | None = None, at: Any = None) -> int:
        """The line of `at` (a list element) if it has one, else of `key` as written, else of the entry."""
        entry_line = line_of(self.raw)
        key_line = next((line_of(k, entry_line) for k in self.raw if k == key), entry_line)
        return line_of(at, key_line)

    def add(self, key: str | None, problem: str, at: Any = None) -> None:
        self.problems.add(self.path, self.line(key, at), f"{self.label}: {problem}")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text(entry: _Entry, key: str, value: Any) -> None:
    if not _is_text(value):
        entry.add(key, f"{key} must be a non-empty string, got {value!r}")


def _text_or_null(entry: _Entry, key: str, value: Any) -> None:
    if value is not None:
        _text(entry, key, value)


def _flag(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, bool):
        entry.add(key, f"{key} must be true or false, got {value!r}")


def _texts(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, list):
        entry.add(key, f"{key} must be a list of non-empty strings, got {value!r}")
        return
    for v in value:
        if not _is_text(v):  # a YAML `no` or `on` unquoted is a boolean, not a word
            entry.add(key, f"{key}: entries must be non-empty strings, got {v!r}", at=v)


def _lemmas(entry: _Entry, key: str, value: Any) -> None:
    if isinstance(value, list) and not value:
        entry.add(key, "no lemmas")
    _texts(entry, key, value)


def _choice(valid: tuple[str, ...] | frozenset[str], what: str) -> Callable[[_Entry, str, Any], None]:
    def check(entry: _Entry, key: str, value: Any) -> None:
        if not isinstance(value, str) or value not in valid:
            names = valid if isinstance(valid, tuple) else sorted(valid)
            entry.add(key, f"unknown {what} {value!r} (valid: {', '.join(names)})")
    return check


def _event_type(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, str) or value not in EVENT_TYPE_NAMES:
        entry.add(key, f"unknown event type {value!r} (the registry, event_types.yaml, defines "
                       f"{', '.join(EVENT_TYPE_NAMES)})")


def _event_type_or_null(entry: _Entry, key: str, value: Any) -> None:
    if value is not None:
        _event_type(entry, key, value)


def _pos(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, list) or not value:
        entry.add(key, f"{key} must be a list of parts of speech, got {value!r}")
        return
    for tag in value:
        if not isinstance(tag, str) or tag not in UPOS:
            entry.add(key, f"unknown pos {tag!r} (valid: {', '.join(sorted(UPOS))})", at=tag)


def _role_names(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, list):
        entry.add(key, f"{key} must be a list of roles, got {value!r}")
        return
    for role in value:
        if not isinstance(role, str) or role not in entry.roles:
            entry.add(key, f"{key}: unknown role {role!r} (valid: {', '.join(sorted(entry.roles))})", at=role)


def _slot_known(slot: Any) -> bool:
    if not isinstance(slot, str):
        return False
    prefix = next((p for p in PREFIXED_SLOTS if slot.startswith(p)), None)
    return slot in KNOWN_SLOTS or (prefix is not None and bool(slot[len(prefix):].strip()))


def _role_slots(entry: _Entry, key: str, value: Any) -> None:
    if not isinstance(value, dict) or not value:
        entry.add(key, f"{key} must map roles to lists of slots, got {value!r}")
        return
    for role, slots in value.items():
        if role not in entry.roles:
            entry.add(key, f"{key}: unknown role {role!r} (valid: {', '.join(sorted(entry.roles))})", at=role)
        if not isinstance(slots, list) or not slots:
            entry.add(key, f"{key}: {role} must be a list of slots, got {slots!r}", at=role)
            continue
        for slot in slots:
            if not _slot_known(slot):
                entry.add(key, f"{key}: unknown slot {slot!r} for role {role}", at=slot)


Check = Callable[[_Entry, str, Any], None]
_polarity = _choice(POLARITIES, "polarity")
FRAME_KEYS: dict[str, Check] = {
    "id": _text, "type": _event_type, "pos": _pos, "lemmas": _lemmas, "active": _role_slots, "passive": _role_slots,
    "polarity": _polarity, "item_required": _flag, "requires_prep": _text, "requires_from": _flag,
    "requires_child": _texts, "requires_object": _flag, "lemmas_need_prep": _texts, "thanked_item": _flag,
    "no_borrow": _role_names, "no_nearby": _role_names, "not_phrases": _texts, "object_must_be_supply": _flag,
    "object_must_be_claim": _flag, "item_in_phrase": _flag, "not_objects": _texts,
}
WRAPPER_KEYS: dict[str, Check] = {
    "id": _text, "type": _event_type_or_null, "lemmas": _lemmas, "control": _choice(CONTROLS, "control"),
    "polarity": _polarity, "reporting": _flag,
}
ELLIPSIS_KEYS: dict[str, Check] = {
    "id": _text, "lemma": _text, "object": _text_or_null, "type": _event_type, "polarity": _polarity,
    "same_sentence": _flag, "from_dropped": _flag,
}
REQUIRED = {"frame": ("id", "type", "lemmas", "active"), "wrapper": ("id", "type", "lemmas"),
            "ellipsis": ("id", "lemma")}


def _check(entry: _Entry, kind: str, keys: dict[str, Check]) -> None:
    """Unknown keys, missing keys and every value against its check."""
    for key in entry.raw:
        if key not in keys:
            entry.add(key, f"unknown key {key!r} (valid: {', '.join(sorted(keys))})")
    for key in REQUIRED[kind]:
        if key not in entry.raw:
            entry.add(None, f"missing key {key!r}")
    for key, value in entry.raw.items():
        if key in keys:
            keys[key](entry, key, value)


# -- building the rules --------------------------------------------------------------------------------------------

def _lower(values: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in values or ())


def _slots(roles: Any) -> dict[str, tuple[str, ...]]:
    return {str(role): tuple(str(s) for s in slots) for role, slots in (roles or {}).items()}


def _frame(raw: dict) -> Frame:
    active = _slots(raw.get("active"))
    return Frame(
        id=str(raw["id"]), type=str(raw["type"]), pos=tuple(str(p) for p in raw.get("pos") or ("VERB",)),
        lemmas=_lower(raw.get("lemmas")), active=active,
        passive=_slots(raw["passive"]) if raw.get("passive") else active,
        polarity=str(raw.get("polarity", "affirmed")), item_required=bool(raw.get("item_required", True)),
        requires_prep=str(raw["requires_prep"]) if raw.get("requires_prep") else None,
        requires_child=_lower(raw.get("requires_child")),
        not_phrases=tuple(str(x).lower() for x in raw.get("not_phrases") or ()),
        requires_object=bool(raw.get("requires_object")), lemmas_need_prep=_lower(raw.get("lemmas_need_prep")),
        no_borrow=frozenset(str(x) for x in raw.get("no_borrow") or ()),
        no_nearby=frozenset(str(x) for x in raw.get("no_nearby") or ()),
        thanked_item=bool(raw.get("thanked_item")), requires_from=bool(raw.get("requires_from")),
        object_must_be_supply=bool(raw.get("object_must_be_supply")),
        object_must_be_claim=bool(raw.get("object_must_be_claim")),
        item_in_phrase=bool(raw.get("item_in_phrase")), not_objects=_lower(raw.get("not_objects")),
    )


def _wrapper(raw: dict) -> Wrapper:
    return Wrapper(id=str(raw["id"]), type=str(raw["type"]) if raw.get("type") is not None else None,
                   lemmas=_lower(raw.get("lemmas")), control=str(raw.get("control", "subject")),
                   polarity=str(raw.get("polarity", "affirmed")), reporting=bool(raw.get("reporting")))


def _plain(value: Any) -> Any:
    """A loaded value without its line-number wrappers (str, list, dict, scalars as they are)."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _section(data: dict, name: str, path: Path, problems: Problems) -> list[dict]:
    """The entries of one section; anything but a list of mappings is a problem."""
    entries = data.get(name) or []
    if not isinstance(entries, list):
        problems.add(path, line_of(entries, line_of(data)), f"{name} must be a list of entries")
        return []
    out = []
    for raw in entries:
        if isinstance(raw, dict):
            out.append(raw)
        else:
            problems.add(path, line_of(raw, line_of(entries)), f"{name}: entry must be a mapping, got {raw!r}")
    return out


def _entries(data: dict, name: str, kind: str, keys: dict[str, Check], path: Path,
             problems: Problems) -> list[dict]:
    """The entries of a section, each checked (problems go to `problems`); ids must be unique within it."""
    seen: set[str] = set()
    entries = _section(data, name, path, problems)
    for n, raw in enumerate(entries):
        type_ = raw.get("type")
        roles = ROLES_OF_TYPE.get(type_, ROLES) if isinstance(type_, str) else ROLES
        entry = _Entry(raw, path, f"{kind} {raw.get('id', f'#{n + 1}')!r}", problems, roles=roles)
        _check(entry, kind, keys)
        ident = str(raw.get("id"))
        if ident in seen:
            entry.add("id", "duplicate id")
        seen.add(ident)
    return entries


def parse_rules(data: Any, path: Path | str = "triggers.yaml") -> Rules:
    """Rules from a loaded triggers file (read with `read_yaml`, or plain dicts); every problem at once."""
    path = Path(path)
    problems = Problems()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.add(path, line_of(data, 1), "expected a mapping with 'frames', 'wrappers' and 'ellipsis'")
        problems.raise_if_any()
    for key in data:
        if key not in SECTIONS:
            problems.add(path, line_of(data), f"unknown section {key!r} (valid: {', '.join(sorted(SECTIONS))})")
    frames = _entries(data, "frames", "frame", FRAME_KEYS, path, problems)
    wrappers = _entries(data, "wrappers", "wrapper", WRAPPER_KEYS, path, problems)
    ellipsis = _entries(data, "ellipsis", "ellipsis", ELLIPSIS_KEYS, path, problems)
    problems.raise_if_any()
    return Rules(frames=[_frame(f) for f in frames], wrappers=[_wrapper(w) for w in wrappers],
                 ellipsis=[_plain(e) for e in ellipsis])


@lru_cache(maxsize=4)
def load_rules(triggers_path: str | None = None) -> Rules:
    """The rules in force (TRIGGERS_FILE: the shipped file or ARMSWATCH_TRIGGERS), or those at `triggers_path`."""
    path = Path(triggers_path) if triggers_path else TRIGGERS_FILE
    return parse_rules(read_yaml(path), path)
