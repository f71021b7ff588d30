"""Mood, type and denials end to end (invented sentences, two or more wordings per construction): approvals of a
sale are deals, a decision still to be taken is a consideration, a supplier rejecting an intention denies it, a
conjunct with its own auxiliary keeps its own negation, denials by an office holder or in a participle on the
claim, and "arms dealings" denied."""
from __future__ import annotations

import pytest
from conftest_extract import keys, runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)


def _has(mentions, *wanted):
    got = keys(mentions)
    missing = [w for w in wanted if w not in got]
    assert not missing, f"missing {missing}; got {sorted(got)}"


def _lacks(mentions, *unwanted):
    got = keys(mentions)
    present = [w for w in unwanted if w in got]
    assert not present, f"unexpected {present}; got {sorted(got)}"


@pytest.mark.parametrize("text", [
    "The State Department has authorised an arms sale package worth $600 million to Taiwan.",
    "Washington approved a weapons sale package of $2 billion for Taiwan on Friday.",
])
def test_approved_sale_package_is_a_deal(run, text):
    ms = run(text)
    _has(ms, ("DEAL", "USA", "TWN", "affirmed"))
    _lacks(ms, ("PLEDGE", "USA", "TWN", "affirmed"))


@pytest.mark.parametrize("text, supplier, recipient", [
    ("French President Emmanuel Macron is expected to make a decision soon on sending fighter jets to Ukraine.",
     "FRA", "UKR"),
    ("Spain will take a final decision next week about delivering air defence systems to Ukraine.", "ESP", "UKR"),
])
def test_decision_on_sending_is_a_consideration(run, text, supplier, recipient):
    ms = run(text)
    _has(ms, ("CONSIDER", supplier, recipient, "affirmed"))
    _lacks(ms, ("PLEDGE", supplier, recipient, "affirmed"))


@pytest.mark.parametrize("text, denier, recipient", [
    ("India's foreign ministry said the country was not considering selling missiles to Armenia.", "IND", "ARM"),
    ("The Turkish government said on Monday that Turkey is not considering supplying drones to Russia.",
     "TUR", "RUS"),
])
def test_rejected_intention_is_a_denial(run, text, denier, recipient):
    ms = run(text)
    _has(ms, ("DENIAL", denier, recipient, "affirmed"))


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Austria has not sold weapons to Ukraine and will not sell any, Chancellor Karl Nehammer said.", "AUT",
     "UKR"),
    ("Brazil's defence minister said Brazil has not exported tanks to Russia and will not export them.", "BRA",
     "RUS"),
])
def test_conjunct_with_its_own_auxiliary_keeps_its_own_negation(run, text, supplier, recipient):
    ms = run(text)
    _has(ms, ("PLEDGE", supplier, recipient, "negated"))


@pytest.mark.parametrize("text", [
    "The minister denied that Iran has been sending drones to Russia since the war began.",
    "The spokesman denied that Iran had shipped missiles to Russia last year.",
])
def test_office_holder_denies_for_the_state_whose_supply_is_denied(run, text):
    _has(run(text), ("DENIAL", "IRN", "RUS", "affirmed"))


@pytest.mark.parametrize("text", [
    ("Washington said that Belarus is secretly sending tank shells to Russia, a claim rejected by Belarusian "
     "officials on Monday."),
    ("Kyiv has said that Belarus supplied ammunition to Russia, an accusation denied by Minsk in a statement."),
])
def test_claim_denied_in_a_participle_by_the_accused(run, text):
    _has(run(text), ("DENIAL", "BLR", "RUS", "affirmed"))


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Iran said it has never had arms dealings with the Houthis.", "IRN", "org:houthis"),
    ("Belarus says it has never had any arms dealings with Armenia, its foreign ministry said.", "BLR", "ARM"),
])
def test_arms_dealings_denied_by_a_party(run, text, supplier, recipient):
    _has(run(text), ("DENIAL", supplier, recipient, "affirmed"))


@pytest.mark.parametrize("text, supplier, recipient", [
    (("Norway approved arms exports to Ukraine in May. The delivery of the howitzers was halted in July after a "
     "court ruling."), "NOR", "UKR"),
    (("Canada sold armoured vehicles to Colombia last year. The shipment of the remaining vehicles was suspended "
     "in April."), "CAN", "COL"),
])
def test_halted_supply_takes_the_supply_endpoints(run, text, supplier, recipient):
    _has(run(text), ("SANCTION", supplier, recipient, "affirmed"))


@pytest.mark.parametrize("text, denier, recipient", [
    (("Reports of Iran transferring drones to Sudan are pure propaganda, Iranian foreign minister Ali Ahmadi said "
     "on Friday."), "IRN", "SDN"),
    (("Claims of Belarus supplying tanks to Russia are baseless, Belarusian defence minister Viktor Petrov "
     "insisted."), "BLR", "RUS"),
])
def test_claim_called_false_is_the_speakers_denial(run, text, denier, recipient):
    ms = run(text)
    _has(ms, ("DENIAL", denier, recipient, "affirmed"))
    _lacks(ms, ("TRANSFER", denier, recipient, "affirmed"))


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Italy did not want to send its air defence systems to Ukraine, Prime Minister Giorgia Meloni said.", "ITA",
     "UKR"),
    ("Austria is not willing to supply tanks to Ukraine, Chancellor Karl Nehammer said on Monday.", "AUT", "UKR"),
])
def test_negated_wish_to_supply_is_a_refusal(run, text, supplier, recipient):
    ms = run(text)
    _has(ms, ("PLEDGE", supplier, recipient, "negated"))
    _lacks(ms, ("DENIAL", supplier, recipient, "affirmed"))
