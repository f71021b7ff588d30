"""Running the pipeline: `ingest(sources, store)` locally; the steps are functions a Dask executor reuses.

    from armswatch.run import ingest
    summary = ingest(["news/"], open_store())
    watch(["https://example.org/feed.xml"], open_store(), every=900)   # poll until Ctrl-C (see run.watch)
    reextract(open_store())   # the current rules over every stored article (see run.reextract)
"""
from __future__ import annotations

from armswatch.run.local import DEFAULT_BATCH_SIZE, ingest, run_batch
from armswatch.run.reextract import ReextractSummary, reextract, restore_headline
from armswatch.run.steps import (
    batched,
    drop_stored,
    extract_mentions,
    extract_or_skip,
    prepare_store,
    sign,
)
from armswatch.run.summary import IngestSummary
from armswatch.run.watch import Cycle, WatchSummary, watch

__all__ = [
    "DEFAULT_BATCH_SIZE", "Cycle", "IngestSummary", "ReextractSummary", "WatchSummary", "batched", "drop_stored",
    "extract_mentions", "extract_or_skip", "ingest", "prepare_store", "reextract", "restore_headline", "run_batch",
    "sign", "watch",
]
