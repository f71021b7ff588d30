"""Extraction engine on invented news sentences: one test family per rule family of extraction/data/triggers.yaml."""
from __future__ import annotations

import pytest
from conftest_extract import keys, only, runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)

TRANSFER_IRN_RUS = ("TRANSFER", "IRN", "RUS", "affirmed")


# -- TRANSFER: active, passive, nominal, recipient-subject, dependency ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Iran sent drones to Russia last autumn.",
    "Drones were sent to Russia by Iran last autumn.",
    "Russia received drones from Iran last autumn.",
    "Iran's supply of drones to Russia has grown since the spring.",
    "Russia is dependent on Iran for drones.",
    "Tehran has been shipping Shahed drones to Moscow for months.",
    "Iran provided Russia with hundreds of attack drones.",
])
def test_extract_transfer_forms_give_one_direction(run, text):
    mentions = run(text)
    assert TRANSFER_IRN_RUS in keys(mentions)
    assert all(m.key()[1:3] != ("RUS", "IRN") for m in mentions)


def test_extract_transfer_item_category_and_evidence_offsets(run):
    text = "Officials met on Monday. Belarus handed over 40 T-72 tanks to Russia in May."
    m = only(run(text), "TRANSFER", "BLR", "RUS")
    assert m.item_category == "armoured-vehicles"
    assert text[m.evidence_start:m.evidence_end] == m.evidence
    assert m.evidence.startswith("Belarus handed over")
    assert m.rule and m.trigger and text[m.trigger_start:].startswith(m.trigger)


def test_extract_coordination_gives_one_mention_per_pair(run):
    text = "Germany and the Netherlands delivered howitzers to Ukraine, Moldova and Georgia."
    got = {k for k in keys(run(text)) if k[0] == "TRANSFER"}
    expected = {("TRANSFER", s, r, "affirmed") for s in ("DEU", "NLD") for r in ("UKR", "MDA", "GEO")}
    assert expected <= got


def test_extract_origin_adjective_is_not_the_supplier(run):
    mentions = run("Russia transferred Iranian-made drones to Belarus.")
    assert ("TRANSFER", "RUS", "BLR", "affirmed") in keys(mentions)
    assert not any(m.supplier == "IRN" for m in mentions)


def test_extract_non_arms_objects_are_not_transfers(run):
    assert run("Putin sent his defence minister to Pyongyang for the parade.") == []
    assert run("Russia sent food and fuel to North Korea.") == []


# -- negation and hypotheticals ------------------------------------------------------------------------------------
def test_extract_negated_transfer_by_third_party(run):
    text = "British officials said they did not think Beijing had shipped arms to Moscow."
    m = only(run(text), "TRANSFER", "CHN", "RUS", "negated")
    assert m.claimant == "GBR"


def test_extract_no_evidence_gives_negated_transfer(run):
    m = only(run("Kyiv has found no evidence that Beijing is sending artillery shells to Moscow."),
             "TRANSFER", "CHN", "RUS", "negated")
    assert m.claimant == "UKR"


def test_extract_not_implicated_is_not_a_negated_transfer(run):
    mentions = run("London has not formally implicated Beijing in shipping rifles to Moscow.")
    assert ("TRANSFER", "CHN", "RUS", "negated") not in keys(mentions)


@pytest.mark.parametrize("text", [
    "Tehran could ship cruise missiles to Moscow.",
    "Analysts warned that North Korea may send more shells to Russia.",
    "Europe is concerned that China might provide drones to Russia.",
    "The ministry warned it would respond if Seoul supplies weapons to Ukraine.",
    "Any handover of rockets to Moscow would be a grave step, the spokesman said.",
    "Paris does not intend to unveil a delivery of howitzers to Kyiv this month.",
])
def test_extract_hypotheticals_are_not_coded(run, text):
    assert run(text) == []


@pytest.mark.parametrize("text", [
    "Russia has been using North Korean missiles against Ukrainian cities.",
    "Iranian-made drones were used by Russia in the night attack.",
])
def test_extract_battlefield_use_is_not_a_transfer(run, text):
    assert run(text) == []


# -- the other event types -----------------------------------------------------------------------------------------
def test_extract_pledge_and_refusal(run):
    assert ("PLEDGE", "ESP", "UKR", "affirmed") in keys(run("Spain pledged to give Ukraine six Leopard tanks."))
    assert ("PLEDGE", "DEU", "UKR", "negated") in keys(run("Germany has refused to provide Taurus missiles to Ukraine."))
    assert ("PLEDGE", "GBR", "UKR", "affirmed") in keys(run("Britain will supply Ukraine with more air defence missiles."))


