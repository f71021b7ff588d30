"""Passage-level completion: endpoints borrowed from other mentions or nearby actors, denials, de-duplication."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import product

from spacy.tokens import Span, Token

from armswatch.errors import ArmswatchError
from armswatch.extraction import coref, items, timex
from armswatch.extraction.actors import ActorRef
from armswatch.extraction.claimant import SELF, Claimant, in_quotes
from armswatch.extraction.negation import Scope
from armswatch.extraction.rules import Frame
from armswatch.extraction.slots import subject_of
from armswatch.nlp import entities
from armswatch.types import Mention


@dataclass(frozen=True)
class Provenance:
    """How a mention's endpoints and item were found: ActorRef.via of each end, ItemChoice.source of the item.

    "span"/"modifier"/"anaphor"/"default" are in the trigger's clause; "nearby", "passage", "previous-mention",
    "later-mention", "established-recipient", "denied-claim" and "claimant" were borrowed or inferred.
    """

    supplier: str
    recipient: str
    item: str


@dataclass
class Candidate:
    """One trigger's reading before passage-level resolution; becomes one mention per supplier x recipient."""

    frame: Frame
    trigger: Token
    sent: Span
    type: str
    polarity: str
    scope: Scope
    suppliers: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    slots: dict[str, str | None] = field(default_factory=dict)
    claimant: Claimant = field(default_factory=Claimant)
    item: items.ItemChoice | None = None
    needs_claim: bool = False  # a denial of a claim named elsewhere ("refuted US claims")
    copy_previous: bool = False  # "followed suit", "joined the efforts"
    blocked: set[str] = field(default_factory=set)  # roles held by an unidentified party: never borrowed
    rule: str = ""
    notes: list[str] = field(default_factory=list)


