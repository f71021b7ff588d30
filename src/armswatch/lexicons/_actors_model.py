"""The actor lexicon as data: its entries, the lookups that resolve a mention to an actor id, and its matcher.

Read from YAML by `_actors_load.parse`; `actors.load_actors()` is the public way to get one.
"""
from __future__ import annotations

from dataclasses import dataclass

from armswatch.lexicons import variants
from armswatch.lexicons._common import DATA_DIR
from armswatch.lexicons._matching import EnsureEntities, Phrase, PhraseFinder

KINDS = ("state", "demonym", "capital", "person", "institution", "org", "company", "media")
DEFAULT_FILES = (DATA_DIR / "states.yaml", DATA_DIR / "actors.yaml")


@dataclass(frozen=True)
class ActorEntry:
    """One (actor id, kind) group of aliases as loaded; `source` is file:line."""

    id: str
    kind: str
    name: str | None
    affiliation: str | None
    source: str


class ActorLexicon:
    """Resolves actor mentions to ids (ISO3 or `org:` slugs) and builds the gazetteer's matcher.

    `entries` are the (id, kind) groups; `phrases` every surface form matched, each pointing at its entry
    (`target` < 0: a blocker such as "Washington Post"); `nouns` the compound nouns that follow a demonym.
    """

    def __init__(self, entries: list[ActorEntry], phrases: list[Phrase], nouns: dict[str, str] | None = None,
                 compounds: dict[tuple[str, str], int] | None = None):
        self.entries = entries
        self.phrases = phrases
        self.nouns = nouns or {}  # compound nouns after a demonym: "officials" -> "institution"
        self._compounds = compounds or {}  # (actor id, kind) -> entry index
        self._exact: dict[str, int] = {}
        self._lower: dict[str, int] = {}
        self._loose: dict[str, int] = {}  # case-sensitive aliases in any case: typed input ("china", "us")
        for p in phrases:
            if p.exact:
                self._exact.setdefault(p.text, p.target)
                self._loose.setdefault(p.text.lower(), p.target)
            else:
                self._lower.setdefault(p.text.lower(), p.target)
        self._ids: dict[str, ActorEntry] = {}
        for e in entries:  # an id's own state/org entry describes it; otherwise its first entry does
            first = self._ids.get(e.id)
            if first is None or (e.kind in ("state", "org") and first.kind not in ("state", "org")):
                self._ids[e.id] = e
        self._finders: dict[int, tuple[PhraseFinder, PhraseFinder]] = {}

    # -- lookups -------------------------------------------------------------------------------------------
    def _lookup(self, text: str, strict: bool = True) -> ActorEntry | None:
        i = self._exact.get(text)  # holds the Capitalised and ALL CAPS forms too
        if i is None:
            i = self._lower.get(text.lower())
        if i is None and not strict:
            i = self._loose.get(text.lower())
        return self.entries[i] if i is not None and i >= 0 else None

    def _compound(self, text: str, strict: bool = True) -> ActorEntry | None:
        """ "Russian officials" = demonym + compound noun -> (RUS, institution)."""
        words = text.split(" ")
        for i in range(1, len(words)):
            kind = self.nouns.get(" ".join(words[i:]).lower())
            if kind is not None:
                head = self._lookup(" ".join(words[:i]), strict)
                if head is not None and head.kind == "demonym":
                    return self.compound_entry(head.id, kind)
        return None

    def compound_entry(self, actor_id: str, kind: str) -> ActorEntry | None:
        i = self._compounds.get((actor_id, kind))
        return self.entries[i] if i is not None else None

    def entry(self, text: str, strict: bool = False) -> ActorEntry | None:
        """The entry a mention resolves to (see `resolve`), or None."""
        t = variants.clean(text)
        if not t:
            return None
        if t in self._ids:
            return self._ids[t]
        found = None
        for form in (t, t[4:]) if t.lower().startswith("the ") else (t,):
            found = self._lookup(form) or self._compound(form)
            if found is None and not strict:  # a case-sensitive alias typed in another case: "china", "us"
                found = self._lookup(form, strict=False) or self._compound(form, strict=False)
            if found is not None:
                break
        if found is None and "-" in t.strip("-"):
            # "U.S.-made", "Iranian-supplied": the actor is the part before the last hyphen
            found = self.entry(t.rsplit("-", 1)[0], strict)
        return found

    def resolve(self, text: str, strict: bool = False) -> str | None:
        """Actor id of a mention ("the Kremlin" -> "RUS", "Hezbollah" -> "org:hezbollah"), or None if unknown.

        Case-insensitive and tolerant of a leading "the", a possessive "'s" and curly apostrophes. `strict=True`
        keeps the case of the aliases the data marks case-sensitive, as the gazetteer does: then "us", "china",
        "the north" and "kim" are not actors, while "US", "China", "the North" and "Kim" are.
        """
        e = self.entry(text, strict)
        return e.id if e else None

    def kind(self, text: str, strict: bool = False) -> str | None:
        """How the mention names its actor: one of KINDS, or None if unknown."""
        e = self.entry(text, strict)
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
    def finder(self, nlp, ensure_entities: EnsureEntities | None = None) -> ActorFinder:
        """A matcher of this lexicon for `nlp`'s tokenizer and vocab (cached per vocab); `ensure_entities` runs
        NER where a check reads entities (see PhraseFinder.hits)."""
        key = id(nlp.vocab)
        if key not in self._finders:
            noun_phrases = [Phrase(noun, i) for i, noun in enumerate(self._noun_list)]
            self._finders[key] = (PhraseFinder(nlp, self.phrases), PhraseFinder(nlp, noun_phrases))
        return ActorFinder(self, *self._finders[key], ensure_entities=ensure_entities)

    @property
    def _noun_list(self) -> list[str]:
        return sorted(self.nouns)


