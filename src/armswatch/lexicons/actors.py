"""The actor lexicon: every surface form of a state, organisation, leader, capital, company or medium -> actor id.

Data: `data/states.yaml` (generated from country_converter by build_actors.py: names and ISO3 of every state) and
`data/actors.yaml` (hand-kept: demonyms, capitals, metonyms, officials, companies, state media, `org:` actors).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from armswatch.errors import LexiconError
from armswatch.lexicons import variants
from armswatch.lexicons._common import (DATA_DIR, ISO3, ORG_ID, AliasSpec, Problems, alias_specs, entries_of,
                                        unknown_keys)
from armswatch.lexicons._matching import BLOCKER, Phrase, PhraseFinder
from armswatch.lexicons._yaml import line_of, read_yaml

KINDS = ("state", "demonym", "capital", "person", "institution", "org", "company", "media")
DEFAULT_FILES = (DATA_DIR / "states.yaml", DATA_DIR / "actors.yaml")
_FIELDS = {"id", "kind", "name", "aliases", "exact", "affiliation", "note"}
_BLOCK_FIELDS = {"aliases", "exact", "note"}
_SECTIONS = ("actors", "not_actors", "compounds")


@dataclass(frozen=True)
class ActorEntry:
    """One (actor id, kind) group of aliases as loaded; `source` is file:line."""

    id: str
    kind: str
    name: str | None
    affiliation: str | None
    source: str


class ActorLexicon:
    """Resolves actor mentions to ids (ISO3 or `org:` slugs) and builds the gazetteer's matcher."""

    def __init__(self, entries: list[ActorEntry], phrases: list[Phrase]):
        self.entries = entries
        self.phrases = phrases
        self._exact: dict[str, int] = {}
        self._lower: dict[str, int] = {}
        for p in phrases:
            if p.exact:
                self._exact.setdefault(p.text, p.target)
            else:
                self._lower.setdefault(p.text.lower(), p.target)
        self._ids: dict[str, ActorEntry] = {}
        for e in entries:  # an id's own state/org entry describes it; otherwise its first entry does
            first = self._ids.get(e.id)
            if first is None or (e.kind in ("state", "org") and first.kind not in ("state", "org")):
                self._ids[e.id] = e
        self._finders: dict[int, PhraseFinder] = {}

    # -- lookups -------------------------------------------------------------------------------------------
    def _lookup(self, text: str) -> ActorEntry | None:
        i = self._exact.get(text)  # holds the Capitalised and ALL CAPS forms too
        if i is None:
            i = self._lower.get(text.lower())
        return self.entries[i] if i is not None and i >= 0 else None

    def entry(self, text: str) -> ActorEntry | None:
        """The entry a mention resolves to (see `resolve`), or None."""
        t = variants.clean(text)
        if not t:
            return None
        if t in self._ids:
            return self._ids[t]
        found = self._lookup(t)
        if found is None and t.lower().startswith("the "):
            found = self._lookup(t[4:])
        if found is None and "-" in t.strip("-"):
            # "U.S.-made", "Iranian-supplied": the actor is the part before the last hyphen
            found = self.entry(t.rsplit("-", 1)[0])
        return found

    def resolve(self, text: str) -> str | None:
        """Actor id of a mention ("the Kremlin" -> "RUS", "Hezbollah" -> "org:hezbollah"), or None if unknown.

        Case-insensitive, except aliases kept case-sensitive in the data ("US" the country, not "us"; "the North";
        leaders' names); tolerant of a leading "the", a possessive "'s" and curly apostrophes.
        """
        e = self.entry(text)
        return e.id if e else None

    def kind(self, text: str) -> str | None:
        """How the mention names its actor: one of KINDS, or None if unknown."""
        e = self.entry(text)
        return e.kind if e else None

    def affiliation(self, actor_id: str) -> str | None:
        """The state an `org:` actor belongs to ("org:wagner-group" -> "RUS"); None for states and unaffiliated orgs."""
        e = self._ids.get(actor_id)
        return e.affiliation if e else None

    def name(self, actor_id: str) -> str | None:
        """Display name of an id ("PRK" -> "North Korea"); None if the id is unknown."""
        e = self._ids.get(actor_id)
        if e is None:
            return None
        return e.name or actor_id

    def ids(self) -> list[str]:
        """Every actor id, sorted."""
        return sorted(self._ids)

    # -- matching ------------------------------------------------------------------------------------------
    def finder(self, nlp) -> "ActorFinder":
        """A matcher of this lexicon for `nlp`'s tokenizer and vocab (cached per vocab)."""
        key = id(nlp.vocab)
        if key not in self._finders:
            self._finders[key] = PhraseFinder(nlp, self.phrases)
        return ActorFinder(self, self._finders[key])


