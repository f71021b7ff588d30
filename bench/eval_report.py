"""Groups the extractor's misses on a gold set by likely cause, so rule fixes target classes rather than sentences.

    .venv/bin/python bench/eval_report.py tests/data/eval/invented.jsonl     # a gold JSONL file
    .venv/bin/python bench/eval_report.py --samples                          # the bundled sample articles
    .venv/bin/python bench/eval_report.py FILE --examples 5                  # more examples per class

A false positive and a false negative in the same passage that share the supplier/recipient pair are one
confusion (wrong type or wrong polarity); one shared endpoint is an actor-resolution miss; the rest are
spurious predictions or misses with nothing nearby.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from armswatch.evaluate import Report, evaluate_file, score


def samples_report() -> Report:
    """The samples scored as tests/test_samples_extract.py scores them (each article read as the pipeline reads it)."""
    import armswatch
    from armswatch import samples
    from armswatch.extraction.engine import extract
    from armswatch.types import Article

    articles = [a for a in armswatch.read([samples.path()]) if isinstance(a, Article)]
    by_id = {Path(a.source).name: a for a in articles}
    expected = samples.expected()
    predictions = {i: extract(a.text, published=a.published) for i, a in by_id.items()}
    gold = [{"id": r["id"], "text": by_id[r["id"]].text, "mentions": r["mentions"]} for r in expected]
    return score(gold, predictions)


def brief(m: dict) -> str:
    actors = f" actors={','.join(m.get('actors') or [])}" if m.get("type") == "DENIAL" else ""
    return f"{m['type']} {m.get('supplier')}->{m.get('recipient')} {m.get('polarity', 'affirmed')}{actors}"


def cause(kind: str, m: dict, others: list[dict]) -> str:
    """The class of one miss, judged against the passage's misses of the other kind (fn for an fp, and back)."""
    pair = (m.get("supplier"), m.get("recipient"))
    for o in others:
        if (o.get("supplier"), o.get("recipient")) == pair:
            if o["type"] != m["type"]:
                pred, gold = (m, o) if kind == "fp" else (o, m)
                return f"type confusion: gold {gold['type']} predicted {pred['type']}"
            return f"polarity: gold {(o if kind == 'fp' else m)['polarity']} predicted {(m if kind == 'fp' else o)['polarity']}"
    for o in others:
        if o["type"] == m["type"] and (o.get("supplier") in pair or o.get("recipient") in pair):
            return f"actor resolution ({m['type']}: one endpoint right)"
    if kind == "fp":
        return f"spurious {m['type']} (rule {m.get('rule')})"
    return f"missed {m['type']} (nothing predicted for this pair)"


def classify(report: Report) -> dict[str, list[tuple[str, str, str]]]:
    """{class: [(passage id, 'predicted/gold summary', evidence or text)]} for every fp, fn and claimant miss."""
    by_passage: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"fp": [], "fn": []})
    for e in report.errors:
        if e.kind == "fp":
            by_passage[e.id]["fp"].append({**e.predicted, "rule": e.rule})
        elif e.kind == "fn":
            by_passage[e.id]["fn"].append(e.gold)
    classes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for e in report.errors:
        if e.kind in ("fp", "fn"):
            m = e.predicted if e.kind == "fp" else e.gold
            other = "fn" if e.kind == "fp" else "fp"
            label = cause(e.kind, m, by_passage[e.id][other])
            if e.kind == "fp" and not e.passage_gold:
                label = f"hard negative fired: {m['type']} (rule {e.rule})"
            where = m.get("evidence") or " ".join(e.text.split())
            classes[f"[{e.kind}] {label}"].append((str(e.id), brief(m), where))
        elif e.kind == "claimant":
            label = f"[claimant] gold {e.gold['claimant']} predicted {e.predicted.get('claimant')}"
            classes[
                "[claimant] "
                + ("gold other/author" if e.gold["claimant"] in ("other", "author") else "gold actor id")
            ].append((str(e.id), label, " ".join(e.text.split())))
    return classes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", help="gold JSONL file (shared/schema.md format)")
    ap.add_argument("--samples", action="store_true", help="score the bundled sample articles instead")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per class")
    args = ap.parse_args()
    if not args.samples and not args.gold:
        ap.error("give a gold file or --samples")
    report = samples_report() if args.samples else evaluate_file(args.gold)
    print("\n".join(report.summary_lines()))
    classes = classify(report)
    for label, items in sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n{len(items):3d}  {label}")
        for pid, summary, where in items[: args.examples]:
            print(f"     {pid}: {summary}\n        {where[:220]}")


if __name__ == "__main__":
    main()