def test_extract_consider(run):
    m = only(run("The Pentagon is weighing sending cluster munitions to Ukraine, officials said."),
             "CONSIDER", "USA", "UKR")
    assert m.item_category == "ammunition"


def test_extract_request_supplier_is_the_asked_party(run):
    text = "Zelensky urged Germany and France to send more air defence systems."
    got = keys(run(text))
    assert {("REQUEST", "DEU", "UKR", "affirmed"), ("REQUEST", "FRA", "UKR", "affirmed")} <= got


def test_extract_request_by_someone_else_is_not_coded(run):
    assert not any(m.type == "REQUEST" for m in run(
        "Republican senators urged Biden to send long-range missiles to Ukraine."))


def test_extract_deal(run):
    got = keys(run("Indonesia signed an agreement to buy helicopters from Russia, the defence ministry said."))
    assert ("DEAL", "RUS", "IDN", "affirmed") in got


def test_extract_denial_lists_the_deniers(run):
    m = only(run("Iran denied sending drones to Russia."), "DENIAL", "IRN", "RUS")
    assert m.actors == ["IRN"]
    assert m.claimant == "author"


def test_extract_denial_of_a_claim_named_elsewhere(run):
    text = "Moscow and Pyongyang have both rejected the allegations about the shells."
    m = [x for x in run(text) if x.type == "DENIAL"]
    assert m and set(m[0].actors) == {"RUS", "PRK"}


def test_extract_sanctions_one_mention_per_target(run):
    text = "The US Treasury imposed sanctions on companies from China and Iran that supplied drone parts to Russia."
    got = keys(run(text))
    assert {("SANCTION", "USA", "CHN", "affirmed"), ("SANCTION", "USA", "IRN", "affirmed")} <= got


def test_extract_supplier_pausing_deliveries_is_a_sanction(run):
    m = only(run("Washington paused a consignment of heavy bombs to Israel in May."), "SANCTION", "USA", "ISR")
    assert m.item_category == "ammunition"


# -- claimants -----------------------------------------------------------------------------------------------------
def test_extract_claimant_same_sentence_reporting_verb(run):
    m = only(run("The Kremlin said Belarus had delivered ammunition to Russia."), "TRANSFER", "BLR", "RUS")
    assert m.claimant == "RUS"


def test_extract_claimant_according_to(run):
    m = only(run("Belarus is shipping shells to Russia, according to the Pentagon."), "TRANSFER", "BLR", "RUS")
    assert m.claimant == "USA"
    assert m.claimant_text == "the Pentagon"


def test_extract_claimant_headline_says(run):
    m = only(run("Tehran handed cruise missiles to Moscow, US says"), "TRANSFER", "IRN", "RUS")
    assert m.claimant == "USA"


def test_extract_claimant_in_following_sentence(run):
    text = "Denmark has sent its last F-16 jets to Ukraine.\nThe Ukrainian defence minister announced this on Sunday."
    assert only(run(text), "TRANSFER", "DNK", "UKR").claimant == "UKR"


def test_extract_claimant_media_is_other_and_plain_narration_is_author(run):
    m = only(run("Belarus shipped tanks to Russia, the newspaper reported."), "TRANSFER", "BLR", "RUS")
    assert m.claimant == "other"
    assert only(run("Belarus shipped tanks to Russia in March."), "TRANSFER", "BLR", "RUS").claimant == "author"


# -- actors: metonyms and passage-level resolution -----------------------------------------------------------------
def test_extract_metonyms_map_to_states(run):
    got = keys(run("The Kremlin asked Pyongyang to sell more shells to Moscow, Washington said."))
    assert ("REQUEST", "PRK", "RUS", "affirmed") in got


def test_extract_elided_recipient_taken_from_the_passage(run):
    text = "The US has shipped a million shells to Ukraine. Britain has sent rounds as well."
    got = keys(run(text))
    assert {("TRANSFER", "USA", "UKR", "affirmed"), ("TRANSFER", "GBR", "UKR", "affirmed")} <= got


# -- time ----------------------------------------------------------------------------------------------------------
def test_extract_time_is_resolved_against_publication_date(run):
    m = only(run("Iran delivered drones to Russia in March.", published="2023-09-10"), "TRANSFER", "IRN", "RUS")
    assert m.time is not None and (m.time.start, m.time.end) == ("2023-03-01", "2023-03-31")
    assert only(run("Iran delivered drones to Russia."), "TRANSFER", "IRN", "RUS").time is None


