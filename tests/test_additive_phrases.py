""""In addition to supplying drones, Iran has promised missiles": what an additive phrase adds is a fact of its own,
not under the pledge, plan or denial of the verb it hangs on (scope.yaml `additive_phrases`). Our own sentences."""
from __future__ import annotations

import pytest
from conftest_extract import edges


@pytest.mark.parametrize("text, pair", [
    ("In addition to supplying drones, Iran has promised to send its own missiles to Russia.", ("IRN", "RUS")),
    ("Besides sending tanks to Ukraine, Poland has pledged to deliver fighter jets.", ("POL", "UKR")),
])
def test_the_added_fact_is_stated_as_done(text, pair):
    found = edges(text)
    assert ("TRANSFER", *pair) in found
    assert ("PLEDGE", *pair) in found


def test_a_means_phrase_stays_under_the_pledge():
    found = edges("Germany pledged to help Ukraine by sending more tanks.")
    assert found == {("PLEDGE", "DEU", "UKR")}
