"""Scope of a trigger: the wrappers above it (pledge, consider, ask, deny...), the reporting frame, negation and
modality (hypothetical, conditional, future).

`climb` walks up from the trigger through clausal complements and noun wrappers and collects the path, the
wrappers and the reporting verb. `analyse` then runs one named step per construction; every step that changes
the `Scope` records why in `Scope.reasons` ("step: field=value"), so `--explain` can print the record itself.
When several steps set `drop`, the last one wins (the steps run in a fixed order).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from armswatch.event_types import CONSIDER, DEAL, DENIAL, PLEDGE, REQUEST, SANCTION, TRANSFER
from armswatch.extraction.texts import span_text
from armswatch.extraction.vocab import words

if TYPE_CHECKING:
    from armswatch.extraction.rules import Rules, Wrapper

# Dependencies a trigger's scope is climbed through (clausal complements, gerunds after prepositions, noun wrappers).
CLIMB = {"xcomp", "pcomp", "prep", "pobj", "acl", "ccomp", "dobj", "advcl", "oprd", "acomp", "attr", "nsubjpass",
         "csubj", "relcl", "conj"}
NOUNS = ("NOUN", "PROPN")
VERBS = ("VERB", "AUX")
WRAPPER_POS = ("VERB", "NOUN", "ADJ", "AUX")  # parts of speech a wrapper lemma wraps with
MODAL_HOSTS = ("VERB", "AUX", "ADJ", "NOUN")  # path tokens whose auxiliaries set the modality
MAX_CLIMB = 8
AFFIRMED, NEGATED = "affirmed", "negated"


@dataclass
class Scope:
    """What sits above a trigger: its wrappers (outermost last), the reporting verb, and the decisions made."""

    path: list[Token] = field(default_factory=list)
    wrappers: list[tuple[Token, Wrapper]] = field(default_factory=list)
    report_verb: Token | None = None
    type: str | None = None  # overriding event type, None = the frame's
    polarity: str = AFFIRMED
    drop: str | None = None  # reason the mention is not coded
    would: bool = False
    future: bool = False
    claim_noun: Token | None = None  # "a claim by X that ...": the noun whose content holds the trigger
    notes: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why each decision was taken, in order ("step: field=value")

    def control(self, kind: str) -> tuple[Token, Wrapper] | None:
        for tok, w in self.wrappers:
            if w.control == kind:
                return tok, w
        return None

    def decide(self, step: str, **changes: object) -> None:
        """Set fields and record the step that set them: `decide("conditional mark", drop="conditional (if)")`."""
        for name, value in changes.items():
            setattr(self, name, value)
        shown = (f"{k}={v.text if isinstance(v, Token) else v}" for k, v in changes.items())
        self.reasons.append(f"{step}: {', '.join(shown)}")

    def is_wrapper(self, tok: Token) -> bool:
        return any(tok == t for t, _ in self.wrappers)

    def considering(self) -> bool:
        """Whether a CONSIDER wrapper ("weighing whether to", "debating") is above the trigger."""
        return any(w.type == CONSIDER for _, w in self.wrappers)


# -- token tests -----------------------------------------------------------------------------------------------------

def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def _be_aux(token: Token) -> bool:
    return any(a.lemma_ == "be" for a in _aux(token))


def _to_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _yet_to(token: Token) -> bool:
    """"are yet to see", "has yet to deliver": a negation without a `neg` child."""
    if not any(c.lower_ == "yet" and c.dep_ in ("advmod", "acomp", "cc") for c in token.children):
        return False
    if _to_infinitive(token):
        return True
    return any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children) for x in token.children)


def _negated(token: Token) -> bool:
    return _has_neg(token) or _yet_to(token)


def content_noun(clause: Token) -> Token | None:
    """The claim noun whose content `clause` states ("a report by a Paris-based site that X sold ..."), or None.

    The parser often reads such a "that"-clause as a relative clause; it is content when "that" is a mark or
    when the verb already has its own subject and object besides "that" (a true relative lacks one of them)."""
    that = [c for c in clause.children if c.lower_ == "that" and c.i < clause.i]
    if not that or not any(c.dep_ == "nsubj" and c.lower_ != "that" for c in clause.children):
        return None
    if that[0].dep_ != "mark" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ != "that"
                                          for c in clause.children):
        return None
    noun = clause.head
    for _ in range(3):  # "claim by X that", "report in the newspaper Y that": up through the source phrase
        if _lemma(noun) in words("claim_nouns"):
            return noun
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            noun = noun.head.head
        else:
            return None
    return None


def _awaited(tok: Token, trigger: Token) -> bool:
    """"expects to receive X from Y": the recipient awaiting a receipt verb (a scheduled delivery, not a guess)."""
    return _lemma(tok) in words("awaiting_verbs") and _lemma(trigger) in words("receipt_verbs") and \
        trigger.dep_ == "xcomp" and trigger.head == tok


def _scheduled(tok: Token, trigger: Token) -> bool:
    """"is set / due / scheduled / expected to", "expects to receive": a schedule, not a guess."""
    return _lemma(tok) in words("scheduling_verbs") and _be_aux(tok) or _awaited(tok, trigger)


def _scheduled_noun(trigger: Token) -> bool:
    """A supply noun that is the subject of an onset infinitive or of "is scheduled/due/set to"."""
    if trigger.pos_ not in NOUNS or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = trigger.head
    onset = _lemma(head) in words("onset_verbs") and _to_infinitive(head)
    scheduled = _lemma(head) in words("scheduling_verbs") and _be_aux(head) and any(
        c.dep_ == "xcomp" for c in head.children)
    due = head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in head.children)
    return onset or scheduled or due


def _headline_infinitive(trigger: Token) -> bool:
    """A sentence whose root is the trigger with only "to" before it ("Japan to ship ..."): headline future."""
    return trigger.dep_ == "ROOT" and trigger.tag_ == "VB" and _to_infinitive(trigger) and any(
        c.dep_ == "nsubj" for c in trigger.children)


def _condition_attached(verb: Token) -> bool:
    """An "if"/"unless" clause hangs on the verb: its event holds only on that condition ("will impose sanctions
    if Iran supplies missiles", "would send tanks unless the talks succeed")."""
    marks = words("attached_condition_marks")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in verb.children)


