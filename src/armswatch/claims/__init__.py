"""Aggregation of mentions into claims: pure functions over Mention + article facts, so they test without a DB.

    claim_key(mention) -> (type, supplier, recipient, item_category, polarity)
    claim_id(key) -> "c" + 12 hex chars, stable across runs and backends
    aggregate(records) -> list[Claim]   with first/last seen, counts, claimants and denial links
    links(claims) -> list[ClaimLink]    which claims deny or negate which
"""
from __future__ import annotations

from armswatch.claims.aggregate import MentionRecord, aggregate, claim_id, claim_key
from armswatch.claims.links import ANSWERABLE_TYPES, DENIABLE_TYPES, ClaimLink, links

__all__ = [
    "ANSWERABLE_TYPES", "DENIABLE_TYPES", "ClaimLink", "MentionRecord", "aggregate", "claim_id", "claim_key", "links",
]
