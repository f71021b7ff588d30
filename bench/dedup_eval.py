"""Pairwise precision/recall of story grouping per threshold on the labelled set tests/data/dedup/labelled.jsonl.

    .venv/bin/python bench/dedup_eval.py            # raw copies, furniture and all (the harder case)
    .venv/bin/python bench/dedup_eval.py --clean    # after armswatch.clean, as the pipeline runs it
"""
from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data" / "dedup"))

from dedup_labelled import load

from armswatch.clean import clean_text
from armswatch.dedup import DEFAULT_THRESHOLD, StoryIndex, containment, group_stories
from armswatch.dedup.index import Signature
from armswatch.dedup.metrics import pairwise_precision_recall
from armswatch.types import Article

THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9)


def articles(rows: list[dict], clean: bool) -> list[Article]:
    if clean:
        return [clean_text(r["text"], source=r["id"]) for r in rows]
    return [Article(id=r["id"], text=r["text"], source=r["id"]) for r in rows]


def evaluate(rows: list[dict], threshold: float, clean: bool = False) -> tuple[float, float]:
    grouped = group_stories(articles(rows, clean), threshold=threshold)
    return pairwise_precision_recall([r["story"] for r in rows], [a.story_id for a in grouped])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="clean the copies first (as `armswatch.read` does)")
    args = parser.parse_args()
    rows = load()
    docs = articles(rows, args.clean)
    index = StoryIndex()
    sigs = [Signature.from_bytes(index.signature(a)) for a in docs]
    pos = [containment(sigs[i], sigs[j]) for i, j in combinations(range(len(rows)), 2) if rows[i]["story"] == rows[j]["story"]]
    neg = [containment(sigs[i], sigs[j]) for i, j in combinations(range(len(rows)), 2) if rows[i]["story"] != rows[j]["story"]]
    print(f"{len(rows)} copies of {len({r['story'] for r in rows})} stories; {len(pos)} same-story pairs, "
          f"{len(neg)} other pairs; {'cleaned' if args.clean else 'raw'} text")
    print(f"containment: same-story min {min(pos):.3f}, other-story max {max(neg):.3f}")
    print("threshold  precision  recall")
    for t in THRESHOLDS:
        p, r = evaluate(rows, t, args.clean)
        mark = "  <- default" if abs(t - DEFAULT_THRESHOLD) < 1e-9 else ""
        print(f"{t:9.2f}  {p:9.3f}  {r:6.3f}{mark}")


if __name__ == "__main__":
    main()
