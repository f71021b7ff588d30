""""the Rapid Reaction Force (RSF)": a long name the lexicon lacks, or one a writer garbled, followed by the
bracketed acronym of a known actor names that actor (our own sentences, several wordings)."""
from __future__ import annotations

import pytest
from conftest_extract import edges

import armswatch


@pytest.mark.parametrize("text, edge", [
    (("Abu Dhabi has rejected accusations of supplying arms to the Rapid Reaction Force (RSF) in Sudan, the paper "
     "writes."), ("DENIAL", "ARE", "org:rapid-support-forces")),
    ("Turkey sent drones to the Popular Defence Front (RSF) last year.",
     ("TRANSFER", "TUR", "org:rapid-support-forces")),
    ("Tehran denied arming the Yemeni rebel movement (Houthis), the agency said.", ("DENIAL", "IRN", "org:houthis")),
])
def test_a_bracketed_acronym_names_the_actor(text, edge):
    assert edge in edges(text)


def test_a_bracketed_word_that_is_no_actor_changes_nothing():
    text = "Turkey sent drones to the Popular Defence Front (PDF) last year."
    assert armswatch.extract(text) == []
