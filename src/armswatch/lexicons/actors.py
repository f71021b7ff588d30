"""The actor lexicon: every surface form of a state, organisation, leader, capital, company or medium -> actor id.

Data: `data/states.yaml` (generated from country_converter by build_actors.py: names and ISO3 of every state) and
`data/actors.yaml` (hand-kept: demonyms, capitals, metonyms, officials, companies, state media, `org:` actors).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from armswatch.lexicons._actors_load import parse
from armswatch.lexicons._actors_model import DEFAULT_FILES, KINDS, ActorEntry, ActorFinder, ActorLexicon

__all__ = ["DEFAULT_FILES", "KINDS", "ActorEntry", "ActorFinder", "ActorLexicon", "load_actors"]


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...]) -> ActorLexicon:
    return parse(paths)


def load_actors(*paths: str | Path) -> ActorLexicon:
    """The actor lexicon from `paths` (default: the shipped states.yaml + actors.yaml), cached per path list.

    Raises LexiconError listing every bad entry as file:line.
    """
    resolved = tuple(Path(p).resolve() for p in paths) if paths else DEFAULT_FILES
    return _load_cached(resolved)
