"""Full-text search over mentions: evidence sentence, article title, actor and item names, claimant words.

One index row per mention (`mention_search`): its evidence sentence, and its context (title, names, claimant);
an FTS5 table on SQLite, two `tsvector` columns with GIN indexes on PostgreSQL. A claim ranks by how many of its
evidence sentences match by themselves, then by how many mentions match with their context. Both backends must return the same claims for the same query, so neither gets to tokenise or parse on
its own terms:

- the indexed text is normalised here (accents stripped, lower case, every non-letter/digit a space), so FTS5's
  unicode61 tokenizer and PostgreSQL's `simple` configuration see the same words (no stemming, no stop words);
- the user's query is parsed here into a small tree (words, "quoted phrases", OR, -exclusions) and rendered as an
  FTS5 MATCH string or a `to_tsquery('simple', ...)` string whose words are only [a-z0-9] — user input never
  reaches either query language raw. A bare word of 3+ characters matches as a prefix ("drone" finds "drones");
  a quoted phrase matches exactly. Malformed queries raise SearchError (a FilterError: 422 / exit 2).

The index is written in the transaction that stores the mentions (so an interrupted ingest leaves none behind and
a rerun adds none twice) and is built on open for databases made before it existed (`ensure_search_index`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import Connection, column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import NullType

from armswatch.store import schema as t
from armswatch.store.errors import SearchError

TABLE = "mention_search"
search_table = table(TABLE, column("mention_id"), column("claim_id"))  # not in metadata: backend-specific DDL

MAX_QUERY_CHARS = 300
MAX_TERMS = 24
PREFIX_MIN = 3  # shorter bare words match whole words only ("us" must not find "used")
INDEX_CHUNK = 500
_WORD = re.compile(r"[^\W_]+")


def normalise(value: str | None) -> str:
    """Lower case, accents stripped, words separated by single spaces: the text both backends index."""
    if not value:
        return ""
    folded = unicodedata.normalize("NFKD", value)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return " ".join(_WORD.findall(folded))


# --- the query ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # normalised words, matched in sequence
    prefix: bool  # the last word matches as a prefix


@dataclass
class Query:
    """All groups must match (AND); a group matches when any of its terms does (OR); no excluded term may."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    raw: str = ""

    def words(self) -> list[Term]:
        return [term for group in self.groups for term in group]


_TOKEN = re.compile(r'\s*(-?)("([^"]*)("?)|[^\s"]+)')


