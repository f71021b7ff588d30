"""A reporting verb with a plain object ("claimed responsibility") reports nothing: its subject is a party that a
later sentence may refer back to; a purpose infinitive ("signed a letter for Greece to acquire") stays wrapped."""

import pytest

import armswatch


@pytest.mark.parametrize("text, recipient", [
    (("Hezbollah claimed responsibility for the rocket attack on Monday. "
      "Israeli officials say the group's rockets are supplied by Iran."), "org:hezbollah"),
    (("The Houthis claimed the drone strike on a tanker. "
      "American officials say the group's drones are shipped by Iran."), "org:houthis"),
])
def test_a_claim_of_responsibility_leaves_its_subject_a_party(nlp, text, recipient):
    assert {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text)} == {("TRANSFER", "IRN", recipient)}


@pytest.mark.parametrize("text, key", [
    ("The two leaders also signed a letter of intent for Romania to acquire four French submarines, officials said.",
     ("DEAL", "FRA", "ROU")),
    ("The ministers signed a letter of intent for Greece to acquire a fourth French frigate.",
     ("DEAL", "FRA", "GRC")),
])
def test_a_purpose_infinitive_stays_under_its_signing(nlp, text, key):
    assert {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text)} == {key}
