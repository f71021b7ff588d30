"""Who asserts a mention: a reporting verb above the trigger, "according to X", a headline ", X says", or a later
"... announced this" sentence; resolved to an actor id, `other` or `author`.

The stage is built by `claimant_finder(doc, sentences)`, which also makes the actor index the other stages share:
a first-person pronoun inside a quotation names the quotation's speaker, and finding that speaker needs this
stage, so the data flows one way — a plain index (no first person resolved) -> `QuoteSpeakers` on it -> the shared
index built with those speakers -> the `ClaimantFinder` the engine uses. The word lists are in data/claimant.yaml
(and the shared cues in data/cues.yaml).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from armswatch.extraction.actors import ActorIndex, ActorRef, in_quotes
from armswatch.extraction.slots import subject_of
from armswatch.extraction.texts import lemmas, span_text
from armswatch.extraction.vocab import words
from armswatch.types import Mention

__all__ = ["SELF", "Claimant", "ClaimantFinder", "QuoteSpeakers", "claimant_finder", "in_quotes",
           "share_headline_claimants"]

# Claimant id meaning "each mention's own supplier" (a joint statement by the suppliers).
SELF = "=supplier"
# Punctuation before a headline's trailing credit ("... shells – Lukashenko", "...: Sources").
HEADLINE_SEPARATORS = (":", "–", "—", "-")
# Characters that close a full sentence (a headline has none of them at its end).
SENTENCE_END = ".!?\"”'’"
VERB_POS = ("VERB", "AUX")
# Words of an article's lead sentence at least (shorter full-stopped lines are datelines or credits).
LEAD_MIN_TOKENS = 6


@dataclass
class Claimant:
    id: str = "author"
    text: str | None = None
    token: Token | None = None  # the speaker's head token
    quoted: bool = False  # the claim sits inside quotation marks
    verb: Token | None = None  # the reporting verb
    head: Token | None = None  # where an "according to" phrase attaches
    joint: tuple[str, ...] = ()  # the actors of a listed speaker ("the Netherlands and Denmark announced")


def _phrase(token: Token) -> str:
    """The speaker as written, without trailing relative clauses."""
    skip = {t.i for c in token.children if c.dep_ in ("relcl", "acl") and c.i > token.i for t in c.subtree}
    toks = [t for t in token.subtree if t.i not in skip]
    return token.doc[toks[0].i: toks[-1].i + 1].text.strip(" ,.;:")


def _left_phrase(verb: Token) -> Token | None:
    """The head of the noun phrase ending just before `verb` ("a source familiar with the matter" told)."""
    if verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    while tok.head.i < verb.i and tok.head != tok and tok.head.pos_ not in VERB_POS and tok.dep_ not in (
            "punct", "appos", "conj"):
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.i < verb.i else None


def _trailing_tag(verb: Token) -> bool:
    """"..., X said." closing a sentence: the content clause comes first and the speaker after it."""
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(content and subj and content[0].i < subj[0].i < verb.i)


def _agent_of(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _accuser_of_participle(verb: Token) -> Token | None:
    """"entities ... accused of shipping": the noun is the accused; the accuser is "by X" or the subject of the
    clause that names them ("Britain sanctioned 14 entities accused of ..."); a claim noun accuses itself ("denied
    a report accusing it of ...")."""
    agent = _agent_of(verb)
    if agent is not None:
        return agent
    if verb.head.lemma_.lower() in words("claim_nouns") and verb.i > verb.head.i:
        return verb.head
    outer = verb.head.head if verb.head.dep_ in ("dobj", "nsubjpass", "pobj") else None
    return subject_of(outer) if outer is not None and outer.pos_ == "VERB" else None


def _needs_clause_ok(verb: Token) -> bool:
    """A reporting verb that reports only with a clause ("added that ...", "X has seen no evidence that ...")
    reports here only when it has one; other reporting verbs always do."""
    if verb.lemma_.lower() not in words("clause_only_reporting_verbs") | words("clause_reporting_verbs"):
        return True
    evidence = words("evidence_nouns")
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.lemma_.lower() in evidence)
               for c in verb.children)


