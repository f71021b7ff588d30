"""Cleaning: boilerplate, wire credits, dates, titles, encodings, language, and the rule files' validation."""
from __future__ import annotations

import pytest
from conftest_ingest import STORY_A, STORY_B

from armswatch.clean import (
    article_id,
    clean_html,
    clean_text,
    find_wire,
    learn_boilerplate,
    parse_date,
    strip_boilerplate,
)
from armswatch.clean.rules import load_boilerplate, load_wires
from armswatch.errors import InputError, LexiconError


def story(*extra_head: str, tail: tuple[str, ...] = (), body=STORY_A, title="Italy sends more air defence to Ukraine"):
    return "\n\n".join([title, *extra_head, *body, *tail])


def test_clean_seed_article_loses_footer_and_credits_associated_press(seed_article_path):
    path = seed_article_path
    art = clean_text(path.read_bytes(), source=str(path))
    for footer in ("FOUNTAIN: Associated Press", "California18", "Welcome to California18", "Leave a Reply"):
        assert footer not in art.text
    assert art.wire == "Associated Press"
    assert art.title and art.text.startswith(art.title + "\n\n") and not art.body.startswith(art.title)
    assert art.text.rstrip().endswith(".")
    assert art.lang == "en"


@pytest.mark.parametrize(
    "head, tail, wire, kept",
    [
        ("WASHINGTON (AP) — Officials said the deal was done.", "", "Associated Press", True),
        ("KYIV, Ukraine (Reuters) - The ministry said the deal was done.", "", "Reuters", True),
        ("SEOUL, March 3 (Yonhap) -- The ministry said the deal was done.", "", "Yonhap", True),
        ("MOSCOW, July 28. /TASS/. The ministry said the deal was done.", "", "TASS", True),
        ("BEIJING, May 2 (Xinhua) -- The ministry said the deal was done.", "", "Xinhua", True),
        ("", "SOURCE: Associated Press", "Associated Press", False),
        ("", "FOUNTAIN: Associated Press", "Associated Press", False),
        ("", "FUENTE: AP", "Associated Press", False),
        ("", "Source: AFP", "Agence France-Presse", False),
        ("", "With AFP", "Agence France-Presse", False),
        ("", "— AFP", "Agence France-Presse", False),
        ("", "(Reporting by Jane Roe; Editing by John Doe)", "Reuters", False),
        ("", "Copyright 2024 The Associated Press. All rights reserved.", "Associated Press", False),
        ("", "The Associated Press contributed to this report.", "Associated Press", False),
        ("", "Source: Anadolu Agency", "Anadolu", False),
        ("", "Source: UNIAN", "UNIAN", False),
        ("", "Via Ukrinform", "Ukrinform", False),
        ("", "SOURCE: KCNA", "KCNA", False),
        ("", "Source: IRNA", "IRNA", False),
        ("", "dpa", "dpa", False),
        ("", "Source: Bloomberg", "Bloomberg", False),
    ],
)
def test_clean_wire_credit_detected_credit_removed_dateline_kept(head, tail, wire, kept):
    text = story(*([head] if head else []), tail=(tail,) if tail else ())
    art = clean_text(text)
    assert art.wire == wire
    line = head or tail
    assert (line in art.text) is kept


@pytest.mark.parametrize("body", [
    "The minister told AFP that the missiles would arrive soon.",
    "Reuters could not independently verify the claim.",
    "An AP reporter saw the trucks at the border.",
])
def test_clean_wire_not_taken_from_a_mention_in_the_story(body):
    art = clean_text(story(body))
    assert art.wire is None
    assert body in art.text


def test_clean_find_wire_prefers_dateline_over_later_credit():
    wire, paras = find_wire(["LONDON (Reuters) - Britain said.", "More text here.", "Source: AFP"])
    assert wire == "Reuters" and paras == ["LONDON (Reuters) - Britain said.", "More text here."]


@pytest.mark.parametrize("furniture", [
    "Share this:", "Share this article", "Subscribe to our newsletter", "Follow us on Twitter and Facebook",
    "We use cookies to give you the best experience on our website. Read our cookie policy.",
    "Advertisement", "Tags: Italy, Ukraine, air defence", "Read more: Italy's parliament debates defence budget",
])
def test_clean_boilerplate_paragraph_removed(furniture):
    art = clean_text(story(furniture, tail=(furniture,)))
    assert furniture not in art.text
    assert STORY_A[0] in art.text and STORY_A[-1] in art.text


def test_clean_related_posts_and_comment_form_cut_the_rest():
    art = clean_text(story(tail=("Related posts", "Greece sells six patrol boats", "Leave a Reply", "Great article!")))
    assert art.text.endswith(STORY_A[-1])


def test_clean_welcome_line_names_the_site_and_lone_site_name_is_removed():
    art = clean_text(story(tail=("Harbour Herald", "Welcome to Harbour Herald, your number one source for news.")))
    assert art.site == "Harbour Herald"
    assert "Harbour Herald" not in art.text


