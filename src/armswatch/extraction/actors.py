"""Maps parse tokens to actor ids: gazetteer spans first, then generic heads through their modifiers, then anaphors.

The word lists it consults are in data/references.yaml (and the shared cues in data/cues.yaml). A first-person
pronoun inside a quotation names the quotation's speaker: finding that speaker is the claimant stage's job, so the
index is built with the claimant stage's `QuoteSpeakerLookup` (see `claimant.claimant_finder`) or with none, in
which case a first-person pronoun names no actor.
"""
from __future__ import annotations

import copy
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from armswatch.extraction.texts import doc_text, lemmas
from armswatch.extraction.vocab import words

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
HEAD_NOUN_DEPS = ("compound", "amod", "poss", "flat", "nmod", "npadvmod")
SUBJECT_PHRASE_DEPS = ("compound", "amod", "poss", "flat", "nmod")
PLURAL_TAGS = ("NNS", "NNPS")
PRONOUN_TAGS = ("PRP", "PRP$")
GROUP_DET_DEPS = ("det", "predet", "nummod")  # "both countries", "the two nations"
# Links from a denied claim up to its denial verb: complement clauses, and the claim nouns (with their prepositions)
# the clause hangs on ("denied [that US claims [that it had ...]]", "rejected [claims [it supplied ...]]").
DENIED_CLAIM_DEPS = ("ccomp", "xcomp", "acl", "relcl", "appos", "dobj", "pobj", "prep")
# Kinds of gazetteer actor (the lexicon's categories) an anaphor prefers or avoids.
PERSON_KINDS = ("person",)
NOT_A_STATE_KINDS = ("person", "media")
ORG_KINDS = ("org", "institution")
# A wire dateline at the start of an article: "CAIRO, Egypt (Wire) — ", "OSLO, March 3. /AGENCY/. "
DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,}(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,30}\))?\s+[—–-]{1,2}\s+"
                      r"|^\s*[A-Z][A-Z .'-]{2,},\s*\w+ \d{1,2}\.\s*/[A-Z]+/\.\s*"
                      r"|^\s*[A-Z][A-Za-z .]{2,25}:\s+(?=[A-Z])")  # "New Delhi: Germany has ..."
# The same wire datelines at the start of a later line: after a headline and a "Published:" line.
LINE_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z .,'-]{2,}(?:,[ \t]*[A-Z][\w .]+)?[ \t]*(?:\([^)]{1,30}\))?[ \t]+[—–-]{1,2}"
                           r"[ \t]+", re.MULTILINE)
DATELINE_WINDOW = 1000  # characters from the start in which a line may open with the dateline
_QUOTATION_MARK = re.compile("[\"“”«»]")


def in_quotes(doc: Doc, i: int) -> bool:
    """Whether token i sits between an opening and a closing double quotation mark (counted from the passage start)."""
    marks = doc.user_data.get("armswatch.quotes")
    if marks is None:  # once per doc: [offsets of the quotation marks, whether a quote is open after each]
        offsets, open_after, opens = [], [], 0
        for m in _QUOTATION_MARK.finditer(doc_text(doc)):
            ch = m.group()
            if ch in "“«":
                opens += 1
            elif ch in "”»":
                opens = max(0, opens - 1)
            else:
                opens = 0 if opens else 1
            offsets.append(m.start())
            open_after.append(opens > 0)
        marks = doc.user_data["armswatch.quotes"] = [offsets, open_after]
    offsets, open_after = marks
    last = bisect_left(offsets, doc[i].idx) - 1  # the last mark before the token
    return last >= 0 and open_after[last]


def _head_noun(token: Token) -> Token:
    head = token
    while head.dep_ in HEAD_NOUN_DEPS and head.head != head:
        head = head.head
    return head


def _plural(token: Token) -> bool:
    """Whether the phrase of an actor is plural ("Chinese entities", "Iran and Syria")."""
    head = _head_noun(token)
    return head.tag_ in PLURAL_TAGS or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)


