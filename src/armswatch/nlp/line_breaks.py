"""A line break in news text ends a sentence: headline, dateline, byline and paragraphs stand on lines of their own.

The statistical parser often runs a headline into the first sentence of the body ("US pauses bomb shipment\nThe
administration said ..."), which joins two statements, gives the headline the body's claimant and makes
evidence spans that cross paragraphs. This component runs before the parser and marks the token after a blank
line as a sentence start, and the token after a single line break too when it begins like a sentence (a capital
letter, a digit or an opening quote) — a lower-case word after a single break is a hard-wrapped line.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

OPENERS = ('"', "“", "‘", "'", "(", "[", "•", "-", "—")


def _starts_like_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in OPENERS


def mark_line_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        gap = before.whitespace_ if not before.is_space else before.text + before.whitespace_
        if before.is_space and tok.i >= 2:
            gap = doc[tok.i - 2].whitespace_ + gap
        if "\n" not in gap or tok.is_space:
            continue
        if gap.count("\n") >= 2 or _starts_like_sentence(tok.text):
            tok.is_sent_start = True
    return doc


@Language.component("armswatch_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
