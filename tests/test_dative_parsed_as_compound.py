""""Pyongyang gave Moscow artillery shells": a name right after a giving verb and before the item is the recipient,
even where the parser hangs it on the item as a compound ("Moscow artillery shells") — it is not the item's origin.
Our own sentences, several wordings; an adjective of origin ("shipped Russian drones") stays an origin."""
from __future__ import annotations

import pytest
from conftest_extract import edges


def pairs(text: str) -> set[tuple[str, str]]:
    return {(s, r) for t, s, r in edges(text) if t == "TRANSFER"}


@pytest.mark.parametrize("text, pair", [
    ("Pyongyang gave Moscow artillery shells last autumn, the agency said.", ("PRK", "RUS")),
    ("Ankara sent Azerbaijan drones in 2020.", ("TUR", "AZE")),
])
def test_a_name_between_verb_and_item_is_the_recipient(text, pair):
    assert pairs(text) == {pair}


def test_a_recipient_parsed_as_compound_is_not_made_the_supplier():
    text = ("Baykar donated two drones to Kyiv on Monday. The manufacturer had previously provided Ukraine "
            "Bayraktars for free after fundraisers in Poland raised money for the Ukrainian army.")
    found = pairs(text)
    assert ("TUR", "UKR") in found
    assert not any(supplier == "UKR" for supplier, _ in found)


def test_an_adjective_of_origin_stays_the_origin():
    assert pairs("The factory shipped Russian drones to Iran.") == {("RUS", "IRN")}
