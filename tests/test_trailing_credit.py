"""A headline's trailing credit parsed as a list with the last endpoint ("... to Russia, Seoul and Washington say")
names the speakers, not more recipients."""

import pytest

import armswatch


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
