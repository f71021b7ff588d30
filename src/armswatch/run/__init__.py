"""Running the pipeline: `ingest(sources, store)` locally; the steps are functions a Dask executor reuses.

    from armswatch.run import ingest
    summary = ingest(["news/"], open_store())
"""
from __future__ import annotations

from armswatch.run.local import DEFAULT_BATCH_SIZE, ingest, run_batch
from armswatch.run.steps import (
    batched,
    drop_stored,
    extract_mentions,
    extract_or_skip,
    prepare_store,
    sign,
)
from armswatch.run.summary import IngestSummary

__all__ = [
    "DEFAULT_BATCH_SIZE", "IngestSummary", "batched", "drop_stored", "extract_mentions", "extract_or_skip", "ingest",
    "prepare_store", "run_batch", "sign",
]
