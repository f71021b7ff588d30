"""The weapon lexicon: generic terms and named systems -> the 12 item categories of schema.md / GUIDELINES.md §7.

Data: `data/weapons.yaml`. A matched item phrase may join several terms ("Storm Shadow cruise missiles",
"155mm artillery shells"); its category is the head's (last term's), unless an earlier term refines it
("Patriot missiles" is air-defence because Patriot lists missiles under `also`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from armswatch.errors import LexiconError
from armswatch.lexicons import variants
from armswatch.lexicons._common import DATA_DIR, AliasSpec, Problems, alias_specs, entries_of, unknown_keys
from armswatch.lexicons._matching import BLOCKER, MODIFIER, SUFFIX, EnsureEntities, Hit, Phrase, PhraseFinder
from armswatch.lexicons._yaml import LineDict, line_of, read_yaml
from armswatch.types import ITEM_CATEGORIES

DEFAULT_FILE = DATA_DIR / "weapons.yaml"
_FIELDS = {"term", "category", "also", "aliases", "exact", "named", "systems", "plural", "note"}
_SECTIONS = ("items", "modifiers", "modifier_patterns", "suffixes", "not_items")
_VERBAL = ("VERB", "AUX")  # "to help Russia", "shelled the city": a generic term tagged as a verb is not an item
_JOINERS = {"-", "/"}  # tokens allowed between two parts of one item phrase ("Shahed - 136", "SAMP/T")


@dataclass(frozen=True)
class WeaponEntry:
    """One term or named system; `also` lists further categories the guidelines give it."""

    term: str
    category: str
    also: tuple[str, ...] = ()
    named: bool = False
    source: str = ""


@dataclass(frozen=True)
class Item:
    """An item phrase found in text: token range, category, the canonical term that decided it, all categories."""

    start: int
    end: int
    category: str
    term: str
    categories: tuple[str, ...] = field(default=())


class WeaponLexicon:
    """Categorises item phrases and builds the gazetteer's item matcher."""

    def __init__(self, entries: list[WeaponEntry], phrases: list[Phrase], token_patterns: list[tuple[int, list]]):
        self.entries = entries
        self.phrases = phrases
        self.token_patterns = token_patterns
        self._by_term = {e.term.lower(): e for e in entries}
        self._finders: dict[int, PhraseFinder] = {}

    def finder(self, nlp) -> PhraseFinder:
        key = id(nlp.vocab)
        if key not in self._finders:
            self._finders[key] = PhraseFinder(nlp, self.phrases, self.token_patterns)
        return self._finders[key]

    def items(self, doc, nlp=None, ensure_entities: EnsureEntities | None = None) -> list[Item]:
        """Item phrases of a Doc, in order: adjacent terms and leading modifiers form one phrase; `ensure_entities`
        runs NER where a check reads entities (see PhraseFinder.hits)."""
        hits = self.finder(nlp or _blank()).hits(doc, ensure_entities)
        if doc.has_annotation("POS"):
            hits = [h for h in hits if not (h.target >= 0 and not self.entries[h.target].named
                                            and doc[h.end - 1].pos_ in _VERBAL)]
        return [item for run in _runs(doc, hits) if (item := self._item(run)) is not None]

    def _item(self, run: list[Hit]) -> Item | None:
        terms = [h for h in run if h.target >= 0]
        if not terms:
            return None
        head = self.entries[terms[-1].target]
        decided, category = head, head.category
        for h in reversed(terms[:-1]):
            e = self.entries[h.target]
            if e.category != category and (category in e.also or category == "weapons"):
                decided, category = e, e.category
        for h in terms:  # a named system of the winning category names the item ("Shahed" in "Shahed drones")
            e = self.entries[h.target]
            if e.named and e.category == category:
                decided = e
                break
        cats = tuple(dict.fromkeys((category, *decided.also)))
        return Item(run[0].start, run[-1].end, category, decided.term, cats)

    # -- text API -----------------------------------------------------------------------------------------
    def _text_items(self, text: str) -> list[Item]:
        return self.items(_blank().make_doc(text))

    def category(self, text: str) -> str | None:
        """Category of the (first) item phrase in `text`: "Shahed drones" -> "drones"; None if no weapon."""
        items = self._text_items(text)
        return items[0].category if items else None

    def categories(self, text: str, with_also: bool = False) -> list[str]:
        """Categories of every item phrase in `text`, in order of appearance, without repeats.

        with_also adds the further categories the guidelines list (Patriot -> air-defence, missiles).
        """
        out: list[str] = []
        for item in self._text_items(text):
            for c in item.categories if with_also else (item.category,):
                if c not in out:
                    out.append(c)
        return out

    def term(self, text: str) -> str | None:
        """The canonical term of the first item phrase in `text` ("Shahed-136s" -> "Shahed-136")."""
        items = self._text_items(text)
        return items[0].term if items else None

    def entry(self, term: str) -> WeaponEntry | None:
        """The entry of a canonical term."""
        return self._by_term.get(term.lower())


