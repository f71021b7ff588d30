"""The prefilter with the real lexicons and model: it must not change what extraction finds, only its cost."""
from __future__ import annotations

import json

import pytest

from armswatch import read, samples
from armswatch.extraction.engine import extract_many
from armswatch.extraction.rules import load_rules
from armswatch.prefilter import default_matcher, select
from armswatch.prefilter.terms import load_terms
from armswatch.types import Article


def mentions(rows, prefilter: bool) -> list[list[dict]]:
    return [[m.to_dict() for m in found] for found in extract_many(rows, prefilter=prefilter)]


@pytest.fixture(scope="module")
def dev_rows(dev_set_path):
    with open(dev_set_path, encoding="utf-8") as fh:
        return [(r["text"], r.get("published")) for r in map(json.loads, fh) if r.get("text")]


@pytest.fixture(scope="module")
def sample_rows():
    return [(a.text, a.published) for a in read([str(samples.path())]) if isinstance(a, Article)]


def test_prefilter_terms_are_the_rules_and_lexicons_data():
    terms, rules = load_terms(), load_rules()
    assert set().union(*(f.lemmas for f in rules.frames)) <= terms.triggers
    assert {"north korea", "the kremlin"} <= {a.lower() for a in terms.actors}
    assert any("drone" in w.lower() for w in terms.weapons)
    assert "sent" in terms.inflections["send"] and "sold" in terms.inflections["sell"]


def test_prefilter_loses_no_dev_set_mention(dev_rows):
    assert mentions(dev_rows, prefilter=True) == mentions(dev_rows, prefilter=False)


def test_prefilter_loses_no_sample_article_mention(sample_rows):
    full = mentions(sample_rows, prefilter=False)
    assert sum(map(len, full)) > 10
    assert mentions(sample_rows, prefilter=True) == full


def test_prefilter_sends_a_small_share_of_general_news_to_the_parser(sample_rows):
    general = ("The central bank kept interest rates unchanged on Tuesday. Shares of carmakers rose in Frankfurt. "
               "The home side won 2-1 in Madrid after a late goal. Heavy rain is expected across the north. ") * 5
    assert select(general) == []
    kept = sum(e - s for text, _ in sample_rows for s, e in select(text, default_matcher()))
    assert 0 < kept < sum(len(text) for text, _ in sample_rows)
