"""The tables, in SQLAlchemy Core, identical on SQLite and PostgreSQL; SCHEMA_VERSION lets a later release migrate.

Claims, claim_claimants and claim_links are derived from mentions + articles and are recomputed, never edited.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 2  # 2: the full-text index mention_search (store/search.py: FTS5 or tsvector, not in metadata)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),  # sha1 of the normalised text
    Column("story_id", String(64), index=True),
    Column("source", Text, nullable=False, default=""),  # where it was read from
    Column("url", Text),
    Column("site", Text),
    Column("title", Text),
    Column("published", String(10), index=True),  # YYYY-MM-DD
    Column("author", Text),
    Column("wire", Text),
    Column("lang", String(16)),
    Column("content_hash", String(64)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("body_start", Integer),  # text[:body_start] is the headline paragraph; NULL: stored before it was kept
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("origin_article", String(64), nullable=False),  # first article of the story that was stored
    Column("wire", Text),
)

signatures = Table(
    "signatures", metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(64), nullable=False, index=True),  # renaming a story updates by it
    Column("signature", LargeBinary, nullable=False),  # MinHash values of the article's shingles
)

mentions = Table(
    "mentions", metadata,
    Column("id", String(80), primary_key=True),  # "<article id>:<index in the article>"
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("claim_id", String(16), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("supplier", String(64)),
    Column("recipient", String(64)),
    Column("polarity", String(8), nullable=False),
    Column("actors", JSON, nullable=False),  # DENIAL: the deniers
    Column("item_text", Text),
    Column("item_category", String(32)),
    Column("item_categories", JSON, nullable=False),
    Column("claimant", String(64), nullable=False),
    Column("claimant_text", Text),
    Column("time_text", Text),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("affiliations", JSON, nullable=False),
    Column("rule", String(128)),
    Column("trigger", Text),
    Column("trigger_start", Integer),
    Column("confidence", Float),  # probability that the mention is right (armswatch.confidence); NULL: no model
    Index("ix_mentions_pair", "supplier", "recipient"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(16), primary_key=True),  # claims.claim_id(key)
    Column("type", String(16), nullable=False, index=True),
    Column("supplier", String(64), index=True),
    Column("recipient", String(64), index=True),
    Column("item_category", String(32)),
    Column("polarity", String(8), nullable=False),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("articles", Integer, nullable=False),
    Column("stories", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Column("claimants", JSON, nullable=False),
    Column("actors", JSON, nullable=False),  # DENIAL: the deniers
    Column("confidence", Float),  # its mentions' confidences across independent stories (claims.confidence)
)

# Columns added after a table first shipped: ensure_schema adds them to an older database (nullable, no default),
# as (table, column, the fixed statement that adds it; FLOAT is a double on both backends).
ADDED_COLUMNS = (
    ("mentions", "confidence", "ALTER TABLE mentions ADD COLUMN confidence FLOAT"),
    ("claims", "confidence", "ALTER TABLE claims ADD COLUMN confidence FLOAT"),
    ("articles", "body_start", "ALTER TABLE articles ADD COLUMN body_start INTEGER"),
)

claim_claimants = Table(  # claimants as rows too, so a claimant filter is plain SQL on both backends
    "claim_claimants", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("claimant", String(64), primary_key=True, index=True),
)

claim_links = Table(
    "claim_links", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("answer_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("kind", String(16), nullable=False),  # "denial" or "negation"
)

actors = Table(
    "actors", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # "state", "org" or "other"
    Column("affiliation", String(64)),
)

# --- `armswatch watch` state: which sources are due, which feed items are done. Not derived from the articles, so
# it survives a restart; added without a version bump because create_all adds missing tables to an old database.
watch_sources = Table(
    "watch_sources", metadata,
    Column("source", Text, primary_key=True),  # the feed or page URL (or file) as given to `watch`
    Column("kind", String(8)),  # "feed" or "page" once read; a stored page is not fetched again
    Column("failures", Integer, nullable=False, default=0),  # consecutive failed polls: the back-off exponent
    Column("last_poll", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),  # not polled before this (schedule or back-off)
    Column("last_ok", DateTime(timezone=True)),
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items", metadata,
    Column("item", Text, primary_key=True),  # the entry's link, else "<feed>#<guid or content hash>"
    Column("source", Text, nullable=False),  # the feed it was first seen in
    Column("status", String(8), nullable=False),  # "done" (read: never fetched again) or "failed" (retried)
    Column("attempts", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_try", DateTime(timezone=True), nullable=False),
    Column("last_error", Text),
)
