"""spaCy component "armswatch_trigger_ner": the statistical NER run only on sentences that hold a trigger word.

The gazetteer, not NER, finds actors and items; the rules read entities only inside a trigger's own sentence (a
DATE for the mention's time, PERSON/MONEY to reject a non-arms object). So NER, half of the small model's time,
is needed on those sentences alone. The wrapped `ner` stays in the pipeline, disabled, and is called here on
each trigger sentence as its own doc (the model's NER has its own tok2vec, so it needs nothing else).
"""
from __future__ import annotations

import os

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "armswatch_trigger_ner"


def restricted() -> bool:
    """False when `ARMSWATCH_NER=full` asks for NER on every sentence (the spaCy default)."""
    return os.environ.get("ARMSWATCH_NER", "triggers").strip().lower() != "full"


class TriggerNER:
    def __init__(self, nlp: Language, name: str = NAME, ner: str = "ner"):
        from armswatch.extract.rules import load_rules

        self.name = name
        self.ner = nlp.get_pipe(ner)  # the model's own NER component, kept (disabled) in the pipeline
        rules = load_rules()
        # a mention's trigger is a frame lemma or the verb of an elliptic phrase ("considered the possibility")
        self.lemmas = frozenset(rules.by_lemma) | {str(e["lemma"]).lower() for e in rules.ellipsis if e.get("lemma")}

    def _has_trigger(self, sent: Span) -> bool:
        lemmas = self.lemmas
        return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in sent)

    def __call__(self, doc: Doc) -> Doc:
        sents = [s for s in doc.sents if self._has_trigger(s)]
        ents = []
        for sent, sub in zip(sents, self.ner.pipe(s.as_doc() for s in sents)):
            ents += [Span(doc, sent.start + e.start, sent.start + e.end, e.label_) for e in sub.ents]
        doc.set_ents(ents, default="outside")
        return doc


@Language.factory(NAME, default_config={"ner": "ner"})
def make_trigger_ner(nlp: Language, name: str, ner: str) -> TriggerNER:
    return TriggerNER(nlp, name, ner)


def restrict_ner(nlp: Language, on: bool | None = None) -> None:
    """Run NER on trigger sentences only (`on`, default: unless ARMSWATCH_NER=full) or on every sentence.

    Adds the component beside `ner` once; later calls only switch which of the two is enabled.
    """
    on = restricted() if on is None else on
    if "ner" not in nlp.component_names:
        return
    if NAME not in nlp.component_names:
        nlp.add_pipe(NAME, after="ner")
    nlp.disable_pipe("ner" if on else NAME)
    nlp.enable_pipe(NAME if on else "ner")
