"""Exports of claims (and their mentions) as CSV, JSON, GraphML or Parquet, for spreadsheets, notebooks and Gephi.

    export(store, "csv", "claims.csv", flt=ClaimFilter(recipient="RUS"), mentions=True)

Lists in CSV are `;`-joined ("KOR;UKR"); in Parquet they are list columns; in JSON arrays; in GraphML (which has
no lists or nulls) `;`-joined strings and "" for a missing value.
"""
from __future__ import annotations

from armswatch.export.formats import (
    CLAIM_FIELDS,
    FORMATS,
    MENTION_FIELDS,
    claim_rows,
    export,
    mention_rows,
    mentions_path,
    read_csv,
)

__all__ = ["CLAIM_FIELDS", "FORMATS", "MENTION_FIELDS", "claim_rows", "export", "mention_rows", "mentions_path",
           "read_csv"]
