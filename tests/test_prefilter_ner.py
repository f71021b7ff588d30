"""The trigger-sentence NER: entities only where the rules read them, the same entities there as full NER."""
from __future__ import annotations

import pytest

from armswatch.prefilter.ner import NAME, restrict_ner

TEXT = ("Markets in London closed higher on Friday. Germany delivered two IRIS-T systems to Ukraine on 3 March, "
        "Chancellor Olaf Scholz said. Paris enjoyed mild weather in April.")


@pytest.fixture
def switchable(nlp):
    was_on = NAME in nlp.pipe_names
    yield nlp
    restrict_ner(nlp, was_on)


def ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_prefilter_ner_finds_entities_only_in_trigger_sentences(switchable):
    nlp = switchable
    restrict_ner(nlp, False)
    full = nlp(TEXT)
    restrict_ner(nlp, True)
    assert NAME in nlp.pipe_names and "ner" not in nlp.pipe_names
    part = nlp(TEXT)
    trigger_sentence = list(part.sents)[1]
    assert any(label == "DATE" for _, label in ents(part))
    assert all(trigger_sentence.start <= e.start and e.end <= trigger_sentence.end for e in part.ents)
    in_sentence = [(e.text, e.label_) for e in full.ents
                   if trigger_sentence.start_char <= e.start_char and e.end_char <= trigger_sentence.end_char]
    assert ents(part) == in_sentence
    assert len(full.ents) > len(part.ents)  # London, Friday, Paris, April are left out


def test_prefilter_ner_switches_back_to_full_ner(switchable, monkeypatch):
    nlp = switchable
    monkeypatch.setenv("ARMSWATCH_NER", "full")
    restrict_ner(nlp)
    assert "ner" in nlp.pipe_names and NAME not in nlp.pipe_names
    assert ("London", "GPE") in ents(nlp(TEXT))
