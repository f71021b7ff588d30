"""Claims as derived state: re-aggregated in SQL for the claims a batch touched, links rebuilt for their pairs.

The rule is armswatch.claims.aggregate (the pure, tested specification); this is the same rule as GROUP BY so a
batch costs the size of the claims it touches, not of the database. tests/test_store.py checks they agree.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    distinct,
    func,
    insert,
    or_,
    select,
    tuple_,
    update,
)

from armswatch.claims import links
from armswatch.claims.aggregate import claim_confidence
from armswatch.event_types import ACTOR_TYPES
from armswatch.store import schema as t
from armswatch.types import Claim

CHUNK = 400  # ids per IN (...) list: well under SQLite's 32k parameter limit and PostgreSQL's 65k
UPDATED = ("first_seen", "last_seen", "articles", "stories", "mention_count", "claimants", "actors",
           "confidence")  # not the key


def chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def recompute_claims(conn: Connection, claim_ids: Iterable[str] | None = None) -> int:
    """Rebuild these claims (every claim when None) from their mentions, then the links of their pairs.

    Returns the number of claims written.
    """
    c = t.claims.c
    if claim_ids is None:
        written = _rebuild(conn, None)
        pairs = {tuple(r) for r in conn.execute(select(c.supplier, c.recipient).distinct())}
    else:
        written, pairs = 0, set()
        for part in chunks(sorted(set(claim_ids))):
            written += _rebuild(conn, part)
            pairs.update(tuple(r) for r in conn.execute(
                select(c.supplier, c.recipient).distinct().where(c.id.in_(part))))
    _relink(conn, sorted(pairs, key=lambda p: (p[0] or "", p[1] or "")), everything=claim_ids is None)
    return written


def _rebuild(conn: Connection, ids: list[str] | None) -> int:
    m, a = t.mentions.c, t.articles.c
    where = [m.claim_id.in_(ids)] if ids is not None else []
    key = (m.claim_id, m.type, m.supplier, m.recipient, m.item_category, m.polarity)
    rows = conn.execute(
        select(*key, func.count().label("mention_count"), func.count(distinct(m.article_id)).label("articles"),
               func.count(distinct(func.coalesce(a.story_id, a.id))).label("stories"),
               func.min(a.published).label("first_seen"), func.max(a.published).label("last_seen"))
        .join(t.articles, a.id == m.article_id).where(*where).group_by(*key)).all()
    claimants: dict[str, set] = {}
    for cid, who in conn.execute(select(m.claim_id, m.claimant).distinct().where(*where, m.claimant != "")):
        claimants.setdefault(cid, set()).add(who)
    scored: dict[str, list] = {}
    for cid, story, conf in conn.execute(
            select(m.claim_id, func.coalesce(a.story_id, a.id), m.confidence)
            .join(t.articles, a.id == m.article_id).where(*where, m.confidence.is_not(None))):
        scored.setdefault(cid, []).append((story, conf))
    deniers: dict[str, set] = {}
    for cid, actors in conn.execute(select(m.claim_id, m.actors).where(*where, m.type.in_(sorted(ACTOR_TYPES)))):
        deniers.setdefault(cid, set()).update(actors or [])
    values = [{
        "id": r.claim_id, "type": r.type, "supplier": r.supplier, "recipient": r.recipient,
        "item_category": r.item_category, "polarity": r.polarity, "first_seen": r.first_seen,
        "last_seen": r.last_seen, "articles": r.articles, "stories": r.stories, "mention_count": r.mention_count,
        "claimants": sorted(claimants.get(r.claim_id, ())), "actors": sorted(deniers.get(r.claim_id, ())),
        "confidence": claim_confidence(scored.get(r.claim_id, ())),
    } for r in rows]
    # claims are updated in place (their links stay; _relink writes only what changed) and dropped only when
    # no mention is left, which a full rebuild can find
    existing = set(conn.execute(select(t.claims.c.id).where(*([t.claims.c.id.in_(ids)] if ids is not None else []))
                                ).scalars())
    gone = sorted(existing - {v["id"] for v in values})
    for part in chunks(gone):
        conn.execute(delete(t.claim_links).where(or_(t.claim_links.c.claim_id.in_(part),
                                                     t.claim_links.c.answer_id.in_(part))))
        conn.execute(delete(t.claim_claimants).where(t.claim_claimants.c.claim_id.in_(part)))
        conn.execute(delete(t.claims).where(t.claims.c.id.in_(part)))
    changed = [v for v in values if v["id"] in existing]
    if changed:
        conn.execute(update(t.claims).where(t.claims.c.id == bindparam("b_id")).values(
            {k: bindparam(f"b_{k}") for k in UPDATED}), [{f"b_{k}": v[k] for k in ("id", *UPDATED)} for v in changed])
    added = [v for v in values if v["id"] not in existing]
    if added:
        conn.execute(insert(t.claims), added)
    conn.execute(delete(t.claim_claimants).where(
        *([t.claim_claimants.c.claim_id.in_(ids)] if ids is not None else [])))
    claimant_rows = [{"claim_id": cid, "claimant": who} for cid, whos in sorted(claimants.items()) for who in whos]
    if claimant_rows:
        conn.execute(insert(t.claim_claimants), claimant_rows)
    return len(values)


def _pairs_clause(pairs: list[tuple]):
    """claims of exactly these (supplier, recipient) pairs; a None in a pair matches NULL."""
    c = t.claims.c
    full = [p for p in pairs if None not in p]
    conds = [tuple_(c.supplier, c.recipient).in_(full)] if full else []
    conds += [and_(c.supplier.is_(None) if s is None else c.supplier == s,
                   c.recipient.is_(None) if r is None else c.recipient == r) for s, r in pairs if None in (s, r)]
    return or_(*conds)


LINK_COLUMNS = (t.claims.c.id, t.claims.c.type, t.claims.c.supplier, t.claims.c.recipient, t.claims.c.item_category,
                t.claims.c.polarity)


def _relink(conn: Connection, pairs: list[tuple], everything: bool) -> None:
    """Rebuild the denial/negation links among the claims of each pair (links never cross a pair)."""
    if everything:
        conn.execute(delete(t.claim_links))
    for part in chunks(pairs, 100):
        claims = [Claim(*row) for row in conn.execute(select(*LINK_COLUMNS).where(_pairs_clause(part)))]
        wanted = {(x.claim_id, x.answer_id, x.kind) for x in links(claims)}
        have: set[tuple] = set()
        if not everything:  # only the difference is written: most links of a busy pair are unchanged by a batch
            for ids in chunks([x.id for x in claims]):
                have.update(tuple(r) for r in conn.execute(
                    select(t.claim_links.c.claim_id, t.claim_links.c.answer_id, t.claim_links.c.kind)
                    .where(t.claim_links.c.claim_id.in_(ids))))
        for claim_id, answer_id, _kind in have - wanted:
            conn.execute(delete(t.claim_links).where(t.claim_links.c.claim_id == claim_id,
                                                     t.claim_links.c.answer_id == answer_id))
        if wanted - have:
            conn.execute(insert(t.claim_links), [{"claim_id": c, "answer_id": a, "kind": k}
                                                 for c, a, k in sorted(wanted - have)])
