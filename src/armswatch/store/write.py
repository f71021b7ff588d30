"""Writes one batch of articles with their mentions and recomputes the claims they touch, in one transaction."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select, update

from armswatch.claims import claim_id, claim_key
from armswatch.store import schema as t
from armswatch.store.actors import actor_ids, actor_rows
from armswatch.store.derive import chunks, recompute_claims
from armswatch.store.search import index_mentions
from armswatch.store.stories import assign_stories
from armswatch.types import Article, Mention

ARTICLE_COLUMNS = frozenset(t.articles.c.keys())


@dataclass
class BatchResult:
    new: list[str] = field(default_factory=list)  # ids of articles stored by this batch
    already: list[str] = field(default_factory=list)  # ids that were stored before (or twice in the batch)
    new_stories: int = 0
    mentions: int = 0
    claims_updated: int = 0


def existing_ids(conn: Connection, column, ids: Iterable[str]) -> set[str]:
    ids = list(dict.fromkeys(ids))
    found: set[str] = set()
    for part in chunks(ids):
        found.update(conn.execute(select(column).where(column.in_(part))).scalars())
    return found


def write_batch(conn: Connection, articles: Sequence[Article], mentions: Sequence[Sequence[Mention]],
                signatures: Sequence[bytes | None] | None = None, index=None) -> BatchResult:
    """Store the articles not stored yet with their mentions, signatures and stories; recompute their claims.

    With a dedup `index` (and signatures) the stories are assigned here, inside the transaction, from what is
    stored now (see store.stories); without one each article's own story_id (or its id) is kept.
    """
    signatures = list(signatures) if signatures is not None else [None] * len(articles)
    if not (len(articles) == len(mentions) == len(signatures)):
        raise ValueError("articles, mentions and signatures must have the same length")
    result = BatchResult()
    stored = existing_ids(conn, t.articles.c.id, (a.id for a in articles))
    todo = []
    for article, found, signature in zip(articles, mentions, signatures):
        if article.id in stored:
            result.already.append(article.id)
            continue
        stored.add(article.id)
        result.new.append(article.id)
        todo.append((article, found, signature))
    if not todo:
        return result
    if index is not None and all(sig is not None for _, _, sig in todo):
        assign_stories(conn, [a for a, _, _ in todo], [sig for _, _, sig in todo], index)
    now = datetime.now(UTC)
    article_rows, mention_rows, signature_rows, story_rows = [], [], [], {}
    wires = {a.id: a.wire for a, _, _ in todo}
    new_mentions: list[Mention] = []
    for article, found, signature in todo:
        story_id = article.story_id or article.id
        row = {k: v for k, v in article.to_dict().items() if k in ARTICLE_COLUMNS}
        article_rows.append({**row, "story_id": story_id, "ingested_at": now})
        # a story is named after its origin article; a copy whose origin is stored already reuses its row
        origin = story_id if story_id in wires else article.id
        story_rows.setdefault(story_id, {"id": story_id, "origin_article": origin, "wire": wires.get(origin)})
        if signature is not None:
            signature_rows.append({"article_id": article.id, "story_id": story_id, "signature": signature})
        for idx, m in enumerate(found):
            mention_rows.append(_mention_row(article.id, idx, m))
            new_mentions.append(m)
    known_stories = existing_ids(conn, t.stories.c.id, story_rows)
    new_story_rows = [row for sid, row in story_rows.items() if sid not in known_stories]
    result.new_stories = len(new_story_rows)
    conn.execute(insert(t.articles), article_rows)
    if new_story_rows:
        conn.execute(insert(t.stories), new_story_rows)
    if signature_rows:
        conn.execute(insert(t.signatures), signature_rows)
    if mention_rows:
        conn.execute(insert(t.mentions), mention_rows)
        _add_actors(conn, new_mentions)
        index_mentions(conn, [row["id"] for row in mention_rows])  # same transaction: all of it, or none
        result.claims_updated = recompute_claims(conn, {row["claim_id"] for row in mention_rows})
    result.mentions = len(mention_rows)
    return result


def replace_mentions(conn: Connection, articles: Sequence[Article], mentions: Sequence[Sequence[Mention]]) -> int:
    """Give stored articles new text (a kept headline) and new mentions, and recompute every claim either touches.

    For re-extraction with newer rules: the article ids, stories and signatures stay; the old mentions, their
    search-index rows and claims they alone made go. Returns the number of claims rewritten.
    """
    if len(articles) != len(mentions):
        raise ValueError("articles and mentions must have the same length")
    m = t.mentions.c
    ids = [a.id for a in articles]
    old_mentions: list[str] = []
    claims: set[str] = set()
    for part in chunks(ids):
        for mention_id, claim in conn.execute(select(m.id, m.claim_id).where(m.article_id.in_(part))):
            old_mentions.append(mention_id)
            claims.add(claim)
        conn.execute(delete(t.mentions).where(m.article_id.in_(part)))
    rows, new_mentions = [], []
    for article, found in zip(articles, mentions):
        conn.execute(update(t.articles).where(t.articles.c.id == article.id).values(
            text=article.text, body_start=article.body_start))
        for idx, mention in enumerate(found):
            rows.append(_mention_row(article.id, idx, mention))
            new_mentions.append(mention)
    if rows:
        conn.execute(insert(t.mentions), rows)
        _add_actors(conn, new_mentions)
    claims.update(row["claim_id"] for row in rows)
    index_mentions(conn, [*old_mentions, *(row["id"] for row in rows)])  # drops rows of mentions now gone
    return recompute_claims(conn, claims) if claims else 0


def _mention_row(article_id: str, idx: int, m: Mention) -> dict:
    return {
        "id": f"{article_id}:{idx}", "article_id": article_id, "idx": idx, "claim_id": claim_id(claim_key(m)),
        "type": m.type, "supplier": m.supplier, "recipient": m.recipient, "polarity": m.polarity,
        "actors": list(m.actors), "item_text": m.item_text, "item_category": m.item_category,
        "item_categories": list(m.item_categories), "claimant": m.claimant, "claimant_text": m.claimant_text,
        "time_text": m.time.text if m.time else None, "time_start": m.time.start if m.time else None,
        "time_end": m.time.end if m.time else None, "evidence": m.evidence, "evidence_start": m.evidence_start,
        "evidence_end": m.evidence_end, "affiliations": dict(m.affiliations or {}), "rule": m.rule,
        "trigger": m.trigger, "trigger_start": m.trigger_start, "confidence": m.confidence,
    }


def _add_actors(conn: Connection, mentions: list[Mention]) -> None:
    ids = actor_ids(mentions)
    missing = ids - existing_ids(conn, t.actors.c.id, ids)
    if missing:
        conn.execute(insert(t.actors), actor_rows(missing, mentions))
