"""Builds a ClaimFilter from what a user typed: actor names or ids ("North Korea", "PRK", "Pyongyang") -> ids."""
from __future__ import annotations

from datetime import date

from armswatch.lexicons.actors import load_actors
from armswatch.store.errors import FilterError, SearchError
from armswatch.store.search import parse_query
from armswatch.types import EVENT_TYPES, ITEM_CATEGORIES, POLARITIES, ClaimFilter

__all__ = ["CLAIMANT_WORDS", "FilterError", "SearchError", "make_filter", "resolve_actor"]

CLAIMANT_WORDS = ("author", "other")  # claimant values that are not actors (schema.md)


def resolve_actor(text: str, store=None, *, option: str = "actor") -> str:
    """The actor id for `text` from the lexicon, or an id already in the store; else FilterError naming it."""
    value = text.strip()
    found = load_actors().resolve(value) if value else None
    if found:
        return found
    if store is not None and value and value in {a["id"] for a in store.actors()}:
        return value
    raise FilterError(f"{option}: unknown actor {text!r}; give an id (PRK, org:hezbollah) or a name (North Korea)")


def make_filter(store=None, *, supplier: str | None = None, recipient: str | None = None, actor: str | None = None,
                type: str | None = None, item: str | None = None, since: str | None = None,
                until: str | None = None, claimant: str | None = None, min_sources: int = 0,
                polarity: str | None = None, min_confidence: float | None = None,
                text: str | None = None) -> ClaimFilter:
    """A ClaimFilter with every value checked; actors resolved by `resolve_actor`."""
    flt = ClaimFilter(min_sources=min_sources or 0)
    for name, value in (("supplier", supplier), ("recipient", recipient), ("actor", actor)):
        if value:
            setattr(flt, name, resolve_actor(value, store, option=name))
    if claimant:
        flt.claimant = claimant.lower() if claimant.lower() in CLAIMANT_WORDS else resolve_actor(
            claimant, store, option="claimant")
    if type:
        flt.type = _choice("type", type.upper(), EVENT_TYPES)
    if item:
        flt.item = _choice("item", item.lower(), ITEM_CATEGORIES)
    if polarity:
        flt.polarity = _choice("polarity", polarity.lower(), POLARITIES)
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                setattr(flt, name, date.fromisoformat(value).isoformat())
            except ValueError:
                raise FilterError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    min_confidence = min_confidence or 0.0
    if not 0.0 <= min_confidence <= 1.0:
        raise FilterError(f"min-confidence: {min_confidence} is not between 0 and 1")
    flt.min_confidence = min_confidence
    if text is not None:
        try:
            parse_query(text)  # a malformed query fails here, naming the problem, before any SQL runs
        except SearchError as exc:
            raise SearchError(f"text: {exc}") from None
        flt.text = text
    if flt.min_sources < 0:
        raise FilterError(f"min-sources: {min_sources} is negative")
    return flt


def _choice(name: str, value: str, valid) -> str:
    if value not in valid:
        raise FilterError(f"{name}: unknown value {value!r}; valid: {', '.join(valid)}")
    return value