def test_clean_story_paragraph_mentioning_subscribe_is_kept():
    para = ("Subscribers to the defence ministry's briefing were told on Monday that the missiles would be "
            "delivered before the spring, in a change from earlier plans that had foreseen a summer date.")
    art = clean_text(story(tail=(para,)))
    assert para in art.text


def test_clean_learn_boilerplate_finds_lines_shared_by_distinct_articles():
    footer = "Harbour Herald is an independent newsroom based in the old port district since 1998."
    cyprus = ["NICOSIA — Cyprus will buy new radars for its national guard, the defence ministry said on Friday.",
              "The radars are to be installed on the south coast within two years.",
              "The ministry did not say how much the contract was worth."]
    texts = [story(tail=(footer,)), story(tail=(footer,), body=STORY_B, title="Greece sells boats"),
             story(tail=(footer,), body=cyprus, title="Cyprus buys radars")]
    assert learn_boilerplate(texts) == {footer}
    assert learn_boilerplate(texts[:2]) == set()  # two articles are not enough evidence


def test_clean_learn_boilerplate_does_not_learn_the_story_from_its_copies():
    copies = [story(tail=(f"Site {i} footer",)) for i in range(5)]
    learned = learn_boilerplate(copies)
    assert not any(p in learned for p in STORY_A)


def test_clean_strip_boilerplate_uses_learned_lines():
    paras, _ = strip_boilerplate(["Story text here.", "Harbour Herald newsroom"], learned={"harbour  herald newsroom"})
    assert paras == ["Story text here."]


@pytest.mark.parametrize("line, expected", [
    ("Published: March 5, 2024", "2024-03-05"),
    ("Posted on 12 June 2023 at 10:15", "2023-06-12"),
    ("Updated: 2022-11-30", "2022-11-30"),
    ("Tuesday, 7 February 2023", "2023-02-07"),
])
def test_clean_published_date_line_parsed_and_removed(line, expected):
    art = clean_text(story(line))
    assert art.published == expected
    assert line not in art.text


def test_clean_dateline_with_full_date_gives_published_and_stays():
    dateline = "ROME, March 3, 2024 (AP) — Italy will send missiles to Ukraine, the minister said."
    art = clean_text(story(dateline))
    assert art.published == "2024-03-03" and dateline in art.text


@pytest.mark.parametrize("value", ["March 5", "July 28", "2023", "© 2023 Harbour Herald", "next Tuesday", "", None])
def test_clean_parse_date_never_guesses(value):
    assert parse_date(value) is None


def test_clean_dateline_without_year_gives_no_date():
    art = clean_text(story("MOSCOW, July 28. /TASS/. The ministry said the deal was done."))
    assert art.published is None and art.wire == "TASS"


def test_clean_first_line_is_headline_unless_it_is_a_sentence():
    art = clean_text(story())
    assert art.title == "Italy sends more air defence to Ukraine"
    assert not art.body.startswith("Italy sends more")
    assert art.text.startswith("Italy sends more air defence to Ukraine\n\n")  # the extractor reads the headline
    art = clean_text("\n\n".join(STORY_A))
    assert art.title is None and art.text.startswith(STORY_A[0])


def test_clean_hard_wrapped_lines_are_joined():
    wrapped = ("Italy sends missiles\n\n"
               "ROME — Italy will send a further battery of medium-range air defence\n"
               "missiles to Ukraine, the defence minister said on Wednesday, after talks\n"
               "with allies in Brussels.\n")
    art = clean_text(wrapped)
    assert "air defence missiles to Ukraine" in art.body and "\n" not in art.body


def test_clean_html_excludes_comments_and_keeps_metadata():
    html = ("<html><head><title>Italy sends missiles</title><meta name='author' content='Ada Rossi'>"
            "<meta property='article:published_time' content='2024-02-01'></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in STORY_A)
            + "</article><div class='comments'><h3>Comments</h3><p>Reader Bob says this will never work and the "
              "government should resign before the missiles ever leave the depot.</p></div>"
              "<footer>© 2019 Harbour Herald</footer></body></html>")
    art = clean_html(html, url="https://www.harbourherald.example/italy")
    assert art.author == "Ada Rossi" and art.published == "2024-02-01"
    assert "Reader Bob" not in art.text
    assert art.site == "harbourherald.example"
    assert art.url == "https://www.harbourherald.example/italy"


def test_clean_empty_result_raises_input_error_naming_source():
    with pytest.raises(InputError, match="empty.html"):
        clean_html("<html><body><nav>Home</nav></body></html>", source="empty.html")


def test_clean_article_id_ignores_whitespace_and_is_sha1():
    a = clean_text(story())
    b = clean_text(story().replace("\n\n", "\n\n\n").replace("said on", "said  on"))
    assert a.id == b.id == article_id(a.body) and len(a.id) == 40  # the body: ids of older stores stay valid
    assert clean_text(story(body=STORY_B)).id != a.id


