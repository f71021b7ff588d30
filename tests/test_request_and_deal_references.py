"""Who a request noun names, what a request must ask for, and what "the Indian deal" refers to — the rules behind
two wrong edges the bundled demo once showed (REQUEST UKR→RUS from "heard appeals from Ukrainian officials, who
said Russian strikes ..."; DEAL FRA→IND from "condemned the Indian deal" after a French delivery). End to end on
our own sentences, two or more wordings per rule."""
from __future__ import annotations

import pytest
from conftest_extract import edges as all_edges


def edges(text: str, kind: str, after: str = "") -> set[tuple[str, str]]:
    """The (supplier, recipient) pairs of `kind` mentions whose evidence starts at or after the text `after`."""
    return {(s, r) for t, s, r in all_edges(text, after) if t == kind}


@pytest.mark.parametrize("text, pair", [
    ("Washington turned down a request from Israel for more bunker-buster bombs.", ("USA", "ISR")),
    ("The Pentagon is reviewing a request from Taiwan for more Harpoon missiles.", ("USA", "TWN")),
])
def test_a_request_from_someone_is_theirs(text, pair):
    """"a request from X": X asks (the recipient), it is not the one asked."""
    assert edges(text, "REQUEST") == {pair}


@pytest.mark.parametrize("text, plea", [
    (("Germany has sent tanks to Ukraine. The meeting heard a plea from Ukrainian mayors, who said Russian strikes "
     "had cut power to their cities."), "The meeting"),
    (("The Netherlands delivered F-16 jets to Ukraine in May. The forum also heard an appeal from Ukrainian farmers, "
     "who said Russian shelling had ruined their harvest."), "The forum"),
])
def test_a_plea_that_names_nothing_asked_for_is_no_arms_request(text, plea):
    """The arms of the sentences before are not what a plea about power or harvests asks for."""
    assert edges(text, "REQUEST", after=plea) == set()
    assert edges(text, "TRANSFER")  # the delivery before it is still found


def test_a_request_answered_later_keeps_its_item_from_its_own_sentence():
    text = "Kyiv asked Berlin for Taurus missiles in May. Germany has not answered the request."
    assert ("DEU", "UKR") in edges(text, "REQUEST")


@pytest.mark.parametrize("text, later, pair", [
    (("Armenia signed a contract on Monday to buy howitzers from India. Azerbaijan's foreign ministry condemned the "
     "Indian deal on Tuesday."), "Azerbaijan", ("IND", "ARM")),
    (("Poland signed a contract to buy K2 tanks from South Korea in 2022. Russian officials criticised the Korean "
     "contract on Friday."), "Russian officials", ("KOR", "POL")),
    (("Qatar agreed to buy Eurofighter jets from Britain last month. Iranian media attacked the British deal on "
     "Sunday."), "Iranian media", ("GBR", "QAT")),
])
def test_the_nationality_of_a_definite_deal_points_back_to_that_deal(text, later, pair):
    """"the Indian deal" is the deal stated before with India in it, whichever side India was on."""
    assert edges(text, "DEAL", after=later) == {pair}


def test_the_nationality_of_a_deal_does_not_borrow_the_last_supplier_named():
    text = ("Armenia signed a contract to buy artillery from India last year. France delivered armoured carriers to "
            "Armenia in May. Azerbaijan's foreign ministry condemned the Indian deal, saying that arming Armenia "
            "threatens the peace talks.")
    assert edges(text, "DEAL", after="Azerbaijan") == {("IND", "ARM")}


@pytest.mark.parametrize("text, later", [
    (("Britain sent Storm Shadow missiles to Ukraine last year. On Monday London announced a package for Ukraine's "
      "farmers worth 40 million pounds."), "On Monday"),
    (("Germany delivered Leopard tanks to Ukraine in March. Berlin's new package for Kyiv focuses on rebuilding "
      "schools and hospitals."), "Berlin's new package"),
])
def test_a_package_that_names_no_arms_is_no_pledge(text, later):
    """A package takes its item from its own sentence (item_in_phrase): the tanks delivered before are not in it."""
    assert edges(text, "PLEDGE", after=later) == set()
    assert edges(text, "TRANSFER")


@pytest.mark.parametrize("text, pair", [
    ("The United States announced a new package for Ukraine that includes Patriot missiles and artillery shells.",
     ("USA", "UKR")),
    ("Canada unveiled a package of armoured vehicles for Ukraine on Friday.", ("CAN", "UKR")),
])
def test_a_package_that_names_its_arms_is_a_pledge(text, pair):
    assert edges(text, "PLEDGE") == {pair}
