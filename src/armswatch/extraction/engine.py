"""The extraction engine: triggers -> arguments -> scope -> claimant/item/time -> passage resolution -> mentions."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace as _replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from armswatch.extraction import items
from armswatch.extraction.slots import (
    CLAIM_NOUNS,
    FIXED,
    SUPPLY_LEMMAS,
    children,
    fill,
    is_passive,
    pobjs,
    subject_of,
    unidentified,
)
from armswatch.extraction.claimant import Claimant, claimant_finder
from armswatch.extraction.negation import analyse, climb
from armswatch.confidence import LocalContext, local_features
from armswatch.confidence import score as score_confidence
from armswatch.extraction.passage import Candidate, PassageResolver, Provenance
from armswatch.extraction.rules import Frame, Rules, load_rules
from armswatch.nlp import NLP_BATCH_SIZE, entities
from armswatch.types import Mention

# How far back (in sentences) an unstated item may be taken from: passages are 1-4 sentences, and in a whole
# article an item three paragraphs up belongs to another story.
CONTEXT_SENTENCES = 1
PERMISSION = {"permission", "approval", "consent", "clearance", "authorization", "authorisation", "license",
              "licence", "green"}
POS_GROUPS = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "PROPN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
# Argument positions that hold the item of a verb trigger.
ITEM_ARG_DEPS = ("dobj", "nsubjpass", "dative")
ITEM_ARG_PREPS = ("with", "of", "including", "for")


class PassageExtractor(PassageResolver):
    """Extracts the mentions of one parsed passage (or article)."""

    def __init__(self, doc: Doc, published: str | None, rules: Rules):
        self.doc, self.published, self.rules = doc, published, rules
        self.sentences = list(doc.sents)
        self.claimants = claimant_finder(doc, self.sentences)
        self.idx = self.claimants.idx  # resolves a quoted "we" to the quotation's speaker
        self.dropped: list[dict] = []
        self.hypotheticals: list[Candidate] = []  # dropped readings whose endpoints an ellipsis may refer to
        self.origins: dict[int, Candidate] = {}  # id(mention) -> its candidate (for its time and for explain)
        self.provenance: dict[int, Provenance] = {}  # id(mention) -> how its endpoints and item were found
        self._emitted: list[Mention] = []  # mentions made so far, in the order they were made
        self._later: list[Mention] = []  # mentions of later candidates, for an endpoint stated after the event

    # -- triggers ------------------------------------------------------------------------------------------------
    def frames_for(self, tok: Token) -> list[Frame]:
        frames = self.rules.by_lemma.get(tok.lemma_.lower()) or self.rules.by_lemma.get(tok.lower_) or []
        return [f for f in frames if any(tok.pos_ in POS_GROUPS.get(p, {p}) for p in f.pos)]

    def exchange(self, cand: Candidate) -> Candidate | None:
        """"supplied jets to Iran in exchange for drones": the counter-delivery, in the other direction."""
        tok = cand.trigger
        for prep in [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]:
            for ex in [g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "exchange"]:
                objs = [o for f in ex.children if f.dep_ == "prep" and f.lower_ == "for" for o in f.children
                        if o.dep_ == "pobj"]
                if not objs:
                    continue
                choice = items.choose(self.doc, objs[0], cand.sent, [objs[0]], self.rules.cue("non_arms_objects"),
                                      frozenset(), frozenset(), set())
                if choice is None or choice.category is None or choice.source != "argument":
                    continue
                mirror = _replace(cand, suppliers=cand.recipients, recipients=cand.suppliers, item=choice,
                                  rule=cand.rule + "+exchange")
                return mirror
        return None

    def candidates(self) -> list[Candidate]:
        out = []
        for sent in self.sentences:
            for tok in sent:
                for frame in self.frames_for(tok):
                    cand = self.build(tok, frame, sent)
                    if cand is None and frame.type == "TRANSFER":
                        cand = self._exchange_only(tok, frame, sent)
                    if cand is not None:
                        out.extend(self.gapped(cand))
                        mirror = self.exchange(cand)
                        if cand.item is None or cand.item.source != "non-arms":
                            out.append(cand)
                            out.extend(self.denied_content(cand))
                        if mirror is not None:
                            out.append(mirror)
                        break
                else:
                    cand = self.ellipsis(tok, sent)
                    if cand is not None:
                        out.append(cand)
        return out

    def gapped(self, cand: Candidate) -> list[Candidate]:
        """"Britain has sent Storm Shadows (to Ukraine) and France the similar SCALP": a conjoined actor followed by
        an item is the subject of a gapped clause, not another recipient; it becomes the supplier of a copy."""
        if cand.frame.type != "TRANSFER" or cand.trigger.pos_ != "VERB":
            return []
        out = []
        for tok in cand.trigger.subtree:
            ref = self.idx.span_ref(tok) if tok.dep_ == "conj" else None
            item = self._gapped_item(tok) if ref is not None else None
            if item is None or ref.id in {s.id for s in cand.suppliers}:
                continue
            shared = [r for g in pobjs(self.doc[item.end - 1], "to") for r in self.idx.resolve_all(g)]
            cand.recipients = [r for r in cand.recipients if r.id != ref.id] or shared
            cand.blocked.discard("recipient")
            choice = items.ItemChoice(item.text, item.label_, [item.label_], "argument")
            out.append(_replace(cand, suppliers=[ref], recipients=list(cand.recipients), item=choice,
                                rule=cand.rule + "+gapping"))
        return out

    def _gapped_item(self, tok: Token):
        """The item phrase right after `tok` that hangs beside it (appos/dobj/conj), or None."""
        for nxt in self.doc[tok.i + 1: tok.i + 5]:
            if nxt.pos_ in ("DET", "ADJ", "NUM") or nxt.dep_ in ("amod", "det", "nummod", "compound"):
                continue
            span = next((s for s in self.idx.items if s.start <= nxt.i < s.end), None)
            if span is not None and nxt.head in (tok, tok.head) and nxt.dep_ in ("appos", "dobj", "conj", "npadvmod"):
                return span
            return None
        return None

    def denied_content(self, cand: Candidate) -> list[Candidate]:
        """"X dismissed a claim by Y that X had sold ...": the claim's content is also coded, with Y as claimant."""
        noun = cand.scope.claim_noun
        if cand.type != "DENIAL" or noun is None or cand.frame.type == "DENIAL":
            return []
        sources = pobjs(noun, "by", "from") or [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")
                                                 and self.idx.span_ref(c) is not None]
        speaker = sources[0] if sources else noun
        claimant = Claimant(self.claimants.speaker_id(speaker), None, speaker)
        content = _replace(cand, type=cand.frame.type, polarity="affirmed", actors=[], claimant=claimant,
                           rule=cand.frame.id + "+claim-content")
        return [content]

    def _exchange_only(self, tok: Token, frame: Frame, sent: Span) -> Candidate | None:
        """A non-arms supply whose counterpart is arms ("supply food in exchange for ammunition")."""
        if not any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "exchange" for g in c.children)
                   for c in tok.children):
            return None
        cand = self.build(tok, _replace(frame, item_required=False), sent, allow_non_arms=True)
        if cand is not None:
            cand.item = items.ItemChoice(None, None, [], "non-arms")
        return cand

    def _drop(self, tok: Token, frame_id: str, reason: str) -> None:
        self.dropped.append({"rule": frame_id, "trigger": tok.text, "trigger_start": tok.idx, "dropped": reason})

    def build(self, tok: Token, frame: Frame, sent: Span, allow_non_arms: bool = False) -> Candidate | None:
        rules = self.rules
        if frame.requires_prep and not pobjs(tok, frame.requires_prep):
            return None
        if frame.requires_prep and any(o.lemma_.lower() in PERMISSION for o in pobjs(tok, frame.requires_prep)):
            return None  # "asked Germany for permission to send tanks": not a request for arms from Germany
        if frame.requires_prep and all(o.lemma_.lower() in self.rules.cue("non_arms_objects")
                                       for o in pobjs(tok, frame.requires_prep)):
            return None  # "called for closer ties", "asked for a loan": what is asked for is not arms
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and not self.idx.is_item(tok.head):
            return None  # "export controls", "supply lines": the noun modifies something else
        if frame.not_phrases and _inside_phrase(tok, frame.not_phrases):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and frame.type not in ("SANCTION", "REQUEST") and \
                self._governed_by_trigger(tok):
            return None  # "received a shipment of", "delivered the first batch": the verb's frame covers it
        if tok.lemma_.lower() in frame.lemmas_need_prep and not pobjs(tok, "of", "to", "for", "from"):
            return None  # "its weapons supply" (a stock), not "the supply of drones to Russia"
        if frame.requires_object and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) and not (
                tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
            return None
        if frame.requires_child and not any(
                c.lemma_.lower() in frame.requires_child or c.lower_ in frame.requires_child for c in tok.children):
            return None
        if frame.object_must_be_supply and not any(
                c.dep_ == "dobj" and (c.lemma_.lower() in SUPPLY_LEMMAS or self.idx.is_item(c)) for c in tok.children):
            return None
        if self._imperative(tok):
            self._drop(tok, frame.id, "imperative")
            return None
        if frame.requires_from and not (pobjs(tok, "from") or any(pobjs(s, "from") for s in children(tok, "nsubj"))):
            return None
        if frame.type == "DENIAL" and self._has_core_below(tok):
            return None  # the core trigger below carries the denial as its wrapper
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "amod" and frame.type == "TRANSFER" and tok.tag_ != "VBN":
            return None
        scope = analyse(tok, frame.type, rules)
        passive = tok.pos_ in ("VERB", "AUX") and is_passive(tok)
        if scope.drop:
            self._drop(tok, frame.id, scope.drop)
            roles = frame.passive if passive else frame.active
            hypo = Candidate(frame=frame, trigger=tok, sent=sent, type=frame.type, polarity="affirmed", scope=scope)
            hypo.suppliers = fill(tok, roles.get("supplier", ()), self.idx)[0]
            hypo.recipients = fill(tok, roles.get("recipient", ()), self.idx)[0]
            hypo.item = self.item_for(hypo)
            self.hypotheticals.append(hypo)
            return None
        roles = frame.passive if passive else frame.active
        cand = Candidate(frame=frame, trigger=tok, sent=sent, type=scope.type or frame.type,
                         polarity=scope.polarity if frame.polarity == "affirmed" else "negated", scope=scope,
                         rule=frame.id + (".passive" if passive else ""))
        for role in ("supplier", "recipient", "actors"):
            refs, slot = fill(tok, roles.get(role, ()), self.idx)
            setattr(cand, "suppliers" if role == "supplier" else "recipients" if role == "recipient" else "actors",
                    refs)
            cand.slots[role] = slot
            if not refs and unidentified(tok, roles.get(role, ()), self.idx) is not None:
                cand.blocked.add(role)  # "asked its partners", "Western allies sent": never borrowed
        if frame.type == "DEAL" and not cand.suppliers and len(cand.recipients) >= 2 and cand.slots.get(
                "recipient") in ("gov_subj", "gov_subj_if_sign"):
            # "Peru and Spain signed a contract": the two parties, seller named first
            cand.suppliers, cand.recipients = cand.recipients[:1], cand.recipients[1:]
        if "gov_subj_if_at" in frame.active.get("supplier", ()) and tok.dep_ == "pobj" and tok.head.lower_ == "at":
            if not self._supply_governor(tok):
                return None  # "deployed launchers at the request of Riga": a request only when arms are supplied
            if cand.slots.get("supplier") != "gov_subj_if_at":
                cand.blocked.add("supplier")  # "to be provided at the request of X": the asked party is unnamed
        if frame.id == "customer.n" and self._new_customer(tok, sent):
            cand.type = "DEAL"  # "became the first export customer for X's jet": a new purchase, not a record
        self.apply_wrappers(cand)
        if cand.type is None:
            return None
        if cand.type == "SANCTION" and frame.type == "TRANSFER" and "nsubj" in (
                frame.active.get("recipient") or ()):
            return None  # "Armenia stopped buying from Russia": a buyer's halt is not a supplier's sanction
        if frame.type == "PLEDGE" and cand.type == "PLEDGE" and self._promise_kept(tok):
            cand.type = "TRANSFER"  # "the shells Germany promised Lithuania have arrived": delivered promised X
        if frame.type == "DEAL" and self._delivered_order(cand):
            self._drop(tok, frame.id, "order already delivered")
            return None
        if cand.type == "SANCTION" and self._appeal_to_halt(cand):
            self._drop(tok, frame.id, "appeal to halt (not a measure)")
            return None
        if not self.adjust_type(cand):
            self._drop(tok, frame.id, "hypothetical (would)")
            return None
        if frame.type == "DENIAL":
            if not self._denies_claim(tok):
                return None
            cand.actors = cand.actors or cand.suppliers
            cand.suppliers, cand.recipients = [], []
            cand.needs_claim = True
            frame = _replace(frame, item_required=False)
        cand.item = self.item_for(cand) if frame.type != "DENIAL" else items.ItemChoice(None, None, [], "claim")
        if frame.thanked_item and (cand.item is None or cand.item.source != "argument" or cand.item.category in (
                "support", None)):
            return None  # "thanked Germany for its support" is gratitude, not a delivery
        if cand.item is None and not allow_non_arms:
            self._drop(tok, frame.id, "non-arms object")
            return None
        if cand.item is None:
            cand.item = items.ItemChoice(None, None, [], "non-arms")
        if cand.item.category is None and frame.item_required:
            cand.item = self._context_item(cand)
            if cand.item is None:
                self._drop(tok, frame.id, "no arms item or context")
                return None
        cand.claimant = self.claimants.find(tok, sent, scope.report_verb, self.sentences)
        if scope.would and cand.type == "CONSIDER" and cand.claimant.id in {s.id for s in cand.suppliers}:
            cand.type = "PLEDGE"  # "Britain said it would send tanks": the supplier's own announcement
        if scope.wrappers:
            cand.rule += "+" + "+".join(w.id for _, w in scope.wrappers)
        return cand

    def _new_customer(self, tok: Token, sent: Span) -> bool:
        from armswatch.extraction.slots import governor

        entities.ensure(self.doc, [sent])
        gov = governor(tok)
        ordinal = any(c.ent_type_ == "ORDINAL" or c.lower_ in self.rules.cue("ordinal_words") for c in tok.children)
        return ordinal or (gov is not None and gov.lemma_.lower() == "become")

    def _supply_governor(self, tok: Token) -> bool:
        from armswatch.extraction.slots import governor

        gov = governor(tok)
        return gov is not None and any(f.type in ("TRANSFER", "PLEDGE") for f in self.frames_for(gov))

    def _governed_by_trigger(self, tok: Token) -> bool:
        from armswatch.extraction.slots import governor

        gov = governor(tok) if tok.dep_ in ("dobj", "nsubjpass", "attr", "pobj") else None
        return gov is not None and any(f.type in ("TRANSFER", "PLEDGE") and f.id != "supply.n"
                                       for f in self.frames_for(gov))

    @staticmethod
    def _imperative(tok: Token) -> bool:
        """"Don't deliver any weapons": a bare verb with no subject heading its own clause."""
        if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "parataxis", "advcl"):
            return False
        left = [c for c in tok.children if c.i < tok.i]
        return all(c.dep_ in ("aux", "neg", "punct", "advmod", "intj") and c.lower_ not in ("to", "will", "would")
                   for c in left)

    def _has_core_below(self, tok: Token) -> bool:
        below = [t for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "prep")
                 for t in c.subtree]
        for t in below:
            if any(f.type != "DENIAL" for f in self.frames_for(t)) and any(
                    w == tok for w, _ in climb(t, self.rules).wrappers):
                return True  # "denied sending drones": the core below carries the denial
        return False  # "X accused Y of arming Z, a charge Y denies": the accusation is reported, not wrapped

    def _denies_claim(self, tok: Token) -> bool:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")]
        # the subordinate clause of a denial is the claim: "dismissed the report, adding that ..." is not
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() in CLAIM_NOUNS:
            return True  # "..., a charge Iran denies": the relative's antecedent is the claim
        return any(o.lemma_.lower() in CLAIM_NOUNS or o.dep_ == "ccomp" for o in objs)

    # -- wrappers: control and type ------------------------------------------------------------------------------
    def apply_wrappers(self, cand: Candidate) -> None:
        for wtok, w in cand.scope.wrappers:
            if w.control == "object":
                asked = [c for c in wtok.children if c.dep_ in ("dobj", "nsubjpass")] + pobjs(wtok, "on")
                if wtok.dep_ == "acl" or (not asked and w.reporting and wtok.dep_ == "acl"):
                    pass
                asked_refs = [r for a in asked for r in self.idx.resolve_all(a)]
                if not asked_refs and w.type == "REQUEST" and wtok.pos_ == "NOUN":
                    asked_refs = FIXED["gov_subj_if_answer"](wtok, self.idx)  # "X resisted requests to send"
                if asked_refs and cand.slots.get("supplier") in (None, "nsubj"):
                    cand.suppliers = asked_refs
                    cand.slots["supplier"] = f"{w.id}.object"
                if w.type == "REQUEST":
                    subj = subject_of(wtok)
                    requester = self.idx.resolve_all(subj) if subj is not None else []
                    stranger = subj is not None and not requester and subj.pos_ != "PRON"
                    if cand.recipients and (stranger or requester and not {r.id for r in requester} & {
                            r.id for r in cand.recipients}):
                        cand.type = None  # a request by someone who is not the recipient is not coded
                        return
                    if requester and not cand.recipients:
                        cand.recipients = requester
                        cand.slots["recipient"] = "request.subject"
                break
            if w.type in ("DENIAL",):
                subj = subject_of(wtok)
                cand.actors = self.idx.resolve_all(subj) if subj is not None else []
                if not cand.suppliers and not cand.recipients and len(cand.actors) > 1:
                    cand.needs_claim = True  # "Both X and Y denied the claims about arms deals"
                elif not cand.suppliers and cand.slots.get("supplier") is None:
                    cand.suppliers = list(cand.actors)
            elif self._wrapper_subject_supplies(cand, w, wtok):
                subj = subject_of(wtok)
                if subj is not None:
                    cand.suppliers = self.idx.resolve_all(subj)
                    cand.slots["supplier"] = f"{w.id}.subject"

    @staticmethod
    def _wrapper_subject_supplies(cand: Candidate, w, wtok: Token) -> bool:
        """"X decided to send", "X's pledge of supplies": the subject of a subject-control wrapper is the supplier
        the trigger's clause left unnamed — not across a "that"-clause ("X had evidence that Y was delivered")."""
        if w.control != "subject" or cand.suppliers or _across_content(cand.trigger, wtok):
            return False
        takes_subject = cand.frame.type in ("TRANSFER", "SANCTION") and "nsubj" in (
            cand.frame.active.get("supplier") or ())
        return takes_subject or (cand.trigger.pos_ in ("NOUN", "PROPN") and cand.frame.id == "supply.n")

    def adjust_type(self, cand: Candidate) -> bool:
        """Future and reported-conditional forms; False when the statement is a bare hypothetical."""
        scope, tok = cand.scope, cand.trigger
        if scope.future and cand.type == "TRANSFER":
            cand.type = "PLEDGE"
        if scope.would:
            if cand.type in ("SANCTION", "DEAL", "PLEDGE", "REQUEST", "CONSIDER", "DENIAL"):
                return True
            if cand.type == "TRANSFER" and any(t.lemma_.lower() in self.rules.cue("continuation_verbs")
                                               for t, _ in scope.wrappers):
                cand.type = "PLEDGE"  # "the US would continue to supply Israel": a commitment to go on supplying
                return True
            if self._announced_by_supplier(cand):
                cand.type = "PLEDGE"  # "Australia announced it would send tanks": the supplier's own decision
                return True
            if scope.report_verb is not None:
                cand.type = "CONSIDER"
                return True
            return False
        if self._purchase_intent(cand):
            cand.type = "REQUEST"  # "wants to buy X from Y", "plans to purchase from Y": a request to Y (GUIDELINES)
        if cand.frame.id == "receive.v" and tok.lemma_.lower() in ("buy", "purchase"):
            progressive = tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in children(tok, "aux"))
            if progressive or scope.future or cand.type == "PLEDGE":
                cand.type = "DEAL"
        return True

    def _delivered_order(self, cand: Candidate) -> bool:
        """"completing an order placed in 2018", "its purchase of S-400s, which were delivered": payment details of
        a delivered transfer add no DEAL (GUIDELINES §5 TRANSFER)."""
        tok = cand.trigger
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(w.id == "fulfil" for _, w in cand.scope.wrappers):
            return True
        clauses = [c for c in tok.subtree if c.dep_ in ("relcl", "acl") and c != tok]
        return any(c.lemma_.lower() in self.rules.cue("delivered_verbs") and c.tag_ in ("VBD", "VBN") and not any(
            a.lower_ in ("will", "would", "to", "shall", "'ll", "should") for a in c.children) for c in clauses)

    @staticmethod
    def _appeal_to_halt(cand: Candidate) -> bool:
        """"urged member states to stop the flow of arms": a call for a halt is no measure; "resisted calls to
        suspend" (a refusal of the call) still is one, negated."""
        wrappers = [w for _, w in cand.scope.wrappers]
        return any(w.type == "REQUEST" for w in wrappers) and not any(
            w.polarity == "negated" and w.type is not None for w in wrappers)

    def _promise_kept(self, tok: Token) -> bool:
        """A pledge clause on an item that the sentence says arrived or was delivered (not will be)."""
        if tok.dep_ not in ("relcl", "acl", "amod"):
            return False
        item, verb = tok.head, tok.head.head
        for _ in range(2):  # "a third of the shells ... have arrived": through a partitive "of"
            if item.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX"):
                break
            if item.dep_ == "pobj" and item.head.dep_ == "prep":
                item, verb = item.head.head, item.head.head.head
        else:
            return False
        future = any(a.lower_ in ("will", "would", "to", "'ll", "shall") for a in verb.children if a.dep_ == "aux")
        return verb.lemma_.lower() in self.rules.cue("delivered_verbs") and not future and not any(
            c.dep_ == "neg" for c in verb.children)

    def _announced_by_supplier(self, cand: Candidate) -> bool:
        announcers = self.rules.cue("announcing_verbs")
        supplier_ids = {r.id for r in cand.suppliers}
        for wtok, _ in cand.scope.wrappers:
            subj = subject_of(wtok) if wtok.lemma_.lower() in announcers else None
            if subj is not None and {r.id for r in self.idx.resolve_all(subj)} & supplier_ids:
                return True
        return False

    def _purchase_intent(self, cand: Candidate) -> bool:
        """A buyer's stated wish or plan to buy from a named seller (a CONSIDER wrapper over a purchase verb)."""
        if cand.type != "CONSIDER" or cand.trigger.lemma_.lower() not in self.rules.cue("purchase_verbs"):
            return False
        if cand.slots.get("supplier") not in ("prep:from",):
            return False
        intents = self.rules.cue("purchase_intent")
        return any(w.type == "CONSIDER" and t.lemma_.lower() in intents for t, w in cand.scope.wrappers)

    # -- ellipsis ------------------------------------------------------------------------------------------------
    def ellipsis(self, tok: Token, sent: Span) -> Candidate | None:
        """"did likewise", "joined in", "after first saying no": a new reading of an earlier event."""
        for e in self.rules.ellipsis_by_lemma.get(tok.lemma_.lower(), ()):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "xcomp", "ccomp")]
            if e.get("object") is None:
                if objs:
                    continue
            elif not any(c.lemma_.lower() == e["object"] for c in objs):
                continue
            scope = analyse(tok, "TRANSFER", self.rules)
            if scope.drop:
                return None
            subj = subject_of(tok)
            suppliers = self.idx.resolve_all(subj) if subj is not None else []
            cand = Candidate(frame=self.rules.frames[0], trigger=tok, sent=sent,
                             type=e.get("type") or scope.type or "", polarity=e.get("polarity") or scope.polarity,
                             scope=scope, suppliers=suppliers, copy_previous=True, rule=f"ellipsis.{e['id']}")
            cand.notes = [k for k in ("same_sentence", "from_dropped") if e.get(k)]
            cand.claimant = self.claimants.find(tok, sent, scope.report_verb, self.sentences)
            return cand
        return None

    # -- items ---------------------------------------------------------------------------------------------------
    def item_for(self, cand: Candidate) -> items.ItemChoice | None:
        tok = cand.trigger
        args = [c for c in tok.children if c.dep_ in ITEM_ARG_DEPS]
        args += pobjs(tok, *ITEM_ARG_PREPS)
        if tok.pos_ in ("NOUN", "PROPN"):
            args += [c for c in tok.children if c.dep_ == "compound"]
        for wtok, _ in cand.scope.wrappers:  # "asked X to sell ammunition": the item is in the core's phrase
            pass
        excluded = {i for r in cand.suppliers + cand.recipients + cand.actors for i in range(r.start, r.end)}
        excluded |= {i for i in self.idx.by_token}  # actors are never the non-arms object of a supply verb
        c = self.rules.cue
        return items.choose(self.doc, tok, cand.sent, args, c("non_arms_objects"), c("arms_context"),
                            c("support_words"), excluded)

    def _context_item(self, cand: Candidate) -> items.ItemChoice | None:
        index = self.sentences.index(cand.sent) if cand.sent in self.sentences else 0
        window = self.sentences[max(0, index - CONTEXT_SENTENCES): index + 1]
        prev = items.passage_item(self.doc, cand.sent.start, not_before=window[0].start)
        if prev is not None:
            return prev
        words = {t.lemma_.lower() for s in window for t in s}
        if words & self.rules.cue("arms_context"):
            return items.ItemChoice(None, "weapons", ["weapons"], "default")
        return None

    def context(self, m: Mention) -> LocalContext:
        """What the confidence model reads of the mention's candidate."""
        cand, how = self.origins[id(m)], self.provenance[id(m)]
        tok, sent = cand.trigger, cand.sent
        actors = {s.label_ for s in self.idx.spans if s.start >= sent.start and s.end <= sent.end}
        items_here = [s for s in self.idx.items if s.start >= sent.start and s.end <= sent.end]
        return LocalContext(
            type=m.type, polarity=m.polarity, rule=m.rule or "", trigger_lemma=tok.lemma_.lower(),
            trigger_pos=tok.pos_, trigger_dep=tok.dep_, supplier=m.supplier, recipient=m.recipient,
            claimant=m.claimant, item_category=m.item_category, supplier_via=how.supplier,
            recipient_via=how.recipient, item_source=how.item,
            wrappers=tuple(w.id for _, w in cand.scope.wrappers), quoted=self._quoted(m),
            sentence_tokens=len(sent), sentence_actors=len(actors), supplier_in_sentence=m.supplier in actors,
            recipient_in_sentence=m.recipient in actors, sentence_items=len(items_here),
            question=sent.text.rstrip().endswith("?"))

    def run(self, times: bool = True) -> list[Mention]:
        """The passage's mentions; with `times=False` their time is left to a later `set_times`."""
        mentions = self.resolve(self.candidates())
        for m in mentions:
            m.features = local_features(self.context(m))
        if times:
            self.set_times(mentions)
        return mentions