def parse_query(raw: str) -> Query:
    """Parse what a user typed: words, "phrases", OR between two terms, -word or -"phrase" to exclude."""
    if raw is None or not raw.strip():
        raise SearchError("the search is empty; type one or more words")
    if len(raw) > MAX_QUERY_CHARS:
        raise SearchError(f"the search is longer than {MAX_QUERY_CHARS} characters")
    query = Query(raw=raw)
    pending_or = False
    pos = 0
    count = 0
    while pos < len(raw):
        match = _TOKEN.match(raw, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
        negate, token = match.group(1), match.group(2)
        if match.group(3) is None and token == "OR" and not negate:
            if not query.groups or pending_or:
                raise SearchError("OR needs a word on each side (drones OR missiles)")
            pending_or = True
            continue
        term = _term(negate, token, match.group(3), match.group(4))
        if term is None:
            continue  # punctuation alone: nothing to search for
        count += 1
        if count > MAX_TERMS:
            raise SearchError(f"more than {MAX_TERMS} search terms")
        pending_or = _add(query, term, bool(negate), pending_or)
    _check_complete(query, pending_or)
    return query


def _term(negate: str, token: str, quoted: str | None, closing: str | None) -> Term | None:
    """The term of one token: a "quoted phrase" (exact) or a word (a prefix when long enough); None for
    punctuation alone."""
    if quoted is not None:
        if not closing:
            raise SearchError('a quote is not closed; write "exact phrase" with both quotes')
        words = tuple(normalise(quoted).split())
        if not words:
            raise SearchError('an empty phrase ""; put words between the quotes')
        return Term(words, False)
    words = tuple(normalise(token).split())
    if not words:
        if negate and not token:
            raise SearchError("a lone '-'; write -word to exclude a word")
        return None
    return Term(words, len(words) == 1 and len(words[0]) >= PREFIX_MIN)


def _add(query: Query, term: Term, negate: bool, pending_or: bool) -> bool:
    """Put `term` in the query: excluded, OR-ed into the last group, or a group of its own; the new pending OR."""
    if negate:
        if pending_or:
            raise SearchError("OR cannot join an excluded -term")
        query.excluded.append(term)
        return pending_or
    if pending_or:
        query.groups[-1].append(term)
        return False
    query.groups.append([term])
    return False


def _check_complete(query: Query, pending_or: bool) -> None:
    if pending_or:
        raise SearchError("OR needs a word on each side (drones OR missiles)")
    if not query.groups:
        if query.excluded:
            raise SearchError("a search needs at least one word that is not excluded with '-'")
        raise SearchError("the search has no words (only punctuation)")


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")  # words are [a-z0-9 ] only


def to_fts5(query: Query) -> str:
    expr = " AND ".join("(" + " OR ".join(_fts5_term(x) for x in group) + ")" for group in query.groups)
    for term in query.excluded:
        expr = f"({expr}) NOT {_fts5_term(term)}"
    return expr


def _ts_term(term: Term) -> str:
    parts = [f"'{w}'" for w in term.words]  # [a-z0-9] only: nothing to escape
    if term.prefix:
        parts[-1] += ":*"
    return "(" + " <-> ".join(parts) + ")"


def to_tsquery(query: Query) -> str:
    expr = " & ".join("(" + " | ".join(_ts_term(x) for x in group) + ")" for group in query.groups)
    for term in query.excluded:
        expr += f" & !{_ts_term(term)}"
    return expr


class Matches(ColumnElement):
    """`mention_search` rows matching a parsed query: FTS5 MATCH on SQLite, `@@ to_tsquery` on PostgreSQL.

    `evidence_only` matches the evidence sentence alone (the rank), else the sentence with its context.
    """

    inherit_cache = False
    type = NullType()  # not Boolean: SQLite would compile "MATCH ? = 1"

    def __init__(self, query: Query, evidence_only: bool = False):
        self.query = query
        self.evidence_only = evidence_only


@compiles(Matches, "sqlite")
def _match_sqlite(element: Matches, compiler, **kw) -> str:
    from sqlalchemy import bindparam

    expr = to_fts5(element.query)
    if element.evidence_only:
        expr = f"evidence : ({expr})"
    return f"{TABLE} MATCH " + compiler.process(bindparam("fts_query", expr, unique=True), **kw)


@compiles(Matches, "postgresql")
def _match_pg(element: Matches, compiler, **kw) -> str:
    from sqlalchemy import bindparam

    q = compiler.process(bindparam("ts_query", to_tsquery(element.query), unique=True), **kw)
    body = f"{TABLE}.evidence" if element.evidence_only else f"({TABLE}.evidence || {TABLE}.context)"
    return f"{body} @@ to_tsquery('simple', {q})"


def matching_claim_ids(query: Query):
    return select(search_table.c.claim_id).where(Matches(query))


def rank_per_claim(query: Query):
    """(claim_id, in_evidence, hits): how many of a claim's evidence sentences match the query by themselves,
    and how many of its mentions match with their context (title, names, claimant) — the rank, computed the
    same way on both backends (their own scores, bm25 and ts_rank, differ)."""
    from sqlalchemy import func

    hits = (select(search_table.c.claim_id, func.count().label("hits")).where(Matches(query))
            .group_by(search_table.c.claim_id).subquery())
    own = (select(search_table.c.claim_id, func.count().label("own")).where(Matches(query, evidence_only=True))
           .group_by(search_table.c.claim_id).subquery())
    return (select(hits.c.claim_id, func.coalesce(own.c.own, 0).label("in_evidence"), hits.c.hits)
            .outerjoin(own, own.c.claim_id == hits.c.claim_id))


def matching_mentions(conn: Connection, query: Query, claim_ids: list[str]) -> dict[str, list[str]]:
    """claim id -> ids of its mentions that match, in mention-id order."""
    out: dict[str, list[str]] = {}
    if not claim_ids:
        return out
    rows = conn.execute(select(search_table.c.claim_id, search_table.c.mention_id)
                        .where(Matches(query), search_table.c.claim_id.in_(claim_ids))
                        .order_by(search_table.c.mention_id))
    for claim_id, mention_id in rows:
        out.setdefault(claim_id, []).append(mention_id)
    return out


def highlight_terms(evidence: str, query: Query) -> list[dict]:
    """Spans {start, end, kind: "search"} of the evidence's words that a (non-excluded) search term matches."""
    singles = [(x.words[0], x.prefix) for x in query.words() if len(x.words) == 1]
    phrases = [x for x in query.words() if len(x.words) > 1]
    words = [(m.start(), m.end(), normalise(m.group())) for m in _WORD.finditer(evidence or "")]
    marked = [False] * len(words)
    for i, (_s, _e, w) in enumerate(words):
        if any(w.startswith(q) if prefix else w == q for q, prefix in singles):
            marked[i] = True
    for term in phrases:
        n = len(term.words)
        for i in range(len(words) - n + 1):
            got = [w for _s, _e, w in words[i:i + n]]
            if got[:-1] == list(term.words[:-1]) and (
                    got[-1].startswith(term.words[-1]) if term.prefix else got[-1] == term.words[-1]):
                marked[i:i + n] = [True] * n
    spans = [{"start": s, "end": e, "kind": "search"} for (s, e, _w), on in zip(words, marked) if on]
    merged: list[dict] = []  # a phrase is one mark, spaces included
    for span in spans:
        if merged and span["start"] - merged[-1]["end"] <= 1 and not evidence[merged[-1]["end"]:span["start"]].strip():
            merged[-1]["end"] = span["end"]
        else:
            merged.append(span)
    return merged


# --- the index ----------------------------------------------------------------------------------------------
def create_search_table(conn: Connection) -> bool:
    """Create the index table when missing; True when it was created (and must be filled)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": TABLE}).first()
        if exists:
            return False
        conn.execute(text(f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
                          "mention_id UNINDEXED, claim_id UNINDEXED, evidence, context, tokenize = 'unicode61')"))
        return True
    exists = conn.execute(text("SELECT to_regclass(:n)"), {"n": TABLE}).scalar()
    if exists:
        return False
    conn.execute(text(f"CREATE TABLE {TABLE} (mention_id VARCHAR(80) PRIMARY KEY, "
                      "claim_id VARCHAR(16) NOT NULL, evidence TSVECTOR NOT NULL, context TSVECTOR NOT NULL)"))
    conn.execute(text(f"CREATE INDEX ix_{TABLE}_all ON {TABLE} USING GIN ((evidence || context))"))
    conn.execute(text(f"CREATE INDEX ix_{TABLE}_evidence ON {TABLE} USING GIN (evidence)"))
    conn.execute(text(f"CREATE INDEX ix_{TABLE}_claim ON {TABLE} (claim_id)"))
    return True


INSERT_SQLITE = (f"INSERT INTO {TABLE} (mention_id, claim_id, evidence, context) "
                 "VALUES (:mention_id, :claim_id, :evidence, :context)")
INSERT_PG = (f"INSERT INTO {TABLE} (mention_id, claim_id, evidence, context) "
             "VALUES (:mention_id, :claim_id, to_tsvector('simple', :evidence), to_tsvector('simple', :context))")


def index_mentions(conn: Connection, mention_ids: list[str] | None = None) -> int:
    """(Re)write the index rows of these mentions (all when None); returns how many were written."""
    if mention_ids is None:
        conn.execute(text(f"DELETE FROM {TABLE}"))
        ids = list(conn.execute(select(t.mentions.c.id).order_by(t.mentions.c.id)).scalars())
    else:
        ids = sorted(set(mention_ids))
    names = {r.id: r.name for r in conn.execute(select(t.actors.c.id, t.actors.c.name))}
    insert_sql = text(INSERT_SQLITE if conn.dialect.name == "sqlite" else INSERT_PG)
    written = 0
    m = t.mentions.c
    for i in range(0, len(ids), INDEX_CHUNK):
        part = ids[i:i + INDEX_CHUNK]
        if mention_ids is not None:
            conn.execute(text(f"DELETE FROM {TABLE} WHERE mention_id IN :ids").bindparams(
                _expanding("ids")), {"ids": part})
        rows = conn.execute(select(m.id, m.claim_id, m.evidence, m.supplier, m.recipient, m.actors, m.claimant,
                                   m.claimant_text, m.item_text, m.item_category, t.articles.c.title)
                            .join(t.articles, t.articles.c.id == m.article_id).where(m.id.in_(part))).all()
        values = [{"mention_id": r.id, "claim_id": r.claim_id, "evidence": normalise(r.evidence),
                   "context": context(r, names)} for r in rows]
        if values:
            conn.execute(insert_sql, values)
        written += len(values)
    return written


def _expanding(name: str):
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def context(row, names: dict[str, str]) -> str:
    """What else a mention is found by: its article's title, actors (names and ids), item and claimant words."""
    actors = [a for a in (row.supplier, row.recipient, row.claimant, *(row.actors or [])) if a]
    parts = [row.title, row.claimant_text, row.item_text, row.item_category]
    for actor in actors:
        if actor in ("author", "other"):
            continue
        parts += [names.get(actor), actor.removeprefix("org:").replace("-", " ")]
    return normalise(" ".join(p for p in parts if p))


def ensure_search_index(conn: Connection) -> bool:
    """Create and fill the index for a database made before it existed; True when it was (re)built."""
    if create_search_table(conn):
        index_mentions(conn, None)
        return True
    return False
