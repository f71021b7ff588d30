"""The eval gates' floors, read from tests/data/eval/floors.yaml (one file for every gate)."""
from __future__ import annotations

from pathlib import Path

import yaml

FLOORS_FILE = Path(__file__).parent / "data" / "eval" / "floors.yaml"
HIGHER_IS_BETTER = ("f1", "type_f1", "precision", "recall", "claimant_accuracy", "item_accuracy", "min_tp_per_type")
LOWER_IS_BETTER = ("max_negatives_with_predictions",)


def parse_floors(text: str) -> dict:
    return yaml.safe_load(text)


def floors(gate: str) -> dict:
    return parse_floors(FLOORS_FILE.read_text(encoding="utf-8"))["gates"][gate]
