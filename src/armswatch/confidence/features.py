"""Features of one mention, as a sparse {name: value} dict (names are "kind=value" for categories).

`local_features` reads the candidate the extractor built (the parse around the trigger); `article_features`
what the whole text says about the mention's key. Both are plain functions of plain data, so training and
scoring compute exactly the same thing.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# ActorRef.via values that name the endpoint in the trigger's own clause (the rest were borrowed or inferred).
IN_CLAUSE = frozenset({"span", "modifier", "anaphor", "default"})


@dataclass(frozen=True)
class LocalContext:
    """What the extractor knew about one mention when it made it."""

    type: str
    polarity: str
    rule: str
    trigger_lemma: str
    trigger_pos: str
    trigger_dep: str
    supplier: str | None
    recipient: str | None
    claimant: str
    item_category: str | None
    supplier_via: str
    recipient_via: str
    item_source: str
    wrappers: tuple[str, ...] = ()
    quoted: bool = False
    sentence_tokens: int = 0
    sentence_actors: int = 0  # distinct actors the gazetteer found in the sentence
    supplier_in_sentence: bool = False  # the supplier is actor_kind in the evidence sentence itself
    recipient_in_sentence: bool = False
    sentence_items: int = 0  # weapon terms the gazetteer found in the sentence
    question: bool = False  # the sentence asks rather than states
    sentence_candidates: int = 0  # candidates of the sentence that made mentions (this one included)
    recipient_kind: str = ""  # how the sentence names the recipient (actor kind: state, capital, demonym...)


def actor_kind(spans: Iterable, actor: str | None, trigger: int) -> str:
    """The actor kind of the sentence's span for `actor` nearest the trigger token, "" if none; `spans` are the
    sentence's actor spans (label_ = actor id, id_ = kind)."""
    def distance(s) -> int:
        return 0 if s.start <= trigger < s.end else min(abs(s.start - trigger), abs(s.end - 1 - trigger))

    mine = [s for s in spans if s.label_ == actor]
    return min(mine, key=distance).id_ if mine else ""


def _claimant_kind(c: LocalContext) -> str:
    if c.claimant in ("author", "other"):
        return c.claimant
    if c.claimant == c.supplier:
        return "supplier"
    if c.claimant == c.recipient:
        return "recipient"
    return "third"


def local_features(c: LocalContext) -> dict[str, float]:
    """The mention's features from its own sentence and candidate."""
    base, *mods = c.rule.split("+")
    f: dict[str, float] = {
        f"type={c.type}": 1.0,
        f"type_pol={c.type}/{c.polarity}": 1.0,
        f"rule={base}": 1.0,
        f"rule_type={base}/{c.type}": 1.0,
        f"trigger_type={c.trigger_lemma}/{c.type}": 1.0,
        f"pos={c.trigger_pos}": 1.0,
        f"dep={c.trigger_dep}": 1.0,
        f"supplier_via={c.supplier_via}": 1.0,
        f"recipient_via={c.recipient_via}": 1.0,
        f"item_source={c.item_source}": 1.0,
        f"item={c.item_category}": 1.0,
        f"claimant={_claimant_kind(c)}": 1.0,
        "supplier_org": float(bool(c.supplier and c.supplier.startswith("org:"))),
        "recipient_org": float(bool(c.recipient and c.recipient.startswith("org:"))),
        "both_in_clause": float(c.supplier_via in IN_CLAUSE and c.recipient_via in IN_CLAUSE),
        "none_in_clause": float(c.supplier_via not in IN_CLAUSE and c.recipient_via not in IN_CLAUSE),
        "quoted": float(c.quoted),
        "sentence_length": min(c.sentence_tokens, 80) / 80,
        "sentence_actors": min(c.sentence_actors, 6) / 6,
        "supplier_in_sentence": float(c.supplier_in_sentence),
        "recipient_in_sentence": float(c.recipient_in_sentence),
        "sentence_items": min(c.sentence_items, 4) / 4,
        "question": float(c.question),
        "alone_in_sentence": float(c.sentence_candidates <= 1),
        f"recipient_kind={c.recipient_kind or 'absent'}": 1.0,
    }
    for m in mods:
        f[f"mod={m}"] = 1.0
    for w in c.wrappers:
        f[f"wrapper={w}"] = 1.0
    return f


def article_features(
    keys: Sequence[tuple], starts: Sequence[int], text_length: int
) -> list[dict[str, float]]:
    """Per mention (its key and evidence offset, in the article's order): how often the article states the
    same key and the same pair, how many keys it states, where the evidence sits, and whether the article
    also reports the pair's transfer denied (a DENIAL of the same supplier and recipient)."""
    same_key = Counter(keys)
    same_pair = Counter((k[1], k[2]) for k in keys)
    n_keys = len(same_key)
    lead = {(k[1], k[2]) for k, start in zip(keys, starts) if start < 400}  # pairs of the headline and lead
    denied = {(k[1], k[2]) for k in keys if k[0] == "DENIAL"}
    out = []
    for k, start in zip(keys, starts):
        out.append({
            "same_key": math.log1p(same_key[k] - 1),
            "same_pair": math.log1p(same_pair[(k[1], k[2])] - 1),
            "keys_in_article": math.log1p(n_keys),
            "first_sentence": float(start == 0),
            "position": start / text_length if text_length else 0.0,
            "pair_in_lead": float((k[1], k[2]) in lead),
            "pair_denied": float(k[0] != "DENIAL" and (k[1], k[2]) in denied),
        })
    return out


def merge(*parts: Iterable[dict[str, float]]) -> list[dict[str, float]]:
    return [{k: v for d in ds for k, v in d.items()} for ds in zip(*parts)]
