"""Run the extractor over rows of passages and score a gold file: the library behind `armswatch eval`."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from armswatch.evaluate.report import Report
from armswatch.evaluate.rows import read_rows
from armswatch.evaluate.score import score
from armswatch.types import Mention, Skipped

BATCH_SIZE = 8  # measured: small nlp.pipe batches (4-16) beat large ones with the small English model


def predict(
    rows: Iterable[dict[str, Any]], n_process: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Any, list[Mention]]]:
    """(id, mentions) for each row ({"id", "text", "published"}) in input order, lazily."""
    from armswatch.extraction.engine import extract_many

    pending: deque = deque()  # ids of rows handed to extract_many whose results have not come back yet

    def feed() -> Iterator[tuple[str, str | None]]:
        for row in rows:
            pending.append(row["id"])
            yield row["text"], row.get("published")

    for mentions in extract_many(feed(), n_process=n_process, batch_size=batch_size):
        yield pending.popleft(), mentions


def confident(mentions: list[Mention], min_confidence: float) -> list[Mention]:
    """The mentions at or above `min_confidence` (a mention without a confidence is kept)."""
    return [m for m in mentions if m.confidence is None or m.confidence >= min_confidence]


def evaluate_rows(gold_rows: list[dict[str, Any]], n_process: int = 1, min_confidence: float | None = None
                  ) -> Report:
    """Extract from every gold row's text alone and score the mentions at or above `min_confidence`
    (None: the confidence model's default threshold; 0 scores every mention)."""
    from armswatch.confidence import default_threshold

    threshold = default_threshold() if min_confidence is None else min_confidence
    predictions = {k: confident(ms, threshold) for k, ms in predict(gold_rows, n_process=n_process)}
    report = score(gold_rows, predictions)
    report.min_confidence = threshold
    return report


def use_model(model: str) -> None:
    """Make `model` the pipeline the extractor loads (via ARMSWATCH_MODEL); ModelError if it is missing."""
    from armswatch.nlp import load_nlp

    if os.environ.get("ARMSWATCH_MODEL") != model:
        os.environ["ARMSWATCH_MODEL"] = model
        load_nlp.cache_clear()  # the default pipeline was cached under the previous setting
    load_nlp()


def evaluate_file(path: str | Path, model: str | None = None, n_process: int = 1,
                  min_confidence: float | None = None) -> Report:
    """Score the extractor on a gold JSONL file; unreadable rows go to `report.skipped`, the rest are scored.

    `model` names the spaCy model (as `ARMSWATCH_MODEL` does); None keeps the default chain.
    """
    rows: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    for item in read_rows(path, require_mentions=True):
        (skipped if isinstance(item, Skipped) else rows).append(item)
    if model is not None:
        use_model(model)
    report = evaluate_rows(rows, n_process=n_process, min_confidence=min_confidence)
    report.skipped = skipped
    return report
