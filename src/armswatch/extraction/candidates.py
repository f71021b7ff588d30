"""The candidates stage: trigger frames found in a parsed doc, and the checks that keep or drop each one.

For each token whose lemma and part of speech match a frame (triggers.yaml), `CandidateFinder.build` runs
`TRIGGER_CHECKS` (each a named function saying which construction it rules out), then reads the trigger's
scope (negation.analyse), fills the frame's slots and runs `CANDIDATE_STEPS`, which refine the reading (its
type, its slots, its item, its claimant) and may still drop it. Every decision is written on the candidate
(`Candidate.reasons`) or in a `Dropped` record, which is what `--explain` prints.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from dataclasses import replace as _replace

from spacy.tokens import Doc, Span, Token

from armswatch.event_types import CONSIDER, DEAL, DENIAL, PLEDGE, REQUEST, SANCTION, TRANSFER
from armswatch.extraction import items
from armswatch.extraction.actors import ActorIndex, ActorRef
from armswatch.extraction.candidate import Candidate, Dropped
from armswatch.extraction.claimant import SELF, Claimant, ClaimantFinder
from armswatch.extraction.rules import Frame, Rules, Wrapper
from armswatch.extraction.scope import Scope, analyse, climb
from armswatch.extraction.slots import (
    CLAIM_NOUNS,
    FIXED,
    SUPPLY_LEMMAS,
    arg_pobjs,
    children,
    fill,
    framework_verb,
    governor,
    is_passive,
    pobjs,
    subject_of,
    unidentified,
)
from armswatch.extraction.texts import lemmas, lowers, span_text
from armswatch.extraction.vocab import words
from armswatch.nlp import entities

# How far back (in sentences) an unstated item may be taken from: passages are 1-4 sentences, and in a whole
# article an item three paragraphs up belongs to another story.
CONTEXT_SENTENCES = 1
POS_GROUPS = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "PROPN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")
# Argument positions that hold the item of a verb trigger.
ITEM_ARG_DEPS = ("dobj", "nsubjpass", "dative")
ROLE_FIELDS = {"supplier": "suppliers", "recipient": "recipients", "actors": "actors"}


@dataclass
class Found:
    """What the candidates stage hands on: the candidates, the triggers it dropped, and the hypothetical
    readings (dropped, but an ellipsis such as "considered the possibility" may refer to their endpoints)."""

    candidates: list[Candidate] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    hypotheticals: list[Candidate] = field(default_factory=list)


def reason_of(check: Callable) -> str:
    """The reason a check records: its name in words ("asked_for_permission" -> "asked for permission")."""
    return check.__name__.replace("_", " ")


# -- checks on a trigger before its scope is read: True drops the frame --------------------------------------
def missing_required_prep(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """A frame that needs a preposition ("asked for", "called for") whose trigger has none."""
    return bool(frame.requires_prep) and not pobjs(tok, frame.requires_prep)


def asked_for_permission(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"asked Germany for permission to send tanks", "sought the green light": leave to act, not a request for
    arms from the one asked."""
    return bool(frame.requires_prep) and any(
        o.lemma_.lower() in words("permission_nouns") for o in pobjs(tok, frame.requires_prep))


