"""Candidates -> Mention records: one mention per endpoint pair, then the passage's mentions finished together
(symmetric deals oriented, an involved party's negation made its denial, affiliations, one per key and
trigger)."""
from __future__ import annotations

from spacy.tokens import Doc

from armswatch.errors import ArmswatchError
from armswatch.event_types import CONSIDER, DEAL, DENIAL, TRANSFER
from armswatch.extraction import items
from armswatch.extraction.candidate import Candidate, Provenance, rule_id
from armswatch.extraction.claimant import SELF, Claimant, in_quotes
from armswatch.extraction.texts import span_text
from armswatch.extraction.vocab import words
from armswatch.lexicons import load_actors
from armswatch.types import Mention

DEFAULT_ITEM = ("weapons", ["weapons"])


class MentionMaker:
    """Makes the mentions of one passage and remembers, for each, its candidate and how it was found."""

    def __init__(self) -> None:
        self.origins: dict[int, Candidate] = {}  # id(mention) -> its candidate (for its time and for explain)
        self.provenance: dict[int, Provenance] = {}  # id(mention) -> how its endpoints and item were found
        self.emitted: list[Mention] = []  # mentions made so far, in the order they were made

    def mention(self, cand: Candidate, supplier: str | None, recipient: str | None,
                item: items.ItemChoice | None = None, vias: tuple[str, str] = ("claim", "claim")) -> Mention:
        """The mention of `cand` between two actor ids; `vias` says how each endpoint was found
        (ActorRef.via)."""
        sent, tok = cand.sent, cand.trigger
        text = span_text(sent).rstrip()
        start = sent.start_char
        item = self.earlier_item(item or cand.item or items.ItemChoice(None, *DEFAULT_ITEM, "default"),
                                 supplier, recipient)
        claimant = cand.claimant
        if claimant.id == SELF:  # "In a joint statement, X and Y pledged": each supplier claims its pledge
            claimant = Claimant(supplier or "author", None)
        elif supplier in claimant.joint and cand.type != DENIAL:  # "X and Y announced they will give": each its own
            claimant = Claimant(supplier, claimant.text)
        m = Mention(
            type=cand.type, supplier=supplier, recipient=recipient, polarity=cand.polarity,
            actors=[a.id for a in cand.actors] if cand.type == DENIAL else [],
            item_text=item.text, item_category=item.category or "weapons",
            item_categories=item.categories or [item.category or "weapons"],
            claimant=claimant.id, claimant_text=claimant.text,
            evidence=text, evidence_start=start,
            evidence_end=start + len(text), rule=cand.rule, trigger=tok.text, trigger_start=tok.idx,
        )
        self.origins[id(m)] = cand
        self.provenance[id(m)] = Provenance(vias[0], vias[1], item.source)
        self.emitted.append(m)
        return m

    def earlier_item(self, item: items.ItemChoice, supplier: str | None,
                     recipient: str | None) -> items.ItemChoice:
        """"denied the transfer": an unstated item is the item of the earlier mention of the same pair, when
        there is one."""
        if item.source not in ("passage", "default"):
            return item
        earlier = [m for m in self.emitted if (m.supplier, m.recipient) == (supplier, recipient)]
        if earlier and earlier[-1].item_category:
            e = earlier[-1]
            return items.ItemChoice(e.item_text, e.item_category, list(e.item_categories), "earlier-mention")
        return item


def quoted(doc: Doc, m: Mention) -> bool:
    """Whether the mention's trigger sits inside a quotation."""
    if m.trigger_start is None:
        return False
    span = doc.char_span(m.trigger_start, m.trigger_start + len(m.trigger or "x"), alignment_mode="expand")
    return span is not None and in_quotes(doc, span.start)


def orient_symmetric(mentions: list[Mention], origins: dict[int, Candidate]) -> None:
    """"X has never had arms dealings with Y", "a contract with Y": a deal "with" someone names the two
    parties but not who supplies whom. When the text states the pair the other way round elsewhere and never
    this way, that direction is the one meant."""
    pairs = {(m.supplier, m.recipient) for m in mentions if m.type != DEAL}
    for m in mentions:
        cand = origins.get(id(m))
        if m.type != DEAL or cand is None or cand.slots.get("supplier") != "prep:with":
            continue
        if (m.recipient, m.supplier) in pairs and (m.supplier, m.recipient) not in pairs:
            m.supplier, m.recipient = m.recipient, m.supplier


def involved_negation(m: Mention, cand: Candidate) -> bool:
    """"Russia never sent drones to Iran, its foreign ministry said": a negated transfer or deal stated by one
    of its own parties is that party's denial (GUIDELINES §5) — unless the negation is a failure ("accused
    Moscow of failing to deliver"). "Beijing said it was not considering sending arms": a supplier rejecting
    the intention is its denial too (ARTICLES.md), the recipient's "not considering buying" is not."""
    by_party = m.claimant in (m.supplier, m.recipient)
    rejected_intention = m.type == CONSIDER and m.claimant == m.supplier
    return (m.type in (TRANSFER, DEAL) or rejected_intention) and m.polarity == "negated" and by_party and not (
        set(cand.modifiers) & words("failure_wrappers"))


def as_denial(doc: Doc, m: Mention, cand: Candidate) -> None:
    """Recode an involved party's negation as its denial; the party claims it only when quoted."""
    m.actors = [m.claimant]
    m.type, m.polarity = DENIAL, "affirmed"
    m.rule = rule_id(cand, "involved-negation")
    m.claimant = m.claimant if quoted(doc, m) else "author"


def add_affiliations(m: Mention) -> None:
    """The affiliation of each organisation among the mention's actors (optional: skipped without a
    lexicon)."""
    try:
        affiliation = load_actors().affiliation
    except ArmswatchError:  # affiliations are optional; mentions stay valid without them
        return
    for actor in (m.supplier, m.recipient, *m.actors):
        if actor and actor.startswith("org:"):
            aff = affiliation(actor)
            if aff:
                m.affiliations[actor] = aff


def finish(doc: Doc, mentions: list[Mention], origins: dict[int, Candidate]) -> list[Mention]:
    """The passage's final mentions: complete pairs only, involved negations as denials, denials with
    actors."""
    out: list[Mention] = []
    orient_symmetric(mentions, origins)
    for m in mentions:
        if not m.supplier or not m.recipient or m.supplier == m.recipient:
            continue
        if involved_negation(m, origins[id(m)]):
            as_denial(doc, m, origins[id(m)])
        elif m.type == DENIAL:
            m.claimant = m.actors[0] if m.actors and quoted(doc, m) else "author"
            if not m.actors:
                continue
        add_affiliations(m)
        out.append(m)
    return unique(out)


def unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per scoring key and trigger: every sentence that states an event stays as its evidence (a
    claim lists all of them); a second reading of the same trigger with the same key adds nothing."""
    kept: dict[tuple, Mention] = {}
    for m in mentions:
        k = (*m.key(), m.trigger_start)
        if k not in kept:
            kept[k] = m
        elif m.type == DENIAL:
            kept[k].actors = list(dict.fromkeys(kept[k].actors + m.actors))
    return list(kept.values())
