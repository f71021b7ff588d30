"""Who asserts a mention: a reporting verb above the trigger, "according to X", a headline ", X says", or a later
"... announced this" sentence; resolved to an actor id, `other` or `author`."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from armswatch.extraction.actors import LOCATION_WORDS, ActorIndex
from armswatch.extraction.arguments import subject_of
from armswatch.extraction.rules import Rules

# Verbs that report only with a clause ("added that ...", not "added X to the list").
NEEDS_CLAUSE = {"add", "show", "see", "find", "know", "understand", "learn", "note", "highlight", "signal"}
# Evidential verbs ("X underscores that ...") rank after speech verbs when both are above a trigger.
EVIDENTIAL = {"underscore", "show", "indicate", "reveal", "signal", "highlight", "suggest"}
# Claimant id meaning "each mention's own supplier" (a joint statement by the suppliers).
SELF = "=supplier"
# Reporting verbs whose direct object is the person told ("told Reuters", "briefed lawmakers").
ADDRESSEE_VERBS = {"tell", "brief", "inform"}
QUOTES_OPEN = "\"“”‘’«»'"
DOUBLE_QUOTES = "\"“”«»"
_QUOTATION_MARK = re.compile("[\"“”«»]")


@dataclass
class Claimant:
    id: str = "author"
    text: str | None = None
    token: Token | None = None  # the speaker's head token
    quoted: bool = False  # the claim sits inside quotation marks
    verb: Token | None = None  # the reporting verb
    head: Token | None = None  # where an "according to" phrase attaches


# Subordinators that make a reporting clause a statement of its own ("X did A, while Y said B"), never a credit.
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "whilst", "because", "since", "if", "when"})

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
    while tok.head.i < verb.i and tok.head != tok and tok.head.pos_ not in ("VERB", "AUX") and tok.dep_ not in (
            "punct", "appos", "conj"):
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.i < verb.i else None


def _trailing_tag(verb: Token) -> bool:
    """"..., X said." closing a sentence: the content clause comes first and the speaker after it."""
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(content and subj and content[0].i < subj[0].i < verb.i)


def in_quotes(doc: Doc, i: int) -> bool:
    """Whether token i sits between an opening and a closing double quotation mark (counted from the passage start)."""
    marks = doc.user_data.get("armswatch.quotes")
    if marks is None:  # once per doc: [offsets of the quotation marks, whether a quote is open after each]
        offsets, open_after, opens = [], [], 0
        for m in _QUOTATION_MARK.finditer(doc.text):
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


class ClaimantFinder:
    def __init__(self, doc: Doc, idx: ActorIndex, rules: Rules):
        self.doc, self.idx, self.rules = doc, idx, rules
        self.reporting = rules.cue("reporting_verbs")
        self.other = rules.cue("other_speakers")

    def speaker_id(self, token: Token) -> str:
        """Actor id of a speaker phrase, `other` for media and unnamed sources."""
        if token.lemma_.lower() in self.rules.cue("media_heads") and self.idx.span_ref(token) is None:
            bodies = [r.id for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                      and (r := self.idx.span_ref(c)) is not None and r.id.startswith("org:") and r.kind != "media"]
            return bodies[0] if bodies else "other"  # "UN experts" speak for the UN; "Swedish analysts" do not
        if any(t.lower_ in ("news", "press") for t in token.subtree if t.i < token.i or t == token):
            return "other"  # "Ukrainian News Agency", "the Associated Press"  # "Swedish media", "South Korean analysts": a nationality does not make it official
        ref = self.idx.resolve(token)
        if ref is None:
            for conj in token.conjuncts:
                ref = self.idx.resolve(conj)
                if ref is not None:
                    break
        if ref is not None:
            if ref.kind == "media":
                return "other"
            # "officials from France and Italy" -> FRA; "a newspaper" -> other
            return ref.id
        # "ministry spokesman": a generic office named earlier in full ("Iran's foreign ministry")
        generic = self.rules.cue("generic_heads")
        for t in token.subtree:
            if t.lemma_.lower() in generic and t.i < token.i and t.dep_ == "compound":
                ref = self.idx.same_head(t)
                if ref is not None:
                    return ref.id
        # "records studied by the French navy": an actor anywhere in the speaker phrase
        skip = {t.i for c in token.children if c.dep_ in ("relcl",) for t in c.subtree}
        skip |= {t.i for c in token.subtree if c.lemma_.lower() in LOCATION_WORDS for t in c.subtree}
        for t in token.subtree:
            if t.i in skip:
                continue
            span_ref = self.idx.span_ref(t)
            if span_ref is not None:
                return "other" if span_ref.kind == "media" else span_ref.id
        return "other"

    def _from_verb(self, verb: Token) -> Claimant | None:
        subj = subject_of(verb)
        if verb.dep_ == "acl" and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in verb.children):
            # "entities ... accused of shipping": the noun is the accused; the accuser is "by X" or the actor of
            # the clause that names them ("Britain sanctioned 14 entities accused of ...")
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            outer = verb.head.head if verb.head.dep_ in ("dobj", "nsubjpass", "pobj") else None
            subj = agents[0] if agents else (subject_of(outer) if outer is not None and outer.pos_ == "VERB"
                                             else None)
        if verb.dep_ in ("advcl", "parataxis", "ROOT") and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                     for c in verb.children):
            subj = _left_phrase(verb) or subj  # "..., a source familiar with it told Reuters" parsed apart
        if subj is None:
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            subj = agents[0] if agents else None
        if subj is None:
            return None
        if subj.lower_ in ("it", "they") and subj.pos_ == "PRON":
            # "The report identified companies that it said had sold ...": the clause's own subject
            root_subj = [c for c in subj.sent.root.children if c.dep_ == "nsubj" and c.i < subj.i]
            if not root_subj:
                return None
            subj = root_subj[0]
        if subj.lower_ in ("this", "that") and subj.pos_ == "PRON":
            return None
        return Claimant(self.speaker_id(subj), _phrase(subj), subj)

    def according_to(self, sent: Span, trigger: Token) -> Claimant | None:
        """"according to X", "per X", "citing X": X, nearest to the trigger when there are several."""
        best = None
        for tok in sent:
            low = tok.lower_
            if low == "according":
                objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            elif low == "per" and tok.dep_ == "prep":
                objs = [g for g in tok.children if g.dep_ == "pobj"]
            elif low == "citing":  # "citing unnamed officials", not "citing its relations with Russia"
                objs = [g for g in tok.children if g.dep_ == "dobj" and (
                    g.lemma_.lower() in self.other or self.idx.span_ref(g) is not None)]
            else:
                continue
            for obj in objs[:1]:
                cand = Claimant(self.speaker_id(obj), _phrase(obj), obj)
                cand.head = tok.head
                if best is None or abs(obj.i - trigger.i) < abs(best.token.i - trigger.i):
                    best = cand
        return best

    def find(self, trigger: Token, sent: Span, report_verb: Token | None, sentences: list[Span]) -> Claimant:
        quoted = in_quotes(self.doc, trigger.i)
        # 0. the content of a claim noun nearer than any reporting verb ("denies Moscow's claims of Serbian firms
        #    supplying ...", "rejected reports of X selling ..."): the claim's owner, else `other` (GUIDELINES §6)
        owner = self._claim_owner(trigger)
        if owner is not None:
            owner.quoted = quoted
            return owner
        # 1. a reporting verb above the trigger (innermost with a resolvable, non-pronoun speaker; else outermost)
        chain = [report_verb] if report_verb is not None else []
        chain += [a for a in trigger.ancestors if a.lemma_.lower() in self.reporting and a.pos_ in ("VERB", "AUX")
                  and a not in chain]
        evidence = self.rules.cue("evidence_nouns")
        chain = [v for v in chain if v.lemma_.lower() not in NEEDS_CLAUSE or any(
            c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.lemma_.lower() in evidence)
            for c in v.children)]  # "X said that ...", "X has seen no evidence that ..."
        chain += self._side_reports(trigger, sent, chain)
        found: list[Claimant] = []
        for verb in chain:
            c = self._from_verb(verb)
            if c is not None:
                c.verb = verb
                found.append(c)
        found.sort(key=lambda c: c.verb.lemma_.lower() in EVIDENTIAL)  # stable: speech verbs first
        acc = self.according_to(sent, trigger)
        if acc is not None and found and acc.head is not None and (
                acc.head in found[0].verb.ancestors or acc.head == found[0].verb):
            acc.quoted = quoted  # "X told Y that ..., according to sources": the outer attribution
            return acc
        for c in found:
            if c.token is not None and c.token.pos_ != "PRON":
                c.quoted = quoted
                return self._prefer_according(c, sent, trigger)
        if found:
            c = found[0]
            ref = self.idx.anaphor(c.token)
            if ref is not None:
                c.id = ref.id
            c.quoted = quoted
            return c
        # 1a. a headline's trailing credit: "Belarus helps Russia by supplying shells – Lukashenko", "...: Sources"
        tag = self._headline_credit(sent, trigger)
        if tag is not None and acc is None:
            tag.quoted = quoted
            return tag
        # 1b. "In a joint statement, X and Y committed to ...": each subject speaks for itself
        if acc is None and self._in_own_statement(trigger):
            return Claimant(SELF, None, None, quoted)
        # 2. "sanctioned two firms for supplying ...": the measure's author states the reason
        c = self._measure_reason(trigger)
        if c is not None and acc is None:
            c.quoted = quoted
            return c
        # 2b. "according to X", "citing X"
        if acc is not None:
            acc.quoted = quoted
            return acc
        # 3. a sentence-level reporting verb that the parse did not put above the trigger ("..., US says")
        root = sent.root
        if root.lemma_.lower() in self.reporting and root.i > trigger.i and root != trigger:
            c = self._from_verb(root)
            if c is not None:
                c.quoted = quoted
                return c
        # 4. a quotation: the reporting verb of the quote ("'...,' Kirby said." or "Kirby said: '...'")
        if quoted:
            c = self._quote_speaker(trigger, sentences)
            if c is not None:
                c.quoted = True
                return c
        # 5. a following sentence that attributes this one ("X announced this", "..., he said")
        c = self._following(sent, sentences)
        if c is not None:
            if c.id == "other" and c.token is not None and self._titled(c.token):
                subj = subject_of(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
                refs = self.idx.resolve_all(subj) if subj is not None else []
                c.id = refs[0].id if len(refs) == 1 and refs[0].kind != "media" else c.id
            return c
        return Claimant()

    def _claim_owner(self, trigger: Token) -> Claimant | None:
        """Who makes the claim whose content holds the trigger, when a claim noun ("claims of", "reports that")
        governs it and no reporting verb stands above (a speaker who cites an assessment endorses it): the
        noun's possessor or "by/from X", else `other`."""
        nouns = self.rules.cue("claim_nouns")
        if any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in self.reporting for a in trigger.ancestors):
            return None  # a speaker attributes it (step 1)
        for anc in trigger.ancestors:
            if anc.pos_ not in ("NOUN", "PROPN") or anc.lemma_.lower() not in nouns or anc.i > trigger.i:
                continue
            owners = [c for c in anc.children if c.dep_ in ("poss", "amod", "compound")]
            owners += [g for c in anc.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
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
        if sent.text.rstrip()[-1:] in ".!?\"”'’":
            return None
        seps = [t for t in sent if t.text in (":", "–", "—", "-") and t.i > trigger.i and t.whitespace_]
        if not seps:
            return None
        tail = [t for t in sent if t.i > seps[-1].i and not t.is_punct and not t.is_space]
        if not tail or len(tail) > 4 or any(t.pos_ in ("VERB", "AUX") for t in tail):
            return None
        inside = {t.i for t in tail}
        head = next((t for t in tail if t.head == t or t.head.i not in inside), tail[-1])  # the phrase's root
        return Claimant(self.speaker_id(head), sent.doc[tail[0].i: tail[-1].i + 1].text, head)

    def _in_own_statement(self, trigger: Token) -> bool:
        """An "In a (joint) statement," phrase on the clause of the trigger (the subjects' own statement)."""
        statements = self.rules.cue("statement_nouns")
        for anc in [trigger, *trigger.ancestors]:
            for c in anc.children:
                if c.dep_ == "prep" and c.lower_ == "in" and c.i < trigger.i and any(
                        g.lemma_.lower() in statements for g in c.children if g.dep_ == "pobj"):
                    return True
        return False

    def _measure_reason(self, trigger: Token) -> Claimant | None:
        if trigger.dep_ != "pcomp" or trigger.head.lower_ not in ("for", "over"):
            return None
        verb = trigger.head.head
        if verb.lemma_.lower() not in self.rules.cue("accusing_measures") or verb.pos_ != "VERB":
            return None
        subj = subject_of(verb)
        return Claimant(self.speaker_id(subj), _phrase(subj), subj, verb=verb) if subj is not None else None

    def _side_reports(self, trigger: Token, sent: Span, chain: list[Token]) -> list[Token]:
        """Reporting verbs beside the clause: "As X reported, ...", "..., X said, ..." (advcl/parataxis)."""
        out = []
        for anc in [trigger, *trigger.ancestors]:
            for c in anc.children:
                if c.dep_ in ("advcl", "parataxis", "conj") and c.lemma_.lower() in self.reporting and c not in chain \
                        and (anc == trigger or c.i not in {t.i for t in trigger.subtree}):
                    as_mark = any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                    if any(m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children):
                        continue  # "..., while Canada said ...": another party's statement, not an attribution
                    # "told Reuters" names the addressee, not the content: it still attributes the clause
                    content_deps = ("ccomp", "xcomp") if c.lemma_.lower() in ADDRESSEE_VERBS else (
                        "ccomp", "dobj", "xcomp")
                    content = any(m.dep_ in content_deps for m in c.children)
                    if as_mark or not content:  # "As X reported, ..." / "..., X said, ..."; not "alleging that"
                        out.append(c)
        return out

    def _prefer_according(self, c: Claimant, sent: Span, trigger: Token) -> Claimant:
        """A titled official of no stated country ("Chancellor Karl Nehammer said", "the air force spokesman said")
        speaks for the state that is the subject of the clause reported."""
        if c.id != "other" or c.token is None or c.verb is None or not self._titled(c.token):
            return c
        clause = next((a for a in [trigger, *trigger.ancestors] if a.head == c.verb and a != c.verb), None)
        subj = subject_of(clause) if clause is not None and clause.pos_ in ("VERB", "AUX") else None
        refs = self.idx.resolve_all(subj) if subj is not None else []
        if len(refs) == 1 and refs[0].kind != "media":
            c.id = refs[0].id
        return c

    def _titled(self, speaker: Token) -> bool:
        titles = self.rules.cue("official_titles")
        phrase = [t for t in speaker.subtree if t.i <= speaker.i]
        return speaker.tag_ not in ("NNS", "NNPS") and any(t.lemma_.lower() in titles for t in phrase)

    def _quote_speaker(self, trigger: Token, sentences: list[Span]) -> Claimant | None:
        if getattr(self, "_in_quote_speaker", False):
            return None  # "we" inside a quote whose speaker is itself a quoted "we": no speaker
        self._in_quote_speaker = True
        try:
            return self._find_quote_speaker(trigger, sentences)
        finally:
            self._in_quote_speaker = False

    def _find_quote_speaker(self, trigger: Token, sentences: list[Span]) -> Claimant | None:
        best = None
        for s in sentences:
            for tok in s:
                if tok.lemma_.lower() in ("say", "tell", "add", "write", "state", "declare", "announce", "note") and \
                        not in_quotes(self.doc, tok.i):
                    c = self._from_verb(tok)
                    if c is not None and (best is None or abs(tok.i - trigger.i) < abs(best.token.i - trigger.i)):
                        best = c
        if best is not None and best.token is not None and best.token.pos_ == "PRON":
            ref = self.idx.anaphor(best.token)
            if ref is not None:
                best.id = ref.id
        return best

    def _following(self, sent: Span, sentences: list[Span]) -> Claimant | None:
        nxt = next((s for s in sentences if s.start >= sent.end and s.text.strip()), None)
        if nxt is None:
            return None
        back = self.rules.cue("backward_reporting")
        for verb in nxt:
            if verb.lemma_.lower() not in back or verb.pos_ not in ("VERB", "AUX"):
                continue
            objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
            if not objs or any(o.lower_ in ("this", "it", "that", "so") for o in objs):
                break
            if verb == nxt.root and _trailing_tag(verb):
                break  # "A sent tanks. It also sent jets, the minister said.": the speaker tags both sentences
        else:
            return None
        root = verb
        c = self._from_verb(root)
        if c is not None and c.token is not None and c.token.pos_ == "PRON":
            ref = self.idx.anaphor(c.token)
            c.id = ref.id if ref is not None else "other"
        return c
