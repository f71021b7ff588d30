"""Argument slots: where, relative to a trigger in the dependency parse, the supplier/recipient/actors sit.

Each slot is a function (trigger, actor index) -> actors, named in the frames of data/triggers.yaml (`FIXED`, plus
the prefixed `prep:X`, `gov_prep:X` and `default:ID`); the word lists they consult are in data/slots.yaml.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from armswatch.extraction.actors import ActorIndex, ActorRef
from armswatch.extraction.vocab import table, words

# Shipment nouns and claim objects are the engine's (frame conditions `object_must_be_supply`/`_claim`) and the
# imposing verbs are also read by the passage stage: these names stay importable from here for them.
SUPPLY_LEMMAS = words("supply_nouns")
CLAIM_NOUNS = words("denied_claim_objects")
IMPOSE_VERBS = words("impose_verbs")


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


def pobjs(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions `preps` attached to token (also as a dative or an agent: "to X", "by X")."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
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


# Dependencies of a verb whose missing subject is its controller's ("wants to send", "accused of arming").
CONTROLLED_DEPS = ("xcomp", "advcl", "pcomp", "conj", "prep", "acl")


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb; for a controlled verb (xcomp, pcomp, advcl) the subject of its controller."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        c = subjects[-1]  # the nearest: "SEOUL, South Korea — North Korea has shipped" parses two subjects
        if c.lower_ in words("relative_pronouns") and verb.dep_ == "relcl":
            return verb.head  # "the treaty, which bans ...": the relative's antecedent
        return c
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        # "Kigali was accused of supplying", "Iran was asked to send": a passive controller's subject controls
        return passive_subjects[-1] if depth > 0 else None
    if depth < 3 and verb.dep_ in CONTROLLED_DEPS and verb.head != verb:
        return _controller_subject(verb, depth)
    return None


def _controller_subject(verb: Token, depth: int) -> Token | None:
    """The subject of a controlled verb with none of its own: its gerund's object-controller, the first conjunct's
    subject, the owner of a noun it complements, or (up the chain) the controlling verb's subject."""
    head = verb.head
    if verb.dep_ == "pcomp":
        head, obj = _gerund_controller(verb)
        if obj is not None:
            return obj
    if verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.head.children):
        return next(c for c in verb.head.children if c.dep_ == "nsubj")
    if head.pos_ in ("NOUN", "PROPN"):
        return _noun_controller(verb, head)
    return subject_of(head, depth + 1)


def _gerund_controller(gerund: Token) -> tuple[Token, Token | None]:
    """"sanctioned two firms for supplying", "accused Iran of arming", "was accused by UN experts of supplying":
    the verb a gerund's preposition hangs on and, after an object-control preposition, that verb's object (who
    does the gerund)."""
    head = gerund.head.head
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        head = head.head.head  # "was accused by UN experts of supplying": the gerund is the verb's
    if gerund.head.lower_ in words("object_control_preps") and head.pos_ in ("VERB", "AUX"):
        objs = children(head, "dobj")
        if objs:
            return head, objs[0]
    return head, None


def _noun_controller(verb: Token, noun: Token) -> Token | None:
    """"Iran's efforts to arm", "Iranian efforts to arm": the noun's owner controls the infinitive; "entities in X
    and Y accused of shipping ...": a participle's noun is its subject."""
    if noun.lemma_.lower() in words("progress_nouns") and noun.dep_ == "pobj" and \
            noun.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head.head)  # "X is in the process of transferring jets": X transfers
    mods = children(noun, "poss") or children(noun, "amod", "compound")
    if not mods and verb.dep_ == "acl" and not any(c.lower_ == "to" for c in verb.children):
        return noun
    if not mods and noun.dep_ == "dobj" and noun.head.lemma_.lower() in words("sign_verbs"):
        return subject_of(noun.head)  # "it will sign an agreement to purchase tanks": the signer acts
    return mods[0] if mods else None


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
    """The subject of the verb a noun trigger hangs from ("Iran made deliveries"), or of the copula of an
    adjective trigger ("Iran is willing ...")."""
    gov = governor(t)
    if gov is None:
        if t.dep_ in ("acomp",) and t.head.pos_ in ("AUX", "VERB"):
            gov = t.head
        else:
            return []
    subj = subject_of(gov)
    return _refs(idx, [subj]) if subj is not None else []


