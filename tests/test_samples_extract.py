"""The extractor on the bundled samples, read as the main job reads them, finds the hand-annotated events."""

from __future__ import annotations

from pathlib import Path

import pytest

import armswatch
from armswatch import samples
from armswatch.evaluate import score
from armswatch.extraction.engine import extract
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


# What `make demo` shows an analyst at the confidence model's default threshold. Measured 2026-12-06 (threshold
# 0.55): precision 0.887 (63 of 71), recall 0.875; at confidence 0 precision 0.878, recall 0.90.
PRECISION_FLOOR_AT_DEFAULT = 0.87
# Wrong edges the demo showed before the confidence model and the real-news fixes (issue [2/4]).
WRONG_DEMO_EDGES = [
    ("TRANSFER", "UKR", "RUS"),  # "Ukraine had evidence that a batch had been delivered to Russia"
    ("TRANSFER", "org:un", "MMR"),  # the dateline "UNITED NATIONS (AP) —"
    ("TRANSFER", "org:eu", "MMR"),
    ("REQUEST", "UKR", "RUS"),
]


@pytest.fixture(scope="module")
def confident(nlp):
    from armswatch.confidence import default_threshold

    articles = [a for a in armswatch.read([samples.path()]) if isinstance(a, Article)]
    threshold = default_threshold()
    by_id = {Path(a.source).name: a for a in articles}
    predictions = {i: [m for m in armswatch.extract(a.text, published=a.published) if m.confidence >= threshold]
                   for i, a in by_id.items()}
    gold = [{"id": r["id"], "text": by_id[r["id"]].text, "mentions": r["mentions"]} for r in samples.expected()]
    return predictions, score(gold, predictions)


def test_samples_precision_at_the_default_confidence(confident):
    _, report = confident
    wrong = [(e.id, e.predicted["type"], e.predicted["supplier"], e.predicted["recipient"])
             for e in report.errors if e.kind == "fp"]
    assert report.overall.precision >= PRECISION_FLOOR_AT_DEFAULT, f"P={report.overall.precision:.3f}: {wrong}"


def test_samples_show_none_of_the_old_wrong_edges(confident):
    predictions, _ = confident
    shown = {(m.type, m.supplier, m.recipient) for ms in predictions.values() for m in ms}
    assert not shown & set(WRONG_DEMO_EDGES), shown & set(WRONG_DEMO_EDGES)
    france_india = [m for ms in predictions.values() for m in ms if (m.supplier, m.recipient) == ("FRA", "IND")]
    assert not [m for m in france_india if m.claimant == "AZE"], france_india
    # "withholding the bombs" is the paused US shipment, not Britain's arms exports named just before it
    britain = [m for ms in predictions.values() for m in ms if (m.type, m.supplier) == ("SANCTION", "GBR")]
    assert all(m.polarity == "negated" for m in britain), britain
