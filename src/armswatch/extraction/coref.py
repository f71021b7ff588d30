"""Passage-level resolution: an endpoint the sentence leaves out is taken from earlier mentions or nearby actors."""
from __future__ import annotations

from spacy.tokens import Span, Token

from armswatch.extraction import vocab
from armswatch.extraction.actors import ActorIndex, ActorRef

# Positions an actor may hold to be an unstated endpoint: participants, not places or opponents
# ("the war in Ukraine", "strikes against Ukraine" name no party to a supply).
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "poss", "appos", "conj", "ROOT", "attr"}


def is_participant(token: Token, idx: ActorIndex) -> bool:
    """Whether the actor phrase containing token stands in a participant position."""
    head = token
    while head.dep_ in ("compound", "amod", "flat", "nmod") and head.head != head:
        if idx.is_item(head.head):
            return False  # "Iranian-made drones": an origin
        head = head.head
    if head is not token and any(c.lemma_.lower() in vocab.words("membership_words") for c in head.children):
        return False  # "U.N. member states", "NATO member countries": its members, not the organisation
    listed = first_conjunct(head)
    if listed.pos_ in ("VERB", "AUX") and listed is not head:
        return False  # a name parsed as a conjunct of a verb ("give missiles to X, Y, and Z (...)"): no position
    if not owners_list(listed):
        head = listed
    if head.lemma_.lower() in vocab.words("stock_nouns"):
        return True  # "the US arsenal", "German air force stocks": the owner of the stock supplies from it
    if belligerent(head):
        return False
    if head.dep_ == "poss":
        return not idx.is_item(head.head)
    if head.dep_ == "pobj":
        prep = head.head.lower_
        return prep in vocab.words("participant_preps") or (
            prep in vocab.words("gerund_subject_preps") and _gerund_beside(head))
    return head.dep_ in PARTICIPANT_DEPS


def belligerent(head: Token) -> bool:
    """Whether an actor phrase (its head) names a side of hostilities, not a party to a supply: the object of the
    hostility noun's preposition ("the war with Ukraine"), or the noun's owner or modifier when the noun only
    dates the sentence ("after Russia's invasion", "amid the Russian offensive")."""
    hostilities = vocab.words("hostility_nouns")
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head.head.lemma_.lower() in hostilities
    noun = head.head
    return (head.dep_ in ("poss", "compound", "amod", "nmod") and noun.lemma_.lower() in hostilities
            and noun.dep_ == "pobj" and noun.head.lower_ in vocab.words("time_preps"))


def owners_list(first: Token) -> bool:
    """Whether a list is the object of an owner preposition after a plural generic head ("identified companies in
    China, Russia and Singapore that sold ..."): the parser often hangs it on the verb instead of the head it owns,
    so its later members keep their own place (unlike "entered service in China and Turkey")."""
    if first.dep_ != "pobj" or first.head.lower_ not in vocab.words("owner_preps"):
        return False
    prep = first.head
    owners = [prep.head] + ([prep.doc[prep.i - 1]] if prep.i > 0 else [])
    return any(o.lemma_.lower() in vocab.words("generic_heads") and o.tag_ in ("NNS", "NNPS") for o in owners)


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination a phrase belongs to: a conjunct stands where the list stands
    ("fundraisers in Lithuania, Poland and Ukraine": "Poland" is a place like "Lithuania", not a participant)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _gerund_beside(pobj: Token) -> bool:
    """"reports of Iran supplying drones": a gerund on the object or on the noun the preposition hangs on."""
    near = [*pobj.children, *pobj.head.head.children]
    return any(t.dep_ == "acl" and t.tag_ == "VBG" for t in near)


def _phrase_path(token: Token) -> list[Token]:
    """The actor token and the heads of its phrase: "US" -> "sanctions" in "US sanctions", "Moscow" -> "claims"."""
    path = [token]
    while path[-1].dep_ in ("compound", "amod", "flat", "nmod", "poss") and path[-1].head != path[-1]:
        path.append(path[-1].head)
    return path


def _measure_of(verb: Token) -> bool:
    """Whether a verb's object or passive subject, or the noun its participle modifies, is a measure."""
    measures = vocab.words("measure_nouns")
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in measures for c in verb.children):
        return True
    node = verb
    for _ in range(3):  # "the sanctions, expected to be approved by EU ministers"
        if node.dep_ not in ("xcomp", "acl", "relcl") or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in measures:
            return True
    return False


