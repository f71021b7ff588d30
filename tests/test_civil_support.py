"""Support that its own modifier calls civil — "humanitarian aid", "economic assistance", "financial support" — is
no arms supply and no arms measure, even in an article about arms (it must not take the arms of the sentences around
as its item). The qualifiers are data (cues.yaml `non_arms_qualifiers`); our own sentences, several wordings."""
from __future__ import annotations

import pytest
from conftest_extract import edges


@pytest.mark.parametrize("text, later", [
    (("A UN panel said the UAE sent weapons to the RSF. The Emiratis say they have only supplied humanitarian aid "
      "to Sudan, including a field hospital."), "The Emiratis"),
    (("Iran has shipped drones to Russia, the report said. Tehran says it has only provided humanitarian assistance "
     "to Russia."), "Tehran says"),
    ("Germany shipped howitzers to Ukraine in May. Berlin also provided financial support to Kyiv.", "Berlin also"),
    (("Russia sold rifles and rockets to the junta in 2021. After the coup, Japan suspended economic assistance to "
      "Myanmar, officials said."), "After the coup"),
])
def test_civil_support_is_no_arms_event(text, later):
    assert edges(text, after=later) == set()


def test_the_arms_before_it_are_still_found():
    text = "Germany shipped howitzers to Ukraine in May. Berlin also provided financial support to Kyiv."
    assert edges(text) == {("TRANSFER", "DEU", "UKR")}


def test_military_assistance_is_still_a_supply():
    text = "Washington provided military assistance to Kyiv in May, including artillery shells."
    assert ("TRANSFER", "USA", "UKR") in edges(text)
