"""The armswatch_gazetteer spaCy component on invented sentences, with the real model (session `nlp` fixture)."""
from __future__ import annotations

import pytest

from armswatch.nlp.gazetteer import actor_spans, item_spans


def actors_of(nlp, text):
    return [(s.text, s.label_, s.id_) for s in actor_spans(nlp(text))]


def items_of(nlp, text):
    return [(s.text, s.label_, s.id_) for s in item_spans(nlp(text))]


@pytest.fixture(params=["lazy", "full"])
def either_ner_nlp(nlp, request):
    """The pipeline with NER on demand (the default, armswatch.nlp.entities) and with NER on every sentence:
    telling a person ("Michael Jordan") from a state needs the PERSON entity either way, in any sentence."""
    from armswatch.nlp.entities import lazy, use_lazy_ner

    use_lazy_ner(nlp, on=request.param == "lazy")
    try:
        yield nlp
    finally:
        use_lazy_ner(nlp, on=lazy())


def test_gazetteer_is_in_the_shared_pipeline(nlp):
    assert nlp.pipe_names[-1] == "armswatch_gazetteer"


def test_gazetteer_marks_actors_with_id_and_kind(nlp):
    found = actors_of(nlp, "The Kremlin said Moscow received drones from Tehran, and Vladimir Putin thanked "
                           "Iranian officials and Hezbollah.")
    assert found == [("Kremlin", "RUS", "institution"), ("Moscow", "RUS", "capital"), ("Tehran", "IRN", "capital"),
                     ("Vladimir Putin", "RUS", "person"), ("Iranian officials", "IRN", "institution"),
                     ("Hezbollah", "org:hezbollah", "org")]


@pytest.mark.parametrize("text, span, actor", [
    ("Pyongyang denied that North Korea shipped shells.", "North Korea", "PRK"),
    ("South Korean intelligence said the shells came from the North.", "South Korean intelligence", "KOR"),
    ("The Islamic Republic of Iran rejected the claim.", "Islamic Republic of Iran", "IRN"),
    ("Officials from the Democratic People's Republic of Korea met envoys.", "Democratic People's Republic of Korea",
     "PRK"),
    ("The Saudi-led coalition bought bombs.", "Saudi-led coalition", "org:arab-coalition"),
])
def test_gazetteer_longest_match_wins(nlp, text, span, actor):
    found = actors_of(nlp, text)
    assert (span, actor) in [(t, a) for t, a, _ in found]
    inner = {"North Korea": "Korea", "South Korean intelligence": "South Korean",
             "Islamic Republic of Iran": "Iran"}.get(span)
    if inner:
        assert inner not in [t for t, _, _ in found]


def test_gazetteer_us_country_not_pronoun(nlp):
    found = actors_of(nlp, "Let us be clear: the US and the U.S. Army sent us nothing. US OFFICIALS AGREED.")
    assert [t for t, a, _ in found if a == "USA"] == ["US", "U.S. Army", "US OFFICIALS"]


def test_gazetteer_us_made_is_marked(nlp):
    found = actors_of(nlp, "Germany sent U.S.-made Patriot systems.")
    assert ("U.S.-made", "USA", "state") in found


@pytest.mark.parametrize("text, absent", [
    ("We ate turkey and rice on a china plate in the north of the city.", {"TUR", "CHN", "PRK"}),
    ("Kim Dae-jung met Xi Wang at the Washington Post.", {"PRK", "CHN", "USA"}),
    ("Michael Jordan and Chad Smith visited Georgia Tech.", {"JOR", "TCD", "GEO"}),
    ("Ships sailed the North Sea and the North Atlantic.", {"PRK"}),
])
def test_gazetteer_ambiguous_words_are_not_actors(either_ner_nlp, text, absent):
    assert not absent & {a for _, a, _ in actors_of(either_ner_nlp, text)}


@pytest.mark.parametrize("text, actor", [
    ("Turkey sold drones to Ukraine.", "TUR"), ("China denied sending weapons.", "CHN"),
    ("Kim met Putin in Vladivostok.", "PRK"), ("The North fired two missiles.", "PRK"),
    ("CHINA DENIES ARMS CLAIM", "CHN"), ("Xi said nothing.", "CHN"), ("Jordan bought Gripen jets.", "JOR"),
])
def test_gazetteer_ambiguous_words_as_actors(nlp, text, actor):
    assert actor in {a for _, a, _ in actors_of(nlp, text)}