def _gov_prep(word: str) -> Slot:
    """The object of preposition `word` on the verb a noun trigger hangs from ("made deliveries to Russia"); never
    the trigger itself ("companies linked to the transfers")."""
    def slot(t: Token, idx: ActorIndex) -> list[ActorRef]:
        gov = governor(t)
        return _refs(idx, [p for p in pobjs(gov, word) if p != t]) if gov is not None else []
    return slot


def arg_pobjs(token: Token, idx: ActorIndex, *preps: str) -> list[Token]:
    """Objects of `preps` on the trigger, else on its item phrase ("imported weapons from X", "provision of tanks by
    X to Y"): the parser often hangs a verb's or noun's prepositions on its object. Only the endpoint prepositions
    (`arg_preps`) are looked for there ("for" is not: "support for peace")."""
    direct = pobjs(token, *preps)
    if direct or not set(preps) & words("arg_preps"):
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
            out.extend(pobjs(arg, *preps))
            nxt.extend(pobjs(arg, "of"))
        if out:
            return out
        args = nxt
    return out


def _prep(word: str) -> Slot:
    """The object of preposition `word` on the trigger or its item phrase (see `arg_pobjs`)."""
    return lambda t, idx: _refs(idx, arg_pobjs(t, idx, word))


def _dep(*deps: str) -> Slot:
    return lambda t, idx: _refs(idx, children(t, *deps))


def _gov_subj_if(verbs: str) -> Slot:
    """The subject of the verb governing a noun trigger, when that verb is in the word list `verbs`: "X imposed
    sanctions" (impose_verbs), "X signed a deal" (sign_verbs), "X made deliveries" (conducting_governors)."""
    def slot(t: Token, idx: ActorIndex) -> list[ActorRef]:
        gov = governor(t)
        return _gov_subj(t, idx) if gov is not None and gov.lemma_.lower() in words(verbs) else []
    return slot


def framework_verb(t: Token) -> Token | None:
    """The verb a deal noun is the framework of: "assembling jets for Myanmar under a contract"."""
    if t.dep_ == "pobj" and t.head.lower_ == "under" and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head
    return None


def _under_deal_party(buyer: bool) -> Slot:
    """A party of the deal under which something is done: the doer and the one it is done for or to ("France is
    building jets for India under a deal": France sells, India buys), the other way round where the doer is
    the buyer ("Poland received the tanks from Korea under a 2022 contract")."""
    def slot(t: Token, idx: ActorIndex) -> list[ActorRef]:
        gov = framework_verb(t)
        if gov is None:
            return []
        doer_buys = gov.lemma_.lower() in words("buyer_subject_verbs")
        if buyer == doer_buys:
            subj = subject_of(gov)
            return _refs(idx, [subj]) if subj is not None else []
        preps = words("deal_seller_preps" if doer_buys else "deal_buyer_preps")
        objs = pobjs(gov, *preps) + [p for d in children(gov, "dobj") for p in pobjs(d, *preps)]
        return _refs(idx, objs)
    return slot


