"""The passage stage: candidates -> mentions, with endpoints borrowed from other mentions or nearby actors,
denials linked to the claims they deny, and the passage's mentions finished together.

`PassageResolver` is given everything it reads (the doc, the rules, the actor index, the sentences and the
hypothetical readings the candidates stage dropped); `resolve(candidates)` returns a `Resolution`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import product

from spacy.tokens import Doc, Span, Token

from armswatch.event_types import CONSIDER, DEAL, DENIAL, PLEDGE, SANCTION, TRANSFER
from armswatch.extraction import coref
from armswatch.extraction.actors import ActorIndex, ActorRef
from armswatch.extraction.candidate import Candidate, Provenance
from armswatch.extraction.mentions import MentionMaker, finish
from armswatch.extraction.rules import Rules
from armswatch.extraction.slots import IMPOSE_VERBS, governor, slot_function, subject_of
from armswatch.extraction.vocab import words
from armswatch.types import Mention

NOUNS = ("NOUN", "PROPN")
# How an endpoint found without its clause naming it was guessed (ActorRef.via): a nearby actor of the sentence or
# of the sentences before.
GUESSED_VIAS = ("nearby", "passage")


@dataclass
class Resolution:
    """The passage's mentions, and for each (by id) the candidate it came from and how it was completed."""

    mentions: list[Mention] = field(default_factory=list)
    origins: dict[int, Candidate] = field(default_factory=dict)
    provenance: dict[int, Provenance] = field(default_factory=dict)


def bare_noun(cand: Candidate) -> bool:
    """"the sale ... violates": a noun or participle trigger with no endpoint of its own names no party."""
    return not cand.suppliers and not cand.recipients and (
        cand.trigger.pos_ in NOUNS or cand.trigger.dep_ == "amod")


def lends(m: Mention, cand: Candidate) -> bool:
    """Whether mention m may lend an endpoint to cand: a sanction never lends to a supply event, nor back —
    except to a halted supply ("the delivery of the shells was halted"), whose endpoints are the supply's."""
    halted_supply = cand.type == SANCTION and cand.frame.type in (TRANSFER, PLEDGE) and m.type != SANCTION
    return (m.type == SANCTION) == (cand.type == SANCTION) or cand.copy_previous or halted_supply


def definite_item_antecedent(cand: Candidate, previous: list[Mention]) -> Mention | None:
    """"paused a shipment of heavy bombs ... the speaker said withholding the bombs was a mistake": an event with
    no party of its own whose item is a definite description ("the bombs", "the shells") is about the latest
    earlier event of that item, however far back, not about whatever event was stated last."""
    objects = [c for c in cand.trigger.children if c.dep_ in ("dobj", "nsubjpass")
               and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)]
    if not objects or cand.suppliers or cand.recipients:
        return None
    head = objects[0].lower_.rstrip("s")
    same = [m for m in previous if m.evidence_start >= 0 and (m.item_text or "").lower().split()[-1:] and
            (m.item_text or "").lower().split()[-1].rstrip("s") == head]
    return max(same, key=lambda m: m.evidence_start) if same else None


def modifier_antecedent(cand: Candidate, previous: list[Mention]) -> Mention | None:
    """"Armenia agreed to buy howitzers from India ... Baku condemned the Indian deal": a definite event noun whose
    only party is a nationality modifier refers back to the earlier event of its type with that party; the modifier
    says nothing of the party's role ("the Indian deal" is India's sale, "the Saudi deal" may be Riyadh's
    purchase), so the earlier event's endpoints are taken whole."""
    refs = cand.suppliers or cand.recipients
    if cand.trigger.pos_ not in NOUNS or (cand.suppliers and cand.recipients) or len(refs) != 1:
        return None
    if not any(d.dep_ == "det" and d.lower_ == "the" for d in cand.trigger.children):
        return None
    modifier = cand.trigger.doc[refs[0].start]
    if modifier.head != cand.trigger or modifier.dep_ not in ("amod", "compound"):
        return None
    same = [m for m in previous if m.type == cand.type and m.evidence_start < cand.sent.start_char
            and refs[0].id in (m.supplier, m.recipient) and m.supplier and m.recipient]
    return max(same, key=lambda m: m.evidence_start) if same else None


