"""Time spaCy's attribute_ruler against armswatch's attribute table (nlp/attributes.py) on the same parsed docs.

    .venv/bin/python bench/attributes.py [--repeat 5]

Parses the sample articles (src/armswatch/samples/articles/*.txt, repeated --repeat times) with tok2vec, tagger
and parser once, then runs each component over its own copy of those docs. The table is built fresh from the model's ruler
for the run, so its time includes learning every distinct token key. Also checks the two give the same attributes.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from armswatch.nlp import model_names
from armswatch.nlp.attributes import FACTORY, AttributeTable

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "armswatch" / "samples" / "articles"


def load_model():
    for name in model_names():
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    raise SystemExit("no spaCy model")


def timed(component, docs: list[Doc]) -> float:
    copies = [Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs]
    start = time.perf_counter()
    for doc in copies:
        component(doc)
    elapsed = time.perf_counter() - start
    docs[:] = copies
    return elapsed


def attributes(docs: list[Doc]) -> list[tuple]:
    return [(t.pos, t.tag, t.morph.key, t.lemma, t.dep) for d in docs for t in d]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    nlp = load_model()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] * args.repeat
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    tokens = sum(len(d) for d in parsed)
    ruler = nlp.get_pipe("attribute_ruler")
    table = AttributeTable(nlp, FACTORY).from_ruler(ruler)
    by_ruler, by_table = list(parsed), list(parsed)
    t_ruler = timed(ruler, by_ruler)
    t_table = timed(table, by_table)
    print(f"{len(texts)} docs, {tokens} tokens, {len(ruler.patterns)} rules")
    print(f"attribute_ruler  {t_ruler:7.3f} s  {1e6 * t_ruler / tokens:6.1f} us/token")
    print(f"attribute table  {t_table:7.3f} s  {1e6 * t_table / tokens:6.1f} us/token  ({t_ruler / t_table:.0f}x)")
    print("same attributes:", attributes(by_ruler) == attributes(by_table))


if __name__ == "__main__":
    main()
