"""Type and mood end to end (invented sentences, two or more wordings per construction): "given that" and
"provided that" give nothing, "gave its approval" gives no arms, an ability stated in the past is a transfer, a
worry about a named state sending is hypothetical, a denied report's content is coded only with a named accuser,
and a halt asked for is no event."""
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
    "Poland sent more howitzers to Ukraine last week, given that Russia has stepped up its attacks in the east.",
    "Poland sent more howitzers to Ukraine last week, provided that Germany would refill its stocks.",
])
def test_participle_conjunction_gives_nothing(run, text):
    ms = run(text)
    _has(ms, ("TRANSFER", "POL", "UKR", "affirmed"))
    assert all(m.trigger in ("sent",) for m in ms), [(m.key(), m.trigger) for m in ms]


@pytest.mark.parametrize("text", [
    "Washington has given its approval for the transfer of F-16 jets to Ukraine from Norway.",
    "The United States gave the green light for Norway to hand over its F-16 jets to Ukraine.",
])
def test_approval_given_is_no_transfer_by_the_approver(run, text):
    _lacks(run(text), ("TRANSFER", "USA", "UKR", "affirmed"))


@pytest.mark.parametrize("text", [
    "Despite the delays, Germany was able to deliver 40 howitzers to Ukraine by the end of May.",
    "Sweden had been able to ship the first armoured vehicles to Ukraine before the winter.",
])
def test_past_ability_is_a_transfer(run, text):
    ms = run(text)
    assert any(m.type == "TRANSFER" and m.recipient == "UKR" and m.polarity == "affirmed" for m in ms), \
        [m.key() for m in ms]
    _lacks(ms, *[("PLEDGE", m.supplier, "UKR", "affirmed") for m in ms])


@pytest.mark.parametrize("text", [
    "Officials in Seoul said they were worried about North Korea sending more artillery shells to Russia.",
    "The White House said it was worried about North Korea sending additional missiles to Russia.",
])
def test_worry_about_a_named_state_sending_is_hypothetical(run, text):
    ms = run(text)
    assert not any(m.type == "TRANSFER" and m.recipient == "RUS" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "Tehran on Monday dismissed reports claiming that Iran had shipped ballistic missiles to Russia.",
    "Iran has repeatedly denied claims that it has sold drones to Russia.",
])
def test_denied_report_without_accuser_is_only_a_denial(run, text):
    ms = run(text)
    _has(ms, ("DENIAL", "IRN", "RUS", "affirmed"))
    _lacks(ms, ("TRANSFER", "IRN", "RUS", "affirmed"))


@pytest.mark.parametrize("text", [
    "Minsk rejected claims by Kyiv that Belarus had sent artillery shells to Russia.",
    "Minsk rejected Ukraine's claims that Belarus had sent artillery shells to Russia.",
])
def test_denied_claim_with_named_accuser_keeps_its_content(run, text):
    ms = run(text)
    _has(ms, ("DENIAL", "BLR", "RUS", "affirmed"), ("TRANSFER", "BLR", "RUS", "affirmed"))


@pytest.mark.parametrize("text", [
    "Cairo asked Washington to help it freeze any arms deal between Ankara and Addis Ababa.",
    "The EU foreign policy chief called on the United States to reduce its arms shipments to Israel.",
])
def test_halt_asked_for_is_no_event(run, text):
    ms = run(text)
    assert not any(m.type in ("DEAL", "REQUEST", "SANCTION") for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text, seller, buyer", [
    ("Earlier this month, Poland said it would buy 48 attack helicopters from Italy.", "ITA", "POL"),
    ("Egypt's defence ministry said on Sunday that Egypt would purchase two frigates from France.", "FRA", "EGY"),
])
def test_buyer_saying_it_would_buy_is_a_deal(run, text, seller, buyer):
    ms = run(text)
    _has(ms, ("DEAL", seller, buyer, "affirmed"))
    _lacks(ms, ("CONSIDER", seller, buyer, "affirmed"))


def test_third_party_saying_a_state_would_buy_stays_a_consideration(run):
    _lacks(run("Analysts said Egypt would buy two frigates from France."), ("DEAL", "FRA", "EGY", "affirmed"))


@pytest.mark.parametrize("text, supplier", [
    ("Germany has delivered promised Leopard battle tanks to Ukraine, the chancellor said.", "DEU"),
    ("Norway has handed over promised air defence systems to Ukraine.", "NOR"),
])
def test_delivered_promise_is_a_transfer_only(run, text, supplier):
    ms = run(text)
    _has(ms, ("TRANSFER", supplier, "UKR", "affirmed"))
    _lacks(ms, ("PLEDGE", supplier, "UKR", "affirmed"))


@pytest.mark.parametrize("text", [
    "A leaked memo says the Egyptian president ordered 30,000 rockets to be produced and secretly shipped to Russia.",
    "Kim Jong Un instructed officials to ship more artillery shells to Russia, the report said.",
])
def test_commanded_supply_is_no_delivery_or_purchase(run, text):
    ms = run(text)
    assert not any(m.type in ("TRANSFER", "DEAL") for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "Zelensky warned China not to give any military support to Russia.",
    "Washington cautioned Seoul against sending artillery shells to Ukraine.",
])
def test_supply_warned_against_is_not_coded(run, text):
    assert not run(text), [m.key() for m in run(text)]