class ClaimantFinder:
    """Finds the claimant of a trigger. `quotes` finds a quotation's speaker; without it (the finder that
    `QuoteSpeakers` itself uses) a quotation's speaker is not looked for."""

    def __init__(self, doc: Doc, idx: ActorIndex, quotes: QuoteSpeakers | None = None):
        self.doc, self.idx, self.quotes = doc, idx, quotes
        self.reporting = words("reporting_verbs") | words("clause_reporting_verbs")
        self.other = words("other_speakers")
        self.speaker_ids: dict[int, str] = {}  # speaker_id by token index: each speaker is asked about repeatedly

    # -- speakers ------------------------------------------------------------------------------------------------
    def speaker_id(self, token: Token) -> str:
        """Actor id of a speaker phrase, `other` for media and unnamed sources; a state's own media (the gazetteer's
        kind `media`: "KCNA", "Russian state media") speak for the state."""
        if token.i not in self.speaker_ids:
            self.speaker_ids[token.i] = self._speaker_id(token)
        return self.speaker_ids[token.i]

    def _speaker_id(self, token: Token) -> str:
        heads = words("media_heads") | words("civil_body_heads")
        if token.lemma_.lower() in heads and self.idx.span_ref(token) is None:
            return self._media_body(token)
        press = words("press_words")
        name = [t for t in token.subtree if t.i <= token.i]
        if any(t.lower_ in press for t in name):
            # "Ukrainian News Agency", "the Associated Press"; a state's own outlet speaks for it ("the BelTA news
            # agency")
            return next((r.id for t in name if (r := self.idx.span_ref(t)) is not None and r.kind == "media"), "other")
        ref = self.idx.resolve(token)
        if ref is None:
            ref = next((r for r in map(self.idx.resolve, token.conjuncts) if r is not None), None)
        if ref is not None:
            return ref.id  # "officials from France and Italy" -> FRA; state media ("KCNA") -> its state
        return self._generic_office(token) or self._named_before(token) or self._actor_in_phrase(token)

    def _media_body(self, token: Token) -> str:
        """"UN experts" speak for the UN; "Swedish analysts", "South Korean media" do not (a nationality does not
        make media or analysts official): an organisation modifying a media or analyst head, else `other`."""
        mods = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        bodies = [r.id for c in mods if (r := self.idx.span_ref(c)) is not None and r.id.startswith("org:")
                  and r.kind != "media"]
        # "US government sources", "Israeli military sources": a state's office named in the speaker
        offices = [r.id for c in mods if c.lemma_.lower() in words("official_source_words")
                   and (r := self.idx.resolve(c)) is not None and r.kind != "media"]
        return (bodies + offices + ["other"])[0]

    def _generic_office(self, token: Token) -> str | None:
        """"ministry spokesman": a generic office named earlier in full ("Iran's foreign ministry")."""
        generic = words("generic_heads")
        for t in token.subtree:
            if t.lemma_.lower() in generic and t.i < token.i and t.dep_ == "compound":
                ref = self.idx.same_head(t)
                if ref is not None:
                    return ref.id
        return None

    def _named_before(self, token: Token) -> str | None:
        """"Lavrov said" after "Russian Foreign Minister Sergei Lavrov": a name used alone that an earlier phrase
        gave with the office or country it speaks for."""
        if token.pos_ != "PROPN" or any(c.dep_ in ("compound", "amod") for c in token.children):
            return None
        earlier = next((t for t in reversed(token.doc[: token.i]) if t.text == token.text and t.pos_ == "PROPN"), None)
        if earlier is None:
            return None
        head = earlier
        while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i > head.i:
            head = head.head
        ref = self.idx.resolve(head)
        if ref is None or ref.kind == "media":
            found = self._actor_in_phrase(head)
            return found if found != "other" else None
        return ref.id

    def _actor_in_phrase(self, token: Token) -> str:
        """"records studied by the French navy": an actor anywhere in the speaker phrase, outside its relative
        clause, its content ("a report accusing Iran of ...") and its location ("a London-based group"); else
        `other`."""
        location = words("location_words")
        skip = {t.i for c in token.children if c.dep_ == "relcl" or (c.dep_ == "acl" and c.lemma_.lower() in
                                                                     self.reporting) for t in c.subtree}
        skip |= {t.i for c in token.subtree if c.lemma_.lower() in location for t in c.subtree}
        for t in token.subtree:
            if t.i in skip:
                continue
            span_ref = self.idx.span_ref(t)
            if span_ref is not None:
                return span_ref.id
        return "other"

    def _speaker_of(self, verb: Token) -> Token | None:
        """The token that speaks through a reporting verb: its subject, an accuser of a participle, a phrase the
        parse left apart before it, or its passive agent."""
        subj = subject_of(verb)
        if verb.dep_ == "acl" and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in verb.children):
            subj = _accuser_of_participle(verb)
        if verb.dep_ in ("advcl", "parataxis", "ROOT") and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                     for c in verb.children):
            subj = _left_phrase(verb) or subj  # "..., a source familiar with it told Reuters" parsed apart
        quoted = _quoted_as(verb)
        if quoted is not None:
            return quoted  # "the paper cited officials as saying ...": the officials speak
        agent = _agent_of(verb)
        if agent is not None and verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children):
            return agent  # "as reported by Bloomberg", "as announced by the ministry": the passive's agent speaks
        return subj if subj is not None else agent

    def from_verb(self, verb: Token) -> Claimant | None:
        """The claimant a reporting verb names: its speaker, a pronoun of a relative clause taken as the clause's
        subject ("companies that it said ..."), none for "this"/"that"."""
        subj = self._speaker_of(verb)
        if subj is None:
            return None
        if subj.lower_ in words("clause_subject_pronouns") and subj.pos_ == "PRON":
            # "The report identified companies that it said had sold ...": the clause's own subject
            root_subj = [c for c in subj.sent.root.children if c.dep_ == "nsubj" and c.i < subj.i]
            if not root_subj:
                return None
            subj = root_subj[0]
        if subj.lower_ in words("demonstrative_pronouns") and subj.pos_ == "PRON":
            return None
        c = Claimant(self.speaker_id(subj), _phrase(subj), subj)
        c.joint = self._listed_speakers(subj)
        return c

    def _listed_speakers(self, subj: Token) -> tuple[str, ...]:
        """The actors of a listed speaker ("the Netherlands and Denmark", "OSLO — Norway and Denmark"), when more
        than one."""
        if subj.pos_ == "PRON":
            return ()
        heads = [subj, *subj.conjuncts]
        heads += [g for c in subj.children if c.dep_ == "appos" for g in (c, *c.conjuncts)]
        ids = tuple(dict.fromkeys(r.id for h in heads if (r := self.idx.resolve(h)) is not None and r.kind != "media"))
        return ids if len(ids) > 1 else ()

    def according_to(self, sent: Span, trigger: Token) -> Claimant | None:
        """"according to X", "per X", "citing X": X, nearest to the trigger when there are several."""
        best = None
        for tok in sent:
            for obj in self._source_objects(tok)[:1]:
                cand = Claimant(self.speaker_id(obj), _phrase(obj), obj)
                cand.head = tok.head
                if best is None or abs(obj.i - trigger.i) < abs(best.token.i - trigger.i):
                    best = cand
        return best

    def _source_objects(self, tok: Token) -> list[Token]:
        """The source a word introduces: "according to X", "per X", "citing unnamed officials" (not "citing its
        relations with Russia": a cited source is a speaker or an actor)."""
        low = tok.lower_
        if low == "according":
            # "according to X"; "according to what X announced": the speaker of the clause
            return [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"] + [
                s for c in tok.children if c.lower_ == "to" for v in c.children if v.dep_ == "pcomp"
                and v.lemma_.lower() in self.reporting and (s := subject_of(v)) is not None]
        if low == "per" and tok.dep_ == "prep":
            # "per the Pentagon", not "as per an agreement" (the terms of a deal are no source)
            return [g for g in tok.children if g.dep_ == "pobj" and g.lemma_.lower() not in words("terms_nouns")]
        if low == "citing":
            return [g for g in tok.children if g.dep_ == "dobj" and (
                g.lemma_.lower() in self.other or self.idx.span_ref(g) is not None)]
        return []

    # -- the claimant of a trigger -------------------------------------------------------------------------------
    def find(self, trigger: Token, sent: Span, report_verb: Token | None, sentences: list[Span]) -> Claimant:
        """The claimant of the mention at `trigger`, trying in order: the owner of a claim noun that governs it
        (GUIDELINES §6), what the sentence itself credits (`_stated`), then a following sentence that attributes
        this one; else the author."""
        c = self._claim_owner(trigger) or self._stated(trigger, sent, report_verb, sentences)
        if c is not None:
            c.quoted = in_quotes(self.doc, trigger.i)
            return c
        c = self._following(sent, sentences)
        if c is not None:
            return self._titled_following(c, sent)
        return Claimant()

    def _stated(self, trigger: Token, sent: Span, report_verb: Token | None,
                sentences: list[Span]) -> Claimant | None:
        """The credit within the sentence: reporting verbs above the trigger, else "according to X", a headline
        credit, a joint statement, a measure's reason, a sentence-final reporting verb or a quotation's speaker."""
        found = self._reported_by(trigger, sent, report_verb)
        acc = self.according_to(sent, trigger)
        if found:
            return _relayed(self._first_report(found, acc, sent, trigger), found, acc, trigger, self.idx)
        if acc is not None:
            return acc  # "according to X", "citing X"
        # a headline's trailing credit, an own statement, the author of a measure
        c = self._headline_credit(sent, trigger)
        if c is None and self._in_own_statement(trigger):
            c = Claimant(SELF, None, None)
        if c is None:
            c = self._measure_reason(trigger)
        if c is None:
            c = self._sentence_reporter(sent, trigger)
        if c is None and self.quotes is not None and in_quotes(self.doc, trigger.i):
            c = self.quotes.speaker(trigger, sentences)
        return c

    def _reported_by(self, trigger: Token, sent: Span, report_verb: Token | None) -> list[Claimant]:
        """Claimants of the reporting verbs above the trigger or beside its clause, speech verbs before evidential
        ones ("X said ...", not "X underscores ..." when both are there)."""
        chain = [report_verb] if report_verb is not None else []
        chain += [a for a in trigger.ancestors if a.lemma_.lower() in self.reporting and a.pos_ in VERB_POS
                  and a not in chain]
        chain = [v for v in chain if _needs_clause_ok(v) and v not in _announcing_verbs(trigger)
                 and not _adverbial_below(v, trigger)]
        chain += self._side_reports(trigger, sent, chain)
        found: list[Claimant] = []
        for verb in chain:
            c = self.from_verb(verb)
            if c is not None:
                c.verb = verb
                found.append(c)
        evidential = words("evidential_verbs")
        found.sort(key=lambda c: c.verb.lemma_.lower() in evidential)  # stable: speech verbs first
        return found

    def _first_report(self, found: list[Claimant], acc: Claimant | None, sent: Span, trigger: Token) -> Claimant:
        """Of the reporting verbs above the trigger: an "according to" on the first of them is the outer
        attribution ("X told Y that ..., according to sources"); else the innermost with a non-pronoun speaker;
        else the first, its pronoun resolved."""
        first = found[0]
        if acc is not None and acc.head is not None and (acc.head in first.verb.ancestors or acc.head == first.verb):
            return acc
        for c in found:
            if c.token is not None and c.token.pos_ != "PRON":
                return self._prefer_according(c, sent, trigger)
        ref = self.idx.anaphor(first.token)
        if ref is not None:
            first.id = ref.id
        return first

    def _sentence_reporter(self, sent: Span, trigger: Token) -> Claimant | None:
        """"..., US says": a sentence-level reporting verb after the trigger that the parse did not put above it."""
        root = sent.root
        if root.lemma_.lower() in self.reporting and root.i > trigger.i and root != trigger:
            return self.from_verb(root)
        return None

    def _titled_following(self, c: Claimant, sent: Span) -> Claimant:
        """"A sent tanks. ..., the minister said.": an untied office holder in a following sentence speaks for the
        state that is the subject of the sentence attributed."""
        if c.id == "other" and c.token is not None and self._titled(c.token):
            subj = subject_of(sent.root) if sent.root.pos_ in VERB_POS else None
            refs = self.idx.resolve_all(subj) if subj is not None else []
            c.id = refs[0].id if len(refs) == 1 and refs[0].kind != "media" else c.id
        return c

    def _claim_owner(self, trigger: Token) -> Claimant | None:
        """Who makes the claim whose content holds the trigger, when a claim noun ("claims of", "reports that")
        governs it and no reporting verb stands above (a speaker who cites an assessment endorses it): the
        noun's possessor or "by/from X", else `other`."""
        nouns = words("claim_nouns")
        if any(a.pos_ in VERB_POS and a.lemma_.lower() in self.reporting for a in trigger.ancestors):
            return None  # a speaker attributes it (step 1)
        misplaced = _misplaced_claim_noun(trigger)
        for anc in [*([misplaced] if misplaced is not None else []), *trigger.ancestors]:
            if anc.pos_ not in ("NOUN", "PROPN") or anc.lemma_.lower() not in nouns or anc.i > trigger.i:
                continue
            owners = [c for c in anc.children if c.dep_ in ("poss", "amod", "compound")]
            owners += [g for c in anc.children if c.dep_ == "prep" and c.lower_ in words("claim_owner_preps")
                       for g in c.children if g.dep_ == "pobj"]
            for o in owners:
                ref = self.idx.resolve(o)
                if ref is not None and ref.kind != "media":
                    return Claimant(ref.id, _phrase(o), o)
            if anc.dep_ == "attr" and any(c.dep_ == "expl" for c in anc.head.children):
                return Claimant()  # "there have been multiple reports of ...": the article's own voice
            return Claimant("other", None, None)
        return None

    def _headline_credit(self, sent: Span, trigger: Token) -> Claimant | None:
        """A short credit after a colon or dash closing a headline-like line (no final full stop), after the
        trigger: "– Lukashenko" (his state), ": Sources", ": Report" (`other`), ": Pentagon report" (USA)."""
        if span_text(sent).rstrip()[-1:] in SENTENCE_END:
            return None
        seps = [t for t in sent if t.text in HEADLINE_SEPARATORS and t.i > trigger.i and t.whitespace_]
        if not seps:
            return None
        tail = [t for t in sent if t.i > seps[-1].i and not t.is_punct and not t.is_space]
        if not tail or len(tail) > 4 or any(t.pos_ in VERB_POS for t in tail):
            return None
        inside = {t.i for t in tail}
        head = next((t for t in tail if t.head == t or t.head.i not in inside), tail[-1])  # the phrase's root
        return Claimant(self.speaker_id(head), sent.doc[tail[0].i: tail[-1].i + 1].text, head)

    def _in_own_statement(self, trigger: Token) -> bool:
        """An "In a (joint) statement," phrase on the clause of the trigger (the subjects' own statement)."""
        statements = words("statement_nouns")
        for anc in [trigger, *trigger.ancestors]:
            for c in anc.children:
                if c.dep_ == "prep" and c.lower_ == "in" and c.i < trigger.i and any(
                        g.lemma_.lower() in statements for g in c.children if g.dep_ == "pobj"):
                    return True
        return False

    def _measure_reason(self, trigger: Token) -> Claimant | None:
        """"sanctioned two firms for supplying ...", "fined X over shipping ...": the measure's author states the
        reason."""
        if trigger.dep_ != "pcomp" or trigger.head.lower_ not in words("measure_reason_preps"):
            return None
        verb = trigger.head.head
        if verb.lemma_.lower() not in words("accusing_measures") or verb.pos_ != "VERB":
            return None
        subj = subject_of(verb)
        return Claimant(self.speaker_id(subj), _phrase(subj), subj, verb=verb) if subj is not None else None

    def _side_reports(self, trigger: Token, sent: Span, chain: list[Token]) -> list[Token]:
        """Reporting verbs beside the clause: "As X reported, ...", "..., X said, ..." (advcl/parataxis); a
        comparison ("more than previously announced") is none, but an "as X reported" the parse hung on it is."""
        out = []
        for anc in [trigger, *trigger.ancestors]:
            for c in anc.children:
                if c.dep_ not in ("advcl", "parataxis", "conj") or c in chain or (
                        anc != trigger and c.i in {t.i for t in trigger.subtree}):
                    continue
                if _compares(c):
                    out += [g for g in c.children if g.dep_ == "advcl" and g.lemma_.lower() in self.reporting
                            and any(m.dep_ == "mark" and m.lower_ == "as" for m in g.children)]
                elif c.lemma_.lower() in self.reporting and _credits(c):
                    out.append(c)
        return out

    def _prefer_according(self, c: Claimant, sent: Span, trigger: Token) -> Claimant:
        """A titled official of no stated country ("Chancellor Karl Nehammer said", "the air force spokesman said")
        speaks for the state that is the subject of the clause reported."""
        if c.id != "other" or c.token is None or c.verb is None or not self._titled(c.token):
            return c
        clause = next((a for a in [trigger, *trigger.ancestors] if a.head == c.verb and a != c.verb), None)
        subj = subject_of(clause) if clause is not None and clause.pos_ in VERB_POS else None
        refs = self.idx.resolve_all(subj) if subj is not None else []
        if len(refs) == 1 and refs[0].kind != "media":
            c.id = refs[0].id
        return c

    def _titled(self, speaker: Token) -> bool:
        """A single office holder named by title ("Chancellor Karl Nehammer", "the spokesman"), not "officials"."""
        titles = words("official_titles")
        phrase = [t for t in speaker.subtree if t.i <= speaker.i]
        return speaker.tag_ not in ("NNS", "NNPS") and any(t.lemma_.lower() in titles for t in phrase)

    def _following(self, sent: Span, sentences: list[Span]) -> Claimant | None:
        """"A sent tanks to B. X announced this.": a reporting verb of the next sentence whose object points back
        (no object, "this", "it" ...) credits the sentence, unless it tags a content clause of its own ("A sent
        tanks. It also sent jets, the minister said.": the speaker tags both sentences)."""
        nxt = next((s for s in sentences if s.start >= sent.end and span_text(s).strip()), None)
        if nxt is None:
            return None
        back, backward_objects = words("backward_reporting"), words("backward_objects")
        for verb in nxt:
            if verb.lemma_.lower() not in back or verb.pos_ not in VERB_POS:
                continue
            objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
            if not objs or any(o.lower_ in backward_objects for o in objs):
                break
            if verb == nxt.root and _trailing_tag(verb):
                break
        else:
            return None
        c = self.from_verb(verb)
        if c is not None and c.token is not None and c.token.pos_ == "PRON":
            ref = self.idx.anaphor(c.token)
            c.id = ref.id if ref is not None else "other"
        return c


