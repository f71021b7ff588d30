"""Hand-built parses for rule unit tests: a Doc with the words, heads, labels, actor and item spans a stage reads,
so a rule's test does not depend on what the statistical parser does with one sentence.

    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB"), ("drones", 1, "dobj", "NOUN")],
                actors={"Iran": ("IRN", "state")}, items={"drones": "drones"})

Each token is (text, absolute head index, dependency, POS[, tag[, lemma]]); the tag defaults from the POS and the
lemma is the lower-cased text. A text starting with "+" is glued to the previous token (no space between them);
punctuation is glued on its own. `actors` maps a phrase (its first occurrence, or a (phrase, n-th) pair) to
(actor id, kind), as the gazetteer writes doc.spans["actors"] (label = id, span id = kind); `items` maps a phrase
to its item category (doc.spans["items"]).
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span

TAGS = {"PROPN": "NNP", "NOUN": "NN", "VERB": "VBD", "AUX": "VBD", "ADP": "IN", "DET": "DT", "PRON": "PRP",
        "ADJ": "JJ", "ADV": "RB", "PUNCT": ".", "PART": "TO", "NUM": "CD", "CCONJ": "CC", "SCONJ": "IN"}
GLUED = {",", ".", ":", ";", "?", "!", "'s", "”", ")"}
OPENING = {"“", "("}


@lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("en").vocab


def _find(words: list[str], phrase: str | tuple[str, int]) -> tuple[int, int]:
    text, nth = (phrase, 0) if isinstance(phrase, str) else phrase
    want = text.split()
    hits = [i for i in range(len(words) - len(want) + 1) if words[i: i + len(want)] == want]
    if len(hits) <= nth:
        raise ValueError(f"{text!r} is not in {words}")
    return hits[nth], hits[nth] + len(want)


def parse(tokens: list[tuple], actors: dict | None = None, items: dict | None = None) -> Doc:
    words, spaces, heads, deps, pos, tags, lemmas = [], [], [], [], [], [], []
    for n, (text, head, dep, p, *rest) in enumerate(tokens):
        glued = text.startswith("+") and len(text) > 1
        text = text[1:] if glued else text
        if words and (glued or text in GLUED):
            spaces[-1] = False
        words.append(text)
        spaces.append(text not in OPENING)
        heads.append(head)
        deps.append(dep)
        pos.append(p)
        tags.append(rest[0] if rest else TAGS.get(p, "XX"))
        lemmas.append(rest[1] if len(rest) > 1 else text.lower())
        assert 0 <= head < len(tokens), f"token {n} ({text}): head {head} out of range"
    spaces[-1] = False
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc.spans["actors"] = [Span(doc, *_find(words, phrase), label=actor, span_id=kind)
                           for phrase, (actor, kind) in (actors or {}).items()]
    doc.spans["items"] = [Span(doc, *_find(words, phrase), label=category, span_id=phrase if isinstance(
        phrase, str) else phrase[0]) for phrase, category in (items or {}).items()]
    return doc


def token(doc: Doc, text: str, nth: int = 0):
    """The n-th token whose text is `text`."""
    return [t for t in doc if t.text == text][nth]