def _runs(doc, hits: list[Hit]) -> list[list[Hit]]:
    """Group adjacent hits (touching, or joined by a hyphen/slash token); blockers end a run and are dropped."""
    runs: list[list[Hit]] = []
    for h in hits:
        if h.target == BLOCKER:
            runs.append([])
            continue
        if runs and runs[-1]:
            prev = runs[-1][-1]
            gap = doc[prev.end:h.start]
            if h.start == prev.end or (len(gap) == 1 and gap[0].text in _JOINERS):
                runs[-1].append(h)
                continue
        runs.append([h])
    out = []
    for run in runs:
        while run and run[0].target == SUFFIX:  # "systems" with no item before it
            run.pop(0)
        while run and run[-1].target == MODIFIER:  # "drones attack": a modifier only opens a phrase
            run.pop()
        if any(h.target >= 0 for h in run):
            out.append(run)
    return out


@lru_cache(maxsize=1)
def _blank():
    import spacy

    return spacy.blank("en")


def _forms(text: str, exact: bool, plural: bool) -> set[str]:
    forms = variants.spellings(text)
    forms |= {v for f in forms for v in variants.compound_forms(f)}
    if plural:
        forms |= {variants.plural(f) for f in forms}
    if exact:
        forms = {c for f in forms for c in variants.case_forms(f)}
    return forms


