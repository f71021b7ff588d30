"""Loads and validates the cleaning rules kept as data (boilerplate.yaml, wires.yaml), reporting every bad entry."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from armswatch.errors import LexiconError
from armswatch.lexicons._yaml import line_of, read_yaml

DATA = Path(__file__).parent / "data"
WHERE = ("head", "tail", "body", "any")  # body: anywhere but the first paragraph
ACTIONS = ("keep", "remove")


@dataclass(frozen=True)
class ParagraphRule:
    """A boilerplate paragraph pattern: matched against a whole paragraph."""

    id: str
    regex: re.Pattern
    where: str = "any"
    cut_rest: bool = False
    headlines: bool = False  # also drop the list of headlines that follows ("Related posts:" + its links)
    next: re.Pattern | None = None  # matches only when the next paragraph matches this ("X says:" + a date)


@dataclass(frozen=True)
class DateRule:
    id: str
    regex: re.Pattern
    remove: bool


@dataclass(frozen=True)
class WireRule:
    """A credit or dateline pattern; `agency` fixes the agency when the pattern has no {agency} slot."""

    id: str
    regex: re.Pattern
    where: str
    action: str
    search: bool
    agency: str | None = None


@dataclass(frozen=True)
class Boilerplate:
    paragraphs: tuple[ParagraphRule, ...]
    dates: tuple[DateRule, ...]


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")  # hyphen, non-breaking hyphen, dashes, minus: all "-"


def alias_key(text: str) -> str:
    """An agency name as looked up: NFKC, any dash as "-", whitespace collapsed ("Agence France\u2011Presse")."""
    return " ".join(_DASHES.sub("-", unicodedata.normalize("NFKC", text)).split())


def _alias_regex(alias: str) -> str:
    """An alias as a regex that also matches its dash and spacing variants."""
    return r"\s+".join(r"[-\u2010-\u2015\u2212]".join(re.escape(part) for part in word.split("-"))
                      for word in alias.split())


@dataclass(frozen=True)
class Wires:
    aliases: dict[str, str]  # alias_key(alias as written) -> canonical agency name
    rules: tuple[WireRule, ...]

    def name_of(self, text: str | None) -> str | None:
        """The canonical name of the agency `text` names exactly (any alias, any dash), else None."""
        return self.aliases.get(alias_key(text)) if text else None


def _compile(path: Path, entry, problems: list[str], flags: int, **fmt) -> re.Pattern | None:
    raw = entry.get("regex")
    where = f"{path}:{line_of(raw, line_of(entry))}"
    if not isinstance(raw, str) or not raw:
        problems.append(f"{where}: entry {entry.get('id')!r} has no regex")
        return None
    for key, value in fmt.items():
        raw = raw.replace("{" + key + "}", value)
    try:
        return re.compile(raw, flags)
    except re.error as exc:
        problems.append(f"{where}: entry {entry.get('id')!r} has an invalid regex ({exc})")
        return None


def _check_keys(path: Path, entry, allowed: set[str], problems: list[str]) -> bool:
    if not isinstance(entry, dict):
        problems.append(f"{path}:{line_of(entry)}: expected a mapping, got {entry!r}")
        return False
    unknown = set(entry) - allowed
    if unknown:
        problems.append(f"{path}:{line_of(entry)}: unknown keys {sorted(unknown)}; valid: {sorted(allowed)}")
    if "id" not in entry:
        problems.append(f"{path}:{line_of(entry)}: entry has no id")
    where = entry.get("where", "any")
    if where not in WHERE:
        problems.append(f"{path}:{line_of(entry)}: where={where!r}; valid: {list(WHERE)}")
    return True


def load_boilerplate(path: Path | None = None) -> Boilerplate:
    path = Path(path or DATA / "boilerplate.yaml")
    doc = read_yaml(path) or {}
    problems: list[str] = []
    paragraphs, dates = [], []
    for entry in doc.get("paragraphs") or []:
        if not _check_keys(path, entry, {"id", "regex", "where", "cut_rest", "headlines", "next"}, problems):
            continue
        for flag in ("cut_rest", "headlines"):
            if not isinstance(entry.get(flag, False), bool):
                problems.append(f"{path}:{line_of(entry)}: {flag}={entry[flag]!r} must be true or false")
        if entry.get("cut_rest") and entry.get("headlines"):
            problems.append(f"{path}:{line_of(entry)}: entry {entry.get('id')!r}: cut_rest already drops the "
                            "headlines after it; use one of cut_rest and headlines")
        rx = _compile(path, entry, problems, re.IGNORECASE)
        nxt = _compile(path, {**entry, "regex": entry["next"]}, problems, re.IGNORECASE) if "next" in entry else None
        if rx is not None:
            paragraphs.append(ParagraphRule(str(entry.get("id")), rx, entry.get("where", "any"),
                                            bool(entry.get("cut_rest")), bool(entry.get("headlines")), nxt))
    for entry in doc.get("dates") or []:
        if not _check_keys(path, entry, {"id", "regex", "remove", "case_sensitive"}, problems):
            continue
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        rx = _compile(path, entry, problems, flags)
        if rx is not None and "date" not in rx.groupindex:
            problems.append(f"{path}:{line_of(entry)}: date rule {entry.get('id')!r} has no (?P<date>...) group")
        elif rx is not None:
            dates.append(DateRule(str(entry.get("id")), rx, bool(entry.get("remove"))))
    if problems:
        raise LexiconError(problems)
    return Boilerplate(tuple(paragraphs), tuple(dates))


def load_wires(path: Path | None = None) -> Wires:
    path = Path(path or DATA / "wires.yaml")
    doc = read_yaml(path) or {}
    problems: list[str] = []
    aliases: dict[str, str] = {}
    folded: dict[str, str] = {}  # casefolded alias -> agency: "Tass" and "TASS" may not name two agencies
    for entry in doc.get("agencies") or []:
        if not isinstance(entry, dict) or not entry.get("name") or not isinstance(entry.get("aliases"), list):
            problems.append(f"{path}:{line_of(entry)}: an agency needs a name and a list of aliases")
            continue
        name = str(entry["name"])
        for alias in [name, *entry["aliases"]]:  # the canonical name is always one of its own aliases
            if not isinstance(alias, str) or not alias.strip():
                problems.append(f"{path}:{line_of(alias, line_of(entry))}: agency {name!r} has an empty or "
                                f"non-text alias {alias!r}")
                continue
            key = alias_key(alias)
            other = folded.get(key.casefold())
            if other is not None and other != name:
                problems.append(f"{path}:{line_of(alias, line_of(entry))}: alias {alias!r} is listed for "
                                f"{other!r} and {name!r}")
            folded[key.casefold()] = name
            aliases[key] = name
    # Longest alias first so "The Associated Press" wins over "Associated Press" inside one alternation.
    alternation = "(?P<agency>" + "|".join(_alias_regex(a) for a in sorted(aliases, key=len, reverse=True)) + ")"
    rules = []
    for entry in doc.get("patterns") or []:
        if not _check_keys(path, entry, {"id", "regex", "where", "action", "search", "agency"}, problems):
            continue
        action = entry.get("action", "remove")
        if action not in ACTIONS:
            problems.append(f"{path}:{line_of(entry)}: action={action!r}; valid: {list(ACTIONS)}")
        fixed = entry.get("agency")
        if fixed is not None and fixed not in set(aliases.values()):
            problems.append(f"{path}:{line_of(entry)}: agency {fixed!r} is not a listed agency name")
        if fixed is None and "{agency}" not in str(entry.get("regex", "")):
            problems.append(f"{path}:{line_of(entry)}: pattern {entry.get('id')!r} needs {{agency}} or an agency: key")
        rx = _compile(path, entry, problems, 0, agency=alternation)
        if rx is not None:
            rules.append(WireRule(str(entry.get("id")), rx, entry.get("where", "any"), action,
                                  bool(entry.get("search")), fixed))
    if problems:
        raise LexiconError(problems)
    return Wires(aliases, tuple(rules))


@lru_cache(maxsize=1)
def default_boilerplate() -> Boilerplate:
    return load_boilerplate()


@lru_cache(maxsize=1)
def default_wires() -> Wires:
    return load_wires()
