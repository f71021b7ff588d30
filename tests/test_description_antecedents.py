"""Who "the regime" or "the junta" is, and which end a nearby actor fills. A description in the object of a clause
never points back to that clause's own subject ("Russia will deliver jets to the regime": not Russia), and an
unstated supplier is not taken from a destination in the sentence before ("assembling the jets for Myanmar ... the
first two were delivered": Myanmar receives). Our own sentences, two wordings each."""
from __future__ import annotations

import pytest
from conftest_extract import edges


@pytest.mark.parametrize("text, edge", [
    ("Fighting in Myanmar continues. Russia will soon deliver new jet fighters to the regime, officials said.",
     ("PLEDGE", "RUS", "MMR")),
    ("Protests spread across Sudan last week. Egypt has sent drones to the junta, diplomats say.",
     ("TRANSFER", "EGY", "SDN")),
])
def test_a_description_in_the_object_is_not_the_subject_of_its_clause(text, edge):
    assert edges(text) == {edge}


@pytest.mark.parametrize("text, edge", [
    (("Russia has been assembling six fighter jets for Myanmar under a 2018 contract. The first two jets were "
     "delivered in March."), ("TRANSFER", "RUS", "MMR")),
    (("Belarus has been repairing old tanks for Russia at its plants. The first twenty tanks were shipped last month, "
     "the monitors said."), ("TRANSFER", "BLR", "RUS")),
])
def test_a_destination_in_the_sentence_before_is_not_the_supplier(text, edge):
    found = edges(text)
    assert edge in found
    assert not any((s, r) == (edge[2], edge[1]) for _, s, r in found)
