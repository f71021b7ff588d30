"""Scope of a trigger: the wrapper verbs above it (pledge, consider, ask, deny...), negation and hypotheticals."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from armswatch.extraction.rules import Rules, Wrapper

# Dependencies a trigger's scope is climbed through (clausal complements, gerunds after prepositions, noun wrappers).
CLIMB = {"xcomp", "pcomp", "prep", "pobj", "acl", "ccomp", "dobj", "advcl", "oprd", "acomp", "attr", "nsubjpass",
         "csubj", "relcl", "conj"}
HEDGE_MODALS_KEEP_WITH_HAVE = True
FUTURE = {"will", "shall", "'ll", "wo"}
# "X is set to / due to / scheduled to / expected to receive": a scheduled delivery (PLEDGE), not a hypothetical
SCHEDULED = {"go", "set", "due", "schedule", "poise", "expect", "slate", "plan_to_be"}
SALE_CORES = {"sale", "program", "deal", "purchase", "export"}  # "approved arms exports" is a licence: DEAL
DEAL_APPROVERS = {"approve", "notify", "announce", "clear", "authorize", "authorise", "move", "finalize", "advance"}


@dataclass
class Scope:
    """What sits above a trigger: its wrappers (outermost last), the reporting verb, and the decisions made."""

    path: list[Token] = field(default_factory=list)
    wrappers: list[tuple[Token, Wrapper]] = field(default_factory=list)
    report_verb: Token | None = None
    type: str | None = None  # overriding event type, None = the frame's
    polarity: str = "affirmed"
    drop: str | None = None  # reason the mention is not coded
    would: bool = False
    future: bool = False
    claim_noun: Token | None = None  # "a claim by X that ...": the noun whose content holds the trigger
    notes: list[str] = field(default_factory=list)

    def control(self, kind: str) -> tuple[Token, Wrapper] | None:
        for tok, w in self.wrappers:
            if w.control == kind:
                return tok, w
        return None


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "det" and c.lower_ in ("no",) for c in token.children)


def _yet_to(token: Token) -> bool:
    """"are yet to see", "has yet to deliver": a negation without a `neg` child."""
    if not any(c.lower_ == "yet" and c.dep_ in ("advmod", "acomp", "cc") for c in token.children):
        return False
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return True
    return any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children) for x in token.children)


def content_noun(clause: Token, rules: Rules) -> Token | None:
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
        if noun.lemma_.lower() in rules.cue("claim_nouns"):
            return noun
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            noun = noun.head.head
        else:
            return None
    return None


def _awaited(tok: Token, trigger: Token, rules: Rules) -> bool:
    """"expects to receive X from Y": the recipient awaiting a receipt verb (a scheduled delivery, not a guess)."""
    return tok.lemma_.lower() in rules.cue("awaiting_verbs") and trigger.lemma_.lower() in rules.cue(
        "receipt_verbs") and trigger.dep_ == "xcomp" and trigger.head == tok


def _scheduled_noun(trigger: Token, rules: Rules) -> bool:
    """A supply noun that is the subject of an onset infinitive or of "is scheduled/due/set to"."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = trigger.head
    onset = head.lemma_.lower() in rules.cue("onset_verbs") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    scheduled = head.lemma_.lower() in SCHEDULED and any(a.lemma_ == "be" for a in _aux(head)) and any(
        c.dep_ == "xcomp" for c in head.children)
    due = head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in head.children)
    return onset or scheduled or due


def _headline_infinitive(trigger: Token) -> bool:
    """A sentence whose root is the trigger with only "to" before it ("Japan to ship ..."): headline future."""
    return trigger.dep_ == "ROOT" and trigger.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and any(
        c.dep_ == "nsubj" for c in trigger.children)


