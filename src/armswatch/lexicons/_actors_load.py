"""Reads and validates the actor YAML files into an ActorLexicon, collecting every problem as file:line."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from armswatch.errors import LexiconError
from armswatch.lexicons import variants
from armswatch.lexicons._actors_model import DEFAULT_FILES, KINDS, ActorEntry, ActorLexicon
from armswatch.lexicons._common import (
    ISO3,
    ORG_ID,
    AliasSpec,
    Problems,
    alias_specs,
    entries_of,
    unknown_keys,
)
from armswatch.lexicons._matching import BLOCKER, Phrase
from armswatch.lexicons._yaml import LineDict, line_of, read_yaml

FIELDS = {"id", "kind", "name", "aliases", "exact", "affiliation", "note"}
BLOCK_FIELDS = {"aliases", "exact", "note"}
SECTIONS = ("actors", "not_actors", "compounds")


@lru_cache(maxsize=1)
def iso3_table() -> frozenset[str]:
    """The ISO3 ids of the shipped states.yaml: the only state ids other entries may use."""
    data = read_yaml(DEFAULT_FILES[0]) or {}
    rows = data.get("actors", []) if isinstance(data, dict) else []
    return frozenset(str(e["id"]) for e in rows if isinstance(e, dict) and e.get("kind") == "state")


def phrase_forms(alias: str, kind: str, exact: bool) -> set[str]:
    """Every surface form of one alias: spellings, demonym plurals, and case forms of case-sensitive aliases."""
    forms = variants.spellings(alias)
    if kind == "demonym":
        # Iranian -> Iranians, Iraqi -> Iraqis; Frenchman/Frenchmen and other forms are listed in the data
        forms |= {variants.plural(f) for f in forms if f[-1:] in ("n", "i") and not f.endswith(("man", "men"))}
    if exact:
        forms = {c for f in forms for c in variants.case_forms(f)}
    return forms


class _Parser:
    def __init__(self):
        self.problems = Problems()
        self.entries: list[ActorEntry] = []
        self.phrases: list[Phrase] = []
        self.owner: dict[tuple[bool, str], tuple[str, str]] = {}  # alias key -> (id, file:line)
        self.demonym_ids: list[str] = []  # ids with demonyms, for compounds ("Russian" + "officials")
        self.nouns: dict[str, str] = {}
        self.compounds: dict[tuple[str, str], int] = {}

    def read(self, paths: tuple[Path, ...]):
        raw, blocks, compounds = [], [], []
        for path in paths:
            data = read_yaml(path)
            if not isinstance(data, dict):
                raw += [(path, e) for e in entries_of(data, path, self.problems)]
                continue
            for key in data:
                if key not in SECTIONS:
                    self.problems.add(path, line_of(key, 1), f"unknown section {key!r} (valid: {', '.join(SECTIONS)})")
            raw += [(path, e) for e in entries_of(data, path, self.problems, "actors")]
            blocks += [(path, e) for e in entries_of(data, path, self.problems, "not_actors")]
            if data.get("compounds") is not None:
                compounds.append((path, data["compounds"]))
        return raw, blocks, compounds

    def check(self, path: Path, e: LineDict, known_ids: set[str]) -> tuple[str, str, str | None] | None:
        """(id, kind, affiliation) of a valid entry; each problem is recorded."""
        unknown_keys(e, FIELDS, path, self.problems)
        actor_id, kind, affiliation = e.get("id"), e.get("kind"), e.get("affiliation")
        bad = []
        if not isinstance(actor_id, str) or not actor_id:
            bad.append("missing id")
        elif not (ISO3.match(actor_id) or ORG_ID.match(actor_id)):
            bad.append(f"bad id {actor_id!r} (an ISO3 code like 'RUS' or 'org:' + a lowercase hyphenated slug "
                       "like 'org:wagner-group')")
        elif ISO3.match(actor_id) and actor_id not in iso3_table() and kind != "state":
            bad.append(f"unknown state id {actor_id!r} (not in {DEFAULT_FILES[0].name})")
        if kind not in KINDS:
            bad.append(f"unknown kind {kind!r} (valid: {', '.join(KINDS)})")
        elif not bad and kind == "state" and not ISO3.match(actor_id):
            bad.append(f"a state id must be ISO3, got {actor_id!r}")
        elif not bad and kind == "org" and not ORG_ID.match(actor_id):
            bad.append(f"an org id must start with 'org:', got {actor_id!r}")
        if affiliation is not None and (not isinstance(affiliation, str) or affiliation not in known_ids
                                        or affiliation == actor_id):
            self.problems.add(path, e.line, f"affiliation {affiliation!r} is not an ISO3 state or a known actor id")
            affiliation = None
        for problem in bad:
            self.problems.add(path, e.line, problem)
        if bad:
            return None
        if not e.get("aliases") and not e.get("exact") and kind not in ("state", "org"):
            self.problems.add(path, e.line, f"{actor_id} ({kind}) has no aliases")
        return actor_id, kind, str(affiliation) if affiliation else None

    def add_entry(self, path: Path, e: LineDict, actor_id: str, kind: str, affiliation: str | None) -> None:
        name = e.get("name")
        self.entries.append(ActorEntry(actor_id, kind, str(name) if name else None, affiliation, f"{path}:{e.line}"))
        target = len(self.entries) - 1
        if kind == "demonym" and actor_id not in self.demonym_ids:
            self.demonym_ids.append(actor_id)
        for spec in alias_specs(e, path, self.problems, exact_default=(kind == "person")):
            if self.claim(path, spec, actor_id):
                self.add_phrases(spec, target, kind)

    def claim(self, path: Path, spec: AliasSpec, actor_id: str) -> bool:
        """Record who owns an alias; an alias of two different ids is a problem."""
        key = (spec.exact, spec.text if spec.exact else spec.text.lower())
        if key in self.owner and self.owner[key][0] != actor_id:
            owner, where = self.owner[key]
            self.problems.add(path, spec.line, f"alias {spec.text!r} of {actor_id} is already {owner} at {where}")
            return False
        self.owner.setdefault(key, (actor_id, f"{path}:{spec.line}"))
        return True

    def add_phrases(self, spec: AliasSpec, target: int, kind: str) -> None:
        # a one-word name of a person or group must not be part of a longer name ("Richard Wagner")
        in_name = kind in ("person", "org") and " " not in spec.text
        for form in phrase_forms(spec.text, kind, spec.exact):
            self.phrases.append(Phrase(form, target, spec.exact, spec.alone, in_name=in_name))
            if kind == "institution" and not form.lower().startswith("the "):
                # "the Kremlin": listed with its article too (the prefilter reads these), the span leaves it out
                for the in ("the", "The", "THE") if spec.exact else ("the",):
                    self.phrases.append(Phrase(f"{the} {form}", target, spec.exact, spec.alone, trim=True))

    def add_compounds(self, path: Path, table) -> None:
        """`compounds`: kind -> nouns that, after a demonym, name that kind of actor ("Russian officials")."""
        if not isinstance(table, dict):
            self.problems.add(path, line_of(table, 1), "'compounds' must map a kind to a list of nouns")
            return
        for kind, words in table.items():
            if kind not in KINDS or not isinstance(words, list) or not all(isinstance(n, str) for n in words):
                self.problems.add(path, line_of(kind, 1), f"compounds: {kind!r} must be one of {', '.join(KINDS)} "
                                                          "with a list of nouns")
                continue
            for noun in words:
                for form in variants.spellings(noun.strip()):
                    self.nouns.setdefault(form.lower(), kind)
            for actor_id in self.demonym_ids:
                self.entries.append(ActorEntry(actor_id, kind, None, None, f"{path}:{line_of(kind)}"))
                self.compounds[(actor_id, kind)] = len(self.entries) - 1

    def add_blockers(self, path: Path, e: LineDict) -> None:
        unknown_keys(e, BLOCK_FIELDS, path, self.problems)
        for spec in alias_specs(e, path, self.problems, exact_default=False):
            for form in phrase_forms(spec.text, "blocker", spec.exact):
                self.phrases.append(Phrase(form, BLOCKER, spec.exact, spec.alone))

    def lexicon(self) -> ActorLexicon:
        if self.problems.items:
            raise LexiconError(self.problems.items)
        # an entry without a display name or affiliation borrows them from its id's state/org entry
        names = {e.id: e.name for e in self.entries if e.name and e.kind in ("state", "org")}
        affs = {e.id: e.affiliation for e in self.entries if e.affiliation and e.kind == "org"}
        entries = [ActorEntry(e.id, e.kind, e.name if e.kind in ("state", "org") and e.name else names.get(e.id, e.name),
                              e.affiliation or affs.get(e.id), e.source) for e in self.entries]
        return ActorLexicon(entries, self.phrases, self.nouns, self.compounds)


def parse(paths: tuple[Path, ...]) -> ActorLexicon:
    """The lexicon of `paths`, or one LexiconError listing every bad entry."""
    parser = _Parser()
    raw, blocks, compounds = parser.read(paths)
    known_ids = set(iso3_table()) | {str(e.get("id")) for _, e in raw if isinstance(e.get("id"), str)}
    for path, e in raw:
        checked = parser.check(path, e, known_ids)
        if checked:
            parser.add_entry(path, e, *checked)
    for path, table in compounds:
        parser.add_compounds(path, table)
    for path, e in blocks:
        parser.add_blockers(path, e)
    return parser.lexicon()