def test_gazetteer_items_cover_whole_phrases(nlp):
    found = items_of(nlp, "Britain sent Storm Shadow cruise missiles, 155mm artillery shells, attack drones and "
                          "Leopard 2 tanks, while Iran shipped Shahed-136 drones and ammunition.")
    assert found == [("Storm Shadow cruise missiles", "missiles", "Storm Shadow"),
                     ("155mm artillery shells", "ammunition", "artillery shells"),
                     ("attack drones", "drones", "drones"),
                     ("Leopard 2 tanks", "armoured-vehicles", "Leopard 2"),
                     ("Shahed-136 drones", "drones", "Shahed-136"),
                     ("ammunition", "ammunition", "ammunition")]


@pytest.mark.parametrize("text, item, category", [
    ("Germany delivered Patriot missiles to Kyiv.", "Patriot missiles", "air-defence"),
    ("Washington approved lethal aid for Taiwan.", "lethal aid", "weapons"),
    ("The EU pledged more military assistance.", "more military assistance", "support"),
    ("Seoul exported K9 howitzers to Poland.", "K9 howitzers", "artillery"),
    ("Russia received hundreds of drones from Iran.", "hundreds of drones", "drones"),
    ("Iran sent servomotors and microelectronics.", "servomotors", "components"),
])
def test_gazetteer_item_categories(nlp, text, item, category):
    assert (item, category) in [(t, c) for t, c, _ in items_of(nlp, text)]


def test_gazetteer_skips_non_items(nlp):
    found = items_of(nlp, "A think tank said the first round of talks on humanitarian aid would help civilians "
                          "in parts of the country.")
    assert found == []


def test_gazetteer_spans_survive_docbin(nlp):
    from spacy.tokens import DocBin

    doc = nlp("North Korea sent KN-23 missiles to Russia.")
    restored = next(iter(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)))
    assert [(s.text, s.label_, s.id_) for s in actor_spans(restored)] == [
        ("North Korea", "PRK", "state"), ("Russia", "RUS", "state")]
    assert [(s.text, s.label_, s.id_) for s in item_spans(restored)] == [("KN-23 missiles", "missiles", "KN-23")]


def test_gazetteer_generic_item_words_used_as_verbs_are_not_items(nlp):
    found = [t for t, _, _ in items_of(nlp, "Iran arms the Houthis and promised to help Russia and to support "
                                            "Belarus, while Moscow shells Kharkiv.")]
    assert found == []
    assert [t for t, _, _ in items_of(nlp, "Kyiv asked Berlin for help.")] == ["help"]


def test_gazetteer_acronyms_are_case_sensitive(nlp):
    assert items_of(nlp, "Sam said the SAM batteries arrived.") == [("SAM batteries", "air-defence", "air defence")]
    assert [a for _, a, _ in actors_of(nlp, "The UN said un and une are articles.")] == ["org:un"]


def test_gazetteer_hyphenated_compounds_and_suffixes(nlp):
    found = items_of(nlp, "Washington will sell four Aegis missile-defense warships and two Patriot systems.")
    assert [(t, c) for t, c, _ in found] == [("four Aegis missile-defense warships", "naval"),
                                             ("two Patriot systems", "air-defence")]


def test_gazetteer_item_categories_add_the_guidelines_second_category(nlp):
    from armswatch.nlp.gazetteer import item_categories

    spans = item_spans(nlp("Berlin sent Patriot missiles, artillery and Leopard tanks."))
    assert [item_categories(s) for s in spans] == [["air-defence", "missiles"], ["artillery", "ammunition"],
                                                   ["armoured-vehicles"]]


def test_gazetteer_demonym_compounds_take_the_nouns_kind(nlp):
    found = actors_of(nlp, "Russian officials met Chinese companies and Iranian state media, said a Polish "
                           "government spokesman.")
    assert found == [("Russian officials", "RUS", "institution"), ("Chinese companies", "CHN", "company"),
                     ("Iranian state media", "IRN", "media"), ("Polish government", "POL", "institution")]


def test_gazetteer_one_word_names_inside_longer_person_names_are_not_actors(either_ner_nlp):
    found = actors_of(either_ner_nlp, "The composer Richard Wagner and the actor Steve Austin were not Wagner fighters or "
                           "Lloyd Austin.")
    assert [(t, a) for t, a, _ in found] == [("Wagner", "org:wagner-group"), ("Lloyd Austin", "USA")]