def _adverbial_below(verb: Token, trigger: Token) -> bool:
    """"Islamabad announced buying jets, five years after India inked a deal with France": a subordinate clause of
    the reporting verb itself (its time, cause or contrast), or a coordinated clause with its own subject, is not
    what it reports."""
    child = next((a for a in [trigger, *trigger.ancestors] if a.head == verb and a != verb), None)
    if child is not None and child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
        return True  # "Germany announced X, and the Netherlands followed suit": a clause of its own
    return child is not None and child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in words("adverbial_marks") for m in child.children)


def _misplaced_claim_noun(trigger: Token) -> Token | None:
    """"... in the face of accusations by the U.S. that the regime has supplied ...": a "that"-clause the parse hung
    on a verb that does not report is the content of the claim noun just before it."""
    clause = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "ccomp"), None)
    if clause is None or clause.head.lemma_.lower() in words("reporting_verbs"):
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0 or mark.i <= clause.head.i:
        return None
    noun, nouns = mark.doc[mark.i - 1], words("claim_nouns")
    while noun.lemma_.lower() not in nouns and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and \
            noun.head.head.right_edge.i == mark.i - 1:
        noun = noun.head.head  # "accusations by the U.S. | that": up from the "by" phrase to the noun
    return noun if noun.lemma_.lower() in nouns else None


