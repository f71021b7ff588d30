"""Throughput of armswatch end to end (article text -> mentions -> stored claims) on this machine.

    .venv/bin/python bench/throughput.py --articles 2000

Generates a news-like corpus (bench/corpus.py, fixed seed), then ingests it into a fresh SQLite store with:
  naive          a full spaCy parse (tagger, parser, NER) of every sentence, 1 process
  prefiltered    only the sentences armswatch.prefilter selects, NER only where the rules read entities,
                 1 process and 2 worker processes
and times the spaCy tokenizer alone over the same texts (the upper bound of any spaCy-based pipeline).
Start-up (model loading in each worker, lexicon loading in the writer) is done before each timed run; peak memory
is the summed RSS of this process and its workers.
The last line is `speedup=<prefiltered 2-process / naive> articles_per_s=<prefiltered 2-process> peak_mb=<peak>`.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

from armswatch.types import Article


class PeakMemory:
    """Samples the summed RSS of this process and its children every `every` seconds; `peak` in MB."""

    def __init__(self, every: float = 0.1):
        self.every, self.peak, self._stop = every, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.sample(me)
            self._stop.wait(self.every)

    def sample(self, me=None) -> float:
        me = me or psutil.Process()
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:  # a worker that just exited
                pass
        self.peak = max(self.peak, total / 2**20)
        return self.peak

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


@dataclass
class Result:
    name: str
    seconds: float
    articles: int
    words: int
    mentions: int | None = None
    claims: int | None = None
    peak_mb: float = 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds


def to_articles(items) -> list[Article]:
    return [Article(id=hashlib.sha1(it.text.encode()).hexdigest(), text=it.text, source=it.id,
                    published=it.published, title=it.text.split("\n", 1)[0]) for it in items]


def run_ingest(name: str, articles: list[Article], words: int, workdir: Path, *, prefilter: bool,
               workers: int) -> tuple[Result, str]:
    """One timed ingest into a fresh SQLite store; returns the result and the store URL."""
    from armswatch.run import prepare_store
    from armswatch.scale import InlineExecutor, PipelineConfig, ingest_articles, open_executor
    from armswatch.scale.tasks import warm_up
    from armswatch.store import open_store

    url = f"sqlite:///{workdir / (name.replace(' ', '-') + '.db')}"
    config = PipelineConfig(prefilter=prefilter, lazy_ner=prefilter)  # naive: NER on every sentence too
    with PeakMemory() as mem:
        if workers == 1:
            executor_cm = nullcontext(InlineExecutor())
        else:
            executor_cm = open_executor(workers)
        with executor_cm as executor, open_store(url) as store:
            for f in [executor.submit(warm_up, config) for _ in range(workers)]:
                f.result()  # load the model in every worker before the clock starts
            prepare_store(store)  # and the writer's start-up: its lexicon and imports
            start = time.perf_counter()
            summary = ingest_articles(articles, store, executor, config=config)
            seconds = time.perf_counter() - start
    totals = summary.totals
    return Result(name, seconds, summary.read, words, totals.get("mentions"), totals.get("claims"), mem.peak), url


def tokenise_only(articles: list[Article], words: int) -> Result:
    from armswatch.nlp import load_nlp

    tokenizer = load_nlp().tokenizer
    with PeakMemory() as mem:
        start = time.perf_counter()
        for a in articles:
            tokenizer(a.text)
        seconds = time.perf_counter() - start
    return Result("tokenisation alone", seconds, len(articles), words, peak_mb=mem.peak)


def selection_share(articles: list[Article]) -> tuple[float, float]:
    """(share of words the prefilter sends to the parser, prefilter seconds per article)."""
    from armswatch.prefilter import default_matcher, select

    default_matcher()  # built once per process from the lexicons: not part of the per-article cost
    total = kept = 0
    start = time.perf_counter()
    for a in articles:
        total += len(a.text.split())
        kept += sum(len(a.text[s:e].split()) for s, e in select(a.text))
    return kept / total, (time.perf_counter() - start) / len(articles)


def mention_keys(url: str) -> dict[tuple, int]:
    """{(article id, type, supplier, recipient, polarity): evidence start} of the stored mentions: the scoring key
    of schema.md per article, and where its first evidence starts."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT article_id, type, supplier, recipient, polarity, evidence_start "
                                 "FROM mentions ORDER BY article_id, idx")).all()
    engine.dispose()
    keys: dict[tuple, int] = {}
    for *key, start in rows:
        keys.setdefault(tuple(key), start)
    return keys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--seed", type=int, default=20251, help="corpus seed (default 20251)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (default 2)")
    args = ap.parse_args(argv)

    items = generate(args.articles, args.seed)
    articles = to_articles(items)
    words = sum(len(a.text.split()) for a in articles)
    arms = sum(it.topic == "arms" for it in items)
    print(f"corpus: {len(articles)} articles, {words} words ({words / len(articles):.0f}/article), "
          f"{arms} about arms supply, seed {args.seed}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    share, per_article = selection_share(articles)
    print(f"prefilter: sends {share:.1%} of the words to the parser; {per_article * 1000:.2f} ms/article to decide")

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="armswatch-bench-") as tmp:
        workdir = Path(tmp)
        # the worker-process run first, while this process has no model loaded: its peak is then the workers'
        two, two_url = run_ingest(f"prefiltered {args.workers} processes", articles, words, workdir,
                                  prefilter=True, workers=args.workers)
        results.append(tokenise_only(articles, words))
        naive, naive_url = run_ingest("naive", articles, words, workdir, prefilter=False, workers=1)
        results.append(naive)
        one, one_url = run_ingest("prefiltered 1 process", articles, words, workdir, prefilter=True, workers=1)
        results.append(one)
        results.append(two)
        full, pre, par = mention_keys(naive_url), mention_keys(one_url), mention_keys(two_url)
    statements = {a.id: it.statements for a, it in zip(articles, items)}

    def on_statement(key: tuple) -> bool:
        """Whether the full parse's evidence for `key` starts in a sentence the generator wrote as an arms statement."""
        return any(s <= full[key] < e for s, e in statements.get(key[0], ()))

    print(f"{'pipeline':<26}{'articles/s':>11}{'words/s':>11}{'seconds':>9}{'mentions':>10}{'claims':>8}"
          f"{'peak MB':>9}")
    for r in results:
        print(f"{r.name:<26}{r.articles_per_s:>11.1f}{r.words_per_s:>11.0f}{r.seconds:>9.1f}"
              f"{'' if r.mentions is None else r.mentions:>10}{'' if r.claims is None else r.claims:>8}"
              f"{r.peak_mb:>9.0f}")
    missing = sorted(full.keys() - pre.keys(), key=lambda k: (not on_statement(k), k))
    texts = {a.id: a.text for a in articles}
    print(f"mention keys (article, type, supplier, recipient, polarity) of the full parse missing with the "
          f"prefilter: {len(missing)} of {len(full)}, of which {sum(map(on_statement, missing))} of "
          f"{sum(map(on_statement, full))} on generated arms statements; found only with the prefilter: "
          f"{len(pre.keys() - full.keys())}; 1 vs {args.workers} processes identical: {pre == par}")
    for key in missing[:6]:
        start = full[key]
        print(f"  missing: {key[1]} {key[2]} -> {key[3]} {key[4]} in {key[0][:8]}: "
              f"{texts[key[0]][start:start + 100]!r}")
    print(f"load average after the run: {os.getloadavg()[0]:.2f} (2 cores shared with other work)")
    peak = max(r.peak_mb for r in results)
    print(f"speedup={two.articles_per_s / naive.articles_per_s:.2f} articles_per_s={two.articles_per_s:.1f} "
          f"peak_mb={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
