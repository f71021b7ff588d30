"""The lexicon test of the prefilter: which sentences name a trigger and an actor or a weapon.

Text and terms are cut into lowercase word tokens by the same regex, so "air-defence" and "air defence",
"North Korea's" and "North Korea" meet. Trigger lemmas match by stem prefix (deliver -> delivered, delivery,
deliveries) or, for short stems, by their regular forms, plus the irregular forms given in `Terms.inflections`;
actors and weapons match as token n-grams. Over-matching only costs parse time while under-matching loses
mentions, so every choice here leans to matching.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD = re.compile(r"\w+")

# A stem shorter than this matches by listed forms, never as a prefix: "us" + \w* would be every "use".
MIN_PREFIX = 4
MEMO_LIMIT = 200_000  # words remembered per word set (a few MB), so a long run's memory stays bounded


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass
class Terms:
    """The term sets the prefilter tests, as plain data."""

    triggers: set[str] = field(default_factory=set)  # lemmas or phrases ("supply", "hand over")
    item_free: set[str] = field(default_factory=set)  # triggers coded without any arms item ("sanction")
    context: set[str] = field(default_factory=set)  # arms-context lemmas ("weapon", "military")
    actors: set[str] = field(default_factory=set)  # names and aliases as written ("North Korea", "the Kremlin")
    weapons: set[str] = field(default_factory=set)  # item phrases ("Shahed drones", "ammunition", "parts")
    arming: set[str] | None = None  # item phrases that make a text about arms (None: all of `weapons`)
    references: set[str] = field(default_factory=set)  # words the rules resolve to an earlier actor or item:
    # pronouns, generic heads ("officials"), unspecific support ("aid", "help")
    inflections: dict[str, set[str]] = field(default_factory=dict)  # lemma -> irregular forms (send -> sent)


class Matcher:
    """Compiled form of `Terms`: `armed(text)` for the whole article, `hot(sentence)` for each sentence."""

    def __init__(self, terms: Terms):
        self.triggers = _WordSet(terms.triggers, terms.inflections)
        self.item_free = _WordSet(terms.item_free, terms.inflections)
        self.context = _WordSet(terms.context, terms.inflections)
        self.entities = _PhraseSet(terms.actors | terms.weapons)
        self.items = _PhraseSet(terms.weapons)
        self.arming = _PhraseSet(terms.weapons if terms.arming is None else terms.arming)
        self.references = _WordSet(terms.references, terms.inflections)

    def armed(self, text: str) -> bool:
        """Whether the text has an arms-context word or an arming item (a weapon, not "parts" or "aid"): the
        texts whose sentences get the generous test of `heat`."""
        return self.armed_tokens([tokens(text)])

    def armed_tokens(self, sentences: list[list[str]]) -> bool:
        return any(self.context.has(t) for toks in sentences for t in toks) or any(
            self.arming.has(toks) for toks in sentences)

    def heat(self, sentence: str, armed: bool = True) -> int:
        """2: worth parsing, a trigger word (in a text that is not `armed`: an item-free one, "sanctions") and an
        actor or weapon. 1: worth parsing after a hot sentence, a trigger and a word the rules resolve from
        earlier sentences ("officials", "it", "aid"). 0: nothing to parse."""
        return self.heat_tokens(tokens(sentence), armed)

    def heat_tokens(self, toks: list[str], armed: bool = True) -> int:
        if not any((self.triggers if armed else self.item_free).has(t) for t in toks):
            return 0
        if self.entities.has(toks):
            return 2
        return 1 if armed and any(self.references.has(t) for t in toks) else 0

    def hot(self, sentence: str, armed: bool = True) -> bool:
        return self.heat(sentence, armed) == 2


class _WordSet:
    """Lemmas matched as word forms: by stem prefix when the stem is long enough, else by listed forms."""

    def __init__(self, phrases: set[str], inflections: dict[str, set[str]]):
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        for phrase in phrases:
            # every word of a multi-word term counts: "hand over" fires on "handed"; over-matching is safe
            for word in tokens(phrase):
                self.words |= {w for f in inflections.get(word, ()) for w in tokens(f)}
                stem = _stem(word)
                if len(stem) >= MIN_PREFIX:
                    self.prefixes.add(stem)
                else:
                    self.words |= _regular_forms(word)
        self.lengths = sorted({len(p) for p in self.prefixes})
        self._seen: dict[str, bool] = {}  # news vocabulary is small: each word is tested once per process

    def has(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            found = word in self.words or any(word[:n] in self.prefixes for n in self.lengths if n <= len(word))
            if len(self._seen) < MEMO_LIMIT:
                self._seen[word] = found
        return found


class _PhraseSet:
    """Phrases as token tuples, indexed by first token so a sentence is scanned once."""

    def __init__(self, phrases: set[str]):
        self.phrases: set[tuple[str, ...]] = set()
        self.lengths: dict[str, set[int]] = {}
        for phrase in phrases:
            toks = tuple(tokens(phrase))
            if toks:
                self.phrases.add(toks)
                self.lengths.setdefault(toks[0], set()).add(len(toks))

    def has(self, toks: list[str]) -> bool:
        for i, tok in enumerate(toks):
            lengths = self.lengths.get(tok)
            if lengths and any(tuple(toks[i : i + n]) in self.phrases for n in lengths):
                return True
        return False


def _stem(word: str) -> str:
    """The prefix every regular inflection and nominalisation of `word` starts with."""
    if word.endswith("e"):
        return word[:-1]  # provide -> provid(ed|ing|es|er)
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1]  # supply -> suppl(ied|ies|ier), deny -> den(ied|ial)
    return word


def _regular_forms(word: str) -> set[str]:
    """Regular inflections of a short word (ban -> bans, banned, banning): extra forms are harmless."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # ship -> shipped, shipping
    return forms
