"""Time expressions resolved against the publication date (extraction/timex.py)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from armswatch.extraction.timex import find, resolve


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


@pytest.mark.parametrize("text,published,start,end", [
    # a future window runs from publication (number words and digits; no count is one unit)
    ("within eighteen months", "2024-03-10", "2024-03-10", "2025-09-10"),
    ("in the next two years", "2023-07-28", "2023-07-28", "2025-07-28"),
    ("over the coming weeks", "2024-05-15", "2024-05-15", "2024-05-22"),
    ("within 10 days", "2024-05-15", "2024-05-15", "2024-05-25"),
    ("within a year", "2024-02-29", "2024-02-29", "2025-02-28"),
    # a part of a year; a season wrapping the year end is the whole year
    ("early 2023", None, "2023-01-01", "2023-04-30"),
    ("late 2021", None, "2021-10-01", "2021-12-31"),
    ("summer 2022", None, "2022-06-01", "2022-08-31"),
    ("winter 2022", None, "2022-01-01", "2022-12-31"),
    # a year relative to publication
    ("next year", "2023-07-28", "2024-01-01", "2024-12-31"),
    ("the previous year", "2023-07-28", "2022-01-01", "2022-12-31"),
    # a leading word is stripped; an impossible day keeps the month
    ("as of June", "2024-09-01", "2024-06-01", "2024-06-30"),
    ("February 30, 2023", None, "2023-02-01", "2023-02-28"),
    # a weekday is the latest such day on or before publication, "last" the one before
    ("Thursday", "2024-05-16", "2024-05-16", "2024-05-16"),
    ("last Thursday", "2024-05-16", "2024-05-09", "2024-05-09"),
    # named periods
    ("early next month", "2024-01-31", "2024-02-01", "2024-02-29"),
    ("this month", "2024-05-15", "2024-05-01", "2024-05-15"),
])
def test_extract_timex_resolves_windows_seasons_and_relative_periods(text, published, start, end):
    t = resolve(text, published)
    assert (t.text, t.start, t.end) == (text, start, end)


def test_extract_timex_a_year_with_no_publication_date_is_still_read():
    assert (resolve("since 2015", None).start, resolve("since 2015", None).end) == ("2015-01-01", None)
    assert resolve("next week", None).start is None


def _dated_doc(sentence: str, date_span: tuple[int, int]):
    """The sentence's tokens (split on spaces) with one DATE entity over `date_span`."""
    words = sentence.split()
    ents = ["O"] * len(words)
    ents[date_span[0]] = "B-DATE"
    for i in range(date_span[0] + 1, date_span[1]):
        ents[i] = "I-DATE"
    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


@pytest.mark.parametrize("sentence, date_span, trigger, expected", [
    # the entity left "late" / "since" outside: the lead word belongs to the expression
    ("Iran delivered drones late last year .", (4, 6), 1, ("late last year", "2022-10-01", "2022-12-31")),
    ("Minsk has sent shells since 2022 .", (5, 6), 2, ("since 2022", "2022-01-01", "2023-07-28")),
])
def test_extract_timex_find_takes_the_lead_word_the_entity_left_out(sentence, date_span, trigger, expected):
    doc = _dated_doc(sentence, date_span)
    t = find(doc[:], doc[trigger], "2023-07-28")
    assert t is not None and (t.text, t.start, t.end) == expected


@pytest.mark.parametrize("sentence, date_span", [
    ("Iran has armed the Houthis for 40 years .", (6, 8)),
    ("Russia has bought drones for several months .", (5, 7)),
])
def test_extract_timex_a_duration_is_not_a_time(sentence, date_span):
    doc = _dated_doc(sentence, date_span)
    assert find(doc[:], doc[2], "2023-07-28") is None
