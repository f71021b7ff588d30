"""Actor rows (id, name, kind, affiliation) for the ids that appear in stored mentions, named from the lexicon."""
from __future__ import annotations

import re
from collections.abc import Iterable

from armswatch.lexicons.actors import load_actors
from armswatch.types import Mention

_STATE_ID = re.compile(r"^[A-Z]{3}$")
NOT_ACTORS = frozenset({"author", "other"})  # claimant values that are not actors


def kind_of(actor_id: str) -> str:
    """schema.md: states are ISO alpha-3, non-state actors are "org:<slug>"."""
    if actor_id.startswith("org:"):
        return "org"
    return "state" if _STATE_ID.match(actor_id) else "other"


def actor_ids(mentions: Iterable[Mention]) -> set[str]:
    ids: set[str] = set()
    for m in mentions:
        ids.update(a for a in (m.supplier, m.recipient, m.claimant, *m.actors) if a and a not in NOT_ACTORS)
    return ids


def actor_rows(ids: Iterable[str], mentions: Iterable[Mention] = ()) -> list[dict]:
    """One row per id; the lexicon gives name and affiliation, a mention's `affiliations` fills what it lacks."""
    lexicon = load_actors()
    known = set(lexicon.ids())
    seen_affiliations = {k: v for m in mentions for k, v in (m.affiliations or {}).items()}
    rows = []
    for actor_id in sorted(set(ids)):
        name = lexicon.name(actor_id) if actor_id in known else None
        affiliation = lexicon.affiliation(actor_id) if actor_id in known else None
        rows.append({
            "id": actor_id,
            "name": name or actor_id,
            "kind": kind_of(actor_id),
            "affiliation": affiliation or seen_affiliations.get(actor_id),
        })
    return rows
