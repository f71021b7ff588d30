"""Recall on real-news wordings: constructions whose supplier or recipient the rules used to miss, each with two or
more invented wordings, unit-tested on hand-built parses (no statistical parser) plus one end-to-end extraction."""
from __future__ import annotations

import pytest
from conftest_extract import keys, runner
from conftest_handparse import parse, token

from armswatch.extraction import candidates as c
from armswatch.extraction import items
from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.candidates import CandidateFinder, inside_phrase
from armswatch.extraction.claimant import claimant_finder
from armswatch.extraction.rules import load_rules
from armswatch.extraction.slots import slot_function, subject_of
from armswatch.extraction.vocab import words

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


# -- the user named on a supplied item is its recipient: "supplied parts for drones used by Russia" -------------
@pytest.mark.parametrize("tokens, actors, items, trigger, user", [
    # "Chinese firms sold engines for drones that Russia uses."
    ([("Chinese", 1, "amod", "ADJ"), ("firms", 2, "nsubj", "NOUN", "NNS", "firm"), ("sold", 2, "ROOT", "VERB", "VBD", "sell"),
      ("engines", 2, "dobj", "NOUN", "NNS", "engine"), ("for", 3, "prep", "ADP"), ("drones", 4, "pobj", "NOUN", "NNS", "drone"),
      ("that", 8, "dobj", "PRON", "WDT"), ("Russia", 8, "nsubj", "PROPN"), ("uses", 5, "relcl", "VERB", "VBZ", "use"),
      (".", 2, "punct", "PUNCT")],
     {"Chinese": ("CHN", "state"), "Russia": ("RUS", "state")}, {"drones": "drones"}, "sold", "RUS"),
    # "Two companies supplied components for the production of missiles used by Moscow."
    ([("Two", 1, "nummod", "NUM"), ("companies", 2, "nsubj", "NOUN", "NNS", "company"),
      ("supplied", 2, "ROOT", "VERB", "VBD", "supply"), ("components", 2, "dobj", "NOUN", "NNS", "component"),
      ("for", 3, "prep", "ADP"), ("the", 6, "det", "DET"), ("production", 4, "pobj", "NOUN"), ("of", 6, "prep", "ADP"),
      ("missiles", 7, "pobj", "NOUN", "NNS", "missile"), ("used", 8, "acl", "VERB", "VBN", "use"),
      ("by", 9, "agent", "ADP"), ("Moscow", 10, "pobj", "PROPN"), (".", 2, "punct", "PUNCT")],
     {"Moscow": ("RUS", "state")}, {"missiles": "missiles"}, "supplied", "RUS"),
])
def test_item_user_through_the_item_phrase(tokens, actors, items, trigger, user):
    assert fill(parse(tokens, actors=actors, items=items), "item_user", trigger) == [user]


def test_item_user_needs_a_use_verb():
    # "Chinese firms sold engines for drones that Russia builds." — a maker is no user
    doc = parse([("Chinese", 1, "amod", "ADJ"), ("firms", 2, "nsubj", "NOUN", "NNS", "firm"),
                 ("sold", 2, "ROOT", "VERB", "VBD", "sell"), ("engines", 2, "dobj", "NOUN", "NNS", "engine"),
                 ("for", 3, "prep", "ADP"), ("drones", 4, "pobj", "NOUN", "NNS", "drone"),
                 ("that", 8, "dobj", "PRON", "WDT"), ("Russia", 8, "nsubj", "PROPN"),
                 ("builds", 5, "relcl", "VERB", "VBZ", "build"), (".", 2, "punct", "PUNCT")],
                actors={"Chinese": ("CHN", "state"), "Russia": ("RUS", "state")}, items={"drones": "drones"})
    assert fill(doc, "item_user", "sold") == []