def _licence_withheld(scope: Scope, trigger: Token) -> bool:
    """"will not approve any exports to X", "refused to authorise the export of tanks to X": a supplier that
    withholds export licences restricts its own deliveries, a SANCTION (ARTICLES.md), not a negated deal."""
    return _lemma(trigger) in words("licensed_supply_nouns") and any(
        w.id == "pledge" and _lemma(tok) in words("deal_approvers") for tok, w in scope.wrappers)


# -- climbing --------------------------------------------------------------------------------------------------------

def _gerund_subject(t: Token) -> Token | None:
    """"worried about North Korea sending weapons", "reports of Iran supplying drones": the parser hangs the
    gerund on its subject's name as a participle (or on the clause as an adverbial); the gerund clause is the
    preposition's object and shares the scope of what governs the preposition. The name, or None."""
    if t.tag_ != "VBG" or t.dep_ not in ("acl", "advcl") or t.i == 0 or any(
            c.dep_ in ("aux", "mark", "auxpass") for c in t.children):
        return None
    name = t.doc[t.i - 1]
    if name.pos_ != "PROPN" or name.dep_ != "pobj" or (t.dep_ == "acl" and t.head != name):
        return None
    return name


def _gerund_after_name(t: Token) -> bool:
    return _gerund_subject(t) is not None


def _bare_participle(t: Token) -> bool:
    """A bare participle ("drones sent by Iran", ", allegedly sent by Iran,") has its own scope."""
    return t.dep_ in ("acl", "advcl") and t.tag_ in ("VBN", "VBG") and not any(
        c.dep_ in ("aux", "mark", "auxpass") for c in t.children) and not _gerund_after_name(t)


def _own_conjunct(t: Token) -> bool:
    """Only a subjectless coordinated verb shares its first conjunct's scope ("decided to X and to Y"); a
    conjoined noun or a verb with its own subject does not."""
    return t.dep_ == "conj" and (t.pos_ not in VERBS or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))


def _ends_scope(t: Token, trigger: Token) -> bool:
    """Whether the climb stops below `t`'s head: at the root, at a dependency it does not climb, at a bare
    participle or at a conjunct with a scope of its own. A noun trigger climbs from the subject position."""
    noun_subject = t == trigger and t.pos_ in NOUNS and t.dep_ == "nsubj"
    if t.head == t or (t.dep_ not in CLIMB and not noun_subject):
        return True
    return _bare_participle(t) or _own_conjunct(t) or _additive_adjunct(t)


def _additive_adjunct(t: Token) -> bool:
    """"In addition to supplying drones, Iran has promised missiles": what an additive phrase adds to is a fact of
    its own, not under the verb it hangs on (a pledge, a plan, a denial)."""
    if t.dep_ not in ("pcomp", "pobj"):
        return False
    before = span_text(t.doc[max(0, t.left_edge.i - 4):t.left_edge.i]).lower()
    return any(before.endswith(p) for p in words("additive_phrases"))


def _infinitival_passive_relative(t: Token, trigger: Token) -> bool:
    """"a batch of missiles to be sent to Kyiv": a trigger in a passive infinitival relative is still to come."""
    return t == trigger and t.dep_ in ("relcl", "acl") and t.pos_ == "VERB" and _to_infinitive(t) and any(
        c.dep_ == "auxpass" for c in t.children)


def _clause_head(t: Token, scope: Scope) -> Token | None:
    """Where a clause leads: an infinitival relative ("approved munitions to be sent") to its noun's verb, a
    claim's content ("a claim by X that Belarus had passed ...") to the claim noun; a finite relative clause
    ends the scope (None)."""
    if t.dep_ == "relcl" and _to_infinitive(t):
        return t.head
    if t.dep_ in ("relcl", "acl") and (noun := content_noun(t)) is not None:
        scope.decide("claim content", claim_noun=noun)
        return noun
    if t.dep_ == "relcl":
        return None
    if t.dep_ == "advcl" and (name := _gerund_subject(t)) is not None:
        scope.reasons.append(f"gerund after {name.text}: climbs to {name.head.text}")
        return name.head  # "was worried about North Korea sending": up through the preposition
    return t.head