class ActorFinder:
    """Actor spans of a Doc: `span.label_` = actor id, `span.id_` = kind."""

    def __init__(self, lexicon: ActorLexicon, finder: PhraseFinder, nouns: PhraseFinder,
                 ensure_entities: EnsureEntities | None = None):
        self.lexicon, self.finder, self.nouns = lexicon, finder, nouns
        self.ensure_entities = ensure_entities
        self._noun_kinds = [lexicon.nouns[n] for n in lexicon._noun_list]

    def __call__(self, doc) -> list:
        from spacy.tokens import Span

        spans = []
        covered: set[int] = set()
        hits = self.finder.hits(doc, self.ensure_entities)
        nouns = {h.start: h for h in self.nouns.hits(doc)} if any(
            h.target >= 0 and self.lexicon.entries[h.target].kind == "demonym" for h in hits) else {}
        taken = {i for h in hits for i in range(h.start, h.end)}
        for h in hits:
            if h.target < 0:
                covered.update(range(h.start, h.end))
                continue
            e, start, end = self.lexicon.entries[h.target], h.start + int(h.trim), h.end
            noun = nouns.get(h.end)
            if e.kind == "demonym" and noun is not None and taken.isdisjoint(range(noun.start, noun.end)):
                # "Russian officials", "Chinese companies": the demonym and its noun name one actor
                e = self.lexicon.compound_entry(e.id, self._noun_kinds[noun.target]) or e
                end = noun.end
            covered.update(range(h.start, end))
            spans.append(Span(doc, start, end, label=e.id, span_id=e.kind))
        for tok in doc:
            # the tokenizer keeps "U.S.-made" as one token; the phrase matcher cannot see the "U.S." inside it
            if tok.i not in covered and "-" in tok.text.strip("-") and not tok.is_punct:
                e = self.lexicon.entry(tok.text)
                if e is not None:
                    spans.append(Span(doc, tok.i, tok.i + 1, label=e.id, span_id=e.kind))
        return sorted(spans, key=lambda s: s.start)
