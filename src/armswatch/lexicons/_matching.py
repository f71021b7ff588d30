"""Phrase matching shared by the actor and weapon lexicons: two PhraseMatchers (any case / exact case), longest wins."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.matcher import Matcher, PhraseMatcher

# Runs the entity recogniser where a check reads `doc.ents` (doc, start, end): the pipeline's lazy NER passes
# its own (armswatch.nlp.gazetteer); a doc whose entities are all set already (a blank tokenizer's) needs none.
EnsureEntities = Callable[[object, int, int], None]

BLOCKER = -1  # a phrase that only exists to shadow a shorter match ("Washington Post", "humanitarian aid")
MODIFIER = -2  # a word that may open an item phrase but is not an item ("attack" drones, "155mm" shells)
SUFFIX = -3  # a word that may close an item phrase without changing it ("Patriot systems", "S-400 batteries")


@dataclass(frozen=True)
class Phrase:
    """One surface form to match and the lexicon entry (index) it stands for."""

    text: str
    target: int
    exact: bool = False
    alone: bool = False  # not followed by a capitalised word ("Kim", not "Kim Dae-jung") nor inside a longer name
    trim: bool = False  # an optional leading "the" that is matched but left out of the span ("the Kremlin")
    in_name: bool = False  # not the surname of a longer PERSON entity ("Putin" yes, "Richard Wagner" no)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    target: int
    trim: bool = False


class PhraseFinder:
    """Finds the longest non-overlapping phrases of a lexicon in a Doc; built once per spaCy vocab/tokenizer."""

    def __init__(self, nlp, phrases: Iterable[Phrase], token_patterns: Iterable[tuple[int, list]] = ()):
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        groups: dict[tuple[bool, str], list[str]] = {}
        for p in phrases:
            groups.setdefault((p.exact, f"{p.target}|{2 if p.alone else int(p.in_name)}|{int(p.trim)}"), []).append(p.text)
        for (exact, key), texts in groups.items():
            docs = list(nlp.tokenizer.pipe(sorted(set(texts))))
            (self.orth if exact else self.lower).add(key, docs)
        for n, (target, pattern) in enumerate(token_patterns):
            self.tokens.add(f"{target}|0|0|{n}", [pattern])

    def hits(self, doc, ensure_entities: EnsureEntities | None = None) -> list[Hit]:
        """Longest match wins; ties go to the earlier one. Blockers take part, then the caller drops them.

        `ensure_entities(doc, start, end)` runs first where a phrase's check reads the entities around it.
        """
        ensure = ensure_entities or _entities_set
        raw = []
        strings = self.vocab.strings
        for matcher in (self.lower, self.orth, self.tokens):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                target, alone, trim = strings[match_id].split("|")[:3]
                if alone == "2" and _not_alone(doc, start, end, ensure):
                    continue
                if alone == "1" and _after_first_name(doc, start, end, ensure):
                    continue
                raw.append(Hit(start, end, int(target), trim == "1"))
        # longest first; on a tie a blocker beats an entry, which beats a modifier or suffix
        raw.sort(key=lambda h: (-(h.end - h.start), h.start, _rank(h.target), h.target))
        taken: list[Hit] = []
        used: set[int] = set()
        for h in raw:
            if used.isdisjoint(range(h.start, h.end)):
                taken.append(h)
                used.update(range(h.start, h.end))
        return sorted(taken, key=lambda h: h.start)


_PLACE_LABELS = ("GPE", "NORP", "LOC")


def _rank(target: int) -> int:
    return 0 if target == BLOCKER else 1 if target >= 0 else 2


def _entities_set(doc, start: int, end: int) -> None:
    """The default `ensure_entities`: the doc's entities are read as they are."""


def _not_alone(doc, start: int, end: int, ensure: EnsureEntities) -> bool:
    """True when the words are part of a longer name: "Kim Dae-jung", "Michael Jordan" (a longer PERSON entity)."""
    if end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
        return True
    return _inside_name(doc, start, end, ensure)


def _inside_name(doc, start: int, end: int, ensure: EnsureEntities) -> bool:
    """True when a longer named entity other than a place holds the words ("Michael Jordan", "Georgia Tech")."""
    ensure(doc, start, end)
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end and (ent.start, ent.end) != (start, end):
            return ent.label_ not in _PLACE_LABELS
    return False


def _after_first_name(doc, start: int, end: int, ensure: EnsureEntities) -> bool:
    """True when a PERSON entity starts before the words: a surname of someone else ("Richard Wagner")."""
    ensure(doc, start, end)
    return any(ent.label_ == "PERSON" and ent.start < start < ent.end and end <= ent.end for ent in doc.ents)
