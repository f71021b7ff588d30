"""Time expressions resolved against the publication date (extraction/timex.py)."""
from __future__ import annotations

import pytest

from armswatch.extraction.timex import resolve


@pytest.mark.parametrize("text,published,start,end", [
    ("late last year", "2023-07-28", "2022-10-01", "2022-12-31"),
    ("in March", "2023-09-10", "2023-03-01", "2023-03-31"),
    ("in November", "2023-09-10", "2022-11-01", "2022-11-30"),  # a later month means last year's
    ("since 2015", "2024-07-19", "2015-01-01", "2024-07-19"),
    ("2009", None, "2009-01-01", "2009-12-31"),
    ("between 2015 and 2024", None, "2015-01-01", "2024-12-31"),
    ("September 15", "2023-09-18", "2023-09-15", "2023-09-15"),
    ("October 2018", None, "2018-10-01", "2018-10-31"),
    ("last week", "2024-05-15", "2024-05-06", "2024-05-12"),
    ("last month", "2024-05-15", "2024-04-01", "2024-04-30"),
])
def test_extract_timex_resolves_ranges(text, published, start, end):
    t = resolve(text, published)
    assert (t.text, t.start, t.end) == (text, start, end)


def test_extract_timex_relative_without_publication_date_stays_open():
    t = resolve("last week", None)
    assert t.text == "last week" and t.start is None and t.end is None


def test_extract_timex_weekday_uses_dateparser():
    t = resolve("on Friday", "2023-09-22")  # a Friday: the same day or the one before
    assert t.start is not None and t.start <= "2023-09-22"


@pytest.mark.parametrize("text, expected", [
    ("Iran delivered drones to Russia in 2023.", True),
    ("The shells arrived last spring, officials said.", True),
    ("Deliveries are due within weeks.", True),
    ("Iran delivered drones to Russia, officials said.", False),
    ("Germany pledged more air defence systems to Ukraine.", False),
])
def test_extract_timex_only_sentences_with_a_digit_or_calendar_word_may_state_a_time(text, expected):
    from armswatch.extraction.timex import may_state_time

    assert may_state_time(text) is expected


def test_extract_timex_every_date_the_model_finds_is_in_a_sentence_that_may_state_a_time(nlp, dev_set_path):
    """The calendar-word test stands in for NER on a mention's sentence: it must never hide a DATE entity."""
    import json

    from armswatch.extraction.timex import may_state_time
    from armswatch.nlp.entities import lazy, use_lazy_ner

    with open(dev_set_path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    use_lazy_ner(nlp, False)
    try:
        dates = [(e.text, e.sent.text) for doc in nlp.pipe(texts) for e in doc.ents if e.label_ == "DATE"]
    finally:
        use_lazy_ner(nlp, lazy())
    assert len(dates) > 50
    assert [d for d in dates if not may_state_time(d[1])] == []