def test_clean_content_hash_is_of_raw_bytes():
    raw = story(tail=("Share this:",))
    a, b = clean_text(raw), clean_text(raw + "\n\nShare this:")
    assert a.id == b.id and a.content_hash != b.content_hash


def test_clean_lang_detected_with_fixed_seed():
    german = ("Deutschland wird der Ukraine weitere Flugabwehrsysteme liefern, sagte der Verteidigungsminister "
              "am Mittwoch in Berlin nach einem Treffen mit seinen Amtskollegen.")
    langs = {clean_text("Flugabwehr für Kiew\n\n" + german).lang for _ in range(3)}
    assert langs == {"de"}
    assert clean_text(story()).lang == "en"


def test_clean_rules_report_every_bad_entry(tmp_path):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("paragraphs:\n  - id: one\n    regex: '(unclosed'\n  - id: two\n    where: middle\n    regex: 'x'\n"
                   "dates:\n  - id: nodate\n    regex: 'Published (.*)'\n")
    with pytest.raises(LexiconError) as err:
        load_boilerplate(bad)
    problems = err.value.problems
    assert len(problems) == 3
    assert any(":3:" in p and "invalid regex" in p for p in problems)
    assert any("middle" in p for p in problems) and any("(?P<date>" in p for p in problems)


def test_clean_wire_rules_validated(tmp_path):
    bad = tmp_path / "wires.yaml"
    bad.write_text("agencies:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n"
                   "patterns:\n  - id: p\n    regex: 'no slot'\n    action: drop\n")
    with pytest.raises(LexiconError) as err:
        load_wires(bad)
    text = "\n".join(err.value.problems)
    assert "'X'" in text and "action='drop'" in text and "{agency}" in text


def test_clean_shipped_rules_load():
    assert len(load_boilerplate().paragraphs) >= 10
    wires = load_wires()
    assert {"Associated Press", "Reuters", "Agence France-Presse", "TASS", "Yonhap", "Xinhua", "dpa", "Anadolu",
            "UNIAN", "Ukrinform", "IRNA", "KCNA", "Bloomberg"} <= set(wires.aliases.values())


GREEK = ("<p>ATHENS — Greece’s defence ministry is considering sending old armoured personnel carriers to Ukraine, "
         "officials said on Monday in Athènes.</p><p>The minister called the plan “a fair exchange” and said the "
         "army’s réserve would not be weakened at all.</p>")


@pytest.mark.parametrize("meta, encoding", [
    ('<meta charset="windows-1252">', "cp1252"),
    ("", "cp1252"),  # undeclared legacy bytes
    ('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "cp1252"),  # a lying label
    ('<meta charset="koi8-r">', "utf-8"),  # a lying label the other way
    ("", "utf-16"),
    ('<meta charset="koi8-r">', "koi8-r"),
])
def test_clean_html_bytes_decoded_whatever_the_label(meta, encoding):
    text = GREEK if encoding != "koi8-r" else "<p>Министерство обороны заявило в понедельник, что рассмотрит отправку старых бронемашин.</p>"
    html = f"<html><head>{meta}<title>Greek plan</title></head><body><article>{text}</article></body></html>"
    art = clean_html(html.encode(encoding))
    expected = "Greece’s defence ministry" if encoding != "koi8-r" else "Министерство обороны"
    assert expected in art.text and "\ufffd" not in art.text


def test_clean_http_charset_header_is_used():
    html = f"<html><head><title>Greek plan</title></head><body><article>{GREEK}</article></body></html>"
    from armswatch.clean import draft_from_html, finish

    art = finish(draft_from_html(html.encode("cp1252"), source="x", charset="windows-1252"))
    assert "Athènes" in art.text


def test_clean_text_headline_banner_and_date_lines_stay_apart():
    """A site banner, a headline and a 'posted on … by' line over the story are not one wrapped paragraph."""
    from armswatch.clean import clean_text

    raw = (
        "Harbour City Courier | Breaking News, Politics, Entertainment\n"
        "Frigate deal for Manila moves ahead as Seoul shipyard signs contract\n"
        "Posted on March 3, 2025 by admin\n\n"
        "MANILA (Reuters) - The Philippines signed a contract with a South Korean shipyard on Monday for two "
        "more frigates, officials said, the latest step in a naval build-up.\n"
    )
    article = clean_text(raw, source="banner.txt")
    assert article.title == "Frigate deal for Manila moves ahead as Seoul shipyard signs contract"
    assert article.published == "2025-03-03"
    assert "Breaking News" not in article.text and "admin" not in article.text
    assert article.body.startswith("MANILA (Reuters)")


def test_clean_text_hard_wrapped_paragraph_is_joined():
    from armswatch.clean import clean_text

    raw = (
        "Headline about tanks\n\n"
        "BERLIN (dpa) - Germany will send another batch of Leopard tanks to its\n"
        "eastern neighbour before the summer, the defence ministry said on Friday\n"
        "in a statement.\n"
    )
    article = clean_text(raw, source="wrapped.txt")
    assert "to its eastern neighbour before the summer" in article.text
