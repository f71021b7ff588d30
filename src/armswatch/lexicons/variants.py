"""Spelling forms of one alias (plurals, British/American spelling, hyphens, case), so data lists each name once."""
from __future__ import annotations

import re

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                              "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
# British spellings first: each pair yields the other spelling too.
_SPELLINGS = (("defence", "defense"), ("armour", "armor"), ("calibre", "caliber"), ("programme", "program"),
              ("kyiv", "kiev"))
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=\d)")
_ANTI = re.compile(r"\b(anti|counter|Anti|Counter)-(?=[a-z])")


def clean(text: str) -> str:
    """Unify apostrophes, dashes and spaces, and drop a trailing possessive: "Russia’s " -> "Russia"."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    return _POSSESSIVE.sub("", text).strip()


def plural(phrase: str) -> str:
    """English plural of the last word: drone -> drones, Shahed-136 -> Shahed-136s, battery -> batteries."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if re.search(r"(s|x|z|ch|sh)$", low):
        last = last + ("ES" if last.isupper() else "es")
    elif re.search(r"[^aeiou]y$", low) and not last.isupper():
        last = last[:-1] + "ies"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def spellings(phrase: str) -> set[str]:
    """The phrase in British and American spelling, and with letter-digit hyphens dropped or spaced (S-400, S400)."""
    out = {phrase}
    low = phrase.lower()
    if "-" not in phrase and not any(a in low or b in low for a, b in _SPELLINGS):
        return out
    for brit, amer in _SPELLINGS:
        out |= {swapped for form in out for a, b in ((brit, amer), (amer, brit)) if (swapped := _swap(form, a, b))}
    out |= {_ANTI.sub(r"\1", form) for form in out if _ANTI.search(form)}  # anti-tank, antitank
    out |= {_LETTER_DIGIT_HYPHEN.sub(sep, form) for form in out if _LETTER_DIGIT_HYPHEN.search(form)
            for sep in ("", " ")}
    return out


def _swap(form: str, old: str, new: str) -> str | None:
    """`form` with the first `old` (any case) spelled `new`, keeping a capital; None if `old` is absent."""
    i = form.lower().find(old)
    if i < 0:
        return None
    return form[:i] + (new.capitalize() if form[i].isupper() else new) + form[i + len(old):]


def case_forms(phrase: str) -> set[str]:
    """The forms a case-sensitive alias may take: as written, sentence-initial capital, ALL CAPS (headlines)."""
    out = {phrase, phrase[:1].upper() + phrase[1:]}
    letters = [c for c in phrase if c.isalpha()]
    if len(letters) > 3:
        out.add(phrase.upper())
        if all(c.isupper() for c in letters) and " " not in phrase:
            out.add(phrase.capitalize())  # HIMARS -> Himars (Guardian style)
    return out


def compound_forms(phrase: str) -> set[str]:
    """A two-word compound with a hyphen and without: "missile defence" <-> "missile-defence"."""
    words = phrase.split(" ")
    if len(words) >= 2 and all(w.isalpha() and w.islower() for w in words[:2]):
        return {"-".join(words[:2]) + "".join(" " + w for w in words[2:])}
    first, sep, rest = phrase.partition("-")
    if sep and first.isalpha() and first.islower() and rest[:1].isalpha() and rest[:1].islower():
        return {f"{first} {rest}"}
    return set()
