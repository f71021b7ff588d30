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


def edges(text: str, after: str = "") -> set[tuple[str, str, str]]:
    """(type, supplier, recipient) of what `armswatch.extract` finds in `text`, from the mentions whose evidence
    starts at or after the text `after` (all of them when it is empty)."""
    import armswatch

    start = text.index(after) if after else 0
    return {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text) if m.evidence_start >= start}
