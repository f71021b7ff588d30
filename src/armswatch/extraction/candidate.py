"""The record passed between the extraction stages: one trigger's reading (`Candidate`) and a dropped trigger.

A candidate is plain data. The candidates stage fills it (frame, trigger, slots, scope, item, claimant) and
writes down why each decision was taken (`reasons`); passage resolution turns it into mentions. Its rule id,
the `rule` of every mention it becomes, is computed from its fields (`rule`), never parsed back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from armswatch.extraction.claimant import Claimant

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from armswatch.extraction.actors import ActorRef
    from armswatch.extraction.items import ItemChoice
    from armswatch.extraction.rules import Frame
    from armswatch.extraction.scope import Scope


@dataclass
class Candidate:
    """One trigger's reading before passage-level resolution; becomes one mention per supplier x recipient.

    `modifiers` are the parts of the rule id after the frame's: the ids of the wrappers above the trigger,
    then "exchange" (the counter-delivery of a swap), "gapping" (a gapped clause's supplier) or
    "claim-content" (the content of a denied claim).
    """

    frame: Frame
    trigger: Token
    sent: Span
    type: str | None
    polarity: str
    scope: Scope
    suppliers: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    slots: dict[str, str | None] = field(default_factory=dict)
    claimant: Claimant = field(default_factory=Claimant)
    item: ItemChoice | None = None
    passive: bool = False  # the trigger is a passive verb: its slots are the frame's passive ones
    ellipsis: str | None = None  # the id of the elliptic phrase ("did likewise") this reading continues
    # a non-arms supply kept for its arms counter-delivery ("food for ammunition")
    exchange_only: bool = False
    needs_claim: bool = False  # a denial of a claim named elsewhere ("refuted US claims")
    copy_previous: bool = False  # "followed suit", "joined the efforts"
    blocked: set[str] = field(default_factory=set)  # roles held by an unidentified party: never borrowed
    modifiers: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # each decision taken on the way, in order
    notes: list[str] = field(default_factory=list)  # options of an ellipsis ("same_sentence", "from_dropped")

    @property
    def rule(self) -> str:
        """The rule id: "give.v.passive+pledge", "ellipsis.follow-suit", "supply.n+claim-content"."""
        return rule_id(self)

    def decide(self, reason: str) -> None:
        """Record a decision taken on this candidate (printed by `--explain`)."""
        self.reasons.append(reason)


def rule_id(cand: Candidate, *extra: str) -> str:
    """The rule id of `cand`, with `extra` modifiers appended (a mention's "+involved-negation")."""
    if cand.ellipsis is not None:
        base = f"ellipsis.{cand.ellipsis}"
    else:
        base = cand.frame.id + (".passive" if cand.passive else "")
    return "+".join((base, *cand.modifiers, *extra))


@dataclass(frozen=True)
class Dropped:
    """A trigger frame that matched but was not coded, and the check that dropped it."""

    frame_id: str
    trigger: Token
    reason: str

    def to_dict(self) -> dict:
        return {"rule": self.frame_id, "trigger": self.trigger.text, "trigger_start": self.trigger.idx,
                "dropped": self.reason}


@dataclass(frozen=True)
class Provenance:
    """How a mention's endpoints and item were found: ActorRef.via of each end, ItemChoice.source of the item.

    "span"/"modifier"/"anaphor"/"default" are in the trigger's clause; "nearby", "passage",
    "previous-mention", "later-mention", "established-recipient", "denied-claim" and "claimant" were borrowed
    or inferred.
    """

    supplier: str
    recipient: str
    item: str
