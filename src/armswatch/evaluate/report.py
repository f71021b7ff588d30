"""The result of scoring: counts, accuracies and the error list, as plain data a CLI or a test can read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from armswatch.event_types import EVENT_TYPE_NAMES
from armswatch.types import Skipped


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type (or of all types)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp) or 0.0

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn) or 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ScoreError:
    """One miss: a false positive, a false negative, or a matched pair with a wrong claimant or item."""

    kind: str  # "fp" | "fn" | "claimant" | "item"
    id: str
    text: str
    predicted: dict[str, Any] | None  # the prediction (None for "fn")
    gold: dict[str, Any] | None  # the gold mention (None for "fp")
    passage_gold: list[dict[str, Any]] = field(default_factory=list)  # every gold mention of the passage
    passage_predicted: list[dict[str, Any]] = field(default_factory=list)  # every (deduplicated) prediction

    @property
    def rule(self) -> str | None:
        return (self.predicted or {}).get("rule")

    @property
    def trigger(self) -> str | None:
        return (self.predicted or {}).get("trigger")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rule"], d["trigger"] = self.rule, self.trigger
        return d


@dataclass
class Report:
    """Scores of a prediction set against a gold set (the rule of shared/schema.md)."""

    overall: Counts = field(default_factory=Counts)
    # one row per registry type (event_types.yaml), in its order; a type outside it gets a row when seen
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPE_NAMES})
    claimant_correct: int = 0
    claimant_total: int = 0
    item_correct: int = 0
    item_total: int = 0
    negatives_total: int = 0
    negatives_with_predictions: list[str] = field(
        default_factory=list
    )  # ids of hard negatives with any prediction
    passages: int = 0
    unit: str = "passages"  # "articles" when the gold is article-level (ARTICLES.md)
    min_confidence: float = 0.0  # mentions below it were not scored
    unknown_ids: list[str] = field(default_factory=list)  # predicted ids absent from the gold (ignored)
    errors: list[ScoreError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # gold rows that could not be read (not scored)

    @property
    def claimant_accuracy(self) -> float | None:
        return _ratio(self.claimant_correct, self.claimant_total)

    @property
    def item_accuracy(self) -> float | None:
        return _ratio(self.item_correct, self.item_total)

    def summary_lines(self) -> list[str]:
        """The four-line compact summary (the last lines of `armswatch eval`, read by `tail -n 4`)."""
        o = self.overall

        def fmt(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.2f}"

        return [
            f"P={o.precision:.2f} R={o.recall:.2f} F1={o.f1:.2f}",
            f"claimant accuracy={fmt(self.claimant_accuracy)} (n={self.claimant_total})",
            f"item-category accuracy={fmt(self.item_accuracy)} (n={self.item_total})",
            f"negatives with predictions={len(self.negatives_with_predictions)}/{self.negatives_total}",
        ]

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "passages": self.passages,
            "unit": self.unit,
            "min_confidence": self.min_confidence,
            "overall": self.overall.to_dict(),
            "per_type": {t: c.to_dict() for t, c in self.per_type.items()},
            "claimant_accuracy": self.claimant_accuracy,
            "claimant_n": self.claimant_total,
            "item_category_accuracy": self.item_accuracy,
            "item_category_n": self.item_total,
            "negatives_total": self.negatives_total,
            "negatives_with_predictions": len(self.negatives_with_predictions),
            "negative_ids_with_predictions": list(self.negatives_with_predictions),
            "unknown_ids": list(self.unknown_ids),
            "skipped": [s.to_dict() for s in self.skipped],
        }
        if errors:
            d["errors"] = [e.to_dict() for e in self.errors]
        return d
