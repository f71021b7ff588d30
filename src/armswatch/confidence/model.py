"""Load the shipped weights once and turn a mention's features into a probability that it is right."""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from armswatch.confidence.features import article_features, merge
from armswatch.errors import ArmswatchError
from armswatch.types import Mention

MODEL_ENV = "ARMSWATCH_CONFIDENCE_MODEL"  # a path to another trained model file
DEFAULT_THRESHOLD = 0.5  # used only when the model file states none


@dataclass
class ConfidenceModel:
    """A logistic model as plain numbers: P(right) = sigmoid(intercept + sum(weight[f] * value[f]))."""

    weights: dict[str, float]
    intercept: float
    threshold: float = DEFAULT_THRESHOLD  # the default --min-confidence, chosen for precision (see docs/confidence.md)
    meta: dict[str, Any] = field(default_factory=dict)  # how it was trained and its cross-validated figures

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"format": "armswatch-confidence/1", "intercept": self.intercept, "threshold": self.threshold,
                "meta": self.meta, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = "model") -> ConfidenceModel:
        if not isinstance(data, dict) or data.get("format") != "armswatch-confidence/1":
            raise ArmswatchError(f"{source}: not an armswatch confidence model (format armswatch-confidence/1)")
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, float(data["intercept"]), float(data.get("threshold", DEFAULT_THRESHOLD)),
                       dict(data.get("meta") or {}))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ArmswatchError(f"{source}: bad confidence model ({exc!r})") from None


def shipped_path() -> Path:
    return Path(str(resources.files("armswatch.confidence") / "data" / "model.json"))


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel | None:
    """The model named by ARMSWATCH_CONFIDENCE_MODEL, else the shipped one; None when neither exists
    (mentions then carry no confidence) or when the variable is set to "none"."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen and chosen.lower() == "none":
        return None
    path = Path(chosen) if chosen else shipped_path()
    if not path.exists():
        if chosen:
            raise ArmswatchError(f"{path}: no such confidence model file ({MODEL_ENV})")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArmswatchError(f"{path}: cannot read confidence model ({exc})") from None
    return ConfidenceModel.from_json(data, str(path))


def default_threshold() -> float:
    """The default minimum confidence of the CLI, the API and eval: the shipped model's chosen threshold."""
    model = load_model()
    return model.threshold if model is not None else 0.0


def feature_rows(mentions: list[Mention], text_length: int) -> list[dict[str, float]]:
    """Each mention's full feature dict: its local features plus what the whole article says."""
    whole = article_features([m.key() for m in mentions], [m.evidence_start for m in mentions], text_length)
    return merge([m.features or {} for m in mentions], whole)


def score(mentions: list[Mention], text_length: int, model: ConfidenceModel | None = None) -> list[Mention]:
    """Set each mention's `confidence` (in place; rounded to 3 places) from the article's mentions together."""
    model = model or load_model()
    if model is None or not mentions:
        return mentions
    for m, f in zip(mentions, feature_rows(mentions, text_length)):
        m.confidence = round(model.probability(f), 3)
    return mentions
