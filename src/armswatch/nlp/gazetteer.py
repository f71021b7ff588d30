"""spaCy component "armswatch_gazetteer": marks actors and items from the lexicons in doc.spans.

    doc.spans["actors"]  span.label_ = actor id ("RUS", "org:hezbollah"), span.id_ = kind ("capital", "person"...)
    doc.spans["items"]   span.label_ = item category ("drones"),        span.id_ = canonical term ("Shahed")

Importing this module registers the factory; `armswatch.nlp.load_nlp()` adds it after NER.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from armswatch.lexicons.actors import load_actors
from armswatch.lexicons.weapons import load_weapons
from armswatch.nlp import entities

ACTORS_KEY = "actors"
ITEMS_KEY = "items"


class Gazetteer:
    """Finds actor and item phrases with PhraseMatchers built once from the lexicon data."""

    def __init__(self, nlp: Language, name: str = "armswatch_gazetteer", actors_path: str | None = None,
                 weapons_path: str | None = None):
        self.name = name
        self.actors = load_actors(actors_path) if actors_path else load_actors()
        self.weapons = load_weapons(weapons_path)
        self._nlp = nlp
        self._find_actors = self.actors.finder(nlp, ensure_entities=ensure_entities)
        self.weapons.finder(nlp)  # build now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ACTORS_KEY] = self._find_actors(doc)
        doc.spans[ITEMS_KEY] = [Span(doc, it.start, it.end, label=it.category, span_id=it.term)
                                for it in self.weapons.items(doc, self._nlp, ensure_entities)]
        return doc


def ensure_entities(doc: Doc, start: int, end: int) -> None:
    """Lazy NER on the sentence holding tokens start..end, for the lexicon checks that read entities there."""
    entities.ensure(doc, [entities.sentence_of(doc, start, end)])


@Language.factory(
    "armswatch_gazetteer",
    default_config={"actors_path": None, "weapons_path": None},
)
def make_gazetteer(nlp: Language, name: str, actors_path: str | None, weapons_path: str | None) -> Gazetteer:
    return Gazetteer(nlp, name, actors_path, weapons_path)


def actor_spans(doc: Doc) -> list[Span]:
    """The actor spans the gazetteer set on `doc` (empty if it did not run)."""
    return list(doc.spans.get(ACTORS_KEY, []))


def item_spans(doc: Doc) -> list[Span]:
    """The item spans the gazetteer set on `doc` (empty if it did not run)."""
    return list(doc.spans.get(ITEMS_KEY, []))


def item_categories(span: Span) -> list[str]:
    """Every category of an item span: its own, then those the guidelines add ("Patriot" -> air-defence, missiles)."""
    entry = load_weapons().entry(span.id_)
    return list(dict.fromkeys((span.label_, *(entry.also if entry and entry.category == span.label_ else ()))))
