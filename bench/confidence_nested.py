"""Nested cross-validation of the confidence model: how well the whole training recipe, hyper-parameters and the
default threshold included, does on texts it never saw.

The outer folds are those of `armswatch train` (GroupKFold by text, 5 folds). Two measurements:

- hyper-parameters: inside each outer fold, the (C, key weighting) of `confidence.train.GRID` with the best inner
  cross-validated key ranking (ROC AUC of each text's keys by their best mention) is chosen on the training texts
  alone; the scorer's figures on the held-out predictions at the threshold `armswatch train` would choose and at
  0.80;
- the threshold: inside each outer fold, `choose_threshold` picks the threshold from the inner cross-validated
  curve of the training texts alone, and the held-out texts are scored at that fold's threshold. This is the honest
  figure for the default (`armswatch train` chooses it on the same curve it reports, which flatters it a little).

    python bench/confidence_nested.py ../shared/eval/dev.jsonl ../shared/eval/passages-2.jsonl \\
        ../shared/eval/articles.jsonl
"""
from __future__ import annotations

import sys

from armswatch.confidence.train import (
    FOLDS,
    SEED,
    choose_threshold,
    cross_validated,
    curve,
    examples,
    fit,
    load_gold,
    nested_cross_validated,
)


def held_out_threshold(sets, exs) -> tuple[list[float], list[float]]:
    """Each example kept (1.0) or not (0.0) by a model and threshold chosen without its text; each fold's threshold."""
    from sklearn.model_selection import GroupKFold

    groups = [f"{e.gold}:{e.row}" for e in exs]
    kept, thresholds = [0.0] * len(exs), []
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(list(range(len(exs))), groups=groups):
        inner = [exs[i] for i in train_idx]
        held_out = {exs[i].group for i in test_idx}
        training_texts = {(n, row["id"]) for n, gs in enumerate(sets) for row in gs.rows} - held_out
        inner_table = curve(sets, inner, cross_validated(inner), rows=training_texts)
        t = choose_threshold(inner_table)
        thresholds.append(t)
        model = fit(inner, seed=SEED)
        for i in test_idx:
            kept[i] = float(model.probability(exs[i].features) >= t)
    return kept, thresholds


def main(paths: list[str]) -> None:
    sets = load_gold(paths)
    exs = examples(sets)
    probs, chosen = nested_cross_validated(sets, exs)
    print("hyper-parameters chosen (C, weighted) per outer fold:", chosen)
    table = curve(sets, exs, probs)
    best = choose_threshold(table)
    for r in table:
        if r["threshold"] in (best, 0.8):
            print(("*" if r["threshold"] == best else " "), r)
    kept, thresholds = held_out_threshold(sets, exs)
    print("threshold chosen per outer fold on its training texts:", thresholds)
    for r in curve(sets, exs, kept, thresholds=(0.5,)):
        print("  held-out at its fold's threshold:", {k: v for k, v in r.items() if k != "threshold"})


if __name__ == "__main__":
    main(sys.argv[1:])
