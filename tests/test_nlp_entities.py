"""NER on demand: entities only in the sentences the rules read, and there the same ones as the model's NER."""
from __future__ import annotations

import pytest

from armswatch.extraction.engine import PassageExtractor
from armswatch.extraction.rules import load_rules
from armswatch.nlp.entities import NAME, ensure, lazy, use_lazy_ner

TEXT = ("Markets in London closed higher on Friday. Germany delivered two IRIS-T systems to Ukraine on 3 March, "
        "Chancellor Olaf Scholz said. Paris enjoyed mild weather in April.")


@pytest.fixture
def switchable(nlp):
    yield nlp
    use_lazy_ner(nlp, lazy())


def ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_lazy_ner_parses_without_entities_until_a_sentence_is_asked_for(switchable):
    nlp = switchable
    use_lazy_ner(nlp, True)
    assert NAME in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp(TEXT)
    _first, second, _third = doc.sents
    assert not [e for e in doc.ents if e.start < second.start or e.end > second.end]  # London, Paris: never read
    ensure(doc, [second])
    ensure(doc, [second])  # a second request runs nothing and adds nothing twice
    use_lazy_ner(nlp, False)
    full = nlp(TEXT)
    assert ents(doc) == [(e.text, e.label_) for e in full.ents
                         if second.start_char <= e.start_char and e.end_char <= second.end_char]
    assert ("3 March", "DATE") in ents(doc) and ("London", "GPE") in ents(full)


def test_extraction_runs_ner_only_on_the_sentences_of_its_mentions(switchable):
    nlp = switchable
    use_lazy_ner(nlp, True)
    doc = nlp(TEXT)
    mentions = PassageExtractor(doc, "2024-03-10", load_rules()).run()
    assert [(m.supplier, m.recipient) for m in mentions] == [("DEU", "UKR")]
    assert (mentions[0].time.text, mentions[0].time.start) == ("3 March", "2024-03-03")
    second = list(doc.sents)[1]
    assert doc.ents and all(second.start <= e.start and e.end <= second.end for e in doc.ents)


def test_full_ner_is_one_switch_away(switchable, monkeypatch):
    nlp = switchable
    monkeypatch.setenv("ARMSWATCH_NER", "full")
    use_lazy_ner(nlp)
    assert "ner" in nlp.pipe_names and NAME not in nlp.pipe_names
    doc = nlp(TEXT)
    assert ("London", "GPE") in ents(doc)
    ensure(doc, list(doc.sents))  # a doc with full NER is left as it is
    assert ents(doc) == ents(nlp(TEXT))


def test_mentions_are_the_same_with_lazy_and_full_ner(switchable):
    """A mention's time and its endpoints do not depend on where NER ran."""
    nlp = switchable
    text = ("Officials in Kyiv said that Britain had delivered Storm Shadow missiles to Ukraine last "
            "month. Michael Jordan visited Jordan in May. Jordan received 12 Patriot batteries from the United "
            "States in 2023, officials said.")
    out = {}
    for on in (True, False):
        use_lazy_ner(nlp, on)
        out[on] = [m.to_dict() for m in PassageExtractor(nlp(text), "2024-06-04", load_rules()).run()]
    assert out[True] == out[False]
    assert [(m["supplier"], m["recipient"], m["time"]["start"]) for m in out[True]] == [
        ("GBR", "UKR", "2024-05-01"), ("USA", "JOR", "2023-01-01")]


def test_dev_set_and_sample_mentions_are_the_same_with_lazy_and_full_ner(switchable, dev_set_path):
    import json

    from armswatch import read, samples
    from armswatch.extraction.engine import extract_many
    from armswatch.types import Article

    with open(dev_set_path, encoding="utf-8") as fh:
        rows = [(r["text"], r.get("published")) for r in map(json.loads, fh) if r.get("text")]
    rows += [(a.text, a.published) for a in read([str(samples.path())]) if isinstance(a, Article)]
    out = {}
    for on in (True, False):
        use_lazy_ner(switchable, on)
        out[on] = [[m.to_dict() for m in found] for found in extract_many(rows)]
    assert sum(1 for found in out[True] for m in found if m["time"]) > 20
    assert out[True] == out[False]


def test_every_person_or_sum_the_model_finds_has_a_capital_a_number_or_a_currency_sign(switchable, dev_set_path):
    """The test that lets a non-arms object skip NER ("sent food") must never hide a PERSON or MONEY entity."""
    import json

    from armswatch import read, samples
    from armswatch.extraction.items import may_name_someone_or_a_sum
    from armswatch.types import Article

    with open(dev_set_path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [a.text for a in read([str(samples.path())]) if isinstance(a, Article)]
    use_lazy_ner(switchable, False)
    found = [e for doc in switchable.pipe(texts) for e in doc.ents if e.label_ in ("PERSON", "MONEY")]
    assert len(found) > 100
    assert [e.text for e in found if not may_name_someone_or_a_sum([e.root])] == []
