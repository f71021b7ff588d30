"""The headline is read by `ingest` as `extract` reads it: the same mentions for the same file (invented articles).

The stored text is the headline paragraph and the body (clean/headline.py); the id and the story signature are of
the body alone, so a store made before the headline was kept is neither duplicated nor split on re-ingest.
"""
from __future__ import annotations

import json

import pytest
from conftest_cli import invoke

from armswatch.clean import article_id, clean_html, clean_text, draft_from_text, finish
from armswatch.clean.headline import headline_of, same_headline, strip_title_credit, with_headline
from armswatch.dedup import StoryIndex
from armswatch.run import ingest
from armswatch.store import open_store

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Serbia quietly shipped rockets to Ukraine, leaked files show | Balkan Ledger</title>
<meta property="og:site_name" content="Balkan Ledger">
<meta property="article:published_time" content="2024-05-02T09:00:00+02:00">
</head><body>
<header><a href="/">Balkan Ledger</a><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article>
<p>The documents describe several consignments that left a port on the Adriatic coast over the winter, routed
through two trading companies registered abroad.</p>
<p>Belgrade has long said it stays neutral in the war and does not sell weapons to either side.</p>
<p>The defence ministry did not answer written questions about the consignments on Thursday.</p>
</article></main>
<footer>&copy; 2024 Balkan Ledger. All rights reserved.</footer>
</body></html>
"""

TEXT = ("Belarus sent artillery shells to Russia – Ukrainian officials\n\n"
        "The shipments crossed the border by rail over several weeks, according to a statement released on "
        "Tuesday.\n\nMinsk did not comment on the accusation.\n")

RECORDS = [
    # the headline only in `title`: the body never names the two states
    {"url": "https://desk.example/a", "title": "Egypt agreed to supply howitzer shells to Sudan's army, diplomats say",
     "published": "2024-06-10",
     "text": "The agreement was reached during a visit by a senior delegation to Cairo last month, two diplomats "
             "told reporters.\n\nNeither government has confirmed the arrangement, and the army declined to comment."},
    # the text starts with its headline, as stored pages and the gold articles do: not doubled, not dropped
    {"url": "https://desk.example/b", "title": "Turkey delivers armed drones to Somalia", "published": "2024-07-01",
     "text": "Turkey delivers armed drones to Somalia\n\nThe aircraft arrived at an air base near the capital on "
             "Sunday, according to local officials.\n\nThe handover follows a defence cooperation pact signed "
             "earlier this year."},
]

KEY = ("type", "supplier", "recipient", "polarity", "item_category", "claimant", "claimant_text", "evidence",
       "evidence_start", "evidence_end", "trigger", "trigger_start", "rule")


def _keys(mentions) -> list[tuple]:
    return sorted(tuple(m.get(k) for k in KEY) for m in mentions)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.html").write_text(HTML, encoding="utf-8")
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return folder


def _stored(db) -> dict[str, list[tuple]]:
    """Stored mentions by the source they were read from."""
    store = open_store(str(db))
    try:
        by_source: dict[str, list] = {}
        for m in store.mentions():
            article = store.article(m["article_id"])
            by_source.setdefault(article["source"], []).append(m)
        return {source: _keys(found) for source, found in by_source.items()}
    finally:
        store.close()


def test_ingest_and_extract_give_the_same_mentions_for_html_text_and_jsonl(files, tmp_path):
    db = tmp_path / "a.db"
    store = open_store(str(db))
    try:
        summary = ingest([str(files / n) for n in ("story.html", "story.txt", "wire.jsonl")], store)
    finally:
        store.close()
    assert summary.new == 4 and not summary.skipped
    stored = _stored(db)

    extracted = {}
    for name in ("story.html", "story.txt"):
        ran = invoke("extract", str(files / name))
        assert ran.code == 0, ran.stderr
        extracted[str(files / name)] = _keys(json.loads(ran.stdout))
    out = tmp_path / "out.jsonl"
    assert invoke("extract", "--jsonl", str(files / "wire.jsonl"), "-o", str(out)).code == 0
    for row in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
        extracted[f"{files / 'wire.jsonl'}#{row['id']}"] = _keys(row["mentions"])
    assert stored == extracted

    # a claim stated only in the headline, and its credit, reach the store
    headline_only = {(k[0], k[1], k[2], k[7]) for found in stored.values() for k in found if k[8] == 0}
    assert ("TRANSFER", "SRB", "UKR", "Serbia quietly shipped rockets to Ukraine, leaked files show") in headline_only
    assert ("PLEDGE", "EGY", "SDN", "Egypt agreed to supply howitzer shells to Sudan's army, diplomats say") \
        in headline_only
    assert any(k[:3] == ("TRANSFER", "BLR", "RUS") and k[5] == "UKR" and k[8] == 0
               for k in stored[str(files / "story.txt")])


def test_rerunning_ingest_stores_nothing_twice(files, tmp_path):
    db = tmp_path / "a.db"
    store = open_store(str(db))
    try:
        first = ingest([str(files)], store)
        before = store.stats()
        again = ingest([str(files)], store)
        assert (again.new, again.already, again.mentions) == (0, first.new, 0)
        assert store.stats() == before
    finally:
        store.close()


def test_a_store_made_before_the_headline_was_kept_is_not_duplicated(files, tmp_path):
    """An earlier release stored the body alone under the same id and signature: re-ingesting finds it."""
    new = clean_text(TEXT, source="story.txt")
    old = type(new)(**{**new.to_dict(), "text": new.body, "body_start": 0})
    store = open_store(str(tmp_path / "old.db"))
    try:
        index = store.story_index()
        store.add_batch([old], [[]], [index.signature(old)], index)
        summary = ingest([str(files / "story.txt")], store)
        assert (summary.new, summary.already) == (0, 1)
        assert store.stats()["articles"] == 1
    finally:
        store.close()


# -- the pieces ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title, sites, expected", [
    ("Iran flew drones to Russia, officials say - Reuters", [], ("Iran flew drones to Russia, officials say", "Reuters")),
    ("Seoul says Pyongyang sent shells | The Harbour Times", ["The Harbour Times"],
     ("Seoul says Pyongyang sent shells", None)),
    ("Minsk got fighter jets – harbourtimes.example", ["harbourtimes.example"], ("Minsk got fighter jets", None)),
    ("Belarus sent artillery shells to Russia – Ukrainian officials", [],
     ("Belarus sent artillery shells to Russia – Ukrainian officials", None)),
    ("UN: army received drones - China denies", [], ("UN: army received drones - China denies", None)),
])
def test_a_title_loses_a_trailing_site_name_or_agency_and_keeps_its_credit(title, sites, expected):
    assert strip_title_credit(title, sites) == expected


def test_a_headline_repeated_in_the_first_paragraph_in_another_dash_is_not_added_again():
    assert same_headline("UN: Army got drones - China denies", "UN: army got drones – China denies")
    body = ["UN: army got drones – China denies", "The report was released on Monday in Geneva."]
    assert headline_of("UN: Army got drones - China denies", body) == (None, None)
    assert headline_of("Army got drones", body) == ("Army got drones", None)


def test_a_title_that_is_only_the_site_name_or_furniture_is_not_a_headline():
    body = ["Sweden will send two surveillance aircraft to Ukraine, its defence minister said."]
    assert headline_of("The Harbour Times", body, sites=["The Harbour Times"]) == (None, None)
    assert headline_of("Home - The Harbour Times", body, sites=["The Harbour Times"], learned=["Home"]) == (None, None)


def test_the_body_keeps_the_id_and_the_headline_sits_before_it():
    text, start = with_headline("Chad buys armoured vehicles from Turkey", "Body of the story here.")
    assert text[:start] == "Chad buys armoured vehicles from Turkey\n\n" and text[start:] == "Body of the story here."
    a = clean_text("Chad buys armoured vehicles from Turkey\n\nThe order covers forty vehicles for the army, the "
                   "ministry said on Monday.", source="x.txt")
    assert a.text.startswith("Chad buys armoured vehicles from Turkey\n\nThe order")
    assert a.body.startswith("The order") and a.id == article_id(a.body)
    assert a.title == "Chad buys armoured vehicles from Turkey"


def test_a_wire_agency_in_the_title_credits_the_article():
    a = finish(draft_from_text("Ghana receives patrol boats from China, navy says\n\nThe vessels arrived in Tema on "
                               "Friday after a month at sea.", source="x.txt",
                               title="Ghana receives patrol boats from China, navy says - AFP"))
    assert a.title == "Ghana receives patrol boats from China, navy says"
    assert a.wire == "Agence France-Presse"
    assert a.text.count("Ghana receives patrol boats") == 1


def test_retitled_copies_of_one_story_share_the_story():
    body = ("<p>The ministry said the first batch of the howitzers had been handed over at a ceremony attended by "
            "officers of both armies and would be followed by two more batches before the end of the year.</p>"
            "<p>Officials declined to give the value of the contract or say how the guns would be paid for.</p>")
    a = clean_html(f"<html><head><title>Kenya takes delivery of howitzers</title></head><body><article>{body}"
                   "</article></body></html>", url="https://one.example/a")
    b = clean_html(f"<html><head><title>First guns handed over to Nairobi</title></head><body><article>{body}"
                   "</article></body></html>", url="https://two.example/b")
    assert a.text != b.text and a.id == b.id
    index = StoryIndex()
    assert index.signature(a) == index.signature(b)
