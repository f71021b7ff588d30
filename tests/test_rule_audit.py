"""Entries the rule audit (docs/rule-audit.md) kept although no real gold passage needs them: each earns its place
with two invented wordings of its construction."""
from __future__ import annotations

import pytest
from conftest_extract import keys, runner


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)


@pytest.mark.parametrize("text, key", [
    # ellipsis do-same: "did / has done the same" copies the previous event with the new supplier
    ("Britain supplied Storm Shadow missiles to Kyiv. Days later, France did the same.",
     ("TRANSFER", "FRA", "UKR", "affirmed")),
    ("Germany sent howitzers to Ukraine in May. Belgium has since done the same.",
     ("TRANSFER", "BEL", "UKR", "affirmed")),
    # ellipsis join-efforts
    ("Sweden has delivered artillery shells to Ukraine. Norway has now joined the efforts.",
     ("TRANSFER", "NOR", "UKR", "affirmed")),
    ("The Netherlands is sending F-16 jets to Ukraine, and Denmark has joined the effort.",
     ("TRANSFER", "DNK", "UKR", "affirmed")),
    # ellipsis consider-possibility / weigh-option: a consideration of the same supply
    ("Germany is sending tanks to Ukraine. Canada is considering the possibility.",
     ("CONSIDER", "CAN", "UKR", "affirmed")),
    ("Poland delivered MiG jets to Ukraine, and Slovakia is considering that possibility too.",
     ("CONSIDER", "SVK", "UKR", "affirmed")),
    ("Poland delivered MiG jets to Ukraine. Slovakia is weighing the option.",
     ("CONSIDER", "SVK", "UKR", "affirmed")),
    ("Spain shipped anti-aircraft guns to Ukraine. Portugal is weighing a similar option.",
     ("CONSIDER", "PRT", "UKR", "affirmed")),
])
def test_rule_audit_elliptic_continuations(run, text, key):
    assert key in keys(run(text))


@pytest.mark.parametrize("text", [
    "Austria agreed to supply armoured vehicles to Moldova after initially refusing.",
    "Greece has pledged to send artillery to Ukraine after long refusing.",
])
def test_rule_audit_previous_refusal_is_a_negated_pledge(run, text):
    got = keys(run(text))
    assert any(k[0] == "PLEDGE" and k[3] == "negated" for k in got)
    assert any(k[0] == "PLEDGE" and k[3] == "affirmed" for k in got)


@pytest.mark.parametrize("text, pair", [
    ("Russia and Iran have exchanged drones and fighter jets.", ("RUS", "IRN")),
    ("North Korea and Russia traded artillery shells for oil.", ("PRK", "RUS")),
])
def test_rule_audit_an_exchange_is_a_transfer_both_ways(run, text, pair):
    got = keys(run(text))
    a, b = pair
    assert ("TRANSFER", a, b, "affirmed") in got and ("TRANSFER", b, a, "affirmed") in got


@pytest.mark.parametrize("text, key", [
    ("The EU imposed restrictive measures on Belarus over its support for Russia.",
     ("SANCTION", "org:eu", "BLR", "affirmed")),
    ("Britain adopted restrictive measures against Iran over its drone deliveries to Moscow.",
     ("SANCTION", "GBR", "IRN", "affirmed")),
])
def test_rule_audit_restrictive_measures_are_a_sanction(run, text, key):
    assert key in keys(run(text))


@pytest.mark.parametrize("text, outsider", [
    (("The foreign minister of Hungary criticised the plan on Monday. Washington has shipped more artillery shells, "
      "officials said."), "HUN"),
    ("The president of France visited Kyiv on Tuesday. Air-defence systems were delivered days later.", "FRA"),
])
def test_rule_audit_an_of_phrase_names_no_unstated_endpoint(run, text, outsider):
    """"the foreign minister of X", "the president of X": an actor after "of" owns a title or a place, and is no
    party a later supply sentence borrows (participant_preps has no "of")."""
    assert not any(outsider in (k[1], k[2]) for k in keys(run(text)))


@pytest.mark.parametrize("text, key", [
    ("The United States announced the sale of Patriot missiles to Egypt.", ("DEAL", "USA", "EGY", "affirmed")),
    ("France has announced the sale of 24 Rafale jets to Serbia.", ("DEAL", "FRA", "SRB", "affirmed")),
])
def test_rule_audit_announced_sale_is_a_deal_of_the_announcer(run, text, key):
    """frames_wrapped_noun_supplier (the announcer of a supply noun supplies) and deal_approvers: announce (an
    announced sale is a deal)."""
    assert key in keys(run(text))


@pytest.mark.parametrize("text, key", [
    ("Kyiv said Minsk had sent shells to Russia. Belarus denied the statement.", ("DENIAL", "BLR", "RUS", "affirmed")),
    ("Washington said Tehran shipped missiles to Moscow, but Iran rejected the statement on Monday.",
     ("DENIAL", "IRN", "RUS", "affirmed")),
])
def test_rule_audit_denying_a_statement_denies_its_claim(run, text, key):
    assert key in keys(run(text))


@pytest.mark.parametrize("text, key", [
    ("Indian Prime Minister Narendra Modi said Russia would continue to supply arms to his country.",
     ("PLEDGE", "RUS", "IND", "affirmed")),
    ("The Serbian president said China had delivered air-defence systems to his country.",
     ("TRANSFER", "CHN", "SRB", "affirmed")),
])
def test_rule_audit_his_country_is_the_speakers_state(run, text, key):
    assert key in keys(run(text))
