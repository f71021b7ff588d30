"""Loads and validates the rule data (trigger frames, wrappers, cue lists) shipped in extraction/data/."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from armswatch.errors import LexiconError
from armswatch.extraction.slots import FIXED
from armswatch.extraction.vocab import vocabulary
from armswatch.types import EVENT_TYPES, POLARITIES

DATA_DIR = Path(__file__).parent / "data"

# Argument slots the argument finder knows; a frame naming another one is rejected on load.
KNOWN_SLOTS = frozenset(FIXED)
PREFIXED_SLOTS = ("prep:", "gov_prep:", "default:")
ROLES = {"supplier", "recipient", "actors"}


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
    cues: dict[str, object]
    by_lemma: dict[str, list[Frame]] = field(default_factory=dict)
    wrapper_by_lemma: dict[str, Wrapper] = field(default_factory=dict)
    ellipsis_by_lemma: dict[str, list[dict]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.ellipsis:
            self.ellipsis_by_lemma.setdefault(str(e["lemma"]), []).append(e)
        for frame in self.frames:
            for lemma in frame.lemmas:
                self.by_lemma.setdefault(lemma, []).append(frame)
        for wrapper in self.wrappers:
            for lemma in wrapper.lemmas:
                self.wrapper_by_lemma.setdefault(lemma, wrapper)

    def cue(self, name: str) -> frozenset[str]:
        return self.cues[name]  # type: ignore[return-value]


def _check_slots(where: str, roles: dict, problems: list[str]) -> dict[str, tuple[str, ...]]:
    out = {}
    for role, slots in (roles or {}).items():
        if role not in ROLES:
            problems.append(f"{where}: unknown role {role!r} (valid: {', '.join(sorted(ROLES))})")
            continue
        for slot in slots:
            if slot not in KNOWN_SLOTS and not slot.startswith(PREFIXED_SLOTS):
                problems.append(f"{where}: unknown slot {slot!r} for role {role}")
        out[role] = tuple(slots)
    return out


def parse_rules(triggers: dict, cues: dict, source: str = "triggers.yaml") -> Rules:
    """Build Rules from the two YAML documents, reporting every bad entry at once (LexiconError)."""
    problems: list[str] = []
    frames, wrappers = [], []
    seen = set()
    for n, raw in enumerate(triggers.get("frames") or []):
        where = f"{source}: frames[{n}] ({raw.get('id', '?')})"
        if raw.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(raw.get("id"))
        if raw.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: type {raw.get('type')!r} is not one of {', '.join(EVENT_TYPES)}")
        if raw.get("polarity", "affirmed") not in POLARITIES:
            problems.append(f"{where}: polarity {raw.get('polarity')!r} is not one of {', '.join(POLARITIES)}")
        if not raw.get("lemmas"):
            problems.append(f"{where}: no lemmas")
        active = _check_slots(where, raw.get("active"), problems)
        passive = _check_slots(where + " passive", raw["passive"], problems) if raw.get("passive") else active
        frames.append(Frame(
            id=raw.get("id", f"frame{n}"), type=raw.get("type"), pos=tuple(raw.get("pos") or ("VERB",)),
            lemmas=frozenset(str(x).lower() for x in raw.get("lemmas") or ()),
            active=active, passive=passive,
            polarity=raw.get("polarity", "affirmed"), item_required=raw.get("item_required", True),
            requires_prep=raw.get("requires_prep"),
            requires_object=bool(raw.get("requires_object")),
            no_borrow=frozenset(str(x) for x in raw.get("no_borrow") or ()),
            no_nearby=frozenset(str(x) for x in raw.get("no_nearby") or ()),
            thanked_item=bool(raw.get("thanked_item")),
            lemmas_need_prep=frozenset(str(x).lower() for x in raw.get("lemmas_need_prep") or ()),
            not_phrases=tuple(str(x).lower() for x in raw.get("not_phrases") or ()),
            requires_child=frozenset(str(x).lower() for x in raw.get("requires_child") or ()), requires_from=bool(raw.get("requires_from")),
            object_must_be_supply=bool(raw.get("object_must_be_supply")),
            object_must_be_claim=bool(raw.get("object_must_be_claim")),
        ))
    for n, raw in enumerate(triggers.get("wrappers") or []):
        where = f"{source}: wrappers[{n}] ({raw.get('id', '?')})"
        if raw.get("type") is not None and raw.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: type {raw.get('type')!r} is not one of {', '.join(EVENT_TYPES)} or null")
        if raw.get("control", "subject") not in ("subject", "object", "none"):
            problems.append(f"{where}: control must be subject, object or none")
        wrappers.append(Wrapper(
            id=raw.get("id", f"wrapper{n}"), type=raw.get("type"),
            lemmas=frozenset(str(x).lower() for x in raw.get("lemmas") or ()),
            control=raw.get("control", "subject"), polarity=raw.get("polarity", "affirmed"),
            reporting=bool(raw.get("reporting")),
        ))
    cue_sets: dict[str, object] = {}
    for name, values in (cues or {}).items():
        if name == "version":
            continue
        if isinstance(values, dict):
            cue_sets.update({f"{name}.{k}": frozenset(str(v).lower() for v in vs) for k, vs in values.items()
                             if isinstance(vs, list)})  # tables of numbers are not cues
        elif isinstance(values, list):
            cue_sets[name] = frozenset(str(v).lower() for v in values)
        else:
            problems.append(f"cues.yaml: {name}: expected a list or a mapping of lists")
    if problems:
        raise LexiconError(problems)
    return Rules(frames=frames, wrappers=wrappers, ellipsis=list(triggers.get("ellipsis") or []), cues=cue_sets)


def _read_yaml(path: Path | None, name: str) -> dict:
    try:
        text = (path or DATA_DIR / name).read_text(encoding="utf-8")
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError([f"{path or name}: {exc}"]) from exc


@lru_cache(maxsize=4)
def load_rules(triggers_path: str | None = None, cues_path: str | None = None) -> Rules:
    """The rules shipped in extraction/data/ (or the given files), validated."""
    triggers = _read_yaml(Path(triggers_path) if triggers_path else None, "triggers.yaml")
    cues = _read_yaml(Path(cues_path), "cues.yaml") if cues_path else vocabulary()
    return parse_rules(triggers, cues, source=triggers_path or "triggers.yaml")
