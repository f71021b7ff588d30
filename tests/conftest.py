"""Fixtures shared by every test module: the spaCy pipeline and the files of ../shared.

PostgreSQL URLs come from `conftest_store.pg_base_url()` (skipped without ARMSWATCH_TEST_PG_URL, failed in CI).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IN_CI = bool(os.environ.get("CI"))


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
