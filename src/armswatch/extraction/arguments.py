"""Argument slots: where, relative to a trigger in the dependency parse, the supplier/recipient/actors sit."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from armswatch.extraction.actors import ActorIndex, ActorRef

SUPPLY_LEMMAS = {"supply", "delivery", "shipment", "sale", "transfer", "provision", "export", "consignment", "aid",
                 "assistance", "donation", "weapon", "arm", "shipping", "support", "batch", "flow"}
# Verbs whose subject imposes the sanction they govern ("X imposed sanctions", not "X circumvented sanctions").
IMPOSE_VERBS = {"impose", "announce", "slap", "introduce", "adopt", "extend", "expand", "levy", "approve", "agree",
                "place", "target", "unveil", "issue", "tighten", "renew", "apply", "enforce", "maintain", "keep",
                "add", "hit", "set", "put", "roll", "broaden", "widen"}
# Verbs whose subject is a party to the deal they govern ("Poland signed a deal", not "NL will finance a purchase").
SIGN_VERBS = {"sign", "seal", "conclude", "ink", "agree", "negotiate", "reach", "strike", "finalize", "finalise",
              "make", "place", "announce", "clinch", "secure", "win", "close", "complete", "enter"}
# Verbs whose subject answers a request it governs (so is the party asked).
ANSWER_VERBS = {"resist", "reject", "refuse", "decline", "ignore", "grant", "accept", "approve", "rebuff", "deny",
                "answer", "fulfil", "fulfill", "heed", "meet", "consider", "weigh", "review"}
CLAIM_NOUNS = {"claim", "report", "accusation", "allegation", "rumor", "rumour", "statement", "assertion", "charge",
               "suggestion", "story", "speculation", "information", "it", "this", "that", "news", "idea", "notion",
               "intention", "plan", "involvement", "transfer", "supply", "delivery", "sale", "shipment", "fact"}


# "punished X for supplying", "accused X of arming", "barred X from selling": the object does the gerund.
OBJECT_CONTROL_PREPS = {"for", "of", "from", "against"}


def is_passive(token: Token) -> bool:
    """A passive verb: auxpass/nsubjpass child, or a bare past participle modifying a noun ("drones sent by Iran")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    if token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("acl", "amod", "relcl", "advcl") and not any(
        c.dep_ in ("nsubj", "aux") for c in token.children)  # "having supplied" is active


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def pobjs(token: Token, *words: str) -> list[Token]:
    """Objects of the prepositions `words` attached to token (and of a "to" labelled dative)."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        elif c.dep_ == "prep" and c.lower_ == "to" and "into" in words:
            pass
    return out


def governor(token: Token) -> Token | None:
    """The verb a noun trigger hangs from ("imposed sanctions", "made the request", "is a supplier")."""
    t = token
    for _ in range(3):
        if t.dep_ in ("dobj", "attr", "nsubjpass", "oprd", "appos", "conj") and t.head != t:
            head = t.head
        elif t.dep_ == "pobj" and t.head.dep_ == "prep":
            head = t.head.head
        else:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        t = head
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb; for a controlled verb (xcomp, pcomp, advcl) the subject of its controller."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        c = subjects[-1]  # the nearest: "SEOUL, South Korea — North Korea has shipped" parses two subjects
        if c.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            return verb.head  # "the treaty, which bans ...": the relative's antecedent
        return c
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        # "Kigali was accused of supplying", "Iran was asked to send": a passive controller's subject controls
        return passive_subjects[-1] if depth > 0 else None
    if depth < 3 and verb.dep_ in ("xcomp", "advcl", "pcomp", "conj", "prep", "acl") and verb.head != verb:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head
            if head.dep_ == "pobj" and head.head.dep_ == "agent":
                head = head.head.head  # "was accused by UN experts of supplying": the gerund is the verb's
            if verb.head.lower_ in OBJECT_CONTROL_PREPS and head.pos_ in ("VERB", "AUX"):
                objs = children(head, "dobj")
                if objs:
                    return objs[0]  # "sanctioned two firms for supplying", "accused Iran of arming": the object
        if verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.head.children):
            return next(c for c in verb.head.children if c.dep_ == "nsubj")
        if head.pos_ in ("NOUN", "PROPN"):
            # "Iran's efforts to arm", "Iranian efforts to arm": the noun's owner controls the infinitive
            mods = children(head, "poss") or children(head, "amod", "compound")
            if not mods and verb.dep_ == "acl" and not any(c.lower_ == "to" for c in verb.children):
                return head  # "entities in X and Y accused of shipping ...": the participle's noun is its subject
            return mods[0] if mods else None
        return subject_of(head, depth + 1)
    return None


Slot = Callable[[Token, ActorIndex], list[ActorRef]]


def _refs(idx: ActorIndex, tokens: list[Token]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for t in tokens:
        out.extend(idx.resolve_all(t))
    return out


def _nsubj(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The subject's actors, with partners the parser hung on the verb ("Chile, alongside Peru, sent ...")."""
    subj = subject_of(t) if t.pos_ in ("VERB", "AUX", "ADJ") else None
    if subj is None:
        return []
    refs = _refs(idx, [subj])
    return refs + _refs(idx, idx.companions(t)) if refs else refs


