"""The client side of a parallel ingest: cut the input into windows, keep workers busy, write results in order.

    sources -> raw documents (files, JSONL lines, WARC records, URLs; read here, cheap I/O)
            -> windows of armswatch.ingest.WINDOW documents, the very windows the local reader cleans together
            -> workers: clean, sign, extract                            (armswatch.scale.tasks.process_window)
            -> here, in input order: skip stored, store.add_batch per `batch_size` articles (it assigns stories)

Results are consumed in submission order and batched like the local loop's, so the database is the same as after
`armswatch.run.ingest` on the same inputs, and a rerun stores nothing twice.
"""
from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from itertools import islice

from armswatch.run.local import DEFAULT_BATCH_SIZE
from armswatch.run.steps import batched, drop_stored, keep_unskipped, prepare_store
from armswatch.run.summary import IngestSummary
from armswatch.scale.config import PipelineConfig
from armswatch.scale.executors import InlineExecutor, workers_of
from armswatch.scale.tasks import Processed, process_articles, process_window, warm_up
from armswatch.types import Article

WINDOW_ARTICLES = 64  # cleaned articles per task, as armswatch.ingest.WINDOW: a dozen docs to parse per task


def windows(sources: Iterable[str | os.PathLike], *, allow_private: bool = False, max_bytes: int | None = None,
            stdin=None, **fetch_options) -> Iterator[list]:
    """The input as windows of raw documents (RawDoc or Skipped), in the order the local reader sees them."""
    from armswatch.ingest import (
        DEFAULT_FETCH_DELAY,
        DEFAULT_MAX_BYTES,
        DEFAULT_TIMEOUT,
        WINDOW,
        raw_documents,
    )
    from armswatch.ingest.readers import Context

    ctx = Context(allow_private=allow_private, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                  fetch_delay=fetch_options.get("fetch_delay", DEFAULT_FETCH_DELAY),
                  timeout=fetch_options.get("timeout", DEFAULT_TIMEOUT))
    try:
        items = raw_documents([os.fspath(s) for s in sources], ctx, stdin)
        while window := list(islice(items, WINDOW)):
            yield window
    finally:
        ctx.close()


def ingest_parallel(sources: Iterable[str | os.PathLike] | str, store, executor: Executor, *,
                    config: PipelineConfig | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                    in_flight: int | None = None, allow_private: bool = False,
                    progress: Callable[[IngestSummary], None] | None = None, **read_options) -> IngestSummary:
    """Ingest `sources` into `store` with the windows processed on `executor`; same result as a local ingest."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    chunks = windows(sources, allow_private=allow_private, **read_options)
    return _run(process_window, chunks, store, executor, config, batch_size, in_flight, progress)


def ingest_articles(articles: Iterable[Article], store, executor: Executor | None = None, *,
                    config: PipelineConfig | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                    chunk_size: int = WINDOW_ARTICLES, in_flight: int | None = None,
                    progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Ingest already-cleaned articles, processed in chunks on `executor` (None: in this process)."""
    chunks = batched(articles, chunk_size)
    return _run(process_articles, chunks, store, executor or InlineExecutor(), config, batch_size, in_flight,
                progress)


def _run(task, chunks: Iterable[list], store, executor: Executor, config: PipelineConfig | None, batch_size: int,
         in_flight: int | None, progress) -> IngestSummary:
    config = config or PipelineConfig.from_env()
    summary = IngestSummary()
    workers = workers_of(executor)
    # two chunks per worker: one running, one queued, so no worker waits for the client
    in_flight = in_flight or 2 * workers
    try:
        warming = [executor.submit(warm_up, config) for _ in range(workers)]
        index = prepare_store(store)  # the writer's start-up, while the workers load the model
        for future in warming:
            future.result()
        seen: set[str] = set()
        results = _ordered(executor, task, chunks, config, in_flight)
        for batch in batched(keep_unskipped(results, summary, progress), batch_size):
            _write(batch, store, index, seen, summary)
            if progress:
                progress(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.seconds = time.monotonic() - summary.started
    summary.totals = store.stats()
    return summary


def _ordered(executor: Executor, task, chunks: Iterable[list], config: PipelineConfig, in_flight: int) -> Iterator:
    """Results of each chunk in submission order, with at most `in_flight` chunks submitted ahead."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(executor.submit(task, chunk, config))
        while len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _write(chunk: list[Processed], store, index, seen: set[str], summary: IngestSummary) -> None:
    """The local loop's run_batch with signing and extraction already done: one transaction per batch."""
    summary.read += len(chunk)
    done = {}
    for p in chunk:
        done.setdefault(p.article.id, p)
    new, already = drop_stored([p.article for p in chunk], store, seen)
    summary.already += len(already)
    if not new:
        return
    result = store.add_batch(new, [done[a.id].mentions for a in new], [done[a.id].signature for a in new], index)
    summary.new += len(result.new)
    summary.already += len(result.already)  # stored meanwhile by another process
    summary.new_stories += result.new_stories
    summary.mentions += result.mentions
    summary.claims_updated += result.claims_updated
    summary.batches += 1