def _across_content(trigger: Token, wrapper: Token) -> bool:
    """Whether a content clause ("that ...") lies between the trigger and a wrapper above it."""
    t = trigger
    while t != wrapper and t.head != t:
        if t.dep_ in ("acl", "ccomp", "relcl") and any(c.lower_ == "that" for c in t.children if c.i < t.i):
            return True
        t = t.head
    return False


def _inside_phrase(tok: Token, phrases: tuple[str, ...]) -> bool:
    """Whether the trigger is part of one of `phrases` ("in order to" for the noun "order")."""
    text = tok.sent.text.lower()
    offset = tok.idx - tok.sent.start_char
    for phrase in phrases:
        start = text.find(phrase)
        while start >= 0:
            if start <= offset < start + len(phrase):
                return True
            start = text.find(phrase, start + 1)
    return False


def _nlp():
    from armswatch.nlp import load_nlp

    return load_nlp()


def extract_doc(doc: Doc, published: str | None = None, rules: Rules | None = None) -> list[Mention]:
    return PassageExtractor(doc, published, rules or load_rules()).run()


def extract(text: str, published: str | None = None) -> list[Mention]:
    """Every arms-supply mention stated in `text` (a passage or a whole article)."""
    if not text or not text.strip():
        return []
    return score_confidence(extract_doc(_nlp()(text), published), len(text))