def _state_noun(t: Token, head: Token, rules: Rules) -> Token:
    """"is in talks with X to buy", "is in negotiations to acquire": the purpose of the state it is in climbs to
    the state noun (a wrapper) rather than to "be"."""
    if t.dep_ != "advcl" or head.lemma_ != "be":
        return head
    state = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
             if g.dep_ == "pobj" and _lemma(g) in rules.wrapper_by_lemma]
    return state[0] if state else head


def _state_adjective(t: Token, head: Token, rules: Rules) -> Token:
    """"they were unable, due to a lack of capacity, to deliver them", "was ready, officials said, to send": an
    interrupted infinitive the parser hangs on "be" belongs to the adjective of the copula (a wrapper)."""
    if t.dep_ not in ("advcl", "xcomp") or head.lemma_ != "be" or not _to_infinitive(t):
        return head
    adjs = [c for c in head.children if c.dep_ == "acomp" and c.i < t.i and (
        _lemma(c) in rules.wrapper_by_lemma or _lemma(c) in words("ability_heads"))]
    return adjs[0] if adjs else head


def _other_event(lemma: str, rules: Rules) -> bool:
    return lemma in rules.by_lemma and lemma not in rules.wrapper_by_lemma


def _bounded_by_other_event(t: Token, head: Token, rules: Rules) -> bool:
    """Another event's noun bounds the scope: "sanctions over its drone deliveries", and "agreed to impose
    sanctions over X's supply of drones" (the phrase gives the measure's reason)."""
    if head.pos_ in NOUNS and _other_event(_lemma(head), rules):
        return True
    return t.dep_ == "prep" and head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and _other_event(_lemma(c), rules) for c in head.children)


def _next_head(t: Token, trigger: Token, scope: Scope, rules: Rules) -> Token | None:
    """The token the scope climbs to from `t`, or None where the scope ends."""
    if _ends_scope(t, trigger):
        return None
    if _infinitival_passive_relative(t, trigger):
        scope.decide("infinitival passive relative", future=True)
    head = _clause_head(t, scope)
    if head is None:
        return None
    if t.dep_ == "dobj" and _lemma(head) in words("use_verbs"):
        scope.decide(f"battlefield use ({head.text})", drop="battlefield use")  # "used the drones in strikes"
        return None
    head = _state_adjective(t, _state_noun(t, head, rules), rules)
    if _bounded_by_other_event(t, head, rules):
        return None
    return head


