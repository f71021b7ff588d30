"""Fixtures shared by every test module: the spaCy pipeline and the files of ../shared.

PostgreSQL URLs come from `conftest_store.pg_base_url()` (skipped without ARMSWATCH_TEST_PG_URL, failed in CI).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IN_CI = bool(os.environ.get("CI"))

# The helper modules that define fixtures, registered once here so a test names a fixture as a parameter and
# imports only the helpers it calls (importing a fixture into a test module shadows it there). conftest_reliability
# imports conftest_store and conftest_web, so those come first (pytest rewrites the asserts of a plugin it imports).
pytest_plugins = ["conftest_ingest", "conftest_store", "conftest_web", "conftest_reliability"]

# Hypothesis profiles. "ci" (the default, what `make test` and CI run): the same examples on every run
# (derandomize), so a red CI is a real fault and replays; Hypothesis ties derandomize to database=None, so
# what a deep run finds is pinned as an @example instead. "fuzz" (`make fuzz`, HYPOTHESIS_PROFILE=fuzz): new
# random examples each run with the example database on (.hypothesis/), so a failure found once is tried
# first on the next fuzz run; FUZZ_SCALE multiplies the example counts (docs/reliability.md).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("fuzz", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def shared_file(relative: str) -> Path:
    """A file of ../shared (evaluation data kept out of the repo); skip when absent, except in CI where it must exist."""
    path = SHARED / relative
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing (CI must have ../shared beside the clone)")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session")
def nlp():
    from armswatch.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def dev_set_path() -> Path:
    return shared_file("eval/dev.jsonl")


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    return shared_file("examples/seed-article.txt")
