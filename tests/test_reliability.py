"""Interruptions: an ingest killed with SIGKILL at random points, then rerun, leaves exactly what an uninterrupted run does.

The corpus is ~30 invented articles plus syndicated copies. The worker is a forked child of the test process (it
inherits the loaded spaCy model, so a kill costs no model load); one test also kills the real `armswatch ingest`
command. Kill points are drawn two ways: a random delay within the measured length of a clean run, and "as soon as
the article table reaches k rows" for a random k, so kills land in the middle of writing too.
"""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time

import pytest
from conftest_reliability import (
    diff_snapshots,
    kill9,
    row_count,
    snapshot,
    start_child,
    table_count,
    write_corpus,
)

KILLS_PER_ROUND = 2
ROUNDS = int(os.environ.get("KILL_ROUNDS", "3"))  # 3 rounds x 2 kills = 6 kills per backend
SEED = int(os.environ.get("KILL_SEED", str(random.randrange(1 << 30))))
TABLES = None  # every table the store has (schema_version, articles, stories, signatures, mentions, claims, ...)



def _ingest(url: str, corpus: str, batch_size: int) -> None:
    from armswatch.run import ingest
    from armswatch.store import open_store

    store = open_store(url)
    try:
        summary = ingest([corpus], store, batch_size=batch_size)
    finally:
        store.close()
    if summary.interrupted:
        raise SystemExit(4)


@pytest.fixture(scope="module")
def warm(nlp):
    from armswatch.extraction.engine import extract

    extract("Iran supplied drones to Russia.")  # model and rules loaded before the forks
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-corpus")
    write_corpus(folder, n=30, seed=11)
    return str(folder)


def _run_clean(url: str, corpus: str, batch_size: int = 16) -> float:
    start = time.monotonic()
    proc = start_child(_ingest, url, corpus, batch_size)
    proc.join(timeout=300)
    assert proc.exitcode == 0, f"clean ingest failed with exit code {proc.exitcode}"
    return time.monotonic() - start


def _kill_at_random_point(url: str, corpus: str, rng: random.Random, clean_seconds: float, n_articles: int) -> str:
    """Start an ingest and SIGKILL it; returns how the kill point was chosen (for the failure message)."""
    batch_size = rng.choice([1, 3, 8, 16])
    proc = start_child(_ingest, url, corpus, batch_size)
    if rng.random() < 0.5:
        delay = rng.uniform(0.05, max(0.1, clean_seconds))
        proc.join(timeout=delay)
        how = f"after {delay:.2f} s (batch {batch_size})"
    else:
        target = rng.randint(1, max(1, n_articles - 1))
        deadline = time.monotonic() + 120
        while proc.is_alive() and time.monotonic() < deadline and table_count(url, "articles") < target:
            time.sleep(0.01)
        how = f"at >= {target} stored articles (batch {batch_size})"
    alive = proc.is_alive()
    kill9(proc)
    return how + ("" if alive else " [had already finished]")


@pytest.mark.slow
@pytest.mark.timeout(900, method="thread")
def test_reliability_kill9_during_ingest_then_rerun_equals_clean_run(db_url_factory, corpus, warm):
    rng = random.Random(SEED)
    reference_url = db_url_factory("reference")
    clean_seconds = _run_clean(reference_url, corpus)
    reference = snapshot(reference_url, TABLES)
    n_articles = sum(reference["articles"].values())
    assert n_articles >= 25 and sum(reference["mentions"].values()) > 0 and sum(reference["claims"].values()) > 0, \
        {k: sum(v.values()) for k, v in reference.items()}

    kills, landed_mid_run, compared = 0, 0, 0
    log = []
    for round_no in range(ROUNDS):
        url = db_url_factory(f"killed{round_no}")
        for _ in range(KILLS_PER_ROUND):
            how = _kill_at_random_point(url, corpus, rng, clean_seconds, n_articles)
            kills += 1
            landed_mid_run += "already finished" not in how
            log.append(f"round {round_no}: killed {how}; articles now {table_count(url, 'articles')}")
        _run_clean(url, corpus, batch_size=rng.choice([1, 16]))
        after = snapshot(url, TABLES)
        diff = diff_snapshots(reference, after)
        assert not diff, f"seed {SEED}\n" + "\n".join(log) + "\n" + diff
        compared += row_count(after)
        if round_no == ROUNDS - 1:  # and a further rerun changes nothing
            _run_clean(url, corpus)
            assert snapshot(url, TABLES) == after, f"seed {SEED}: a rerun of a completed ingest changed the store"
    per_table = ", ".join(f"{t} {sum(c.values())}" for t, c in reference.items())
    print(f"\n[reliability] {db_url_factory.kind}: {kills} kills ({landed_mid_run} mid-run), {ROUNDS} reruns "
          f"compared, {compared} rows compared ({row_count(reference)} per run: {per_table}), seed {SEED}")
    assert landed_mid_run >= KILLS_PER_ROUND * ROUNDS // 2, "\n".join(log)


