"""The local ingest loop: read -> batch -> skip stored -> group stories -> extract -> store, one transaction a batch."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from armswatch.nlp import NLP_BATCH_SIZE
from armswatch.run.steps import batched, drop_stored, extract_or_skip, keep_unskipped, prepare_store, sign
from armswatch.run.summary import IngestSummary
from armswatch.types import Article

DEFAULT_BATCH_SIZE = 64  # articles per transaction: an interrupted run loses a second or two of work


def ingest(sources: Iterable[str] | str, store, *, allow_private: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
           n_process: int = 1, nlp_batch_size: int = NLP_BATCH_SIZE, progress: Callable[[IngestSummary], None] | None = None,
           **read_options) -> IngestSummary:
    """Ingest every article of `sources` into `store`; idempotent, so a rerun after an interruption completes it.

    Each batch of articles is stored with its mentions, signatures and recomputed claims in one transaction.
    Ctrl-C stops after rolling back the open batch; the summary then has `interrupted=True`.
    """
    from armswatch.ingest import read

    if isinstance(sources, str):
        sources = [sources]
    summary = IngestSummary()
    try:
        index = prepare_store(store)
        seen: set[str] = set()
        items = read(list(sources), allow_private=allow_private, **read_options)
        for chunk in batched(keep_unskipped(items, summary, progress), batch_size):
            run_batch(chunk, store, index, seen, summary, n_process=n_process, nlp_batch_size=nlp_batch_size)
            if progress:
                progress(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.seconds = time.monotonic() - summary.started
    summary.totals = store.stats()
    return summary


def run_batch(articles: list[Article], store, index, seen: set[str], summary: IngestSummary, *,
              n_process: int = 1, nlp_batch_size: int = NLP_BATCH_SIZE) -> None:
    """One batch through every step; committed as one transaction by `store.add_batch`."""
    summary.read += len(articles)
    new, already = drop_stored(articles, store, seen)
    summary.already += len(already)
    if not new:
        return
    new, mentions, failed = extract_or_skip(new, n_process=n_process, batch_size=nlp_batch_size)
    summary.skipped.extend(failed)
    summary.read -= len(failed)  # reported as skipped inputs, not as articles read
    seen.difference_update(a.id for a in articles if a not in new and a not in already)
    if not new:
        return
    result = store.add_batch(new, mentions, sign(new, index), index)
    summary.new += len(result.new)
    summary.already += len(result.already)  # stored meanwhile by another process
    summary.new_stories += result.new_stories
    summary.mentions += result.mentions
    summary.claims_updated += result.claims_updated
    summary.batches += 1