# -- a supply noun giving a measure's reason is its target's doing: "sanctions on X over the supply of ..." -----
@pytest.mark.parametrize("tokens, actors, trigger, supplier", [
    # "The EU imposed sanctions on four Iranian entities over the supply of drones to Russia."
    ([("The", 1, "det", "DET"), ("EU", 2, "nsubj", "PROPN"), ("imposed", 2, "ROOT", "VERB", "VBD", "impose"),
      ("sanctions", 2, "dobj", "NOUN", "NNS", "sanction"), ("on", 3, "prep", "ADP"), ("four", 7, "nummod", "NUM"),
      ("Iranian", 7, "amod", "ADJ"), ("entities", 4, "pobj", "NOUN", "NNS", "entity"), ("over", 7, "prep", "ADP"),
      ("the", 10, "det", "DET"), ("supply", 8, "pobj", "NOUN"), ("of", 10, "prep", "ADP"),
      ("drones", 11, "pobj", "NOUN", "NNS", "drone"), ("to", 10, "prep", "ADP"), ("Russia", 13, "pobj", "PROPN"),
      (".", 2, "punct", "PUNCT")],
     {"EU": ("org:eu", "org"), "Iranian": ("IRN", "state"), "Russia": ("RUS", "state")}, "supply", "IRN"),
    # "Washington blacklisted two Chinese companies for shipments of engines to Iran."
    ([("Washington", 1, "nsubj", "PROPN"), ("blacklisted", 1, "ROOT", "VERB", "VBD", "blacklist"),
      ("two", 4, "nummod", "NUM"), ("Chinese", 4, "amod", "ADJ"), ("companies", 1, "dobj", "NOUN", "NNS", "company"),
      ("for", 1, "prep", "ADP"), ("shipments", 5, "pobj", "NOUN", "NNS", "shipment"), ("of", 6, "prep", "ADP"),
      ("engines", 7, "pobj", "NOUN", "NNS", "engine"), ("to", 6, "prep", "ADP"), ("Iran", 9, "pobj", "PROPN"),
      (".", 1, "punct", "PUNCT")],
     {"Washington": ("USA", "state"), "Chinese": ("CHN", "state"), "Iran": ("IRN", "state")}, "shipments", "CHN"),
])
def test_measure_reason_target_supplies(tokens, actors, trigger, supplier):
    assert fill(parse(tokens, actors=actors), "measure_reason_target", trigger) == [supplier]


