"""Helpers for the extraction tests: run the engine on invented sentences and read mentions by key."""
from __future__ import annotations

from collections.abc import Callable

from armswatch.types import Mention


def runner(nlp) -> Callable[..., list[Mention]]:
    """extract(text, published) with the session's pipeline (the `nlp` fixture: one model load per session)."""
    from armswatch.extraction.engine import extract_doc

    def _run(text: str, published: str | None = None) -> list[Mention]:
        return extract_doc(nlp(text), published)

    return _run


def keys(mentions: list[Mention]) -> set[tuple]:
    return {m.key() for m in mentions}


def only(mentions: list[Mention], type_: str, supplier: str, recipient: str, polarity: str = "affirmed") -> Mention:
    found = [m for m in mentions if m.key() == (type_, supplier, recipient, polarity)]
    assert found, f"no {type_} {supplier}->{recipient} {polarity} in {[m.key() for m in mentions]}"
    return found[0]
