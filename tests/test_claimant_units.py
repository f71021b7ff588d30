"""Unit tests of the claimant stage (extraction/claimant.py) on hand-built parses: each special case with two or
more wordings, so a test does not depend on the statistical parser."""
from __future__ import annotations

import pytest
from conftest_handparse import parse, token

from armswatch.extraction.claimant import SELF, claimant_finder, in_quotes

P = ("PUNCT",)


def claimant(doc, trigger: str, nth: int = 0):
    """The claimant the stage finds for the trigger word (the engine passes no reporting verb here)."""
    sentences = list(doc.sents)
    tok = token(doc, trigger, nth)
    sent = next(s for s in sentences if s.start <= tok.i < s.end)
    return claimant_finder(doc, sentences).find(tok, sent, None, sentences)


def _said(speaker: list[tuple], actors: dict, lemma: str = "say", verb: str = "said") -> tuple:
    """`speaker` + "<verb> Iran sent drones." (the speaker's heads point at the verb, index len(speaker))."""
    n = len(speaker)
    tokens = speaker + [(verb, n, "ROOT", "VERB", "VBD", lemma), ("Iran", n + 2, "nsubj", "PROPN"),
                        ("sent", n, "ccomp", "VERB", "VBD", "send"), ("drones", n + 2, "dobj", "NOUN", "NNS", "drone"),
                        (".", n, "punct", "PUNCT")]
    return parse(tokens, actors={"Iran": ("IRN", "state"), **actors}, items={"drones": "drones"})


# -- a reporting verb above the trigger --------------------------------------------------------------------------
@pytest.mark.parametrize("speaker, actor, verb, lemma, expected", [
    ("Russia", ("RUS", "state"), "said", "say", "RUS"),  # "Russia said Iran sent drones."
    ("Kyiv", ("UKR", "capital"), "claims", "claim", "UKR"),  # "Kyiv claims Iran sent drones."
])
def test_reporting_verb_above_the_trigger(speaker, actor, verb, lemma, expected):
    doc = _said([(speaker, 1, "nsubj", "PROPN")], {speaker: actor}, lemma, verb)
    c = claimant(doc, "sent")
    assert (c.id, c.text, c.quoted) == (expected, speaker, False)


@pytest.mark.parametrize("speaker, actors, expected", [
    # "UN experts said ...": a body modifying an analyst head speaks for it
    ([("UN", 1, "compound", "PROPN"), ("experts", 2, "nsubj", "NOUN", "NNS", "expert")], {"UN": ("org:un", "org")},
     "org:un"),
    # "Swedish analysts said ...": a nationality does not make analysts official
    ([("Swedish", 1, "amod", "ADJ"), ("analysts", 2, "nsubj", "NOUN", "NNS", "analyst")],
     {"Swedish": ("SWE", "demonym")}, "other"),
    # "Ukrainian News Agency said ...": a news outlet
    ([("Ukrainian", 2, "amod", "ADJ"), ("News", 2, "compound", "PROPN"), ("Agency", 3, "nsubj", "PROPN", "NNP", "agency")],
     {"Ukrainian": ("UKR", "demonym")}, "other"),
])
def test_speaker_media_bodies_and_outlets(speaker, actors, expected):
    doc = _said(speaker, actors)
    assert claimant(doc, "sent").id == expected


# -- "according to X", "per X" ----------------------------------------------------------------------------------
def test_according_to_and_per():
    # "According to the Pentagon, Iran sent drones."
    doc = parse([("According", 6, "prep", "VERB", "VBG", "accord"), ("to", 0, "prep", "ADP"), ("the", 3, "det", "DET"),
                 ("Pentagon", 1, "pobj", "PROPN"), (",", 6, "punct", *P), ("Iran", 6, "nsubj", "PROPN"),
                 ("sent", 6, "ROOT", "VERB", "VBD", "send"), ("drones", 6, "dobj", "NOUN", "NNS", "drone"),
                 (".", 6, "punct", *P)], actors={"Pentagon": ("USA", "institution"), "Iran": ("IRN", "state")})
    c = claimant(doc, "sent")
    assert (c.id, c.text) == ("USA", "the Pentagon")
    # "Iran sent drones, per the Kremlin."
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), (",", 1, "punct", *P), ("per", 1, "prep", "ADP"),
                 ("the", 6, "det", "DET"), ("Kremlin", 4, "pobj", "PROPN"), (".", 1, "punct", *P)],
                actors={"Kremlin": ("RUS", "institution"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == "RUS"


# -- a headline's trailing credit --------------------------------------------------------------------------------
@pytest.mark.parametrize("sep, credit, actor, expected", [
    ("–", "Lukashenko", ("BLR", "person"), "BLR"),  # "Belarus supplies shells to Russia – Lukashenko"
    (":", "Sources", None, "other"),  # "Belarus supplies shells to Russia: Sources"
])
def test_headline_credit(sep, credit, actor, expected):
    doc = parse([("Belarus", 1, "nsubj", "PROPN"), ("supplies", 1, "ROOT", "VERB", "VBZ", "supply"),
                 ("shells", 1, "dobj", "NOUN", "NNS", "shell"), ("to", 1, "prep", "ADP"), ("Russia", 3, "pobj", "PROPN"),
                 (sep, 1, "punct", *P), (credit, 1, "npadvmod", "PROPN" if actor else "NOUN", "NNP" if actor else "NNS",
                                          credit.lower().rstrip("s"))],
                actors={"Belarus": ("BLR", "state"), "Russia": ("RUS", "state"), **({credit: actor} if actor else {})})
    c = claimant(doc, "supplies")
    assert (c.id, c.text) == (expected, credit)


# -- a reporting clause beside the trigger: "as X said" credits it, "while X said" does not ----------------------
@pytest.mark.parametrize("mark, expected", [("as", "CAN"), ("while", "author"), ("whereas", "author")])
def test_side_report_credits_unless_a_contrast(mark, expected):
    # "Iran sent drones to Russia, as Canada said." / "..., while Canada said."
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("to", 1, "prep", "ADP"), ("Russia", 3, "pobj", "PROPN"),
                 (",", 1, "punct", *P), (mark, 8, "mark", "SCONJ"), ("Canada", 8, "nsubj", "PROPN"),
                 ("said", 1, "advcl", "VERB", "VBD", "say"), (".", 1, "punct", *P)],
                actors={"Iran": ("IRN", "state"), "Russia": ("RUS", "state"), "Canada": ("CAN", "state")})
    assert claimant(doc, "sent").id == expected