def _subject(token: Token) -> bool:
    """Whether an actor phrase is (part of) a clause subject: "Iran" in "Iran's navy seized ..." too."""
    head = token
    while head.dep_ in SUBJECT_PHRASE_DEPS and head.head != head:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _pronoun_number(token: Token) -> bool | None:
    """True for a plural pronoun ("they") or group word ("both countries"), False for a singular one ("its"), None
    when the word says nothing."""
    if token.lower_ in words("plural_pronouns") or _group_phrase(token) in words("group_pronouns"):
        return True
    return False if token.lower_ in words("singular_pronouns") else None


def _group_phrase(token: Token) -> str:
    """A head word with the determiners and numbers before it ("both countries", "the two nations", "they"): what
    `group_pronouns` lists."""
    before = [c.lower_ for c in token.children if c.dep_ in GROUP_DET_DEPS and c.i < token.i]
    return " ".join([*before, token.lower_])


def _claim_subject_clause(token: Token) -> Token | None:
    """The clause whose subject or agent `token` is ("it had sent", "was sent by them"), or None."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head
    return None


def _pobjs_of(head: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions `preps` hanging on head."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _trailing_credit(conjunct: Token) -> bool:
    """A conjunct that is really the speaker of a subjectless reporting verb right after it: the parser hangs the
    credit of "X shipped shells to Russia, Seoul and Washington say" (or "..., Kyiv and London claim") on the last
    endpoint as a list, so the credited states would become recipients."""
    doc = conjunct.doc
    last = max(t.i for t in conjunct.subtree)
    if last + 1 >= len(doc):
        return False
    verb = doc[last + 1]
    before = doc[conjunct.left_edge.i - 1] if conjunct.left_edge.i > 0 else None
    chained = before is not None and (before.text == "," or before.dep_ == "cc")
    finite = verb.tag_ in ("VBP", "VBZ", "VBD") and verb.dep_ not in ("acl", "relcl", "amod")
    return (chained and finite and verb.lemma_.lower() in words("reporting_verbs")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _located(span: Span) -> bool:
    """"U.S.-based assets", "a Paris-headquartered group" written as one token: a place, not the actor (the
    two-token "US-based" is the modifier of a location word, see ActorIndex._through_modifier)."""
    text = span.text.lower()
    return len(span) == 1 and any(text.endswith("-" + w) for w in words("location_words"))


def _unique_parties(refs: list[ActorRef]) -> list[ActorRef]:
    """Each actor id once, in order; media are never a party."""
    seen, unique = set(), []
    for r in refs:
        if r.id not in seen:
            seen.add(r.id)
            unique.append(r)
    return [r for r in unique if r.kind != "media"]


@dataclass(frozen=True)
class ActorRef:
    id: str
    kind: str
    start: int  # token offsets of the span that named it
    end: int
    via: str = "span"  # span | modifier | anaphor


class QuoteSpeakerLookup(Protocol):
    """Resolves a first-person pronoun inside a quotation to the quotation's speaker (the claimant stage)."""

    def first_person(self, token: Token) -> ActorRef | None: ...


