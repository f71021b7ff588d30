"""Pairwise precision and recall of a story grouping against gold labels (how the dedup threshold was chosen)."""
from __future__ import annotations

from itertools import combinations


def pairwise_precision_recall(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """Over all pairs of documents: precision and recall of "same story" (1.0 when there is nothing to find)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        same_gold, same_pred = gold[i] == gold[j], predicted[i] == predicted[j]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall
