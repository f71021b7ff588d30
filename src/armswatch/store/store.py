"""The Store: every read the CLI, REST API and exports need, and the one write path the ingest uses."""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Self

from sqlalchemy import Engine, func, select

from armswatch.store import schema as t
from armswatch.store.actors import kind_of
from armswatch.store.engine import ensure_schema, make_engine, write_transaction
from armswatch.store.query import (
    claim_conditions,
    claim_ids_query,
    iso_week,
    mention_query,
    order_by,
    published_in,
    row_to_claim,
    row_to_mention,
)
from armswatch.store.search import (
    highlight_terms,
    index_mentions,
    matching_mentions,
    parse_query,
    rank_per_claim,
)
from armswatch.store.write import (
    BatchResult,
    chunks,
    existing_ids,
    recompute_claims,
    replace_mentions,
    write_batch,
)
from armswatch.types import Article, Claim, ClaimFilter, Mention

MATCH_FIELDS = ("id", "article_id", "evidence", "evidence_start", "evidence_end", "title", "site", "published")


def open_store(url: str | os.PathLike | None = None, *, create: bool = True) -> Store:
    """Open (creating on first use) the store at `url`: None -> $ARMSWATCH_DB or ./armswatch.db.

    `create=False` (the read-only commands) raises NoDatabaseError where there is no armswatch database yet,
    and creates nothing: not the SQLite file, not the tables.
    """
    engine = make_engine(url, create=create)
    try:
        ensure_schema(engine, create=create)
    except Exception:
        engine.dispose()
        raise
    return Store(engine)


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string()  # password hidden

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writes -----------------------------------------------------------------------------------------------
    def add_batch(self, articles: Sequence[Article], mentions: Sequence[Sequence[Mention]],
                  signatures: Sequence[bytes | None] | None = None, index=None) -> BatchResult:
        """Store a batch and recompute its claims in ONE transaction: all of it is committed, or none.

        Pass the run's dedup index (from `story_index()`) with the signatures to have stories assigned inside the
        transaction, so concurrent and resumed ingests agree; articles already stored are skipped.
        """
        with write_transaction(self.engine) as conn:
            return write_batch(conn, articles, mentions, signatures, index)

    def replace_mentions(self, articles: Sequence[Article], mentions: Sequence[Sequence[Mention]]) -> int:
        """New text and mentions for stored articles (re-extraction), with their claims, in ONE transaction."""
        with write_transaction(self.engine) as conn:
            return replace_mentions(conn, articles, mentions)

    def stored_articles(self, batch_size: int = 64) -> Iterator[list[Article]]:
        """Every stored article, in id order, a batch at a time (each batch read in its own short query).

        `body_start` is None for an article stored before the headline's place in the text was recorded.
        """
        a = t.articles.c
        after = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(a.id, a.text, a.source, a.url, a.site, a.title, a.published, a.author,
                                           a.wire, a.lang, a.content_hash, a.story_id, a.body_start)
                                    .where(a.id > after).order_by(a.id).limit(batch_size)).all()
            if not rows:
                return
            yield [Article(**row._mapping) for row in rows]
            after = rows[-1].id

    def recompute_claims(self) -> int:
        """Rebuild every claim from the stored mentions (they are derived state)."""
        with write_transaction(self.engine) as conn:
            return recompute_claims(conn, None)

    def known_articles(self, ids) -> set[str]:
        with self.engine.connect() as conn:
            return existing_ids(conn, t.articles.c.id, ids)

    def story_index(self):
        """A dedup.StoryIndex of every stored article's signature, keyed by article id, for `add_batch`."""
        from armswatch.dedup import StoryIndex

        return StoryIndex.load((article_id, blob, article_id) for article_id, blob, _story in self.signatures())

    def signatures(self) -> Iterator[tuple[str, bytes, str]]:
        """(article id, MinHash bytes, story id) of every stored article: the rows of dedup.StoryIndex.load."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.signatures.c.article_id, t.signatures.c.story_id, t.signatures.c.signature)
                                .order_by(t.signatures.c.article_id))
            for row in rows:
                yield row.article_id, bytes(row.signature), row.story_id

    # --- reads --------------------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(t.schema_version.c.version))).scalar()

    def claims(self, flt: ClaimFilter | None = None, limit: int | None = 100, offset: int = 0,
               order: str = "stories") -> list[Claim]:
        """Claims matching `flt`, most independent stories first by default (order: see query.ORDERS).

        order="relevance" with a search (`flt.text`) ranks by how many of a claim's evidence sentences match
        (search.rank_per_claim), then as "stories": the same rank on both backends.
        """
        query = select(t.claims).where(*claim_conditions(flt))
        if order == "relevance" and flt is not None and flt.text:
            rank = rank_per_claim(parse_query(flt.text)).subquery()
            query = query.join(rank, rank.c.claim_id == t.claims.c.id).order_by(
                rank.c.in_evidence.desc(), rank.c.hits.desc(), *order_by("stories"))
        else:
            query = query.order_by(*order_by(order))
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            denials = self._denials(conn, [r.id for r in rows])
        return [row_to_claim(r, denials.get(r.id)) for r in rows]

    def search(self, text: str, flt: ClaimFilter | None = None, limit: int | None = 100, offset: int = 0,
               order: str = "relevance") -> list[dict]:
        """Claims whose evidence, article title, actor or item names match `text` (and `flt`), best first.

        Each claim dict carries `hits` (its matching mentions) and `matches`: those mentions' evidence with the
        matched words as `highlights` spans ({start, end, kind: "search"}). SearchError for a malformed query.
        """
        query = parse_query(text)
        flt = replace(flt or ClaimFilter(), text=text)
        claims = self.claims(flt, limit=limit, offset=offset, order=order)
        with self.engine.connect() as conn:
            found = matching_mentions(conn, query, [c.id for c in claims])
            ids = [m for ms in found.values() for m in ms]
            rows = {}
            for part in chunks(ids):
                rows.update((r.id, row_to_mention(r)) for r in conn.execute(
                    mention_query().where(t.mentions.c.id.in_(part))))
        out = []
        for c in claims:
            matches = []
            for mention_id in found.get(c.id, []):
                m = rows.get(mention_id)
                if m is None:
                    continue
                matches.append({k: m.get(k) for k in MATCH_FIELDS} | {
                    "highlights": highlight_terms(m["evidence"], query)})
            out.append({**c.to_dict(), "hits": len(found.get(c.id, [])), "matches": matches})
        return out

    def seen_in_range(self, claim_ids: list[str], flt: ClaimFilter) -> dict[str, dict]:
        """claim id -> {first, last, mentions} of its mentions in articles published within flt.since..until."""
        m, a = t.mentions.c, t.articles.c
        out = {}
        with self.engine.connect() as conn:
            for part in chunks(list(claim_ids)):
                rows = conn.execute(select(m.claim_id, func.min(a.published), func.max(a.published), func.count())
                                    .join(t.articles, a.id == m.article_id)
                                    .where(m.claim_id.in_(part), a.published.is_not(None), *published_in(flt))
                                    .group_by(m.claim_id))
                out.update({cid: {"first": lo, "last": hi, "mentions": n} for cid, lo, hi, n in rows})
        return out

    def rebuild_search_index(self) -> int:
        """Rewrite the whole full-text index from the stored mentions; returns the rows written."""
        with write_transaction(self.engine) as conn:
            return index_mentions(conn, None)

    def count_claims(self, flt: ClaimFilter | None = None) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.claims).where(*claim_conditions(flt))).scalar()

    def claim(self, claim_id: str) -> dict | None:
        """The claim, its mentions with their articles, and the claims that deny/negate it or that it answers."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
            if row is None:
                return None
            denials = self._denials(conn, [claim_id])
            out = row_to_claim(row, denials.get(claim_id)).to_dict()
            out["mentions"] = [row_to_mention(r) for r in conn.execute(
                mention_query().where(t.mentions.c.claim_id == claim_id))]
            out["denied_by"] = self._linked(conn, t.claim_links.c.claim_id == claim_id, t.claim_links.c.answer_id)
            out["answers"] = self._linked(conn, t.claim_links.c.answer_id == claim_id, t.claim_links.c.claim_id)
        return out

    def mentions(self, claim_id: str | None = None, flt: ClaimFilter | None = None,
                 limit: int | None = None) -> list[dict]:
        """Mentions (with article title/site/url/published) of one claim, or of the claims matching `flt`."""
        query = mention_query()
        if claim_id is not None:
            query = query.where(t.mentions.c.claim_id == claim_id)
        if flt is not None:
            query = query.where(t.mentions.c.claim_id.in_(claim_ids_query(flt)))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [row_to_mention(r) for r in conn.execute(query)]

    def actors(self) -> list[dict]:
        """Actors that take part in a claim (as supplier, recipient or denier: `claims`) or assert one (`claimed`)."""
        c = t.claims.c
        parties: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(select(c.id, c.supplier, c.recipient, c.actors)):
                for actor in {row.supplier, row.recipient, *(row.actors or [])} - {None}:
                    parties.setdefault(actor, set()).add(row.id)
            claimed = dict(conn.execute(select(t.claim_claimants.c.claimant, func.count())
                                        .group_by(t.claim_claimants.c.claimant)).all())
            rows = conn.execute(select(t.actors).order_by(t.actors.c.id)).all()
        return [{"id": r.id, "name": r.name, "kind": r.kind, "affiliation": r.affiliation,
                 "claims": len(parties.get(r.id, ())), "claimed": claimed.get(r.id, 0)}
                for r in rows if r.id in parties or r.id in claimed]

    def actor_names(self) -> dict[str, str]:
        """Actor id -> display name, for every stored actor (exports put names beside ids)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.actors.c.id, t.actors.c.name)).all())

    def article(self, article_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
            if row is None:
                return None
            out = dict(row._mapping)
            out["ingested_at"] = out["ingested_at"].isoformat() if out["ingested_at"] else None
            out["mentions"] = [row_to_mention(r) for r in conn.execute(
                mention_query().where(t.mentions.c.article_id == article_id))]
        return out

    def graph(self, flt: ClaimFilter | None = None) -> dict:
        """Actors as nodes, claims with both endpoints known as directed edges supplier -> recipient."""
        claims = [c for c in self.claims(flt, limit=None, order="id") if c.supplier and c.recipient]
        ids = sorted({c.supplier for c in claims} | {c.recipient for c in claims})
        actors = {}
        with self.engine.connect() as conn:
            for part in chunks(ids):
                for r in conn.execute(select(t.actors).where(t.actors.c.id.in_(part))):
                    actors[r.id] = {"id": r.id, "name": r.name, "kind": r.kind, "affiliation": r.affiliation}
        nodes = [actors.get(i) or {"id": i, "name": i, "kind": kind_of(i), "affiliation": None} for i in ids]
        edges = [{
            "id": c.id, "source": c.supplier, "target": c.recipient, "type": c.type,
            "item_category": c.item_category, "polarity": c.polarity, "articles": c.articles, "stories": c.stories,
            "mention_count": c.mention_count, "first_seen": c.first_seen, "last_seen": c.last_seen,
            "claimants": c.claimants, "denials": c.denials, "denied": bool(c.denials), "confidence": c.confidence,
        } for c in claims]
        return {"nodes": nodes, "edges": edges}

    def timeline(self, flt: ClaimFilter | None = None) -> list[dict]:
        """Mentions per ISO week ("2024-W07") of their article's publication date and claim type; undated left out."""
        query = (select(t.articles.c.published, t.mentions.c.type, func.count())
                 .join(t.articles, t.articles.c.id == t.mentions.c.article_id)
                 .where(t.articles.c.published.is_not(None))
                 .group_by(t.articles.c.published, t.mentions.c.type))
        if flt is not None:
            query = query.where(t.mentions.c.claim_id.in_(claim_ids_query(flt)), *published_in(flt))
        counts: Counter = Counter()
        with self.engine.connect() as conn:
            for published, type_, n in conn.execute(query):
                week = iso_week(published)
                if week:
                    counts[(week, type_)] += n
        return [{"week": w, "type": ty, "mentions": n} for (w, ty), n in sorted(counts.items())]

    def stats(self) -> dict:
        with self.engine.connect() as conn:
            def count(table):
                return conn.execute(select(func.count()).select_from(table)).scalar()

            return {
                "articles": count(t.articles), "stories": count(t.stories), "mentions": count(t.mentions),
                "claims": count(t.claims), "actors": len(self.actors()),
                "denied_claims": conn.execute(select(func.count(func.distinct(t.claim_links.c.claim_id)))).scalar(),
                "schema_version": conn.execute(select(func.max(t.schema_version.c.version))).scalar(),
            }

    # --- helpers --------------------------------------------------------------------------------------------------
    def _denials(self, conn, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in chunks(ids):
            for row in conn.execute(select(t.claim_links.c.claim_id, t.claim_links.c.answer_id)
                                    .where(t.claim_links.c.claim_id.in_(part))
                                    .order_by(t.claim_links.c.claim_id, t.claim_links.c.answer_id)):
                out.setdefault(row.claim_id, []).append(row.answer_id)
        return out

    def _linked(self, conn, where, other_column) -> list[dict]:
        rows = conn.execute(select(t.claims, t.claim_links.c.kind)
                            .join(t.claim_links, t.claims.c.id == other_column).where(where)
                            .order_by(t.claims.c.id)).all()
        denials = self._denials(conn, [r.id for r in rows])
        return [{**row_to_claim(r, denials.get(r.id)).to_dict(), "kind": r.kind} for r in rows]
