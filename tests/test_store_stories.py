"""Stories assigned inside the write transaction: independent of ingest order, batching and concurrent writers."""
from __future__ import annotations

import itertools

import sqlalchemy as sa
from conftest_store import STORY, article, mention

from armswatch.store import open_store
from armswatch.types import ClaimFilter

BODY = "\n\n".join(STORY)


def copies():
    """Four copies of one story (one wire-credited, published later) and one unrelated article."""
    a = article("Morning Ledger\n\n" + BODY + "\n\nSubscribe today.", published="2024-05-16", site="ledger.example")
    b = article("Harbour Post\n\n" + BODY + "\n\n(c) Harbour Post", published="2024-05-15", site="harbour.example")
    w = article("SEOUL (Wire) - " + BODY, published="2024-05-17", site="wire.example", wire="Wire")
    c = article("Valley Gazette\n\n" + "\n\n".join(STORY[:3]), published="2024-05-15", site="gazette.example")
    other = article("Iran delivered attack drones to Russia over the winter, Ukrainian officials said, "
                    "and more shipments are expected by sea across the Caspian in the coming months.",
                    published="2024-05-01")
    return [a, b, w, c, other]


def found_for(a):
    return [mention(claimant="KOR", evidence="North Korea", start=a.text.index("North Korea"))] \
        if "North Korea" in a.text else [mention("TRANSFER", "IRN", "RUS", item="drones")]


def ingest(store, articles, batch_size):
    index = store.story_index()
    for i in range(0, len(articles), batch_size):
        batch = articles[i:i + batch_size]
        store.add_batch(batch, [found_for(a) for a in batch], [index.signature(a) for a in batch], index)


def stories_of(store):
    with store.engine.connect() as conn:
        return {
            "articles": sorted(tuple(r) for r in conn.execute(sa.text("SELECT id, story_id FROM articles"))),
            "signatures": sorted(tuple(r) for r in conn.execute(sa.text("SELECT article_id, story_id FROM signatures"))),
            "stories": sorted(tuple(r) for r in conn.execute(sa.text("SELECT id, origin_article, wire FROM stories"))),
        }


def test_store_stories_wire_copy_is_the_origin_whatever_the_order(new_store_url):
    arts = copies()
    wire_id = arts[2].id
    results = []
    for order, batch_size in [((0, 1, 2, 3, 4), 5), ((4, 3, 2, 1, 0), 1), ((1, 0, 4, 3, 2), 2), ((3, 2, 0, 1, 4), 3)]:
        s = open_store(new_store_url())
        ingest(s, [copies()[i] for i in order], batch_size)
        results.append(stories_of(s))
        (claim,) = s.claims(ClaimFilter(supplier="PRK"))
        assert (claim.articles, claim.stories) == (4, 1)
        assert s.stats()["stories"] == 2
        s.close()
    assert all(r == results[0] for r in results)
    assert ("".join(sorted({story for _, story in results[0]["articles"]} - {arts[4].id}))) == wire_id
    assert (wire_id, wire_id, "Wire") in results[0]["stories"]


def test_store_stories_a_better_origin_renames_the_stored_story(store):
    arts = copies()
    ingest(store, [arts[0], arts[4]], 2)
    assert {s for _, s in stories_of(store)["articles"]} == {arts[0].id, arts[4].id}
    ingest(store, [arts[1]], 1)  # published a day earlier than the stored origin
    assert {s for _, s in stories_of(store)["articles"]} == {arts[1].id, arts[4].id}
    ingest(store, [arts[2]], 1)  # wire-credited
    snap = stories_of(store)
    assert {s for _, s in snap["articles"]} == {arts[2].id, arts[4].id}
    assert {s for _, s in snap["signatures"]} == {arts[2].id, arts[4].id}
    assert [r[0] for r in snap["stories"]] == sorted([arts[2].id, arts[4].id])
    (claim,) = store.claims(ClaimFilter(supplier="PRK"))
    assert (claim.articles, claim.stories) == (3, 1)


def test_store_stories_a_second_writer_sees_what_the_first_stored(store_url):
    arts = copies()
    first, second = open_store(store_url), open_store(store_url)
    late_index = second.story_index()  # loaded before the first writer stores anything
    ingest(first, [arts[0], arts[4]], 2)
    second.add_batch([arts[3]], [found_for(arts[3])], [late_index.signature(arts[3])], late_index)
    second.add_batch([arts[0]], [found_for(arts[0])], [late_index.signature(arts[0])], late_index)  # stored already
    (claim,) = second.claims(ClaimFilter(supplier="PRK"))
    assert (claim.articles, claim.stories) == (2, 1)
    assert second.stats()["articles"] == 3
    first.close()
    second.close()


def test_store_stories_every_order_of_three_copies_agrees(new_store_url):
    arts = copies()[:3]
    seen = set()
    for perm in itertools.permutations(range(3)):
        s = open_store(new_store_url())
        ingest(s, [arts[i] for i in perm], 1)
        seen.add(tuple(map(tuple, stories_of(s)["articles"])))
        s.close()
    assert len(seen) == 1