def measure_imposers(cands: list[Candidate], done: dict[int, list[Mention]], upto: int) -> set[str]:
    """The actors that imposed a measure (not a halt of their own supply) before candidate `upto` or in a measure
    already done, named in its clause or found for its mention: an unstated end of a later supply is never taken
    from their names ("The US imposed sanctions ... The measures bar American firms ... Iran continues to acquire
    parts")."""
    measures = [k for k, c in enumerate(cands)
                if (k < upto or k in done) and c.type == SANCTION and c.frame.type == SANCTION]
    named = {r.id for k in measures for r in cands[k].suppliers}
    return named | {m.supplier for k in measures for m in done.get(k, []) if m.type == SANCTION and m.supplier}


def reversed_partners(cand: Candidate, role: str, previous: list[Mention], known: set[str]) -> set[str]:
    """The actors that a mention stated in cand's sentence puts on the other side of cand's known endpoint: "The US
    bought and delivered tanks to Ukraine" names Ukraine the recipient of the US, so it is no guess for the
    supplier of the US's purchase."""
    if cand.exchange_only or "exchange" in cand.modifiers:
        return set()  # "gave X jets in exchange for the shells X sent": the counter-delivery is the reverse
    other = "recipient" if role == "supplier" else "supplier"
    return {getattr(m, other) for m in previous if m.evidence_start == cand.sent.start_char
            and getattr(m, role) in known and getattr(m, other)}


def drop_attempts(mentions: list[Mention]) -> list[Mention]:
    """"efforts to run guns to the rebels, shipped by X": a reported shipment outranks the attempt."""
    sent = {(m.supplier, m.recipient, m.evidence_start) for m in mentions if m.type == TRANSFER}
    return [m for m in mentions
            if not (m.type == CONSIDER and (m.supplier, m.recipient, m.evidence_start) in sent)]


