"""CPU seconds of the rule stage alone: everything extraction does after the spaCy parse.

    PYTHONPATH=src .venv/bin/python bench/rule_stage.py [--reps 7] [--corpus N] [--profile N]

The spaCy parse dominates end-to-end time (bench/stages.py), so a change to the rules' speed is lost in its
noise. Here the texts are parsed once, the way extract_many parses them (prefilter, then nlp.pipe), and only
`PassageExtractor(doc, ...).run(times=False)` is timed over the parsed docs: the candidates, their checks,
slots, scope, items and claimants, passage resolution and the confidence features. Times (NER on demand) are
left out, as in bench/stages.py. The rule stage keeps a few per-doc tables in `doc.user_data`; each run starts
from the user_data the parser left, so every run pays for them as a real (single) run does. The entities the
item choice asks NER for ("sent Shoigu") are found in the untimed warm-up run and kept: NER is spaCy's cost.

The texts are the gold sets (/work/shared/eval/*.jsonl beside the repository, and tests/data/eval/invented.jsonl),
or with `--corpus N` the first N articles of the synthetic throughput corpus (bench/corpus.py). `--reps` runs the
stage that many times and reports the median; `--profile N` runs it once more under cProfile and prints the N
functions with the most cumulative and own time. A benchmark, not a test: it prints figures and checks nothing.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
GOLD = sorted((ROOT.parent / "shared" / "eval").glob("*.jsonl")) + [ROOT / "tests" / "data" / "eval" / "invented.jsonl"]


def gold_rows() -> list[tuple[str, str | None]]:
    """(text, published) of every row of the gold files that exist."""
    rows = []
    for path in GOLD:
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                rows += [(r["text"], r.get("published")) for r in (json.loads(line) for line in fh if line.strip())]
    return rows


def corpus_rows(n: int) -> list[tuple[str, str | None]]:
    from corpus import generate

    return [(it.text, it.published) for it in generate(n)]


def parse(rows: list[tuple[str, str | None]]) -> list[tuple]:
    """(doc, published) for each row with something to parse, as extract_many parses it."""
    from armswatch.nlp import NLP_BATCH_SIZE, load_nlp
    from armswatch.prefilter.apply import reduce_rows

    nlp = load_nlp()
    todo = [(doc, ctx) for doc, ctx in reduce_rows(rows, nlp)
            if (doc if isinstance(doc, str) else doc.text).strip()]
    return [(doc, published) for doc, (published, _) in nlp.pipe(todo, as_tuples=True, batch_size=NLP_BATCH_SIZE)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=7, help="timed runs of the rule stage; the median is reported")
    ap.add_argument("--corpus", type=int, metavar="N", help="use N articles of the synthetic corpus, not the gold sets")
    ap.add_argument("--profile", type=int, metavar="N", help="also profile one run and print the top N functions")
    args = ap.parse_args(argv)

    from armswatch.extraction.engine import PassageExtractor
    from armswatch.extraction.rules import load_rules

    rows = corpus_rows(args.corpus) if args.corpus else gold_rows()
    start = time.process_time()
    docs = parse(rows)
    parse_seconds = time.process_time() - start
    rules = load_rules()

    parsed_user_data = [dict(doc.user_data) for doc, _ in docs]

    def stage() -> int:
        for (doc, _), user_data in zip(docs, parsed_user_data):
            doc.user_data.clear()  # forget what an earlier run cached on the doc
            doc.user_data.update(user_data)
        return sum(len(PassageExtractor(doc, published, rules).run(times=False)) for doc, published in docs)

    mentions = stage()  # warm-up: lazy loads (vocabularies, matchers) are not the rule stage's cost
    seconds = []
    for _ in range(args.reps):
        start = time.process_time()
        stage()
        seconds.append(time.process_time() - start)
    tokens = sum(len(doc) for doc, _ in docs)
    print(f"{len(rows)} texts, {len(docs)} parsed docs, {tokens} tokens, {mentions} mentions; "
          f"parse {parse_seconds:.2f} CPU s (once)")
    print(f"rule stage, {args.reps} runs: median {statistics.median(seconds):.3f} CPU s, "
          f"min {min(seconds):.3f}, max {max(seconds):.3f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(stage)
        for order in ("cumulative", "tottime"):
            pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
