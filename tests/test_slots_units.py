"""Unit tests of the argument slots (extraction/slots.py) and the actor index (extraction/actors.py) on hand-built
parses: each special case with two or more wordings, so a test does not depend on the statistical parser."""
from __future__ import annotations

import pytest
from conftest_handparse import parse, token

from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.slots import arg_pobjs, hyphen_pair, slot_function, subject_of, unidentified


def ids(refs) -> list[str]:
    return [r.id for r in refs]


def fill(doc, slot: str, trigger: str) -> list[str]:
    return ids(slot_function(slot)(token(doc, trigger), ActorIndex(doc)))


# -- subject_of: plain, relative, object control, passive agent, a noun's owner ---------------------------------
def test_subject_of_plain_subject_and_relative_antecedent():
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), (".", 1, "punct", "PUNCT")])
    assert subject_of(token(doc, "sent")).text == "Iran"
    doc = parse([("The", 1, "det", "DET"), ("treaty", 7, "nsubj", "NOUN"), (",", 1, "punct", "PUNCT"),
                 ("which", 4, "nsubj", "PRON", "WDT"), ("bans", 1, "relcl", "VERB", "VBZ", "ban"),
                 ("transfers", 4, "dobj", "NOUN", "NNS", "transfer"), (",", 1, "punct", "PUNCT"),
                 ("took", 7, "ROOT", "VERB", "VBD", "take"), ("effect", 7, "dobj", "NOUN"), (".", 7, "punct", "PUNCT")])
    assert subject_of(token(doc, "bans")).text == "treaty"  # "which" stands for the relative's antecedent


