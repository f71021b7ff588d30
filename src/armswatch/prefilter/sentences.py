"""Cheap sentence splitting for the prefilter: a regex that would rather merge two sentences than cut one.

A merged pair only makes the parser read a little more; a cut sentence could lose a mention. So it splits only
at terminal punctuation followed by a capital, a digit or a quote, never after a known abbreviation or an
initial ("U.S.", "Mr.", "Gen."), and at blank lines and at line ends that close a sentence.
"""
from __future__ import annotations

import re

# Titles and short forms that end with a period in news text but do not end a sentence.
ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
    "sen", "rep", "gov", "pres", "vice", "st", "mt", "ft", "no", "nos", "vol", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "jr", "sr",
    "vs", "etc", "approx", "dept", "est", "fig", "al", "gov't", "govt",
])

_BOUNDARY = re.compile(
    r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])"""  # punctuation (plus closing quotes) before a capital
    r"""|\n[ \t]*\n"""  # a blank line
    r"""|(?<=[.!?:"'”’])[ \t]*\n"""  # a line that ends a sentence
)
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at `end` closes an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m.group(1)
    # "U.S." / "J." : a single letter before the period (initials, dotted acronyms)
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in ABBREVIATIONS


def split(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of `text`, stripped of surrounding whitespace, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        _add(text, start, cut, spans)
        start = cut
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
