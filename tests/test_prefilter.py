"""The prefilter alone: sentence splitting, the lexicon test and span selection, with term sets given here."""
from __future__ import annotations

from itertools import pairwise

import pytest

from armswatch.prefilter import Matcher, Terms, enabled, select, split
from armswatch.prefilter.apply import SEPARATOR, reduce, restore
from armswatch.types import Mention

TERMS = Terms(
    triggers={"supply", "send", "deliver", "hand over", "sanction"},
    item_free={"sanction"},
    context={"weapon", "military"},
    actors={"Iran", "Russia", "North Korea", "the Kremlin", "Germany"},
    weapons={"drone", "drones", "artillery shells", "air defence systems", "parts"},
    arming={"drone", "drones", "artillery shells", "air defence systems"},
    references={"it", "official"},
    inflections={"send": {"sent"}},
)
MATCHER = Matcher(TERMS)


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text, expected", [
    ("U.S. officials met Mr. Smith on Monday. He left at noon.", ["U.S. officials met Mr. Smith on Monday.",
                                                                 "He left at noon."]),
    ("Headline without a stop\n\nFirst sentence here. “Quoted start,” he said.",
     ["Headline without a stop", "First sentence here.", "“Quoted start,” he said."]),
    ("Gen. Ivanov spoke. The meeting ended!  Then what? Nothing.",
     ["Gen. Ivanov spoke.", "The meeting ended!", "Then what?", "Nothing."]),
    ("It ended in 2023. 45 people attended.", ["It ended in 2023.", "45 people attended."]),
])
def test_prefilter_split_cuts_at_sentence_ends_not_abbreviations(text, expected):
    assert texts(text, split(text)) == expected


def test_prefilter_split_spans_are_exact_and_ordered():
    text = "  One. Two two.\nThree three three.\n\n\nFour.  "
    spans = split(text)
    assert texts(text, spans) == ["One.", "Two two.", "Three three three.", "Four."]
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


@pytest.mark.parametrize("sentence, hot", [
    ("Iran sent drones to Russia last year.", True),  # irregular form from `inflections`
    ("Deliveries of artillery shells to Russia continued.", True),  # nominalisation by stem prefix
    ("North Korea's supplies reached the front.", True),  # possessive, multi-word actor
    ("Germany handed over air-defence systems.", True),  # hyphen vs space, word of a multi-word trigger
    ("The weather in Germany was mild.", False),  # actor, no trigger
    ("They sent flowers and a card.", False),  # trigger, no actor or weapon
    ("Iranians were sending messages.", False),  # "Iranians" is not the actor "Iran"
])
def test_prefilter_hot_needs_a_trigger_and_an_actor_or_weapon(sentence, hot):
    assert MATCHER.hot(sentence) is hot


def test_prefilter_unarmed_text_counts_only_item_free_triggers():
    text = "Germany sent a delegation to Russia. Germany imposed sanctions on Russia."
    assert not MATCHER.armed(text)
    assert texts(text, select(text, MATCHER, neighbours=0)) == ["Germany imposed sanctions on Russia."]
    armed = text + " The military said little."
    assert MATCHER.armed(armed)
    assert texts(armed, select(armed, MATCHER, neighbours=0)) == [
        "Germany sent a delegation to Russia. Germany imposed sanctions on Russia."]


def test_prefilter_select_adds_neighbours_and_merges_windows():
    sentences = ["The war goes on.", "Kirby spoke on Monday.", "Iran sent drones to Russia.", "He gave no detail.",
                 "Markets fell.", "Rain is due.", "Snow too.", "The Kremlin supplied shells to nobody.", "Fin."]
    text = " ".join(sentences)
    assert texts(text, select(text, MATCHER, neighbours=1)) == [
        " ".join(sentences[1:4]), " ".join(sentences[6:9])]
    assert texts(text, select(text, MATCHER, neighbours=0)) == [sentences[2], sentences[7]]


def test_prefilter_select_returns_nothing_for_general_news():
    text = "Inflation slowed in March. The central bank kept rates unchanged. Shares rose 2 percent."
    assert select(text, MATCHER) == []


def test_prefilter_reduce_and_restore_map_offsets_back_to_the_article():
    text = "Weather first. Iran sent drones to Russia. Sport news.\nMore sport. The Kremlin sent shells. End."
    spans = select(text, MATCHER, neighbours=0)
    reduced, pieces = reduce(text, spans)
    assert reduced == "Iran sent drones to Russia." + SEPARATOR + "The Kremlin sent shells."
    second = reduced.index("The Kremlin")
    mentions = [Mention("TRANSFER", "IRN", "RUS", evidence="Iran sent drones to Russia.", evidence_start=0,
                        evidence_end=27, trigger="sent", trigger_start=5),
                Mention("TRANSFER", "RUS", "X", evidence="The Kremlin sent shells.", evidence_start=second,
                        evidence_end=second + 24, trigger="sent", trigger_start=second + 12)]
    for m in restore(mentions, pieces):
        assert text[m.evidence_start:m.evidence_end] == m.evidence
        assert text[m.trigger_start:m.trigger_start + 4] == "sent"


def test_prefilter_reduce_leaves_a_fully_selected_text_alone():
    text = "  Iran sent drones to Russia.\n"
    assert reduce(text, select(text, MATCHER)) == (text, None)


@pytest.mark.parametrize("value, on", [(None, True), ("1", True), ("0", False), ("off", False), ("false", False)])
def test_prefilter_enabled_follows_the_environment(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv("ARMSWATCH_PREFILTER", raising=False)
    else:
        monkeypatch.setenv("ARMSWATCH_PREFILTER", value)
    assert enabled() is on


def test_prefilter_generic_items_do_not_make_a_text_about_arms():
    assert not MATCHER.armed("Orion sold parts to Germany.")
    assert MATCHER.armed("Orion sold drones to Germany.")


def test_prefilter_sentence_naming_no_party_is_kept_only_after_a_hot_one():
    lead = "Officials said deliveries would start soon."  # trigger + generic head: parties come from earlier
    calm = ["Markets fell.", "Rain is due.", "Snow too.", "Wind later.", "Fog early."]
    hot = "Iran sent drones to Russia."
    after = " ".join([hot, *calm[:2], lead])
    assert texts(after, select(after, MATCHER, neighbours=0)) == [hot, lead]
    before = " ".join([lead, *calm[:2], hot])
    assert texts(before, select(before, MATCHER, neighbours=0)) == [hot]
    far = " ".join([hot, *calm, lead])
    assert texts(far, select(far, MATCHER, neighbours=0)) == [hot]


def test_prefilter_keeps_the_last_item_sentence_before_a_trigger():
    text = "The drones were seen in May. Markets fell. Rain is due. Officials said it delivered them to Russia."
    assert texts(text, select(text, MATCHER, neighbours=0)) == [
        "The drones were seen in May.", "Officials said it delivered them to Russia."]
