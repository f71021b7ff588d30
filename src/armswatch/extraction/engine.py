"""The extraction engine: runs the stages in order on a parsed doc.

candidates (candidates.py: trigger frames, their checks, slots, scope, item and claimant) -> passage
resolution (passage.py: endpoints borrowed across sentences, denials linked) -> mentions (mentions.py) ->
confidence features and times.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc, Span

from armswatch.confidence import LocalContext, actor_kind, local_features
from armswatch.confidence import score as score_confidence
from armswatch.extraction import timex
from armswatch.extraction.candidate import Candidate, Dropped, Provenance
from armswatch.extraction.candidates import CandidateFinder
from armswatch.extraction.claimant import claimant_finder, share_headline_claimants
from armswatch.extraction.mentions import quoted
from armswatch.extraction.passage import PassageResolver
from armswatch.extraction.rules import Rules, load_rules
from armswatch.extraction.texts import span_text
from armswatch.nlp import NLP_BATCH_SIZE, entities, load_nlp
from armswatch.prefilter.apply import reduce_rows, restore
from armswatch.types import Mention


class PassageExtractor:
    """Extracts the mentions of one parsed passage (or article)."""

    def __init__(self, doc: Doc, published: str | None, rules: Rules):
        self.doc, self.published, self.rules = doc, published, rules
        self.sentences = list(doc.sents)
        self.claimants = claimant_finder(doc, self.sentences)
        self.idx = self.claimants.idx  # resolves a quoted "we" to the quotation's speaker
        self.dropped: list[Dropped] = []
        self.origins: dict[int, Candidate] = {}  # id(mention) -> its candidate (for its time and for explain)
        self.provenance: dict[int, Provenance] = {}  # id(mention) -> how its endpoints and item were found
        self.per_sentence: Counter[int] = Counter()  # sentence start -> candidates that made mentions there

    def context(self, m: Mention) -> LocalContext:
        """What the confidence model reads of the mention's candidate."""
        cand, how = self.origins[id(m)], self.provenance[id(m)]
        tok, sent = cand.trigger, cand.sent
        spans = [s for s in self.idx.spans if s.start >= sent.start and s.end <= sent.end]
        actors = {s.label_ for s in spans}
        items_here = [s for s in self.idx.items if s.start >= sent.start and s.end <= sent.end]
        return LocalContext(
            type=m.type, polarity=m.polarity, rule=m.rule or "", trigger_lemma=tok.lemma_.lower(),
            trigger_pos=tok.pos_, trigger_dep=tok.dep_, supplier=m.supplier, recipient=m.recipient,
            claimant=m.claimant, item_category=m.item_category, supplier_via=how.supplier,
            recipient_via=how.recipient, item_source=how.item,
            wrappers=tuple(w.id for _, w in cand.scope.wrappers), quoted=quoted(self.doc, m),
            sentence_tokens=len(sent), sentence_actors=len(actors), supplier_in_sentence=m.supplier in actors,
            recipient_in_sentence=m.recipient in actors, sentence_items=len(items_here),
            question=span_text(sent).rstrip().endswith("?"),
            sentence_candidates=self.per_sentence[sent.start], recipient_kind=actor_kind(spans, m.recipient, tok.i))

    def time_sentences(self, mentions: list[Mention]) -> list[Span]:
        """The sentences whose entities give the mentions their times (those that may state one)."""
        sents = [self.origins[id(m)].sent for m in mentions]
        return [s for s in dict.fromkeys(sents) if timex.may_state_time(span_text(s))]

    def set_times(self, mentions: list[Mention]) -> None:
        """Each mention's time, from its sentence's DATE entities (NER runs here unless `time_sentences` of
        every doc of a batch were given their entities together first, as extract_many does)."""
        entities.ensure(self.doc, self.time_sentences(mentions))
        for m in mentions:
            cand = self.origins[id(m)]
            m.time = timex.find(cand.sent, cand.trigger, self.published)

    def run(self, times: bool = True) -> list[Mention]:
        """The passage's mentions; with `times=False` their time is left to a later `set_times`."""
        found = CandidateFinder(self.doc, self.rules, self.idx, self.claimants, self.sentences).find()
        self.dropped = found.dropped
        resolver = PassageResolver(self.doc, self.rules, self.idx, self.sentences, found.hypotheticals)
        resolved = resolver.resolve(found.candidates)
        self.origins, self.provenance = resolved.origins, resolved.provenance
        mentions = resolved.mentions
        self.per_sentence = Counter(c.sent.start for c in {id(c): c for c in self.origins.values()}.values())
        share_headline_claimants(mentions, lambda m: self.origins[id(m)].sent)
        for m in mentions:
            m.features = local_features(self.context(m))
        if times:
            self.set_times(mentions)
        return mentions