# -- the owner of a claim noun that governs the trigger ----------------------------------------------------------
def test_claim_owner_possessor_or_by_phrase():
    # "Kyiv rejected Moscow's claims of Serbian firms supplying shells."
    doc = parse([("Kyiv", 1, "nsubj", "PROPN"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
                 ("Moscow", 4, "poss", "PROPN"), ("+'s", 2, "case", "PART", "POS"),
                 ("claims", 1, "dobj", "NOUN", "NNS", "claim"), ("of", 4, "prep", "ADP"), ("Serbian", 7, "amod", "ADJ"),
                 ("firms", 5, "pobj", "NOUN", "NNS", "firm"), ("supplying", 7, "acl", "VERB", "VBG", "supply"),
                 ("shells", 8, "dobj", "NOUN", "NNS", "shell"), (".", 1, "punct", *P)],
                actors={"Kyiv": ("UKR", "capital"), "Moscow": ("RUS", "capital"), "Serbian": ("SRB", "demonym")})
    assert claimant(doc, "supplying").id == "RUS"
    # "Tehran denied allegations by Kyiv that Iran supplied drones."
    doc = parse([("Tehran", 1, "nsubj", "PROPN"), ("denied", 1, "ROOT", "VERB", "VBD", "deny"),
                 ("allegations", 1, "dobj", "NOUN", "NNS", "allegation"), ("by", 2, "prep", "ADP"),
                 ("Kyiv", 3, "pobj", "PROPN"), ("that", 7, "mark", "SCONJ"), ("Iran", 7, "nsubj", "PROPN"),
                 ("supplied", 2, "acl", "VERB", "VBD", "supply"), ("drones", 7, "dobj", "NOUN", "NNS", "drone"),
                 (".", 1, "punct", *P)],
                actors={"Tehran": ("IRN", "capital"), "Kyiv": ("UKR", "capital"), "Iran": ("IRN", "state")})
    assert claimant(doc, "supplied").id == "UKR"


def test_claim_owner_unnamed_is_other_and_there_are_reports_is_the_author():
    # "Officials dismissed reports of Iran selling drones."
    doc = parse([("Officials", 1, "nsubj", "NOUN", "NNS", "official"), ("dismissed", 1, "ROOT", "VERB", "VBD", "dismiss"),
                 ("reports", 1, "dobj", "NOUN", "NNS", "report"), ("of", 2, "prep", "ADP"), ("Iran", 3, "pobj", "PROPN"),
                 ("selling", 4, "acl", "VERB", "VBG", "sell"), ("drones", 5, "dobj", "NOUN", "NNS", "drone"),
                 (".", 1, "punct", *P)], actors={"Iran": ("IRN", "state")})
    assert claimant(doc, "selling").id == "other"
    # "There were reports of Iran selling drones."
    doc = parse([("There", 1, "expl", "PRON", "EX"), ("were", 1, "ROOT", "VERB", "VBD", "be"),
                 ("reports", 1, "attr", "NOUN", "NNS", "report"), ("of", 2, "prep", "ADP"), ("Iran", 3, "pobj", "PROPN"),
                 ("selling", 4, "acl", "VERB", "VBG", "sell"), ("drones", 5, "dobj", "NOUN", "NNS", "drone"),
                 (".", 1, "punct", *P)], actors={"Iran": ("IRN", "state")})
    assert claimant(doc, "selling").id == "author"


# -- the author of a measure states its reason -------------------------------------------------------------------
@pytest.mark.parametrize("subject, actor, verb, lemma, prep, expected", [
    ("Britain", ("GBR", "state"), "sanctioned", "sanction", "for", "GBR"),  # "sanctioned two firms for supplying"
    ("EU", ("org:eu", "org"), "fined", "fine", "over", "org:eu"),  # "The EU fined two firms over supplying"
])
def test_measure_reason(subject, actor, verb, lemma, prep, expected):
    doc = parse([(subject, 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma), ("two", 3, "nummod", "NUM"),
                 ("firms", 1, "dobj", "NOUN", "NNS", "firm"), (prep, 1, "prep", "ADP"),
                 ("supplying", 4, "pcomp", "VERB", "VBG", "supply"), ("drones", 5, "dobj", "NOUN", "NNS", "drone"),
                 (".", 1, "punct", *P)], actors={subject: actor})
    assert claimant(doc, "supplying").id == expected


# -- a joint statement: each subject speaks for itself -----------------------------------------------------------
@pytest.mark.parametrize("noun, lemma", [("statement", "statement"), ("declaration", "declaration")])
def test_own_statement_is_each_suppliers_own(noun, lemma):
    # "In a joint statement, Latvia and Lithuania pledged shells to Ukraine."
    doc = parse([("In", 8, "prep", "ADP"), ("a", 3, "det", "DET"), ("joint", 3, "amod", "ADJ"),
                 (noun, 0, "pobj", "NOUN", "NN", lemma), (",", 8, "punct", *P), ("Latvia", 8, "nsubj", "PROPN"),
                 ("and", 5, "cc", "CCONJ"), ("Lithuania", 5, "conj", "PROPN"),
                 ("pledged", 8, "ROOT", "VERB", "VBD", "pledge"), ("shells", 8, "dobj", "NOUN", "NNS", "shell"),
                 ("to", 8, "prep", "ADP"), ("Ukraine", 10, "pobj", "PROPN"), (".", 8, "punct", *P)],
                actors={"Latvia": ("LVA", "state"), "Lithuania": ("LTU", "state"), "Ukraine": ("UKR", "state")})
    assert claimant(doc, "pledged").id == SELF


# -- a following sentence that attributes this one ---------------------------------------------------------------
@pytest.mark.parametrize("tail", [
    [("Kyiv", 7, "nsubj", "PROPN"), ("reported", 7, "ROOT", "VERB", "VBD", "report"), ("this", 7, "dobj", "PRON", "DT"),
     (".", 7, "punct", *P)],  # "... Kyiv reported this."
    [("Kyiv", 7, "nsubj", "PROPN"), ("said", 7, "ROOT", "VERB", "VBD", "say"), ("so", 7, "advmod", "ADV"),
     (".", 7, "punct", *P)],  # "... Kyiv said so."
])
def test_following_sentence_attributes_this_one(tail):
    # "Iran sent drones to Russia."
    head = [("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
            ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("to", 1, "prep", "ADP"), ("Russia", 3, "pobj", "PROPN"),
            (".", 1, "punct", *P)]
    doc = parse(head + tail, actors={"Iran": ("IRN", "state"), "Russia": ("RUS", "state"), "Kyiv": ("UKR", "capital")})
    c = claimant(doc, "sent")
    assert (c.id, c.quoted) == ("UKR", False)


# -- quotations: their speaker, and "we" inside them -------------------------------------------------------------
def _quote_then_tag(speaker: str, verb: str, lemma: str) -> list[tuple]:
    """'“We will send tanks,” <speaker> <verb>.'"""
    return [("“", 3, "punct", *P), ("We", 3, "nsubj", "PRON", "PRP", "we"), ("will", 3, "aux", "AUX", "MD"),
            ("send", 8, "ccomp", "VERB", "VB", "send"), ("tanks", 3, "dobj", "NOUN", "NNS", "tank"),
            (",", 8, "punct", *P), ("+”", 8, "punct", *P), (speaker, 8, "nsubj", "PROPN"),
            (verb, 8, "ROOT", "VERB", "VBD", lemma), (".", 8, "punct", *P)]


def test_in_quotes_counts_marks_from_the_start():
    doc = parse(_quote_then_tag("Scholz", "said", "say"), actors={"Scholz": ("DEU", "person")})
    # the closing mark counts as inside: only marks before a token are counted
    assert [t.text for t in doc if in_quotes(doc, t.i)] == ["We", "will", "send", "tanks", ",", "”"]


@pytest.mark.parametrize("tokens, actors, expected", [
    # '“We will send tanks,” Scholz said.'
    (_quote_then_tag("Scholz", "said", "say"), {"Scholz": ("DEU", "person")}, "DEU"),
    # 'Kirby said: “We sent shells to Kyiv.”'
    ([("Kirby", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"), (":", 1, "punct", *P),
      ("“", 5, "punct", *P), ("We", 5, "nsubj", "PRON", "PRP", "we"), ("sent", 1, "ccomp", "VERB", "VBD", "send"),
      ("shells", 5, "dobj", "NOUN", "NNS", "shell"), ("to", 5, "prep", "ADP"), ("Kyiv", 7, "pobj", "PROPN"),
      (".", 5, "punct", *P), ("+”", 5, "punct", *P)], {"Kirby": ("USA", "person"), "Kyiv": ("UKR", "capital")}, "USA"),
])
def test_first_person_in_a_quotation_is_its_speaker(tokens, actors, expected):
    doc = parse(tokens, actors=actors)
    idx = claimant_finder(doc, list(doc.sents)).idx
    ref = idx.resolve(token(doc, "We"))
    assert ref is not None and (ref.id, ref.via) == (expected, "anaphor")


def test_first_person_outside_a_quotation_or_spoken_by_we_names_no_actor():
    # "We will send tanks, Scholz said." (no quotation marks)
    doc = parse([
        ("We", 2, "nsubj", "PRON", "PRP", "we"), ("will", 2, "aux", "AUX", "MD"), ("send", 6, "ccomp", "VERB", "VB", "send"),
        ("tanks", 2, "dobj", "NOUN", "NNS", "tank"), (",", 6, "punct", *P), ("Scholz", 6, "nsubj", "PROPN"),
        ("said", 6, "ROOT", "VERB", "VBD", "say"), (".", 6, "punct", *P)], actors={"Scholz": ("DEU", "person")})
    assert claimant_finder(doc, list(doc.sents)).idx.resolve(token(doc, "We")) is None
    # '“We will send tanks,” we said.': the speaker is itself a "we", and the search stops there
    tokens = _quote_then_tag("we", "said", "say")
    tokens[7] = ("we", 8, "nsubj", "PRON", "PRP", "we")
    doc = parse(tokens)
    assert claimant_finder(doc, list(doc.sents)).idx.resolve(token(doc, "We")) is None


@pytest.mark.parametrize("tag", [
    [("Kirby", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say")],  # 'Kirby said: “... . Russia used'
    [("Kirby", 1, "nsubj", "PROPN"), ("told", 1, "ROOT", "VERB", "VBD", "tell")],  # 'Kirby told: “... . Russia used'
])
def test_quoted_claim_outside_the_tags_clause_is_the_quotes_speaker(tag):
    # 'Kirby said: “Iran has sent drones. Russia used them.”': "used" is in another sentence of the quotation
    doc = parse(tag + [(":", 1, "punct", *P), ("“", 6, "punct", *P), ("Iran", 6, "nsubj", "PROPN"),
                       ("has", 6, "aux", "AUX", "VBZ", "have"), ("sent", 1, "ccomp", "VERB", "VBN", "send"),
                       ("drones", 6, "dobj", "NOUN", "NNS", "drone"), (".", 6, "punct", *P),
                       ("Russia", 10, "nsubj", "PROPN"), ("used", 10, "ROOT", "VERB", "VBD", "use"),
                       ("them", 10, "dobj", "PRON", "PRP", "they"), (".", 10, "punct", *P), ("+”", 10, "punct", *P)],
                actors={"Kirby": ("USA", "person"), "Iran": ("IRN", "state"), "Russia": ("RUS", "state")})
    c = claimant(doc, "used")
    assert (c.id, c.quoted) == ("USA", True)


# -- outlets named by a press noun, "according to what X said", "as stated by X" ---------------------------------
@pytest.mark.parametrize("speaker, actors", [
    # "German newsweekly Spiegel said ...": a press noun in the name makes it an outlet, whatever its nationality
    ([("German", 2, "amod", "ADJ"), ("newsweekly", 2, "amod", "ADJ"), ("Spiegel", 3, "nsubj", "PROPN")],
     {"German": ("DEU", "demonym")}),
    # "Japanese broadcaster NHK said ..."
    ([("Japanese", 2, "amod", "ADJ"), ("broadcaster", 2, "compound", "NOUN"), ("NHK", 3, "nsubj", "PROPN")],
     {"Japanese": ("JPN", "demonym")}),
])
def test_press_noun_in_a_speakers_name_is_an_outlet(speaker, actors):
    assert claimant(_said(speaker, actors), "sent").id == "other"


def _tail_credit(tail: list[tuple], actors: dict) -> object:
    """"Iran sent drones, " + `tail` (whose heads count from index 4) + "."."""
    tokens = [("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
              ("drones", 1, "dobj", "NOUN", "NNS", "drone"), (",", 1, "punct", *P), *tail, (".", 1, "punct", *P)]
    return parse(tokens, actors={"Iran": ("IRN", "state"), **actors})


@pytest.mark.parametrize("speaker, actor, verb, lemma", [
    ("Pentagon", ("USA", "institution"), "said", "say"),  # "..., according to what the Pentagon said."
    ("Kyiv", ("UKR", "capital"), "announced", "announce"),  # "..., according to what Kyiv announced."
])
def test_according_to_what_x_said_is_xs_claim(speaker, actor, verb, lemma):
    doc = _tail_credit([("according", 1, "prep", "VERB", "VBG", "accord"), ("to", 4, "prep", "ADP"),
                        ("what", 9, "dobj", "PRON", "WP"), ("the", 8, "det", "DET"), (speaker, 9, "nsubj", "PROPN"),
                        (verb, 5, "pcomp", "VERB", "VBD", lemma)], {speaker: actor})
    assert claimant(doc, "sent").id == actor[0]


@pytest.mark.parametrize("verb, lemma, speaker, actor", [
    ("stated", "state", "Pentagon", ("USA", "institution")),  # "..., as stated by the Pentagon."
    ("announced", "announce", "Kyiv", ("UKR", "capital")),  # "..., as announced by Kyiv."
])
def test_as_reported_by_x_is_the_agents_claim(verb, lemma, speaker, actor):
    doc = _tail_credit([("as", 5, "mark", "SCONJ"), (verb, 1, "advcl", "VERB", "VBN", lemma), ("by", 5, "agent", "ADP"),
                        ("the", 8, "det", "DET"), (speaker, 6, "pobj", "PROPN")], {speaker: actor})
    assert claimant(doc, "sent").id == actor[0]


# -- a medium relays a named party; "cited X as saying"; clause-only reporting verbs; announced measures ----------
def _according_to_report(verb: str, lemma: str, modal: bool = False) -> object:
    """"Kyiv <verb> Iran sent drones, according to a Reuters report." (with "will" before the verb when `modal`)."""
    m = 1 if modal else 0
    tokens = [("Kyiv", 1 + m, "nsubj", "PROPN")] + ([("will", 2, "aux", "AUX", "MD")] if modal else []) + [
        (verb, 1 + m, "ROOT", "VERB", "VB" if modal else "VBD", lemma), ("Iran", 3 + m, "nsubj", "PROPN"),
        ("sent", 1 + m, "ccomp", "VERB", "VBD", "send"), ("drones", 3 + m, "dobj", "NOUN", "NNS", "drone"),
        (",", 1 + m, "punct", *P), ("according", 1 + m, "prep", "VERB", "VBG", "accord"), ("to", 6 + m, "prep", "ADP"),
        ("a", 10 + m, "det", "DET"), ("Reuters", 10 + m, "compound", "PROPN"), ("report", 7 + m, "pobj", "NOUN"),
        (".", 1 + m, "punct", *P)]
    return parse(tokens, actors={"Kyiv": ("UKR", "capital"), "Iran": ("IRN", "state")})


@pytest.mark.parametrize("verb, lemma", [("announced", "announce"), ("said", "say")])
def test_a_reports_relay_of_a_named_party_is_the_partys_claim(verb, lemma):
    # "Kyiv announced Iran sent drones, according to a Reuters report." -> UKR (GUIDELINES §6, relayed by a medium)
    assert claimant(_according_to_report(verb, lemma), "sent").id == "UKR"


def test_a_party_that_only_will_announce_leaves_the_report_the_claimant():
    # "Kyiv will announce Iran sent drones, according to a Reuters report." -> the report's
    assert claimant(_according_to_report("announce", "announce", modal=True), "sent").id == "other"


@pytest.mark.parametrize("outlet", [[("CNN", 1, "nsubj", "PROPN")],
                                   [("The", 1, "det", "DET"), ("paper", 2, "nsubj", "NOUN")]])
def test_an_outlet_reporting_that_a_party_said_is_the_partys_claim(outlet):
    # "CNN reported US officials said Iran sent drones." / "The paper reported ..." with the outer verb chosen
    n = len(outlet)
    tokens = outlet + [("reported", n, "ROOT", "VERB", "VBD", "report"), ("US", n + 2, "compound", "PROPN"),
                       ("officials", n + 3, "nsubj", "NOUN", "NNS", "official"), ("said", n, "ccomp", "VERB", "VBD", "say"),
                       ("Iran", n + 5, "nsubj", "PROPN"), ("sent", n + 3, "ccomp", "VERB", "VBD", "send"),
                       ("drones", n + 5, "dobj", "NOUN", "NNS", "drone"), (".", n, "punct", *P)]
    doc = parse(tokens, actors={"US": ("USA", "state"), "Iran": ("IRN", "state")})
    sentences = list(doc.sents)
    tok = token(doc, "sent")
    c = claimant_finder(doc, sentences).find(tok, sentences[0], token(doc, "reported"), sentences)
    assert c.id == "USA"


@pytest.mark.parametrize("office, actor, expected", [
    ("government", ("USA", "state"), "USA"),  # "US government sources said ..."
    ("military", ("ISR", "demonym"), "ISR"),  # "Israeli military sources said ..."
])
def test_sources_of_a_states_office_speak_for_it(office, actor, expected):
    name = "US" if actor[0] == "USA" else "Israeli"
    doc = _said([(name, 1, "compound" if name == "US" else "amod", "PROPN" if name == "US" else "ADJ"),
                 (office, 2, "compound", "NOUN"), ("sources", 3, "nsubj", "NOUN", "NNS", "source")], {name: actor})
    assert claimant(doc, "sent").id == expected


def test_sources_with_a_nationality_alone_stay_other():
    doc = _said([("Israeli", 1, "amod", "ADJ"), ("sources", 2, "nsubj", "NOUN", "NNS", "source")],
                {"Israeli": ("ISR", "demonym")})
    assert claimant(doc, "sent").id == "other"


def test_cited_officials_as_saying():
    # "The Journal cited US officials as saying Iran sent drones."
    doc = parse([("The", 1, "det", "DET"), ("Journal", 2, "nsubj", "PROPN"), ("cited", 2, "ROOT", "VERB", "VBD", "cite"),
                 ("US", 4, "compound", "PROPN"), ("officials", 2, "dobj", "NOUN", "NNS", "official"),
                 ("as", 2, "prep", "ADP"), ("saying", 5, "pcomp", "VERB", "VBG", "say"), ("Iran", 8, "nsubj", "PROPN"),
                 ("sent", 6, "ccomp", "VERB", "VBD", "send"), ("drones", 8, "dobj", "NOUN", "NNS", "drone"),
                 (".", 2, "punct", *P)], actors={"US": ("USA", "state"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == "USA"


def test_reported_diplomats_as_saying_after_the_claim():
    # "Iran sent drones, Reuters reported EU diplomats as saying."
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 5, "ccomp", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), (",", 5, "punct", *P), ("Reuters", 5, "nsubj", "PROPN"),
                 ("reported", 5, "ROOT", "VERB", "VBD", "report"), ("EU", 7, "compound", "PROPN"),
                 ("diplomats", 5, "dobj", "NOUN", "NNS", "diplomat"), ("as", 5, "prep", "ADP"),
                 ("saying", 8, "pcomp", "VERB", "VBG", "say"), (".", 5, "punct", *P)],
                actors={"EU": ("org:eu", "org"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == "org:eu"


@pytest.mark.parametrize("speaker, actor, verb, lemma, expected", [
    ("officials", ("USA", "state"), "counter", "counter", "USA"),  # "US officials counter that Iran sent drones."
    ("report", None, "advises", "advise", "other"),  # "The report advises that Iran sent drones."
])
def test_reporting_only_with_a_clause(speaker, actor, verb, lemma, expected):
    mod = [("US", 1, "compound", "PROPN")] if actor else [("The", 1, "det", "DET")]
    doc = _said(mod + [(speaker, 2, "nsubj", "NOUN")], {"US": actor} if actor else {}, lemma, verb)
    assert claimant(doc, "sent").id == expected


@pytest.mark.parametrize("verb, lemma, noun", [("concluded", "conclude", "negotiations"),
                                               ("concluded", "conclude", "talks")])
def test_a_plain_object_of_conclude_is_no_report(verb, lemma, noun):
    # "Turkey concluded sales negotiations.", "Turkey concluded arms talks."
    doc = parse([("Turkey", 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma),
                 ("arms", 3, "compound", "NOUN"), (noun, 1, "dobj", "NOUN", "NNS"), (".", 1, "punct", *P)],
                actors={"Turkey": ("TUR", "state")})
    assert claimant(doc, noun).id == "author"


@pytest.mark.parametrize("speaker, actor, noun, lemma, expected", [
    ("EU", ("org:eu", "org"), "sanctions", "sanction", "author"),  # "The EU announced new sanctions on Iran."
    ("Washington", ("USA", "capital"), "embargo", "embargo", "author"),  # "Washington announced an embargo on Iran."
    ("Washington", ("USA", "capital"), "delivery", "delivery", "USA"),  # "Washington announced the delivery ..."
])
def test_an_announced_measure_is_the_imposers_act(speaker, actor, noun, lemma, expected):
    doc = parse([(speaker, 1, "nsubj", "PROPN"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
                 ("new", 3, "amod", "ADJ"), (noun, 1, "dobj", "NOUN", "NN", lemma), ("on", 3, "prep", "ADP"),
                 ("Iran", 4, "pobj", "PROPN"), (".", 1, "punct", *P)],
                actors={speaker: actor, "Iran": ("IRN", "state")})
    assert claimant(doc, noun).id == expected


# -- terms are no source, research bodies are `other`, a comparison is no credit, a report accuses -----------------
@pytest.mark.parametrize("noun", ["agreement", "contract"])
def test_as_per_the_terms_is_no_source(noun):
    # "Iran sent drones as per an agreement, according to the Pentagon." / "... as per the contract, ..."
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("as", 4, "advmod", "ADV"), ("per", 1, "prep", "ADP"),
                 ("an", 6, "det", "DET"), (noun, 4, "pobj", "NOUN"), (",", 1, "punct", *P),
                 ("according", 1, "prep", "VERB", "VBG", "accord"), ("to", 8, "prep", "ADP"), ("the", 11, "det", "DET"),
                 ("Pentagon", 9, "pobj", "PROPN"), (".", 1, "punct", *P)],
                actors={"Pentagon": ("USA", "institution"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == "USA"


@pytest.mark.parametrize("speaker, actors, expected", [
    # "Stockholm's peace research institute said ...": a place names it, it is no state's voice
    ([("Stockholm", 3, "poss", "PROPN"), ("'s", 0, "case", "PART", "POS"), ("research", 3, "compound", "NOUN"),
      ("institute", 4, "nsubj", "NOUN")], {"Stockholm": ("SWE", "capital")}, "other"),
    # "the Belarusian monitoring group said ..."
    ([("the", 3, "det", "DET"), ("Belarusian", 3, "amod", "ADJ"), ("monitoring", 3, "compound", "NOUN"),
      ("group", 4, "nsubj", "NOUN")], {"Belarusian": ("BLR", "demonym")}, "other"),
    # "a UN monitoring group said ...": an international body still speaks through it
    ([("a", 3, "det", "DET"), ("UN", 3, "compound", "PROPN"), ("monitoring", 3, "compound", "NOUN"),
      ("group", 4, "nsubj", "NOUN")], {"UN": ("org:un", "org")}, "org:un"),
])
def test_research_and_monitoring_bodies_are_other(speaker, actors, expected):
    assert claimant(_said(speaker, actors), "sent").id == expected


@pytest.mark.parametrize("credit, expected", [
    ([], "author"),  # "Turkey sold more drones than previously announced."
    ([(",", 6, "punct", *P), ("as", 9, "mark", "SCONJ"), ("reported", 6, "advcl", "VERB", "VBN", "report"),
      ("by", 9, "agent", "ADP"), ("Bloomberg", 10, "pobj", "PROPN")], "other"),  # "..., as reported by Bloomberg."
])
def test_than_previously_announced_is_no_credit(credit, expected):
    doc = parse([("Turkey", 1, "nsubj", "PROPN"), ("sold", 1, "ROOT", "VERB", "VBD", "sell"), ("more", 3, "amod", "ADJ"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("than", 6, "mark", "SCONJ"),
                 ("previously", 6, "advmod", "ADV"), ("announced", 1, "advcl", "VERB", "VBN", "announce"), *credit,
                 (".", 1, "punct", *P)], actors={"Turkey": ("TUR", "state")})
    assert claimant(doc, "sold").id == expected


@pytest.mark.parametrize("noun, lemma, verb, vlemma", [("report", "report", "accusing", "accuse"),
                                                       ("allegation", "allegation", "claiming", "claim")])
def test_a_claim_noun_with_a_participle_is_the_accuser(noun, lemma, verb, vlemma):
    # "The UAE denied a rights group's report accusing it of providing weapons to Sudan." -> the report's: `other`
    doc = parse([("The", 1, "det", "DET"), ("UAE", 2, "nsubj", "PROPN"), ("denied", 2, "ROOT", "VERB", "VBD", "deny"),
                 ("a", 4, "det", "DET"), (noun, 2, "dobj", "NOUN", "NN", lemma),
                 (verb, 4, "acl", "VERB", "VBG", vlemma), ("it", 5, "dobj", "PRON"), ("of", 5, "prep", "ADP"),
                 ("providing", 7, "pcomp", "VERB", "VBG", "provide"), ("weapons", 8, "dobj", "NOUN", "NNS", "weapon"),
                 ("to", 8, "prep", "ADP"), ("Sudan", 10, "pobj", "PROPN"), (".", 2, "punct", *P)],
                actors={"UAE": ("ARE", "state"), "Sudan": ("SDN", "state")})
    assert claimant(doc, "providing").id == "other"


# -- a surname alone after the full name with its office ------------------------------------------------------------
@pytest.mark.parametrize("adj, actor, title, first, surname, verb, lemma", [
    ("Polish", ("POL", "demonym"), "Minister", "Anna", "Kowal", "said", "say"),  # "Polish Defence Minister Anna Kowal
    # spoke. Kowal said Iran sent drones."
    ("Estonian", ("EST", "demonym"), "Premier", "Kaja", "Tamm", "told", "tell"),  # "... Tamm told Iran sent drones."
])
def test_a_surname_alone_speaks_for_the_office_named_before(adj, actor, title, first, surname, verb, lemma):
    doc = parse([(adj, 4, "amod", "ADJ"), ("Defence", 2, "compound", "PROPN"), (title, 4, "compound", "PROPN"),
                 (first, 4, "compound", "PROPN"), (surname, 5, "nsubj", "PROPN"), ("spoke", 5, "ROOT", "VERB", "VBD",
                                                                                   "speak"),
                 (".", 5, "punct", *P), (surname, 8, "nsubj", "PROPN"), (verb, 8, "ROOT", "VERB", "VBD", lemma),
                 ("Iran", 10, "nsubj", "PROPN"), ("sent", 8, "ccomp", "VERB", "VBD", "send"),
                 ("drones", 10, "dobj", "NOUN", "NNS", "drone"), (".", 8, "punct", *P)],
                actors={adj: actor, "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == actor[0]


def test_a_surname_never_introduced_stays_other():
    doc = _said([("Kowal", 1, "nsubj", "PROPN")], {})
    assert claimant(doc, "sent").id == "other"


# -- a listed speaker: each supplier among them claims its own mention ---------------------------------------------
@pytest.mark.parametrize("first, second, verb, lemma", [
    ("Norway", "Denmark", "announced", "announce"),  # "Norway and Denmark announced they sent jets."
    ("Spain", "Portugal", "confirmed", "confirm"),  # "Spain and Portugal confirmed they sent jets."
])
def test_a_listed_speaker_names_each_of_its_actors(first, second, verb, lemma):
    doc = parse([(first, 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), (second, 0, "conj", "PROPN"),
                 (verb, 3, "ROOT", "VERB", "VBD", lemma), ("they", 5, "nsubj", "PRON"),
                 ("sent", 3, "ccomp", "VERB", "VBD", "send"), ("jets", 5, "dobj", "NOUN", "NNS", "jet"),
                 (".", 3, "punct", *P)],
                actors={first: (first[:3].upper(), "state"), second: (second[:3].upper(), "state")})
    c = claimant(doc, "sent")
    assert c.joint == (first[:3].upper(), second[:3].upper())


def test_a_single_speaker_is_no_list():
    assert claimant(_said([("Russia", 1, "nsubj", "PROPN")], {"Russia": ("RUS", "state")}), "sent").joint == ()


# -- a state's own media speak for the state -------------------------------------------------------------------------
@pytest.mark.parametrize("speaker, actors, expected", [
    # "KCNA said Iran sent drones."
    ([("KCNA", 1, "nsubj", "PROPN")], {"KCNA": ("PRK", "media")}, "PRK"),
    # "the Tasnim news agency said ..." (a press word in the name, but the outlet is the state's)
    ([("the", 3, "det", "DET"), ("Tasnim", 3, "compound", "PROPN"), ("news", 3, "compound", "NOUN"),
      ("agency", 4, "nsubj", "NOUN")], {"Tasnim": ("IRN", "media")}, "IRN"),
    # "the Associated Press said ...": a private outlet stays `other`
    ([("the", 2, "det", "DET"), ("Associated", 2, "compound", "PROPN"), ("Press", 3, "nsubj", "PROPN")], {}, "other"),
])
def test_state_media_speak_for_their_state(speaker, actors, expected):
    assert claimant(_said(speaker, actors), "sent").id == expected


@pytest.mark.parametrize("first, lemma", [("condemned", "condemn"), ("warned", "warn")])
def test_an_announced_measure_coordinated_with_a_reporting_verb_is_still_the_imposers_act(first, lemma):
    # "The EU condemned the strikes and announced sanctions on Iran." / "The EU warned ... and announced ..."
    doc = parse([("The", 1, "det", "DET"), ("EU", 2, "nsubj", "PROPN"), (first, 2, "ROOT", "VERB", "VBD", lemma),
                 ("the", 4, "det", "DET"), ("strikes", 2, "dobj", "NOUN", "NNS", "strike"), ("and", 2, "cc", "CCONJ"),
                 ("announced", 2, "conj", "VERB", "VBD", "announce"), ("sanctions", 6, "dobj", "NOUN", "NNS", "sanction"),
                 ("on", 7, "prep", "ADP"), ("Iran", 8, "pobj", "PROPN"), (".", 2, "punct", *P)],
                actors={"EU": ("org:eu", "org"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sanctions").id == "author"


@pytest.mark.parametrize("noun, lemma, prep, owner, actor", [
    ("accusations", "accusation", "by", "Seoul", ("KOR", "capital")),  # "... amid accusations by Seoul that ..."
    ("claims", "claim", "from", "Washington", ("USA", "capital")),  # "... amid claims from Washington that ..."
])
def test_a_that_clause_hung_on_the_wrong_verb_is_the_claim_nouns(noun, lemma, prep, owner, actor):
    # "Pyongyang continued to deny any deal amid <noun> <prep> <owner> that it shipped shells." (the parse hangs the
    # "that"-clause on "continued")
    doc = parse([("Pyongyang", 1, "nsubj", "PROPN"), ("continued", 1, "ROOT", "VERB", "VBD", "continue"),
                 ("to", 3, "aux", "PART"), ("deny", 1, "xcomp", "VERB", "VB", "deny"), ("any", 5, "det", "DET"),
                 ("deal", 3, "dobj", "NOUN"), ("amid", 3, "prep", "ADP"), (noun, 6, "pobj", "NOUN", "NNS", lemma),
                 (prep, 7, "prep", "ADP"), (owner, 8, "pobj", "PROPN"), ("that", 12, "mark", "SCONJ"),
                 ("it", 12, "nsubj", "PRON"), ("shipped", 1, "ccomp", "VERB", "VBD", "ship"),
                 ("shells", 12, "dobj", "NOUN", "NNS", "shell"), (".", 1, "punct", *P)],
                actors={"Pyongyang": ("PRK", "capital"), owner: actor})
    assert claimant(doc, "shipped").id == actor[0]


@pytest.mark.parametrize("mark, expected", [
    ("after", "author"),  # "Kyiv said it bought jets, weeks after Iran sent drones."
    ("before", "author"),  # "Kyiv said it bought jets, weeks before Iran sent drones."
])
def test_a_time_clause_of_the_reporting_verb_is_not_what_it_reports(mark, expected):
    doc = parse([("Kyiv", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"), ("it", 3, "nsubj", "PRON"),
                 ("bought", 1, "ccomp", "VERB", "VBD", "buy"), ("jets", 3, "dobj", "NOUN", "NNS", "jet"),
                 (",", 1, "punct", *P), ("weeks", 9, "npadvmod", "NOUN", "NNS", "week"), (mark, 9, "mark", "SCONJ"),
                 ("Iran", 9, "nsubj", "PROPN"), ("sent", 1, "advcl", "VERB", "VBD", "send"),
                 ("drones", 9, "dobj", "NOUN", "NNS", "drone"), (".", 1, "punct", *P)],
                actors={"Kyiv": ("UKR", "capital"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == expected
    assert claimant(doc, "bought").id == "UKR"  # the content clause stays Kyiv's


@pytest.mark.parametrize("verb, lemma", [("announced", "announce"), ("said", "say")])
def test_a_coordinated_clause_with_its_own_subject_is_not_reported(verb, lemma):
    # "Germany announced it sent tanks, and Poland sent jets." / "Germany said it sent tanks, and Poland sent jets."
    doc = parse([("Germany", 1, "nsubj", "PROPN"), (verb, 1, "ROOT", "VERB", "VBD", lemma), ("it", 3, "nsubj", "PRON"),
                 ("sent", 1, "ccomp", "VERB", "VBD", "send"), ("tanks", 3, "dobj", "NOUN", "NNS", "tank"),
                 (",", 1, "punct", *P), ("and", 1, "cc", "CCONJ"), ("Poland", 8, "nsubj", "PROPN"),
                 ("sent", 1, "conj", "VERB", "VBD", "send"), ("jets", 8, "dobj", "NOUN", "NNS", "jet"),
                 (".", 1, "punct", *P)], actors={"Germany": ("DEU", "state"), "Poland": ("POL", "state")})
    assert claimant(doc, "sent", 1).id == "author"
    assert claimant(doc, "sent", 0).id == "DEU"


@pytest.mark.parametrize("speaker, actor, verb, lemma, source", [
    ("Kyiv", ("UKR", "capital"), "said", "say", "officials"),  # "The paper, citing unnamed officials, reported
    # Kyiv said Iran sent drones."
    ("Pentagon", ("USA", "institution"), "confirmed", "confirm", "sources"),  # "..., citing unnamed sources, reported
    # the Pentagon confirmed ..."
])
def test_unnamed_sources_reporting_a_partys_statement_give_the_party(speaker, actor, verb, lemma, source):
    doc = parse([("The", 1, "det", "DET"), ("paper", 6, "nsubj", "NOUN"), (",", 1, "punct", *P),
                 ("citing", 6, "advcl", "VERB", "VBG", "cite"), ("unnamed", 5, "amod", "ADJ"),
                 (source, 3, "dobj", "NOUN", "NNS", source[:-1]), ("reported", 6, "ROOT", "VERB", "VBD", "report"),
                 (speaker, 8, "nsubj", "PROPN"), (verb, 6, "ccomp", "VERB", "VBD", lemma), ("Iran", 10, "nsubj", "PROPN"),
                 ("sent", 8, "ccomp", "VERB", "VBD", "send"), ("drones", 10, "dobj", "NOUN", "NNS", "drone"),
                 (".", 6, "punct", *P)], actors={speaker: actor, "Iran": ("IRN", "state")})
    sentences = list(doc.sents)
    c = claimant_finder(doc, sentences).find(token(doc, "sent"), sentences[0], token(doc, "reported"), sentences)
    assert c.id == actor[0]


def test_unnamed_sources_of_a_partys_own_words_stay_other():
    # "Kyiv said Iran sent drones, citing unnamed officials." (the sources credit Kyiv's words themselves)
    doc = parse([("Kyiv", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"), ("Iran", 3, "nsubj", "PROPN"),
                 ("sent", 1, "ccomp", "VERB", "VBD", "send"), ("drones", 3, "dobj", "NOUN", "NNS", "drone"),
                 (",", 1, "punct", *P), ("citing", 1, "advcl", "VERB", "VBG", "cite"), ("unnamed", 8, "amod", "ADJ"),
                 ("officials", 6, "dobj", "NOUN", "NNS", "official"), (".", 1, "punct", *P)],
                actors={"Kyiv": ("UKR", "capital"), "Iran": ("IRN", "state")})
    assert claimant(doc, "sent").id == "other"
