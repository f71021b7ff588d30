"""The bundled sample articles: the README's main job runs on them, so their shape and annotation matter."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import trafilatura

from armswatch import samples
from armswatch.types import EVENT_TYPES, ITEM_CATEGORIES

WIRE_CREDIT = re.compile(r"\((AP|Reuters)\) [—-]|SOURCE: Associated Press|FOUNTAIN: Associated Press")


def article_text(id_: str) -> str:
    """The text the annotation's offsets refer to: the file, the JSONL `text`, or trafilatura's HTML text."""
    name, _, row = id_.partition("#")
    path = samples.path() / name
    if row:
        return json.loads(path.read_text(encoding="utf-8").splitlines()[int(row) - 1])["text"]
    if path.suffix == ".html":
        return trafilatura.extract(path.read_text(encoding="utf-8"), include_comments=False)
    return path.read_text(encoding="utf-8")


def all_ids() -> list[str]:
    ids = []
    for path in sorted(samples.path().iterdir()):
        if path.suffix == ".jsonl":
            ids += [
                f"{path.name}#{n}" for n, line in enumerate(path.read_text().splitlines(), 1) if line.strip()
            ]
        else:
            ids.append(path.name)
    return ids


def test_samples_path_is_a_packaged_folder_of_articles():
    folder = samples.path()
    assert folder.is_dir() and folder.parent == Path(samples.__file__).parent
    kinds = Counter(p.suffix for p in folder.iterdir())
    assert kinds[".txt"] >= 8 and kinds[".html"] >= 2 and kinds[".jsonl"] == 1
    assert set(kinds) == {".txt", ".html", ".jsonl"}


def test_samples_jsonl_holds_two_articles_with_the_ingest_fields():
    (path,) = samples.path().glob("*.jsonl")
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(rows) == 2
    for row in rows:
        assert {"text", "url", "title", "published"} <= set(row)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])


@pytest.mark.parametrize("id_", all_ids())
def test_samples_article_is_news_like(id_):
    text = article_text(id_)
    words = len(text.split())
    assert 300 <= words <= 650, f"{id_}: {words} words"
    assert WIRE_CREDIT.search(text), f"{id_}: no wire credit or dateline"
    assert '"' in text or "“" in text, f"{id_}: no quotation"


def test_samples_txt_have_headline_and_date_near_top():
    for path in samples.path().glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].strip() and len(lines[0]) < 160
        top = "\n".join(lines[:6])
        assert re.search(r"Published: \d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}", top), path.name


def test_samples_expected_annotates_every_article():
    rows = samples.expected()
    assert sorted(r["id"] for r in rows) == all_ids()
    assert len(rows) >= 12


def test_samples_expected_covers_every_type_and_form():
    mentions = [m for r in samples.expected() for m in r["mentions"]]
    types = Counter(m["type"] for m in mentions)
    assert set(types) == set(EVENT_TYPES)
    assert ("PLEDGE", "negated") in {(m["type"], m["polarity"]) for m in mentions}  # a refusal
    assert ("TRANSFER", "negated") in {(m["type"], m["polarity"]) for m in mentions}
    claimants = {m["claimant"] for m in mentions}
    assert {"author", "other"} <= claimants
    assert any(c.startswith("org:") for c in claimants) and any(
        re.fullmatch(r"[A-Z]{3}", c) for c in claimants
    )
    negatives = [r["id"] for r in samples.expected() if not r["mentions"]]
    assert len(negatives) >= 2


def test_samples_expected_mentions_are_valid_schema_records():
    for row in samples.expected():
        text = article_text(row["id"])
        keys = set()
        for m in row["mentions"]:
            assert m["type"] in EVENT_TYPES and m["polarity"] in ("affirmed", "negated")
            assert m["item_category"] in ITEM_CATEGORIES and m["item_category"] in m["item_categories"]
            assert set(m["item_categories"]) <= set(ITEM_CATEGORIES)
            assert m["supplier"] and m["recipient"] and m["supplier"] != m["recipient"]
            assert ("actors" in m) == (m["type"] == "DENIAL")
            assert text[m["evidence_start"] : m["evidence_end"]] == m["evidence"], (row["id"], m["evidence"])
            key = (m["type"], m["supplier"], m["recipient"], m["polarity"])
            assert key not in keys, f"{row['id']}: duplicate key {key}"
            keys.add(key)


def test_samples_syndicated_story_has_three_differently_dressed_copies():
    copies = sorted(p for p in samples.path().iterdir() if "syndicated" in p.name)
    assert len(copies) == 3
    texts = [article_text(p.name) for p in copies]
    raws = [p.read_text(encoding="utf-8") for p in copies]
    headlines = {t.strip().splitlines()[0] for t in texts}
    assert len(headlines) == 3  # the trafilatura text starts at the headline for HTML
    assert any("FOUNTAIN: Associated Press" in r for r in raws)
    assert any("Welcome to" in r for r in raws) and all("Leave a Reply" in r for r in raws)
    assert all("Related posts" in r for r in raws) and all("Share this" in r for r in raws)
    # the body is the same story: a long shared sentence appears in every copy
    core = "Chinese state-owned companies had delivered at least 40 attack drones"
    assert all(core in t for t in texts)
    expected = {r["id"]: r["mentions"] for r in samples.expected()}
    key_sets = [{(m["type"], m["supplier"], m["recipient"]) for m in expected[p.name]} for p in copies]
    assert key_sets[0] == key_sets[1] == key_sets[2]
