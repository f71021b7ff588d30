"""Decides which sentences of an article are worth a full spaCy parse, so most news text never reaches it.

    select(text) -> [(start, end), ...]   character spans to parse, merged into non-overlapping windows in order

A sentence is kept when it has a trigger word and names an actor or a weapon; in an article about arms (an
arms-context word or a real weapon in it) also when it has a trigger and a word the rules resolve from earlier
sentences ("officials", "it"), within FOLLOW sentences after a hot one. In other articles only item-free
triggers (sanctions) count, since no other frame can fire there. Each kept sentence brings NEIGHBOURS sentences
either side and the last earlier sentence naming an item.

A pure function over text; its term sets come from the lexicons and the extraction trigger data
(`armswatch.prefilter.terms`). `enabled()` reads `ARMSWATCH_PREFILTER` (default on; "0" turns it off) so the
eval can be run with and without it.
"""
from __future__ import annotations

import os

from armswatch.prefilter.match import Matcher, Terms, tokens
from armswatch.prefilter.sentences import split
from armswatch.prefilter.terms import load_terms

__all__ = ["Matcher", "Terms", "default_matcher", "enabled", "select", "split"]

# One sentence either side: a claimant named in the sentence before ("Kirby said:") and a pronoun's antecedent
# are the context extraction reads outside the trigger sentence; the parser's context also settles there.
NEIGHBOURS = 1

# A sentence that names no party itself ("Officials said deliveries would begin") is parsed when it follows a hot
# sentence this closely: the rules take its parties from the earlier sentences and mentions.
FOLLOW = 3

_MATCHER: Matcher | None = None


def default_matcher() -> Matcher:
    """The matcher built from the shipped lexicons and triggers, once per process."""
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = Matcher(load_terms())
    return _MATCHER


def enabled() -> bool:
    """False when the environment says `ARMSWATCH_PREFILTER=0` (or false/no/off)."""
    return os.environ.get("ARMSWATCH_PREFILTER", "1").strip().lower() not in ("0", "false", "no", "off")


def select(text: str, matcher: Matcher | None = None, neighbours: int = NEIGHBOURS) -> list[tuple[int, int]]:
    """Character spans of `text` worth parsing: hot sentences plus `neighbours` either side, merged, in order."""
    matcher = matcher or default_matcher()
    sentences = split(text)
    words = [tokens(text[start:end]) for start, end in sentences]
    armed = matcher.armed_tokens(words)
    keep = [False] * len(sentences)
    last_hot = last_item = None
    for i, toks in enumerate(words):
        heat = matcher.heat_tokens(toks, armed)
        if heat == 2:
            last_hot = i
        if heat == 2 or (heat == 1 and last_hot is not None and i - last_hot <= FOLLOW):
            for j in range(max(0, i - neighbours), min(len(sentences), i + neighbours + 1)):
                keep[j] = True
            if last_item is not None:
                keep[last_item] = True  # an item-less trigger takes the passage's last item ("the shipment")
        if matcher.items.has(toks):
            last_item = i
    spans: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(sentences):
        if not keep[i]:
            continue
        if spans and i > 0 and keep[i - 1]:
            spans[-1] = (spans[-1][0], end)  # contiguous with the previous kept sentence: one window
        else:
            spans.append((start, end))
    return spans