def extract_many(rows: Iterable[tuple[str, str | None]], n_process: int = 1,
                 batch_size: int = NLP_BATCH_SIZE, prefilter: bool | None = None) -> Iterator[list[Mention]]:
    """Mentions for each (text, published) row, in order, parsing with nlp.pipe in small batches.

    `prefilter` (default: on unless ARMSWATCH_PREFILTER=0) parses only the sentences armswatch.prefilter selects.
    """
    from armswatch.prefilter.apply import reduce_rows, restore

    nlp = _nlp()
    rules = load_rules()
    parsed: deque[bool] = deque()  # per row, in order: whether it went to the parser (an empty one did not)
    lengths: deque[int] = deque()  # per row, in order: the length of the original text (for confidence)

    def measured():
        for text, published in rows:
            lengths.append(len(text or ""))
            yield text, published

    def to_parse():
        for text_or_doc, context in reduce_rows(measured(), nlp, prefilter):
            parsed.append(bool(text_or_doc.text.strip() if isinstance(text_or_doc, Doc) else text_or_doc.strip()))
            if parsed[-1]:
                yield text_or_doc, context

    docs = nlp.pipe(to_parse(), as_tuples=True, n_process=n_process, batch_size=batch_size)
    while group := list(islice(docs, batch_size)):
        done = [(PassageExtractor(doc, published, rules), pieces) for doc, (published, pieces) in group]
        found = [ex.run(times=False) for ex, _ in done]
        # the mentions' times need NER on their sentences: one batch for the whole group, not one per doc
        entities.ensure_many([(ex.doc, ex.time_sentences(ms)) for (ex, _), ms in zip(done, found)])
        for (ex, pieces), ms in zip(done, found):
            ex.set_times(ms)
            while not parsed.popleft():
                lengths.popleft()
                yield []  # rows before this doc with nothing to parse: most news, after the prefilter
            yield score_confidence(restore(ms, pieces), lengths.popleft())
    yield from ([] for _ in parsed)