class PassageResolver:
    """Turns a passage's candidates into mentions (mixed into engine.PassageExtractor, which holds the state)."""

    def resolve(self, cands: list[Candidate]) -> list[Mention]:
        """Complete candidates first; then those missing an endpoint, which may borrow it from the others."""
        done: dict[int, list[Mention]] = {}
        for n, cand in enumerate(cands):
            if cand.suppliers and cand.recipients and not cand.copy_previous and not cand.needs_claim:
                done[n] = self.complete(cand, [])
        for n, cand in enumerate(cands):
            if n in done:
                continue
            same = [m for k, ms in done.items() if cands[k].sent == cand.sent for m in ms if _lends(m, cand)]
            before = [m for k, ms in sorted(done.items()) if k < n for m in ms if _lends(m, cand)]
            if not cand.suppliers and not cand.recipients and not cand.copy_previous and (
                    cand.trigger.pos_ in ("NOUN", "PROPN") or cand.trigger.dep_ == "amod"):
                # a bare noun ("the sale ... violates") borrows both endpoints only from earlier sentences
                same = []
                before = [m for m in before if m.evidence_start < cand.sent.start_char]
            self._later = [m for k, ms in sorted(done.items()) if k > n for m in ms if _lends(m, cand)]
            done[n] = self.complete(cand, before, same)
        for n, cand in enumerate(cands):  # one endpoint, the other stated only later in the passage
            if not done[n] and (cand.suppliers or cand.recipients) and not cand.copy_previous:
                self._later = [m for k, ms in sorted(done.items()) if k != n for m in ms if _lends(m, cand)]
                done[n] = self.complete(cand, [], [])
        mentions = [m for n in sorted(done) for m in done[n]]
        return self.finish(self._drop_attempts(mentions))

    @staticmethod
    def _drop_attempts(mentions: list[Mention]) -> list[Mention]:
        """"efforts to run guns to the rebels, shipped by X": a reported shipment outranks the attempt."""
        sent = {(m.supplier, m.recipient, m.evidence_start) for m in mentions if m.type == "TRANSFER"}
        return [m for m in mentions
                if not (m.type == "CONSIDER" and (m.supplier, m.recipient, m.evidence_start) in sent)]

    def complete(self, cand: Candidate, previous: list[Mention], same: list[Mention] | None = None) -> list[Mention]:
        same = same or []
        if cand.copy_previous:
            pool = same if "same_sentence" in cand.notes else previous
            if "from_dropped" in cand.notes:
                hypo = [h for h in self.hypotheticals if h.trigger.i < cand.trigger.i and h.recipients]
                if hypo:
                    return [self.mention(cand, s.id, hypo[-1].recipients[0].id, hypo[-1].item)
                            for s in cand.suppliers]
            if not pool:
                return []
            last = pool[-1]
            out = []
            for s in cand.suppliers or [ActorRef(last.supplier, "", 0, 0, "previous-mention")]:
                m = self.mention(cand, s.id, last.recipient, vias=(s.via, "previous-mention"))
                m.type = cand.type or last.type
                m.item_text, m.item_category, m.item_categories = last.item_text, last.item_category, list(
                    last.item_categories)
                out.append(m)
            return out
        if cand.needs_claim:
            return self.complete_denial(cand, previous, same)
        excluded_tokens = self._claimant_tokens(cand)
        suppliers = cand.suppliers
        if not suppliers and cand.type == "SANCTION" and cand.claimant.id not in ("author", "other") and \
                not self._claimant_opposes(cand):
            suppliers = [ActorRef(cand.claimant.id, "", cand.trigger.i, cand.trigger.i + 1, "claimant")]
        if not suppliers and self._stranger_subject(cand):
            return []  # "Ukraine's allies are debating ...": a named but unidentified party, never borrowed
        suppliers = suppliers or self._missing(cand, "supplier", same + previous, excluded_tokens,
                                               {r.id for r in cand.recipients})
        recipients = cand.recipients or self._missing(cand, "recipient", same + previous, excluded_tokens,
                                                      {r.id for r in suppliers})
        out = []
        for s, r in product(suppliers, recipients):
            if s.id == r.id:
                origin = self._origin(cand)
                if origin is None or origin.id == r.id:
                    continue
                s = origin  # "Russian aircraft delivered Iranian drones to Russia": the carrier is not the supplier
            out.append(self.mention(cand, s.id, r.id, vias=(s.via, r.via)))
        return out

    def _near(self, m: Mention, cand: Candidate) -> bool:
        """Whether mention m was stated close enough before (or in) cand's sentence to lend it an endpoint."""
        positions = getattr(self, "_sentence_positions", None)
        if positions is None:  # once per passage: a list.index per (candidate, mention) pair made long texts cubic
            positions = self._sentence_positions = {(s.start, s.end): i for i, s in enumerate(self.sentences)}
        index = positions.get((cand.sent.start, cand.sent.end), 0)
        first = self.sentences[max(0, index - 2)]  # 2 sentences back: a 1-4 sentence passage is always covered
        return m.evidence_start >= first.start_char

    def _claimant_opposes(self, cand: Candidate) -> bool:
        """"Iran condemned the sanctions": a speaker who governs the measure without imposing it is its target."""
        from armswatch.extraction.slots import IMPOSE_VERBS, governor

        gov = governor(cand.trigger)
        if gov is None or gov.lemma_.lower() in IMPOSE_VERBS:
            return False
        subj = subject_of(gov)
        return subj is not None and cand.claimant.id in {r.id for r in self.idx.resolve_all(subj)}

    def _stranger_subject(self, cand: Candidate) -> bool:
        """The supplier position holds a noun phrase that names no actor ("Western allies", "member states")."""
        roles = cand.frame.passive if cand.rule.split("+")[0].endswith(".passive") else cand.frame.active
        if "nsubj" not in roles.get("supplier", ())[:1] or cand.trigger.pos_ not in ("VERB", "AUX"):
            return False
        subj = subject_of(cand.trigger)
        if subj is None or subj.pos_ == "PRON" or subj.lower_ in ("which", "that", "who"):
            return False
        return not self.idx.resolve_all(subj)

    def _origin(self, cand: Candidate) -> ActorRef | None:
        from armswatch.extraction.slots import slot_function

        refs = slot_function("item_origin")(cand.trigger, self.idx)
        return refs[0] if refs else None

    def _claimant_tokens(self, cand: Candidate) -> set[int]:
        tok = cand.claimant.token
        if tok is None:
            return set()
        return {t.i for t in tok.subtree}

    def _missing(self, cand: Candidate, role: str, previous: list[Mention], excluded_tokens: set[int],
                 other_ids: set[str]) -> list[ActorRef]:
        if role in cand.frame.no_borrow or (role == "supplier" and self._bystander_of_measure(cand)):
            return []
        if role in cand.blocked:
            return self._universal_denial(cand, role, previous)
        other_role = "recipient" if role == "supplier" else "supplier"
        # the same sentence first, then a mention sharing the known endpoint, then the latest one
        ordered = sorted((m for m in previous if self._near(m, cand)),
                         key=lambda m: (m.evidence_start != cand.sent.start_char,
                                        getattr(m, other_role) not in other_ids, -m.evidence_start))
        for m in ordered:
            value = getattr(m, role)
            if value and value not in other_ids and m.evidence_start >= 0:
                return [ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "previous-mention")]
        tok = cand.trigger
        if role in cand.frame.no_nearby:
            return []
        if not cand.suppliers and not cand.recipients and (tok.pos_ in ("NOUN", "PROPN") or tok.dep_ == "amod"):
            return []  # a bare noun or participle names no party: only an earlier event may supply them
        excluded = set(excluded_tokens)
        for r in cand.suppliers + cand.recipients + cand.actors:
            excluded.update(range(r.start, r.end))
        ref = coref.nearby_actor(self.idx, cand.sent, cand.trigger, other_ids, excluded)
        if ref is not None:
            ref = replace(ref, via="nearby")
        if ref is None and role == "recipient":
            ref = self._established_recipient(cand, previous, other_ids)
        if ref is None:
            ref = coref.previous_sentences_actor(self.idx, self.sentences, cand.sent, cand.trigger, other_ids,
                                                 excluded)
        if ref is None:  # "The purchase of drones from Turkey ... Ukraine received ...": a later sentence
            for m in self._later:
                value = getattr(m, role)
                if value and value not in other_ids:
                    return [ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "later-mention")]
        return [ref] if ref is not None else []

    @staticmethod
    def _established_recipient(cand: Candidate, previous: list[Mention], other_ids: set[str]) -> ActorRef | None:
        """The recipient of at least two earlier supplies in the text ("Britain and France have sent their
        missiles" in an article about aid to Ukraine): in a long text the last actor named before an unstated
        recipient is as often a bystander ("... drawing Germany into the war")."""
        counts = Counter(m.recipient for m in previous if m.recipient and m.recipient not in other_ids
                         and m.type in ("TRANSFER", "PLEDGE") and m.polarity == "affirmed")
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        if n < 2:
            return None
        return ActorRef(best, "", cand.trigger.i, cand.trigger.i + 1, "established-recipient")

    def _bystander_of_measure(self, cand: Candidate) -> bool:
        """"a panel that monitored sanctions on X", "firms that evaded sanctions": the verb's subject watches or
        breaks the measure, so a nearby actor is no evidence of who imposed it."""
        from armswatch.extraction.slots import governor

        if cand.type != "SANCTION" or cand.trigger.pos_ not in ("NOUN", "PROPN"):
            return False
        gov = governor(cand.trigger)
        return gov is not None and gov.lemma_.lower() in self.rules.cue("measure_bystander_verbs")

    def _universal_denial(self, cand: Candidate, role: str, previous: list[Mention]) -> list[ActorRef]:
        """"Beijing 'has never provided weapons to any party'": an involved party's blanket negation denies the
        claim about it stated in the passage, so the other endpoint is that claim's."""
        if cand.polarity != "negated" or cand.type != "TRANSFER" or role != "recipient":
            return []
        own = {r.id for r in cand.suppliers}
        if cand.claimant.id not in own or not self._universal(cand):
            return []
        claims = [m for m in previous + self._later if m.supplier in own and m.polarity == "affirmed"
                  and m.type == "TRANSFER" and m.recipient]
        return [ActorRef(claims[0].recipient, "", cand.trigger.i, cand.trigger.i + 1, "denied-claim")] if claims else []

    def _universal(self, cand: Candidate) -> bool:
        universal = self.rules.cue("universal_quantifiers")
        objs = [g for c in cand.trigger.children if c.lower_ in ("to", "for") for g in c.children]
        return any(any(d.lower_ in universal for d in o.children) or o.lower_ in universal for o in objs)

    def complete_denial(self, cand: Candidate, previous: list[Mention], same: list[Mention] | None = None
                        ) -> list[Mention]:
        """A denial of a claim named elsewhere: the claim stated inside the denial's own object ("denies Moscow's
        claims of Serbian firms supplying shells to Ukraine"), else the earlier claim its deniers are party to,
        else the deniers."""
        ids = [a.id for a in cand.actors]
        deniers = set(ids)
        if not deniers:
            return []
        inside = [m for m in same or [] if m.type != "DENIAL" and self._stated_within(m, cand.trigger)]
        if inside:
            return [self._denied(cand, inside[0])]
        claims = [m for m in reversed(previous) if m.type != "DENIAL"]
        # "Both X and Y refuted the claims": the claim between the two deniers, then the deniers as a pair
        both = [m for m in claims if {m.supplier, m.recipient} <= deniers]
        if both:
            return [self._denied(cand, both[0])]
        if len(ids) >= 2:
            return [self.mention(cand, ids[0], ids[1])]
        one = [m for m in claims if m.supplier in deniers or m.recipient in deniers]
        if one:
            return [self._denied(cand, one[0])]
        other = self._missing(cand, "recipient", [], self._claimant_tokens(cand), deniers)
        return [self.mention(cand, ids[0], other[0].id)] if other else []

    def _stated_within(self, m: Mention, tok: Token) -> bool:
        """Whether mention m's trigger sits in the object of `tok` (the claim it denies or reports)."""
        cand = self.origins.get(id(m))
        return cand is not None and cand.trigger.i > tok.i and tok.is_ancestor(cand.trigger)

    def _denied(self, cand: Candidate, claim: Mention) -> Mention:
        out = self.mention(cand, claim.supplier, claim.recipient)
        out.item_text, out.item_category = claim.item_text, claim.item_category
        out.item_categories = list(claim.item_categories)
        return out

    def mention(self, cand: Candidate, supplier: str | None, recipient: str | None,
                item: items.ItemChoice | None = None, vias: tuple[str, str] = ("claim", "claim")) -> Mention:
        """The mention of `cand` between two actor ids; `vias` says how each endpoint was found (ActorRef.via)."""
        sent, tok = cand.sent, cand.trigger
        text = sent.text.rstrip()
        start = sent.start_char
        item = item or cand.item or items.ItemChoice(None, "weapons", ["weapons"], "default")
        if item.source in ("passage", "default"):
            # "denied the transfer": the item of the earlier mention of the same pair, when there is one
            earlier = [m for m in self._emitted if (m.supplier, m.recipient) == (supplier, recipient)]
            if earlier and earlier[-1].item_category:
                e = earlier[-1]
                item = items.ItemChoice(e.item_text, e.item_category, list(e.item_categories), "earlier-mention")
        claimant = cand.claimant
        if claimant.id == SELF:  # "In a joint statement, X and Y pledged": each supplier claims its own pledge
            claimant = Claimant(supplier or "author", None)
        m = Mention(
            type=cand.type, supplier=supplier, recipient=recipient, polarity=cand.polarity,
            actors=[a.id for a in cand.actors] if cand.type == "DENIAL" else [],
            item_text=item.text, item_category=item.category or "weapons",
            item_categories=item.categories or [item.category or "weapons"],
            claimant=claimant.id, claimant_text=claimant.text,
            evidence=text, evidence_start=start,
            evidence_end=start + len(text), rule=cand.rule, trigger=tok.text, trigger_start=tok.idx,
        )
        self.origins[id(m)] = cand
        self.provenance[id(m)] = Provenance(vias[0], vias[1], item.source)
        self._emitted.append(m)
        return m

    def _orient_symmetric(self, mentions: list[Mention]) -> None:
        """"X has never had arms dealings with Y", "a contract with Y": a deal "with" someone names the two parties
        but not who supplies whom. When the text states the pair the other way round elsewhere and never this
        way, that direction is the one meant."""
        pairs = {(m.supplier, m.recipient) for m in mentions if m.type != "DEAL"}
        for m in mentions:
            cand = self.origins.get(id(m))
            if m.type != "DEAL" or cand is None or cand.slots.get("supplier") != "prep:with":
                continue
            if (m.recipient, m.supplier) in pairs and (m.supplier, m.recipient) not in pairs:
                m.supplier, m.recipient = m.recipient, m.supplier

    def finish(self, mentions: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        self._orient_symmetric(mentions)
        for m in mentions:
            if not m.supplier or not m.recipient or m.supplier == m.recipient:
                continue
            if m.type in ("TRANSFER", "DEAL") and m.polarity == "negated" and m.claimant in (m.supplier, m.recipient) \
                    and "+unable" not in (m.rule or ""):  # "accused Moscow of failing to deliver" is no denial
                # a negation by an involved party is its denial, never a negated transfer (GUIDELINES §5)
                m.actors = [m.claimant]
                m.type, m.polarity = "DENIAL", "affirmed"
                m.rule = (m.rule or "") + "+involved-negation"
                m.claimant = m.claimant if self._quoted(m) else "author"
            elif m.type == "DENIAL":
                m.claimant = m.actors[0] if m.actors and self._quoted(m) else "author"
                if not m.actors:
                    continue
            lex = _affiliations()
            if lex is not None:
                for actor in (m.supplier, m.recipient, *m.actors):
                    if actor and actor.startswith("org:"):
                        aff = lex(actor)
                        if aff:
                            m.affiliations[actor] = aff
            out.append(m)
        return unique(out)

    def time_sentences(self, mentions: list[Mention]) -> list[Span]:
        """The sentences whose entities give the mentions their times (those that may state one)."""
        sents = [self.origins[id(m)].sent for m in mentions]
        return [s for s in dict.fromkeys(sents) if timex.may_state_time(s.text)]

    def set_times(self, mentions: list[Mention]) -> None:
        """Each mention's time, from its sentence's DATE entities (NER runs here unless `time_sentences` of every
        doc of a batch were given their entities together first, as extract_many does)."""
        entities.ensure(self.doc, self.time_sentences(mentions))
        for m in mentions:
            cand = self.origins[id(m)]
            m.time = timex.find(cand.sent, cand.trigger, self.published)

    def _quoted(self, m: Mention) -> bool:
        if m.trigger_start is None:
            return False
        span = self.doc.char_span(m.trigger_start, m.trigger_start + len(m.trigger or "x"), alignment_mode="expand")
        return span is not None and in_quotes(self.doc, span.start)


def _lends(m: Mention, cand: Candidate) -> bool:
    """Whether mention m may lend an endpoint to cand: a sanction never lends to a supply event, nor back."""
    return (m.type == "SANCTION") == (cand.type == "SANCTION") or cand.copy_previous


def unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per scoring key and trigger: every sentence that states an event stays as its evidence (a
    claim lists all of them); a second reading of the same trigger with the same key adds nothing."""
    kept: dict[tuple, Mention] = {}
    for m in mentions:
        k = (*m.key(), m.trigger_start)
        if k not in kept:
            kept[k] = m
        elif m.type == "DENIAL":
            kept[k].actors = list(dict.fromkeys(kept[k].actors + m.actors))
    return list(kept.values())


def _affiliations():
    try:
        from armswatch.lexicons import load_actors

        return load_actors().affiliation
    except (ImportError, ArmswatchError):  # affiliations are optional; mentions stay valid without them
        return None