class ActorFinder:
    """Actor spans of a Doc: `span.label_` = actor id, `span.id_` = kind."""

    def __init__(self, lexicon: ActorLexicon, finder: PhraseFinder):
        self.lexicon, self.finder = lexicon, finder

    def __call__(self, doc) -> list:
        from spacy.tokens import Span

        spans = []
        covered: set[int] = set()
        for h in self.finder.hits(doc):
            covered.update(range(h.start, h.end))
            if h.target >= 0:
                e = self.lexicon.entries[h.target]
                spans.append(Span(doc, h.start, h.end, label=e.id, span_id=e.kind))
        for tok in doc:
            # the tokenizer keeps "U.S.-made" as one token; the phrase matcher cannot see the "U.S." inside it
            if tok.i not in covered and "-" in tok.text.strip("-") and not tok.is_punct:
                e = self.lexicon.entry(tok.text)
                if e is not None:
                    spans.append(Span(doc, tok.i, tok.i + 1, label=e.id, span_id=e.kind))
        return sorted(spans, key=lambda s: s.start)


@lru_cache(maxsize=1)
def _iso3_table() -> frozenset[str]:
    data = read_yaml(DEFAULT_FILES[0]) or {}
    rows = data.get("actors", []) if isinstance(data, dict) else []
    return frozenset(str(e["id"]) for e in rows if isinstance(e, dict) and e.get("kind") == "state")


def _phrase_forms(alias: str, kind: str, exact: bool) -> set[str]:
    forms = variants.spellings(alias)
    if kind == "demonym":
        forms |= {variants.plural(f) for f in forms if f[-1:] in ("n", "i")}
    if exact:
        forms = {c for f in forms for c in variants.case_forms(f)}
    return forms


