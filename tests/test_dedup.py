"""Syndication: the precision/recall gate on the labelled set, origins, and a persisted StoryIndex."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest_ingest import STORY_A, STORY_B

from armswatch.clean import clean_text
from armswatch.dedup import DEFAULT_THRESHOLD, StoryIndex, group_stories
from armswatch.dedup.metrics import pairwise_precision_recall
from armswatch.types import Article

sys.path.insert(0, str(Path(__file__).parent / "data" / "dedup"))
from dedup_labelled import build, load

# Floors from the issue; bench/dedup_eval.py measured 1.000 / 1.000 at 0.5 on raw and cleaned copies.
MIN_PRECISION, MIN_RECALL = 0.98, 0.95


@pytest.fixture(scope="module")
def rows():
    return load()


def test_dedup_labelled_set_is_current_and_covers_every_variation(rows):
    assert rows == build(), "tests/data/dedup/labelled.jsonl is stale: run tests/data/dedup/dedup_labelled.py"
    variants = {r["variant"] for r in rows}
    assert {"original", "boilerplate", "headline", "truncated", "edited", "paraphrase", "mixed"} <= variants
    assert len({r["story"] for r in rows}) >= 8


@pytest.mark.parametrize("cleaned", [False, True], ids=["raw", "cleaned"])
def test_dedup_precision_recall_at_default_threshold(rows, cleaned):
    if cleaned:
        articles = [clean_text(r["text"], source=r["id"]) for r in rows]
    else:
        articles = [Article(id=r["id"], text=r["text"], source=r["id"]) for r in rows]
    grouped = group_stories(articles)
    p, r = pairwise_precision_recall([x["story"] for x in rows], [a.story_id for a in grouped])
    assert p >= MIN_PRECISION and r >= MIN_RECALL, f"precision {p:.3f} recall {r:.3f} at {DEFAULT_THRESHOLD}"


def test_dedup_same_topic_stories_stay_apart(rows):
    originals = [Article(id=r["id"], text=r["text"]) for r in rows if r["variant"] == "original"]
    grouped = group_stories(originals)
    assert len({a.story_id for a in grouped}) == len(originals)


def test_dedup_metrics_count_pairs():
    assert pairwise_precision_recall(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0)
    assert pairwise_precision_recall(["a", "a", "b"], ["x", "x", "x"]) == (1 / 3, 1.0)
    assert pairwise_precision_recall(["a", "a", "b"], ["x", "y", "z"]) == (1.0, 0.0)


def art(id_, paras, **kw):
    return Article(id=id_, text="\n\n".join(paras), **kw)


def test_dedup_origin_is_wire_copy_else_earliest():
    late_wire = art("wire", STORY_A, wire="Associated Press", published="2024-03-05")
    early = art("early", STORY_A[:2] + ["Share this."], published="2024-03-04")
    later = art("later", STORY_A, published="2024-03-06")
    other = art("other", STORY_B, published="2024-03-01")
    out = group_stories([early, later, other, late_wire])
    assert [a.story_id for a in out] == ["wire", "wire", "other", "wire"]
    assert [a.id for a in out] == ["early", "later", "other", "wire"]  # input order, new objects
    assert early.story_id is None
    out = group_stories([later, early])
    assert [a.story_id for a in out] == ["early", "early"]


def test_dedup_truncated_copy_matches_but_one_shared_paragraph_does_not():
    full = art("full", STORY_A + STORY_B[1:2])  # quotes one of STORY_B's three paragraphs
    cut = art("cut", [STORY_A[0], STORY_A[1][:80]])
    other = art("other", STORY_B)
    ids = [a.story_id for a in group_stories([full, cut, other])]
    assert ids[0] == ids[1] == "full"
    assert ids[2] == "other"


def test_dedup_story_index_persists_signatures_as_bytes():
    index = StoryIndex(DEFAULT_THRESHOLD, 128)
    stored = group_stories([art("s1", STORY_A), art("s2", STORY_B)], index=index)
    rows = [(a.id, index.signature(a), a.story_id) for a in stored]
    assert all(isinstance(sig, bytes) for _, sig, _ in rows)
    reloaded = StoryIndex.load(rows, threshold=DEFAULT_THRESHOLD, num_perm=128)
    assert len(reloaded) == 2
    copy = art("copy", ["Welcome to Harbour Herald.", *STORY_A[:2], "Leave a Reply"])
    assert reloaded.match(reloaded.signature(copy)) == "s1"
    fresh = art("fresh", [("VALLETTA — Malta will buy two offshore patrol vessels from a Dutch yard, the "
                           "government said, to police migrant routes in the central Mediterranean.")])
    assert reloaded.match(reloaded.signature(fresh)) is None
    (grouped,) = group_stories([copy], index=reloaded)
    assert grouped.story_id == "s1"


def test_dedup_adding_an_article_twice_keeps_its_first_story():
    index = StoryIndex()
    a = art("a", STORY_A)
    index.add("a", index.signature(a), "story-1")
    index.add("a", index.signature(a), "story-2")
    assert len(index) == 1 and index.match(index.signature(a)) == "story-1"


def test_dedup_signature_from_other_settings_is_rejected():
    small = StoryIndex(num_perm=64)
    sig = small.signature(art("a", STORY_A))
    with pytest.raises(ValueError, match="64 permutations"):
        StoryIndex(num_perm=128).add("a", sig, "a")
    with pytest.raises(ValueError):
        StoryIndex().add("a", b"garbage-bytes-that-are-long-enough", "a")
    with pytest.raises(ValueError):
        StoryIndex(threshold=0)


def test_dedup_empty_text_never_matches():
    index = StoryIndex()
    group_stories([art("a", STORY_A)], index=index)
    assert index.match(index.signature("")) is None


def test_dedup_identical_text_read_twice_is_one_story():
    a = clean_text("\n\n".join(["Italy sends missiles", *STORY_A]))
    out = group_stories([a, replace(a, source="second-copy")])
    assert out[0].story_id == out[1].story_id == a.id
