"""An event with no party of its own whose item is a definite description ("withholding the bombs") is about the
earlier event of that item, not about the event stated just before it."""

import pytest

import armswatch

LEAD = ("Norway paused a delivery of artillery shells to Estonia last month, officials said. "
        "Talks on trade continued for weeks. Analysts said prices were rising. "
        "Separately, Sweden had long resisted calls to halt its arms exports to Latvia. ")


@pytest.mark.parametrize("tail", [
    "A senior lawmaker said withholding the shells was a grave mistake.",
    "Critics argued that suspending the shells would weaken the alliance.",
])
def test_a_definite_item_borrows_its_own_events_parties(nlp, tail):
    last = [m for m in armswatch.extract(LEAD + tail) if m.evidence.startswith(tail[:20])]
    assert [(m.type, m.supplier, m.recipient) for m in last] == [("SANCTION", "NOR", "EST")]