class _Parser:
    """Reads one weapons file, collecting every problem as file:line; `lexicon()` raises them all at once."""

    def __init__(self, path: Path):
        self.path = path
        self.problems = Problems()
        self.entries: list[WeaponEntry] = []
        self.phrases: list[Phrase] = []
        self.token_patterns: list[tuple[int, list]] = []
        self.owner: dict[tuple[bool, str], tuple[str, str]] = {}  # alias key -> (term, file:line) for duplicates

    def lexicon(self) -> WeaponLexicon:
        data = read_yaml(self.path)
        if not isinstance(data, dict):
            raise LexiconError([f"{self.path}:1: expected a mapping with an 'items' list"])
        for key in data:
            if key not in _SECTIONS:
                self.problems.add(self.path, line_of(key, 1),
                                  f"unknown section {key!r} (valid: {', '.join(_SECTIONS)})")
        for e in entries_of(data, self.path, self.problems, "items"):
            self.item(e)
        for section, target in (("modifiers", MODIFIER), ("suffixes", SUFFIX), ("not_items", BLOCKER)):
            self.word_section(data, section, target)
        for pattern in data.get("modifier_patterns") or []:
            if not _valid_token_pattern(pattern):
                self.problems.add(self.path, line_of(pattern, 1),
                                  f"modifier_patterns: not a spaCy token pattern: {pattern!r}")
                continue
            self.token_patterns.append((MODIFIER, _plain(pattern)))
        if self.problems.items:
            raise LexiconError(self.problems.items)
        return WeaponLexicon(self.entries, self.phrases, self.token_patterns)

    def _categories(self, e: LineDict) -> tuple[bool, tuple[str, ...]]:
        """(whether the entry has a term and a known category, its valid `also` categories)."""
        path, valid = self.path, ", ".join(ITEM_CATEGORIES)
        term, category, also = e.get("term"), e.get("category"), e.get("also") or []
        ok = True
        if not isinstance(term, str) or not term.strip():
            self.problems.add(path, e.line, "missing term")
            ok = False
        if category not in ITEM_CATEGORIES:
            self.problems.add(path, e.line, f"unknown category {category!r} (valid: {valid})")
            ok = False
        if not isinstance(also, list) or any(c not in ITEM_CATEGORIES or c == category for c in also):
            self.problems.add(path, e.line, f"'also' must list other categories (valid: {valid}), got {also!r}")
            also = []
        return ok, tuple(also)

    def item(self, e: LineDict) -> None:
        """One entry of `items`: its term and aliases, and each of its `systems` as an entry of its own."""
        unknown_keys(e, _FIELDS, self.path, self.problems)
        ok, also = self._categories(e)
        if not ok:
            return
        term, category = e["term"], e["category"]
        named = bool(e.get("named", False))
        groups = [[AliasSpec(term.strip(), e.line, named, False), *alias_specs(e, self.path, self.problems, named)]]
        if e.get("systems") is not None:
            if not named:
                self.problems.add(self.path, e.line, "'systems' is only for named entries (named: true)")
            groups += [[s] for s in alias_specs(_only(e, "systems"), self.path, self.problems, named)]
        for specs in groups:
            self.entries.append(WeaponEntry(specs[0].text, category, also, named, f"{self.path}:{specs[0].line}"))
            self.add_phrases(specs, len(self.entries) - 1, bool(e.get("plural", True)))

    def add_phrases(self, specs: list[AliasSpec], target: int, plural: bool) -> None:
        term = self.entries[target].term
        for spec in specs:
            key = (spec.exact, spec.text if spec.exact else spec.text.lower())
            if key in self.owner and self.owner[key][0] != term:
                self.problems.add(self.path, spec.line, f"alias {spec.text!r} of {term!r} is already "
                                                        f"{self.owner[key][0]!r} at {self.owner[key][1]}")
                continue
            self.owner.setdefault(key, (term, f"{self.path}:{spec.line}"))
            for form in _forms(spec.text, spec.exact, plural):
                self.phrases.append(Phrase(form, target, spec.exact, spec.alone))

    def word_section(self, data: dict, section: str, target: int) -> None:
        """`modifiers`, `suffixes` or `not_items`: plain phrases that are not entries (targets below 0)."""
        values = data.get(section) or []
        if not isinstance(values, list):
            self.problems.add(self.path, line_of(values, 1), f"'{section}' must be a list of phrases")
            return
        for v in values:
            if not isinstance(v, str) or not v.strip():
                self.problems.add(self.path, line_of(v, 1), f"{section}: not a phrase: {v!r}")
                continue
            for form in _forms(v.strip(), False, target != MODIFIER):
                self.phrases.append(Phrase(form, target))


def _parse(path: Path) -> WeaponLexicon:
    return _Parser(path).lexicon()


def _only(entry: LineDict, key: str) -> LineDict:
    """The entry with `key` read as its alias list (alias_specs reads 'aliases')."""
    out = LineDict({"aliases": entry.get(key)})
    out.line = entry.line
    return out


def _plain(value):
    """Loaded YAML (with LineStr/LineDict) -> plain Python values for spaCy's pattern validator."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _valid_token_pattern(pattern) -> bool:
    from spacy.matcher import Matcher

    if not isinstance(pattern, list) or not pattern:
        return False
    try:
        Matcher(_blank().vocab, validate=True).add("check", [_plain(pattern)])
    except Exception:  # noqa: BLE001  spaCy raises several types for malformed patterns
        return False
    return True


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> WeaponLexicon:
    return _parse(path)


def load_weapons(path: str | Path | None = None) -> WeaponLexicon:
    """The weapon lexicon from `path` (default: the shipped weapons.yaml), cached per path.

    Raises LexiconError listing every bad entry as file:line.
    """
    return _load_cached(Path(path).resolve() if path else DEFAULT_FILE)
