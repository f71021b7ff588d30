"""Maps parse tokens to actor ids: gazetteer spans first, then generic heads through their modifiers, then anaphors."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# Kinds of gazetteer actor that can supply or receive arms (media can only be a claimant).
PARTY_KINDS = {"demonym", "state", "capital", "person", "institution", "org", "company", None, ""}
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
OF_PREPS = {"of", "from", "in", "at", "for"}
# A wire dateline at the start of an article: "CAIRO, Egypt (Wire) — ", "OSLO, March 3. /AGENCY/. "
DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,}(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)]{1,30}\))?\s+[—–-]{1,2}\s+"
                      r"|^\s*[A-Z][A-Z .'-]{2,},\s*\w+ \d{1,2}\.\s*/[A-Z]+/\.\s*"
                      r"|^\s*[A-Z][A-Za-z .]{2,25}:\s+(?=[A-Z])")  # "New Delhi: Germany has ..."
# The same wire datelines at the start of a later line: after a headline and a "Published:" line.
LINE_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z .,'-]{2,}(?:,[ \t]*[A-Z][\w .]+)?[ \t]*(?:\([^)]{1,30}\))?[ \t]+[—–-]{1,2}"
                           r"[ \t]+", re.MULTILINE)
DATELINE_WINDOW = 1000  # characters from the start in which a line may open with the dateline
QUANTIFIERS = {"any", "all", "some", "none", "each", "one", "both", "either", "neither", "party", "parties", "side"}
# "US-made", "Iranian-produced": the maker of an item, never an actor named by the phrase
ORIGIN_WORDS = {"make", "made", "produce", "produced", "build", "built", "manufacture", "manufactured", "develop",
                "developed", "design", "designed", "supply", "supplied", "provide", "provided", "origin"}
# "a London-based research group", "a Paris-headquartered monitor": located in a place, not that state's voice
LOCATION_WORDS = {"base", "based", "headquarter", "headquartered"}
FIRST_PERSON = {"i", "we", "my", "our", "us", "me"}


def _head_noun(token: Token) -> Token:
    head = token
    while head.dep_ in ("compound", "amod", "poss", "flat", "nmod", "npadvmod") and head.head != head:
        head = head.head
    return head


def _plural(token: Token) -> bool:
    """Whether the phrase of an actor is plural ("Chinese entities", "Iran and Syria")."""
    head = _head_noun(token)
    return head.tag_ in ("NNS", "NNPS") or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)


def _subject(token: Token) -> bool:
    """Whether an actor phrase is (part of) a clause subject: "Iran" in "Iran's navy seized ..." too."""
    head = token
    while head.dep_ in ("compound", "amod", "poss", "flat", "nmod") and head.head != head:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class ActorRef:
    id: str
    kind: str
    start: int  # token offsets of the span that named it
    end: int
    via: str = "span"  # span | modifier | anaphor


class ActorIndex:
    """Per-doc index of the gazetteer's actor spans (doc.spans['actors']) plus anaphor resolution."""

    def __init__(self, doc: Doc, cues):
        self.doc = doc
        self.cues = cues
        dateline = DATELINE.match(doc.text)
        places = [(0, dateline.end())] if dateline else []  # "SEOUL, South Korea (AP) —": a place, not a party
        places += [(m.start(), m.end()) for m in LINE_DATELINE.finditer(doc.text[:DATELINE_WINDOW])]
        self.spans: list[Span] = sorted((s for s in doc.spans.get("actors", []) if not any(
            a <= s.start_char < b for a, b in places)), key=lambda s: s.start)
        self.items: list[Span] = list(doc.spans["items"]) if "items" in doc.spans else []
        self.by_token: dict[int, Span] = {}
        for span in self.spans:
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, span)
        self.item_tokens = {i for s in self.items for i in range(s.start, s.end)}
        self.first_person = None  # set by the engine: resolves "we"/"I" inside a quotation to its speaker

    # -- single tokens -------------------------------------------------------------------------------------------
    def span_ref(self, token: Token) -> ActorRef | None:
        span = self.by_token.get(token.i)
        if span is None:
            return None
        return ActorRef(span.label_, span.id_, span.start, span.end)

    def is_item(self, token: Token) -> bool:
        return token.i in self.item_tokens

    def resolve(self, token: Token, depth: int = 0, allow_anaphor: bool = True) -> ActorRef | None:
        """The actor a noun phrase headed by `token` names, or None."""
        ref = self.span_ref(token)
        if ref is not None:
            span = self.by_token[token.i]
            if allow_anaphor and span.text.lower() in ("the bloc", "the alliance"):
                # "the bloc" after "NATO chief ...": the passage's own antecedent beats the lexicon's default
                found = self.anaphor(span.root)
                if found is not None and found.via == "anaphor":
                    return found
            return ref
        if self.is_item(token) and token.lemma_.lower() not in self.cues["generic_heads"]:
            return None  # "Iranian drones": the adjective is the origin, not an actor named by the phrase
        if allow_anaphor:
            ref = self.anaphor(token)
            if ref is not None:
                return ref
        if depth > 2:
            return None
        if token.lemma_.lower() in self.cues["relational_nouns"]:
            return None  # "Ukraine's allies", "Russia's partners": related to the possessor, not the possessor
        for dep in MODIFIER_DEPS:
            for child in token.children:
                if child.dep_ == dep and child.lemma_.lower() not in ORIGIN_WORDS | LOCATION_WORDS:
                    ref = self.resolve(child, depth + 1, allow_anaphor=(dep == "poss"))
                    if ref is not None and ref.kind != "media":
                        return ActorRef(ref.id, ref.kind, ref.start, ref.end, "modifier")
        if token.lemma_.lower() in self.cues["generic_heads"] or token.pos_ in ("PROPN",) or token.lower_ in QUANTIFIERS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in OF_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            ref = self.resolve(pobj, depth + 1)
                            if ref is not None and ref.kind != "media":
                                return ActorRef(ref.id, ref.kind, ref.start, ref.end, "modifier")
        return None

    def companions(self, head: Token) -> list[Token]:
        """Partners added to an actor or a verb by "along with X", "together with X" or "alongside X"."""
        preps = self.cues["companion_preps"]
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

    def resolve_all(self, token: Token) -> list[ActorRef]:
        """Actors of a phrase and its conjuncts ("Iran and North Korea", "countries like Iran, like Syria")."""
        out: list[ActorRef] = []
        heads = [token, *token.conjuncts]
        for head in list(heads):
            for child in head.children:  # "from China, Turkey, the UAE and Iran": an apposed list
                if child.dep_ == "appos" and self.span_ref(child) is not None and self.span_ref(head) is not None:
                    heads.extend([child, *child.conjuncts])
        for head in heads:
            if head.lemma_.lower() in self.cues["generic_heads"]:
                # "Russian and North Korean entities": every conjoined nationality of a generic head
                own = self.by_token.get(head.i)
                mods = [m for c in head.children if c.dep_ in ("amod", "compound") and self.span_ref(c) is not None
                        for m in (c, *c.conjuncts) if self.span_ref(m) is not None
                        and (own is None or not own.start <= m.i < own.end)]
                refs = ([self.span_ref(head)] if own is not None else []) + [self.span_ref(m) for m in mods]
                if len({r.id for r in refs}) > 1:
                    out.extend(refs)
                    continue
            if self.span_ref(head) is None and (head.lemma_.lower() in self.cues["generic_heads"]
                                                or head.lower_ in QUANTIFIERS):
                # "companies from China and Iran": every conjoined owner of a generic head
                owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ in OF_PREPS
                          for g in c.children if g.dep_ == "pobj"]
                inner = [r for g in owners for r in self.resolve_all(g)]
                if len(inner) > 1:
                    out.extend(inner)
                    continue
            ref = self.resolve(head)
            if ref is not None:
                out.append(ref)
            else:
                for child in head.children:  # "countries like X", "states such as X", "allies including X"
                    if child.dep_ == "prep" and child.lower_ in ("like", "including", "as", "notably"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                out.extend(self.resolve_all(pobj))
            # "North Korea, like Iran": a parse that hangs the second member under a preposition of the first
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "like" and ref is not None:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.extend(self.resolve_all(pobj))
            if ref is not None:
                for pobj in self.companions(head):
                    out.extend(self.resolve_all(pobj))
        seen, unique = set(), []
        for r in out:
            if r.id not in seen:
                seen.add(r.id)
                unique.append(r)
        return [r for r in unique if r.kind != "media"]

    # -- anaphors ------------------------------------------------------------------------------------------------
    def anaphor(self, token: Token) -> ActorRef | None:
        """Resolve pronouns and "the regime"/"the bloc"-style descriptions to the nearest earlier actor."""
        low = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if low in FIRST_PERSON and self.first_person is not None:
                return self.first_person(token)
            if low in self.cues["anaphors.pronoun_person"]:
                return self.reporter(token) or self.antecedent(token, prefer=("person",))
            if low in self.cues["anaphors.pronoun_state"]:
                return self.measure_target(token) or self.antecedent(token, avoid=("person", "media"))
            return None
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "poss") and c.i < token.i]
        for description in self.cues["anaphors.descriptions"]:
            words = description.split()
            # "the bloc", "the defence alliance", "its close ally": determiner + head word of the description
            if dets and dets[0] == words[0] and token.lower_ == words[-1]:
                if description.split()[0] in ("his", "her"):
                    return self.reporter(token) or self.antecedent(token, prefer=("person",), max_back=400)
                if description in ("the bloc", "the alliance") or words[-1] in self.cues["anaphors.org_heads"]:
                    found = self.antecedent(token, prefer=("org", "institution"), only_org=True)
                elif words[-1] in self.cues["anaphors.state_heads"]:
                    found = self.antecedent(token, avoid=("person", "media"), only_state=True)
                else:
                    found = self.antecedent(token, avoid=("person", "media"))
                return found or self.default_for(description, token)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self.same_head(token)
        return None

    def measure_target(self, pronoun: Token) -> ActorRef | None:
        """"sanctions on Iran over its drone deliveries", "sanctioned Belarus for its shell shipments": a
        possessive in the reason phrase of a measure is the measure's named target, not its imposer."""
        if pronoun.dep_ != "poss" or pronoun.head.dep_ != "pobj" or pronoun.head.head.lower_ not in ("over", "for"):
            return None
        measure = pronoun.head.head.head  # the noun or verb the "over/for" phrase hangs on
        words = self.cues["accusing_measures"] | {"impose"}
        if measure.lemma_.lower() not in words:
            return None
        holders = [measure] + [c for c in measure.children if c.dep_ == "dobj"]
        targets = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   for g in c.children if g.dep_ == "pobj"]
        if measure.pos_ == "VERB":
            targets += [c for c in measure.children if c.dep_ == "dobj" and c.lemma_.lower() not in words]
        for target in targets:
            ref = self.span_ref(target)
            if ref is not None:
                return ActorRef(ref.id, ref.kind, ref.start, ref.end, "anaphor")
        return None

    def default_for(self, description: str, token: Token) -> ActorRef | None:
        for entry in self.cues.get("anaphors.defaults", ()):
            text, _, actor = entry.partition("=")
            if text == description:
                actor = actor if actor.startswith("org:") else actor.upper()
                return ActorRef(actor, "state", token.i, token.i + 1, "default")
        return None

    def reporter(self, token: Token) -> ActorRef | None:
        """"X's minister said that ... his country": the speaker of the clause that contains the pronoun."""
        reporting = self.cues["reporting_verbs"]
        if self.first_person is not None and getattr(self.first_person, "__self__", None) is not None:
            from armswatch.extraction.claimant import in_quotes

            if in_quotes(self.doc, token.i):
                return None  # inside a quotation "his" is not the speaker
        for anc in token.ancestors:
            if anc.lemma_.lower() in reporting:
                for c in anc.children:
                    if c.dep_ == "nsubj" and c.i < token.i:
                        return self.resolve(c, allow_anaphor=False)
        return None

    def same_head(self, token: Token) -> ActorRef | None:
        """"the directorate", "the department": an earlier phrase with the same head noun that named an actor."""
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[: token.i]):
            if earlier.lemma_.lower() == lemma and earlier.pos_ in ("NOUN", "PROPN"):
                ref = self.resolve(earlier, allow_anaphor=False)
                if ref is not None:
                    return ActorRef(ref.id, ref.kind, ref.start, ref.end, "anaphor")
        return None

    def antecedent(self, token: Token, prefer=(), avoid=(), only_org: bool = False,
                   max_back: int = 10_000, exclude_ids: frozenset[str] = frozenset(),
                   only_state: bool = False) -> ActorRef | None:
        """Nearest earlier actor: preferred kinds first, subjects before other positions.

        A full description ("the firm") never points back to the subject of its own clause ("The US accused the
        firm"), and a pronoun inside a quotation never points to the quotation's speaker.
        """
        from armswatch.extraction.claimant import in_quotes

        blocked: set[int] = set()
        if token.pos_ != "PRON":
            for anc in token.ancestors:
                for c in anc.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and token not in c.subtree:
                        blocked.update(t.i for t in c.subtree)
                break
        quoted = in_quotes(self.doc, token.i)
        reporting = self.cues["reporting_verbs"]
        candidates = []
        for span in reversed(self.spans):
            if span.end > token.i or token.i - span.end > max_back or span.label_ in exclude_ids:
                continue
            if only_org and not span.label_.startswith("org:"):
                continue
            if only_state and span.label_.startswith("org:"):
                continue
            if span.id_ in avoid or span.start in blocked:
                continue
            root = span.root
            if quoted and root.dep_ == "nsubj" and root.head.lemma_.lower() in reporting and not in_quotes(
                    self.doc, root.i):
                continue  # "'He is turning to Iran,' Kirby said": not Kirby
            candidates.append(span)
        if not candidates:
            return None

        def score(span) -> tuple:
            # salience: preferred kinds, number agreement, subjects, then the nearest ("Iran backed ... It ...")
            return (0 if not prefer or span.id_ in prefer else 1,
                    0 if plural is None or _plural(span.root) == plural else 1,
                    0 if _subject(span.root) else 1,
                    token.i - span.end)
        low = token.lower_
        plural = True if low in ("they", "their", "them", "themselves") else (
            False if low in ("it", "its", "itself") else None)
        if token.lemma_.lower() in self.cues["anaphors.company_heads"] and token.pos_ != "PRON":
            companies = [s for s in candidates if s.id_ == "company" or _head_noun(s.root).lemma_.lower() in
                         self.cues["anaphors.company_heads"]]
            candidates = companies or candidates
        best = min(candidates, key=score)
        if plural:
            # "the rockets were flown in, and their arrival ...": a nearer plural item is the antecedent
            items = [t for t in self.doc[best.end: token.i] if t.tag_ == "NNS" and self.is_item(t)]
            if items:
                return None
        return ActorRef(best.label_, best.id_, best.start, best.end, "anaphor")