def asked_for_non_arms(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"called for closer ties", "asked for a loan": what is asked for is not arms."""
    return bool(frame.requires_prep) and all(
        o.lemma_.lower() in words("non_arms_objects") for o in pobjs(tok, frame.requires_prep))


def noun_modifies_other_noun(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"export controls", "supply lines": a trigger noun that modifies another noun (not an item) names no
    event."""
    return tok.pos_ in NOUNS and tok.dep_ == "compound" and not f.idx.is_item(tok.head)


def inside_excluded_phrase(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"in order to" for the noun "order": the trigger is part of one of the frame's `not_phrases`."""
    return bool(frame.not_phrases) and inside_phrase(tok, frame.not_phrases)


def object_of_supply_verb(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"received a shipment of", "delivered the first batch": a noun governed by a supply verb is covered by
    the verb's frame (measures and requests excepted, and the deal a delivery is made under: "delivered jets
    under a 2018 contract" states the contract too)."""
    framework = frame.type == DEAL and framework_verb(tok) is not None
    return tok.pos_ in NOUNS and frame.type not in (SANCTION, REQUEST) and not framework and \
        f.governed_by_trigger(tok)


def part_of_supply_noun(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"the delivery of the first batch of jets", "shipments of a new consignment": a supply noun after "of" of
    another supply noun is that noun's content; the outer noun carries the event and its mood."""
    if tok.pos_ not in NOUNS or tok.dep_ != "pobj" or tok.head.lower_ != "of" or frame.type != TRANSFER:
        return False
    outer = tok.head.head
    return outer.pos_ in NOUNS and any(g.type == TRANSFER and g.id == frame.id for g in f.frames_for(outer))


def stock_not_flow(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"its weapons supply" (a stock), not "the supply of drones to Russia": these lemmas need a
    preposition."""
    return tok.lemma_.lower() in frame.lemmas_need_prep and not pobjs(tok, *words("flow_preps"))


def missing_required_object(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """A frame that needs an object ("armed the rebels") whose verb has none and is no participle modifier."""
    return frame.requires_object and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) and not (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))


def missing_required_child(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """A frame that needs a particle or word below its trigger ("hand over", "sign off") that is absent."""
    return bool(frame.requires_child) and not any(
        c.lemma_.lower() in frame.requires_child or c.lower_ in frame.requires_child for c in tok.children)


def object_not_a_supply(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"approved the supply of", "halted deliveries": a frame whose object must be a supply noun or an
    item."""
    return frame.object_must_be_supply and not any(
        c.dep_ == "dobj" and (c.lemma_.lower() in SUPPLY_LEMMAS or f.idx.is_item(c)) for c in tok.children)


def object_not_arms(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"accused of committing genocide": the frame's verb with an object that is never a supply."""
    return bool(frame.not_objects) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in frame.not_objects for c in tok.children)


def imperative(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"Don't deliver any weapons", "Send us jets": a bare verb with no subject heading its own clause."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "parataxis", "advcl"):
        return False
    left = [c for c in tok.children if c.i < tok.i]
    markers = words("non_imperative_markers")
    return all(c.dep_ in ("aux", "neg", "punct", "advmod", "intj") and c.lower_ not in markers for c in left)


def missing_source(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """A frame that needs a source "from" (on the trigger, its item phrase or its subject: "purchases from
    Russia", "will get jets from China") that is absent."""
    return frame.requires_from and not (
        arg_pobjs(tok, f.idx, "from") or any(pobjs(s, "from") for s in children(tok, "nsubj")))


def denial_of_core_below(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"denied sending drones": a denial verb over a core trigger is that trigger's wrapper, not an event of
    its own."""
    return frame.type == DENIAL and f.has_core_below(tok)


def supply_verb_as_adjective(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"the supplying country", "arms-exporting nations": a supply verb used as an adjective (not a past
    participle) describes, it reports no transfer."""
    return tok.pos_ in VERBS and tok.dep_ == "amod" and frame.type == TRANSFER and tok.tag_ != "VBN"


def gives_permission(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"has given its approval for the delivery", "gave the green light to the sale": a supply verb whose
    object is leave to act gives no arms (the supply it permits is a trigger of its own)."""
    if frame.type != TRANSFER or tok.pos_ not in VERBS:
        return False
    perm = words("permission_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in perm or any(
        m.dep_ in ("amod", "compound") and m.lemma_.lower() in perm for m in c.children)) for c in tok.children)


def command_not_purchase(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"ordered 40,000 rockets to be produced and shipped to Russia", "ordered the army to send tanks": a command
    with an infinitive of production or supply is no purchase (an order from a seller, "ordered jets from
    Korea", stays a deal)."""
    if frame.type != DEAL or tok.pos_ != "VERB" or tok.lemma_.lower() not in words("command_verbs") or \
            pobjs(tok, "from"):
        return False
    return any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children) and (
        any(a.dep_ == "auxpass" for a in x.children) or any(g.type == TRANSFER for g in f.frames_for(x)))
        for x in tok.children)


def legislation_passed(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"the aid package passed by the Senate", "Congress passed the bill": a law passed, not arms handed on."""
    if frame.type != TRANSFER or tok.pos_ not in VERBS or tok.lemma_.lower() not in words("legislating_verbs"):
        return False
    law = words("legislation_nouns")
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        objects.append(tok.head)  # "the package passed by the Senate"
    return any(o.lemma_.lower() in law for o in objects)


def target_of_measure(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"sanctions on technology exports to Wagner", "a ban on arms sales to X": the supply a measure targets is
    not stated as done ("sanctions over its drone deliveries" gives the reason, and keeps it)."""
    if tok.pos_ not in NOUNS or frame.type != TRANSFER or tok.dep_ != "pobj" or tok.head.lower_ not in (
            words("measure_target_preps")):
        return False
    measure = tok.head.head
    return measure.lemma_.lower() in words("measure_nouns") or any(
        g.type == SANCTION for g in f.frames_for(measure))


def participle_conjunction(f: CandidateFinder, tok: Token, frame: Frame) -> bool:
    """"given that Moscow is short of shells", "provided that the talks succeed", "given the shortage": a
    participle used as a conjunction or preposition gives nothing (it has no object of its own)."""
    if tok.lower_ not in words("conjunction_participles") or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    that_clause = any(c.dep_ == "mark" and c.lower_ == "that" for k in tok.children for c in k.children)
    return tok.dep_ in ("prep", "mark") or that_clause


TriggerCheck = Callable[["CandidateFinder", Token, Frame], bool]
TRIGGER_CHECKS: tuple[TriggerCheck, ...] = (
    missing_required_prep, asked_for_permission, asked_for_non_arms, noun_modifies_other_noun,
    inside_excluded_phrase, object_of_supply_verb, part_of_supply_noun, stock_not_flow, missing_required_object,
    missing_required_child, object_not_a_supply, object_not_arms, imperative, missing_source, denial_of_core_below,
    supply_verb_as_adjective, participle_conjunction, gives_permission, command_not_purchase, legislation_passed,
    target_of_measure,
)


# -- steps on a candidate after its slots are filled: True drops it ------------------------------------------
def contract_parties(f: CandidateFinder, cand: Candidate) -> bool:
    """"Peru and Spain signed a contract": a deal's two parties as the subject, the seller named first."""
    if cand.frame.type == DEAL and not cand.suppliers and len(cand.recipients) >= 2 and cand.slots.get(
            "recipient") in ("gov_subj", "gov_subj_if_sign"):
        cand.suppliers, cand.recipients = cand.recipients[:1], cand.recipients[1:]
        cand.decide("contract parties: the first named is the seller")
    return False


def request_at_no_supply(f: CandidateFinder, cand: Candidate) -> bool:
    """"deployed launchers at the request of Riga" is no request for arms; "to be provided at the request of
    X" is one, whose asked party is unnamed."""
    tok = cand.trigger
    if "gov_subj_if_at" not in cand.frame.active.get("supplier", ()) or tok.dep_ != "pobj" or \
            tok.head.lower_ != "at":
        return False
    if not f.supply_governor(tok):
        return True
    if cand.slots.get("supplier") != "gov_subj_if_at":
        cand.blocked.add("supplier")
        cand.decide("at the request of: the asked party is unnamed")
    return False


def new_customer(f: CandidateFinder, cand: Candidate) -> bool:
    """"became the first export customer for X's jet", "its newest customer": a new purchase (DEAL), not a
    record of past ones."""
    if cand.frame.id in words("frames_new_customer") and f.is_new_customer(cand.trigger, cand.sent):
        cand.type = DEAL
        cand.decide("new customer: a deal")
    return False


def wrapper_roles(f: CandidateFinder, cand: Candidate) -> bool:
    """The wrappers above the trigger name the asked party ("asked Germany to send"), the requester, the
    deniers or the deciding supplier ("X decided to send")."""
    f.apply_wrappers(cand)
    return False


def request_by_another(f: CandidateFinder, cand: Candidate) -> bool:
    """"X urged Y to send arms to Z", "officials asked for tanks for Kyiv": a request made by someone who is
    not the recipient is not coded (the wrappers left the candidate without a type)."""
    return cand.type is None


def buyer_halt(f: CandidateFinder, cand: Candidate) -> bool:
    """"Armenia stopped buying from Russia": a buyer's halt is not a supplier's sanction."""
    return cand.type == SANCTION and cand.frame.type == TRANSFER and "nsubj" in (
        cand.frame.active.get("recipient") or ())


def delivery_announced_by_receiver(f: CandidateFinder, cand: Candidate) -> bool:
    """"Mali's junta announced the delivery of two helicopters from Russia": a delivery from a named supplier,
    announced by someone else, has arrived (TRANSFER); the supplier's own announcement stays a pledge."""
    tok, scope = cand.trigger, cand.scope
    if cand.type != PLEDGE or cand.frame.type != TRANSFER or scope.future or tok.dep_ != "dobj" or \
            cand.slots.get("supplier") != "prep:from":
        return False
    head = tok.head
    if head.lemma_.lower() not in words("pledge_reporting_verbs") or not scope.is_wrapper(head):
        return False
    subj = subject_of(head)
    refs = f.idx.resolve_all(subj) if subj is not None else []
    announcers = {r.id for r in refs}
    if announcers and not announcers & {r.id for r in cand.suppliers}:
        cand.type = TRANSFER
        cand.decide("delivery announced by another than its supplier: arrived")
        if not cand.recipients and "recipient" not in cand.blocked:
            cand.recipients = list(refs)  # the announcer of a receipt is its receiver
            cand.decide("receiver: the announcer")
    return False


def promise_kept(f: CandidateFinder, cand: Candidate) -> bool:
    """"the shells Germany promised Lithuania have arrived": a delivered promise is a transfer."""
    if cand.frame.type == PLEDGE and cand.type == PLEDGE and f.promise_delivered(cand.trigger):
        cand.type = TRANSFER
        cand.decide("promise kept: delivered")
    return False


def order_already_delivered(f: CandidateFinder, cand: Candidate) -> bool:
    """"completing an order placed in 2018", "its purchase of S-400s, which were delivered": payment details
    of a delivered transfer add no DEAL (GUIDELINES §5 TRANSFER)."""
    return cand.frame.type == DEAL and f.delivered_order(cand)


def appeal_to_halt(f: CandidateFinder, cand: Candidate) -> bool:
    """"urged member states to stop the flow of arms": a call for a halt is no measure; "resisted calls to
    suspend" (a refusal of the call) still is one, negated."""
    wrappers = [w for _, w in cand.scope.wrappers]
    if cand.type != SANCTION and not any(w.type == SANCTION for w in wrappers):
        return False  # "asked Washington to help it freeze any deal": a halt asked for, of any frame
    return any(w.type == REQUEST for w in wrappers) and not any(
        w.polarity == "negated" and w.type is not None for w in wrappers)


def hypothetical_would(f: CandidateFinder, cand: Candidate) -> bool:
    """Future and reported-conditional forms change the type; "X would send tanks" alone is a bare
    hypothetical."""
    return not f.adjust_type(cand)


def denial_without_claim(f: CandidateFinder, cand: Candidate) -> bool:
    """A denial frame is coded only when it denies a claim ("denied the reports", "a charge Iran denies"); its
    subjects are the deniers and the claim's endpoints are found in the passage."""
    if cand.frame.type != DENIAL:
        return False
    if not f.denies_claim(cand.trigger):
        return True
    cand.actors = cand.actors or cand.suppliers
    cand.suppliers, cand.recipients = [], []
    cand.needs_claim = True
    cand.decide("denial of a claim: endpoints from the claim")
    return False


def choose_item(f: CandidateFinder, cand: Candidate) -> bool:
    """The item of the trigger's phrase (a denial's is its claim's)."""
    cand.item = f.item_for(cand) if cand.frame.type != DENIAL else items.ItemChoice(None, None, [], "claim")
    return False


def thanks_for_support(f: CandidateFinder, cand: Candidate) -> bool:
    """"thanked Germany for its support" is gratitude, not a delivery: a thanking frame needs an arms item
    named as its argument."""
    item = cand.item
    return cand.frame.thanked_item and (
        item is None or item.source != "argument" or item.category in ("support", None))


def non_arms_object(f: CandidateFinder, cand: Candidate) -> bool:
    """"sent food", "received 38 million euros": the object is not arms (unless the supply is only the price
    of an arms counter-delivery, then its item is "non-arms")."""
    if cand.item is not None:
        return False
    if not cand.exchange_only:
        return True
    cand.item = items.ItemChoice(None, None, [], "non-arms")
    return False


def no_arms_item_or_context(f: CandidateFinder, cand: Candidate) -> bool:
    """"delivered the first batch": an item-less event takes the nearby item, or "weapons" in an arms context;
    without either it is dropped. A frame whose item must be in its own phrase takes neither."""
    assert cand.item is not None
    if cand.item.category is not None or not cand.frame.item_required or cand.exchange_only or \
            cand.frame.type == DENIAL:
        return False
    cand.item = None if cand.frame.item_in_phrase else f.context_item(cand)
    if cand.item is None:
        return True
    cand.decide(f"item from context ({cand.item.source})")
    return False


def claimant_and_announcement(f: CandidateFinder, cand: Candidate) -> bool:
    """Who states the event; "Britain said it would send tanks": the supplier's own announcement is a
    pledge."""
    scope = cand.scope
    cand.claimant = f.claimants.find(cand.trigger, cand.sent, scope.report_verb, f.sentences)
    if "claim called false" in scope.notes and not cand.actors:
        # "the reports are false, the minister said": the speaker denies
        speaker = subject_of(scope.report_verb) if scope.report_verb is not None else None
        cand.actors = f.idx.resolve_all(speaker) if speaker is not None else []
        if not cand.actors and cand.claimant.id not in ("author", "other", SELF):
            tok = cand.trigger
            cand.actors = [ActorRef(cand.claimant.id, "", tok.i, tok.i + 1, "claimant")]
        cand.decide("deniers: the speaker " + ", ".join(r.id for r in cand.actors))
    if scope.would and cand.type == CONSIDER and cand.claimant.id in {s.id for s in cand.suppliers}:
        cand.type = PLEDGE
        cand.decide("supplier's own announcement: a pledge")
    return False


CandidateStep = Callable[["CandidateFinder", Candidate], bool]
CANDIDATE_STEPS: tuple[CandidateStep, ...] = (
    contract_parties, request_at_no_supply, new_customer, wrapper_roles, request_by_another, buyer_halt,
    delivery_announced_by_receiver, promise_kept, order_already_delivered, appeal_to_halt, hypothetical_would,
    denial_without_claim, choose_item, thanks_for_support, non_arms_object, no_arms_item_or_context, claimant_and_announcement,
)


class CandidateFinder:
    """Finds the candidates of one parsed doc; reads only what its constructor is given."""

    def __init__(self, doc: Doc, rules: Rules, idx: ActorIndex, claimants: ClaimantFinder,
                 sentences: list[Span]):
        self.doc, self.rules, self.idx, self.claimants, self.sentences = doc, rules, idx, claimants, sentences
        self.found = Found()

    # -- the stage -------------------------------------------------------------------------------------------
    def find(self) -> Found:
        """Every candidate of the doc in text order, with the dropped triggers and hypothetical readings."""
        self.found = Found()
        lemma, lower, triggers = lemmas(self.doc), lowers(self.doc), self.rules.trigger_words
        for sent in self.sentences:
            for i in range(sent.start, sent.end):
                if lemma[i] in triggers or lower[i] in triggers:  # most tokens can start no frame: skip them cheaply
                    self.found.candidates.extend(self.readings(self.doc[i], sent))
        return self.found

    def readings(self, tok: Token, sent: Span) -> list[Candidate]:
        """The candidates of one token: its first frame that builds (with its gapped, counter-delivery and
        denied-claim readings), else an elliptic reading ("did likewise")."""
        for frame in self.frames_for(tok):
            cand = self.build(tok, frame, sent)
            if cand is None and frame.type == TRANSFER:
                cand = self.exchange_only(tok, frame, sent)
            if cand is None:
                continue
            out = self.gapped(cand)
            mirror = self.exchange(cand)
            if cand.item is None or cand.item.source != "non-arms":
                out.append(cand)
                out.extend(self.denied_content(cand))
            if mirror is not None:
                out.append(mirror)
            return out
        cand = self.ellipsis(tok, sent)
        return [cand] if cand is not None else []

    def frames_for(self, tok: Token) -> list[Frame]:
        frames = self.rules.by_lemma.get(tok.lemma_.lower()) or self.rules.by_lemma.get(tok.lower_) or []
        return [f for f in frames if any(tok.pos_ in POS_GROUPS.get(p, {p}) for p in f.pos)]

    def drop(self, tok: Token, frame: Frame, reason: str) -> None:
        self.found.dropped.append(Dropped(frame.id, tok, reason))

    def build(self, tok: Token, frame: Frame, sent: Span, exchange_only: bool = False) -> Candidate | None:
        """The candidate of `frame` at `tok`, or None (recorded in `found.dropped`) when a check drops it."""
        for check in TRIGGER_CHECKS:
            if check(self, tok, frame):
                self.drop(tok, frame, reason_of(check))
                return None
        scope = analyse(tok, frame.type, self.rules)
        passive = tok.pos_ in VERBS and is_passive(tok)
        if scope.drop:
            self.drop(tok, frame, scope.drop)
            self.found.hypotheticals.append(self.hypothetical(tok, frame, sent, scope, passive))
            return None
        cand = Candidate(frame=frame, trigger=tok, sent=sent, type=scope.type or frame.type,
                         polarity=scope.polarity if frame.polarity == "affirmed" else "negated", scope=scope,
                         passive=passive, exchange_only=exchange_only)
        self.fill_slots(cand)
        for step in CANDIDATE_STEPS:
            if step(self, cand):
                self.drop(tok, frame, reason_of(step))
                return None
        cand.modifiers = [w.id for _, w in scope.wrappers]
        return cand

    def hypothetical(self, tok: Token, frame: Frame, sent: Span, scope: Scope, passive: bool) -> Candidate:
        """A dropped reading's endpoints and item, for an ellipsis that refers to it ("weighed the
        option")."""
        roles = frame.passive if passive else frame.active
        hypo = Candidate(frame=frame, trigger=tok, sent=sent, type=frame.type, polarity="affirmed",
                         scope=scope, passive=passive)
        hypo.suppliers = fill(tok, roles.get("supplier", ()), self.idx)[0]
        hypo.recipients = fill(tok, roles.get("recipient", ()), self.idx)[0]
        hypo.item = self.item_for(hypo)
        return hypo

    def fill_slots(self, cand: Candidate) -> None:
        """Each role from the frame's slots for the trigger's voice; a role held by an unidentified party
        ("asked its partners", "Western allies sent") is blocked: never borrowed."""
        roles = cand.frame.passive if cand.passive else cand.frame.active
        for role, name in ROLE_FIELDS.items():
            refs, slot = fill(cand.trigger, roles.get(role, ()), self.idx)
            setattr(cand, name, refs)
            cand.slots[role] = slot
            if not refs and unidentified(cand.trigger, roles.get(role, ()), self.idx) is not None:
                cand.blocked.add(role)
                cand.decide(f"{role}: an unidentified party, never borrowed")

    # -- further readings of a built candidate ---------------------------------------------------------------
    def exchange(self, cand: Candidate) -> Candidate | None:
        """"supplied jets to Iran in exchange for drones": the counter-delivery, in the other direction."""
        for prep in [c for c in cand.trigger.children if c.dep_ == "prep" and c.lower_ == "in"]:
            for ex in [g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "exchange"]:
                objs = [o for f in ex.children if f.dep_ == "prep" and f.lower_ == "for" for o in f.children
                        if o.dep_ == "pobj"]
                if not objs:
                    continue
                choice = items.choose(self.doc, objs[0], cand.sent, [objs[0]], words("non_arms_objects"),
                                      frozenset(), frozenset(), set(), spans=self.idx.items)
                if choice is None or choice.category is None or choice.source != "argument":
                    continue
                return _replace(cand, suppliers=cand.recipients, recipients=cand.suppliers, item=choice,
                                modifiers=[*cand.modifiers, "exchange"],
                                reasons=[*cand.reasons, "exchange: the counter-delivery"])
        return None

    def exchange_only(self, tok: Token, frame: Frame, sent: Span) -> Candidate | None:
        """"supply food in exchange for ammunition": a non-arms supply whose counterpart is arms."""
        if not any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() == "exchange" for g in c.children) for c in tok.children):
            return None
        cand = self.build(tok, frame, sent, exchange_only=True)
        if cand is not None:
            cand.item = items.ItemChoice(None, None, [], "non-arms")
        return cand

    def gapped(self, cand: Candidate) -> list[Candidate]:
        """"Britain has sent Storm Shadows (to Ukraine) and France the similar SCALP": a conjoined actor
        followed by an item is the subject of a gapped clause, not another recipient; it becomes the supplier
        of a copy."""
        if cand.frame.type != TRANSFER or cand.trigger.pos_ != "VERB":
            return []
        out = []
        for tok in cand.trigger.subtree:
            ref = self.idx.span_ref(tok) if tok.dep_ == "conj" else None
            item = self.gapped_item(tok) if ref is not None else None
            if item is None or ref.id in {s.id for s in cand.suppliers}:
                continue
            shared = [r for g in pobjs(self.doc[item.end - 1], "to") for r in self.idx.resolve_all(g)]
            cand.recipients = [r for r in cand.recipients if r.id != ref.id] or shared
            cand.blocked.discard("recipient")
            choice = items.ItemChoice(item.text, item.label_, [item.label_], "argument")
            out.append(_replace(cand, suppliers=[ref], recipients=list(cand.recipients), item=choice,
                                modifiers=[*cand.modifiers, "gapping"],
                                reasons=[*cand.reasons, f"gapping: {ref.id} supplies {item.text}"]))
        return out

    def gapped_item(self, tok: Token) -> Span | None:
        """The item phrase right after `tok` that hangs beside it (appos/dobj/conj), or None."""
        for nxt in self.doc[tok.i + 1: tok.i + 5]:
            if nxt.pos_ in ("DET", "ADJ", "NUM") or nxt.dep_ in ("amod", "det", "nummod", "compound"):
                continue
            span = next((s for s in self.idx.items if s.start <= nxt.i < s.end), None)
            beside = nxt.dep_ in ("appos", "dobj", "conj", "npadvmod")
            if span is not None and nxt.head in (tok, tok.head) and beside:
                return span
            return None
        return None

    def denied_content(self, cand: Candidate) -> list[Candidate]:
        """"X dismissed a claim by Y that X had sold ...": the claim's content is also coded, with Y as
        claimant. It is a new reading of the frame: no wrappers, and read in the frame's active voice."""
        noun = cand.scope.claim_noun
        if cand.type != DENIAL or noun is None or cand.frame.type == DENIAL:
            return []
        sources = pobjs(noun, *words("claim_source_preps")) or [
            c for c in noun.children
            if c.dep_ in ("poss", "amod", "compound") and self.idx.span_ref(c) is not None]
        named = sources or [c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        if not named:  # "denied claims that Tehran had provided drones": no accuser, only the DENIAL is coded
            return []
        speaker = sources[0] if sources else noun
        claimant = Claimant(self.claimants.speaker_id(speaker), None, speaker)
        return [_replace(cand, type=cand.frame.type, polarity="affirmed", actors=[], claimant=claimant,
                         passive=False, modifiers=["claim-content"],
                         reasons=[*cand.reasons, f"content of a claim by {claimant.id}"])]

    def ellipsis(self, tok: Token, sent: Span) -> Candidate | None:
        """"did likewise", "joined in", "after first saying no": a new reading of an earlier event."""
        for e in self.rules.ellipsis_by_lemma.get(tok.lemma_.lower(), ()):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "xcomp", "ccomp")]
            if e.get("object") is None:
                if objs:
                    continue
            elif not any(c.lemma_.lower() == e["object"] for c in objs):
                continue
            scope = analyse(tok, TRANSFER, self.rules)
            if scope.drop:
                return None
            subj = subject_of(tok)
            suppliers = self.idx.resolve_all(subj) if subj is not None else []
            cand = Candidate(frame=self.rules.frames[0], trigger=tok, sent=sent,
                             type=e.get("type") or scope.type or "",
                             polarity=e.get("polarity") or scope.polarity, scope=scope, suppliers=suppliers,
                             copy_previous=True, ellipsis=e["id"])
            cand.notes = [k for k in ("same_sentence", "from_dropped") if e.get(k)]
            cand.claimant = self.claimants.find(tok, sent, scope.report_verb, self.sentences)
            return cand
        return None

    # -- questions the checks ask of the parse ---------------------------------------------------------------
    def is_new_customer(self, tok: Token, sent: Span) -> bool:
        entities.ensure(self.doc, [sent])
        gov = governor(tok)
        ordinal = any(c.ent_type_ == "ORDINAL" or c.lower_ in words("ordinal_words") for c in tok.children)
        return ordinal or (gov is not None and gov.lemma_.lower() in words("customer_becoming_verbs"))

    def supply_governor(self, tok: Token) -> bool:
        gov = governor(tok)
        return gov is not None and any(f.type in (TRANSFER, PLEDGE) for f in self.frames_for(gov))

    def governed_by_trigger(self, tok: Token) -> bool:
        gov = governor(tok) if tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj") else None
        own = words("frames_own_noun_reading")
        return gov is not None and any(
            f.type in (TRANSFER, PLEDGE) and f.id not in own and not (f.not_phrases and inside_phrase(
                gov, f.not_phrases)) for f in self.frames_for(gov))  # "gave the green light for deliveries"

    def has_core_below(self, tok: Token) -> bool:
        below = [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "prep")
                 for t in c.subtree]
        for t in below:
            if any(f.type != DENIAL for f in self.frames_for(t)) and any(
                    w == tok for w, _ in climb(t, self.rules).wrappers):
                return True  # "denied sending drones": the core below carries the denial
        return False  # "X accused Y of arming Z, a charge Y denies": the accusation is reported, not wrapped

    @staticmethod
    def denies_claim(tok: Token) -> bool:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")]
        # the subordinate clause of a denial is the claim: "dismissed the report, adding that ..." is not
        if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in CLAIM_NOUNS:
            return True  # "..., a charge Iran denies", "a claim refuted by Iran": the noun it modifies is the claim
        return any(o.lemma_.lower() in CLAIM_NOUNS or o.dep_ == "ccomp" for o in objs)

    def delivered_order(self, cand: Candidate) -> bool:
        tok = cand.trigger
        if tok.pos_ not in NOUNS:
            return False
        if any(w.id in words("fulfilment_wrappers") for _, w in cand.scope.wrappers):
            return True
        clauses = [c for c in tok.subtree if c.dep_ in ("relcl", "acl") and c != tok]
        pending = words("order_pending_markers")
        return any(c.lemma_.lower() in words("delivered_verbs") and c.tag_ in ("VBD", "VBN") and not any(
            a.lower_ in pending for a in c.children) for c in clauses)

    def promise_delivered(self, tok: Token) -> bool:
        """A pledge clause on an item that the sentence says arrived or was delivered (not will be)."""
        if tok.dep_ == "xcomp" and tok.tag_ == "VBN" and not children(tok, "nsubj"):
            return self.delivered_now(tok.head)  # "has delivered promised tanks": parsed as the verb's complement
        if tok.dep_ not in ("relcl", "acl", "amod"):
            return False
        item, verb = tok.head, tok.head.head
        for _ in range(2):  # "a third of the shells ... have arrived": through a partitive "of"
            if item.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in VERBS:
                break
            if item.dep_ == "pobj" and item.head.dep_ == "prep":
                item, verb = item.head.head, item.head.head.head
        else:
            return False
        return self.delivered_now(verb)

    @staticmethod
    def delivered_now(verb: Token) -> bool:
        """A delivery verb that says the item arrived or was delivered (not will be, not did not)."""
        pending = words("promise_pending_aux")
        future = any(a.lower_ in pending for a in verb.children if a.dep_ == "aux")
        return verb.lemma_.lower() in words("delivered_verbs") and not future and not any(
            c.dep_ == "neg" for c in verb.children)

    # -- wrappers: control and type --------------------------------------------------------------------------
    def apply_wrappers(self, cand: Candidate) -> None:
        """Each wrapper above the trigger, innermost first, up to the first object-control one."""
        for wtok, w in cand.scope.wrappers:
            if w.control == "object":
                self.object_control(cand, wtok, w)
                return
            if w.type == DENIAL:
                self.denial_wrapper(cand, wtok)
            elif self.wrapper_subject_supplies(cand, w, wtok):
                subj = subject_of(wtok)
                if subj is not None:
                    cand.suppliers = self.idx.resolve_all(subj)
                    cand.slots["supplier"] = f"{w.id}.subject"
                    cand.decide(f"supplier: subject of {w.id}")

    def object_control(self, cand: Candidate, wtok: Token, w: Wrapper) -> None:
        """"asked Germany to send tanks": the asked party supplies; a request's subject is its recipient, and
        a request by anyone else is not coded (type None)."""
        asked = [c for c in wtok.children if c.dep_ in ("dobj", "nsubjpass")] + pobjs(wtok, "on")
        asked_refs = [r for a in asked for r in self.idx.resolve_all(a)]
        if not asked_refs and w.type == REQUEST and wtok.pos_ == "NOUN":
            asked_refs = FIXED["gov_subj_if_answer"](wtok, self.idx)  # "X resisted requests to send"
        if asked_refs and cand.slots.get("supplier") in (None, "nsubj"):
            cand.suppliers = asked_refs
            cand.slots["supplier"] = f"{w.id}.object"
            cand.decide(f"supplier: object of {w.id}")
        if w.type != REQUEST:
            return
        subj = subject_of(wtok)
        requester = self.idx.resolve_all(subj) if subj is not None else []
        stranger = subj is not None and not requester and subj.pos_ != "PRON"
        if cand.recipients and (stranger or requester and not {r.id for r in requester} & {
                r.id for r in cand.recipients}):
            cand.type = None
            return
        if requester and not cand.recipients:
            cand.recipients = requester
            cand.slots["recipient"] = "request.subject"
            cand.decide("recipient: the requester")

    def denial_wrapper(self, cand: Candidate, wtok: Token) -> None:
        """"X denied sending arms to Y": the denial's subjects are its actors (and the supplier left
        unnamed)."""
        subj = subject_of(wtok)
        cand.actors = self.idx.resolve_all(subj) if subj is not None else []
        if not cand.actors and subj is not None and subj.lemma_.lower() in words("official_titles"):
            # "The minister denied that Iran had sent drones": an untied office holder speaks for the state
            # whose supply is denied
            cand.actors = list(cand.suppliers)
        cand.decide("deniers: " + (", ".join(r.id for r in cand.actors) or "none named"))
        if not cand.suppliers and not cand.recipients and len(cand.actors) > 1:
            cand.needs_claim = True  # "Both X and Y denied the claims about arms deals"
        elif not cand.suppliers and cand.slots.get("supplier") is None:
            cand.suppliers = list(cand.actors)

    @staticmethod
    def wrapper_subject_supplies(cand: Candidate, w: Wrapper, wtok: Token) -> bool:
        """"X decided to send", "X's pledge of supplies": the subject of a subject-control wrapper is the
        supplier the trigger's clause left unnamed — not across a "that"-clause ("X had evidence that Y was
        delivered")."""
        if w.control != "subject" or cand.suppliers or across_content(cand.trigger, wtok):
            return False
        takes_subject = cand.frame.type in (TRANSFER, SANCTION) and "nsubj" in (
            cand.frame.active.get("supplier") or ())
        return takes_subject or (
            cand.trigger.pos_ in NOUNS and cand.frame.id in words("frames_wrapped_noun_supplier"))

    def adjust_type(self, cand: Candidate) -> bool:
        """Future and reported-conditional forms; False when the statement is a bare hypothetical."""
        scope = cand.scope
        if scope.future and cand.type == TRANSFER:
            cand.type = PLEDGE
            cand.decide("future: a pledge")
        if scope.would:
            return self.would_reading(cand)
        if self.purchase_intent(cand):
            # "wants to buy X from Y", "plans to purchase from Y": a request to Y (GUIDELINES)
            cand.type = REQUEST
            cand.decide("purchase intent: a request to the seller")
        if self.purchase_in_progress(cand):
            cand.type = DEAL
            cand.decide("purchase in progress: a deal")
        return True

    def would_reading(self, cand: Candidate) -> bool:
        """"would": a measure, deal, pledge, request, consideration or denial stays; a transfer is a pledge
        when continued or announced by its supplier, a consideration when reported, else a bare
        hypothetical."""
        if cand.type in (SANCTION, DEAL, PLEDGE, REQUEST, CONSIDER, DENIAL):
            return True
        scope = cand.scope
        if cand.type == TRANSFER and any(t.lemma_.lower() in words("continuation_verbs")
                                         for t, _ in scope.wrappers):
            cand.type = PLEDGE  # "the US would continue to supply Israel": a commitment to go on supplying
            cand.decide("would continue: a pledge")
            return True
        if self.announced_by_supplier(cand):
            cand.type = PLEDGE  # "Australia announced it would send tanks": the supplier's own decision
            cand.decide("announced by the supplier: a pledge")
            return True
        if self.purchase_announced_by_buyer(cand):
            cand.type = DEAL  # "Poland said it would buy helicopters from Italy": the buyer's own purchase
            cand.decide("purchase announced by the buyer: a deal")
            return True
        if scope.report_verb is not None:
            cand.type = CONSIDER
            cand.decide("reported would: under consideration")
            return True
        return False

    def purchase_in_progress(self, cand: Candidate) -> bool:
        """"Poland is buying tanks from Korea", "will purchase": a purchase being made is a deal."""
        tok = cand.trigger
        if cand.frame.id not in words("frames_purchase_deal") or tok.lemma_.lower() not in words(
                "deal_purchase_verbs"):
            return False
        progressive = tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in children(tok, "aux"))
        return progressive or cand.scope.future or cand.type == PLEDGE

    def purchase_announced_by_buyer(self, cand: Candidate) -> bool:
        """"Poland said it would buy jets from Korea", "Cairo announced it would purchase frigates": a purchase
        verb under "would" reported by the buyer itself is a deal being made (GUIDELINES: "will buy")."""
        tok, verb = cand.trigger, cand.scope.report_verb
        if cand.frame.id not in words("frames_purchase_deal") or tok.lemma_.lower() not in words(
                "deal_purchase_verbs") or verb is None:
            return False
        subj = subject_of(verb)
        buyers = {r.id for r in cand.recipients}
        return subj is not None and bool({r.id for r in self.idx.resolve_all(subj)} & buyers)

    def announced_by_supplier(self, cand: Candidate) -> bool:
        announcers = words("announcing_verbs")
        supplier_ids = {r.id for r in cand.suppliers}
        for wtok, _ in cand.scope.wrappers:
            subj = subject_of(wtok) if wtok.lemma_.lower() in announcers else None
            if subj is not None and {r.id for r in self.idx.resolve_all(subj)} & supplier_ids:
                return True
        return False

    def purchase_intent(self, cand: Candidate) -> bool:
        """A buyer's stated wish or plan to buy from a named seller (a CONSIDER wrapper over a purchase
        verb)."""
        if cand.type != CONSIDER or cand.trigger.lemma_.lower() not in words("purchase_verbs"):
            return False
        if cand.slots.get("supplier") not in ("prep:from",):
            return False
        intents = words("purchase_intent")
        return any(w.type == CONSIDER and t.lemma_.lower() in intents for t, w in cand.scope.wrappers)

    # -- items -----------------------------------------------------------------------------------------------
    def item_for(self, cand: Candidate) -> items.ItemChoice | None:
        tok = cand.trigger
        args = [c for c in tok.children if c.dep_ in ITEM_ARG_DEPS]
        args += pobjs(tok, *words("item_argument_preps"))
        if tok.pos_ in NOUNS:
            args += [c for c in tok.children if c.dep_ == "compound"]
        excluded = {i for r in cand.suppliers + cand.recipients + cand.actors for i in range(r.start, r.end)}
        excluded |= {i for i in self.idx.by_token}  # actors are never the non-arms object of a supply verb
        return items.choose(self.doc, tok, cand.sent, args, words("non_arms_objects"), words("arms_context"),
                            words("support_words"), excluded, spans=self.idx.items)

    def context_item(self, cand: Candidate) -> items.ItemChoice | None:
        index = self.sentences.index(cand.sent) if cand.sent in self.sentences else 0
        window = self.sentences[max(0, index - CONTEXT_SENTENCES): index + 1]
        prev = items.passage_item(self.doc, cand.sent.start, not_before=window[0].start)
        if prev is not None:
            return prev
        lemmas = {t.lemma_.lower() for s in window for t in s}
        if lemmas & words("arms_context"):
            return items.ItemChoice(None, "weapons", ["weapons"], "default")
        return None


def across_content(trigger: Token, wrapper: Token) -> bool:
    """Whether a content clause ("that ...") lies between the trigger and a wrapper above it."""
    t = trigger
    while t != wrapper and t.head != t:
        if t.dep_ in ("acl", "ccomp", "relcl") and any(c.lower_ == "that" for c in t.children if c.i < t.i):
            return True
        t = t.head
    return False


def inside_phrase(tok: Token, phrases: tuple[str, ...]) -> bool:
    """Whether the trigger is part of one of `phrases` ("in order to" for the noun "order")."""
    sent = tok.sent
    text = span_text(sent).lower()
    offset = tok.idx - sent.start_char
    for phrase in phrases:
        start = text.find(phrase)
        while start >= 0:
            if start <= offset < start + len(phrase):
                return True
            start = text.find(phrase, start + 1)
    return False
