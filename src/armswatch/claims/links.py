"""Which claims answer which: a DENIAL of the same supplier and recipient, or the same key with polarity negated."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from armswatch.event_types import DENIABLE_TYPES, DENIAL, NEGATABLE_TYPES
from armswatch.types import Claim

# Both come from the registry's flags (event_types.yaml): `deniable`, a DENIAL answers it (supply that happened,
# was promised or was being agreed); `negatable`, a negated twin answers it ("China has not supplied drones"
# answers "China supplied drones").
ANSWERABLE_TYPES = NEGATABLE_TYPES
__all__ = ["ANSWERABLE_TYPES", "DENIABLE_TYPES", "ClaimLink", "links"]


@dataclass(frozen=True)
class ClaimLink:
    claim_id: str  # the affirmed claim
    answer_id: str  # the claim that denies or negates it
    kind: str  # "denial" or "negation"


def links(claims: Iterable[Claim]) -> list[ClaimLink]:
    """Every (claim, answer) pair among `claims`, sorted; a DENIAL answers every item category of its pair."""
    claims = list(claims)
    denials: dict[tuple, list[Claim]] = {}
    by_key = {}
    for c in claims:
        by_key[(c.type, c.supplier, c.recipient, c.item_category, c.polarity)] = c
        if c.type == DENIAL and c.polarity == "affirmed":
            denials.setdefault((c.supplier, c.recipient), []).append(c)
    out = set()
    for c in claims:
        if c.polarity != "affirmed":
            continue
        if c.type in DENIABLE_TYPES:
            for d in denials.get((c.supplier, c.recipient), ()):
                out.add(ClaimLink(c.id, d.id, "denial"))
        if c.type in ANSWERABLE_TYPES:
            negated = by_key.get((c.type, c.supplier, c.recipient, c.item_category, "negated"))
            if negated is not None:
                out.add(ClaimLink(c.id, negated.id, "negation"))
    return sorted(out, key=lambda link: (link.claim_id, link.answer_id))
