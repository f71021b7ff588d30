"""Extraction engine: arms-supply mentions from text with spaCy parses and rules kept as data (extract/data/)."""
from __future__ import annotations

from armswatch.extract.engine import explain, extract, extract_many

__all__ = ["extract", "extract_many", "explain"]