def _wrapper_at(head: Token, rules: Rules) -> Wrapper | None:
    """The wrapper `head` is, minus two look-alikes: the evidence noun "sign" in "no sign that X delivered" is not
    the verb "sign" (a deal), and "called the delivery a provocation" names rather than asks."""
    w = rules.wrapper_by_lemma.get(_lemma(head))
    if w is None or head.pos_ not in WRAPPER_POS:
        return None
    if head.pos_ in NOUNS and _lemma(head) in words("evidence_nouns"):
        return None
    if _lemma(head) in words("naming_verbs") and any(
            c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ") for c in head.children):
        return None
    return w


def _adverbial_clause_below(scope: Scope) -> bool:
    """"approvals declined, as the government approved the export": the path reached this verb from an
    adverbial clause with a subordinator (as, after, while, because) and a subject of its own; that clause is no
    complement of the verb, which wraps nothing in it ("dismissed as fabricated a claim" still wraps). An
    infinitive ("signed a letter of intent for Greece to acquire frigates") is the purpose the verb wraps."""
    below = scope.path[-2] if len(scope.path) > 1 else None
    infinitive = below is not None and any(c.dep_ == "aux" and c.tag_ == "TO" for c in below.children)
    return below is not None and below.dep_ == "advcl" and not infinitive and any(
        c.dep_ == "mark" and c.lower_ not in words("attached_condition_marks") for c in below.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in below.children)


def _pending_decision(head: Token, scope: Scope, rules: Rules) -> Wrapper | None:
    """"a decision on sending missiles", "will make a final decision about arming Kyiv": a decision still to be
    taken on the supply is a consideration (the CONSIDER wrapper); "the decision to send" is taken (PLEDGE)."""
    below = scope.path[-2] if len(scope.path) > 1 else None
    if below is None or below.dep_ != "prep" or below.lower_ not in words("pending_decision_preps"):
        return None
    noun = head if head.pos_ in NOUNS else next((c for c in head.children if c.dep_ == "dobj"), None)
    w = rules.wrapper_by_lemma.get(_lemma(noun)) if noun is not None and noun.pos_ in NOUNS else None
    if w is None or w.type != PLEDGE:
        return None
    return next((c for c in rules.wrappers if c.type == CONSIDER), None)


def _denied_report(head: Token, rules: Rules) -> Token | None:
    """"dismissed reports claiming that Tehran had sent", "rejected claims suggesting that": a reporting
    participle on a claim noun that a denial wrapper governs reports the denied claim; the claim noun, or None."""
    noun = head.head
    if head.dep_ != "acl" or _lemma(noun) not in words("claim_nouns") or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    w = rules.wrapper_by_lemma.get(_lemma(noun.head))
    return noun if w is not None and w.type == DENIAL and noun.head.pos_ in VERBS else None


def _reaches_report(head: Token, scope: Scope, rules: Rules) -> bool:
    """Record `head` as a wrapper or the reporting verb; True when it is the reporting frame (the climb ends)."""
    if _lemma(head) in words("reporting_verbs") and head.pos_ in VERBS and _lemma(head) not in rules.wrapper_by_lemma:
        scope.decide("reporting verb", report_verb=head)
        return True
    w = _pending_decision(head, scope, rules) or _wrapper_at(head, rules)
    if w is None or _adverbial_clause_below(scope):
        return False
    scope.wrappers.append((head, w))
    scope.reasons.append(f"wrapper: {head.text} ({w.id})")
    if w.reporting:
        scope.decide(f"reporting wrapper {w.id}", report_verb=head)
        return True
    return False


def climb(trigger: Token, rules: Rules) -> Scope:
    """The path from the trigger up to its reporting frame, with the wrappers met on the way."""
    scope = Scope(path=[trigger])
    t = trigger
    for _ in range(MAX_CLIMB):
        head = _next_head(t, trigger, scope, rules)
        if head is None:
            break
        scope.path.append(head)
        if (noun := _denied_report(head, rules)) is not None:  # up to the denial over the claim noun
            scope.decide(f"report of a denied claim ({head.text})", claim_noun=noun)
            scope.path.extend([noun, noun.head])
            _reaches_report(noun.head, scope, rules)
            break
        if _reaches_report(head, scope, rules):
            break
        t = head
    return scope


# -- event type and polarity given by wrappers -----------------------------------------------------------------------

def _negated_measure_wrapper(scope: Scope, frame_type: str) -> None:
    """"had long resisted calls to suspend its arms exports": a typed refusal wrapper negates a measure, deal or
    consideration below it (a transfer, pledge or request under one is retyped instead)."""
    if frame_type in (TRANSFER, PLEDGE, REQUEST):
        return
    for tok, w in scope.wrappers:
        if w.polarity == NEGATED and w.type is not None:
            scope.decide(f"negated wrapper {w.id} ({tok.text})", polarity=NEGATED)


def _sale_noun(trigger: Token) -> bool:
    """"the sale", "arms exports", and a package or tranche named by its sale ("an arms sale package")."""
    return _lemma(trigger) in words("sale_cores") or trigger.pos_ in NOUNS and any(
        c.dep_ == "compound" and _lemma(c) in words("sale_cores") for c in trigger.children)


def _deal_approval(tok: Token, trigger: Token) -> bool:
    """"approved the sale of jets", "notified Congress of the arms exports", "cleared an arms sale package":
    approving a sale is a DEAL."""
    return _lemma(tok) in words("deal_approvers") and _sale_noun(trigger)


def _reported_supply(scope: Scope, tok: Token, trigger: Token) -> bool:
    """"announced that X began delivering", "offered details of the deliveries": the pledge verb reports the
    supply below it; it pledges only its direct object ("announced the delivery of tanks")."""
    direct = len(scope.path) > 1 and scope.path[1] == tok
    return _lemma(tok) in words("pledge_reporting_verbs") and not (direct and trigger.dep_ == "dobj")


def _wrapper_type(scope: Scope, tok: Token, w: Wrapper, trigger: Token, frame_type: str) -> str | None:
    """The event type wrapper `w` at `tok` gives the trigger, or None when it gives none. Wrappers retype
    transfers and pledges only ("trying to negotiate a deal" stays DEAL; "rejected Ukraine's requests" refuses a
    request, it does not deny a claim), and a denial wrapper also retypes a deal."""
    if w.type is None:
        return None
    if frame_type not in (TRANSFER, PLEDGE) and not (w.type == DENIAL and frame_type == DEAL):
        return None
    if w.id == "pledge" and _deal_approval(tok, trigger):
        return DEAL
    if w.id == "pledge" and _reported_supply(scope, tok, trigger):
        return None
    return w.type


def _prospective_sale(trigger: Token, frame_type: str) -> bool:
    """"notified Congress of the proposed sale", "a potential sale": a sale in progress (DEAL), not a delivery."""
    return frame_type == TRANSFER and _lemma(trigger) in words("sale_cores") and any(
        c.dep_ == "amod" and _lemma(c) in words("prospective_modifiers") for c in trigger.children)


def _retype_by_wrappers(scope: Scope, trigger: Token, frame_type: str) -> None:
    """The outermost typed wrapper sets the type ("fulfilled its commitment to provide" -> TRANSFER), a denial or a
    halt wins over all others ("denied agreeing to supply"), and a negated wrapper negates."""
    strong = None
    for tok, w in scope.wrappers:
        new_type = _wrapper_type(scope, tok, w, trigger, frame_type)
        if new_type is None:
            continue
        scope.decide(f"wrapper {w.id} ({tok.text})", type=new_type)
        if w.type in (DENIAL, SANCTION) and strong is None:
            strong = w.type
        if w.polarity == NEGATED:
            scope.decide(f"negated wrapper {w.id} ({tok.text})", polarity=NEGATED)
    if strong:
        scope.decide("a denial or halt wins", type=strong)
    elif _prospective_sale(trigger, frame_type):
        scope.decide("prospective sale", type=DEAL)


def _discussed_supply(scope: Scope, frame_type: str) -> None:
    """"a meeting with Putin to discuss arming Moscow", "met to discuss supplying shells": a supply discussed
    directly is negotiated (DEAL, GUIDELINES); "discussing the possibility of sending" stays a consideration."""
    if frame_type not in (TRANSFER, PLEDGE) or not scope.wrappers or len(scope.path) < 2:
        return
    tok, _ = scope.wrappers[0]
    if tok == scope.path[1] and tok.pos_ == "VERB" and _lemma(tok) in words("negotiation_verbs") and \
            scope.type in (CONSIDER, None):
        scope.decide(f"supply discussed ({tok.text})", type=DEAL)


def _commanded_supply(scope: Scope, trigger: Token, frame_type: str) -> None:
    """"ordered rockets to be produced and shipped to Russia", "instructed officials to ship shells": a supply
    commanded in an infinitive is planned, not done (CONSIDER), unless a wrapper already typed it."""
    if frame_type not in (TRANSFER, PLEDGE) or scope.type not in (None, TRANSFER, PLEDGE):
        return
    for below, tok in zip(scope.path, scope.path[1:]):
        if tok == scope.report_verb:
            return
        if tok.pos_ == "VERB" and _lemma(tok) in words("command_verbs") and below.dep_ == "xcomp" and \
                _to_infinitive(below):
            scope.decide(f"command to supply ({tok.text})", type=CONSIDER)
            return


def _refusal_wrapper(scope: Scope) -> None:
    """"unable to deliver", "agreed to sell after first declining": an untyped refusal wrapper negates, wherever it
    is among the wrappers."""
    for tok, w in scope.wrappers:
        if w.polarity == NEGATED and w.type is None:
            scope.decide(f"refusal wrapper {w.id} ({tok.text})", polarity=NEGATED)


# -- hypotheticals and conditions ------------------------------------------------------------------------------------

def _hypothetical_noun_subject(scope: Scope, trigger: Token) -> None:
    """"any transfer ... would represent", "such a sale could destabilise": a modal on the verb a supply noun is
    the subject of makes the noun hypothetical ("could have" does not)."""
    if trigger.pos_ not in NOUNS or trigger.dep_ not in ("nsubj", "nsubjpass") or trigger.head.pos_ not in VERBS:
        return
    head = trigger.head
    auxes = _aux(head)
    if not any(x.lower_ == "have" for x in auxes) and any(a.lower_ in words("hypothetical_modals") for a in auxes):
        scope.decide("modal over a supply noun", drop=f"hypothetical ({head.text})")
    elif trigger.dep_ == "nsubj" and any(a.lower_ in words("future_auxiliaries") for a in auxes) and \
            _lemma(head) not in words("supply_course_verbs") and head.lemma_ != "be":
        # "the arms sales will undermine confidence": the future is the consequence's, the supply no pledge
        scope.decide("future consequence of a supply noun", drop=f"consequence ({head.text})")


def _hypothetical_modifier(scope: Scope, trigger: Token) -> None:
    """"with delivery likely to begin", "a possible sale": a hypothetical adjective on a supply noun."""
    if trigger.pos_ in NOUNS and any(c.lower_ in words("hypothetical_heads") for c in trigger.children
                                     if c.dep_ in ("amod", "acomp")):
        scope.decide("hypothetical modifier", drop="hypothetical (likely)")


def _under_consideration(scope: Scope, tok: Token) -> bool:
    """A CONSIDER wrapper other than `tok` at or above it on the path ("weighing the possibility of sending")."""
    above = scope.path[scope.path.index(tok):]
    return any(w.type == CONSIDER for t2, w in scope.wrappers if t2.i != tok.i and t2 in above)


def _past_ability(tok: Token) -> bool:
    """"was able to deliver", "had been able to ship": an ability stated in the past was used, the supply took
    place ("is able to", "will be able to" stay hypothetical)."""
    if _lemma(tok) not in words("ability_heads") or tok.dep_ != "acomp" or tok.head.lemma_ != "be":
        return False
    be = tok.head
    auxes = [a.lower_ for a in _aux(be)]
    if any(a in words("hypothetical_modals") or a in words("future_auxiliaries") or a == "would" for a in auxes):
        return False
    return be.tag_ == "VBD" or be.tag_ == "VBN" and any(a.lemma_ == "have" for a in _aux(be))


def _hypothetical_head(scope: Scope, tok: Token, trigger: Token) -> None:
    """"fears that Iran could supply", "the risk of deliveries", "concerned about a transfer": a hypothetical head
    on the path (a schedule or a consideration above it is not one)."""
    hypo = words("hypothetical_heads")
    if tok == trigger or not (_lemma(tok) in hypo or tok.lower_ in hypo):
        return
    if _scheduled(tok, trigger) or _under_consideration(scope, tok):
        return
    if _past_ability(tok):
        scope.reasons.append(f"past ability ({tok.head.text} {tok.text}): the supply took place")
        return
    scope.decide("hypothetical head", drop=f"hypothetical ({tok.text})")


def _conditional_mark(scope: Scope, tok: Token) -> None:
    """"if / unless / once X supplies" marking a clause on the path: conditional; "it is not clear whether X sold":
    an open question, unless someone is debating whether to do it (a CONSIDER wrapper)."""
    for c in tok.children:
        if c.dep_ != "mark":
            continue
        if c.lower_ in words("conditional_marks") and c.lower_ != "whether" and tok.dep_ in ("advcl", "ROOT"):
            scope.decide("conditional mark", drop=f"conditional ({c.text})")
        elif c.lower_ == "whether" and not scope.considering():
            scope.decide("open question", drop="open question (whether)")


def _if_clause(scope: Scope, tok: Token) -> None:
    """"to send tanks if asked", "if confirmed, the delivery would": an adverbial clause on the path with "if"."""
    if tok.dep_ == "advcl" and any(c.lower_ == "if" for c in tok.children):
        if scope.considering():
            scope.reasons.append("if clause under a consideration: still considered")
            return
        scope.decide("if clause on the path", drop="conditional (if)")


def _attached_condition(scope: Scope, tok: Token) -> None:
    """"promised to impose sanctions if it supplies missiles": a condition hanging on a verb of the path;
    "is willing to send ATACMS if the aid bill passes" stays a consideration (GUIDELINES CONSIDER)."""
    if tok.pos_ in VERBS and _condition_attached(tok):
        if scope.considering():
            scope.reasons.append(f"condition on {tok.text} under a consideration: still considered")
            return
        scope.decide("condition attached", drop="conditional (if clause)")


def _unimposed_measure(scope: Scope, tok: Token, frame_type: str) -> None:
    """"proposed to sanction", "threatened sanctions": a measure that is not (yet) imposed."""
    if frame_type == SANCTION and _lemma(tok) in words("unimposed_measure_verbs"):
        scope.decide("measure not imposed", drop=f"measure not imposed ({tok.text})")


def _warned_against(scope: Scope) -> None:
    """"warned China not to give any support to Russia", "cautioned Seoul against sending shells": a supply
    warned against in an infinitive or an "against" phrase is no claim either way."""
    for below, tok in zip(scope.path, scope.path[1:]):
        if tok == scope.report_verb and not (below.dep_ == "xcomp" and _to_infinitive(below)):
            return
        if _lemma(tok) not in words("warning_verbs") or tok.pos_ != "VERB":
            continue
        if below.dep_ == "xcomp" and _to_infinitive(below) or below.dep_ == "prep" and below.lower_ == "against":
            scope.decide(f"warned against ({tok.text})", drop=f"warning ({tok.text})")
            return


def _path_conditions(scope: Scope, trigger: Token, frame_type: str) -> None:
    """The hypothetical heads and conditions along the path, token by token (a later one overrides the reason)."""
    for tok in scope.path:
        if tok.pos_ in VERBS and _lemma(tok) in words("noun_only_hypothetical_heads"):
            continue  # "stopped issuing permits": the verb "issue" is not "the issue of"
        _hypothetical_head(scope, tok, trigger)
        _conditional_mark(scope, tok)
        _if_clause(scope, tok)
        _attached_condition(scope, tok)
        _unimposed_measure(scope, tok, frame_type)


# -- modality: modals, "would", future -------------------------------------------------------------------------------

def _modal_auxiliaries(scope: Scope, tok: Token) -> None:
    """Auxiliaries of a path verb: "would" is noted (the engine decides), "will/shall" is future, any other modal
    ("could", "may", "should supply") is hypothetical unless perfect ("could have sent")."""
    auxes = _aux(tok)
    for a in auxes:
        low = a.lower_
        if low == "would":
            scope.decide("would", would=True)
        elif low in words("hypothetical_modals"):
            if not any(x.lower_ in words("perfect_auxiliaries") and x.i > a.i for x in auxes):
                scope.decide("modal", drop=f"hypothetical ({a.text})")
        elif low in words("future_auxiliaries"):
            scope.decide(f"future auxiliary ({a.text})", future=True)


def _scheduled_complement(scope: Scope, tok: Token, trigger: Token) -> None:
    """"is going to / set to / due to / expected to deliver", "Serbia expects to receive jets from France": the
    complement of a schedule is a future delivery."""
    if tok.dep_ != "xcomp":
        return
    head = tok.head
    if _lemma(head) in words("scheduling_verbs") and _be_aux(head):
        scope.decide(f"scheduled ({head.text})", future=True)
    if _awaited(head, trigger):
        scope.decide(f"awaited ({head.text})", future=True)


def _modality(scope: Scope, trigger: Token) -> None:
    """Modals and schedules on the path below the reporting verb."""
    for tok in [t for t in scope.path if t.pos_ in MODAL_HOSTS]:
        if tok == scope.report_verb:
            break
        _modal_auxiliaries(scope, tok)
        _scheduled_complement(scope, tok, trigger)


def _scheduled_passive(trigger: Token) -> bool:
    """"the deliveries are scheduled from 2028 to 2030", "shipments are planned for 2026": a supply noun that is
    the passive subject of a scheduling verb with a time phrase is a scheduled delivery."""
    if trigger.pos_ not in NOUNS or trigger.dep_ != "nsubjpass":
        return False
    head = trigger.head
    return _lemma(head) in words("schedule_passives") and head.tag_ == "VBN" and not _negated(head) and any(
        c.dep_ == "auxpass" for c in head.children) and any(
        c.dep_ == "prep" and c.lower_ in words("schedule_time_preps") or c.dep_ == "npadvmod" for c in head.children)


def _scheduled_supply(scope: Scope, trigger: Token, frame_type: str = TRANSFER) -> None:
    """"deliveries to begin in 2025", "shipments are scheduled to start", and a headline's bare "to" ("Japan to
    ship interceptors to U.S."): a scheduled supply, future."""
    if _scheduled_noun(trigger):
        scope.decide("scheduled supply noun", future=True)
    if _headline_infinitive(trigger):
        scope.decide("headline infinitive", future=True)
    if frame_type in (TRANSFER, PLEDGE) and scope.type in (None, TRANSFER, PLEDGE, CONSIDER) and \
            _scheduled_passive(trigger):
        scope.decide(f"scheduled passive ({trigger.head.text})", future=True, type=PLEDGE)


# -- negation --------------------------------------------------------------------------------------------------------

def _plain_verb(scope: Scope, tok: Token, trigger: Token) -> bool:
    """A verb above the trigger that is neither a wrapper nor a belief verb ("intend", "unveil")."""
    return tok != trigger and tok.pos_ == "VERB" and not scope.is_wrapper(tok) and \
        _lemma(tok) not in words("negation_transparent")


def _conjunct_with_own_auxiliary(t: Token) -> bool:
    """"has not sent and will not send", "did not sell and will send": a coordinated verb with its own
    auxiliary has its own tense and negation; the first conjunct's negation is not its own."""
    return t.dep_ == "conj" and t.pos_ in VERBS and bool(_aux(t))


def _negation_verdict(scope: Scope, tok: Token, trigger: Token) -> bool | None:
    """What a negation on path token `tok` does: True negates the event (on the trigger, a wrapper, a belief or
    evidence word: "did not deliver", "no deliveries", "do not believe that X supplied"), False undoes it ("did not
    refuse": double negation), None leaves it; over any other verb ("did not say whether") it drops the mention."""
    low = _lemma(tok)
    is_wrapper = scope.is_wrapper(tok)
    if tok == trigger and tok.pos_ in NOUNS and not any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok == trigger or is_wrapper or low in words("negation_transparent") or low in words("evidence_nouns"):
        return not (is_wrapper and any(t == tok and w.polarity == NEGATED for t, w in scope.wrappers))
    if low in words("negation_opaque") or tok.pos_ in VERBS:
        scope.decide("negation over an opaque verb", drop=f"negation over {tok.text}")
    return None


def _yet_to_other_verb(scope: Scope, tok: Token, trigger: Token) -> Token | None:
    """"the sales have yet to get congressional approval", "the deal is yet to be finalised": "yet to" on the
    verb a supply noun is the subject of negates that verb's infinitive, not the supply (unless the infinitive
    is the supply's own course: "the deliveries have yet to arrive"). The infinitive, or None."""
    if trigger.pos_ not in NOUNS or trigger.dep_ not in ("nsubj", "nsubjpass") or tok != trigger.head or \
            _has_neg(tok) or not _yet_to(tok):
        return None
    course = words("onset_verbs") | words("delivered_verbs")
    return next((x for x in tok.children if x.dep_ == "xcomp" and x not in scope.path and _lemma(x) not in course),
                None)


def _negation_on_path(scope: Scope, trigger: Token) -> bool:
    """Negations on the path up to the reporting verb; whether the last one negates the event. A negation above a
    plain verb ("does not intend to unveil a delivery") says nothing about the supply: drop."""
    negated_here = False
    plain_verb = None
    for k, tok in enumerate(scope.path):
        if k and _conjunct_with_own_auxiliary(scope.path[k - 1]):
            scope.reasons.append(f"own clause of conjunct {scope.path[k - 1].text}: negation above not read")
            break
        if plain_verb is None and _plain_verb(scope, tok, trigger):
            plain_verb = tok
        if not _negated(tok):
            continue
        if (other := _yet_to_other_verb(scope, tok, trigger)) is not None:
            scope.decide("yet to, over another verb", drop=f"negation over {other.text}")
            break
        if plain_verb is not None and plain_verb != tok and tok.pos_ in VERBS:
            scope.decide("negation over a plain verb", drop=f"negation over {plain_verb.text}")
            break
        verdict = _negation_verdict(scope, tok, trigger)
        if verdict is not None:
            negated_here = verdict
            scope.reasons.append(f"negation on {tok.text}: {'negates' if verdict else 'double negation'}")
        if tok == scope.report_verb:
            break
    return negated_here


def _negated_report(scope: Scope, negated_here: bool) -> bool:
    """A negated reporting frame: a belief verb passes it down ("have yet to find proof", "do not expect to see"
    climb to the negated verb above), any other ("did not say") drops the mention."""
    top = scope.report_verb
    if top is not None and top.dep_ == "xcomp" and _negated(top.head):
        top = top.head
    if top is None or not _negated(top):
        return negated_here
    if _lemma(top) in words("negation_transparent"):
        scope.reasons.append(f"negated report verb {top.text}: negates")
        return True
    scope.decide("negated report verb", drop=f"negation over {top.text}")
    return negated_here


def _negation(scope: Scope, trigger: Token) -> None:
    """Negation on the trigger, a wrapper or a belief/evidence word negates the event (a second one undoes a
    negated wrapper); over anything else (announce, implicate, specify) nothing is coded."""
    negated_here = _negated_report(scope, _negation_on_path(scope, trigger))
    if negated_here and any(_lemma(t) in words("negated_announcement_verbs") for t, _ in scope.wrappers):
        # "won't unveil the delivery this week": no claim either way
        scope.decide("negated announcement", drop="negation over announce")
    if negated_here:
        scope.decide("negation", polarity=NEGATED if scope.polarity == AFFIRMED else AFFIRMED)


def _no_evidence(scope: Scope) -> None:
    """"there is no evidence of X providing", "has no evidence of": an evidence noun with "no" negates."""
    for tok in scope.path:
        if _lemma(tok) in words("evidence_nouns") and any(c.lower_ == "no" for c in tok.children):
            scope.decide(f"no {tok.text}", polarity=NEGATED)


def _withheld_licence(scope: Scope, trigger: Token) -> None:
    """A negated export approval is a licence withheld: SANCTION, affirmed (see `_licence_withheld`)."""
    if scope.polarity == NEGATED and _licence_withheld(scope, trigger):
        scope.decide("licence withheld", type=SANCTION, polarity=AFFIRMED)
        scope.notes.append("licence withheld")


def _unwilling(scope: Scope) -> None:
    """"did not want to hand over the missiles", "is not willing to send tanks": a negated wish to supply is a
    refusal (PLEDGE negated), not a consideration rejected."""
    if scope.type == CONSIDER and scope.polarity == NEGATED and any(
            w.type == CONSIDER and _lemma(t) in words("volition_wrappers") for t, w in scope.wrappers):
        scope.decide("unwilling: a refusal", type=PLEDGE)


def _claim_called_false(scope: Scope, rules: Rules) -> None:
    """"Reports of Iran transferring missiles are propaganda, the commander said", "the plan to provide rockets
    was false": a claim or plan whose content is the supply, called false, is denied (DENIAL) by whoever says so;
    the reporting verb above the copula is the frame."""
    top = scope.path[-1]
    for _ in range(3):  # "Reports of Iran transferring ...": up from a bare participle to the claim noun
        if top.dep_ not in ("acl", "prep", "pobj", "pcomp"):
            break
        top = top.head
    if scope.report_verb is not None or top.dep_ != "nsubj" or top.head.lemma_ != "be":
        return
    claim = _lemma(top) in words("claim_nouns") or (
        (w := rules.wrapper_by_lemma.get(_lemma(top))) is not None and w.type == CONSIDER)
    be = top.head
    if not claim or not any(c.dep_ in ("acomp", "attr") and _lemma(c) in words("falsity_words")
                            for c in be.children):
        return
    scope.decide(f"claim called false ({top.text})", type=DENIAL, polarity=AFFIRMED)
    scope.notes.append("claim called false")
    if be.dep_ == "ccomp" and _lemma(be.head) in words("reporting_verbs"):
        scope.decide("reporting verb of the denial", report_verb=be.head)


def analyse(trigger: Token, frame_type: str, rules: Rules) -> Scope:
    """Climb from the trigger and decide type, polarity and whether the statement is hypothetical, one step per
    construction, in this order (a later `drop` reason overrides an earlier one)."""
    scope = climb(trigger, rules)
    _negated_measure_wrapper(scope, frame_type)
    _retype_by_wrappers(scope, trigger, frame_type)
    _commanded_supply(scope, trigger, frame_type)
    _discussed_supply(scope, frame_type)
    _refusal_wrapper(scope)
    _hypothetical_noun_subject(scope, trigger)
    _hypothetical_modifier(scope, trigger)
    _path_conditions(scope, trigger, frame_type)
    _warned_against(scope)
    _modality(scope, trigger)
    _scheduled_supply(scope, trigger, frame_type)
    _negation(scope, trigger)
    _no_evidence(scope)
    _withheld_licence(scope, trigger)
    _unwilling(scope)
    _claim_called_false(scope, rules)
    return scope