# -- the seed story, in our own words ------------------------------------------------------------------------------
def test_extract_seed_story_paraphrase(run):
    text = (
        "A Russian envoy asked Pyongyang to sell additional artillery ammunition to Moscow, US says\n"
        "American officials said they do not believe Beijing has provided weapons to Moscow so far. "
        "Both Pyongyang and the Kremlin have denied the claims about arms deals."
    )
    mentions = run(text)
    req = only(mentions, "REQUEST", "PRK", "RUS")
    assert req.item_category == "ammunition" and req.claimant == "USA"
    neg = only(mentions, "TRANSFER", "CHN", "RUS", "negated")
    assert neg.claimant == "USA"
    denial = only(mentions, "DENIAL", "PRK", "RUS")
    assert set(denial.actors) == {"PRK", "RUS"}


# -- API -----------------------------------------------------------------------------------------------------------
def test_extract_many_keeps_row_order_and_explain_gives_paths(nlp):
    from armswatch.extraction.engine import explain, extract_many

    rows = [("Iran sent drones to Russia.", None), ("", None), ("Spain pledged tanks to Ukraine.", "2023-01-01")]
    out = list(extract_many(rows, batch_size=2))
    assert len(out) == 3 and out[1] == []
    assert TRANSFER_IRN_RUS in keys(out[0])
    assert any(m.type == "PLEDGE" for m in out[2])
    info = explain("Iran sent drones to Russia.")
    assert info[0]["rule"].startswith("give.v") and info[0]["trigger"] == "sent"
    assert "sent/ROOT" in info[0]["path"]


def test_extract_many_rows_with_nothing_to_parse_keep_their_place(nlp):
    """Most news has nothing the prefilter selects; those rows skip the parser but still get their (empty) place."""
    from armswatch.extraction.engine import extract, extract_many

    arms = [("Iran sent drones to Russia in May, officials said.", "2024-06-01"),
            ("Germany delivered two IRIS-T systems to Ukraine on Tuesday.", "2024-03-10"),
            ("Spain pledged tanks to Ukraine.", None)]
    news = [("The home side won 2-1 in Madrid after a late goal.", None), ("", None), ("   ", None),
            ("Heavy rain is expected across the north on Monday.", None)]
    rows = [news[0], arms[0], news[1], news[2], arms[1], news[3], news[0], arms[2], news[1]]
    for batch_size in (1, 2, 16):
        out = [[m.to_dict() for m in found] for found in extract_many(rows, batch_size=batch_size)]
        assert out == [[m.to_dict() for m in extract(text, published)] for text, published in rows]
    assert [bool(found) for found in out] == [False, True, False, False, True, False, False, True, False]
    assert out[1][0]["time"]["start"] == "2024-05-01"  # times are set for a batch's docs together


# -- a headline takes the lead sentence's credit for the same key --------------------------------------------------
@pytest.mark.parametrize("text, key, expected", [
    (("Iran Sends Hundreds of Drones to Russia\nIran has sent hundreds of drones to Russia, US officials said on "
     "Monday."), ("TRANSFER", "IRN", "RUS", "affirmed"), "USA"),
    (("World\n\nBelarus Hands More Shells to Moscow\n(AFP)\nBelarus has handed over more artillery shells to Russia, "
     "according to Ukrainian military intelligence."), ("TRANSFER", "BLR", "RUS", "affirmed"), "UKR"),
    # the lead is a party's own statement: the headline states it as a fact
    ("Germany Sends Leopard Tanks to Ukraine\nGermany said on Monday it had sent 18 Leopard tanks to Ukraine.",
     ("TRANSFER", "DEU", "UKR", "affirmed"), "author"),
])
def test_extract_headline_takes_the_leads_credit(run, text, key, expected):
    first = next(m for m in run(text) if m.key() == key)
    assert first.evidence_start < text.rindex("\n")  # the headline's mention comes first
    assert first.claimant == expected


@pytest.mark.parametrize("text, key, expected", [
    (("OSLO — Norway and Denmark announced Monday they will give air defence systems to Ukraine, in a joint "
     "announcement."), ("PLEDGE", "DNK", "UKR", "affirmed"), "DNK"),
    ("ROME — Italy and Greece confirmed Tuesday they will send artillery to Ukraine, in a statement.",
     ("PLEDGE", "GRC", "UKR", "affirmed"), "GRC"),
])
def test_extract_each_listed_speaker_claims_its_own_supply(run, text, key, expected):
    assert next(m for m in run(text) if m.key() == key).claimant == expected
