"""Builds the prefilter's term sets from the data the extraction itself uses, so the two never drift apart.

Triggers are the lemmas of the extraction frames (extraction/data/triggers.yaml) and the objects of its elliptic
continuations ("followed suit"); arms-context words come from extraction/data/cues.yaml; actors and weapons are the
surface forms of the lexicons (armswatch.lexicons), plus the anaphoric descriptions the rules resolve ("the
regime"). Irregular inflections of the trigger lemmas (sent, sold, gave) are read from the spaCy model's own
lemmatizer tables, not listed here.
"""
from __future__ import annotations

import spacy.util
from spacy.lookups import Lookups

from armswatch.extraction import vocab
from armswatch.extraction.rules import load_rules
from armswatch.lexicons import load_actors, load_weapons
from armswatch.nlp import model_names
from armswatch.prefilter.match import Terms

# Item categories too common outside arms news to mark a text as about arms ("Orion Motors", "food aid").
GENERIC_CATEGORIES = ("components", "support")


def load_terms() -> Terms:
    """Terms from the shipped rules and lexicons."""
    rules = load_rules()
    triggers: set[str] = set()
    item_free: set[str] = set()
    for frame in rules.frames:
        triggers |= frame.lemmas
        if not frame.item_required:
            item_free |= frame.lemmas
    # "X followed suit": the object is the rare word, the verb ("do", "join") is everywhere; without an object
    # the verb itself ("after previously refusing")
    ellipsis = {str(e.get("object") or e.get("lemma")) for e in rules.ellipsis if e.get("object") or e.get("lemma")}
    context = set(vocab.words("arms_context"))
    actors, weapons, arming = _lexicon_phrases()
    actors |= vocab.words("anaphors.descriptions")
    support = vocab.words("support_words")
    references = set(vocab.words("anaphors.pronoun_state") | vocab.words("anaphors.pronoun_person")
                     | vocab.words("generic_heads")) | support
    return Terms(
        triggers=triggers | ellipsis,
        inflections=irregular_forms(frozenset(triggers | context)),
        item_free=item_free | ellipsis,
        context=context,
        actors=actors,
        weapons=weapons,
        arming=arming,
        references=references,
    )


def _lexicon_phrases() -> tuple[set[str], set[str], set[str]]:
    """(actors, weapons, arming): every surface form the gazetteers match (blockers and modifiers, target < 0,
    left out), and the weapon forms that make a text about arms: not the generic categories ("parts", "aid")."""
    weapons = load_weapons()
    actors = {p.text for p in load_actors().phrases if p.target >= 0}
    items = {p.text for p in weapons.phrases if p.target >= 0}
    arming = {p.text for p in weapons.phrases if p.target >= 0
              and weapons.entries[p.target].category not in GENERIC_CATEGORIES}
    return actors, items, arming


def irregular_forms(lemmas: frozenset[str]) -> dict[str, set[str]]:
    """lemma -> its forms in the spaCy model's lemmatizer exception tables (send -> {sent}, sell -> {sold})."""
    out: dict[str, set[str]] = {}
    for table in _lemma_exceptions():
        for form, lemma_list in table.items():
            for lemma in set(lemma_list) & lemmas:
                out.setdefault(lemma, set()).add(form)
    return out


def _lemma_exceptions() -> list[dict[str, list[str]]]:
    for name in model_names():
        try:
            root = spacy.util.get_package_path(name)
        except ImportError:  # not an installed package (a path, or absent): try the next one
            continue
        for path in root.glob("**/lemmatizer/lookups"):
            exc = Lookups().from_disk(path).get_table("lemma_exc", {})
            return [dict(exc.get(pos, {})) for pos in ("verb", "noun", "adj")]
    return []
