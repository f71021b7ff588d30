"""Direction from a frame's roles, not from proximity: who sells in a deal signed by a maker, the sides of "a contract
between a maker and a ministry". Hand-built parses (each case in two wordings) plus end-to-end sentences; all
sentences are invented."""
from __future__ import annotations

import pytest
from conftest_extract import keys, runner
from conftest_handparse import parse, token

from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.slots import slot_function


def fill(doc, slot: str, trigger: str) -> list[str]:
    return [r.id for r in slot_function(slot)(token(doc, trigger), ActorIndex(doc))]


def _signed(subject: list[tuple], partner: str, verb: str, lemma: str, noun: str) -> list[tuple]:
    """SUBJECT VERB a NOUN with PARTNER ."""
    n = len(subject)
    return subject + [(verb, n, "ROOT", "VERB", "VBD", lemma), ("a", n + 2, "det", "DET"),
                      (noun, n, "dobj", "NOUN", "NN", noun), ("with", n + 2, "prep", "ADP"),
                      (partner, n + 3, "pobj", "PROPN"), (".", n, "punct", "PUNCT")]


@pytest.mark.parametrize("subject, actors, verb, lemma, noun", [
    # "Lockheed Martin signed a contract with Poland."
    ([("Lockheed", 1, "compound", "PROPN"), ("Martin", 2, "nsubj", "PROPN")],
     {"Lockheed Martin": ("USA", "company"), "Poland": ("POL", "state")}, "signed", "sign", "contract"),
    # "Two Korean firms agreed a deal with Poland." (a maker noun, the nationality its modifier)
    ([("Two", 2, "nummod", "NUM"), ("Korean", 2, "amod", "ADJ"), ("firms", 3, "nsubj", "NOUN", "NNS", "firm")],
     {"Korean": ("KOR", "demonym"), "Poland": ("POL", "state")}, "agreed", "agree", "deal"),
])
def test_a_maker_signing_with_a_state_sells(subject, actors, verb, lemma, noun):
    doc = parse(_signed(subject, "Poland", verb, lemma, noun), actors=actors)
    seller = actors[next(iter(actors))][0]
    assert fill(doc, "seller_signer", noun) == [seller]
    assert fill(doc, "buyer_partner", noun) == ["POL"]


@pytest.mark.parametrize("subject, partner, actors", [
    # "Poland signed a contract with Hanwha.": the state signs as the buyer (the default reading stands)
    ([("Poland", 1, "nsubj", "PROPN")], "Hanwha", {"Poland": ("POL", "state"), "Hanwha": ("KOR", "company")}),
    # "Rheinmetall signed a contract with Leonardo.": two makers, no telling who sells
    ([("Rheinmetall", 1, "nsubj", "PROPN")], "Leonardo",
     {"Rheinmetall": ("DEU", "company"), "Leonardo": ("ITA", "company")}),
])
def test_a_signer_is_no_seller_when_the_partner_is_a_maker_or_it_is_a_state(subject, partner, actors):
    doc = parse(_signed(subject, partner, "signed", "sign", "contract"), actors=actors)
    assert fill(doc, "seller_signer", "contract") == [] and fill(doc, "buyer_partner", "contract") == []


def _delivered_under(prep: list[tuple], maker: str, buyer: list[tuple], actors: dict) -> object:
    """Drones were delivered PREP a contract signed between MAKER and BUYER ."""
    toks = [("Drones", 2, "nsubjpass", "NOUN", "NNS", "drone"), ("were", 2, "auxpass", "AUX"),
            ("delivered", 2, "ROOT", "VERB", "VBN", "deliver")]
    toks += prep
    c = len(toks) + 1  # the contract noun, after its determiner
    toks += [("a", c, "det", "DET"), ("contract", c - 2, "pobj", "NOUN"), ("signed", c, "acl", "VERB", "VBN", "sign"),
             ("between", c + 1, "prep", "ADP"), (maker, c + 2, "pobj", "PROPN"), ("and", c + 3, "cc", "CCONJ")]
    n = len(toks)
    toks += [(w, n + len(buyer) - 1 if dep != "conj" else c + 3, dep, pos) for w, _, dep, pos in buyer]
    toks += [(".", 2, "punct", "PUNCT")]
    return parse(toks, actors=actors, items={"Drones": "drones"})