def _parse(paths: tuple[Path, ...]) -> ActorLexicon:
    problems = Problems()
    raw: list[tuple[Path, dict]] = []
    blocks: list[tuple[Path, dict]] = []
    compounds: list[tuple[Path, dict]] = []
    for path in paths:
        data = read_yaml(path)
        if isinstance(data, dict):
            for key in data:
                if key not in _SECTIONS:
                    problems.add(path, line_of(key, 1), f"unknown section {key!r} (valid: {', '.join(_SECTIONS)})")
            raw += [(path, e) for e in entries_of(data, path, problems, "actors")]
            blocks += [(path, e) for e in entries_of(data, path, problems, "not_actors")]
            if data.get("compounds") is not None:
                compounds.append((path, data["compounds"]))
        else:
            raw += [(path, e) for e in entries_of(data, path, problems)]
    known_ids = set(_iso3_table()) | {str(e.get("id")) for _, e in raw if isinstance(e.get("id"), str)}

    entries: list[ActorEntry] = []
    phrases: list[Phrase] = []
    owner: dict[tuple[bool, str], tuple[str, str]] = {}  # alias key -> (id, file:line) for duplicate checks

    demonyms: list[tuple[int, AliasSpec]] = []  # for compounds: "Russian" + "officials"

    def add_aliases(path, e, target, actor_id, kind):
        for spec in alias_specs(e, path, problems, exact_default=(kind == "person")):
            if kind == "demonym":
                demonyms.append((target, spec))
            key = (spec.exact, spec.text if spec.exact else spec.text.lower())
            where = f"{path}:{spec.line}"
            if key in owner and owner[key][0] != actor_id:
                problems.add(path, spec.line, f"alias {spec.text!r} of {actor_id} is already {owner[key][0]} "
                                              f"at {owner[key][1]}")
                continue
            owner.setdefault(key, (actor_id, where))
            for form in _phrase_forms(spec.text, kind, spec.exact):
                phrases.append(Phrase(form, target, spec.exact, spec.alone))

    for path, e in raw:
        unknown_keys(e, _FIELDS, path, problems)
        actor_id, kind, affiliation = e.get("id"), e.get("kind"), e.get("affiliation")
        ok = True
        if not isinstance(actor_id, str) or not actor_id:
            problems.add(path, e.line, "missing id")
            ok = False
        elif not (ISO3.match(actor_id) or ORG_ID.match(actor_id)):
            problems.add(path, e.line, f"bad id {actor_id!r} (an ISO3 code like 'RUS' or 'org:' + a lowercase "
                                       "hyphenated slug like 'org:wagner-group')")
            ok = False
        elif ISO3.match(actor_id) and actor_id not in _iso3_table() and kind != "state":
            problems.add(path, e.line, f"unknown state id {actor_id!r} (not in {DEFAULT_FILES[0].name})")
            ok = False
        if kind not in KINDS:
            problems.add(path, e.line, f"unknown kind {kind!r} (valid: {', '.join(KINDS)})")
            ok = False
        elif ok and kind == "state" and not ISO3.match(actor_id):
            problems.add(path, e.line, f"a state id must be ISO3, got {actor_id!r}")
            ok = False
        elif ok and kind == "org" and not ORG_ID.match(actor_id):
            problems.add(path, e.line, f"an org id must start with 'org:', got {actor_id!r}")
            ok = False
        if affiliation is not None and (not isinstance(affiliation, str) or affiliation not in known_ids
                                        or affiliation == actor_id):
            problems.add(path, e.line, f"affiliation {affiliation!r} is not an ISO3 state or a known actor id")
            affiliation = None
        if not ok:
            continue
        if not e.get("aliases") and not e.get("exact") and kind not in ("state", "org"):
            problems.add(path, e.line, f"{actor_id} ({kind}) has no aliases")
        name = e.get("name")
        entries.append(ActorEntry(actor_id, kind, str(name) if name else None,
                                  str(affiliation) if affiliation else None, f"{path}:{e.line}"))
        add_aliases(path, e, len(entries) - 1, actor_id, kind)

    for path, table in compounds:
        if not isinstance(table, dict):
            problems.add(path, line_of(table, 1), "'compounds' must map a kind to a list of nouns")
            continue
        for kind, nouns in table.items():
            if kind not in KINDS or not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
                problems.add(path, line_of(kind, 1), f"compounds: {kind!r} must be one of {', '.join(KINDS)} "
                                                     "with a list of nouns")
                continue
            made: dict[str, int] = {}
            for i, spec in demonyms:
                demonym = entries[i]
                if demonym.id not in made:
                    entries.append(ActorEntry(demonym.id, kind, None, demonym.affiliation, f"{path}:{line_of(kind)}"))
                    made[demonym.id] = len(entries) - 1
                for noun in nouns:
                    for form in _phrase_forms(f"{spec.text} {noun}", kind, spec.exact):
                        phrases.append(Phrase(form, made[demonym.id], spec.exact, False))

    for path, e in blocks:
        unknown_keys(e, _BLOCK_FIELDS, path, problems)
        for spec in alias_specs(e, path, problems, exact_default=False):
            for form in _phrase_forms(spec.text, "blocker", spec.exact):
                phrases.append(Phrase(form, BLOCKER, spec.exact, spec.alone))

    if problems.items:
        raise LexiconError(problems.items)
    # an entry without a display name borrows one from its id's state/org entry
    names = {e.id: e.name for e in entries if e.name and e.kind in ("state", "org")}
    affs = {e.id: e.affiliation for e in entries if e.affiliation and e.kind == "org"}
    entries = [ActorEntry(e.id, e.kind, e.name if e.kind in ("state", "org") and e.name else names.get(e.id, e.name),
                          e.affiliation or affs.get(e.id), e.source) for e in entries]
    return ActorLexicon(entries, phrases)


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...]) -> ActorLexicon:
    return _parse(paths)


def load_actors(*paths: str | Path) -> ActorLexicon:
    """The actor lexicon from `paths` (default: the shipped states.yaml + actors.yaml), cached per path list.

    Raises LexiconError listing every bad entry as file:line.
    """
    resolved = tuple(Path(p).resolve() for p in paths) if paths else DEFAULT_FILES
    return _load_cached(resolved)
