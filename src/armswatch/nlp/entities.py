"""Named entities on demand: the model's statistical NER runs only on the sentences whose entities a rule reads.

NER is the slowest part of the small model (it has its own tok2vec: about 2 ms a sentence here, more than tagging
and parsing together), and the rules read entities in four places only: the DATE nearest a mention's trigger (its
time), a PERSON or MONEY object that is not arms ("sent Shoigu", "received 38 million euros"), an ORDINAL customer
("the first export customer") and a PERSON around an ambiguous name ("Michael Jordan", "Richard Wagner"). So the
pipeline's `ner` stays disabled, the component "armswatch_lazy_ner" only marks each doc as lazy, and those readers
call `ensure(doc, sentences)` first: it runs NER on each sentence not yet done, as its own doc (what the model
finds in a one-sentence text), in one batch, and adds the entities to the doc.

`ARMSWATCH_NER=full` (or `use_lazy_ner(nlp, False)`) runs the model's NER over every whole doc instead. A doc that
did not come through the lazy component (full NER, or a doc parsed elsewhere) is never touched by `ensure`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "armswatch_lazy_ner"
DONE = "armswatch.ner_done"  # doc.user_data: [start, end] token ranges NER has run on; absent = not a lazy doc
BATCH = 32  # sentences per NER batch: batching halves the per-sentence cost

_NER_BY_VOCAB: dict[int, object] = {}  # id(vocab) -> the model's ner pipe, so a doc finds its NER (also after
# nlp.pipe(n_process=...) rebuilt it in this process with this process's vocab); user_data must stay plain data


def lazy() -> bool:
    """False when `ARMSWATCH_NER=full` asks for NER on every sentence (the spaCy default)."""
    return os.environ.get("ARMSWATCH_NER", "lazy").strip().lower() != "full"


class LazyNER:
    def __init__(self, nlp: Language, name: str = NAME, ner: str = "ner"):
        self.name = name
        _NER_BY_VOCAB[id(nlp.vocab)] = nlp.get_pipe(ner)  # the model's own NER, kept (disabled) in the pipeline

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[DONE] = []
        return doc


@Language.factory(NAME, default_config={"ner": "ner"})
def make_lazy_ner(nlp: Language, name: str, ner: str) -> LazyNER:
    return LazyNER(nlp, name, ner)


def ensure(doc: Doc, sents: Iterable[Span]) -> None:
    """Give `sents` (sentences of `doc`) their entities, if the doc is lazy and they have none yet."""
    ensure_many([(doc, sents)])


def ensure_many(requests: Iterable[tuple[Doc, Iterable[Span]]]) -> None:
    """`ensure` for several docs at once: one NER batch over all their sentences still to do."""
    todo: dict[int, dict[tuple[int, int, int], Span]] = {}  # per vocab (per pipeline): its NER's sentences
    for doc, sents in requests:
        done = doc.user_data.get(DONE)
        if done is None or id(doc.vocab) not in _NER_BY_VOCAB:
            continue
        for s in sents:
            if s.end > s.start and not any(a <= s.start and s.end <= b for a, b in done):
                todo.setdefault(id(doc.vocab), {})[(id(doc), s.start, s.end)] = s
    for vocab, by_key in todo.items():
        spans = list(by_key.values())
        found: dict[int, tuple[Doc, list[Span]]] = {id(s.doc): (s.doc, []) for s in spans}
        subdocs = _as_docs(spans)
        for sent, sub in zip(spans, _NER_BY_VOCAB[vocab].pipe(subdocs, batch_size=BATCH)):
            doc = sent.doc
            found[id(doc)][1].extend(Span(doc, sent.start + e.start, sent.start + e.end, e.label_) for e in sub.ents)
            doc.user_data[DONE].append([sent.start, sent.end])
        for doc, ents in found.values():
            doc.set_ents(ents, default="unmodified")


def _as_docs(spans: list[Span]) -> Iterator[Doc]:
    """Each span as its own doc. `Span.as_doc` reads the whole doc into an array for every span unless it is
    given that array: read it once per doc (spans are disjoint, so their slices of it are too)."""
    arrays: dict[int, tuple] = {}
    for span in spans:
        doc = span.doc
        if id(doc) not in arrays:
            head = doc._get_array_attrs()
            arrays[id(doc)] = (head, doc.to_array(head))
        head, array = arrays[id(doc)]
        yield span.as_doc(array_head=head, array=array)


def sentence_of(doc: Doc, start: int, end: int) -> Span:
    """The sentence holding tokens start..end (the whole doc when it has no sentence boundaries)."""
    if doc.has_annotation("SENT_START"):
        sent = doc[start].sent
        if end <= sent.end:
            return sent
    return doc[:]


def use_lazy_ner(nlp: Language, on: bool | None = None) -> None:
    """Entities on demand (`on`, default: unless ARMSWATCH_NER=full) or the model's NER on every sentence.

    Adds the component beside `ner` once; later calls only switch which of the two is enabled.
    """
    on = lazy() if on is None else on
    if "ner" not in nlp.component_names:
        return
    if NAME not in nlp.component_names:
        nlp.add_pipe(NAME, after="ner")
    nlp.disable_pipe("ner" if on else NAME)
    nlp.enable_pipe(NAME if on else "ner")
