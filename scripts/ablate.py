"""Ablation audit of the extraction rules: what each word-list entry, trigger frame and candidate step is worth.

For every entry (each word of each list in extraction/data/*.yaml, each frame, frame lemma, wrapper, wrapper lemma
and ellipsis entry of triggers.yaml, each of candidates.TRIGGER_CHECKS and CANDIDATE_STEPS) extraction runs again
with that entry removed, and the change of tp/fp/fn (and claimant hits) against the gold is recorded per gold file.

Each text is parsed once (as `armswatch eval` parses it: prefilter on) and its Doc reused; an entry is only re-run
on the texts where it can matter (a word on texts holding it as a token or lemma; frame ids, steps and tables on
all). Scoring is at rule level (no confidence threshold), so the figures are those of `--min-confidence 0`.

    nice .venv/bin/python scripts/ablate.py /work/shared/eval/dev.jsonl /work/shared/eval/passages-2.jsonl \
        /work/shared/eval/articles.jsonl --out ablation.json
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armswatch.evaluate.report import Report
from armswatch.evaluate.rows import read_rows
from armswatch.evaluate.score import dedupe, score_passage
from armswatch.extraction import candidates, vocab
from armswatch.extraction.engine import PassageExtractor
from armswatch.extraction.rules import Rules, load_rules
from armswatch.nlp import NLP_BATCH_SIZE, load_nlp
from armswatch.prefilter.apply import reduce_rows, restore
from armswatch.types import Skipped

ALL = None  # an entry that may matter on every text
SKIPPED_FILES = ("time.yaml",)  # times are not scored
FIELDS = ("tp", "fp", "fn", "claimant", "neg")


@dataclass
class Text:
    """One gold row, parsed once."""

    row: dict[str, Any]
    doc: Any
    published: str | None
    pieces: Any
    words: set[str]
    lower: str
    base: dict[str, int] = field(default_factory=dict)


@dataclass
class Entry:
    """One thing to remove: its name, where it is, the words that must occur for it to matter, how to remove it."""

    kind: str
    name: str
    needs: frozenset[str] | None
    remove: Callable[[], Any]  # a context manager factory


def counts(row: dict[str, Any], mentions: list) -> dict[str, int]:
    report = Report()
    score_passage(report, row, dedupe(mentions))
    o = report.per_type.values()
    return {"tp": sum(c.tp for c in o), "fp": sum(c.fp for c in o), "fn": sum(c.fn for c in o),
            "claimant": report.claimant_correct, "neg": len(report.negatives_with_predictions)}


def keys(text: Text, rules: Rules) -> list[tuple]:
    mentions = PassageExtractor(text.doc, text.published, rules).run(times=False)
    return sorted({(m.type, m.supplier, m.recipient, m.polarity, m.claimant, m.rule) for m in mentions})


def run(text: Text, rules: Rules) -> dict[str, int]:
    mentions = PassageExtractor(text.doc, text.published, rules).run(times=False)
    return counts(text.row, restore(mentions, text.pieces))


def diff(sets: dict[str, list[Text]], job: tuple) -> None:
    """Print, per text whose predictions change when the entry is removed, the predictions gained and lost."""
    _kind, name, needs, remove, in_force = job
    rules = load_rules()
    for set_name, texts in sets.items():
        for t in texts:
            if needs is not ALL and not (needs & t.words):
                continue
            before = keys(t, rules)
            with remove():
                after = keys(t, in_force)
            if before != after:
                print(f"{name} | {set_name} {t.row['id']}: lost {sorted(set(before) - set(after))} "
                      f"gained {sorted(set(after) - set(before))}")


def parse(path: str) -> list[Text]:
    nlp = load_nlp()
    rows = [r for r in read_rows(path, require_mentions=True) if not isinstance(r, Skipped)]
    inputs = list(reduce_rows(((r["text"], r.get("published")) for r in rows), nlp))
    out = []
    docs = nlp.pipe(inputs, as_tuples=True, batch_size=NLP_BATCH_SIZE)
    for row, (doc, (published, pieces)) in zip(rows, docs):
        words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
        out.append(Text(row, doc, published, pieces, words, doc.text.lower()))
    return out


# -- the entries ---------------------------------------------------------------------------------------------------

def needs_of(word: str) -> frozenset[str] | None:
    """The words a text must hold for `word` to matter (None: any text); a phrase needs its last word."""
    word = word.split("=")[0].strip().lower()
    if not word or "_" in word or "." in word:
        return ALL
    return frozenset({word.split()[-1]})


@contextmanager
def vocab_without(name: str, word: str) -> Iterator[None]:
    """The word set `name` without `word`, also where a module keeps the set in a constant."""
    sets = vocab._word_sets()
    old = sets[name]
    new = frozenset(old - {word})
    patched = [(m, a) for m in (candidates, *_stage_modules()) for a, v in vars(m).items() if v is old]
    saved = vocab._word_sets
    vocab._word_sets = lambda: {**sets, name: new}
    for m, a in patched:
        setattr(m, a, new)
    try:
        yield
    finally:
        vocab._word_sets = saved
        for m, a in patched:
            setattr(m, a, old)


def _stage_modules() -> list[Any]:
    return [m for n, m in sys.modules.items() if n.startswith("armswatch.extraction.")]


@contextmanager
def table_without(name: str, key: str) -> Iterator[None]:
    full = vocab.vocabulary()
    reduced = {**full, name: {k: v for k, v in full[name].items() if k != key}}
    saved = vocab.vocabulary
    vocab.vocabulary = lambda: reduced
    try:
        yield
    finally:
        vocab.vocabulary = saved


@contextmanager
def steps_without(attr: str, step: Callable) -> Iterator[None]:
    old = getattr(candidates, attr)
    setattr(candidates, attr, tuple(s for s in old if s is not step))
    try:
        yield
    finally:
        setattr(candidates, attr, old)


def vocab_entries() -> list[Entry]:
    out = []
    listed = {p.name: p for p in vocab.vocabulary_files() if p.name not in SKIPPED_FILES}
    for name, value in vocab.parse_vocabulary(list(listed.values())).items():
        if isinstance(value, list):
            for word in dict.fromkeys(str(v).lower() for v in value):
                out.append(Entry("word", f"{name}: {word}", needs_of(word),
                                 lambda n=name, w=word: vocab_without(n, w)))
            continue
        for key, vs in value.items():
            if isinstance(vs, list):
                for word in dict.fromkeys(str(v).lower() for v in vs):
                    out.append(Entry("word", f"{name}.{key}: {word}", needs_of(word),
                                     lambda n=f"{name}.{key}", w=word: vocab_without(n, w)))
            else:
                out.append(Entry("table", f"{name}: {key}", ALL, lambda n=name, k=key: table_without(n, k)))
    return out


def step_entries() -> list[Entry]:
    return [Entry("step", f"{attr}: {step.__name__}", ALL, lambda a=attr, s=step: steps_without(a, s))
            for attr in ("TRIGGER_CHECKS", "CANDIDATE_STEPS") for step in getattr(candidates, attr)]


def rules_variants(rules: Rules) -> list[tuple[str, str, frozenset[str] | None, Rules]]:
    """(kind, name, needs, rules without it) for each frame, frame lemma, wrapper, wrapper lemma, ellipsis."""
    out = []
    for i, f in enumerate(rules.frames):
        others = rules.frames[:i] + rules.frames[i + 1:]
        out.append(("frame", f.id, f.lemmas, Rules(others, rules.wrappers, rules.ellipsis)))
        for lemma in sorted(f.lemmas):
            less = dataclasses.replace(f, lemmas=f.lemmas - {lemma})
            out.append(("frame lemma", f"{f.id}: {lemma}", frozenset({lemma}),
                        Rules([*others[:i], less, *others[i:]], rules.wrappers, rules.ellipsis)))
    for i, w in enumerate(rules.wrappers):
        others = rules.wrappers[:i] + rules.wrappers[i + 1:]
        out.append(("wrapper", w.id, w.lemmas, Rules(rules.frames, others, rules.ellipsis)))
        for lemma in sorted(w.lemmas):
            less = dataclasses.replace(w, lemmas=w.lemmas - {lemma})
            out.append(("wrapper lemma", f"{w.id}: {lemma}", frozenset({lemma}),
                        Rules(rules.frames, [*others[:i], less, *others[i:]], rules.ellipsis)))
    for i, e in enumerate(rules.ellipsis):
        out.append(("ellipsis", str(e["id"]), frozenset({str(e["lemma"])}),
                    Rules(rules.frames, rules.wrappers, rules.ellipsis[:i] + rules.ellipsis[i + 1:])))
    return out


@contextmanager
def nothing() -> Iterator[None]:
    yield


# -- measuring -----------------------------------------------------------------------------------------------------

def effect(sets: dict[str, list[Text]], needs: frozenset[str] | None, rules: Rules) -> dict[str, dict[str, int]]:
    """Per gold file, the change of each count when the entry in force is removed (texts it cannot touch skipped)."""
    out = {}
    for name, texts in sets.items():
        delta = dict.fromkeys(FIELDS, 0)
        for t in texts:
            if needs is not ALL and not (needs & t.words):
                continue
            now = run(t, rules)
            for k in FIELDS:
                delta[k] += now[k] - t.base[k]
        out[name] = delta
    return out


def totals(texts: list[Text]) -> dict[str, Any]:
    s = {k: sum(t.base[k] for t in texts) for k in FIELDS}
    p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
    r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0.0
    return {**s, "P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _f1(base: dict[str, int], delta: dict[str, int]) -> float:
    tp, fp, fn = (base[k] + delta[k] for k in ("tp", "fp", "fn"))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def verdict(base: dict[str, dict], effect: dict[str, dict], real: tuple[str, ...]) -> str:
    """What removing the entry says of it, judged on the real sets (F1, and wrong claimants among the matches)."""
    f = sum(_f1(base[s], effect[s]) - _f1(base[s], dict.fromkeys(FIELDS, 0)) for s in real if s in effect)
    c = sum(effect[s]["claimant"] - effect[s]["tp"] for s in real if s in effect)  # claimant errors fixed
    f = 0 if abs(f) < 0.001 else f
    if f > 0 or f == 0 and c > 0:
        return "costs the real sets (drop candidate)" if f else "costs real claimants (drop candidate)"
    if f < 0 or f == 0 and c < 0:
        return "helps the real sets" if f else "helps real claimants"
    if any(any(effect[s].values()) for s in real if s in effect):
        return "real sets: no net change"
    return "dev only" if any(any(d.values()) for d in effect.values()) else "no effect"


def render(path: str, real: tuple[str, ...] = ("passages-2", "articles")) -> str:
    """A markdown table of the entries whose removal changes something (effect = counts without the entry minus
    counts with it: tp/fp/fn, claimant hits), then the count of entries that change nothing, per kind."""
    data = json.loads(Path(path).read_text())
    base, sets = data["baseline"], list(data["baseline"])
    lines = ["| entry | kind | " + " | ".join(sets) + " | verdict |", "|---" * (len(sets) + 3) + "|"]
    quiet: dict[str, int] = {}
    for r in data["entries"]:
        if "error" in r:
            lines.append(f"| {r['entry']} | {r['kind']} | " + " | ".join("-" for _ in sets) +
                         " | needed by later steps (extraction fails without it) |")
            continue
        e = r["effect"]
        if not any(any(d.values()) for d in e.values()):
            quiet[r["kind"]] = quiet.get(r["kind"], 0) + 1
            continue
        cells = [" ".join(f"{k}{e[s][k]:+d}" for k in ("tp", "fp", "fn", "claimant") if e[s][k]) or "0" for s in sets]
        lines.append(f"| {r['entry']} | {r['kind']} | " + " | ".join(cells) + f" | {verdict(base, e, real)} |")
    lines.append("")
    lines.append("Entries whose removal changes nothing on any set: " +
                 ", ".join(f"{k}: {n}" for k, n in sorted(quiet.items())) + ".")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", help="gold JSONL files (dev, passages-2, articles)")
    ap.add_argument("--out", default="ablation.json", help="where to write the results (JSON)")
    ap.add_argument("--only", default="", help="only entries whose kind or name contains this (or: names exactly, separated by |)")
    ap.add_argument("--diff", action="store_true", help="print the predictions each (--only) entry changes")
    ap.add_argument("--table", action="store_true", help="print the results in --out as a markdown table")
    args = ap.parse_args(argv)
    if args.table:
        print(render(args.out))
        return 0
    rules = load_rules()
    sets = {Path(g).stem: parse(g) for g in args.gold}
    for texts in sets.values():
        for t in texts:
            t.base = run(t, rules)
    jobs = [(e.kind, e.name, e.needs, e.remove, rules) for e in (*vocab_entries(), *step_entries())]
    jobs += [(kind, name, needs, nothing, variant) for kind, name, needs, variant in rules_variants(rules)]
    wanted = args.only.split("|")
    jobs = [j for j in jobs if any(w in j[0] or w == j[1] or (len(wanted) == 1 and w in j[1]) for w in wanted)]
    if args.diff:
        for job in jobs:
            diff(sets, job)
        return 0
    results, started = [], time.time()
    for n, (kind, name, needs, remove, in_force) in enumerate(jobs, 1):
        with remove():
            try:
                results.append({"kind": kind, "entry": name, "effect": effect(sets, needs, in_force)})
            except (AssertionError, AttributeError, TypeError, KeyError) as e:  # a step others rely on (choose_item)
                results.append({"kind": kind, "entry": name, "error": f"{type(e).__name__}: {e}"})
        if n % 50 == 0:
            print(f"{n}/{len(jobs)} entries, {time.time() - started:.0f}s", file=sys.stderr)
    Path(args.out).write_text(json.dumps({"baseline": {k: totals(v) for k, v in sets.items()},
                                          "entries": results}, indent=1))
    changed = [r for r in results if "error" in r or any(any(d.values()) for d in r["effect"].values())]
    print(f"{len(results)} entries, {len(changed)} change something; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