def non_party(token: Token, measures_count: bool = True) -> bool:
    """Whether the actor phrase containing token holds no party's place: the imposer of a measure ("Washington
    imposed sanctions", "US sanctions"; unless `measures_count`, as for a sanction's own endpoints), the source
    of a report or an accusation ("a Pentagon report", "accusations by the U.S.") or the seizer of a cargo."""
    path = _phrase_path(token)
    head = path[-1]
    owners = vocab.words("source_nouns") | vocab.words("interdiction_words")
    if measures_count:
        owners = owners | vocab.words("measure_nouns")
    if any(t.lemma_.lower() in owners for t in path[1:]):
        return True  # "US sanctions", "Moscow's claims", "the Pentagon report"
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
        return True
    if head.dep_ == "pobj" and head.head.lower_ in vocab.words("author_preps"):
        verb = head.head.head
    elif head.dep_ == "nsubj":
        verb = head.head
    else:
        return False
    if verb.lemma_.lower() in vocab.words("source_nouns") and head.dep_ == "nsubj" and not _reports_content(verb):
        return False  # "the Houthis claimed responsibility for the attack": a plain object, no report
    if verb.lemma_.lower() in owners - vocab.words("measure_nouns"):
        return True  # "accusations by the U.S.", "seized by Israeli commandos", "a report from X"
    return measures_count and verb.lemma_.lower() in vocab.words("impose_verbs") and _measure_of(verb)


def nearby_actor(idx: ActorIndex, sent: Span, trigger: Token, exclude_ids: set[str], exclude_tokens: set[int],
                 before_only: bool = False, measures_count: bool = True,
                 skip_reporters: bool = False, supplier: bool = False) -> ActorRef | None:
    """The actor in a participant position nearest to the trigger within `sent`; for a `supplier`, not a
    destination ("... and give them to Russia": Russia receives)."""
    best, best_dist = None, None
    for span in idx.spans:
        if span.start < sent.start or span.end > sent.end or span.label_ in exclude_ids:
            continue
        if span.id_ == "media" or set(range(span.start, span.end)) & exclude_tokens:
            continue
        if before_only and span.start > trigger.i:
            continue
        if not is_participant(span.root, idx) or non_party(span.root, measures_count):
            continue
        if skip_reporters and reporter_only(span.root):
            continue
        if supplier and destination(span.root):
            continue
        dist = abs(span.start - trigger.i)
        if best_dist is None or dist < best_dist:
            best, best_dist = span, dist
    if best is None:
        return None
    return ActorRef(best.label_, best.id_, best.start, best.end, "passage")


def destination(token: Token) -> bool:
    """Whether the actor phrase containing token is (in a list that is) the object of a preposition of destination
    ("to Russia", "into Ukraine", "to Hamas and Russia")."""
    head = first_conjunct(_phrase_path(token)[-1])
    return head.dep_ == "pobj" and head.head.lower_ in vocab.words("destination_preps")


def reporter_only(token: Token) -> bool:
    """"the Treasury Department said ...": the subject of a reporting verb in an earlier sentence is its source —
    when the verb reports something said ("said the drones came from X"); "the Houthis claimed responsibility"
    has a plain object and its subject is a party like any other."""
    head = _phrase_path(token)[-1]
    verb = head.head
    return head.dep_ == "nsubj" and verb.lemma_.lower() in vocab.words("reporting_verbs") and _reports_content(verb)


def _reports_content(verb: Token) -> bool:
    """Whether a reporting verb reports something said (a clause, or nothing written after it: "..., X said"),
    not a plain object ("claimed responsibility", "reported losses")."""
    return any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children) or not any(
        c.dep_ in ("dobj", "attr") for c in verb.children)


def previous_sentences_actor(idx: ActorIndex, sentences: list[Span], sent: Span, trigger: Token,
                             exclude_ids: set[str], exclude_tokens: set[int],
                             measures_count: bool = True, supplier: bool = False) -> ActorRef | None:
    """The nearest participant of the sentences before; not the subject of a reporting verb there ("the Treasury
    said ..."), unless the trigger's subject is a first person ("'shells that we supply', Lukashenko said"); for a
    `supplier`, not a destination there ("assembling the jets for Myanmar ... The first two were delivered")."""
    subj = [c for c in trigger.children if c.dep_ == "nsubj"]
    skip = not any(c.lower_ in vocab.words("first_person_pronouns") for c in subj)
    for prev in reversed([s for s in sentences if s.end <= sent.start]):
        ref = nearby_actor(idx, prev, prev[-1], exclude_ids, exclude_tokens, measures_count=measures_count,
                           skip_reporters=skip, supplier=supplier)
        if ref is not None:
            return ref
    return None