@pytest.mark.slow
@pytest.mark.timeout(900, method="thread")
def test_reliability_kill9_of_the_cli_then_rerun_equals_clean_run(tmp_path, corpus):
    """The real command, killed twice while it writes, then rerun: same store as one uninterrupted command."""
    exe = [sys.executable, "-m", "armswatch.cli"] if not os.path.exists(_cli()) else [_cli()]
    ref_url = f"sqlite:///{tmp_path / 'ref.db'}"
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    done = subprocess.run(exe + ["ingest", corpus, "--db", ref_url], check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    reference = snapshot(ref_url, TABLES)
    n_articles = sum(reference["articles"].values())
    rng = random.Random(SEED)
    log = []
    for target in sorted(rng.sample(range(1, n_articles), 2)):
        proc = subprocess.Popen(exe + ["ingest", corpus, "--db", url, "--batch-size", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline and table_count(url, "articles") < target:
            time.sleep(0.02)
        finished = proc.poll() is not None
        proc.kill()  # SIGKILL, by the Popen's own pid
        proc.wait(timeout=30)
        log.append(f"killed at >= {target} articles ({'had finished' if finished else 'mid-run'}): "
                   f"{table_count(url, 'articles')} stored")
    done = subprocess.run(exe + ["ingest", corpus, "--db", url], check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    diff = diff_snapshots(reference, snapshot(url, TABLES))
    assert not diff, "\n".join(log) + "\n" + diff


def _cli() -> str:
    return os.path.join(os.path.dirname(sys.executable), "armswatch")


@pytest.mark.slow
@pytest.mark.timeout(600, method="thread")
def test_reliability_ingest_survives_an_article_longer_than_the_parser_allows(tmp_path, warm):
    """A 1.2-million-character article is under the default 5 MB cap but over spaCy's max_length (1,000,000):
    the ingest must finish, keep the other articles, and store or report the long one, never crash the batch."""
    from armswatch.run import ingest
    from armswatch.store import open_store

    folder = tmp_path / "docs"
    write_corpus(folder, n=4, seed=3, html_every=0, copies=0)
    para = "Officials said the convoy passed the border at night and the cargo was unloaded at a depot. "
    (folder / "zz-long.txt").write_text("A very long report\n\n" + (para * 13_000), encoding="utf-8")
    assert (folder / "zz-long.txt").stat().st_size > 1_100_000
    store = open_store(f"sqlite:///{tmp_path / 'long.db'}")
    try:
        started = time.monotonic()
        summary = ingest([str(folder)], store, batch_size=8)
        elapsed = time.monotonic() - started
        stored = store.stats()["articles"]
    finally:
        store.close()
    long_reported = any("zz-long" in s.source for s in summary.skipped)
    assert stored == 4 + (0 if long_reported else 1), (stored, [s.to_dict() for s in summary.skipped])
    print(f"\n[reliability] 1.2 M-char article: {'skipped' if long_reported else 'stored'} in {elapsed:.1f} s")


def test_reliability_library_extract_can_be_called_again(warm):
    """`armswatch.extract` stays the function after the extraction package is imported (a long-running user calls
    it many times; importing a submodule must not replace the library API by a module)."""
    import armswatch
    import armswatch.extraction.engine
    import armswatch.run

    assert callable(armswatch.extract) and not isinstance(armswatch.extract, type(armswatch.extraction))

    text = "Iran has delivered drones to Russia, officials said on Monday."
    first = armswatch.extract(text)
    second = armswatch.extract(text)
    assert [m.key() for m in first] == [m.key() for m in second]


def test_reliability_cli_ingest_size_cap_is_configurable(tmp_path):
    """`armswatch ingest --max-mb` caps each article like `read(max_bytes=...)`: the big file is reported skipped
    (exit 1, the rest stored), and a larger cap lets it in."""
    folder = tmp_path / "docs"
    write_corpus(folder, n=3, seed=5, html_every=0, copies=0)
    para = "Officials said the convoy passed the border at night and the cargo was unloaded at a depot. "
    (folder / "big.txt").write_text("A long report\n\n" + para * 400, encoding="utf-8")  # ~37 kB
    db = tmp_path / "cap.db"
    small = subprocess.run([_cli(), "ingest", str(folder), "--db", str(db), "--max-mb", "0.02"],
                           check=False, capture_output=True, text=True, timeout=600)
    assert small.returncode == 1, small.stderr[-1500:]
    assert re.search(r"big\.txt", small.stderr) and re.search(r"byte|cap|size|large", small.stderr, re.IGNORECASE), \
        small.stderr[-1500:]
    assert table_count(f"sqlite:///{db}", "articles") == 3
    big = subprocess.run([_cli(), "ingest", str(folder), "--db", str(db), "--max-mb", "1"],
                         check=False, capture_output=True, text=True, timeout=600)
    assert big.returncode == 0, big.stderr[-1500:]
    assert table_count(f"sqlite:///{db}", "articles") == 4
