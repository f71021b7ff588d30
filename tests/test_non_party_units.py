"""Unit tests of the actors that are no party to a supply (extraction/coref.py `non_party`): the imposer of a
measure, the source of a report or an accusation, the seizer of a cargo. Each on hand-built parses, with two or
more wordings, and once end to end."""
from __future__ import annotations

from conftest_handparse import parse, token

import armswatch
from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.coref import nearby_actor, non_party, previous_sentences_actor, reporter_only


def test_subject_of_an_imposed_measure_is_no_party_but_is_a_sanction_end():
    doc = parse([("Washington", 1, "nsubj", "PROPN"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
                 ("sanctions", 1, "dobj", "NOUN", "NNS", "sanction"), (".", 1, "punct", "PUNCT")],
                actors={"Washington": ("USA", "state")})
    assert non_party(token(doc, "Washington"))
    assert not non_party(token(doc, "Washington"), measures_count=False)  # a sanction's own imposer
    doc = parse([("London", 1, "nsubj", "PROPN"), ("placed", 1, "ROOT", "VERB", "VBD", "place"),
                 ("restrictions", 1, "dobj", "NOUN", "NNS", "restriction"), ("on", 2, "prep", "ADP"),
                 ("exports", 3, "pobj", "NOUN", "NNS", "export"), (".", 1, "punct", "PUNCT")],
                actors={"London": ("GBR", "state")})
    assert non_party(token(doc, "London"))


def test_agent_of_a_measure_approved_in_a_participle_is_no_party():
    # "The embargo, expected to be adopted by EU ministers, ..."
    doc = parse([("The", 1, "det", "DET"), ("embargo", 9, "nsubj", "NOUN", "NN", "embargo"),
                 ("expected", 1, "acl", "VERB", "VBN", "expect"), ("to", 5, "aux", "PART"),
                 ("be", 5, "auxpass", "AUX"), ("adopted", 2, "xcomp", "VERB", "VBN", "adopt"),
                 ("by", 5, "agent", "ADP"), ("EU", 8, "compound", "PROPN"), ("ministers", 6, "pobj", "NOUN", "NNS",
                                                                             "minister"),
                 ("starts", 9, "ROOT", "VERB", "VBZ", "start"), (".", 9, "punct", "PUNCT")],
                actors={"EU": ("org:eu", "org")})
    assert non_party(token(doc, "EU"))


def test_modifier_of_a_measure_or_a_report_is_no_party():
    doc = parse([("threats", 0, "ROOT", "NOUN", "NNS", "threat"), ("of", 0, "prep", "ADP"),
                 ("US", 3, "compound", "PROPN"), ("sanctions", 1, "pobj", "NOUN", "NNS", "sanction")],
                actors={"US": ("USA", "state")})
    assert non_party(token(doc, "US"))
    doc = parse([("a", 2, "det", "DET"), ("Pentagon", 2, "compound", "PROPN"),
                 ("report", 2, "ROOT", "NOUN", "NN", "report")], actors={"Pentagon": ("USA", "institution")})
    assert non_party(token(doc, "Pentagon"))
    doc = parse([("Moscow", 2, "poss", "PROPN"), ("'s", 0, "case", "PART"),
                 ("claims", 2, "ROOT", "NOUN", "NNS", "claim")], actors={"Moscow": ("RUS", "state")})
    assert non_party(token(doc, "Moscow"))


def test_author_of_an_accusation_and_seizer_of_a_cargo_are_no_party():
    doc = parse([("accusations", 0, "ROOT", "NOUN", "NNS", "accusation"), ("by", 0, "prep", "ADP"),
                 ("the", 3, "det", "DET"), ("US", 1, "pobj", "PROPN")], actors={"US": ("USA", "state")})
    assert non_party(token(doc, "US"))
    doc = parse([("a", 1, "det", "DET"), ("report", 1, "ROOT", "NOUN", "NN", "report"), ("from", 1, "prep", "ADP"),
                 ("Kyiv", 2, "pobj", "PROPN")], actors={"Kyiv": ("UKR", "state")})
    assert non_party(token(doc, "Kyiv"))
    doc = parse([("weapons", 1, "nsubjpass", "NOUN", "NNS", "weapon"), ("seized", 1, "ROOT", "VERB", "VBN", "seize"),
                 ("by", 1, "agent", "ADP"), ("Israeli", 4, "amod", "ADJ"),
                 ("commandos", 2, "pobj", "NOUN", "NNS", "commando")], actors={"Israeli": ("ISR", "state")})
    assert non_party(token(doc, "Israeli"))
    doc = parse([("Greek", 1, "amod", "ADJ"), ("coastguards", 2, "nsubj", "NOUN", "NNS", "coastguard"),
                 ("intercepted", 2, "ROOT", "VERB", "VBD", "intercept"), ("a", 4, "det", "DET"),
                 ("cargo", 2, "dobj", "NOUN")], actors={"Greek": ("GRC", "state")})
    assert non_party(token(doc, "Greek"))


def test_parties_of_a_supply_stay_parties():
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("to", 1, "prep", "ADP"),
                 ("Russia", 3, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                actors={"Iran": ("IRN", "state"), "Russia": ("RUS", "state")}, items={"drones": "drones"})
    assert not non_party(token(doc, "Iran")) and not non_party(token(doc, "Russia"))
    doc = parse([("deliveries", 0, "ROOT", "NOUN", "NNS", "delivery"), ("from", 0, "prep", "ADP"),
                 ("Seoul", 1, "pobj", "PROPN")], actors={"Seoul": ("KOR", "state")})
    assert not non_party(token(doc, "Seoul"))


def test_nearby_endpoint_skips_the_imposer():
    # "deliveries, which drew US sanctions, to India": the nearer USA is the measure's, India the recipient
    doc = parse([("deliveries", 0, "ROOT", "NOUN", "NNS", "delivery"), (",", 0, "punct", "PUNCT"),
                 ("which", 3, "nsubj", "PRON", "WDT"), ("drew", 0, "relcl", "VERB", "VBD", "draw"),
                 ("US", 5, "compound", "PROPN"), ("sanctions", 3, "dobj", "NOUN", "NNS", "sanction"),
                 (",", 0, "punct", "PUNCT"), ("to", 0, "prep", "ADP"), ("India", 7, "pobj", "PROPN")],
                actors={"US": ("USA", "state"), "India": ("IND", "state")})
    idx = ActorIndex(doc)
    assert nearby_actor(idx, doc[:], token(doc, "deliveries"), set(), set()).id == "IND"
    assert nearby_actor(idx, doc[:], token(doc, "deliveries"), set(), set(), measures_count=False).id == "USA"


def test_extract_does_not_take_the_imposer_as_recipient():
    text = ("Russia has started deliveries of its air defence system -- which drew threats of US sanctions -- to "
            "India, officials said.")
    got = {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text)}
    assert ("TRANSFER", "RUS", "USA") not in got
    assert ("TRANSFER", "RUS", "IND") in got


