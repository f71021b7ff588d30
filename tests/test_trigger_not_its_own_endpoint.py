"""A noun trigger is never its own endpoint: in "companies linked to the transfers" the "to" phrase on "linked" is
the trigger itself, not a recipient; the definite "the transfers" keeps the direction of the transfers named before
(once, on a real article, reading the trigger as its own recipient reversed it). Our own sentences, two wordings;
`--explain` shows which slot filled each end."""
from __future__ import annotations

import pytest

from armswatch.extraction.engine import explain


@pytest.mark.parametrize("text, later", [
    (("Brussels to sanction Iranian firms over Iran-Russia missile transfers\n\nThe European Union will impose "
      "sanctions on people and groups involved in transferring ballistic missiles from Iran to Russia, diplomats said "
      "on Friday. The sanctions, expected to be approved on Monday by foreign ministers, will target 14 people and "
      "entities, including airlines and companies linked to the transfers."), "The sanctions,"),
    (("London to punish Iranian shippers over Iran-Russia drone deliveries\n\nBritain will sanction firms involved "
      "in shipping attack drones from Iran to Russia, officials said on Tuesday. The penalties, due to take effect "
      "next week, will hit nine people and firms, among them two shipping lines tied to the deliveries."),
     "The penalties,"),
])
def test_the_to_phrase_holding_the_trigger_names_no_recipient(text, later):
    start = text.index(later)
    records = [r for r in explain(text) if r["mention"] and r["mention"]["evidence_start"] >= start
               and r["mention"]["type"] == "TRANSFER"]
    assert records
    for r in records:
        assert (r["mention"]["supplier"], r["mention"]["recipient"]) == ("IRN", "RUS")
        assert r["slots"].get("recipient") != "gov_prep:to", r["path"]