def _announcing_verbs(trigger: Token) -> list[Token]:
    """"The EU announced new sanctions against ...", "Brussels condemned X and announced an embargo": a measure
    that is the plain object of a reporting verb is the imposer's act, stated as a fact, not a claim that verb (or a
    verb it is coordinated with) reports."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or trigger.lemma_.lower() not in words("announced_measure_nouns"):
        return []
    out = [verb]
    while verb.dep_ == "conj" and verb.head.pos_ in VERB_POS:
        verb = verb.head
        out.append(verb)
    return out


def _quoted_as(verb: Token) -> Token | None:
    """"cited US officials as saying ...", "..., Reuters reported EU diplomats as saying": the cited object speaks
    (the verb is the "saying" or the citing verb itself)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    elif not any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
                 for c in verb.children):
        return None
    if verb.lemma_.lower() not in words("quoting_verbs"):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs[0] if objs else None


def _is_actor(c: Claimant | None) -> bool:
    return c is not None and c.id not in ("other", "author", SELF)


def _relayed(chosen: Claimant, found: list[Claimant], acc: Claimant | None, trigger: Token,
             idx: ActorIndex) -> Claimant:
    """A claim a medium relays from a named party is that party's (GUIDELINES §6: "the White House told Reuters"
    -> USA): when the chosen credit is a news outlet or its report, the innermost actor among the other credits
    that states the clause ("the outlet, citing US sources, says ...", "the paper reported that the minister said
    ...", "X announced that ..., according to a Reuters report"). Unnamed sources stay the claimant of what they
    say a party said ("the president told allies that ..., according to sources"), but not of a party's statement
    below the verb they credit; the medium stays when the party only will announce or has yet to confirm."""
    if chosen.id != "other" or chosen.token is None:
        return chosen
    above = [c for c in found if c.verb is not None and c.verb in trigger.ancestors and _states_clause(c.verb, trigger)]
    if not _is_medium(chosen.token, idx):
        # unnamed sources who report that a named party said it: the party ("the FT, citing unnamed officials,
        # reported that the secretary said ..."); not when they report the party's words themselves
        attach = chosen.head if chosen.head is not None else chosen.verb
        above = [c for c in above if attach is not None and attach in c.verb.ancestors]
        acc = None
    for c in [*above, acc]:
        if _is_actor(c) and c.token is not None and c.token.pos_ != "PRON":
            return c
    return chosen