def _gov_subj(t: Token, idx: ActorIndex) -> list[ActorRef]:
    gov = governor(t)
    if gov is None:
        if t.dep_ in ("acomp",) and t.head.pos_ in ("AUX", "VERB"):
            gov = t.head
        else:
            return []
    subj = subject_of(gov)
    return _refs(idx, [subj]) if subj is not None else []


def _gov_prep(word: str) -> Slot:
    def slot(t: Token, idx: ActorIndex) -> list[ActorRef]:
        gov = governor(t)
        return _refs(idx, pobjs(gov, word)) if gov is not None else []
    return slot


# Prepositions whose object on the item phrase is still the trigger's endpoint ("for" is not: "support for peace").
ARG_PREPS = {"from", "to", "by", "into"}


def arg_pobjs(token: Token, idx: ActorIndex, *words: str) -> list[Token]:
    """Objects of `words` on the trigger, else on its item phrase ("imported weapons from X", "provision of tanks by
    X to Y"): the parser often hangs a verb's or noun's prepositions on its object."""
    direct = pobjs(token, *words)
    if direct or not set(words) & ARG_PREPS:
        return direct
    args = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + pobjs(token, "of")
    if token.pos_ in ("NOUN", "PROPN"):
        args += pobjs(token, "for")  # "a deal for 96 helicopters from Boeing"
    out: list[Token] = []
    for _ in range(2):  # "most of its weapons from X": through one more "of"
        nxt = []
        for arg in args:
            if idx.resolve(arg) is not None and not idx.is_item(arg):
                continue  # the argument is itself an actor ("sent Russia ..."): its preps are its own
            out.extend(pobjs(arg, *words))
            nxt.extend(pobjs(arg, "of"))
        if out:
            return out
        args = nxt
    return out


def _prep(word: str) -> Slot:
    return lambda t, idx: _refs(idx, arg_pobjs(t, idx, word))


def _dep(*deps: str) -> Slot:
    return lambda t, idx: _refs(idx, children(t, *deps))