def _agent(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The "by X" agent of a passive trigger or of its item phrase ("drones sent by Iran", "sale of jets by X")."""
    return _refs(idx, arg_pobjs(t, idx, "by"))


def _dative(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A dative that is not a preposition: "sent Ukraine tanks" (not the "to" of "sent tanks to Ukraine"), also
    where the parser made the name a compound of the item ("provided Ukraine Bayraktars")."""
    datives = [c for c in t.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    datives += [m for c in t.children if c.dep_ == "dobj" and idx.is_item(c) for m in c.children
                if m.dep_ == "compound" and _name_right_after_verb(m, idx)]
    return _refs(idx, datives)


def _name_right_after_verb(tok: Token, idx: ActorIndex) -> bool:
    """An actor's name that starts right after a verb: "provided Ukraine Bayraktars" (a dative, whatever the parse
    says), not "provided Turkish drones"."""
    ref = idx.span_ref(tok)
    return ref is not None and ref.start > 0 and tok.doc[ref.start - 1].pos_ == "VERB" and \
        tok.doc[ref.start].pos_ == "PROPN"


def _actor_dobj(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A direct object that is itself an actor ("provide Russia with drones", "sent Russia the tanks")."""
    objs = [c for c in t.children if c.dep_ == "dobj" and not idx.is_item(c)]
    generic = words("generic_heads")
    return [r for o in objs for r in idx.resolve_all(o)
            if r.via != "modifier" or o.lemma_.lower() in generic or o.pos_ == "PROPN"]


def _obj_with(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"provided Russia with drones", "supplied Kyiv with shells": the object actor, when a "with" holds the item."""
    if pobjs(t, "with"):
        return _actor_dobj(t, idx)
    return []


def _amod(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A demonym or country modifier of a noun trigger ("Iranian deliveries", "US sanctions")."""
    return _refs(idx, [c for c in t.children if c.dep_ in ("amod", "nmod")])


def _compound_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A named actor compounded with a noun trigger ("Pentagon sales", "Kremlin deliveries")."""
    return _refs(idx, [c for c in t.children if c.dep_ == "compound" and idx.span_ref(c) is not None])


def _gov_dobj_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """An actor object of the verb governing a noun trigger ("gave Ukraine a batch of shells")."""
    gov = governor(t)
    if gov is None:
        return []
    return _refs(idx, [c for c in gov.children if c.dep_ in ("dobj", "dative") and c != t and not idx.is_item(c)])


def _gov_dative(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The dative of the verb governing a noun trigger ("granted Kyiv the request")."""
    gov = governor(t)
    return _refs(idx, children(gov, "dative")) if gov is not None else []


def _nsubjpass_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A passive subject that is an actor, not an item ("Ukraine was supplied with shells")."""
    return _refs(idx, [c for c in t.children if c.dep_ == "nsubjpass" and not idx.is_item(c)])


def _head_amod(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A modifier of the noun an adjectival or participle trigger hangs on ("Russian-supplied Iranian drones")."""
    head = t.head
    return _refs(idx, [c for c in head.children if c.dep_ in ("amod", "compound", "poss")])


def _head_origin(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"rifles coming from Serbia that were bound for ...": the origin named beside the destination."""
    head = t.head if t.dep_ in ("acl", "amod", "relcl") else t
    for c in head.children:
        if c.dep_ in ("acl", "relcl", "conj") and c.pos_ == "VERB" and c.lemma_.lower() in words("origin_verbs"):
            refs = _refs(idx, pobjs(c, *words("origin_preps")))
            if refs:
                return refs
    return []


def _item_phrases(t: Token) -> list[Token]:
    """Where a trigger's item is: its object or passive subject, the noun a participle trigger modifies, or the
    "of" object of a noun trigger ("the delivery of North Korean shells")."""
    if t.pos_ in ("NOUN", "PROPN"):
        return pobjs(t, "of")
    return [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")] + (
        [t.head] if t.dep_ in ("acl", "relcl", "amod") else [])


def _origin_modifiers(tok: Token, idx: ActorIndex) -> list[ActorRef]:
    """The actors modifying an item noun ("North Korean shells"), and the maker of "Iranian-made drones" (the
    maker adjective hangs off "made")."""
    out = [idx.span_ref(m) for m in tok.children
           if m.dep_ in ("amod", "compound", "poss", "nmod") and idx.span_ref(m) is not None
           and not (m.dep_ == "compound" and _name_right_after_verb(m, idx))]
    makers = words("maker_verbs")
    out.extend(r for m in tok.children if m.dep_ == "amod" and m.lemma_.lower() in makers
               for g in m.children if (r := idx.span_ref(g)) is not None)
    # "submarines made by France's Naval Group", "drones built in Iran": the maker in the item's participle
    out.extend(r for m in tok.children if m.dep_ == "acl" and m.lemma_.lower() in makers
               for r in _refs(idx, pobjs(m, *words("maker_preps"))))
    return out


def _item_origin(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The origin of the item ("received North Korean weapons") when no supplier is named at all."""
    out: list[ActorRef] = []
    nouns = words("origin_bearing_nouns")
    for phrase in _item_phrases(t):
        for tok in phrase.subtree:
            if idx.is_item(tok) or tok.lemma_.lower() in nouns:
                out.extend(_origin_modifiers(tok, idx))
        if out:
            return out[:1]
    return out


def _previous_purchase_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"The purchase of six drones from Turkey became known in 2019. Ukraine received ...": the seller named by the
    "with/from X" of a deal the trigger falls under ("signed a deal with France to buy jets"), else by a purchase
    word's "from X" earlier in the trigger's sentence or in the sentence before."""
    above = list(t.ancestors)[:2]  # "inked a deal with France to buy", "is in talks with Pakistan to buy"
    near = [d for a in above for d in (a, *children(a, "dobj"), *[g for p in children(a, "prep") for g in
                                                               children(p, "pobj")])]
    deals = [d for d in near if d.lemma_.lower() in words("seller_naming_deals")]
    for deal in deals:
        refs = _refs(idx, pobjs(deal, "with", "from"))  # "inked a deal with France to buy 36 jets"
        if refs:
            return refs
    sent = t.sent
    start = sent.start if sent.start == 0 else t.doc[sent.start - 1].sent.start
    purchase = words("purchase_words")
    for tok in reversed(t.doc[start:t.i]):
        if tok.lemma_.lower() in purchase:
            refs = _refs(idx, arg_pobjs(tok, idx, "from"))
            if refs:
                return refs
    return []


def _item_phrase_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"obtaining most of the microchips for its drones from China": a "from X" anywhere in the item phrase."""
    return _refs(idx, [o for n in _used_items(t) for o in pobjs(n, "from")])


def _framework_party(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"received shells under the Czech-led initiative", "delivered under a US programme": the state named on
    the framework a supply falls under (its modifier, or the actor that "leads" it)."""
    frameworks = words("framework_nouns")
    for holder in [t, *_used_items(t)]:
        for noun in pobjs(holder, *words("framework_preps")):
            if noun.lemma_.lower() not in frameworks:
                continue
            mods = [m for m in noun.children if m.dep_ in ("amod", "compound", "nmod", "poss")]
            mods += [g for m in mods if m.lemma_.lower() in words("leading_verbs") for g in m.children]
            refs = [r for m in mods if (r := idx.span_ref(m)) is not None]
            if refs:
                return refs[:1]
    return []


def _item_acl_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"The radar bought from Sweden was shipped to Chile": the seller in the item's participle."""
    for phrase in _item_phrases(t):
        for acl in phrase.children:
            if acl.dep_ in ("acl", "relcl") and acl.pos_ == "VERB":
                refs = _refs(idx, pobjs(acl, "from"))
                if refs:
                    return refs
    return []


def _used_items(t: Token) -> list[Token]:
    """The nouns of a trigger's item phrase a user may be named on: its object or "of"/"for" object, and through
    up to two more of/for/in phrases ("components for the production of drones", "parts for drones")."""
    preps = words("item_use_preps")
    nouns = children(t, "dobj", "nsubjpass") + pobjs(t, "of", "for") + ([t.head] if t.dep_ == "acl" else [])
    out = list(nouns)
    for _ in range(2):
        nouns = [o for n in nouns for o in pobjs(n, *preps)]
        out.extend(nouns)
    return out


def _user_of(noun: Token, idx: ActorIndex) -> list[ActorRef]:
    """"drones used by Russia" (a participle's agent), "drones that Russia uses" (a relative clause's subject)."""
    users = words("item_user_verbs")
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in users:
            continue
        refs = _refs(idx, pobjs(clause, "by") + [c for c in clause.children if c.dep_ == "nsubj"])
        if refs:
            return refs
    return []


def _item_user(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"the delivery of UAVs used by Russia", "supplied components for drones that Russia uses": the user named
    on the delivered item is its recipient."""
    for noun in _used_items(t):
        refs = _user_of(noun, idx)
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


def _hyphen_first(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The first actor of a hyphenated pair ("Iran" in "Iran-Russia missile transfers")."""
    pair = hyphen_pair(t, idx)
    return [pair[0]] if pair else []


def _hyphen_second(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The second actor of a hyphenated pair ("Russia" in "Iran-Russia missile transfers")."""
    pair = hyphen_pair(t, idx)
    return [pair[1]] if pair else []


def _hyphen_actor(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """A named actor before a noun trigger in a hyphenated or compound modifier ("US-led sanctions")."""
    return _refs(idx, [c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")
                       and c.i < t.i and idx.span_ref(c) is not None])


def _measure_targets(t: Token) -> list[Token]:
    """The phrase a sanction falls on: "on/against X" on the noun or its verb, or the object of "sanction X"."""
    if t.pos_ == "VERB":
        return children(t, "dobj", "nsubjpass")
    gov = governor(t)
    preps = words("measure_target_preps")
    return pobjs(t, *preps) + (pobjs(gov, *preps) if gov is not None else [])


def _target_party(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"sanctions on firms supplying Iranian drones to Russia", "sanctioned companies that shipped North Korean
    shells": a measure on unnamed parties falls on the state whose supplies they handle — the first actor in the
    target phrase that is not a destination ("to/into X")."""
    destination = words("destination_preps")
    for target in _measure_targets(t):
        if idx.resolve_all(target):
            continue  # a named target is the recipient slots' business
        for tok in target.subtree:
            ref = idx.span_ref(tok)
            if ref is None or tok == target:
                continue
            path = [tok, *[a for a in tok.ancestors if target.is_ancestor(a)]]
            if any(a.dep_ == "pobj" and a.head.lower_ in destination for a in path):
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


def _of_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"the delivery of drones from Iran": the "from" of the trigger's "of" object."""
    return [r for o in pobjs(t, "of") for r in _refs(idx, pobjs(o, "from"))]


def _pobj_origin(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"customers for Russian arms", "buyers of Turkish drones": the item's origin, named on the object noun."""
    return _refs(idx, [m for o in pobjs(t, *words("customer_preps")) for m in o.children
                       if m.dep_ in ("amod", "compound", "poss") and idx.span_ref(m) is not None])


def _gov_subj_at_request(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"Greece sent a battery at the request of Riyadh", "after a request from Kyiv, Berlin sent ...": the subject
    of the verb the occasion phrase modifies is the party asked."""
    if t.dep_ == "pobj" and t.head.lower_ in words("request_occasion_preps"):
        return _gov_subj(t, idx)
    return []


def _reason_targets(reason: Token) -> list[Token]:
    """The phrases a measure falls on, seen from its reason phrase ("over/for ..."): the reason hangs on the
    target itself ("sanctions on four entities over ..."), on the measure noun ("sanctions on X over ...") or on
    the measure verb ("sanctioned X for ...", "imposed sanctions on X over ...")."""
    head = reason.head
    measures = words("accusing_measures") | words("reason_bearing_verbs") | words("measure_nouns")
    target_preps = words("measure_target_preps")
    if head.dep_ == "pobj" and head.head.lower_ in target_preps and head.head.head.lemma_.lower() in measures:
        return [head]
    if head.lemma_.lower() not in measures:
        return []
    holders = [head] + [c for c in head.children if c.dep_ == "dobj"]
    targets = [g for h in holders for g in pobjs(h, *target_preps)]
    if head.pos_ == "VERB":
        targets += [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() not in measures]
    return targets


def _measure_reason_target(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"sanctions on four Iranian entities over the supply of drones to Russia", "blacklisted two Chinese firms
    for the sale of engines": a supply noun that is the reason of a measure is the measure's target's doing."""
    if t.dep_ != "pobj" or t.head.lower_ not in words("measure_reason_preps"):
        return []
    for target in _reason_targets(t.head):
        refs = idx.resolve_all(target)
        if refs:
            return refs
    return []


def _involved_party(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"companies involved in supplying drones", "firms engaged in the transfer": the noun the involvement
    participle modifies is a party."""
    if t.dep_ != "pobj":
        return []
    part = t.head.head
    if part.dep_ in ("acl", "amod", "relcl") and part.lemma_.lower() in words("involvement_verbs"):
        return _refs(idx, [part.head])
    return []


def _obj_supply_to(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"continue its supply to Russia": the "to" on the trigger's object."""
    return [r for c in children(t, "dobj") for r in _refs(idx, pobjs(c, "to"))]


def _subject_phrase(t: Token) -> list[Token]:
    """The subject of an arrival verb and, through a quantity ("60% of", "most of"), the noun it measures."""
    subjects = children(t, "nsubj")
    return subjects + [o for s in subjects for o in pobjs(s, "of")]


def _nsubj_owner(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"60% of Azerbaijan's arms procurement comes from Israel", "most of India's weapons come from Russia": the
    owner of the arriving stock or purchases receives it."""
    nouns = words("owned_supply_nouns")
    for noun in _subject_phrase(t):
        if noun.lemma_.lower() in nouns or idx.is_item(noun):
            refs = _refs(idx, children(noun, "poss"))
            if refs:
                return refs
    return []


def _nsubj_from(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"drones from Iran arrived", "shells from North Korea reached the front": the "from" on the subject."""
    return [r for s in children(t, "nsubj") for r in _refs(idx, pobjs(s, "from"))]


def _is_seller(tok: Token, idx: ActorIndex) -> bool:
    """A party that sells by trade: a named company ("Baykar", "Hyundai Rotem") or a phrase headed by a maker noun
    ("two South Korean firms", "the Turkish manufacturer")."""
    if tok.lemma_.lower() in words("seller_heads"):
        return True
    ref = idx.resolve(tok)
    return ref is not None and ref.kind == "company"


def _signer_partners(t: Token) -> list[Token]:
    """The counterparty of a deal noun: "with X" on the noun or on the verb that signs it."""
    gov = governor(t)
    return pobjs(t, "with") + (pobjs(gov, "with") if gov is not None else [])


def _seller_signer(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"Lockheed Martin signed a contract with Poland", "two Korean firms agreed a deal with Warsaw": a signer that
    is a maker, dealing with a party that is none, sells (the default reading makes the signer the buyer)."""
    gov = governor(t)
    if gov is None or gov.lemma_.lower() not in words("sign_verbs"):
        return []
    subj = subject_of(gov)
    partners = _signer_partners(t)
    if subj is None or not partners or not _is_seller(subj, idx) or any(_is_seller(p, idx) for p in partners):
        return []
    return _refs(idx, [subj])


def _buyer_partner(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The "with X" of a deal whose signer sells (see `_seller_signer`): the buyer."""
    return _refs(idx, _signer_partners(t)) if _seller_signer(t, idx) else []


def _between_sides(noun: Token, idx: ActorIndex) -> tuple[list[Token], list[Token]]:
    """"a contract between Baykar and the Polish ministry", "a deal signed between X and Y": the sides named by
    "between" on the deal noun or its participle, split into (sellers, buyers) when exactly one side is a maker."""
    holders = [noun, *[c for c in noun.children if c.dep_ in ("acl", "relcl")]]
    sides = [s for h in holders for p in pobjs(h, "between") for s in (p, *p.conjuncts)]
    sellers = [s for s in sides if _is_seller(s, idx)]
    if len(sellers) != 1 or len(sides) < 2:
        return [], []
    return sellers, [s for s in sides if s not in sellers]


def _deal_holders(t: Token) -> list[Token]:
    """A deal noun, its participles ("an agreement signed between ...") and the verb that signs it."""
    gov = governor(t)
    signs = [gov] if gov is not None and gov.lemma_.lower() in words("sign_verbs") else []
    return [t, *[c for c in t.children if c.dep_ in ("acl", "relcl")], *signs]


def _acquirers(t: Token) -> list[Token]:
    """"a deal for the acquisition of 26 jets by the Indian Navy": who acquires, named in the deal's purpose."""
    if t.lemma_.lower() not in words("deal_nouns"):
        return []
    return [b for h in _deal_holders(t) for a in pobjs(h, "for") if a.lemma_.lower() in words("acquisition_nouns")
            for b in pobjs(a, "by")]


def _acquirer(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The buyer named in a deal's purpose ("signed a contract for the purchase of jets by the Egyptian air
    force")."""
    return _refs(idx, _acquirers(t))


def _purchase_by(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"the purchase of 30 jets by the Egyptian air force": the "by X" of a purchase noun is the buyer."""
    return _refs(idx, pobjs(t, "by")) if t.lemma_.lower() in words("acquisition_nouns") else []


def _acquirer_counterpart(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """"Egypt and France signed a contract for the purchase of jets by the Egyptian air force", "the agreement
    signed between India and France for the acquisition of jets by the Indian Navy": the signer that is not the
    acquirer sells."""
    buyers = {r.id for r in _acquirer(t, idx)}
    if not buyers:
        return []
    sides = [s for h in _deal_holders(t) for p in pobjs(h, "between") for s in (p, *p.conjuncts)]
    gov = governor(t)
    if gov is not None and gov.lemma_.lower() in words("sign_verbs") and (subj := subject_of(gov)) is not None:
        sides += [subj]
    sellers = {r.id: r for r in _refs(idx, sides) if r.id not in buyers}  # "India and France": each side once
    return list(sellers.values())


def _framing_deals(t: Token) -> list[Token]:
    """The deal nouns a trigger's event falls under: the trigger itself, or a deal in one of its prepositional
    phrases ("delivered under a contract ...", "shipped within the scope of an agreement ...")."""
    if t.lemma_.lower() in words("deal_nouns"):
        return [t]
    out: list[Token] = []
    for prep in (c for c in t.children if c.dep_ == "prep"):
        nouns = [g for g in prep.children if g.dep_ == "pobj"]
        nouns += [g for n in nouns for g in pobjs(n, "of")]
        out.extend(n for n in nouns if n.lemma_.lower() in words("deal_nouns"))
    return out


def _between_seller(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The maker side of "a contract between Baykar and the Polish ministry" (on the trigger or its framing deal)."""
    return _one_each(idx, [s for d in _framing_deals(t) for s in _between_sides(d, idx)[0]])


def _between_buyer(t: Token, idx: ActorIndex) -> list[ActorRef]:
    """The other side of "a contract between Baykar and the Polish ministry": the buyer."""
    return _one_each(idx, [s for d in _framing_deals(t) for s in _between_sides(d, idx)[1]])


def _one_each(idx: ActorIndex, tokens: list[Token]) -> list[ActorRef]:
    """The actor each token names by itself (a side of "between X and Y" without its conjoined other side)."""
    return [r for t in tokens if (r := idx.resolve(t)) is not None]


def _default(actor: str) -> Slot:
    """A fixed actor for the role when no slot before it fills it ("Two firms were sanctioned": by the US)."""
    return lambda t, idx: [ActorRef(actor, "state", t.i, t.i + 1, "default")]


FIXED: dict[str, Slot] = {
    "nsubj": _nsubj,
    "nsubjpass": _dep("nsubjpass"),
    "agent": _agent,
    "dobj": _dep("dobj"),
    "dative": _dative,
    "poss": _dep("poss"),
    "amod": _amod,
    "compound_actor": _compound_actor,
    "gov_subj": _gov_subj,
    "gov_subj_if_impose": _gov_subj_if("impose_verbs"),
    "gov_dobj_actor": _gov_dobj_actor,
    "gov_dative": _gov_dative,
    "dobj_actor": _actor_dobj,
    "obj_with": _obj_with,
    "nsubjpass_actor": _nsubjpass_actor,
    "gov_subj_if_give": _gov_subj_if("conducting_governors"),
    "head_amod": _head_amod,
    "head_origin": _head_origin,
    "nsubj_target": _nsubj_target,
    "item_origin": _item_origin,
    "hyphen_actor": _hyphen_actor,
    "of_from": _of_from,
    "gov_subj_if_sign": _gov_subj_if("sign_verbs"),
    "under_deal_seller": _under_deal_party(buyer=False),
    "under_deal_buyer": _under_deal_party(buyer=True),
    "gov_subj_if_take": _gov_subj_if("receiving_governors"),
    "item_user": _item_user,
    "pobj_origin": _pobj_origin,
    # "Seoul resisted Ukrainian requests", "Berlin granted the request": who answers a request was asked
    "gov_subj_if_answer": _gov_subj_if("answer_verbs"),
    "gov_subj_if_at": _gov_subj_at_request,
    # "Kyiv made a request for jets": the maker of the request is the requester, not "X rejected the request"
    "gov_subj_if_make": _gov_subj_if("request_making_verbs"),
    "item_holder": _item_holder,
    "target_party": _target_party,
    "hyphen_first": _hyphen_first,
    "hyphen_second": _hyphen_second,
    "involved_party": _involved_party,
    "measure_reason_target": _measure_reason_target,
    "item_acl_from": _item_acl_from,
    "framework_party": _framework_party,
    "item_phrase_from": _item_phrase_from,
    "previous_purchase_from": _previous_purchase_from,
    "obj_supply_to": _obj_supply_to,
    "nsubj_prep:from": _nsubj_from,
    "nsubj_owner": _nsubj_owner,
    "seller_signer": _seller_signer,
    "buyer_partner": _buyer_partner,
    "between_seller": _between_seller,
    "between_buyer": _between_buyer,
    "acquirer": _acquirer,
    "purchase_by": _purchase_by,
    "acquirer_counterpart": _acquirer_counterpart,
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


def unidentified(trigger: Token, slots: tuple[str, ...], idx: ActorIndex) -> Token | None:
    """The noun phrase in the role's first slot (or its subject slot) when it names no actor ("its partners")."""
    subjects = [s for s in slots if s in ("nsubj", "gov_subj")]
    slot = slots[0] if slots and slots[0] in table("blocking_slots") else (subjects[0] if subjects else None)
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
        cands = pobjs(trigger, table("blocking_slots")[slot])
    for tok in cands:
        if tok is None or tok.pos_ in ("PRON", "NUM") or tok.lower_ in words("relative_pronouns"):
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
