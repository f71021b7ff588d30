"""Recall on real-news wordings: constructions whose supplier or recipient the rules used to miss, each with two or
more invented wordings, unit-tested on hand-built parses (no statistical parser) plus one end-to-end extraction."""
from __future__ import annotations

import pytest
from conftest_extract import keys, runner
from conftest_handparse import parse, token

from armswatch.extraction import candidates as c
from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.candidates import CandidateFinder
from armswatch.extraction.claimant import claimant_finder
from armswatch.extraction.rules import load_rules
from armswatch.extraction.slots import slot_function

FRAMES = {f.id: f for f in load_rules().frames}


def fill(doc, slot: str, trigger: str) -> list[str]:
    return [r.id for r in slot_function(slot)(token(doc, trigger), ActorIndex(doc))]


def finder(doc) -> CandidateFinder:
    sentences = list(doc.sents)
    claimants = claimant_finder(doc, sentences)
    return CandidateFinder(doc, load_rules(), claimants.idx, claimants, sentences)


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp)


def _has(mentions, *wanted):
    got = keys(mentions)
    missing = [w for w in wanted if w not in got]
    assert not missing, f"missing {missing}; got {sorted(got)}"


# -- a required source "from" hung on the item phrase: "will get jets from China" --------------------------------
@pytest.mark.parametrize("tokens, actors, items, trigger", [
    # "Pakistan will get fighter jets from China."
    ([("Pakistan", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX", "MD"), ("get", 2, "ROOT", "VERB", "VB"),
      ("fighter", 4, "compound", "NOUN"), ("jets", 2, "dobj", "NOUN", "NNS", "jet"), ("from", 4, "prep", "ADP"),
      ("China", 5, "pobj", "PROPN"), (".", 2, "punct", "PUNCT")],
     {"Pakistan": ("PAK", "state"), "China": ("CHN", "state")}, {"fighter jets": "aircraft"}, "get"),
    # "Kyiv secured two more air defence batteries from Berlin."
    ([("Kyiv", 1, "nsubj", "PROPN"), ("secured", 1, "ROOT", "VERB", "VBD", "secure"), ("two", 5, "nummod", "NUM"),
      ("more", 5, "amod", "ADJ"), ("air", 5, "compound", "NOUN"), ("batteries", 1, "dobj", "NOUN", "NNS", "battery"),
      ("from", 5, "prep", "ADP"), ("Berlin", 6, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
     {"Kyiv": ("UKR", "state"), "Berlin": ("DEU", "state")}, {"air batteries": "air-defence"}, "secured"),
])
def test_source_on_the_item_phrase_satisfies_requires_from(tokens, actors, items, trigger):
    doc = parse(tokens, actors=actors, items=items)
    assert not c.missing_source(finder(doc), token(doc, trigger), FRAMES["get.v"])
    assert fill(doc, "prep:from", trigger) == [list(actors.values())[1][0]]


def test_get_without_any_source_is_still_dropped():
    # "Kyiv will get more jets." names no source
    doc = parse([("Kyiv", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX", "MD"), ("get", 2, "ROOT", "VERB", "VB"),
                 ("more", 4, "amod", "ADJ"), ("jets", 2, "dobj", "NOUN", "NNS", "jet"), (".", 2, "punct", "PUNCT")],
                actors={"Kyiv": ("UKR", "state")}, items={"jets": "aircraft"})
    assert c.missing_source(finder(doc), token(doc, "get"), FRAMES["get.v"])


# -- the origin of a noun trigger's "of" item: "the delivery of North Korean shells to Russia" ------------------
@pytest.mark.parametrize("tokens, actors, items, trigger, supplier", [
    # "The delivery of North Korean shells to Russia began."
    ([("The", 1, "det", "DET"), ("delivery", 8, "nsubj", "NOUN"), ("of", 1, "prep", "ADP"),
      ("North", 4, "compound", "PROPN"), ("Korean", 5, "amod", "ADJ"), ("shells", 2, "pobj", "NOUN", "NNS", "shell"),
      ("to", 1, "prep", "ADP"), ("Russia", 6, "pobj", "PROPN"), ("began", 8, "ROOT", "VERB", "VBD", "begin"),
      (".", 8, "punct", "PUNCT")],
     {"North Korean": ("PRK", "state"), "Russia": ("RUS", "state")}, {"shells": "ammunition"}, "delivery", "PRK"),
    # "Officials confirmed a shipment of Iranian drones to Moscow."
    ([("Officials", 1, "nsubj", "NOUN", "NNS", "official"), ("confirmed", 1, "ROOT", "VERB", "VBD", "confirm"),
      ("a", 3, "det", "DET"), ("shipment", 1, "dobj", "NOUN"), ("of", 3, "prep", "ADP"),
      ("Iranian", 6, "amod", "ADJ"), ("drones", 4, "pobj", "NOUN", "NNS", "drone"), ("to", 3, "prep", "ADP"),
      ("Moscow", 7, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
     {"Iranian": ("IRN", "state"), "Moscow": ("RUS", "state")}, {"drones": "drones"}, "shipment", "IRN"),
])
def test_item_origin_of_a_noun_triggers_of_object(tokens, actors, items, trigger, supplier):
    assert fill(parse(tokens, actors=actors, items=items), "item_origin", trigger) == [supplier]


@pytest.mark.parametrize("text, wanted", [
    ("The delivery of North Korean artillery shells to Russia began in August, officials said.",
     ("TRANSFER", "PRK", "RUS", "affirmed")),
    ("Pakistan will get 20 more J-10 fighter jets from China next year.", ("PLEDGE", "CHN", "PAK", "affirmed")),
    ("Arms flow from Iran to Russia across the Caspian Sea, according to the report.",
     ("TRANSFER", "IRN", "RUS", "affirmed")),
    ("The flow of weapons from the UAE to the RSF has continued despite the embargo.",
     ("TRANSFER", "ARE", "org:rapid-support-forces", "affirmed")),
])
def test_extract_recall_wordings(run, text, wanted):
    _has(run(text), wanted)
