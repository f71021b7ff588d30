"""Words of the arms-supply vocabulary used for something else: "committing genocide" pledges nothing, flights that
"pass through" airspace hand nothing over, and a ceasefire agreement is no arms deal. Each is a frame setting in
triggers.yaml (`not_objects`, `not_phrases`); our own sentences, two wordings each, with the arms event next to them
still found."""
from __future__ import annotations

import pytest
from conftest_extract import edges


@pytest.mark.parametrize("text, after", [
    (("Sudan's army accused the RSF of receiving drones from the UAE. The RSF, accused of committing genocide in "
      "Darfur, has also received rifles and mortar rounds from the UAE, the report said."), "The RSF, accused"),
    (("The UAE delivered armoured vehicles to the RSF last year, investigators said. The RSF, which has committed "
      "atrocities in the east, has since received rocket launchers and ammunition, they added."), "The RSF, which"),
])
def test_committing_a_crime_pledges_nothing(text, after):
    """The group that committed the crime is no supplier; what it received is still found."""
    found = edges(text, after)
    assert not any(supplier == "org:rapid-support-forces" for _, supplier, _ in found)
    assert ("TRANSFER", "ARE", "org:rapid-support-forces") in found


@pytest.mark.parametrize("text, after", [
    (("Iran shipped rockets to Hezbollah through Syria for years. While direct flights from Tehran to Beirut resumed "
      "recently, they no longer pass through Syrian airspace, officials said."), "While direct"),
    (("Belarus sent artillery shells to Russia last spring. Since then the Iranian convoys have passed through Iraqi "
      "territory on their way to Syria, a monitoring group said."), "Since then"),
])
def test_passing_through_a_country_is_no_transfer(text, after):
    assert edges(text, after) == set()
    assert any(kind == "TRANSFER" for kind, _, _ in edges(text))


@pytest.mark.parametrize("text, after", [
    (("Iran has supplied missiles to Hezbollah. Such flights would violate the ceasefire agreement between Israel "
      "and Lebanon, diplomats warned."), "Such flights"),
    (("Russia sold fighter jets to Sudan last year. Any new shipment of jets would breach the peace deal between "
      "Sudan and South Sudan, observers said."), "Any new"),
])
def test_a_ceasefire_or_peace_agreement_is_no_arms_deal(text, after):
    assert not any(kind == "DEAL" for kind, _, _ in edges(text, after))


def test_an_arms_agreement_is_still_a_deal():
    text = "Egypt signed an agreement with France to buy thirty Rafale jets, the ministry said."
    assert ("DEAL", "FRA", "EGY") in edges(text)


def test_committing_tanks_is_still_a_pledge():
    text = "Germany committed eighteen Leopard tanks to Ukraine on Wednesday, the chancellor said."
    assert ("PLEDGE", "DEU", "UKR") in edges(text)