def _actor_dobj(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A direct object that is itself an actor ("provide Russia with drones", "sent Russia the tanks")."""
    objs = [c for c in t.children if c.dep_ == "dobj" and not idx.is_item(c)]
    generic = idx.cues["generic_heads"]
    return [r for o in objs for r in idx.resolve_all(o)
            if r.via != "modifier" or o.lemma_.lower() in generic or o.pos_ == "PROPN"]


def _obj_with(t: Token, idx: ActorIndex) -> list[ActorRef]:
    if pobjs(t, "with"):
        return _actor_dobj(t, idx)
    return []


def _amod(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A demonym or country modifier of a noun trigger ("Iranian deliveries", "US sanctions")."""
    return _refs(idx, [c for c in t.children if c.dep_ in ("amod", "nmod")])


def _compound_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    return _refs(idx, [c for c in t.children if c.dep_ == "compound" and idx.span_ref(c) is not None])


def _gov_dobj_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    gov = governor(t)
    if gov is None:
        return []
    return _refs(idx, [c for c in gov.children if c.dep_ in ("dobj", "dative") and c != t and not idx.is_item(c)])


def _gov_dative(t: Token, idx: ActorIndex) -> list[ActorRef]:
    gov = governor(t)
    return _refs(idx, children(gov, "dative")) if gov is not None else []


def _nsubjpass_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    return _refs(idx, [c for c in t.children if c.dep_ == "nsubjpass" and not idx.is_item(c)])


def _gov_subj_if_give(t: Token, idx: ActorIndex) -> list[ActorRef]:
    gov = governor(t)
    if gov is not None and gov.lemma_.lower() in ("make", "conduct", "carry", "complete", "ramp", "increase",
                                                  "step", "send", "resume", "continue", "begin", "start",
                                                  "expand", "boost", "accelerate", "speed"):
        return _refs(idx, [s for s in [subject_of(gov)] if s is not None])
    return []


def _head_amod(t: Token, idx: ActorIndex) -> list[ActorRef]:
    head = t.head
    return _refs(idx, [c for c in head.children if c.dep_ in ("amod", "compound", "poss")])


def _head_origin(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"rifles coming from Serbia that were bound for ...": the origin named beside the destination."""
    head = t.head if t.dep_ in ("acl", "amod", "relcl") else t
    for c in head.children:
        if c.dep_ in ("acl", "relcl", "conj") and c.pos_ == "VERB" and c.lemma_.lower() in (
                "originate", "come", "ship", "send", "make"):
            refs = _refs(idx, pobjs(c, "in", "from"))
            if refs:
                return refs
    return []


def _item_phrases(t: Token) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")] + (
        [t.head] if t.dep_ in ("acl", "relcl", "amod") else [])


def _item_origin(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The origin of the item ("received North Korean weapons") when no supplier is named at all."""
    out: list[ActorRef] = []
    for phrase in _item_phrases(t):
        for tok in phrase.subtree:
            if idx.is_item(tok) or tok.lemma_.lower() in ("weapon", "arm", "shipment", "batch", "consignment"):
                for mod in tok.children:
                    if mod.dep_ in ("amod", "compound", "poss", "nmod") and idx.span_ref(mod) is not None:
                        out.append(idx.span_ref(mod))
                # "Iranian-made drones": the maker adjective hangs off "made"
                for mod in tok.children:
                    if mod.dep_ == "amod" and mod.lemma_.lower() in ("make", "produce", "build", "manufacture"):
                        out.extend(r for g in mod.children if (r := idx.span_ref(g)) is not None)
        if out:
            return out[:1]
    return out


def _item_acl_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"The radar bought from Sweden was shipped to Chile": the seller in the item's participle."""
    for phrase in _item_phrases(t):
        for acl in phrase.children:
            if acl.dep_ in ("acl", "relcl") and acl.pos_ == "VERB":
                refs = _refs(idx, pobjs(acl, "from"))
                if refs:
                    return refs
    return []


def _item_user(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"the delivery of UAVs used by Russia": the user named on the delivered item is its recipient."""
    for obj in pobjs(t, "of"):
        for acl in obj.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in ("use", "operate", "deploy", "employ"):
                refs = _refs(idx, pobjs(acl, "by"))
                if refs:
                    return refs
    return []


def _nsubj_target(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"sanctions are squeezing its economy", "curbs that stop it from buying": the measure's object."""
    targets: list[Token] = []
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB":
        targets += children(t.head, "dobj")
    for rel in children(t, "relcl"):
        targets += children(rel, "dobj")
    return _refs(idx, targets)


def hyphen_pair(t: Token, idx: ActorIndex) -> tuple[ActorRef, ActorRef] | None:
    """"Iran-Russia missile transfers", "the Russia-India S-400 deal": two actors joined by a bare hyphen in the
    noun's modifiers name the two ends, supplier first."""
    mods = [m for m in t.subtree if m.i < t.i and m.dep_ in ("compound", "nmod", "amod", "punct")]
    for m in mods:
        if m.text != "-" or m.whitespace_ or m.i == 0 or m.doc[m.i - 1].whitespace_:
            continue
        left, right = idx.by_token.get(m.i - 1), idx.by_token.get(m.i + 1)
        if left is not None and right is not None and left.label_ != right.label_:
            return idx.span_ref(m.doc[m.i - 1]), idx.span_ref(m.doc[m.i + 1])
    return None


def _measure_targets(t: Token) -> list[Token]:
    """The phrase a sanction falls on: "on/against X" on the noun or its verb, or the object of "sanction X"."""
    if t.pos_ == "VERB":
        return children(t, "dobj", "nsubjpass")
    gov = governor(t)
    return pobjs(t, "on", "against") + (pobjs(gov, "on", "against") if gov is not None else [])


def _target_party(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"sanctions on firms supplying Iranian drones to Russia", "sanctioned companies that shipped North Korean
    shells": a measure on unnamed parties falls on the state whose supplies they handle — the first actor in the
    target phrase that is not a destination ("to/into X")."""
    for target in _measure_targets(t):
        if idx.resolve_all(target):
            continue  # a named target is the recipient slots' business
        for tok in target.subtree:
            ref = idx.span_ref(tok)
            if ref is None or tok == target:
                continue
            path = [tok, *[a for a in tok.ancestors if target.is_ancestor(a)]]
            if any(a.dep_ == "pobj" and a.head.lower_ in ("to", "into", "for") for a in path):
                continue
            return [ref]
    return []


def _item_holder(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"Ukraine struck a post with UK-supplied missiles": a supplied-participle's item is held by the subject of the
    clause that uses it, never by an actor named elsewhere in that clause (the target)."""
    if t.dep_ not in ("amod", "acl") or t.tag_ != "VBN":
        return []
    node = t.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            subj = subject_of(node)
            return _refs(idx, [subj]) if subj is not None else []
        if node.head == node:
            return []
        node = node.head
    return []


def _default(actor: str) -> Slot:
    return lambda t, idx: [ActorRef(actor, "state", t.i, t.i + 1, "default")]


FIXED: dict[str, Slot] = {
    "nsubj": _nsubj,
    "nsubjpass": _dep("nsubjpass"),
    "agent": lambda t, idx: _refs(idx, arg_pobjs(t, idx, "by")),
    "dobj": _dep("dobj"),
    "dative": lambda t, idx: _refs(idx, [c for c in t.children if c.dep_ == "dative" and c.pos_ != "ADP"]),
    "poss": _dep("poss"),
    "amod": _amod,
    "compound_actor": _compound_actor,
    "gov_subj": _gov_subj,
    "gov_subj_if_impose": lambda t, idx: _gov_subj(t, idx) if (governor(t) is not None and governor(
        t).lemma_.lower() in IMPOSE_VERBS) else [],
    "gov_dobj_actor": _gov_dobj_actor,
    "gov_dative": _gov_dative,
    "dobj_actor": _actor_dobj,
    "obj_with": _obj_with,
    "nsubjpass_actor": _nsubjpass_actor,
    "gov_subj_if_give": _gov_subj_if_give,
    "head_amod": _head_amod,
    "head_origin": _head_origin,
    "nsubj_target": _nsubj_target,
    "item_origin": _item_origin,
    "hyphen_actor": lambda t, idx: _refs(idx, [c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")
                                               and c.i < t.i and idx.span_ref(c) is not None]),
    "of_from": lambda t, idx: [r for o in pobjs(t, "of") for r in _refs(idx, pobjs(o, "from"))],
    "gov_subj_if_sign": lambda t, idx: _gov_subj(t, idx) if (governor(t) is not None and governor(
        t).lemma_.lower() in SIGN_VERBS) else [],
    "gov_subj_if_take": lambda t, idx: _gov_subj(t, idx) if (governor(t) is not None and governor(
        t).lemma_.lower() in ("take", "accept", "receive", "await", "expect", "get")) else [],
    "item_user": _item_user,
    # "customers for Russian arms", "buyers of Turkish drones": the item's origin, named on the object noun
    "pobj_origin": lambda t, idx: _refs(idx, [m for o in pobjs(t, "for", "of") for m in o.children
                                             if m.dep_ in ("amod", "compound", "poss") and idx.span_ref(m)
                                             is not None]),
    # "Seoul resisted Ukrainian requests", "Berlin granted the request": who answers a request was asked
    "gov_subj_if_answer": lambda t, idx: _gov_subj(t, idx) if (governor(t) is not None and governor(
        t).lemma_.lower() in ANSWER_VERBS) else [],
    # "Greece sent a battery at the request of Riyadh": the subject of the verb the "at" phrase modifies is asked
    "gov_subj_if_at": lambda t, idx: _gov_subj(t, idx) if t.dep_ == "pobj" and t.head.lower_ in (
        "at", "after", "following", "upon", "on") else [],
    # "Kyiv made a request for jets": the maker of the request is the requester, not "X rejected the request"
    "gov_subj_if_make": lambda t, idx: _gov_subj(t, idx) if (governor(t) is not None and governor(
        t).lemma_.lower() in ("make", "submit", "send", "file", "issue", "renew", "repeat", "lodge", "put")) else [],
    "item_holder": _item_holder,
    "target_party": _target_party,
    "hyphen_first": lambda t, idx: [p[0]] if (p := hyphen_pair(t, idx)) else [],
    "hyphen_second": lambda t, idx: [p[1]] if (p := hyphen_pair(t, idx)) else [],
    "involved_party": lambda t, idx: _refs(idx, [a.head for a in [t.head.head] if t.dep_ == "pobj" and a.dep_ in (
        "acl", "amod", "relcl") and a.lemma_.lower() in ("involve", "engage", "implicate", "participate")]),
    "item_acl_from": _item_acl_from,
    "obj_supply_to": lambda t, idx: [r for c in children(t, "dobj") for r in _refs(idx, pobjs(c, "to"))],
    "nsubj_prep:from": lambda t, idx: [r for s in children(t, "nsubj") for r in _refs(idx, pobjs(s, "from"))],
}


def slot_function(name: str) -> Slot:
    if name in FIXED:
        return FIXED[name]
    if name.startswith("gov_prep:"):
        return _gov_prep(name.split(":", 1)[1])
    if name.startswith("prep:"):
        return _prep(name.split(":", 1)[1])
    if name.startswith("default:"):
        return _default(name.split(":", 1)[1])
    raise KeyError(name)


# Slots whose filler, when present but naming no actor, means the endpoint is an unidentified party.
BLOCKING_SLOTS = {"nsubj": "nsubj", "dobj_actor": "dobj", "prep:to": "to", "prep:from": "from", "agent": "by"}


def unidentified(trigger: Token, slots: tuple[str, ...], idx: ActorIndex) -> Token | None:
    """The noun phrase in the role's first slot (or its subject slot) when it names no actor ("its partners")."""
    subjects = [s for s in slots if s in ("nsubj", "gov_subj")]
    slot = slots[0] if slots and slots[0] in BLOCKING_SLOTS else (subjects[0] if subjects else None)
    if slot is None:
        return None
    if slot == "gov_subj":
        gov = governor(trigger)
        cands = [subject_of(gov)] if gov is not None else []
    elif slot == "nsubj":
        cands = [subject_of(trigger)] if trigger.pos_ in ("VERB", "AUX", "ADJ") else []
    elif slot == "dobj_actor":
        cands = [c for c in trigger.children if c.dep_ == "dobj" and not idx.is_item(c)]
    else:
        cands = pobjs(trigger, BLOCKING_SLOTS[slot])
    for tok in cands:
        if tok is None or tok.pos_ in ("PRON", "NUM") or tok.lower_ in ("which", "that", "who"):
            continue
        if tok.pos_ in ("NOUN", "PROPN") and not idx.resolve_all(tok) and (
                not idx.is_item(tok) or tok.pos_ == "PROPN"):  # "Nordic Munitions" is a company, not an item
            return tok
    return None


def fill(trigger: Token, slots: tuple[str, ...], idx: ActorIndex) -> tuple[list[ActorRef], str | None]:
    """The actors of the first slot that yields any, and that slot's name."""
    for name in slots:
        refs = slot_function(name)(trigger, idx)
        if refs:
            return refs, name
    return [], None
