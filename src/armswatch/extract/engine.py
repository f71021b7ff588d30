"""The extraction engine: triggers -> arguments -> scope -> claimant/item/time -> passage resolution -> mentions."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import replace as _replace
from itertools import product

from spacy.tokens import Doc, Span, Token

from armswatch.extract import coref, items, timex
from armswatch.extract.actors import ActorIndex, ActorRef
from armswatch.extract.arguments import CLAIM_NOUNS, SUPPLY_LEMMAS, children, fill, is_passive, pobjs, subject_of
from armswatch.extract.claimant import Claimant, ClaimantFinder
from armswatch.extract.negation import Scope, analyse
from armswatch.extract.rules import Frame, Rules, load_rules
from armswatch.types import Mention

POS_GROUPS = {"VERB": {"VERB", "AUX"}, "NOUN": {"NOUN", "PROPN"}, "PROPN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
# Argument positions that hold the item of a verb trigger.
ITEM_ARG_DEPS = ("dobj", "nsubjpass", "dative")
ITEM_ARG_PREPS = ("with", "of", "including")


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
    rule: str = ""
    notes: list[str] = field(default_factory=list)


class PassageExtractor:
    """Extracts the mentions of one parsed passage (or article)."""

    def __init__(self, doc: Doc, published: str | None, rules: Rules):
        self.doc, self.published, self.rules = doc, published, rules
        self.idx = ActorIndex(doc, rules.cues)
        self.claimants = ClaimantFinder(doc, self.idx, rules)
        self.sentences = list(doc.sents)
        self.dropped: list[dict] = []
        self.hypotheticals: list[Candidate] = []  # dropped readings whose endpoints an ellipsis may refer to
        self.idx.first_person = self._first_person

    def _first_person(self, tok: Token) -> ActorRef | None:
        """"We"/"I" inside a quotation: the quotation's speaker."""
        from armswatch.extract.claimant import in_quotes

        if not in_quotes(self.doc, tok.i):
            return None
        c = self.claimants._quote_speaker(tok, self.sentences)
        if c is None or c.id in ("other", "author") or c.token is None:
            return None
        return ActorRef(c.id, "state", c.token.i, c.token.i + 1, "anaphor")

    # -- triggers ------------------------------------------------------------------------------------------------
    def frames_for(self, tok: Token) -> list[Frame]:
        frames = self.rules.by_lemma.get(tok.lemma_.lower()) or self.rules.by_lemma.get(tok.lower_) or []
        return [f for f in frames if any(tok.pos_ in POS_GROUPS.get(p, {p}) for p in f.pos)]

    def candidates(self) -> list[Candidate]:
        out = []
        for sent in self.sentences:
            for tok in sent:
                for frame in self.frames_for(tok):
                    cand = self.build(tok, frame, sent)
                    if cand is not None:
                        out.append(cand)
                        break
                else:
                    cand = self.ellipsis(tok, sent)
                    if cand is not None:
                        out.append(cand)
        return out

    def _drop(self, tok: Token, frame_id: str, reason: str) -> None:
        self.dropped.append({"rule": frame_id, "trigger": tok.text, "trigger_start": tok.idx, "dropped": reason})

    def build(self, tok: Token, frame: Frame, sent: Span) -> Candidate | None:
        rules = self.rules
        if frame.requires_prep and not pobjs(tok, frame.requires_prep):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and not self.idx.is_item(tok.head):
            return None  # "export controls", "supply lines": the noun modifies something else
        if frame.not_phrases and _inside_phrase(tok, frame.not_phrases):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and frame.type != "SANCTION" and self._governed_by_trigger(tok):
            return None  # "received a shipment of", "delivered the first batch": the verb's frame covers it
        if tok.lemma_.lower() in frame.lemmas_need_prep and not pobjs(tok, "of", "to", "for", "from"):
            return None  # "its weapons supply" (a stock), not "the supply of drones to Russia"
        if frame.requires_object and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
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
        if frame.type == "DEAL" and not cand.suppliers and len(cand.recipients) >= 2 and cand.slots.get(
                "recipient") == "gov_subj":
            # "Russia and India signed a contract": the two parties, seller named first
            cand.suppliers, cand.recipients = cand.recipients[:1], cand.recipients[1:]
        self.apply_wrappers(cand)
        if cand.type is None:
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
        if cand.item is None:
            self._drop(tok, frame.id, "non-arms object")
            return None
        if cand.item.category is None and frame.item_required:
            cand.item = self._context_item(cand)
            if cand.item is None:
                self._drop(tok, frame.id, "no arms item or context")
                return None
        cand.claimant = self.claimants.find(tok, sent, scope.report_verb, self.sentences)
        if scope.wrappers:
            cand.rule += "+" + "+".join(w.id for _, w in scope.wrappers)
        return cand

    def _governed_by_trigger(self, tok: Token) -> bool:
        from armswatch.extract.arguments import governor

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
            for f in self.frames_for(t):
                if f.type != "DENIAL":
                    return True
        return False

    def _denies_claim(self, tok: Token) -> bool:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")]
        # the subordinate clause of a denial is the claim: "rejected X's statement, stating that ..." is not
        return any(o.lemma_.lower() in CLAIM_NOUNS or o.dep_ == "ccomp" for o in objs)

    # -- wrappers: control and type ------------------------------------------------------------------------------
    def apply_wrappers(self, cand: Candidate) -> None:
        for wtok, w in cand.scope.wrappers:
            if w.control == "object":
                asked = [c for c in wtok.children if c.dep_ in ("dobj", "nsubjpass")] + pobjs(wtok, "on")
                if wtok.dep_ == "acl" or (not asked and w.reporting and wtok.dep_ == "acl"):
                    pass
                asked_refs = [r for a in asked for r in self.idx.resolve_all(a)]
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
                if not cand.suppliers and cand.slots.get("supplier") is None:
                    cand.suppliers = list(cand.actors)
            elif w.control == "subject" and not cand.suppliers and cand.frame.type in ("TRANSFER", "SANCTION") \
                    and "nsubj" in (cand.frame.active.get("supplier") or ()) + ("gov_subj_if_give",):
                subj = subject_of(wtok)
                if subj is not None:
                    cand.suppliers = self.idx.resolve_all(subj)
                    cand.slots["supplier"] = f"{w.id}.subject"
            elif w.control == "subject" and not cand.suppliers and cand.trigger.pos_ in ("NOUN", "PROPN") \
                    and cand.frame.id in ("supply.n",):
                subj = subject_of(wtok)
                if subj is not None:
                    cand.suppliers = self.idx.resolve_all(subj)
                    cand.slots["supplier"] = f"{w.id}.subject"

    def adjust_type(self, cand: Candidate) -> bool:
        """Future and reported-conditional forms; False when the statement is a bare hypothetical."""
        scope, tok = cand.scope, cand.trigger
        if scope.future and cand.type == "TRANSFER":
            cand.type = "PLEDGE"
        if scope.would:
            if cand.type in ("SANCTION", "DEAL", "PLEDGE", "REQUEST", "CONSIDER", "DENIAL"):
                return True
            if scope.report_verb is not None:
                cand.type = "CONSIDER"
                return True
            return False
        if cand.frame.id == "receive.v" and tok.lemma_.lower() in ("buy", "purchase"):
            progressive = tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in children(tok, "aux"))
            if progressive or scope.future or cand.type == "PLEDGE":
                cand.type = "DEAL"
        return True

    # -- ellipsis ------------------------------------------------------------------------------------------------
    def ellipsis(self, tok: Token, sent: Span) -> Candidate | None:
        """"followed suit", "joined the efforts", "after previously refusing": a new reading of an earlier event."""
        for e in self.rules.ellipsis:
            if tok.lemma_.lower() != e["lemma"]:
                continue
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
        c = self.rules.cue
        return items.choose(self.doc, tok, cand.sent, args, c("non_arms_objects"), c("arms_context"),
                            c("support_words"), excluded)

    def _context_item(self, cand: Candidate) -> items.ItemChoice | None:
        prev = items.passage_item(self.doc, cand.sent.start)
        if prev is not None:
            return prev
        words = {t.lemma_.lower() for t in self.doc}
        if words & self.rules.cue("arms_context"):
            return items.ItemChoice(None, "weapons", ["weapons"], "default")
        return None

    # -- passage level -------------------------------------------------------------------------------------------
    def resolve(self, cands: list[Candidate]) -> list[Mention]:
        """Complete candidates first; then those missing an endpoint, which may borrow it from the others."""
        done: dict[int, list[Mention]] = {}
        for n, cand in enumerate(cands):
            if cand.suppliers and cand.recipients and not cand.copy_previous and not cand.needs_claim:
                done[n] = self.complete(cand, [])
        for n, cand in enumerate(cands):
            if n in done:
                continue
            def usable(m: Mention) -> bool:  # a sanction never lends endpoints to a supply event, nor back
                return (m.type == "SANCTION") == (cand.type == "SANCTION") or cand.copy_previous
            same = [m for k, ms in done.items() if cands[k].sent == cand.sent for m in ms if usable(m)]
            before = [m for k, ms in sorted(done.items()) if k < n for m in ms if usable(m)]
            if not cand.suppliers and not cand.recipients and not cand.copy_previous:
                # a bare noun ("the sale ... violates") borrows both endpoints only from earlier sentences
                same = []
                before = [m for m in before if m.evidence_start < cand.sent.start_char]
            done[n] = self.complete(cand, before, same)
        mentions = [m for n in sorted(done) for m in done[n]]
        return self.finish(self._drop_attempts(mentions))

    @staticmethod
    def _drop_attempts(mentions: list[Mention]) -> list[Mention]:
        """"attempts to smuggle weapons ..., sent by Iran": a reported shipment outranks the attempt."""
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
            for s in cand.suppliers or [ActorRef(last.supplier, "", 0, 0)]:
                m = self.mention(cand, s.id, last.recipient)
                m.type = cand.type or last.type
                m.item_text, m.item_category, m.item_categories = last.item_text, last.item_category, list(
                    last.item_categories)
                out.append(m)
            return out
        if cand.needs_claim:
            return self.complete_denial(cand, previous)
        excluded_tokens = self._claimant_tokens(cand)
        suppliers = cand.suppliers
        if not suppliers and cand.type == "SANCTION" and cand.claimant.id not in ("author", "other"):
            suppliers = [ActorRef(cand.claimant.id, "", cand.trigger.i, cand.trigger.i + 1, "claimant")]
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
            out.append(self.mention(cand, s.id, r.id))
        return out

    def _origin(self, cand: Candidate) -> ActorRef | None:
        from armswatch.extract.arguments import slot_function

        refs = slot_function("item_origin")(cand.trigger, self.idx)
        return refs[0] if refs else None

    def _claimant_tokens(self, cand: Candidate) -> set[int]:
        tok = cand.claimant.token
        if tok is None:
            return set()
        return {t.i for t in tok.subtree}

    def _missing(self, cand: Candidate, role: str, previous: list[Mention], excluded_tokens: set[int],
                 other_ids: set[str]) -> list[ActorRef]:
        for m in reversed(previous):
            value = getattr(m, role)
            if value and value not in other_ids and m.evidence_start >= 0:
                return [ActorRef(value, "", cand.trigger.i, cand.trigger.i + 1, "previous-mention")]
        if not cand.suppliers and not cand.recipients:
            return []  # a bare noun or participle names no party: only an earlier event may supply them
        excluded = set(excluded_tokens)
        for r in cand.suppliers + cand.recipients + cand.actors:
            excluded.update(range(r.start, r.end))
        ref = coref.nearby_actor(self.idx, cand.sent, cand.trigger, other_ids, excluded)
        if ref is None:
            ref = coref.previous_sentences_actor(self.idx, self.sentences, cand.sent, cand.trigger, other_ids,
                                                 excluded)
        return [ref] if ref is not None else []

    def complete_denial(self, cand: Candidate, previous: list[Mention]) -> list[Mention]:
        deniers = {a.id for a in cand.actors}
        if not deniers:
            return []
        for m in reversed(previous):
            if m.type != "DENIAL" and (m.supplier in deniers or m.recipient in deniers):
                out = self.mention(cand, m.supplier, m.recipient)
                out.item_text, out.item_category, out.item_categories = m.item_text, m.item_category, list(
                    m.item_categories)
                return [out]
        ids = [a.id for a in cand.actors]
        if len(ids) >= 2:
            return [self.mention(cand, ids[0], ids[1])]
        other = self._missing(cand, "recipient", [], self._claimant_tokens(cand), set(ids))
        if other:
            return [self.mention(cand, ids[0], other[0].id)]
        return []

    def mention(self, cand: Candidate, supplier: str | None, recipient: str | None,
                item: items.ItemChoice | None = None) -> Mention:
        sent, tok = cand.sent, cand.trigger
        text = sent.text.rstrip()
        start = sent.start_char
        item = item or cand.item or items.ItemChoice(None, "weapons", ["weapons"], "default")
        claimant = cand.claimant
        m = Mention(
            type=cand.type, supplier=supplier, recipient=recipient, polarity=cand.polarity,
            actors=[a.id for a in cand.actors] if cand.type == "DENIAL" else [],
            item_text=item.text, item_category=item.category or "weapons",
            item_categories=item.categories or [item.category or "weapons"],
            claimant=claimant.id, claimant_text=claimant.text,
            time=timex.find(sent, tok, self.published), evidence=text, evidence_start=start,
            evidence_end=start + len(text), rule=cand.rule, trigger=tok.text, trigger_start=tok.idx,
        )
        return m

    def finish(self, mentions: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        for m in mentions:
            if not m.supplier or not m.recipient or m.supplier == m.recipient:
                continue
            if m.type == "TRANSFER" and m.polarity == "negated" and m.claimant in (m.supplier, m.recipient):
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
        return dedupe(out)

    def _quoted(self, m: Mention) -> bool:
        from armswatch.extract.claimant import in_quotes

        if m.trigger_start is None:
            return False
        span = self.doc.char_span(m.trigger_start, m.trigger_start + len(m.trigger or "x"), alignment_mode="expand")
        return span is not None and in_quotes(self.doc, span.start)

    def run(self) -> list[Mention]:
        return self.resolve(self.candidates())


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


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per scoring key, the first kept; a repeated DENIAL adds its deniers."""
    kept: dict[tuple, Mention] = {}
    for m in mentions:
        k = m.key()
        if k not in kept:
            kept[k] = m
        elif m.type == "DENIAL":
            kept[k].actors = list(dict.fromkeys(kept[k].actors + m.actors))
    return list(kept.values())


def _affiliations():
    try:
        from armswatch.lexicons import load_actors

        return load_actors().affiliation
    except Exception:  # the lexicon is optional for affiliations; mentions stay valid without them
        return None


def _nlp():
    from armswatch.nlp import load_nlp

    return load_nlp()


def extract_doc(doc: Doc, published: str | None = None, rules: Rules | None = None) -> list[Mention]:
    return PassageExtractor(doc, published, rules or load_rules()).run()


def extract(text: str, published: str | None = None) -> list[Mention]:
    """Every arms-supply mention stated in `text` (a passage or a whole article)."""
    if not text or not text.strip():
        return []
    return extract_doc(_nlp()(text), published)


def extract_many(rows: Iterable[tuple[str, str | None]], n_process: int = 1,
                 batch_size: int = 8) -> Iterator[list[Mention]]:
    """Mentions for each (text, published) row, in order, parsing with nlp.pipe in small batches."""
    nlp = _nlp()
    rules = load_rules()
    for doc, published in nlp.pipe(((t or "", p) for t, p in rows), as_tuples=True, n_process=n_process,
                                   batch_size=batch_size):
        yield PassageExtractor(doc, published, rules).run() if doc.text.strip() else []


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
        out.append({"mention": m.to_dict(), "rule": m.rule, "trigger": m.trigger, "trigger_start": m.trigger_start,
                    "path": " <- ".join(path)})
    for d in ex.dropped:
        out.append({"mention": None, **d, "path": ""})
    return out