class PassageResolver:
    """Turns a passage's candidates into mentions."""

    def __init__(self, doc: Doc, rules: Rules, idx: ActorIndex, sentences: list[Span],
                 hypotheticals: list[Candidate]):
        self.doc, self.rules, self.idx, self.sentences = doc, rules, idx, sentences
        self.hypotheticals = hypotheticals
        self.made = MentionMaker()
        self.imposers: set[str] = set()  # who imposed a measure stated so far in the passage
        self.positions = {(s.start, s.end): i for i, s in enumerate(sentences)}

    def resolve(self, cands: list[Candidate]) -> Resolution:
        """Complete candidates first; then those missing an endpoint, which may borrow it from the others."""
        done: dict[int, list[Mention]] = {}
        for n, cand in enumerate(cands):
            if cand.suppliers and cand.recipients and not cand.copy_previous and not cand.needs_claim:
                done[n] = self.complete(cand, [], [], [])
        for n, cand in enumerate(cands):
            if n in done:
                continue
            same = [m for k, ms in done.items() if cands[k].sent == cand.sent for m in ms if lends(m, cand)]
            before = [m for k, ms in sorted(done.items()) if k < n for m in ms if lends(m, cand)]
            if bare_noun(cand) and not cand.copy_previous:
                # a bare noun ("the sale ... violates") borrows both endpoints only from earlier sentences
                same = []
                before = [m for m in before if m.evidence_start < cand.sent.start_char]
            later = [m for k, ms in sorted(done.items()) if k > n for m in ms if lends(m, cand)]
            self.imposers = measure_imposers(cands, done, n)
            done[n] = self.complete(cand, before, same, later)
        for n, cand in enumerate(cands):  # one endpoint, the other stated only later in the passage
            if not done[n] and (cand.suppliers or cand.recipients) and not cand.copy_previous:
                later = [m for k, ms in sorted(done.items()) if k != n for m in ms if lends(m, cand)]
                done[n] = self.complete(cand, [], [], later)
        mentions = [m for n in sorted(done) for m in done[n]]
        final = finish(self.doc, drop_attempts(mentions), self.made.origins)
        return Resolution(final, self.made.origins, self.made.provenance)

    def complete(self, cand: Candidate, previous: list[Mention], same: list[Mention],
                 later: list[Mention]) -> list[Mention]:
        """The mentions of `cand`; `previous`, `same` and `later` are the mentions it may borrow from (made
        for earlier candidates, in its sentence, for later candidates)."""
        if cand.copy_previous:
            return self.copy_previous(cand, previous, same)
        if cand.needs_claim:
            return self.complete_denial(cand, previous, same, later)
        antecedent = modifier_antecedent(cand, previous)
        if antecedent is not None:
            return [self.made.mention(cand, antecedent.supplier, antecedent.recipient,
                                      vias=("previous-mention", "previous-mention"))]
        party = self.denier_as_party(cand, previous + same + later)
        if party is not None:
            return party
        excluded_tokens = self.claimant_tokens(cand)
        suppliers = cand.suppliers or self.claimant_imposes(cand)
        if not suppliers and self.stranger_subject(cand):
            return []  # "Ukraine's allies are debating ...": a named but unidentified party, never borrowed
        suppliers = suppliers or self.missing(cand, "supplier", same + previous, later, excluded_tokens,
                                              {r.id for r in cand.recipients})
        recipients = cand.recipients or self.missing(cand, "recipient", same + previous, later,
                                                     excluded_tokens, {r.id for r in suppliers})
        out = []
        for s, r in product(suppliers, recipients):
            if s.id == r.id:
                origin = self.origin(cand)
                if origin is None or origin.id == r.id:
                    continue
                # "Russian aircraft delivered Iranian drones to Russia": the carrier is not the supplier
                s = origin
            out.append(self.made.mention(cand, s.id, r.id, vias=(s.via, r.via)))
        return out

    def denier_as_party(self, cand: Candidate, others: list[Mention]) -> list[Mention] | None:
        """"North Korea denied any arms deal with Russia": a denial naming one party of what it denies has the
        denier as the other (the denier speaks, so it is never borrowed as a nearby actor). The direction is that
        of a claim between the two stated in the passage ("accusations that it supplied Moscow"), else the
        frame's, the denier selling in a deal."""
        if cand.type != DENIAL or not cand.actors or bool(cand.suppliers) == bool(cand.recipients):
            return None
        named = (cand.suppliers or cand.recipients)[0]
        denier = next((a for a in cand.actors if a.id != named.id), None)
        if denier is None:
            return None
        claim = next((m for m in others if m.type != DENIAL and {m.supplier, m.recipient} == {named.id, denier.id}),
                     None)
        if claim is not None:
            return [self.denied(cand, claim)]
        # a deal names its counterpart without a direction ("a deal with Russia"): a denier is most often the
        # accused seller ("Serbia denied any arms deal with Ukraine")
        seller_denies = cand.frame.type == DEAL or not cand.suppliers
        s, r = (denier, named) if seller_denies else (named, denier)
        return [self.made.mention(cand, s.id, r.id, vias=(s.via, r.via))]

    def copy_previous(self, cand: Candidate, previous: list[Mention], same: list[Mention]) -> list[Mention]:
        """"followed suit", "did the same": the last mention (of the sentence, or before) with a new supplier;
        "considered the possibility" takes the endpoints of the last hypothetical reading dropped before
        it."""
        pool = same if "same_sentence" in cand.notes else previous
        if "from_dropped" in cand.notes:
            hypo = [h for h in self.hypotheticals if h.trigger.i < cand.trigger.i and h.recipients]
            if hypo:
                return [self.made.mention(cand, s.id, hypo[-1].recipients[0].id, hypo[-1].item)
                        for s in cand.suppliers]
        if not pool:
            return []
        last = pool[-1]
        out = []
        for s in cand.suppliers or [ActorRef(last.supplier, "", 0, 0, "previous-mention")]:
            m = self.made.mention(cand, s.id, last.recipient, vias=(s.via, "previous-mention"))
            m.type = cand.type or last.type
            m.item_text, m.item_category, m.item_categories = last.item_text, last.item_category, list(
                last.item_categories)
            out.append(m)
        return out

    def claimant_imposes(self, cand: Candidate) -> list[ActorRef]:
        """"The EU announced sanctions on ...": a measure's unnamed imposer is its claimant (unless the
        claimant opposes it)."""
        if cand.type != SANCTION or cand.claimant.id in ("author", "other") or self.claimant_opposes(cand):
            return []
        return [ActorRef(cand.claimant.id, "", cand.trigger.i, cand.trigger.i + 1, "claimant")]

    def near(self, m: Mention, cand: Candidate) -> bool:
        """Whether mention m was stated close enough before (or in) cand's sentence to lend it an endpoint."""
        index = self.positions.get((cand.sent.start, cand.sent.end), 0)
        # 2 sentences back: a 1-4 sentence passage is always covered
        first = self.sentences[max(0, index - 2)]
        return m.evidence_start >= first.start_char

    def claimant_opposes(self, cand: Candidate) -> bool:
        """"Iran condemned the sanctions": a speaker who governs the measure without imposing it is its
        target."""
        gov = governor(cand.trigger)
        if gov is None or gov.lemma_.lower() in IMPOSE_VERBS:
            return False
        subj = subject_of(gov)
        return subj is not None and cand.claimant.id in {r.id for r in self.idx.resolve_all(subj)}

    def stranger_subject(self, cand: Candidate) -> bool:
        """The supplier position holds a noun phrase that names no actor ("Western allies", "member
        states")."""
        roles = cand.frame.passive if cand.passive else cand.frame.active
        if "nsubj" not in roles.get("supplier", ())[:1] or cand.trigger.pos_ not in ("VERB", "AUX"):
            return False
        subj = subject_of(cand.trigger)
        if subj is None or subj.pos_ == "PRON" or subj.lower_ in words("relative_pronouns"):
            return False
        return not self.idx.resolve_all(subj)

    def origin(self, cand: Candidate) -> ActorRef | None:
        refs = slot_function("item_origin")(cand.trigger, self.idx)
        return refs[0] if refs else None

    @staticmethod
    def claimant_tokens(cand: Candidate) -> set[int]:
        tok = cand.claimant.token
        if tok is None:
            return set()
        return {t.i for t in tok.subtree}

    def missing(self, cand: Candidate, role: str, previous: list[Mention], later: list[Mention],
                excluded_tokens: set[int], other_ids: set[str]) -> list[ActorRef]:
        """An endpoint the trigger's clause leaves unstated: from a mention nearby, else a nearby actor, else
        the established recipient, else an actor of the previous sentences, else a later mention."""
        if role in cand.frame.no_borrow or (role == "supplier" and self.bystander_of_measure(cand)):
            return []
        if role in cand.blocked:
            return self.universal_denial(cand, role, previous, later)
        borrowed = self.from_mentions(cand, role, previous, other_ids)
        if borrowed is not None:
            return [borrowed]
        if role in cand.frame.no_nearby or bare_noun(cand):
            return []  # a bare noun or participle names no party: only an earlier event may supply them
        reversed_ids = reversed_partners(cand, role, previous + later, other_ids)
        ref = self.nearby(cand, role, previous, excluded_tokens, other_ids | reversed_ids)
        if ref is None:  # "The purchase of drones from Turkey ... Ukraine received ...": a later sentence
            for m in later:
                value = getattr(m, role)
                if value and value not in other_ids:
                    return [ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "later-mention")]
        return [ref] if ref is not None else []

    def from_mentions(self, cand: Candidate, role: str, previous: list[Mention],
                      other_ids: set[str]) -> ActorRef | None:
        """The same sentence first, then a mention sharing the known endpoint, then the latest one."""
        other_role = "recipient" if role == "supplier" else "supplier"
        antecedent = definite_item_antecedent(cand, previous)
        if antecedent is not None and not any(m.evidence_start == cand.sent.start_char for m in previous):
            value = getattr(antecedent, role)
            if value and value not in other_ids:
                return ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "previous-mention")
        ordered = sorted((m for m in previous if self.near(m, cand)),
                         key=lambda m: (m.evidence_start != cand.sent.start_char,
                                        getattr(m, other_role) not in other_ids, -m.evidence_start))
        for m in ordered:
            value = getattr(m, role)
            if value and value not in other_ids and m.evidence_start >= 0 and not self.guessed(m, role):
                return ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "previous-mention")
        return None

    def guessed(self, m: Mention, role: str) -> bool:
        """Whether mention m's endpoint in `role` was itself only a nearby actor of its sentence or of the ones
        before (not named in its clause nor borrowed from a stated event): a guess lends nothing further."""
        how = self.made.provenance.get(id(m))
        return how is not None and getattr(how, role) in GUESSED_VIAS

    def nearby(self, cand: Candidate, role: str, previous: list[Mention], excluded_tokens: set[int],
               other_ids: set[str]) -> ActorRef | None:
        """An actor near the trigger in its sentence, the established recipient, or one of the sentences
        before."""
        excluded = set(excluded_tokens)
        for r in cand.suppliers + cand.recipients + cand.actors:
            excluded.update(range(r.start, r.end))
        # a measure's imposer is no party to a supply, but it is one end of a sanction
        measures_count = cand.type != SANCTION
        if measures_count:  # "The US imposed sanctions on ... The sanctions freeze American assets ...": not a supplier
            other_ids = other_ids | self.imposers
        ref = coref.nearby_actor(self.idx, cand.sent, cand.trigger, other_ids, excluded,
                                 measures_count=measures_count, supplier=role == "supplier")
        if ref is not None:
            return replace(ref, via="nearby")
        if role == "recipient":
            ref = self.established_recipient(cand, previous, other_ids)
        if ref is None:
            ref = coref.previous_sentences_actor(self.idx, self.sentences, cand.sent, cand.trigger, other_ids,
                                                 excluded, measures_count, supplier=role == "supplier")
        return ref

    @staticmethod
    def established_recipient(cand: Candidate, previous: list[Mention],
                              other_ids: set[str]) -> ActorRef | None:
        """The recipient of at least two earlier supplies in the text ("Britain and France have sent their
        missiles" in an article about aid to Ukraine): in a long text the last actor named before an unstated
        recipient is as often a bystander ("... drawing Germany into the war")."""
        counts = Counter(m.recipient for m in previous if m.recipient and m.recipient not in other_ids
                         and m.type in (TRANSFER, PLEDGE) and m.polarity == "affirmed")
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        if n < 2:
            return None
        return ActorRef(best, "", cand.trigger.i, cand.trigger.i + 1, "established-recipient")

    def bystander_of_measure(self, cand: Candidate) -> bool:
        """"a panel that monitored sanctions on X", "firms that evaded sanctions": the verb's subject watches
        or breaks the measure, so a nearby actor is no evidence of who imposed it."""
        if cand.type != SANCTION or cand.trigger.pos_ not in NOUNS:
            return False
        gov = governor(cand.trigger)
        return gov is not None and gov.lemma_.lower() in words("measure_bystander_verbs")

    def universal_denial(self, cand: Candidate, role: str, previous: list[Mention],
                         later: list[Mention]) -> list[ActorRef]:
        """"Beijing 'has never provided weapons to any party'": an involved party's blanket negation denies
        the claim about it stated in the passage, so the other endpoint is that claim's."""
        if cand.polarity != "negated" or cand.type != TRANSFER or role != "recipient":
            return []
        own = {r.id for r in cand.suppliers}
        if cand.claimant.id not in own or not self.universal(cand):
            return []
        claims = [m for m in previous + later if m.supplier in own and m.polarity == "affirmed"
                  and m.type == TRANSFER and m.recipient]
        if not claims:
            return []
        return [ActorRef(claims[0].recipient, "", cand.trigger.i, cand.trigger.i + 1, "denied-claim")]

    def universal(self, cand: Candidate) -> bool:
        universal = words("universal_quantifiers")
        preps = words("universal_scope_preps")
        objs = [g for c in cand.trigger.children if c.lower_ in preps for g in c.children]
        return any(any(d.lower_ in universal for d in o.children) or o.lower_ in universal for o in objs)

    def complete_denial(self, cand: Candidate, previous: list[Mention], same: list[Mention],
                        later: list[Mention]) -> list[Mention]:
        """A denial of a claim named elsewhere: the claim stated inside the denial's own object ("denies
        Moscow's claims of Serbian firms supplying shells to Ukraine"), else the earlier claim its deniers are
        party to, else the deniers."""
        ids = [a.id for a in cand.actors]
        deniers = set(ids)
        if not deniers:
            return []
        inside = [m for m in same if m.type != DENIAL and self.stated_within(m, cand.trigger)]
        if inside:
            return [self.denied(cand, inside[0])]
        claims = [m for m in reversed(previous) if m.type != DENIAL]
        # "Both X and Y refuted the claims": the claim between the two deniers (a headline's denial: stated after
        # it), then a claim about one of them ("X sold arms to Z. Both Y and X denied it"), then the pair
        both = [m for m in claims + [m for m in later if m.type != DENIAL] if {m.supplier, m.recipient} <= deniers]
        if both:
            return [self.denied(cand, both[0])]
        one = [m for m in claims if m.supplier in deniers or m.recipient in deniers]
        if one:
            return [self.denied(cand, one[0])]
        if len(ids) >= 2:
            return [self.made.mention(cand, ids[0], ids[1])]
        other = self.missing(cand, "recipient", [], later, self.claimant_tokens(cand), deniers)
        return [self.made.mention(cand, ids[0], other[0].id)] if other else []

    def stated_within(self, m: Mention, tok: Token) -> bool:
        """Whether mention m's trigger sits in the object of `tok` (the claim it denies or reports)."""
        cand = self.made.origins.get(id(m))
        return cand is not None and cand.trigger.i > tok.i and tok.is_ancestor(cand.trigger)

    def denied(self, cand: Candidate, claim: Mention) -> Mention:
        out = self.made.mention(cand, claim.supplier, claim.recipient)
        out.item_text, out.item_category = claim.item_text, claim.item_category
        out.item_categories = list(claim.item_categories)
        return out
