"""Eval gate: extraction on the dev set (../shared/eval/dev.jsonl) must hold the pinned floors below.

Floors only go up. The lead raises them as extraction improves (to just under the measured value). A floor
is never lowered silently: lowering one needs a commit of its own whose message says which, from what, why.
"""

from __future__ import annotations

import pytest
from eval_floors import floors

from armswatch.evaluate import evaluate_file
from armswatch.types import EVENT_TYPES

# Analyst grade (issue [4/7]): F1 >= 0.80, every type's F1 >= 0.65, claimant >= 0.85, item >= 0.85, <= 2 negatives.
# The floors live in tests/data/eval/floors.yaml (gate "dev-rules": the rules alone, every mention scored).
FLOORS = floors("dev-rules")
V1_FLOORS = {"f1": 0.60, "claimant_accuracy": 0.70, "max_negatives_with_predictions": 4, "min_tp_per_type": 1}


@pytest.fixture(scope="module")
def report(dev_set_path):
    report = evaluate_file(dev_set_path, min_confidence=0)
    assert not report.skipped, [s.to_dict() for s in report.skipped]
    return report


def test_eval_gate_floors_never_drop_below_v1():
    assert FLOORS["f1"] >= V1_FLOORS["f1"]
    assert FLOORS["claimant_accuracy"] >= V1_FLOORS["claimant_accuracy"]
    assert FLOORS["max_negatives_with_predictions"] <= V1_FLOORS["max_negatives_with_predictions"]
    assert FLOORS["min_tp_per_type"] >= V1_FLOORS["min_tp_per_type"]
    assert FLOORS["type_f1"] >= 0.65 and FLOORS["item_accuracy"] >= 0.85  # the analyst-grade floors of issue [4/7]


def test_eval_gate_scores_every_dev_passage(report, dev_set_path):
    lines = [line for line in dev_set_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert report.passages == len(lines) and report.negatives_total > 0


def test_eval_gate_f1(report):
    o = report.overall
    assert o.f1 >= FLOORS["f1"], (
        f"F1={o.f1:.3f} (P={o.precision:.3f} R={o.recall:.3f}) < floor {FLOORS['f1']}"
    )


def test_eval_gate_claimant_accuracy(report):
    acc = report.claimant_accuracy or 0.0
    assert acc >= FLOORS["claimant_accuracy"], f"claimant accuracy={acc:.3f} (n={report.claimant_total})"


def test_eval_gate_hard_negatives(report):
    hits = report.negatives_with_predictions
    assert len(hits) <= FLOORS["max_negatives_with_predictions"], f"negatives with predictions: {hits}"


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_eval_gate_true_positive_per_type(report, event_type):
    counts = report.per_type[event_type]
    assert counts.tp >= FLOORS["min_tp_per_type"], (
        f"{event_type}: tp={counts.tp} fp={counts.fp} fn={counts.fn}"
    )


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_eval_gate_f1_per_type(report, event_type):
    counts = report.per_type[event_type]
    assert counts.f1 >= FLOORS["type_f1"], f"{event_type}: F1={counts.f1:.3f} tp={counts.tp} fp={counts.fp} fn={counts.fn}"


def test_eval_gate_item_category_accuracy(report):
    acc = report.item_accuracy or 0.0
    assert acc >= FLOORS["item_accuracy"], f"item-category accuracy={acc:.3f}"
