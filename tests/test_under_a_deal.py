""""assembling jets for Myanmar under a contract", "received the tanks from Korea under a 2022 contract": the deal a
supply is done under states a DEAL between the supply's parties — the doer sells and the one it is done for buys,
or the doer buys when the verb is one of buying or receiving (slots.yaml `buyer_subject_verbs`). Our own sentences."""
from __future__ import annotations

import pytest
from conftest_extract import edges


@pytest.mark.parametrize("text, deal", [
    ("Russia has been assembling six fighter jets for Myanmar under a contract signed in 2018.", ("RUS", "MMR")),
    ("France is building 26 Rafale jets for India under a deal signed last year.", ("FRA", "IND")),
    ("Turkey supplied the drones to Ukraine under a 2019 agreement.", ("TUR", "UKR")),
])
def test_the_doer_sells_under_the_deal(text, deal):
    assert ("DEAL", *deal) in edges(text)


@pytest.mark.parametrize("text", [
    "Poland received the first K2 tanks from South Korea under a 2022 contract.",
    "Poland bought the first K2 tanks from South Korea under a 2022 contract.",
])
def test_a_buyer_doing_it_buys_under_the_deal(text):
    assert ("DEAL", "KOR", "POL") in edges(text)


def test_the_delivery_is_still_a_transfer():
    assert edges("Russia delivered six jets to Myanmar under a contract signed in 2018.") == {
        ("TRANSFER", "RUS", "MMR"), ("DEAL", "RUS", "MMR")}
