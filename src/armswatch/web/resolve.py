"""Turns what a user types for an actor ("Iran", "IRN", "Hezbollah") into the actor id the store uses."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from armswatch.errors import ArmswatchError

ACTOR_ID = re.compile(r"^(?:[A-Z]{3}|org:[a-z0-9]+(?:-[a-z0-9]+)*)$")


class UnknownActor(ValueError):
    """No actor id, stored actor name or lexicon alias matches the value."""


_LOAD_LOCK = threading.Lock()  # the startup warm-up and the first request must not both load the lexicon


@lru_cache(maxsize=1)
def _load_lexicon():
    try:
        from armswatch.lexicons import load_actors
    except ImportError:
        return None
    try:
        return load_actors()
    except ArmswatchError:  # a broken lexicon must not take the page down: ids and stored names still resolve
        return None


def _lexicon():
    with _LOAD_LOCK:
        return _load_lexicon()


class ActorResolver:
    """Resolves ids and names against the store's actors first, then the actor lexicon's aliases."""

    def __init__(self, store):
        self.store = store

    def _actors(self) -> list[dict]:
        return [a if isinstance(a, dict) else a.to_dict() for a in self.store.actors()]

    def names(self) -> dict[str, str]:
        """Actor id -> display name, for every stored actor."""
        return {a["id"]: a.get("name") or a["id"] for a in self._actors()}

    def resolve(self, value: str) -> str:
        text = value.strip()
        actors = self._actors()
        by_id = {a["id"].lower(): a["id"] for a in actors}
        if text.lower() in by_id:
            return by_id[text.lower()]
        by_name = {(a.get("name") or "").lower(): a["id"] for a in actors}
        if text.lower() in by_name:
            return by_name[text.lower()]
        lexicon = _lexicon()
        if lexicon is not None:
            try:
                found = lexicon.resolve(text)
            except (KeyError, LookupError, ValueError):
                found = None
            if found:
                return getattr(found, "id", found)
        if ACTOR_ID.match(text):
            # a well-formed id the store has no claims for yet: not an error, just no results
            return text
        raise UnknownActor(f"unknown actor {text!r}: give an actor id (RUS, org:hezbollah) or a known name")
