"""Runs extraction on the selected sentences only: the windows joined into one shorter doc, offsets mapped back.

The windows of one article go into ONE doc (in text order, a blank line between them, each window starting a
sentence), so passage-level steps still see every earlier parsed mention and actor, and a repeated event is
deduplicated across windows as in the full article. An article selected whole is passed on unchanged.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from armswatch.prefilter import enabled, select
from armswatch.types import Mention

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Piece:
    """Window `n` of the reduced text: `length` characters at `reduced` that are at `original` in the article."""

    reduced: int
    original: int
    length: int


def reduce(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[Piece] | None]:
    """The text of `spans` joined by SEPARATOR and its pieces; (text, None) when the spans hold all of it."""
    if len(spans) == 1 and not text[: spans[0][0]].strip() and not text[spans[0][1]:].strip():
        return text, None
    parts, pieces, at = [], [], 0
    for start, end in spans:
        pieces.append(Piece(at, start, end - start))
        parts.append(text[start:end])
        at += end - start + len(SEPARATOR)
    return SEPARATOR.join(parts), pieces


def restore(mentions: list[Mention], pieces: list[Piece] | None) -> list[Mention]:
    """Mentions of a reduced text with their offsets moved back into the original article (in place)."""
    if pieces is None:
        return mentions
    for m in mentions:
        shift = _shift(m.evidence_start, pieces)
        m.evidence_start += shift
        m.evidence_end += shift
        if m.trigger_start is not None:
            m.trigger_start += _shift(m.trigger_start, pieces)
    return mentions


def _shift(offset: int, pieces: list[Piece]) -> int:
    for piece in reversed(pieces):
        if offset >= piece.reduced:
            return piece.original - piece.reduced
    return 0


def reduce_rows(rows: Iterable[tuple[str, str | None]], nlp, use: bool | None = None) -> Iterator[tuple]:
    """(text_or_doc, (published, pieces)) for `nlp.pipe(..., as_tuples=True)`: each text cut to its selection.

    `use=None` follows ARMSWATCH_PREFILTER. A reduced text goes in as a tokenised Doc whose windows each start a
    sentence, so no parsed sentence (and no evidence) straddles two windows.
    """
    use = enabled() if use is None else use
    for text, published in rows:
        text = text or ""
        if not use or not text.strip():
            yield text, (published, None)
            continue
        reduced, pieces = reduce(text, select(text))
        if pieces is None:
            yield reduced, (published, None)
            continue
        doc = nlp.make_doc(reduced)
        starts = {p.reduced for p in pieces[1:]}
        for token in doc:
            if token.idx in starts:
                token.is_sent_start = True  # other tokens stay unset: the parser still splits inside a window
        yield doc, (published, pieces)

