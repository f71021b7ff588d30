"""Where a worker's time goes: CPU seconds per stage of extraction over the throughput benchmark's corpus.

    .venv/bin/python bench/stages.py [--articles 400]

Runs the stages one after another over all articles (each stage on the previous one's output), in one process:
the prefilter (sentence selection and the reduced docs), the spaCy pipeline on what is selected (and each of its
components again, alone), the rules, NER on demand for the mentions' times, resolving those times, and the MinHash
signature. The client's work (story index, store writes) is not included.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=400, help="corpus size (default 400)")
    ap.add_argument("--seed", type=int, default=20251, help="corpus seed (default 20251)")
    args = ap.parse_args(argv)

    from armswatch.dedup.index import sign
    from armswatch.extraction.engine import PassageExtractor
    from armswatch.extraction.rules import load_rules
    from armswatch.nlp import NLP_BATCH_SIZE, entities, load_nlp
    from armswatch.prefilter.apply import reduce_rows

    items = generate(args.articles, args.seed)
    nlp, rules = load_nlp(), load_rules()
    list(nlp.pipe(["Iran sent drones to Russia in May, officials said."]))  # load everything before timing
    seconds: dict[str, float] = {}

    def timed(name, work):
        start = time.process_time()
        out = work()
        seconds[name] = time.process_time() - start
        return out

    rows = timed("prefilter", lambda: list(reduce_rows(((it.text, it.published) for it in items), nlp, use=True)))
    todo = [(doc, ctx) for doc, ctx in rows if (doc if isinstance(doc, str) else doc.text).strip()]
    docs = timed("spaCy pipeline", lambda: list(nlp.pipe(todo, as_tuples=True, batch_size=NLP_BATCH_SIZE)))
    extractors = timed("rules", lambda: [(ex, ex.run(times=False)) for ex in
                                         (PassageExtractor(doc, published, rules) for doc, (published, _) in docs)])
    timed("NER on demand", lambda: entities.ensure_many([(ex.doc, ex.time_sentences(ms)) for ex, ms in extractors]))
    timed("times", lambda: [ex.set_times(ms) for ex, ms in extractors])
    timed("MinHash", lambda: [sign(it.text) for it in items])

    total = sum(seconds.values())
    print(f"{len(items)} articles, {len(todo)} with something to parse; CPU seconds per stage:")
    for name, value in seconds.items():
        print(f"  {name:<16}{value:7.2f} s {value / total:5.0%}")
    print(f"  {'total':<16}{total:7.2f} s  ({total / len(items) * 1000:.1f} ms/article)")
    print("spaCy pipeline by component (each alone over the same docs):")
    alone = [nlp.make_doc(doc if isinstance(doc, str) else doc.text) for doc, _ in todo]
    for name, proc in nlp.pipeline:
        start = time.process_time()
        alone = list(proc.pipe(alone, batch_size=NLP_BATCH_SIZE)) if hasattr(proc, "pipe") else list(map(proc, alone))
        print(f"  {name:<24}{time.process_time() - start:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