def _is_medium(token: Token, idx: ActorIndex) -> bool:
    """A news outlet or its report ("the outlet", "a Reuters report", "the paper"), or a named body that is no
    actor ("CNN", "the Financial Times")."""
    ref = idx.resolve(token)
    return (ref is not None and ref.kind == "media") or token.lemma_.lower() in words("relaying_heads") or (
        ref is None and token.pos_ == "PROPN")


def _states_clause(verb: Token, trigger: Token) -> bool:
    """The verb asserts a clause holding the trigger: not a plain object ("confirm the deal"), nor negated or modal
    ("will announce", "did not say")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children):
        return False
    path = [trigger, *[a for a in trigger.ancestors if a.i != verb.i and verb in a.ancestors]]
    return any(t.dep_ in ("ccomp", "xcomp", "pcomp", "parataxis") for t in path)


def _compares(clause: Token) -> bool:
    """"(more drones) than previously announced", "than (was) expected": a comparison, never a credit."""
    return any(m.dep_ == "mark" and m.lower_ in words("comparison_marks") for m in clause.children)


def _credits(report: Token) -> bool:
    """Whether a reporting verb beside a clause credits it: "As X reported, ...", "..., X said, ..." (no content of
    its own; "told Reuters" names the addressee, not the content), but not "..., while Canada said ..." (another
    party's statement) nor "..., alleging that ..."."""
    if any(m.dep_ == "mark" and m.lower_ in words("contrast_marks") for m in report.children):
        return False
    if any(m.dep_ == "mark" and m.lower_ == "as" for m in report.children):
        return True
    content_deps = ("ccomp", "xcomp") if report.lemma_.lower() in words("addressee_verbs") else (
        "ccomp", "dobj", "xcomp")
    return not any(m.dep_ in content_deps for m in report.children)


class QuoteSpeakers:
    """Who speaks a quotation ("'...,' Kirby said." or "Kirby said: '...'"), for the claimant of a quoted claim and
    for a first-person pronoun inside a quotation (`ActorIndex` asks it through `first_person`).

    Its finder works on an actor index that resolves no first-person pronoun: a "we" inside a quote whose speaker
    is itself a quoted "we" has no speaker, and the search never recurses."""

    def __init__(self, finder: ClaimantFinder, sentences: list[Span]):
        self.finder, self.sentences = finder, sentences

    def speaker(self, trigger: Token, sentences: list[Span]) -> Claimant | None:
        """The nearest quotation tag outside quotation marks in `sentences`, its pronoun speaker resolved."""
        doc, tags = trigger.doc, words("quote_tag_verbs")
        best, lemma = None, lemmas(doc)
        for s in sentences:
            for i in range(s.start, s.end):
                if lemma[i] in tags and not in_quotes(doc, i):
                    tok = doc[i]
                    c = self.finder.from_verb(tok)
                    if c is not None and (best is None or abs(tok.i - trigger.i) < abs(best.token.i - trigger.i)):
                        best = c
        if best is not None and best.token is not None and best.token.pos_ == "PRON":
            ref = self.finder.idx.anaphor(best.token)
            if ref is not None:
                best.id = ref.id
        return best

    def first_person(self, token: Token) -> ActorRef | None:
        """"We"/"I" inside a quotation: the quotation's speaker (an actor, not `other` or the author)."""
        if not in_quotes(token.doc, token.i):
            return None
        c = self.speaker(token, self.sentences)
        if c is None or c.id in ("other", "author") or c.token is None:
            return None
        return ActorRef(c.id, "state", c.token.i, c.token.i + 1, "anaphor")


def claimant_finder(doc: Doc, sentences: list[Span]) -> ClaimantFinder:
    """The claimant stage of one parsed passage; its `idx` is the actor index the other stages share (it resolves a
    quoted "we"/"I" to the quotation's speaker)."""
    plain = ActorIndex(doc)
    quotes = QuoteSpeakers(ClaimantFinder(doc, plain), sentences)
    return ClaimantFinder(doc, plain.with_speakers(quotes), quotes)


def share_headline_claimants(mentions: list[Mention], sentence_of: Callable[[Mention], Span]) -> None:
    """A headline states the lead sentence's claim in short: a headline mention in the author's voice takes the
    credit the lead sentence gives the same key ("Iran sends drones to Russia" over "Iran has sent drones to
    Russia, US officials said" -> USA). A headline with a credit of its own (": Report") keeps it, and so does one
    whose lead is a party's own statement ("US pauses a shipment" over "The administration said it paused ...")."""
    if not mentions:
        return
    headlines, lead = _headlines_and_lead(list(sentence_of(mentions[0]).doc.sents))
    if lead is None:
        return
    credited = {m.key(): m for m in mentions if sentence_of(m) == lead and m.claimant != "author"
                and m.claimant not in (m.supplier, m.recipient)}
    for m in mentions:
        if sentence_of(m) in headlines and m.claimant == "author" and m.key() in credited:
            m.claimant, m.claimant_text = credited[m.key()].claimant, credited[m.key()].claimant_text


def _headlines_and_lead(sents: list[Span]) -> tuple[list[Span], Span | None]:
    """The lines before an article's first full sentence (headline, section label, "(MENAFN)"), and that sentence
    (of at least `LEAD_MIN_TOKENS` words, closed by a full stop)."""
    for i, s in enumerate(sents):
        text = span_text(s).strip()
        if text[-1:] in SENTENCE_END and sum(not t.is_punct for t in s) >= LEAD_MIN_TOKENS:
            return sents[:i], (s if i else None)
    return [], None
