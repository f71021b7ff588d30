"""Nested cross-validation of the confidence model: how well the whole training recipe, hyper-parameters
included, does on texts it never saw.

The outer folds are those of `armswatch train` (GroupKFold by text, 5 folds); inside each, the (C, key weighting)
of `confidence.train.GRID` with the best inner cross-validated key ranking (ROC AUC of each text's keys by their
best mention) is chosen on the training texts alone. Prints each fold's choice and the scorer's figures on the
held-out predictions at the threshold `armswatch train` would choose and at 0.80.

    python bench/confidence_nested.py ../shared/eval/dev.jsonl ../shared/eval/passages-2.jsonl \\
        ../shared/eval/articles.jsonl
"""
from __future__ import annotations

import sys

from armswatch.confidence.train import choose_threshold, curve, examples, load_gold, nested_cross_validated


def main(paths: list[str]) -> None:
    sets = load_gold(paths)
    exs = examples(sets)
    probs, chosen = nested_cross_validated(sets, exs)
    print("chosen (C, weighted) per outer fold:", chosen)
    table = curve(sets, exs, probs)
    best = choose_threshold(table)
    for r in table:
        if r["threshold"] in (best, 0.8):
            print(("*" if r["threshold"] == best else " "), r)


if __name__ == "__main__":
    main(sys.argv[1:])
