"""Finds where the trigger, actors and claimant sit in an evidence sentence, so the page can mark them.

Spans are character offsets into `evidence`; the page builds text nodes from them (never HTML), so marking
untrusted article text stays safe.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from armswatch.web.resolve import _lexicon


@lru_cache(maxsize=1)
def alias_index() -> dict[str, list[tuple[str, bool]]]:
    """Actor id -> its surface forms in the actor lexicon, with whether each is case-sensitive."""
    lexicon = _lexicon()
    index: dict[str, list[tuple[str, bool]]] = {}
    if lexicon is None:
        return index
    for phrase in getattr(lexicon, "phrases", ()):
        # a negative target blocks a form ("us" is not the United States)
        if isinstance(phrase.target, int) and phrase.target >= 0:
            index.setdefault(lexicon.entries[phrase.target].id, []).append((phrase.text, phrase.exact))
    return index


def _aliases(actor_id: str, names: dict[str, str]) -> list[tuple[str, bool]]:
    forms = [(names.get(actor_id) or "", False), *alias_index().get(actor_id, [])]
    if re.fullmatch(r"[A-Z]{3}", actor_id):
        forms.append((actor_id, True))
    return [(f, exact) for f, exact in forms if len(f) > 1]


def _find(evidence: str, form: str, exact: bool = False) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
    flags = 0 if exact else re.IGNORECASE
    return [(m.start(), m.end()) for m in re.finditer(pattern, evidence, flags=flags)]


def highlight_spans(mention: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    """Non-overlapping spans {start, end, kind} in the mention's evidence, sorted by start."""
    evidence = mention.get("evidence") or ""
    candidates: list[tuple[int, int, str]] = []
    trigger, t_start = mention.get("trigger"), mention.get("trigger_start")
    if trigger:
        offset = None
        if t_start is not None:
            rel = t_start - (mention.get("evidence_start") or 0)
            if evidence[rel : rel + len(trigger)] == trigger:
                offset = rel
        if offset is None:
            found = _find(evidence, trigger)
            offset = found[0][0] if found else None
        if offset is not None:
            candidates.append((offset, offset + len(trigger), "trigger"))
    said_by = _find(evidence, mention["claimant_text"]) if mention.get("claimant_text") else []
    candidates += [(s, e, "claimant") for s, e in said_by]
    roles = [("supplier", mention.get("supplier")), ("recipient", mention.get("recipient"))]
    roles += [("actor", a) for a in mention.get("actors") or []]
    # The claimant's own words ("a spokesman for Ukraine's air force") say who claims it better than every
    # "Ukraine" in the sentence would; fall back to the actor's names only when those words are not there.
    if not said_by and mention.get("claimant") not in (None, "author", "other"):
        roles.append(("claimant", mention["claimant"]))
    for role, actor_id in roles:
        if not actor_id:
            continue
        for form, exact in _aliases(actor_id, names):
            candidates += [(s, e, role) for s, e in _find(evidence, form, exact)]
    # The trigger wins, then longer spans; later overlapping spans are dropped.
    candidates.sort(key=lambda c: (c[2] != "trigger", -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, kind in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, kind))
    return [{"start": s, "end": e, "kind": k} for s, e, k in sorted(taken)]


def highlight_mention(mention: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    mention["highlights"] = highlight_spans(mention, names)
    return mention