def explain(text: str, published: str | None = None) -> list[dict]:
    """For each mention (and each trigger dropped on purpose): rule id, trigger and the dependency path matched."""
    doc = _nlp()(text)
    ex = PassageExtractor(doc, published, load_rules())
    mentions = ex.run()
    out = []
    for m in mentions:
        tok = next((t for t in doc if t.idx == m.trigger_start), None)
        path = []
        if tok is not None:
            path = [f"{tok.text}/{tok.dep_}"] + [f"{a.text}/{a.dep_}" for a in tok.ancestors]
        cand = ex.origins.get(id(m))
        slots = {role: slot for role, slot in (cand.slots.items() if cand else []) if slot}
        wrappers = [f"{t.text}:{w.id}" for t, w in cand.scope.wrappers] if cand else []
        text = " <- ".join(path)
        if slots:
            text += "; " + " ".join(f"{role}={slot}" for role, slot in slots.items())
        if wrappers:
            text += "; wrappers " + ", ".join(wrappers)
        out.append({"mention": m.to_dict(), "rule": m.rule, "trigger": m.trigger, "trigger_start": m.trigger_start,
                    "path": text, "slots": slots, "wrappers": wrappers})
    for d in ex.dropped:
        out.append({"mention": None, **d, "path": ""})
    return out
