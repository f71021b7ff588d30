"""Scale-out: the ingest on worker processes or a Dask cluster, with the same database as a local run.

    from armswatch.scale import ingest_parallel, open_executor, PipelineConfig
    with open_executor("local:2") as ex:            # or "tcp://scheduler:8786", or 2 (plain worker processes)
        summary = ingest_parallel(["news/"], store, ex, config=PipelineConfig(prefilter=True))

Workers rebuild the pipeline from the `PipelineConfig` and return records; the client alone writes to the store,
in order and in batches of one transaction each (see docs/scaling.md).
"""
from __future__ import annotations

from armswatch.scale.client import ingest_articles, ingest_parallel, windows
from armswatch.scale.config import PipelineConfig
from armswatch.scale.executors import InlineExecutor, open_executor, parse_dask_spec
from armswatch.scale.tasks import Processed, process_articles, process_window

__all__ = [
    "InlineExecutor", "PipelineConfig", "Processed", "ingest_articles", "ingest_parallel", "open_executor",
    "parse_dask_spec", "process_articles", "process_window", "windows",
]
