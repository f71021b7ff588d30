""""a China-based network", "UAE-based companies": a firm is a party of the state it is based in (the heads read
so are data: references.yaml `located_company_heads`), while a London-based think tank is still no voice of Britain.
Our own sentences, two wordings each."""
from __future__ import annotations

import pytest
from conftest_extract import edges

import armswatch


@pytest.mark.parametrize("text, edge", [
    ("Two UAE-based companies sold rifles to the RSF.", ("TRANSFER", "ARE", "org:rapid-support-forces")),
    ("Russia-based traders bought Iranian drones.", ("TRANSFER", "IRN", "RUS")),
])
def test_a_firm_based_in_a_state_is_a_party_of_that_state(text, edge):
    assert edge in edges(text)


@pytest.mark.parametrize("text", [
    "A London-based think tank said Iran sold drones to Russia.",
    "A Paris-based research group said Iran sold drones to Russia.",
])
def test_a_research_group_based_somewhere_is_not_that_state(text):
    (m,) = armswatch.extract(text)
    assert (m.supplier, m.recipient) == ("IRN", "RUS")
    assert m.claimant not in ("GBR", "FRA")
