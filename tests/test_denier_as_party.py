""""North Korea denied any arms deal with Russia": a denial that names one party of what it denies has the denier as
the other party. The direction is that of a claim between the two in the passage, else the denier is the seller
(the accused one). Our own sentences, two wordings each."""
from __future__ import annotations

import pytest
from conftest_extract import edges


def denials(text: str) -> set[tuple[str, str]]:
    return {(s, r) for t, s, r in edges(text) if t == "DENIAL"}


@pytest.mark.parametrize("text, pair", [
    ("North Korea denied any arms deal with Russia.", ("PRK", "RUS")),
    ("Serbia has rejected any arms deal with Ukraine, the minister said on Monday.", ("SRB", "UKR")),
])
def test_the_denier_is_the_other_party_of_the_deal(text, pair):
    assert denials(text) == {pair}


@pytest.mark.parametrize("text, pair", [
    ("US officials say Russia has sold fighter jets to Iran. Tehran denied any arms deal with Moscow.",
     ("RUS", "IRN")),
    ("Kyiv says Belarus sends shells to Russia. Minsk has denied any arms deal with Moscow, its ministry said.",
     ("BLR", "RUS")),
])
def test_a_claim_between_the_two_gives_the_direction(text, pair):
    assert denials(text) == {pair}
