"""Passage-level resolution and the rarer constructions: ellipsis, anaphora, exchanges, origins, quoted denials."""
from __future__ import annotations

import pytest
from conftest_extract import keys, only, runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)


def test_extract_passage_follow_suit_copies_the_previous_event(run):
    text = "France has pledged to send Scalp missiles to Ukraine. Italy is now considering following suit."
    got = keys(run(text))
    assert ("PLEDGE", "FRA", "UKR", "affirmed") in got
    assert ("CONSIDER", "ITA", "UKR", "affirmed") in got


def test_extract_passage_pronoun_refers_to_earlier_actor(run):
    text = "Iran has long backed the Houthis. It began shipping rockets to the group in 2015."
    m = only(run(text), "TRANSFER", "IRN", "org:houthis")
    assert m.time is not None and m.time.start == "2015-01-01"


def test_extract_passage_description_refers_back(run):
    text = "The US Treasury blacklisted an Iranian electronics company. The firm had shipped servomotors to Russia."
    got = keys(run(text))
    assert ("TRANSFER", "IRN", "RUS", "affirmed") in got
    assert not any(k[1] == "USA" and k[0] == "TRANSFER" for k in got)


def test_extract_passage_unidentified_party_is_not_coded(run):
    text = "Germany has pledged air defence systems to Ukraine. Ukraine's allies are debating whether to send jets."
    got = keys(run(text))
    assert ("PLEDGE", "DEU", "UKR", "affirmed") in got
    assert not any(k[0] == "CONSIDER" for k in got)


def test_extract_passage_carrier_is_not_the_supplier(run):
    got = keys(run("Russian cargo planes delivered Iranian-made drones to Russian bases in May."))
    assert got == {("TRANSFER", "IRN", "RUS", "affirmed")}


def test_extract_passage_exchange_counts_both_directions(run):
    got = keys(run("Russia supplied fighter jets to Iran in exchange for attack drones."))
    assert {("TRANSFER", "RUS", "IRN", "affirmed"), ("TRANSFER", "IRN", "RUS", "affirmed")} <= got


def test_extract_passage_hyphenated_supplier(run):
    m = only(run("IRGC-supplied rockets have reached the Houthis, the panel said."), "TRANSFER", "IRN", "org:houthis")
    assert m.item_category == "missiles"


def test_extract_passage_arrivals_from_several_suppliers(run):
    got = keys(run("Leopard tanks from Spain, Portugal and Norway have arrived in Ukraine."))
    assert {("TRANSFER", s, "UKR", "affirmed") for s in ("ESP", "PRT", "NOR")} <= got


def test_extract_passage_admission_claimant_is_the_supplier(run):
    m = only(run("Iran admitted that it had sent a small number of drones to Russia."), "TRANSFER", "IRN", "RUS")
    assert m.claimant == "IRN"


def test_extract_passage_supplier_announcing_future_supply_is_a_pledge(run):
    assert ("PLEDGE", "GBR", "UKR", "affirmed") in keys(run("Britain said it would send Challenger tanks to Ukraine."))
    assert ("CONSIDER", "IRN", "RUS", "affirmed") in keys(
        run("Officials said Tehran would soon transfer ballistic missiles to Moscow."))


def test_extract_passage_quoted_denial_by_the_supplier(run):
    text = '"We have never supplied weapons to Russia," the Chinese foreign ministry spokesman said.'
    m = only(run(text), "DENIAL", "CHN", "RUS")
    assert m.actors == ["CHN"] and m.claimant == "CHN"
    assert not any(x.type == "TRANSFER" for x in run(text))


def test_extract_passage_denial_of_an_earlier_accusation(run):
    text = "US officials said Iran had sent drones to Russia. Tehran rejected the accusation."
    got = run(text)
    assert only(got, "TRANSFER", "IRN", "RUS").claimant == "USA"
    assert only(got, "DENIAL", "IRN", "RUS").actors == ["IRN"]


def test_extract_passage_sanctions_on_several_nationalities(run):
    got = keys(run("The EU imposed sanctions on Russian and Iranian entities involved in drone production."))
    assert {("SANCTION", "org:eu", "RUS", "affirmed"), ("SANCTION", "org:eu", "IRN", "affirmed")} <= got


def test_extract_passage_take_delivery_and_buying_in_progress(run):
    assert ("TRANSFER", "IRN", "SDN", "affirmed") in keys(
        run("Sudan's army has taken delivery of an arms shipment from Iran."))
    assert ("DEAL", "FRA", "EGY", "affirmed") in keys(run("Egypt is buying Rafale jets from France."))


@pytest.mark.parametrize("text", [
    "Several governments promised to join the shell-buying scheme and wired the money.",
    "The Chinese president promised his Russian counterpart closer economic ties.",
    "The plant ramped up drone production by 60 percent this year.",
    "Pyongyang test-fired a cruise missile over the Yellow Sea on Sunday.",
])
def test_extract_passage_hard_negatives_stay_empty(run, text):
    assert run(text) == []


def test_extract_passage_dateline_place_is_not_a_party(run):
    got = keys(run("SEOUL, South Korea (Newswire) — North Korea has shipped rockets to Russia, officials said."))
    assert got == {("TRANSFER", "PRK", "RUS", "affirmed")}


def test_extract_passage_unnamed_partners_are_not_borrowed(run):
    text = "Iran has sent drones to Russia. Ukraine has asked its partners for more air defence systems."
    assert not any(m.type == "REQUEST" for m in run(text))


def test_extract_passage_possessor_of_supplier_is_the_recipient(run):
    m = only(run("India has become Armenia's largest arms supplier."), "TRANSFER", "IND", "ARM")
    assert m.item_category == "weapons"


def test_extract_passage_joint_denial_picks_the_claim_between_deniers(run):
    text = ("Officials said Iran had sent drones to the Houthis. They also said North Korea sold shells to Russia. "
            "Both Pyongyang and Moscow rejected the claims.")
    denial = [m for m in run(text) if m.type == "DENIAL"]
    assert [(m.supplier, m.recipient) for m in denial] == [("PRK", "RUS")]


def test_extract_passage_target_condemning_sanctions_is_not_the_imposer(run):
    text = "Washington imposed sanctions on Iranian drone makers. Iran's foreign ministry condemned the sanctions."
    got = keys(run(text))
    assert ("SANCTION", "USA", "IRN", "affirmed") in got
    assert not any(k[0] == "SANCTION" and k[1] == "IRN" for k in got)
