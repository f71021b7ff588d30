""""weapons intended for Russia": arms meant for someone are on their way to them (TRANSFER), wherever the
sentence says it; "intended for use in Tigray" names no recipient and borrows none (our own sentences)."""
from __future__ import annotations

import pytest

import armswatch


def edges(text: str) -> set[tuple[str, str, str, str]]:
    return {(m.type, m.supplier, m.recipient, m.claimant) for m in armswatch.extract(text)}


@pytest.mark.parametrize("text, edge", [
    ("The ambassador accused Belarus of loading shells intended for Russia onto a train in May.",
     ("TRANSFER", "BLR", "RUS", "other")),
    ("Israel intercepted a ship carrying Iranian missiles intended for the Houthis.",
     ("TRANSFER", "IRN", "org:houthis", "author")),
])
def test_arms_intended_for_someone_go_to_them(text, edge):
    assert edge in edges(text)


def test_intended_for_a_use_names_no_recipient():
    text = "Ethiopia bought Turkish drones last year. Officials said the drones were intended for use in Tigray."
    assert not any(m.rule.startswith("intended") for m in armswatch.extract(text))
