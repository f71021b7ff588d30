"""ClaimFilter -> SQL conditions, and rows -> the dicts the CLI, REST API and exports share."""
from __future__ import annotations

from datetime import date

from sqlalchemy import exists, or_, select

from armswatch.store import schema as t
from armswatch.store.errors import FilterError
from armswatch.store.search import matching_claim_ids, parse_query
from armswatch.types import Claim, ClaimFilter

ORDERS = {
    "stories": (t.claims.c.stories.desc(), t.claims.c.articles.desc(), t.claims.c.last_seen.desc().nulls_last()),
    "articles": (t.claims.c.articles.desc(), t.claims.c.stories.desc(), t.claims.c.last_seen.desc().nulls_last()),
    "mentions": (t.claims.c.mention_count.desc(), t.claims.c.stories.desc()),
    "last_seen": (t.claims.c.last_seen.desc().nulls_last(), t.claims.c.stories.desc()),
    "first_seen": (t.claims.c.first_seen.asc().nulls_last(), t.claims.c.stories.desc()),
    "id": (),
    "relevance": (),  # with a search: most matching evidence sentences first (Store.claims); else as "stories"
}


def order_by(order: str):
    if order not in ORDERS:
        raise FilterError(f"order: unknown claim order {order!r}; valid: {', '.join(ORDERS)}")
    return (*(ORDERS[order] or ORDERS["stories"] if order == "relevance" else ORDERS[order]), t.claims.c.id)  # the id last, so equal rows come in the same order on every backend


def claim_conditions(flt: ClaimFilter | None) -> list:
    """SQL conditions on `claims` for a filter (actors are ids already resolved by the caller)."""
    if flt is None:
        return []
    c = t.claims.c
    conds = []
    if flt.supplier:
        conds.append(c.supplier == flt.supplier)
    if flt.recipient:
        conds.append(c.recipient == flt.recipient)
    if flt.actor:
        conds.append(or_(c.supplier == flt.actor, c.recipient == flt.actor))
    if flt.type:
        conds.append(c.type == flt.type.upper())
    if flt.item:
        conds.append(c.item_category == flt.item)
    if flt.polarity:
        conds.append(c.polarity == flt.polarity)
    if flt.since and flt.until:
        # by mention date: an article published in the interval reports it (a claim first seen before and last
        # seen after the interval, with nothing in it, is not in the interval)
        conds.append(exists().where(t.mentions.c.claim_id == c.id, *published_in(flt)))
    elif flt.since:
        conds.append(c.last_seen >= _iso(flt.since, "since"))
    elif flt.until:
        conds.append(c.first_seen <= _iso(flt.until, "until"))
    if flt.text:
        conds.append(c.id.in_(matching_claim_ids(parse_query(flt.text))))
    if flt.min_sources:
        conds.append(c.stories >= flt.min_sources)
    if flt.min_confidence:
        conds.append(or_(c.confidence >= flt.min_confidence, c.confidence.is_(None)))
    if flt.claimant:
        conds.append(exists().where(t.claim_claimants.c.claim_id == c.id,
                                    t.claim_claimants.c.claimant == flt.claimant))
    return conds


def published_in(flt: ClaimFilter | None) -> list:
    """Conditions on the mention's article (joined as `articles`) for the filter's date interval."""
    conds = []
    if flt is not None and flt.since:
        conds.append(t.articles.c.published >= _iso(flt.since, "since"))
    if flt is not None and flt.until:
        conds.append(t.articles.c.published <= _iso(flt.until, "until"))
    if conds:
        conds.append(t.articles.c.id == t.mentions.c.article_id)
    return conds


def _iso(value: str, name: str) -> str:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def claim_ids_query(flt: ClaimFilter | None):
    return select(t.claims.c.id).where(*claim_conditions(flt))


def row_to_claim(row, denials: list[str] | None = None) -> Claim:
    m = row._mapping
    return Claim(
        id=m["id"], type=m["type"], supplier=m["supplier"], recipient=m["recipient"],
        item_category=m["item_category"], polarity=m["polarity"], first_seen=m["first_seen"],
        last_seen=m["last_seen"], articles=m["articles"], stories=m["stories"], mention_count=m["mention_count"],
        claimants=list(m["claimants"] or []), actors=list(m["actors"] or []), denials=list(denials or []),
        confidence=m.get("confidence"),
    )


MENTION_ARTICLE_COLUMNS = (
    t.articles.c.title, t.articles.c.site, t.articles.c.url, t.articles.c.published, t.articles.c.story_id,
    t.articles.c.source,
)


def mention_query():
    """Mentions joined with the article facts a reader needs to check the evidence."""
    return (select(t.mentions, *MENTION_ARTICLE_COLUMNS)
            .join(t.articles, t.articles.c.id == t.mentions.c.article_id)
            .order_by(t.articles.c.published.asc().nulls_last(), t.mentions.c.article_id, t.mentions.c.idx))


def row_to_mention(row) -> dict:
    m = dict(row._mapping)
    text, start, end = m.pop("time_text"), m.pop("time_start"), m.pop("time_end")
    m["time"] = {"text": text, "start": start, "end": end} if text else None
    m.pop("idx", None)
    return m


def iso_week(day: str) -> str | None:
    try:
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    except (TypeError, ValueError):
        return None
    return f"{year}-W{week:02d}"
