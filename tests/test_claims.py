"""Aggregation of mentions into claims, without a database."""
from __future__ import annotations

from conftest_store import mention

from armswatch.claims import MentionRecord, aggregate, claim_id, claim_key, links


def rec(m, article_id, story_id=None, published=None):
    return MentionRecord(m, article_id=article_id, story_id=story_id, published=published)


def by_key(claims):
    return {(c.type, c.supplier, c.recipient, c.item_category, c.polarity): c for c in claims}


def test_claims_aggregate_by_key_counts_articles_and_independent_stories():
    records = [
        rec(mention(), "a1", "s1", "2024-03-05"),
        rec(mention(claimant="USA"), "a2", "s1", "2024-03-02"),  # syndicated copy of the same story
        rec(mention(claimant="UKR"), "a3", "s2", "2024-04-10"),
        rec(mention(), "a3", "s2", "2024-04-10"),  # a second mention in the same article
        rec(mention(item="drones"), "a4", "s3", "2024-01-01"),
    ]
    claims = by_key(aggregate(records))
    assert len(claims) == 2
    ammo = claims[("TRANSFER", "PRK", "RUS", "ammunition", "affirmed")]
    assert (ammo.articles, ammo.stories, ammo.mention_count) == (3, 2, 4)
    assert (ammo.first_seen, ammo.last_seen) == ("2024-03-02", "2024-04-10")
    assert ammo.claimants == ["UKR", "USA", "author"]
    drones = claims[("TRANSFER", "PRK", "RUS", "drones", "affirmed")]
    assert (drones.articles, drones.stories, drones.first_seen) == (1, 1, "2024-01-01")


def test_claims_article_without_story_counts_as_its_own_story():
    claims = aggregate([rec(mention(), "a1"), rec(mention(), "a2"), rec(mention(), "a3", "a1")])
    assert claims[0].stories == 2  # a3 belongs to story "a1", which is a1's own story


def test_claims_undated_articles_leave_dates_empty():
    (claim,) = aggregate([rec(mention(), "a1"), rec(mention(), "a2")])
    assert claim.first_seen is None and claim.last_seen is None
    (claim,) = aggregate([rec(mention(), "a1"), rec(mention(), "a2", published="2023-12-31")])
    assert claim.first_seen == claim.last_seen == "2023-12-31"


def test_claims_ids_are_stable_short_and_distinct():
    key = claim_key(mention())
    assert claim_id(key) == claim_id(("TRANSFER", "PRK", "RUS", "ammunition", "affirmed"))
    assert claim_id(key).startswith("c") and len(claim_id(key)) == 13
    others = [("TRANSFER", "PRK", "RUS", "ammunition", "negated"), ("TRANSFER", "RUS", "PRK", "ammunition", "affirmed"),
              ("TRANSFER", "PRK", "RUS", None, "affirmed"), ("PLEDGE", "PRK", "RUS", "ammunition", "affirmed")]
    assert len({claim_id(key), *map(claim_id, others)}) == 5
    (claim,) = aggregate([rec(mention(), "a1")])
    assert claim.id == claim_id(key)


def test_claims_denial_links_to_transfer_pledge_and_deal_of_the_same_pair():
    records = [
        rec(mention("TRANSFER"), "a1"),
        rec(mention("PLEDGE", item="missiles"), "a2"),
        rec(mention("CONSIDER"), "a3"),
        rec(mention("TRANSFER", "IRN", "RUS", item="drones"), "a4"),
        rec(mention("DENIAL", item="weapons", claimant="PRK", actors=["PRK", "RUS"]), "a5"),
    ]
    claims = by_key(aggregate(records))
    denial = claims[("DENIAL", "PRK", "RUS", "weapons", "affirmed")]
    assert denial.actors == ["PRK", "RUS"]
    assert claims[("TRANSFER", "PRK", "RUS", "ammunition", "affirmed")].denials == [denial.id]
    assert claims[("PLEDGE", "PRK", "RUS", "missiles", "affirmed")].denials == [denial.id]
    assert claims[("CONSIDER", "PRK", "RUS", "ammunition", "affirmed")].denials == []  # not a supply claim
    assert claims[("TRANSFER", "IRN", "RUS", "drones", "affirmed")].denials == []  # another pair
    assert denial.denials == []


def test_claims_negated_twin_answers_the_affirmed_claim():
    records = [
        rec(mention("TRANSFER", "CHN", "RUS", item="weapons"), "a1"),
        rec(mention("TRANSFER", "CHN", "RUS", item="weapons", polarity="negated", claimant="USA"), "a2"),
        rec(mention("TRANSFER", "CHN", "RUS", item="drones", polarity="negated"), "a3"),
    ]
    claims = by_key(aggregate(records))
    affirmed = claims[("TRANSFER", "CHN", "RUS", "weapons", "affirmed")]
    negated = claims[("TRANSFER", "CHN", "RUS", "weapons", "negated")]
    assert affirmed.denials == [negated.id]
    assert negated.denials == []
    kinds = {(x.claim_id, x.answer_id): x.kind for x in links(claims.values())}
    assert kinds == {(affirmed.id, negated.id): "negation"}


def test_claims_aggregate_is_independent_of_input_order():
    records = [rec(mention(item=i, claimant=c), f"a{n}", f"s{n % 2}", f"2024-0{n + 1}-01")
               for n, (i, c) in enumerate([("drones", "USA"), ("drones", "UKR"), ("ammunition", "KOR")])]
    forward = [c.to_dict() for c in aggregate(records)]
    backward = [c.to_dict() for c in aggregate(reversed(records))]
    assert forward == backward