@pytest.mark.parametrize("prep, maker, buyer, actors, expected", [
    # "Drones were delivered under a contract signed between Baykar and the Polish ministry."
    ([("under", 2, "prep", "ADP")], "Baykar",
     [("the", 0, "det", "DET"), ("Polish", 0, "amod", "ADJ"), ("ministry", 0, "conj", "NOUN")],
     {"Baykar": ("TUR", "company"), "Polish": ("POL", "demonym")}, ("TUR", "POL")),
    # "Drones were delivered as part of a contract signed between Elbit and Azerbaijan."
    ([("as", 2, "prep", "ADP"), ("part", 3, "pobj", "NOUN"), ("of", 4, "prep", "ADP")], "Elbit",
     [("Azerbaijan", 0, "conj", "PROPN")],
     {"Elbit": ("ISR", "company"), "Azerbaijan": ("AZE", "state")}, ("ISR", "AZE")),
])
def test_a_delivery_under_a_contract_between_a_maker_and_a_buyer(prep, maker, buyer, actors, expected):
    doc = _delivered_under(prep, maker, buyer, actors)
    assert fill(doc, "between_seller", "delivered") == [expected[0]]
    assert fill(doc, "between_buyer", "delivered") == [expected[1]]


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("Lockheed Martin signed a contract with Poland for 32 fighter jets on Monday.",
     ("DEAL", "USA", "POL", "affirmed"), ("DEAL", "POL", "USA", "affirmed")),
    ("Two South Korean firms agreed a deal with Poland to export tanks, officials said.",
     ("DEAL", "KOR", "POL", "affirmed"), ("DEAL", "POL", "KOR", "affirmed")),
    (("The drones were delivered under a contract signed between Baykar and the Polish Defence Ministry, "
      "officials said."), ("TRANSFER", "TUR", "POL", "affirmed"), ("TRANSFER", "POL", "TUR", "affirmed")),
])
def test_extract_deal_direction_from_the_seller(run, text, wanted, unwanted):
    got = keys(run(text))
    assert wanted in got and unwanted not in got, sorted(got)


@pytest.mark.parametrize("head, place, actor", [
    # "Berlin sent tanks, and the government in Tehran asked for drones."
    ("government", "Tehran", ("IRN", "capital")),
    # "Berlin sent tanks, and the regime in Damascus asked for drones."
    ("regime", "Damascus", ("SYR", "capital")),
])
def test_a_generic_head_with_an_owner_names_the_owner_not_an_antecedent(head, place, actor):
    doc = parse([("Berlin", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("tanks", 1, "dobj", "NOUN", "NNS", "tank"), (",", 1, "punct", "PUNCT"), ("and", 1, "cc", "CCONJ"),
                 ("the", 6, "det", "DET"), (head, 9, "nsubj", "NOUN"), ("in", 6, "prep", "ADP"),
                 (place, 7, "pobj", "PROPN"), ("asked", 1, "conj", "VERB", "VBD", "ask"), ("for", 9, "prep", "ADP"),
                 ("drones", 10, "pobj", "NOUN", "NNS", "drone"), (".", 1, "punct", "PUNCT")],
                actors={"Berlin": ("DEU", "capital"), place: actor})
    ref = ActorIndex(doc).resolve(token(doc, head))
    assert ref is not None and ref.id == actor[0]


@pytest.mark.parametrize("text, wanted, unwanted", [
    (("The German government approved tank exports last year. Later the government in Tel Aviv made a request "
      "for more shells."), ("REQUEST", "DEU", "ISR", "affirmed"), ("REQUEST", "ISR", "DEU", "affirmed")),
    (("The French government sent rifles to Lebanon in May. Then the government in Beirut made a request for "
      "armoured vehicles."), ("REQUEST", "FRA", "LBN", "affirmed"), ("REQUEST", "LBN", "FRA", "affirmed")),
])
def test_extract_requester_named_by_its_seat(run, text, wanted, unwanted):
    got = keys(run(text))
    assert wanted in got and unwanted not in got, sorted(got)