def extract_doc(doc: Doc, published: str | None = None, rules: Rules | None = None) -> list[Mention]:
    return PassageExtractor(doc, published, rules or load_rules()).run()


def extract(text: str, published: str | None = None) -> list[Mention]:
    """Every arms-supply mention stated in `text` (a passage or a whole article)."""
    if not text or not text.strip():
        return []
    return score_confidence(extract_doc(load_nlp()(text), published), len(text))


def extract_many(rows: Iterable[tuple[str, str | None]], n_process: int = 1,
                 batch_size: int = NLP_BATCH_SIZE, prefilter: bool | None = None) -> Iterator[list[Mention]]:
    """Mentions for each (text, published) row, in order, parsing with nlp.pipe in small batches.

    `prefilter` (default: on unless ARMSWATCH_PREFILTER=0) parses only the sentences armswatch.prefilter
    selects.
    """
    nlp = load_nlp()
    rules = load_rules()
    parsed: deque[bool] = deque()  # per row, in order: whether it went to the parser (an empty one did not)
    lengths: deque[int] = deque()  # per row, in order: the length of the original text (for confidence)

    def measured():
        for text, published in rows:
            lengths.append(len(text or ""))
            yield text, published

    def to_parse():
        for text_or_doc, context in reduce_rows(measured(), nlp, prefilter):
            text = text_or_doc.text if isinstance(text_or_doc, Doc) else text_or_doc
            parsed.append(bool(text.strip()))
            if parsed[-1]:
                yield text_or_doc, context

    docs = nlp.pipe(to_parse(), as_tuples=True, n_process=n_process, batch_size=batch_size)
    while group := list(islice(docs, batch_size)):
        done = [(PassageExtractor(doc, published, rules), pieces) for doc, (published, pieces) in group]
        found = [ex.run(times=False) for ex, _ in done]
        # the mentions' times need NER on their sentences: one batch for the whole group, not one per doc
        entities.ensure_many([(ex.doc, ex.time_sentences(ms)) for (ex, _), ms in zip(done, found)])
        for (ex, pieces), ms in zip(done, found):
            ex.set_times(ms)
            while not parsed.popleft():
                lengths.popleft()
                yield []  # rows before this doc with nothing to parse: most news, after the prefilter
            yield score_confidence(restore(ms, pieces), lengths.popleft())
    yield from ([] for _ in parsed)


def explain(text: str, published: str | None = None) -> list[dict]:
    """For each mention, the record of its candidate: rule id, trigger, the dependency path matched, the
    slots, the wrappers and the decisions taken on the way; then each trigger frame dropped and the check that
    dropped it."""
    doc = load_nlp()(text)
    ex = PassageExtractor(doc, published, load_rules())
    out = [explained(doc, m, ex.origins.get(id(m))) for m in ex.run()]
    out.extend({"mention": None, **d.to_dict(), "path": ""} for d in ex.dropped)
    return out


def explained(doc: Doc, m: Mention, cand: Candidate | None) -> dict:
    """One mention and the candidate record it came from."""
    tok = next((t for t in doc if t.idx == m.trigger_start), None)
    path = [f"{t.text}/{t.dep_}" for t in (tok, *tok.ancestors)] if tok is not None else []
    slots = {role: slot for role, slot in (cand.slots.items() if cand else []) if slot}
    wrappers = [f"{t.text}:{w.id}" for t, w in cand.scope.wrappers] if cand else []
    reasons = [f"scope: {r}" for r in cand.scope.reasons] + list(cand.reasons) if cand else []
    text = " <- ".join(path)
    if slots:
        text += "; " + " ".join(f"{role}={slot}" for role, slot in slots.items())
    if wrappers:
        text += "; wrappers " + ", ".join(wrappers)
    if reasons:
        text += "; decisions: " + "; ".join(reasons)
    return {"mention": m.to_dict(), "rule": m.rule, "trigger": m.trigger, "trigger_start": m.trigger_start,
            "path": text, "slots": slots, "wrappers": wrappers, "reasons": reasons,
            "passive": cand.passive if cand else False, "modifiers": list(cand.modifiers) if cand else []}
