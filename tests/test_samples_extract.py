"""The extractor on the bundled samples, read as the main job reads them, finds the hand-annotated events."""

from __future__ import annotations

from pathlib import Path

import pytest

import armswatch
from armswatch import samples
from armswatch.evaluate import score
from armswatch.extract import extract
from armswatch.types import Article

# Floors on samples/expected.jsonl, raised with the measured value and never lowered silently.
# Measured 2026-11-28 16:10: recall 0.75 (54/72), hard negatives with predictions 1/2.
RECALL_FLOOR = 0.70
MAX_NEGATIVES_WITH_PREDICTIONS = 1  # of the 2 hard-negative samples


@pytest.fixture(scope="module")
def report(nlp):
    articles = [a for a in armswatch.read([samples.path()]) if isinstance(a, Article)]
    by_id = {Path(a.source).name: a for a in articles}
    expected = samples.expected()
    assert set(by_id) == {r["id"] for r in expected}, "every sample must be read as one article"
    predictions = {i: extract(a.text, published=a.published) for i, a in by_id.items()}
    gold = [{"id": r["id"], "text": by_id[r["id"]].text, "mentions": r["mentions"]} for r in expected]
    return score(gold, predictions)


def test_samples_extract_recall_of_expected_events(report):
    missed = [
        (e.id, e.gold["type"], e.gold["supplier"], e.gold["recipient"])
        for e in report.errors
        if e.kind == "fn"
    ]
    assert report.overall.recall >= RECALL_FLOOR, f"recall={report.overall.recall:.2f}; missed: {missed}"


def test_samples_extract_hard_negatives_stay_quiet(report):
    assert len(report.negatives_with_predictions) <= MAX_NEGATIVES_WITH_PREDICTIONS, (
        report.negatives_with_predictions
    )


def test_samples_extract_finds_each_type_at_least_once(report):
    found = {t for t, c in report.per_type.items() if c.tp}
    assert {"TRANSFER", "PLEDGE", "DEAL", "DENIAL", "SANCTION"} <= found, found
