"""Groups mentions by (type, supplier, recipient, item category, polarity) into Claim records.

first_seen/last_seen are the publication dates of the articles behind a claim's mentions. Undated articles are
not given the ingest date as a stand-in: that would make a claim look new on every re-ingest and make the same
corpus give different claims on different days; a claim whose articles are all undated has no dates.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from armswatch.claims.links import links
from armswatch.event_types import ACTOR_TYPES
from armswatch.types import Claim, Mention

ClaimKey = tuple[str, str | None, str | None, str | None, str]


@dataclass
class MentionRecord:
    """A mention with the facts of its article that aggregation needs."""

    mention: Mention
    article_id: str
    story_id: str | None = None  # None: the article is its own story
    published: str | None = None  # YYYY-MM-DD


def claim_key(mention: Mention) -> ClaimKey:
    return (mention.type, mention.supplier, mention.recipient, mention.item_category, mention.polarity)


def claim_id(key: ClaimKey) -> str:
    """A short hash of the key: the same corpus gives the same ids on every run and every backend."""
    digest = hashlib.sha1(json.dumps(list(key), separators=(",", ":")).encode("utf-8")).hexdigest()
    return "c" + digest[:12]


def aggregate(records: Iterable[MentionRecord]) -> list[Claim]:
    """Claims for `records`, sorted by id, each with `denials` filled from the other claims in the same call.

    Links only exist between claims of one (supplier, recipient) pair, so aggregating all the mentions of the
    pairs concerned gives complete links.
    """
    groups: dict[ClaimKey, list[MentionRecord]] = {}
    for record in records:
        groups.setdefault(claim_key(record.mention), []).append(record)
    claims = [_claim(key, group) for key, group in groups.items()]
    claims.sort(key=lambda c: c.id)
    by_id = {c.id: c for c in claims}
    for link in links(claims):
        by_id[link.claim_id].denials.append(link.answer_id)
    return claims


def _claim(key: ClaimKey, group: list[MentionRecord]) -> Claim:
    type_, supplier, recipient, item_category, polarity = key
    dates = sorted(r.published for r in group if r.published)
    deniers = {a for r in group for a in r.mention.actors} if type_ in ACTOR_TYPES else set()
    return Claim(
        id=claim_id(key),
        type=type_,
        supplier=supplier,
        recipient=recipient,
        item_category=item_category,
        polarity=polarity,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        articles=len({r.article_id for r in group}),
        stories=len({r.story_id or r.article_id for r in group}),
        claimants=sorted({r.mention.claimant for r in group if r.mention.claimant}),
        actors=sorted(deniers),
        mention_count=len(group),
        confidence=claim_confidence((r.story_id or r.article_id, r.mention.confidence) for r in group),
    )


def claim_confidence(scored: Iterable[tuple[str, float | None]]) -> float | None:
    """How likely a claim is right given its mentions' confidences, as (story id, confidence) pairs.

    Within one story the best mention counts (syndicated copies and repetitions are not independent); across
    independent stories the chances that every one is wrong multiply: 1 - prod(1 - best of each story).
    None when no mention has a confidence.
    """
    best: dict[str, float] = {}
    for story, conf in scored:
        if conf is not None:
            best[story] = max(conf, best.get(story, 0.0))
    if not best:
        return None
    all_wrong = 1.0
    for conf in best.values():
        all_wrong *= 1.0 - conf
    return round(1.0 - all_wrong, 3)