class ActorIndex:
    """Per-doc index of the gazetteer's actor spans (doc.spans['actors']) plus anaphor resolution."""

    def __init__(self, doc: Doc, speakers: QuoteSpeakerLookup | None = None):
        self.doc = doc
        text = doc_text(doc)
        dateline = DATELINE.match(text)
        places = [(0, dateline.end())] if dateline else []  # "SEOUL, South Korea (AP) —": a place, not a party
        places += [(m.start(), m.end()) for m in LINE_DATELINE.finditer(text[:DATELINE_WINDOW])]
        self.spans: list[Span] = sorted((s for s in doc.spans.get("actors", []) if not any(
            a <= s.start_char < b for a, b in places) and not _located(s)), key=lambda s: s.start)
        self.items: list[Span] = list(doc.spans["items"]) if "items" in doc.spans else []
        self.by_token: dict[int, Span] = {}
        for span in self.spans:
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, span)
        self.item_tokens = {i for s in self.items for i in range(s.start, s.end)}
        self.speakers = speakers  # who "we"/"I" inside a quotation is; None: a first-person pronoun names no actor
        # resolve()'s answers by (token index, depth, allow_anaphor): the stages ask about the same tokens again and
        # again, and the answer depends only on the doc and the speakers, which never change
        self.resolved: dict[tuple[int, int, bool], ActorRef | None] = {}

    def with_speakers(self, speakers: QuoteSpeakerLookup) -> ActorIndex:
        """The same index (sharing its tables) that resolves a quoted first-person pronoun through `speakers`."""
        other = copy.copy(self)
        other.speakers = speakers
        other.resolved = {}  # another speaker lookup may answer differently
        return other

    # -- single tokens -------------------------------------------------------------------------------------------
    def span_ref(self, token: Token) -> ActorRef | None:
        span = self.by_token.get(token.i)
        if span is None:
            return None
        return ActorRef(span.label_, span.id_, span.start, span.end)

    def is_item(self, token: Token) -> bool:
        return token.i in self.item_tokens

    def resolve(self, token: Token, depth: int = 0, allow_anaphor: bool = True) -> ActorRef | None:
        """The actor a noun phrase headed by `token` names, or None (worked out once per question)."""
        key = (token.i, depth, allow_anaphor)
        if key not in self.resolved:
            self.resolved[key] = self._resolve(token, depth, allow_anaphor)
        return self.resolved[key]

    def _resolve(self, token: Token, depth: int, allow_anaphor: bool) -> ActorRef | None:
        span = self.by_token.get(token.i)
        if span is not None:
            return self._named(span, allow_anaphor)
        acronym = self._bracketed_acronym(token)
        if acronym is not None:
            return self._named(acronym, allow_anaphor)
        if self.is_item(token) and token.lemma_.lower() not in words("generic_heads"):
            return None  # "Iranian drones": the adjective is the origin, not an actor named by the phrase
        if allow_anaphor and depth <= 2 and token.pos_ != "PRON":
            # "the government in Tel Aviv", "the regime of Damascus": the owner named beats an antecedent
            owned = self._through_owner(token, depth)
            if owned is not None:
                return owned
        if allow_anaphor:
            ref = self.anaphor(token)
            if ref is not None:
                return ref
        if depth > 2:
            return None
        if token.lemma_.lower() in words("relational_nouns"):
            return None  # "Ukraine's allies", "Russia's partners": related to the possessor, not the possessor
        return self._through_modifier(token, depth) or self._through_owner(token, depth)

    def _bracketed_acronym(self, token: Token) -> Span | None:
        """"the Rapid Reaction Force (RSF)": a name the lexicon lacks (or a writer garbled) followed by the bracketed
        acronym of a known actor is that actor."""
        for c in token.children:
            span = self.by_token.get(c.i)
            if c.dep_ == "appos" and span is not None and span.start > 0 and self.doc[span.start - 1].text == "(":
                return span
        return None

    def _named(self, span: Span, allow_anaphor: bool) -> ActorRef:
        """A gazetteer span; "the bloc"/"the alliance" after "NATO chief ...": the passage's own antecedent beats
        the lexicon's default for the description."""
        if allow_anaphor and span.text.lower() in words("alliance_descriptions"):
            found = self.anaphor(span.root)
            if found is not None and found.via == "anaphor":
                return found
        return ActorRef(span.label_, span.id_, span.start, span.end)

    def _through_modifier(self, token: Token, depth: int) -> ActorRef | None:
        """"Iran's navy", "the Russian ministry", "US officials": the actor in a modifier of the head, except the
        maker or the location of the thing named ("US-made", "London-based")."""
        origin, location = words("origin_words"), words("location_words")
        if token.lemma_.lower() in words("located_company_heads"):
            located = self._location_of(token, depth)
            if located is not None:
                return located
        for dep in MODIFIER_DEPS:
            for child in token.children:
                low = child.lemma_.lower()
                if child.dep_ == dep and low not in origin and low not in location:
                    ref = self.resolve(child, depth + 1, allow_anaphor=(dep == "poss"))
                    if ref is not None and ref.kind != "media":
                        return ActorRef(ref.id, ref.kind, ref.start, ref.end, "modifier")
        return None

    def _location_of(self, token: Token, depth: int) -> ActorRef | None:
        """"a China-based network", "UAE-based companies": firms are parties of the state they are based in (a
        London-based think tank is not: only the heads of `located_company_heads` are read so)."""
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() in words("location_words"):
                for place in child.children:
                    ref = self.resolve(place, depth + 1, allow_anaphor=False)
                    if ref is not None and ref.kind != "media":
                        return ActorRef(ref.id, "company", ref.start, ref.end, "modifier")
        return None

    def _through_owner(self, token: Token, depth: int) -> ActorRef | None:
        """"officials from Iran", "the government of Serbia", "any of the parties": the owner after a generic head,
        a proper name or a quantifier."""
        if not (token.lemma_.lower() in words("generic_heads") or token.pos_ == "PROPN"
                or token.lower_ in words("quantifier_heads")):
            return None
        for pobj in _pobjs_of(token, words("owner_preps")):
            ref = self.resolve(pobj, depth + 1)
            if ref is not None and ref.kind != "media":
                return ActorRef(ref.id, ref.kind, ref.start, ref.end, "modifier")
        return None

    def companions(self, head: Token) -> list[Token]:
        """Partners added to an actor or a verb by "along with X", "together with X" or "alongside X"."""
        preps = words("companion_preps")
        out = []
        for child in head.children:
            if child.dep_ != "prep":
                continue
            if child.lower_ == "alongside":
                withs = [child]
            elif child.lower_ == "with" and any(g.dep_ == "advmod" and g.lower_ in preps for g in child.children):
                withs = [child]  # "together with X"
            elif child.lower_ in preps:
                withs = [g for g in child.children if g.dep_ == "prep" and g.lower_ == "with"]  # "along with X"
            else:
                continue
            out.extend(g for w in withs for g in w.children if g.dep_ == "pobj")
        return out

    # -- phrases of several actors -------------------------------------------------------------------------------
    def resolve_all(self, token: Token) -> list[ActorRef]:
        """Actors of a phrase and its conjuncts ("Iran and North Korea", "countries like Iran, like Syria")."""
        out: list[ActorRef] = []
        for head in self._listed_heads(token):
            out.extend(self._head_refs(head))
        return _unique_parties(out)

    def _listed_heads(self, token: Token) -> list[Token]:
        """The phrase's head, its conjuncts, and an apposed list of actors ("from China, Turkey, the UAE and Iran")."""
        heads = [token, *(c for c in token.conjuncts if not _trailing_credit(c))]
        for head in list(heads):
            for child in head.children:
                if child.dep_ == "appos" and self.span_ref(child) is not None and self.span_ref(head) is not None:
                    heads.extend([child, *child.conjuncts])
        return heads

    def _head_refs(self, head: Token) -> list[ActorRef]:
        """The actors one head of a list names, with the partners and examples hung on it."""
        group = self._antecedent_group(head)
        if group:
            return group
        generic = head.lemma_.lower() in words("generic_heads")
        if generic:
            refs = self._conjoined_nationalities(head)
            if refs:
                return refs
        if self.span_ref(head) is None and (generic or head.lower_ in words("quantifier_heads")):
            refs = self._conjoined_owners(head)
            if refs:
                return refs
        ref = self.resolve(head)
        if ref is None:
            return self._examples(head)
        return [ref, *self._like_partners(head), *[r for p in self.companions(head) for r in self.resolve_all(p)]]

    def _antecedent_group(self, token: Token) -> list[ActorRef]:
        """"China and Russia ... they have supplied", "Poland and Slovakia said both countries would send": every
        member of the list of actors a group word points back to, when that list names more than one actor ([]
        otherwise). Why: the nearest member alone (what `resolve` gives) drops the other suppliers of the claim. The
        list is found as a single pronoun's antecedent is (the denier first, then the most salient earlier actor),
        then read whole from its first conjunct."""
        if _group_phrase(token) not in words("group_pronouns"):
            return []
        head = self._denier_subject(token)
        if head is None:
            ref = self.antecedent(token, avoid=NOT_A_STATE_KINDS)
            if ref is None:
                return []
            head = _head_noun(self.doc[ref.start:ref.end].root)
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        refs = self.resolve_all(head)
        if len(refs) < 2:
            return []
        return [ActorRef(r.id, r.kind, r.start, r.end, "anaphor") for r in refs]

    def _conjoined_nationalities(self, head: Token) -> list[ActorRef]:
        """"Russian and North Korean entities": every conjoined nationality of a generic head, when they name more
        than one actor."""
        own = self.by_token.get(head.i)
        mods = [m for c in head.children if c.dep_ in ("amod", "compound") and self.span_ref(c) is not None
                for m in (c, *c.conjuncts) if self.span_ref(m) is not None
                and (own is None or not own.start <= m.i < own.end)]
        refs = ([self.span_ref(head)] if own is not None else []) + [self.span_ref(m) for m in mods]
        return refs if len({r.id for r in refs}) > 1 else []

    def _conjoined_owners(self, head: Token) -> list[ActorRef]:
        """"companies from China and Iran", "any of the parties": every conjoined owner of a generic head or a
        quantifier, when there is more than one."""
        inner = [r for g in _pobjs_of(head, words("owner_preps")) for r in self.resolve_all(g)]
        return inner if len(inner) > 1 else []

    def _examples(self, head: Token) -> list[ActorRef]:
        """"countries like X", "states such as X", "allies including X": the examples of a head naming no actor."""
        return [r for pobj in _pobjs_of(head, words("example_preps")) for r in self.resolve_all(pobj)]

    def _like_partners(self, head: Token) -> list[ActorRef]:
        """"North Korea, like Iran, ...": a parse that hangs the second member under a preposition of the first."""
        return [r for c in head.children if c.dep_ == "prep" and c.lower_ == "like"
                for pobj in c.children if pobj.dep_ == "pobj" for r in self.resolve_all(pobj)]

    # -- anaphors ------------------------------------------------------------------------------------------------
    def anaphor(self, token: Token) -> ActorRef | None:
        """Resolve pronouns and "the regime"/"the bloc"-style descriptions to the nearest earlier actor."""
        if token.pos_ == "PRON" or token.tag_ in PRONOUN_TAGS:
            return self._pronoun(token)
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "poss") and c.i < token.i]
        for description in words("anaphors.descriptions"):
            parts = description.split()
            # "the bloc", "the defence alliance", "its close ally": determiner + head word of the description
            if dets and dets[0] == parts[0] and token.lower_ == parts[-1]:
                return self._description(description, token)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self.same_head(token)
        return None

    def _pronoun(self, token: Token) -> ActorRef | None:
        """A personal pronoun: "we" in a quotation is its speaker, "he"/"his" a person, "it"/"they" a state."""
        low = token.lower_
        if low in words("first_person_pronouns"):
            return self.speakers.first_person(token) if self.speakers is not None else None
        if low in words("anaphors.pronoun_person"):
            return self.reporter(token) or self.antecedent(token, prefer=PERSON_KINDS)
        if low in words("anaphors.pronoun_state"):
            return (self.measure_target(token) or self.denier(token)
                    or self.antecedent(token, avoid=NOT_A_STATE_KINDS))
        return None

    def denier(self, pronoun: Token) -> ActorRef | None:
        """"Iran denied that it had sent drones", "North Korea rejected US claims that it supplied shells": the
        subject of a denied claim is the one who denies it, even when an accuser stands nearer (the nearest subject
        would make the accuser the supplier it accuses)."""
        subject = self._denier_subject(pronoun)
        ref = self.resolve(subject) if subject is not None else None
        return ActorRef(ref.id, ref.kind, ref.start, ref.end, "anaphor") if ref is not None else None

    def _denier_subject(self, pronoun: Token) -> Token | None:
        """The subject of the denial verb above the clause `pronoun` is the subject or agent of. The climb goes up
        through complements and the claim nouns they hang on, never across a coordination ("Iran denied it, and
        Russia said it had sent ..." is another clause) or an adverbial clause, nor back before the denial."""
        node = _claim_subject_clause(pronoun)
        while node is not None and node.dep_ in DENIED_CLAIM_DEPS:
            node = node.head
            if node.lemma_.lower() in words("denial_verbs") and node.pos_ == "VERB" and node.i < pronoun.i:
                subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i < pronoun.i and c != pronoun]
                return subjects[0] if subjects else None
        return None

    def _description(self, description: str, token: Token) -> ActorRef | None:
        """A definite description of an earlier actor: "his ministry" (the speaker's), "the bloc" (an
        organisation), "the country" (a state), "the firm"; else the lexicon's default for it."""
        parts = description.split()
        if parts[0] in words("speaker_possessives"):
            return self.reporter(token) or self.antecedent(token, prefer=PERSON_KINDS, max_back=400)
        if description in words("alliance_descriptions") or parts[-1] in words("anaphors.org_heads"):
            found = self.antecedent(token, prefer=ORG_KINDS, only_org=True)
        elif parts[-1] in words("anaphors.state_heads"):
            found = self.antecedent(token, avoid=NOT_A_STATE_KINDS, only_state=True)
        else:
            found = self.antecedent(token, avoid=NOT_A_STATE_KINDS)
        return found or self.default_for(description, token)

    def measure_target(self, pronoun: Token) -> ActorRef | None:
        """"sanctions on Iran over its drone deliveries", "sanctioned Belarus for its shell shipments": a
        possessive in the reason phrase of a measure is the measure's named target, not its imposer."""
        if pronoun.dep_ != "poss" or pronoun.head.dep_ != "pobj" or \
                pronoun.head.head.lower_ not in words("measure_reason_preps"):
            return None
        measure = pronoun.head.head.head  # the noun or verb the "over/for" phrase hangs on
        measures = words("accusing_measures") | words("reason_bearing_verbs")
        if measure.lemma_.lower() not in measures:
            return None
        holders = [measure] + [c for c in measure.children if c.dep_ == "dobj"]
        targets = [g for h in holders for g in _pobjs_of(h, words("measure_target_preps"))]
        if measure.pos_ == "VERB":
            targets += [c for c in measure.children if c.dep_ == "dobj" and c.lemma_.lower() not in measures]
        for target in targets:
            ref = self.span_ref(target)
            if ref is not None:
                return ActorRef(ref.id, ref.kind, ref.start, ref.end, "anaphor")
        return None

    def default_for(self, description: str, token: Token) -> ActorRef | None:
        """The lexicon's actor for a description with no antecedent ("the Kremlin" -> RUS, "the bloc" -> EU)."""
        for entry in words("anaphors.defaults"):
            text, _, actor = entry.partition("=")
            if text == description:
                actor = actor if actor.startswith("org:") else actor.upper()
                return ActorRef(actor, "state", token.i, token.i + 1, "default")
        return None

    def reporter(self, token: Token) -> ActorRef | None:
        """"X's minister said that ... his country": the speaker of the clause that contains the pronoun (inside a
        quotation "his" is not the speaker)."""
        if in_quotes(self.doc, token.i):
            return None
        reporting = words("reporting_verbs")
        for anc in token.ancestors:
            if anc.lemma_.lower() in reporting:
                for c in anc.children:
                    if c.dep_ == "nsubj" and c.i < token.i:
                        return self.resolve(c, allow_anaphor=False)
        return None

    def same_head(self, token: Token) -> ActorRef | None:
        """"the directorate", "the department": an earlier phrase with the same head noun that named an actor."""
        lemma_of = lemmas(self.doc)  # compared in the table: most earlier tokens differ, and need no Token built
        for i in range(token.i - 1, -1, -1):
            if lemma_of[i] != lemma_of[token.i]:
                continue
            earlier = self.doc[i]
            if earlier.pos_ in ("NOUN", "PROPN"):
                ref = self.resolve(earlier, allow_anaphor=False)
                if ref is not None:
                    return ActorRef(ref.id, ref.kind, ref.start, ref.end, "anaphor")
        return None

    # -- antecedents ---------------------------------------------------------------------------------------------
    def antecedent(self, token: Token, prefer=(), avoid=(), only_org: bool = False,
                   max_back: int = 10_000, exclude_ids: frozenset[str] = frozenset(),
                   only_state: bool = False) -> ActorRef | None:
        """Nearest earlier actor: preferred kinds first, subjects before other positions.

        A full description ("the firm") never points back to the subject of its own clause ("The US accused the
        firm"), and a pronoun inside a quotation never points to the quotation's speaker.
        """
        blocked = self._own_clause_subject(token)
        quoted = in_quotes(self.doc, token.i)
        candidates = [span for span in reversed(self.spans)
                      if span.end <= token.i and token.i - span.end <= max_back and span.label_ not in exclude_ids
                      and _kind_allowed(span, avoid, only_org, only_state) and span.start not in blocked
                      and not (quoted and self._speaker_of_quote(span))]
        if not candidates:
            return None
        plural = _pronoun_number(token)
        candidates = self._companies_first(token, candidates)
        best = min(candidates, key=lambda span: _salience(span, token, prefer, plural))
        if plural and self._nearer_plural_item(best, token):
            return None
        return ActorRef(best.label_, best.id_, best.start, best.end, "anaphor")

    def _own_clause_subject(self, token: Token) -> set[int]:
        """"The US accused the firm", "Russia will deliver jets to the regime": the tokens of the subject of a
        description's own clause (never its antecedent); a pronoun may point there ("Iran said it ..."). Nor is an
        actor that is itself the subject of a reporting verb above the description ("The US said the country was
        supplying shells": not the US), though the owner of such a subject may be ("Iran's minister said the
        country ...")."""
        blocked: set[int] = set()
        if token.pos_ == "PRON":
            return blocked
        clause_verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for n, anc in enumerate(token.ancestors):
            for c in anc.children:
                if c.dep_ not in ("nsubj", "nsubjpass") or c.i > token.i or token in c.subtree:
                    continue
                if n == 0 or anc == clause_verb:  # "Russia will deliver jets to the junta": not Russia
                    blocked.update(t.i for t in c.subtree)
                elif c.i in self.by_token and anc.lemma_.lower() in words("reporting_verbs"):
                    span = self.by_token[c.i]
                    blocked.update(range(span.start, span.end))
        return blocked

    def _speaker_of_quote(self, span: Span) -> bool:
        """"'He is turning to Iran,' Kirby said": the unquoted subject of a reporting verb speaks the quotation."""
        root = span.root
        return root.dep_ == "nsubj" and root.head.lemma_.lower() in words("reporting_verbs") and not in_quotes(
            self.doc, root.i)

    @staticmethod
    def _companies_first(token: Token, candidates: list[Span]) -> list[Span]:
        """"the firm", "the manufacturer": a company description prefers company antecedents when there are any."""
        heads = words("anaphors.company_heads")
        if token.lemma_.lower() not in heads or token.pos_ == "PRON":
            return candidates
        companies = [s for s in candidates if s.id_ == "company" or _head_noun(s.root).lemma_.lower() in heads]
        return companies or candidates

    def _nearer_plural_item(self, best: Span, token: Token) -> bool:
        """"the rockets were flown in, and their arrival ...": a nearer plural item is the antecedent."""
        return any(t.tag_ == "NNS" and self.is_item(t) for t in self.doc[best.end: token.i])


def _kind_allowed(span: Span, avoid, only_org: bool, only_state: bool) -> bool:
    """Whether an actor span's kind fits what the description or pronoun asks for."""
    is_org = span.label_.startswith("org:")
    if (only_org and not is_org) or (only_state and is_org):
        return False
    return span.id_ not in avoid


def _salience(span: Span, token: Token, prefer, plural: bool | None) -> tuple:
    """Rank of an antecedent: preferred kinds, number agreement, subjects, then the nearest ("Iran backed ... It")."""
    return (0 if not prefer or span.id_ in prefer else 1,
            0 if plural is None or _plural(span.root) == plural else 1,
            0 if _subject(span.root) else 1,
            token.i - span.end)