@pytest.mark.parametrize("text", [
    "Poland has bought K2 tanks from South Korea. The deliveries are scheduled from 2026 to 2028.",
    "Poland has bought K2 tanks from South Korea. Deliveries are planned for 2027.",
])
def test_scheduled_deliveries_are_a_pledge(run, text):
    ms = run(text)
    _has(ms, ("PLEDGE", "KOR", "POL", "affirmed"))
    _lacks(ms, ("CONSIDER", "KOR", "POL", "affirmed"))


@pytest.mark.parametrize("text", [
    "China's ambassador said the US arms sales to Taiwan will undermine mutual trust between the two sides.",
    "Beijing said the American weapons transfer to Taiwan will damage relations across the strait.",
])
def test_future_consequence_of_a_sale_is_no_pledge(run, text):
    ms = run(text)
    assert not any(m.type == "PLEDGE" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "A State Department spokeswoman said the arms sales to Taiwan have yet to get congressional approval.",
    "Officials said the weapons transfer to Taiwan has yet to win the backing of Congress.",
])
def test_yet_to_over_approval_is_no_denial(run, text):
    ms = run(text)
    assert not any(m.type == "DENIAL" or m.polarity == "negated" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "In March, the president had requested a national defence budget of $800bn from Congress.",
    "The defence minister requested a larger military budget from parliament.",
])
def test_request_for_a_budget_is_no_arms_request(run, text):
    ms = run(text)
    assert not any(m.type == "REQUEST" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "The White House announced new sanctions on technology exports to the Wagner Group.",
    "Germany has imposed a ban on arms exports to Saudi Arabia.",
])
def test_supply_targeted_by_a_measure_is_no_transfer(run, text):
    ms = run(text)
    assert not any(m.type == "TRANSFER" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    ("The administration is willing to send ATACMS missiles to Ukraine if the aid package passed by the Senate "
     "becomes law."),
    "Norway is ready to ship more air defence systems to Ukraine if parliament approves the funding.",
])
def test_consideration_under_a_condition_is_coded(run, text):
    ms = run(text)
    assert any(m.type == "CONSIDER" and m.recipient == "UKR" for m in ms), [m.key() for m in ms]
    assert not any(m.type == "TRANSFER" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Mali's ruling junta on Monday announced the delivery of two more combat helicopters from Russia.",
     "RUS", "MLI"),
    ("Serbia's defence ministry announced the delivery of six Rafale fighter jets from France.", "FRA", "SRB"),
])
def test_delivery_announced_by_the_receiver_is_a_transfer(run, text, supplier, recipient):
    ms = run(text)
    _has(ms, ("TRANSFER", supplier, recipient, "affirmed"))
    _lacks(ms, ("PLEDGE", supplier, recipient, "affirmed"))


def test_delivery_announced_by_the_supplier_stays_a_pledge(run):
    _has(run("France announced the delivery of six Rafale jets to Serbia."), ("PLEDGE", "FRA", "SRB", "affirmed"))


@pytest.mark.parametrize("text", [
    ("The Netherlands will give F-16 jets to Ukraine. The delivery of the first batch of jets is due around the "
     "New Year."),
    ("Norway will send air defence systems to Ukraine. The shipment of the first consignment of launchers is due "
     "in spring."),
])
def test_scheduled_delivery_of_a_batch_is_no_transfer(run, text):
    ms = run(text)
    assert not any(m.type == "TRANSFER" for m in ms), [m.key() for m in ms]


@pytest.mark.parametrize("text", [
    "Kim Jong Un plans to travel to Russia for a rare meeting with Vladimir Putin to discuss arming Moscow.",
    "Iranian and Russian officials met in Tehran to discuss supplying drones to Russia, the report said.",
])
def test_supply_discussed_in_a_meeting_is_a_deal(run, text):
    ms = run(text)
    assert any(m.type == "DEAL" and m.recipient == "RUS" for m in ms), [m.key() for m in ms]


def test_possibility_discussed_stays_a_consideration(run):
    ms = run("The administration is discussing the possibility of providing Ukraine with long-range missiles.")
    _has(ms, ("CONSIDER", "USA", "UKR", "affirmed"))


@pytest.mark.parametrize("text", [
    ("EU states had pledged to send Ukraine one million shells by March, but they were unable, because of a lack "
     "of production capacity, to deliver them."),
    "Germany promised to supply Ukraine with shells, but it was unable, due to shortages, to deliver them.",
])
def test_interrupted_inability_negates_the_delivery(run, text):
    ms = run(text)
    assert any(m.type == "TRANSFER" and m.polarity == "negated" for m in ms), [m.key() for m in ms]
    assert not any(m.type == "TRANSFER" and m.polarity == "affirmed" for m in ms), [m.key() for m in ms]