def climb(trigger: Token, rules: Rules) -> Scope:
    scope = Scope(path=[trigger])
    reporting = rules.cue("reporting_verbs")
    t = trigger
    for _ in range(8):
        head = t.head
        noun_subject = t == trigger and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "nsubj"
        if head == t or (t.dep_ not in CLIMB and not noun_subject):
            break
        if t.dep_ in ("acl", "advcl") and t.tag_ in ("VBN", "VBG") and not any(
                c.dep_ in ("aux", "mark", "auxpass") for c in t.children):
            break  # a bare participle ("drones sent by Iran", ", allegedly sent by Iran,") has its own scope
        if t.dep_ == "conj" and (t.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            break  # only a subjectless coordinated verb shares its first conjunct's scope ("decided to X and to Y")
        if t.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
                t == trigger and t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children):
            scope.future = True  # "a batch of missiles to be sent to Kyiv": still to be supplied
        if t.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            head = t.head  # "approved munitions to be sent": an infinitival relative belongs to its noun's verb
        elif t.dep_ in ("relcl", "acl") and (noun := content_noun(t, rules)) is not None:
            head = noun  # "a claim by X that Belarus had passed ...": the clause is the claim's content
            scope.claim_noun = noun
        elif t.dep_ == "relcl":
            break
        if t.dep_ == "dobj" and head.lemma_.lower() in rules.cue("use_verbs"):
            scope.drop = "battlefield use"
            break
        if t.dep_ == "advcl" and head.lemma_ == "be":
            # "is in talks with X to buy", "is in negotiations to acquire": the purpose of the state it is in
            state = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                     if g.dep_ == "pobj" and g.lemma_.lower() in rules.wrapper_by_lemma]
            head = state[0] if state else head
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in rules.by_lemma and \
                head.lemma_.lower() not in rules.wrapper_by_lemma:
            break  # "sanctions over its drone deliveries": another event's noun bounds the scope
        if t.dep_ == "prep" and head.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in rules.by_lemma and c.lemma_.lower() not in
                rules.wrapper_by_lemma for c in head.children):
            break  # "agreed to impose sanctions over X's supply of drones": the phrase gives the measure's reason
        scope.path.append(head)
        if head.lemma_.lower() in reporting and head.pos_ in ("VERB", "AUX") and not rules.wrapper_by_lemma.get(
                head.lemma_.lower(), None):
            scope.report_verb = head
            break
        w = rules.wrapper_by_lemma.get(head.lemma_.lower())
        if w is not None and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in rules.cue("evidence_nouns"):
            w = None  # "no sign that X delivered": the evidence noun "sign" is not the verb "sign" (a deal)
        if w is not None and head.lemma_.lower() in rules.cue("naming_verbs") and any(
                c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ") for c in head.children):
            w = None  # "called the delivery a provocation": naming, not asking
        if w is not None and head.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
            scope.wrappers.append((head, w))
            if w.reporting:
                scope.report_verb = head
                break
        t = head
    return scope


def analyse(trigger: Token, frame_type: str, rules: Rules) -> Scope:
    """Climb from the trigger and decide type, polarity and whether the statement is hypothetical."""
    scope = climb(trigger, rules)
    cues = rules
    modals = cues.cue("hypothetical_modals")
    hypo = cues.cue("hypothetical_heads")
    transparent = cues.cue("negation_transparent")
    opaque = cues.cue("negation_opaque")
    evidence = cues.cue("evidence_nouns")

    # Event type: a denial or a halt wins; else the outermost typed wrapper ("fulfilled its commitment to
    # provide" -> TRANSFER). Wrappers retype transfers and pledges only: "trying to negotiate a deal" stays DEAL.
    strong = None
    for tok, w in scope.wrappers:
        if w.polarity == "negated" and w.type is not None and frame_type not in ("TRANSFER", "PLEDGE", "REQUEST"):
            scope.polarity = "negated"  # "had long resisted calls to suspend its arms exports"
        if w.type is None:
            continue
        if frame_type not in ("TRANSFER", "PLEDGE") and not (w.type == "DENIAL" and frame_type in ("DEAL",)):
            continue  # "rejected Ukraine's requests" is a refusal of a request, not the denial of a claim
        direct = scope.path[1] == tok if len(scope.path) > 1 else False
        if w.id == "pledge" and tok.lemma_.lower() in DEAL_APPROVERS and trigger.lemma_.lower() in SALE_CORES:
            scope.type = "DEAL"
        elif w.id == "pledge" and tok.lemma_.lower() in ("announce", "offer") and not (
                direct and trigger.dep_ == "dobj"):
            continue  # "announced that X began delivering" reports, it does not pledge
        else:
            scope.type = w.type
        if w.type in ("DENIAL", "SANCTION") and strong is None:
            strong = w.type
        if w.polarity == "negated":
            scope.polarity = "negated"
    if strong:
        scope.type = strong
    elif trigger.lemma_.lower() in SALE_CORES and frame_type == "TRANSFER" and any(
            c.dep_ == "amod" and c.lemma_.lower() in rules.cue("prospective_modifiers") for c in trigger.children):
        scope.type = "DEAL"  # "notified Congress of the proposed sale": a sale in progress, not a delivery
    # "agreed to sell after first declining": a refusal wrapper is not the outermost typed wrapper
    for tok, w in scope.wrappers:
        if w.polarity == "negated" and w.type is None:
            scope.polarity = "negated"  # "unable to deliver"

    verbs = [t for t in scope.path if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ in (
            "VERB", "AUX"):
        head = trigger.head  # "any transfer ... would represent": a hypothetical about the noun
        if any(a.lower_ in modals and not any(x.lower_ == "have" for x in _aux(head)) for a in _aux(head)):
            scope.drop = f"hypothetical ({head.text})"
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.lower_ in hypo for c in trigger.children
                                                 if c.dep_ in ("amod", "acomp")):
        scope.drop = "hypothetical (likely)"  # "with delivery likely to begin", "a possible sale"
    top = scope.report_verb
    for tok in scope.path:
        low = tok.lemma_.lower()
        scheduled = low in SCHEDULED and any(a.lemma_ == "be" for a in _aux(tok)) or _awaited(tok, trigger, rules)
        if tok.pos_ in ("VERB", "AUX") and low in cues.cue("noun_only_hypothetical_heads"):
            continue  # "stopped issuing permits": the verb "issue" is not "the issue of"
        if tok != trigger and (low in hypo or tok.lower_ in hypo) and not scheduled and not any(
                w.type == "CONSIDER" for t2, w in scope.wrappers if t2.i != tok.i and t2 in scope.path[
                    scope.path.index(tok):]):
            scope.drop = f"hypothetical ({tok.text})"
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in cues.cue("conditional_marks") and tok.dep_ in ("advcl", "ROOT") \
                    and c.lower_ != "whether":
                scope.drop = f"conditional ({c.text})"
            # "it is not clear whether X sold": an open question, unless someone is debating whether to do it
            if c.dep_ == "mark" and c.lower_ == "whether" and not any(w.type == "CONSIDER" for _, w in
                                                                      scope.wrappers):
                scope.drop = "open question (whether)"
        if tok.dep_ == "advcl" and any(c.lower_ == "if" for c in tok.children):
            scope.drop = "conditional (if)"
        if tok.pos_ in ("VERB", "AUX") and _condition_attached(tok):
            scope.drop = "conditional (if clause)"  # "promised to impose sanctions if it supplies missiles"
        if frame_type == "SANCTION" and tok.lemma_.lower() in cues.cue("unimposed_measure_verbs"):
            scope.drop = f"measure not imposed ({tok.text})"  # "proposed to sanction", "threatened sanctions"
    for tok in verbs:
        if tok == top:
            break
        for a in _aux(tok):
            low = a.lower_
            if low in modals and low != "would":
                perfect = any(x.lower_ in ("have", "'ve") and x.i > a.i for x in _aux(tok))
                if not perfect:
                    scope.drop = f"hypothetical ({a.text})"
            elif low == "would":
                scope.would = True
            elif low in FUTURE:
                scope.future = True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in SCHEDULED and any(
                a.lemma_ == "be" for a in _aux(tok.head)):
            scope.future = True  # "is going to / set to / due to / expected to deliver"
        if _awaited(tok.head, trigger, rules) and tok.dep_ == "xcomp":
            scope.future = True  # "Serbia expects to receive jets from France": a scheduled delivery
    if _scheduled_noun(trigger, rules):
        scope.future = True  # "deliveries to begin in 2025", "shipments are scheduled to start": scheduled supply
    if _headline_infinitive(trigger):
        scope.future = True  # "Japan to ship interceptors to U.S.": a headline's bare "to" announces the future

    # Negation: on the trigger or a wrapper it negates the event; over belief/evidence verbs it negates it too;
    # over anything else (announce, implicate, specify) the supply itself is not in question and nothing is coded.
    negated_here = False
    plain_verb = None  # a verb between the trigger and a negation that is neither wrapper nor belief verb
    for tok in scope.path:
        if tok != trigger and tok.pos_ == "VERB" and not any(tok == t for t, _ in scope.wrappers) and \
                tok.lemma_.lower() not in transparent and plain_verb is None:
            plain_verb = tok
        if not (_has_neg(tok) or _yet_to(tok)):
            continue
        if plain_verb is not None and plain_verb != tok and tok.pos_ in ("VERB", "AUX"):
            scope.drop = f"negation over {plain_verb.text}"  # "does not intend to unveil a delivery"
            break
        low = tok.lemma_.lower()
        is_wrapper = any(tok == t for t, _ in scope.wrappers)
        if tok == trigger and tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "neg" for c in tok.children):
            negated_here = True
        elif tok == trigger or is_wrapper or low in transparent or low in evidence:
            negated_here = True
            if is_wrapper and any(t == tok and w.polarity == "negated" for t, w in scope.wrappers):
                negated_here = False  # "did not refuse": double negation, leave affirmed
        elif low in opaque or tok.pos_ in ("VERB", "AUX"):
            scope.drop = f"negation over {tok.text}"
        if tok == top:
            break
    if top is not None and top.dep_ == "xcomp" and (_has_neg(top.head) or _yet_to(top.head)):
        top = top.head  # "have yet to find proof", "do not expect to see"
    if top is not None and (_has_neg(top) or _yet_to(top)):
        if top.lemma_.lower() in transparent:
            negated_here = True
        else:
            scope.drop = f"negation over {top.text}"
    if negated_here and any(t.lemma_.lower() == "announce" for t, _ in scope.wrappers):
        scope.drop = "negation over announce"  # "won't unveil the delivery this week": no claim either way
    if negated_here:
        scope.polarity = "negated" if scope.polarity == "affirmed" else "affirmed"
    # evidence nouns with "no": "there is no evidence of X providing", "has no evidence of"
    for tok in scope.path:
        if tok.lemma_.lower() in evidence and any(c.lower_ in ("no",) for c in tok.children):
            scope.polarity = "negated"
    if scope.polarity == "negated" and _licence_withheld(scope, trigger):
        scope.type, scope.polarity = "SANCTION", "affirmed"
        scope.notes.append("licence withheld")
    return scope


def _condition_attached(verb: Token) -> bool:
    """An "if"/"unless" clause hangs on the verb: its event holds only on that condition ("will impose sanctions
    if Iran supplies missiles", "would send tanks unless the talks succeed")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def _licence_withheld(scope: Scope, trigger: Token) -> bool:
    """"will not approve any exports to X", "refused to authorise the export of tanks to X": a supplier that
    withholds export licences restricts its own deliveries, a SANCTION (ARTICLES.md), not a negated deal."""
    return trigger.lemma_.lower() == "export" and any(
        w.id == "pledge" and tok.lemma_.lower() in DEAL_APPROVERS for tok, w in scope.wrappers)
