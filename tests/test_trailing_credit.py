"""A headline's trailing credit parsed as a list with the last endpoint ("... to Russia, Seoul and Washington say")
names the speakers, not more recipients."""

import pytest
from conftest_handparse import parse

import armswatch
from armswatch.extraction.actors import _trailing_credit


@pytest.mark.parametrize("text, recipient", [
    ("Belarus shipped thousands of artillery shells to Russia, Kyiv and Warsaw say", "RUS"),
    ("Iran delivered attack drones to Sudan, Washington and London claim", "SDN"),
])
def test_trailing_credit_is_not_a_recipient(nlp, text, recipient):
    found = {(m.type, m.recipient) for m in armswatch.extract(text)}
    assert found == {("TRANSFER", recipient)}


def test_a_real_list_of_recipients_is_kept(nlp):
    text = "Iran sent drones to Russia, Belarus and Venezuela last year."
    assert {m.recipient for m in armswatch.extract(text)} == {"RUS", "BLR", "VEN"}


def _listed(tokens):
    doc = parse(tokens)
    return [t.text for t in doc if t.dep_ == "conj" and not _trailing_credit(t)]


def test_a_participle_after_a_list_is_no_credit():
    """"firms in India, Thailand and Kyrgyzstan accused of shipping ...": the list stays; "accused" is a participle
    on the firms, not a speaker's verb."""
    tokens = [("firms", 0, "ROOT", "NOUN"), ("in", 0, "prep", "ADP"), ("India", 1, "pobj", "PROPN"),
              (",", 2, "punct", "PUNCT"), ("Thailand", 2, "conj", "PROPN"), ("and", 4, "cc", "CCONJ"),
              ("Kyrgyzstan", 4, "conj", "PROPN"), ("accused", 0, "acl", "VERB", "VBN")]
    assert _listed(tokens) == ["Thailand", "Kyrgyzstan"]


def test_a_finite_verb_after_the_list_is_the_credit():
    tokens = [("shells", 0, "ROOT", "NOUN"), ("to", 0, "prep", "ADP"), ("Russia", 1, "pobj", "PROPN"),
              (",", 2, "punct", "PUNCT"), ("Kyiv", 2, "conj", "PROPN"), ("and", 4, "cc", "CCONJ"),
              ("Warsaw", 4, "conj", "PROPN"), ("say", 0, "dep", "VERB", "VBP")]
    assert _listed(tokens) == []