def test_reason_of_no_measure_names_no_supplier():
    # "Analysts praised four Iranian firms for the supply of food to Syria." — praise is no measure
    doc = parse([("Analysts", 1, "nsubj", "NOUN", "NNS", "analyst"), ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
                 ("four", 4, "nummod", "NUM"), ("Iranian", 4, "amod", "ADJ"), ("firms", 1, "dobj", "NOUN", "NNS", "firm"),
                 ("for", 1, "prep", "ADP"), ("the", 7, "det", "DET"), ("supply", 5, "pobj", "NOUN"),
                 ("of", 7, "prep", "ADP"), ("food", 8, "pobj", "NOUN"), ("to", 7, "prep", "ADP"),
                 ("Syria", 10, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                actors={"Iranian": ("IRN", "state"), "Syria": ("SYR", "state")})
    assert fill(doc, "measure_reason_target", "supply") == []


@pytest.mark.parametrize("text, wanted", [
    ("Two Chinese companies shipped engines for drones that Russia uses against Ukrainian cities.",
     ("TRANSFER", "CHN", "RUS", "affirmed")),
    ("Chinese firms supplied microchips for missiles used by Russia in Ukraine.", ("TRANSFER", "CHN", "RUS", "affirmed")),
    ("Britain imposed sanctions on three Belarusian firms for the delivery of artillery shells to Russia.",
     ("TRANSFER", "BLR", "RUS", "affirmed")),
])
def test_extract_recall_item_user_and_measure_reason(run, text, wanted):
    _has(run(text), wanted)


# -- acquisition verbs: the seller from the deal above ("inked a deal with France to buy"), from a purchase word's
# "from X" before, from the item phrase or its maker; never from a merely nearby actor ------------------------------
@pytest.mark.parametrize("tokens, actors, trigger, seller", [
    # "India inked a deal with France to buy 36 jets."
    ([("India", 1, "nsubj", "PROPN"), ("inked", 1, "ROOT", "VERB", "VBD", "ink"), ("a", 3, "det", "DET"),
      ("deal", 1, "dobj", "NOUN"), ("with", 3, "prep", "ADP"), ("France", 4, "pobj", "PROPN"),
      ("to", 7, "aux", "PART"), ("buy", 1, "advcl", "VERB", "VB"), ("36", 9, "nummod", "NUM"),
      ("jets", 7, "dobj", "NOUN", "NNS", "jet"), (".", 1, "punct", "PUNCT")],
     {"India": ("IND", "state"), "France": ("FRA", "state")}, "buy", "FRA"),
    # "Riyadh is in talks with Islamabad to purchase fighter jets."
    ([("Riyadh", 1, "nsubj", "PROPN"), ("is", 1, "ROOT", "AUX", "VBZ", "be"), ("in", 1, "prep", "ADP"),
      ("talks", 2, "pobj", "NOUN", "NNS", "talk"), ("with", 3, "prep", "ADP"), ("Islamabad", 4, "pobj", "PROPN"),
      ("to", 7, "aux", "PART"), ("purchase", 1, "advcl", "VERB", "VB"), ("fighter", 9, "compound", "NOUN"),
      ("jets", 7, "dobj", "NOUN", "NNS", "jet"), (".", 1, "punct", "PUNCT")],
     {"Riyadh": ("SAU", "state"), "Islamabad": ("PAK", "state")}, "purchase", "PAK"),
    # "The purchase of six drones from Turkey was announced. Kyiv received the first two."
    ([("The", 1, "det", "DET"), ("purchase", 7, "nsubjpass", "NOUN"), ("of", 1, "prep", "ADP"),
      ("six", 4, "nummod", "NUM"), ("drones", 2, "pobj", "NOUN", "NNS", "drone"), ("from", 1, "prep", "ADP"),
      ("Turkey", 5, "pobj", "PROPN"), ("announced", 7, "ROOT", "VERB", "VBN", "announce"), (".", 7, "punct", "PUNCT"),
      ("Kyiv", 10, "nsubj", "PROPN"), ("received", 10, "ROOT", "VERB", "VBD", "receive"), ("the", 13, "det", "DET"),
      ("first", 13, "amod", "ADJ"), ("two", 10, "dobj", "NUM"), (".", 10, "punct", "PUNCT")],
     {"Turkey": ("TUR", "state"), "Kyiv": ("UKR", "state")}, "received", "TUR"),
])
def test_previous_purchase_from_names_the_seller(tokens, actors, trigger, seller):
    assert fill(parse(tokens, actors=actors), "previous_purchase_from", trigger) == [seller]


def test_previous_purchase_needs_a_purchase_word():
    # "Turkey hosted the talks. Kyiv received the first two." — a nearby actor is no seller
    doc = parse([("Turkey", 1, "nsubj", "PROPN"), ("hosted", 1, "ROOT", "VERB", "VBD", "host"),
                 ("the", 3, "det", "DET"), ("summit", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT"),
                 ("Kyiv", 6, "nsubj", "PROPN"), ("received", 6, "ROOT", "VERB", "VBD", "receive"),
                 ("drones", 6, "dobj", "NOUN", "NNS", "drone"), (".", 6, "punct", "PUNCT")],
                actors={"Turkey": ("TUR", "state"), "Kyiv": ("UKR", "state")}, items={"drones": "drones"})
    assert fill(doc, "previous_purchase_from", "received") == []


@pytest.mark.parametrize("tokens, actors, trigger, slot, seller", [
    # "India will purchase three submarines made by France." (the maker in the item's participle)
    ([("India", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX", "MD"), ("purchase", 2, "ROOT", "VERB", "VB"),
      ("three", 4, "nummod", "NUM"), ("submarines", 2, "dobj", "NOUN", "NNS", "submarine"),
      ("made", 4, "acl", "VERB", "VBN", "make"), ("by", 5, "agent", "ADP"), ("France", 6, "pobj", "PROPN"),
      (".", 2, "punct", "PUNCT")],
     {"India": ("IND", "state"), "France": ("FRA", "state")}, "purchase", "item_origin", "FRA"),
    # "Morocco bought drones built in Turkey."
    ([("Morocco", 1, "nsubj", "PROPN"), ("bought", 1, "ROOT", "VERB", "VBD", "buy"),
      ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("built", 2, "acl", "VERB", "VBN", "build"),
      ("in", 3, "prep", "ADP"), ("Turkey", 4, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
     {"Morocco": ("MAR", "state"), "Turkey": ("TUR", "state")}, "bought", "item_origin", "TUR"),
    # "Moscow is obtaining chips for its drones from China." (the "from" on the item phrase's "for" object)
    ([("Moscow", 2, "nsubj", "PROPN"), ("is", 2, "aux", "AUX", "VBZ", "be"), ("obtaining", 2, "ROOT", "VERB", "VBG", "obtain"),
      ("chips", 2, "dobj", "NOUN", "NNS", "chip"), ("for", 2, "prep", "ADP"), ("its", 6, "poss", "PRON", "PRP$"),
      ("drones", 4, "pobj", "NOUN", "NNS", "drone"), ("from", 6, "prep", "ADP"), ("China", 7, "pobj", "PROPN"),
      (".", 2, "punct", "PUNCT")],
     {"Moscow": ("RUS", "state"), "China": ("CHN", "state")}, "obtaining", "item_phrase_from", "CHN"),
    # "Cairo acquired parts of missiles from Beijing."
    ([("Cairo", 1, "nsubj", "PROPN"), ("acquired", 1, "ROOT", "VERB", "VBD", "acquire"),
      ("parts", 1, "dobj", "NOUN", "NNS", "part"), ("of", 2, "prep", "ADP"), ("missiles", 3, "pobj", "NOUN", "NNS", "missile"),
      ("from", 4, "prep", "ADP"), ("Beijing", 5, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
     {"Cairo": ("EGY", "state"), "Beijing": ("CHN", "state")}, "acquired", "item_phrase_from", "CHN"),
])
def test_seller_in_the_item_phrase(tokens, actors, trigger, slot, seller):
    items = {w: "weapons" for w in ("submarines", "drones", "missiles") if any(t[0] == w for t in tokens)}
    assert fill(parse(tokens, actors=actors, items=items), slot, trigger) == [seller]


def test_acquisition_verbs_take_no_nearby_seller():
    assert "supplier" in FRAMES["receive.v"].no_nearby


@pytest.mark.parametrize("text, wanted, unwanted", [
    (("The purchase of eight Bayraktar drones from Turkey was confirmed in March. Ukraine received the first four "
      "drones in May."), ("TRANSFER", "TUR", "UKR", "affirmed"), None),
    ("Manila inked a contract with Seoul to purchase 12 FA-50 fighter jets.", ("DEAL", "KOR", "PHL", "affirmed"),
     ("TRANSFER", "KOR", "PHL", "affirmed")),
    ("Greece agreed to purchase three frigates made by France's Naval Group.", ("DEAL", "FRA", "GRC", "affirmed"),
     None),
    ("Volunteers in Lithuania and Poland raised money to buy the drones for the Ukrainian army.", None,
     ("TRANSFER", "POL", "UKR", "affirmed")),
])
def test_extract_acquisition_sellers(run, text, wanted, unwanted):
    got = keys(run(text))
    if wanted:
        assert wanted in got, sorted(got)
    if unwanted:
        assert unwanted not in got, sorted(got)


# -- "X will sign an agreement to purchase ...": the signer controls the deal noun's infinitive --------------------
@pytest.mark.parametrize("tokens, actors, verb, controller", [
    # "Poland will sign an agreement to purchase tanks."
    ([("Poland", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX", "MD"), ("sign", 2, "ROOT", "VERB", "VB"),
      ("an", 4, "det", "DET"), ("agreement", 2, "dobj", "NOUN"), ("to", 6, "aux", "PART"),
      ("purchase", 4, "acl", "VERB", "VB"), ("tanks", 6, "dobj", "NOUN", "NNS", "tank"), (".", 2, "punct", "PUNCT")],
     {"Poland": ("POL", "state")}, "purchase", "Poland"),
    # "Cairo sealed a contract to buy frigates."
    ([("Cairo", 1, "nsubj", "PROPN"), ("sealed", 1, "ROOT", "VERB", "VBD", "seal"), ("a", 3, "det", "DET"),
      ("contract", 1, "dobj", "NOUN"), ("to", 5, "aux", "PART"), ("buy", 3, "acl", "VERB", "VB"),
      ("frigates", 5, "dobj", "NOUN", "NNS", "frigate"), (".", 1, "punct", "PUNCT")],
     {"Cairo": ("EGY", "state")}, "buy", "Cairo"),
])
def test_signer_controls_the_deal_infinitive(tokens, actors, verb, controller):
    assert subject_of(token(parse(tokens, actors=actors), verb)).text == controller


# -- a framework named with its state: "received shells under the Czech-led initiative" ---------------------------
@pytest.mark.parametrize("tokens, actors, trigger, supplier", [
    # "Ukraine received shells under the Czech-led initiative."
    ([("Ukraine", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
      ("shells", 1, "dobj", "NOUN", "NNS", "shell"), ("under", 2, "prep", "ADP"), ("the", 8, "det", "DET"),
      ("Czech", 7, "npadvmod", "PROPN"), ("+-", 7, "punct", "PUNCT"), ("+led", 8, "amod", "VERB", "VBN", "lead"),
      ("initiative", 3, "pobj", "NOUN"), (".", 1, "punct", "PUNCT")],
     {"Czech": ("CZE", "state"), "Ukraine": ("UKR", "state")}, "received", "CZE"),
    # "Rounds were shipped to Kyiv through a Dutch scheme."
    ([("Rounds", 2, "nsubjpass", "NOUN", "NNS", "round"), ("were", 2, "auxpass", "AUX"),
      ("shipped", 2, "ROOT", "VERB", "VBN", "ship"), ("to", 2, "prep", "ADP"), ("Kyiv", 3, "pobj", "PROPN"),
      ("through", 2, "prep", "ADP"), ("a", 8, "det", "DET"), ("Dutch", 8, "amod", "ADJ"), ("scheme", 5, "pobj", "NOUN"),
      (".", 2, "punct", "PUNCT")],
     {"Dutch": ("NLD", "state"), "Kyiv": ("UKR", "state")}, "shipped", "NLD"),
])
def test_framework_party_supplies(tokens, actors, trigger, supplier):
    assert fill(parse(tokens, actors=actors), "framework_party", trigger) == [supplier]


def test_framework_party_needs_a_framework_noun():
    # "Ukraine received shells under Czech supervision." — supervision is no framework of supply
    doc = parse([("Ukraine", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
                 ("shells", 1, "dobj", "NOUN", "NNS", "shell"), ("under", 2, "prep", "ADP"),
                 ("Czech", 5, "amod", "ADJ"), ("supervision", 3, "pobj", "NOUN"), (".", 1, "punct", "PUNCT")],
                actors={"Czech": ("CZE", "state"), "Ukraine": ("UKR", "state")})
    assert fill(doc, "framework_party", "received") == []


@pytest.mark.parametrize("text, wanted", [
    ("Warsaw will sign an agreement to purchase South Korean-made K-2 battle tanks, the ministry announced.",
     ("DEAL", "KOR", "POL", "affirmed")),
    ("Kyiv has received the second batch of artillery shells under the Czech-led initiative.",
     ("TRANSFER", "CZE", "UKR", "affirmed")),
    ("The first 20,000 rounds were shipped to Kyiv under a Czech-led scheme.", ("TRANSFER", "CZE", "UKR", "affirmed")),
])
def test_extract_signer_and_framework(run, text, wanted):
    _has(run(text), wanted)


# -- "give" as a light verb of leave ("gave its approval for the delivery") or a conjunction ("given that") -------
@pytest.mark.parametrize("text, phrase_hit", [
    ("Washington has given its approval for the delivery of jets to Kyiv.", True),
    ("Berlin gave the green light for the transfer of tanks to Ukraine.", True),
    ("Given that Moscow relies on drones, officials are worried.", True),
    ("Germany gave Ukraine the tanks.", False),
])
def test_give_not_phrases(text, phrase_hit):
    words_ = text.rstrip(".").split()
    trigger = next(w for w in words_ if w.lower() in ("given", "gave"))
    doc = parse([(w, 0, "dep", "X") for w in words_])
    assert inside_phrase(token(doc, trigger), FRAMES["give.v"].not_phrases) is phrase_hit


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("The United States has given its approval for the delivery of F-16 jets to Ukraine from Denmark and Norway.",
     [("PLEDGE", "DNK", "UKR", "affirmed"), ("PLEDGE", "NOR", "UKR", "affirmed")], ("TRANSFER", "USA", "UKR", "affirmed")),
    ("Washington gave the green light for the transfer of Leopard tanks from Poland to Ukraine.",
     [("TRANSFER", "POL", "UKR", "affirmed")], ("TRANSFER", "USA", "UKR", "affirmed")),
    ("Officials are worried, given that Moscow appears to rely on Iranian drones.", [],
     ("TRANSFER", "USA", "RUS", "affirmed")),
])
def test_extract_leave_to_supply_is_no_transfer_by_the_giver(run, text, wanted, unwanted):
    got = keys(run(text))
    assert all(w in got for w in wanted), sorted(got)
    assert unwanted not in got, sorted(got)


# -- the item told of in a non-arms object's clause is not the item received -------------------------------------
@pytest.mark.parametrize("tokens, object_word", [
    # "Kyiv received intelligence that Iran sent drones."
    ([("Kyiv", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
      ("intelligence", 1, "dobj", "NOUN"), ("that", 5, "mark", "SCONJ"), ("Iran", 5, "nsubj", "PROPN"),
      ("sent", 2, "acl", "VERB", "VBD", "send"), ("drones", 5, "dobj", "NOUN", "NNS", "drone"), (".", 1, "punct", "PUNCT")],
     "intelligence"),
    # "Washington got information indicating Tehran would ship missiles."
    ([("Washington", 1, "nsubj", "PROPN"), ("got", 1, "ROOT", "VERB", "VBD", "get"),
      ("information", 1, "dobj", "NOUN"), ("indicating", 2, "acl", "VERB", "VBG", "indicate"),
      ("Tehran", 6, "nsubj", "PROPN"), ("would", 6, "aux", "AUX", "MD"), ("ship", 3, "ccomp", "VERB", "VB"),
      ("missiles", 6, "dobj", "NOUN", "NNS", "missile"), (".", 1, "punct", "PUNCT")], "information"),
])
def test_item_in_a_non_arms_objects_clause_is_not_received(tokens, object_word):
    doc = parse(tokens, items={"drones" if any(t[0] == "drones" for t in tokens) else "missiles": "drones"})
    trigger = doc[1]
    got = items.choose(doc, trigger, doc[:], [token(doc, object_word)], words("non_arms_objects"),
                       words("arms_context"), words("support_words"), {0})
    assert got is None  # a non-arms object: no arms item received


def test_item_in_an_arms_objects_clause_is_still_found():
    # "Ukraine received tanks that Germany had promised." — the object is the item itself
    doc = parse([("Ukraine", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
                 ("tanks", 1, "dobj", "NOUN", "NNS", "tank"), ("that", 6, "dobj", "PRON", "WDT"),
                 ("Germany", 6, "nsubj", "PROPN"), ("had", 6, "aux", "AUX"), ("promised", 2, "relcl", "VERB", "VBN", "promise"),
                 (".", 1, "punct", "PUNCT")], items={"tanks": "armoured-vehicles"})
    got = items.choose(doc, doc[1], doc[:], [doc[2]], words("non_arms_objects"), words("arms_context"),
                       words("support_words"), {0})
    assert got is not None and got.category == "armoured-vehicles"


def test_extract_received_intelligence_is_no_transfer_to_the_listener(run):
    got = keys(run("Kyiv received intelligence that Iran had sent drones to Russia."))
    assert ("TRANSFER", "IRN", "RUS", "affirmed") in got and ("TRANSFER", "IRN", "UKR", "affirmed") not in got
    got = keys(run("Washington received reports indicating that North Korea was shipping shells to Russia."))
    assert not any(k[2] == "USA" for k in got), sorted(got)


# -- a participle's noun and an arrival's subject are the object whose non-arms kind stops the event -------------
def _choose(doc, trigger_word: str):
    return items.choose(doc, token(doc, trigger_word), doc[:], [], words("non_arms_objects"), words("arms_context"),
                        words("support_words"), set())


@pytest.mark.parametrize("tokens, trigger", [
    # "Images provided by the ministry show the rifles."
    ([("Images", 4, "nsubj", "NOUN", "NNS", "image"), ("provided", 0, "acl", "VERB", "VBN", "provide"),
      ("by", 1, "agent", "ADP"), ("ministry", 2, "pobj", "NOUN"), ("show", 4, "ROOT", "VERB", "VBP"),
      ("rifles", 4, "dobj", "NOUN", "NNS", "rifle"), (".", 4, "punct", "PUNCT")], "provided"),
    # "Israel's oil supply comes from Azerbaijan, unlike its rifles."
    ([("Israel", 2, "poss", "PROPN"), ("oil", 2, "compound", "NOUN"), ("supply", 3, "nsubj", "NOUN"),
      ("comes", 3, "ROOT", "VERB", "VBZ", "come"), ("from", 3, "prep", "ADP"), ("Azerbaijan", 4, "pobj", "PROPN"),
      (",", 3, "punct", "PUNCT"), ("unlike", 3, "prep", "ADP"), ("its", 9, "poss", "PRON"),
      ("rifles", 7, "pobj", "NOUN", "NNS", "rifle"), (".", 3, "punct", "PUNCT")], "comes"),
])
def test_non_arms_participle_noun_or_arriving_subject(tokens, trigger):
    assert _choose(parse(tokens, items={"rifles": "small-arms"}), trigger) is None


def test_arriving_arms_keep_their_item():
    # "Rifles from Serbia arrived in Kyiv."
    doc = parse([("Rifles", 3, "nsubj", "NOUN", "NNS", "rifle"), ("from", 0, "prep", "ADP"), ("Serbia", 1, "pobj", "PROPN"),
                 ("arrived", 3, "ROOT", "VERB", "VBD", "arrive"), ("in", 3, "prep", "ADP"), ("Kyiv", 4, "pobj", "PROPN"),
                 (".", 3, "punct", "PUNCT")], items={"Rifles": "small-arms"})
    assert _choose(doc, "arrived").category == "small-arms"


# -- the owner of an arriving stock receives it: "most of India's weapons come from Russia" -----------------------
@pytest.mark.parametrize("tokens, actors, owner", [
    # "Most of India's weapons come from Russia."
    ([("Most", 5, "nsubj", "ADJ", "JJS", "most"), ("of", 0, "prep", "ADP"), ("India", 4, "poss", "PROPN"),
      ("+'s", 2, "case", "PART", "POS"), ("weapons", 1, "pobj", "NOUN", "NNS", "weapon"),
      ("come", 5, "ROOT", "VERB", "VBP"), ("from", 5, "prep", "ADP"), ("Russia", 6, "pobj", "PROPN"),
      (".", 5, "punct", "PUNCT")], {"India": ("IND", "state"), "Russia": ("RUS", "state")}, "IND"),
    # "Serbia's arms imports come mainly from Russia."
    ([("Serbia", 3, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS"), ("arms", 3, "compound", "NOUN", "NNS", "arm"),
      ("imports", 4, "nsubj", "NOUN", "NNS", "import"), ("come", 4, "ROOT", "VERB", "VBP"),
      ("mainly", 4, "advmod", "ADV"), ("from", 4, "prep", "ADP"), ("Russia", 6, "pobj", "PROPN"),
      (".", 4, "punct", "PUNCT")], {"Serbia": ("SRB", "state"), "Russia": ("RUS", "state")}, "SRB"),
])
def test_nsubj_owner_receives(tokens, actors, owner):
    assert fill(parse(tokens, actors=actors), "nsubj_owner", "come") == [owner]


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("Most of India's weapons come from Russia, while a large part of Russia's oil supply comes from India.",
     ("TRANSFER", "RUS", "IND", "affirmed"), ("TRANSFER", "IND", "RUS", "affirmed")),
    ("The rifles were hidden in a truck, photos provided by the Lebanese army show.", None,
     ("TRANSFER", "LBN", None, "affirmed")),
])
def test_extract_arrivals_and_non_arms_participles(run, text, wanted, unwanted):
    got = keys(run(text))
    if wanted:
        assert wanted in got, sorted(got)
    assert not any(k[0] == unwanted[0] and k[1] == unwanted[1] and (unwanted[2] is None or k[2] == unwanted[2])
                   for k in got), sorted(got)


# -- conjoined signers: the buyer named in the deal's purpose decides who sells -----------------------------------
@pytest.mark.parametrize("tokens, actors, seller, buyer", [
    # "Egypt and France signed a contract for the purchase of jets by the Egyptian air force."
    ([("Egypt", 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("France", 0, "conj", "PROPN"),
      ("signed", 3, "ROOT", "VERB", "VBD", "sign"), ("a", 5, "det", "DET"), ("contract", 3, "dobj", "NOUN"),
      ("for", 5, "prep", "ADP"), ("the", 8, "det", "DET"), ("purchase", 6, "pobj", "NOUN"), ("of", 8, "prep", "ADP"),
      ("jets", 9, "pobj", "NOUN", "NNS", "jet"), ("by", 8, "prep", "ADP"), ("the", 15, "det", "DET"),
      ("Egyptian", 15, "amod", "ADJ"), ("air", 15, "compound", "NOUN"), ("force", 11, "pobj", "NOUN"),
      (".", 3, "punct", "PUNCT")],
     {"Egypt": ("EGY", "state"), "France": ("FRA", "state"), "Egyptian": ("EGY", "state")}, "FRA", "EGY"),
    # "The agreement signed between India and France for the acquisition of jets by the Indian Navy."
    ([("The", 1, "det", "DET"), ("agreement", 1, "ROOT", "NOUN"), ("signed", 1, "acl", "VERB", "VBN", "sign"),
      ("between", 2, "prep", "ADP"), ("India", 3, "pobj", "PROPN"), ("and", 4, "cc", "CCONJ"),
      ("France", 4, "conj", "PROPN"), ("for", 2, "prep", "ADP"), ("the", 9, "det", "DET"),
      ("acquisition", 7, "pobj", "NOUN"), ("of", 9, "prep", "ADP"), ("jets", 10, "pobj", "NOUN", "NNS", "jet"),
      ("by", 9, "prep", "ADP"), ("the", 15, "det", "DET"), ("Indian", 15, "compound", "PROPN"),
      ("Navy", 12, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
     {"India": ("IND", "state"), "France": ("FRA", "state"), "Indian Navy": ("IND", "state")}, "FRA", "IND"),
])
def test_acquirer_decides_the_seller_among_signers(tokens, actors, seller, buyer):
    doc = parse(tokens, actors=actors)
    trigger = "contract" if any(t[0] == "contract" for t in tokens) else "agreement"
    assert fill(doc, "acquirer", trigger) == [buyer]
    assert fill(doc, "acquirer_counterpart", trigger) == [seller]


def test_no_acquirer_without_a_purpose_by():
    # "Poland and Korea signed a deal for tanks." — no "by X": the slots stay empty
    doc = parse([("Poland", 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("Korea", 0, "conj", "PROPN"),
                 ("signed", 3, "ROOT", "VERB", "VBD", "sign"), ("a", 5, "det", "DET"), ("deal", 3, "dobj", "NOUN"),
                 ("for", 5, "prep", "ADP"), ("tanks", 6, "pobj", "NOUN", "NNS", "tank"), (".", 3, "punct", "PUNCT")],
                actors={"Poland": ("POL", "state"), "Korea": ("KOR", "state")})
    assert fill(doc, "acquirer", "deal") == [] and fill(doc, "acquirer_counterpart", "deal") == []


@pytest.mark.parametrize("text, wanted", [
    ("Egypt and France signed a contract for the purchase of 30 Rafale jets by the Egyptian air force.",
     ("DEAL", "FRA", "EGY", "affirmed")),
    (("Officials welcomed the agreement signed between Greece and France for the acquisition of three frigates by "
      "the Greek navy."), ("DEAL", "FRA", "GRC", "affirmed")),
])
def test_extract_conjoined_signers_with_a_named_acquirer(run, text, wanted):
    got = keys(run(text))
    assert wanted in got and (wanted[0], wanted[2], wanted[1], wanted[3]) not in got, sorted(got)


@pytest.mark.parametrize("text, wanted", [
    ("Moscow sourced the drone engines from Chinese firms, the report said.", ("TRANSFER", "CHN", "RUS", "affirmed")),
    ("The Houthis have sourced drone parts from Iran, UN experts said.",
     ("TRANSFER", "IRN", "org:houthis", "affirmed")),
])
def test_extract_sourced_from(run, text, wanted):
    _has(run(text), wanted)