@pytest.mark.parametrize("tokens, gerund, controller", [
    # "Britain sanctioned two firms for supplying drones to Russia."
    ([("Britain", 1, "nsubj", "PROPN"), ("sanctioned", 1, "ROOT", "VERB", "VBD", "sanction"),
      ("two", 3, "nummod", "NUM"), ("firms", 1, "dobj", "NOUN", "NNS", "firm"), ("for", 1, "prep", "ADP"),
      ("supplying", 4, "pcomp", "VERB", "VBG", "supply"), ("drones", 5, "dobj", "NOUN", "NNS", "drone"),
      ("to", 5, "prep", "ADP"), ("Russia", 7, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")], "supplying", "firms"),
    # "Washington accused Tehran of arming Moscow."
    ([("Washington", 1, "nsubj", "PROPN"), ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
      ("Tehran", 1, "dobj", "PROPN"), ("of", 1, "prep", "ADP"), ("arming", 3, "pcomp", "VERB", "VBG", "arm"),
      ("Moscow", 4, "dobj", "PROPN"), (".", 1, "punct", "PUNCT")], "arming", "Tehran"),
    # "Iran was accused by UN experts of supplying drones.": through the agent to the passive subject
    ([("Iran", 2, "nsubjpass", "PROPN"), ("was", 2, "auxpass", "AUX"), ("accused", 2, "ROOT", "VERB", "VBN", "accuse"),
      ("by", 2, "agent", "ADP"), ("UN", 5, "compound", "PROPN"), ("experts", 3, "pobj", "NOUN", "NNS", "expert"),
      ("of", 5, "prep", "ADP"), ("supplying", 6, "pcomp", "VERB", "VBG", "supply"),
      ("drones", 7, "dobj", "NOUN", "NNS", "drone"), (".", 2, "punct", "PUNCT")], "supplying", "Iran"),
])
def test_subject_of_a_gerund_is_its_controller(tokens, gerund, controller):
    assert subject_of(token(parse(tokens), gerund)).text == controller


@pytest.mark.parametrize("owner", [
    # "Iran's efforts to arm Russia failed."
    [("Iran", 2, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS")],
    # "Tehran's attempts to arm Russia failed."
    [("Tehran", 2, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS")],
    # "Iranian efforts to arm Russia failed." (one token fewer: the heads shift by one)
    [("Iranian", 1, "amod", "ADJ")],
])
def test_subject_of_an_infinitive_on_a_noun_is_the_nouns_owner(owner):
    n = len(owner)
    tokens = owner + [("efforts", n + 4, "nsubj", "NOUN", "NNS", "effort"), ("to", n + 2, "aux", "PART"),
                      ("arm", n, "acl", "VERB", "VB", "arm"), ("Russia", n + 2, "dobj", "PROPN"),
                      ("failed", n + 4, "ROOT", "VERB", "VBD", "fail"), (".", n + 4, "punct", "PUNCT")]
    assert subject_of(token(parse(tokens), "arm")).text == owner[0][0]


# -- governor-conditioned subjects -------------------------------------------------------------------------------
def _measure(subject: str, verb: str, lemma: str, noun: str = "sanctions") -> list[tuple]:
    return [(subject, 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma),
            (noun, 1, "dobj", "NOUN", "NNS", noun.rstrip("s")), ("on", 1, "prep", "ADP"),
            ("Iran", 3, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")]


@pytest.mark.parametrize("subject, actor, verb, lemma, expected", [
    ("EU", ("org:eu", "org"), "imposed", "impose", ["org:eu"]),
    ("Britain", ("GBR", "state"), "slapped", "slap", ["GBR"]),
    ("Russia", ("RUS", "state"), "circumvented", "circumvent", []),  # evading a sanction does not impose it
])
def test_gov_subj_if_impose(subject, actor, verb, lemma, expected):
    doc = parse(_measure(subject, verb, lemma), actors={subject: actor, "Iran": ("IRN", "state")})
    assert fill(doc, "gov_subj_if_impose", "sanctions") == expected


@pytest.mark.parametrize("subject, actor, verb, lemma, expected", [
    ("Poland", ("POL", "state"), "signed", "sign", ["POL"]),
    ("Egypt", ("EGY", "state"), "sealed", "seal", ["EGY"]),
    ("Norway", ("NOR", "state"), "financed", "finance", []),  # paying for a deal is no party to it
])
def test_gov_subj_if_sign(subject, actor, verb, lemma, expected):
    doc = parse(_measure(subject, verb, lemma, "deals"), actors={subject: actor, "Iran": ("IRN", "state")})
    assert fill(doc, "gov_subj_if_sign", "deals") == expected


def test_gov_subj_at_request_the_subject_of_the_clause_is_asked():
    # "Greece sent a battery at the request of Riyadh."
    doc = parse([("Greece", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"), ("a", 3, "det", "DET"),
                 ("battery", 1, "dobj", "NOUN"), ("at", 1, "prep", "ADP"), ("the", 6, "det", "DET"),
                 ("request", 4, "pobj", "NOUN"), ("of", 6, "prep", "ADP"), ("Riyadh", 7, "pobj", "PROPN"),
                 (".", 1, "punct", "PUNCT")], actors={"Greece": ("GRC", "state"), "Riyadh": ("SAU", "capital")})
    assert fill(doc, "gov_subj_if_at", "request") == ["GRC"]
    # "After a request from Kyiv, Berlin delivered tanks."
    doc = parse([("After", 7, "prep", "ADP"), ("a", 2, "det", "DET"), ("request", 0, "pobj", "NOUN"),
                 ("from", 2, "prep", "ADP"), ("Kyiv", 3, "pobj", "PROPN"), (",", 7, "punct", "PUNCT"),
                 ("Berlin", 7, "nsubj", "PROPN"), ("delivered", 7, "ROOT", "VERB", "VBD", "deliver"),
                 ("tanks", 7, "dobj", "NOUN", "NNS", "tank"), (".", 7, "punct", "PUNCT")],
                actors={"Kyiv": ("UKR", "capital"), "Berlin": ("DEU", "capital")})
    assert fill(doc, "gov_subj_if_at", "request") == ["DEU"]
    # "Riyadh's request was rejected": not an occasion phrase
    doc = parse([("Riyadh", 2, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS"), ("request", 4, "nsubjpass", "NOUN"),
                 ("was", 4, "auxpass", "AUX"), ("rejected", 4, "ROOT", "VERB", "VBN", "reject"),
                 (".", 4, "punct", "PUNCT")], actors={"Riyadh": ("SAU", "capital")})
    assert fill(doc, "gov_subj_if_at", "request") == []


@pytest.mark.parametrize("demonym, actor, head, head_lemma, verb, lemma", [
    ("Chinese", "CHN", "companies", "company", "involved", "involve"),  # "Chinese companies involved in the ..."
    ("Iranian", "IRN", "firms", "firm", "engaged", "engage"),  # "Iranian firms engaged in the transfer ..."
])
def test_involved_party_is_the_noun_the_participle_modifies(demonym, actor, head, head_lemma, verb, lemma):
    doc = parse([(demonym, 1, "amod", "ADJ"), (head, 7, "nsubjpass", "NOUN", "NNS", head_lemma),
                 (verb, 1, "acl", "VERB", "VBN", lemma), ("in", 2, "prep", "ADP"), ("the", 5, "det", "DET"),
                 ("transfer", 3, "pobj", "NOUN"), ("were", 7, "auxpass", "AUX"),
                 ("sanctioned", 7, "ROOT", "VERB", "VBN", "sanction"), (".", 7, "punct", "PUNCT")],
                actors={demonym: (actor, "demonym")})
    assert fill(doc, "involved_party", "transfer") == [actor]


# -- hyphenated pairs --------------------------------------------------------------------------------------------
def test_hyphen_pair_names_supplier_then_recipient():
    # "Iran-Russia missile transfers grew."
    doc = parse([("Iran", 2, "compound", "PROPN"), ("+-", 2, "punct", "PUNCT", "HYPH"), ("+Russia", 4, "compound", "PROPN"),
                 ("missile", 4, "compound", "NOUN"), ("transfers", 5, "nsubj", "NOUN", "NNS", "transfer"),
                 ("grew", 5, "ROOT", "VERB", "VBD", "grow"), (".", 5, "punct", "PUNCT")],
                actors={"Iran": ("IRN", "state"), "Russia": ("RUS", "state")})
    assert fill(doc, "hyphen_first", "transfers") == ["IRN"] and fill(doc, "hyphen_second", "transfers") == ["RUS"]
    # "the Russia-India S-400 deal"
    doc = parse([("the", 5, "det", "DET"), ("Russia", 3, "compound", "PROPN"), ("+-", 3, "punct", "PUNCT", "HYPH"),
                 ("+India", 5, "compound", "PROPN"), ("S-400", 5, "compound", "PROPN"), ("deal", 5, "ROOT", "NOUN")],
                actors={"Russia": ("RUS", "state"), "India": ("IND", "state")})
    assert fill(doc, "hyphen_first", "deal") == ["RUS"] and fill(doc, "hyphen_second", "deal") == ["IND"]
    # "Iran - Russia talks": a spaced dash joins no pair
    doc = parse([("Iran", 2, "compound", "PROPN"), ("-", 2, "punct", "PUNCT", "HYPH"), ("Russia", 3, "compound", "PROPN"),
                 ("talks", 3, "ROOT", "NOUN", "NNS", "talk")], actors={"Iran": ("IRN", "state"), "Russia": ("RUS", "state")})
    assert hyphen_pair(token(doc, "talks"), ActorIndex(doc)) is None


# -- the party a measure falls on --------------------------------------------------------------------------------
def test_target_party_is_the_state_whose_supplies_the_targets_handle():
    # "The US imposed sanctions on firms supplying Iranian drones to Russia."
    doc = parse([("The", 1, "det", "DET"), ("US", 2, "nsubj", "PROPN"), ("imposed", 2, "ROOT", "VERB", "VBD", "impose"),
                 ("sanctions", 2, "dobj", "NOUN", "NNS", "sanction"), ("on", 3, "prep", "ADP"),
                 ("firms", 4, "pobj", "NOUN", "NNS", "firm"), ("supplying", 5, "acl", "VERB", "VBG", "supply"),
                 ("Iranian", 8, "amod", "ADJ"), ("drones", 6, "dobj", "NOUN", "NNS", "drone"), ("to", 6, "prep", "ADP"),
                 ("Russia", 9, "pobj", "PROPN"), (".", 2, "punct", "PUNCT")],
                actors={"US": ("USA", "state"), "Iranian": ("IRN", "demonym"), "Russia": ("RUS", "state")},
                items={"drones": "drones"})
    assert fill(doc, "target_party", "sanctions") == ["IRN"]
    # "Britain sanctioned companies that shipped North Korean shells to Russia."
    doc = parse([("Britain", 1, "nsubj", "PROPN"), ("sanctioned", 1, "ROOT", "VERB", "VBD", "sanction"),
                 ("companies", 1, "dobj", "NOUN", "NNS", "company"), ("that", 4, "nsubj", "PRON", "WDT"),
                 ("shipped", 2, "relcl", "VERB", "VBD", "ship"), ("North", 6, "compound", "PROPN"),
                 ("Korean", 7, "amod", "ADJ"), ("shells", 4, "dobj", "NOUN", "NNS", "shell"), ("to", 4, "prep", "ADP"),
                 ("Russia", 8, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                actors={"Britain": ("GBR", "state"), "North Korean": ("PRK", "demonym"), "Russia": ("RUS", "state")},
                items={"shells": "ammunition"})
    assert fill(doc, "target_party", "sanctioned") == ["PRK"]


# -- the origin of an item ---------------------------------------------------------------------------------------
def test_item_origin_from_a_nationality_or_a_maker_adjective():
    # "Russia received North Korean shells."
    doc = parse([("Russia", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
                 ("North", 3, "compound", "PROPN"), ("Korean", 4, "amod", "ADJ"),
                 ("shells", 1, "dobj", "NOUN", "NNS", "shell"), (".", 1, "punct", "PUNCT")],
                actors={"Russia": ("RUS", "state"), "North Korean": ("PRK", "demonym")}, items={"shells": "ammunition"})
    assert fill(doc, "item_origin", "received") == ["PRK"]
    # "Moscow bought Iranian-made drones."
    doc = parse([("Moscow", 1, "nsubj", "PROPN"), ("bought", 1, "ROOT", "VERB", "VBD", "buy"),
                 ("Iranian", 4, "npadvmod", "ADJ"), ("+-", 4, "punct", "PUNCT", "HYPH"),
                 ("+made", 5, "amod", "VERB", "VBN", "make"), ("drones", 1, "dobj", "NOUN", "NNS", "drone"),
                 (".", 1, "punct", "PUNCT")],
                actors={"Moscow": ("RUS", "capital"), "Iranian": ("IRN", "demonym")}, items={"drones": "drones"})
    assert fill(doc, "item_origin", "bought") == ["IRN"]


# -- endpoints hung on the item phrase ---------------------------------------------------------------------------
def test_arg_pobjs_looks_through_the_item_phrase():
    # "The provision of tanks by Germany to Ukraine."
    doc = parse([("The", 1, "det", "DET"), ("provision", 1, "ROOT", "NOUN"), ("of", 1, "prep", "ADP"),
                 ("tanks", 2, "pobj", "NOUN", "NNS", "tank"), ("by", 3, "prep", "ADP"), ("Germany", 4, "pobj", "PROPN"),
                 ("to", 3, "prep", "ADP"), ("Ukraine", 6, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                actors={"Germany": ("DEU", "state"), "Ukraine": ("UKR", "state")}, items={"tanks": "armour"})
    assert fill(doc, "agent", "provision") == ["DEU"] and fill(doc, "prep:to", "provision") == ["UKR"]
    # "Berlin imported weapons from Israel."
    doc = parse([("Berlin", 1, "nsubj", "PROPN"), ("imported", 1, "ROOT", "VERB", "VBD", "import"),
                 ("weapons", 1, "dobj", "NOUN", "NNS", "weapon"), ("from", 2, "prep", "ADP"), ("Israel", 3, "pobj", "PROPN"),
                 (".", 1, "punct", "PUNCT")], actors={"Berlin": ("DEU", "capital"), "Israel": ("ISR", "state")},
                items={"weapons": "weapons"})
    assert fill(doc, "prep:from", "imported") == ["ISR"]
    assert arg_pobjs(token(doc, "imported"), ActorIndex(doc), "for") == []  # "for" is never looked for there


@pytest.mark.parametrize("supplier, verb, lemma, recipient, item", [
    ("Iran", "provided", "provide", "Russia", "drones"),
    ("Tehran", "supplied", "supply", "Moscow", "shells"),
])
def test_obj_with_the_object_actor_when_with_holds_the_item(supplier, verb, lemma, recipient, item):
    # "Iran provided Russia with drones."
    tokens = [(supplier, 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma), (recipient, 1, "dobj", "PROPN"),
              ("with", 1, "prep", "ADP"), (item, 3, "pobj", "NOUN", "NNS"), (".", 1, "punct", "PUNCT")]
    actors = {supplier: ("S", "state"), recipient: ("R", "state")}
    assert fill(parse(tokens, actors=actors, items={item: item}), "obj_with", verb) == ["R"]
    # "... provided drones to Russia": no "with", no actor object
    tokens = [(supplier, 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma), (item, 1, "dobj", "NOUN", "NNS"),
              ("to", 1, "prep", "ADP"), (recipient, 3, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")]
    assert fill(parse(tokens, actors=actors, items={item: item}), "obj_with", verb) == []


@pytest.mark.parametrize("det, noun, lemma", [("Its", "partners", "partner"), ("Unnamed", "allies", "ally")])
def test_unidentified_subject_names_no_actor(det, noun, lemma):
    # "Its partners sent weapons to Kyiv." / "Unnamed allies sent weapons to Kyiv."
    doc = parse([(det, 1, "poss" if det == "Its" else "amod", "PRON" if det == "Its" else "ADJ"),
                 (noun, 2, "nsubj", "NOUN", "NNS", lemma), ("sent", 2, "ROOT", "VERB", "VBD", "send"),
                 ("weapons", 2, "dobj", "NOUN", "NNS", "weapon"), ("to", 2, "prep", "ADP"), ("Kyiv", 4, "pobj", "PROPN"),
                 (".", 2, "punct", "PUNCT")], actors={"Kyiv": ("UKR", "capital")}, items={"weapons": "weapons"})
    found = unidentified(token(doc, "sent"), ("nsubj",), ActorIndex(doc))
    assert found is not None and found.text == noun


# -- the actor index: lists, examples, owners, modifiers, antecedents --------------------------------------------
def _sent_by(subject: list[tuple], actors: dict) -> tuple:
    """The parse of `subject` + "sent shells." (the subject's heads point at the verb, index len(subject))."""
    n = len(subject)
    tokens = subject + [("sent", n, "ROOT", "VERB", "VBD", "send"), ("shells", n, "dobj", "NOUN", "NNS", "shell"),
                        (".", n, "punct", "PUNCT")]
    doc = parse(tokens, actors=actors, items={"shells": "ammunition"})
    return doc, ActorIndex(doc)


def test_resolve_all_conjuncts_and_examples():
    # "Iran and North Korea sent shells."
    doc, idx = _sent_by([("Iran", 4, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("North", 3, "compound", "PROPN"),
                         ("Korea", 0, "conj", "PROPN")], {"Iran": ("IRN", "state"), "North Korea": ("PRK", "state")})
    assert ids(idx.resolve_all(token(doc, "Iran"))) == ["IRN", "PRK"]
    # "Countries like Iran sent shells." / "States such as Syria sent shells."
    doc, idx = _sent_by([("Countries", 3, "nsubj", "NOUN", "NNS", "country"), ("like", 0, "prep", "ADP"),
                         ("Iran", 1, "pobj", "PROPN")], {"Iran": ("IRN", "state")})
    assert ids(idx.resolve_all(token(doc, "Countries"))) == ["IRN"]
    doc, idx = _sent_by([("States", 4, "nsubj", "NOUN", "NNS", "state"), ("such", 2, "amod", "ADJ"),
                         ("as", 0, "prep", "ADP"), ("Syria", 2, "pobj", "PROPN")], {"Syria": ("SYR", "state")})
    assert ids(idx.resolve_all(token(doc, "States"))) == ["SYR"]


def test_resolve_all_every_owner_or_nationality_of_a_generic_head():
    # "Companies from China and Iran sent shells."
    doc, idx = _sent_by([("Companies", 5, "nsubj", "NOUN", "NNS", "company"), ("from", 0, "prep", "ADP"),
                         ("China", 1, "pobj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Iran", 2, "conj", "PROPN")],
                        {"China": ("CHN", "state"), "Iran": ("IRN", "state")})
    assert ids(idx.resolve_all(token(doc, "Companies"))) == ["CHN", "IRN"]
    # "Russian and North Korean entities sent shells."
    doc, idx = _sent_by([("Russian", 4, "amod", "ADJ"), ("and", 0, "cc", "CCONJ"), ("North", 3, "compound", "PROPN"),
                         ("Korean", 0, "conj", "ADJ"), ("entities", 5, "nsubj", "NOUN", "NNS", "entity")],
                        {"Russian": ("RUS", "demonym"), "North Korean": ("PRK", "demonym")})
    assert ids(idx.resolve_all(token(doc, "entities"))) == ["RUS", "PRK"]


def test_resolve_through_a_modifier_but_not_a_location_or_a_relation():
    # "Iran's navy sent shells."
    doc, idx = _sent_by([("Iran", 2, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS"), ("navy", 3, "nsubj", "NOUN")],
                        {"Iran": ("IRN", "state")})
    ref = idx.resolve(token(doc, "navy"))
    assert ref is not None and (ref.id, ref.via) == ("IRN", "modifier")
    # "A London-based group sent shells.": located there, not the state's voice
    doc, idx = _sent_by([("A", 4, "det", "DET"), ("London", 3, "npadvmod", "PROPN"), ("+-", 3, "punct", "PUNCT", "HYPH"),
                         ("+based", 4, "amod", "VERB", "VBN", "base"), ("group", 5, "nsubj", "NOUN")],
                        {"London": ("GBR", "capital")})
    assert idx.resolve(token(doc, "group")) is None
    # "Ukraine's allies sent shells.": related to the possessor, not the possessor
    doc, idx = _sent_by([("Ukraine", 2, "poss", "PROPN"), ("+'s", 0, "case", "PART", "POS"),
                         ("allies", 3, "nsubj", "NOUN", "NNS", "ally")], {"Ukraine": ("UKR", "state")})
    assert idx.resolve(token(doc, "allies")) is None


@pytest.mark.parametrize("pronoun, expected", [
    ("It", "RUS"),  # a subject before other positions
    ("They", None),  # "... shells ... They": a nearer plural item is the antecedent, no actor
])
def test_antecedent_prefers_the_subject_unless_a_plural_item_is_nearer(pronoun, expected):
    # "Russia received shells from Iran. It paid in oil."
    doc = parse([("Russia", 1, "nsubj", "PROPN"), ("received", 1, "ROOT", "VERB", "VBD", "receive"),
                 ("shells", 1, "dobj", "NOUN", "NNS", "shell"), ("from", 1, "prep", "ADP"), ("Iran", 3, "pobj", "PROPN"),
                 (".", 1, "punct", "PUNCT"), (pronoun, 7, "nsubj", "PRON", "PRP", pronoun.lower()),
                 ("paid", 7, "ROOT", "VERB", "VBD", "pay"), ("in", 7, "prep", "ADP"), ("oil", 8, "pobj", "NOUN"),
                 (".", 7, "punct", "PUNCT")], actors={"Russia": ("RUS", "state"), "Iran": ("IRN", "state")},
                items={"shells": "ammunition"})
    ref = ActorIndex(doc).resolve(token(doc, pronoun))
    assert (ref.id, ref.via) == (expected, "anaphor") if expected else ref is None


def test_first_person_without_quote_speakers_names_no_actor():
    # "We sent shells." read by a plain index: who "we" is belongs to the claimant stage
    doc, idx = _sent_by([("We", 1, "nsubj", "PRON", "PRP", "we")], {})
    assert idx.speakers is None and idx.resolve(token(doc, "We")) is None
