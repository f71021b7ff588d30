""""The governments of the Netherlands and Denmark are in the process of transferring jets": the subject of the
verb a progress noun hangs on ("in the process of", "in the midst of") does what the gerund says (slots.yaml
`progress_nouns`). Our own sentences."""
from __future__ import annotations

import pytest
from conftest_extract import edges as found


@pytest.mark.parametrize("text, edges", [
    ("The governments of Norway and Denmark are in the process of transferring F-16 jets to Ukraine.",
     {("TRANSFER", "NOR", "UKR"), ("TRANSFER", "DNK", "UKR")}),
    ("Germany is in the midst of delivering Leopard tanks to Ukraine.", {("TRANSFER", "DEU", "UKR")}),
])
def test_the_subject_does_what_is_in_progress(text, edges):
    assert found(text) == edges
