"""Pronouns for a list of actors and pronouns in denials (extraction/actors.py: ActorIndex._antecedent_group and
ActorIndex.denier, with `group_pronouns` and `denial_verbs` in extraction/data/references.yaml).

- "China and Russia ... they have supplied": a plural pronoun or "both (countries)" stands for every member of the
  list it points back to wherever several actors are accepted (`resolve_all`), one actor (`resolve`) elsewhere;
- "Iran denied that Washington says it had sent drones": the subject of a denied claim is the denier, not the
  nearer accuser.

Hand-built parses first (the rules on their own), then invented news sentences end to end, two or more wordings
each.
"""
from __future__ import annotations

import pytest
from conftest_handparse import parse, token

import armswatch
from armswatch.event_types import DENIAL
from armswatch.extraction.actors import ActorIndex
from armswatch.extraction.rules import load_rules
from armswatch.extraction.vocab import words

STATES = {"Poland": ("POL", "state"), "Slovakia": ("SVK", "state"), "Ukraine": ("UKR", "state")}
DENIAL_ACTORS = {"Iran": ("IRN", "state"), "Washington": ("USA", "state"), "Russia": ("RUS", "state")}


def _pair_then(subject: list[tuple]) -> object:
    """"Poland and Slovakia said <subject> would send jets to Ukraine"; the subject's last word is its head."""
    send = 4 + len(subject) + 1
    head = [(w, send - 2, "det", p, t) for w, p, t in subject[:-1]] + [(*subject[-1][:1], send, "nsubj",
                                                                         *subject[-1][1:])]
    return parse([("Poland", 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("Slovakia", 0, "conj", "PROPN"),
                  ("said", 3, "ROOT", "VERB", "VBD", "say"), *head, ("would", send, "aux", "AUX", "MD"),
                  ("send", 3, "ccomp", "VERB", "VB", "send"), ("jets", send, "dobj", "NOUN", "NNS", "jet"),
                  ("to", send, "prep", "ADP"), ("Ukraine", send + 2, "pobj", "PROPN")],
                 actors=STATES, items={"jets": "aircraft"})


@pytest.mark.parametrize("subject", [[("they", "PRON", "PRP")],
                                     [("both", "DET", "DT"), ("countries", "NOUN", "NNS")],
                                     [("the", "DET", "DT"), ("two", "NUM", "CD"), ("nations", "NOUN", "NNS")]])
def test_a_group_word_stands_for_the_whole_list_where_several_actors_fit(subject):
    doc = _pair_then(subject)
    idx = ActorIndex(doc)
    head = token(doc, subject[-1][0])
    assert [r.id for r in idx.resolve_all(head)] == ["POL", "SVK"]
    assert all(r.via == "anaphor" for r in idx.resolve_all(head))


def test_a_single_actor_caller_keeps_one_member_and_a_lone_antecedent_stays_alone():
    doc = _pair_then([("they", "PRON", "PRP")])
    ref = ActorIndex(doc).resolve(token(doc, "they"))
    assert ref is not None and ref.id in ("POL", "SVK")
    # "Poland said they would send jets to Ukraine": no list, so no group
    doc = parse([("Poland", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                 ("they", 4, "nsubj", "PRON", "PRP"), ("would", 4, "aux", "AUX", "MD"),
                 ("send", 1, "ccomp", "VERB", "VB", "send"), ("jets", 4, "dobj", "NOUN", "NNS", "jet")],
                actors={"Poland": ("POL", "state")})
    assert [r.id for r in ActorIndex(doc).resolve_all(token(doc, "they"))] == ["POL"]


def _denied(verb: tuple[str, str], accuser_verb: tuple[str, str]) -> object:
    """"Iran <verb> that Washington <accuser_verb> it sent drones to Russia"."""
    return parse([("Iran", 1, "nsubj", "PROPN"), (verb[0], 1, "ROOT", "VERB", "VBD", verb[1]),
                  ("that", 4, "mark", "SCONJ"), ("Washington", 4, "nsubj", "PROPN"),
                  (accuser_verb[0], 1, "ccomp", "VERB", "VBZ", accuser_verb[1]), ("it", 6, "nsubj", "PRON"),
                  ("sent", 4, "ccomp", "VERB", "VBD", "send"), ("drones", 6, "dobj", "NOUN", "NNS", "drone"),
                  ("to", 6, "prep", "ADP"), ("Russia", 8, "pobj", "PROPN")],
                 actors=DENIAL_ACTORS, items={"drones": "drones"})


@pytest.mark.parametrize(("verb", "accuser_verb"), [(("denied", "deny"), ("says", "say")),
                                                    (("rejected", "reject"), ("claims", "claim"))])
def test_the_subject_of_a_denied_claim_is_the_denier(verb, accuser_verb):
    doc = _denied(verb, accuser_verb)
    it = token(doc, "it")
    idx = ActorIndex(doc)
    assert idx.denier(it).id == "IRN" and idx.resolve(it).id == "IRN"


def test_a_coordinated_clause_is_no_denied_claim():
    # "Iran denied it and Washington says it sent drones to Russia": "says" is no complement of "denied"
    doc = parse([("Iran", 1, "nsubj", "PROPN"), ("denied", 1, "ROOT", "VERB", "VBD", "deny"), ("it", 1, "dobj", "PRON"),
                 ("and", 1, "cc", "CCONJ"), ("Washington", 5, "nsubj", "PROPN"),
                 ("says", 1, "conj", "VERB", "VBZ", "say"), ("it", 7, "nsubj", "PRON"),
                 ("sent", 5, "ccomp", "VERB", "VBD", "send"), ("drones", 7, "dobj", "NOUN", "NNS", "drone"),
                 ("to", 7, "prep", "ADP"), ("Russia", 9, "pobj", "PROPN")],
                actors=DENIAL_ACTORS, items={"drones": "drones"})
    it = token(doc, "it", 1)
    assert ActorIndex(doc).denier(it) is None
    assert ActorIndex(doc).resolve(it).id == "USA"


def test_denial_verbs_are_the_verbs_of_the_denial_rules():
    """references.yaml repeats the DENIAL frame's verbs only because actors.py cannot import the rules."""
    rules = load_rules()
    lemmas = {lemma for f in rules.frames if f.type == DENIAL and "VERB" in f.pos for lemma in f.lemmas}
    lemmas |= {lemma for w in rules.wrappers if w.type == DENIAL for lemma in w.lemmas}
    assert words("denial_verbs") == lemmas


# -- end to end ----------------------------------------------------------------------------------------------------
GROUPS = [
    ("Hungary and Austria said on Monday that they would send armoured vehicles to Ukraine.",
     "PLEDGE", {("HUN", "UKR"), ("AUT", "UKR")}),
    ("Officials in Oslo and Helsinki confirmed that they had delivered howitzers to Kyiv.",
     "TRANSFER", {("NOR", "UKR"), ("FIN", "UKR")}),
    ("Norway and Sweden have trained Ukrainian crews, and both countries will supply air defence to Ukraine.",
     "PLEDGE", {("NOR", "UKR"), ("SWE", "UKR")}),
    ("Portugal and Greece announced that the two countries will donate tanks to Ukraine.",
     "PLEDGE", {("PRT", "UKR"), ("GRC", "UKR")}),
    ("The Netherlands and Belgium told reporters that both would hand over fighter jets to Ukraine.",
     "PLEDGE", {("NLD", "UKR"), ("BEL", "UKR")}),
    ("Belarus and Iran are under scrutiny after Western officials said they had shipped drones to Russia.",
     "TRANSFER", {("BLR", "RUS"), ("IRN", "RUS")}),
    ("Britain blacklisted Turkish and Emirati companies, saying they had shipped electronics to Russia.",
     "TRANSFER", {("TUR", "RUS"), ("ARE", "RUS")}),
    ("Kenya and Uganda signed a defence pact, and both nations agreed to buy helicopters from Turkey.",
     "DEAL", {("TUR", "KEN"), ("TUR", "UGA")}),
    ("Officials in Rome and Madrid said they were considering sending tanks to Ukraine.",
     "CONSIDER", {("ITA", "UKR"), ("ESP", "UKR")}),
    ("Japan and South Korea have both said they will not send lethal weapons to Ukraine.",
     "PLEDGE", {("JPN", "UKR"), ("KOR", "UKR")}),
    ("Venezuela and Cuba denied that the United States had shown they were supplying rifles to Nicaragua.",
     "TRANSFER", {("VEN", "NIC"), ("CUB", "NIC")}),
]


def _pairs(text: str, type_: str) -> set[tuple[str, str]]:
    return {(m.supplier, m.recipient) for m in armswatch.extract(text) if m.type == type_}


@pytest.mark.parametrize(("text", "type_", "expected"), GROUPS)
def test_extract_a_group_pronoun_gives_every_member_of_the_list(text, type_, expected):
    assert expected <= _pairs(text, type_)


def test_extract_a_plural_pronoun_with_one_antecedent_names_one_supplier():
    assert _pairs("Officials in Oslo said they would deliver howitzers to Kyiv.", "PLEDGE") == {("NOR", "UKR")}


DENIALS = [
    ("China denied what Washington claims, that it has provided lethal weapons to Russia.", ("CHN", "RUS"), "USA"),
    ("Iran denied that Washington had evidence that it sent drones to Russia.", ("IRN", "RUS"), "USA"),
    ("Tehran rejected what Israel alleges, that it armed Hezbollah with rockets.", ("IRN", "org:hezbollah"), "ISR"),
    ("Belarus on Friday denied that Ukrainian intelligence says it delivered tanks to Russia.", ("BLR", "RUS"),
     "UKR"),
    ("Mali denied that France says it received rifles from Russia.", ("RUS", "MLI"), "FRA"),
    ("Pakistan rejected India's accusation that it had sold rockets to the Taliban.", ("PAK", "org:taliban"), "IND"),
]


@pytest.mark.parametrize(("text", "denied", "accuser"), DENIALS)
def test_extract_the_pronoun_of_a_denied_claim_is_the_denier(text, denied, accuser):
    got = _pairs(text, "DENIAL")
    assert denied in got
    assert not any(accuser in pair for pair in got)


def test_extract_a_coordinated_clause_keeps_its_own_subject():
    got = {(m.type, m.supplier, m.recipient) for m in
           armswatch.extract("Iran denied the report, and Russia said it had sent drones to Syria.")}
    assert ("TRANSFER", "RUS", "SYR") in got and not any(s == "IRN" for _, s, _ in got)