def _reported_then(subject: tuple) -> object:
    """"<Reporter> said on Monday. <subject> supplied shells." as one hand-built doc of two sentences."""
    return parse([("Ottawa", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                  ("so", 1, "advmod", "ADV"), (".", 1, "punct", "PUNCT"),
                  subject, ("supplied", 5, "ROOT", "VERB", "VBD", "supply"),
                  ("shells", 5, "dobj", "NOUN", "NNS", "shell"), (".", 5, "punct", "PUNCT")],
                 actors={"Ottawa": ("CAN", "state")})


def test_reporter_of_an_earlier_sentence_is_not_borrowed():
    for subject in [("Someone", 5, "nsubj", "PRON", "NN"), ("Firms", 5, "nsubj", "NOUN", "NNS", "firm")]:
        doc = _reported_then(subject)
        sents = list(doc.sents)
        assert reporter_only(token(doc, "Ottawa"))
        idx = ActorIndex(doc)
        assert previous_sentences_actor(idx, sents, sents[1], token(doc, "supplied"), set(), set()) is None


def test_reporter_is_borrowed_for_a_quoted_first_person():
    # "Ottawa said so. 'We supplied shells.'": the first person is most likely the earlier speaker
    doc = _reported_then(("we", 5, "nsubj", "PRON", "PRP"))
    sents = list(doc.sents)
    ref = previous_sentences_actor(ActorIndex(doc), sents, sents[1], token(doc, "supplied"), set(), set())
    assert ref is not None and ref.id == "CAN"


def test_extract_does_not_borrow_an_earlier_reporter_as_supplier():
    texts = [("Canadian officials said on Tuesday that a network of front companies was buying engines. The engines "
              "were later exported to Russia."),
             "The Pentagon said the intercepted boat carried missile parts. The parts had been shipped to the Houthis."]
    for text in texts:
        got = {(m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert ("CAN", "RUS") not in got and ("USA", "org:houthis") not in got
