"""Content sites that republish a wire story with their own furniture: related-post boxes with their headline
lists, comment sections and comment forms, reader comments; and wire credits in every input format, each agency
under one canonical name. The pages are invented; each is read the way a user reads it (HTML, text, JSONL)."""
from __future__ import annotations

import json

import pytest

from armswatch.clean import clean_html, clean_text
from armswatch.clean.rules import load_boilerplate, load_wires
from armswatch.errors import LexiconError
from armswatch.ingest import read
from armswatch.types import Article

TITLE = "Norway to deliver coastal radars to Estonia"
STORY = [
    ("OSLO — Norway will deliver two coastal surveillance radars to Estonia before the summer, the Norwegian "
     "defence ministry said on Tuesday."),
    ("The radars, taken from a reserve stock, will be installed on the northern coast, a ministry spokeswoman "
     "said, adding that Estonian crews would train in Bergen in May."),
    ("Estonia has asked its Nordic neighbours for more maritime sensors since a cable was damaged in the Gulf of "
     "Finland last year."),
]
RELATED = ["Related posts:", "Sweden weighs sending more armoured vehicles to the Baltics",
           "Finland orders new artillery shells from domestic plant", "Denmark to donate patrol boats to Latvia",
           "Poland and Lithuania sign ammunition pact", "Iceland hosts NATO air policing rotation",
           "Germany pledges more air defence to Baltic states", "Dutch navy to visit Tallinn in June",
           "Latvia extends conscription to women volunteers", "Finnish border guards buy new drones"]
COMMENTS = ["2 thoughts on “Norway to deliver coastal radars to Estonia”",
            "Maria K. says:", "April 2, 2024 at 9:14 am", "Great article, I shared it with my whole family.",
            "Olav says:", "April 2, 2024 at 11:40 am",
            "About time Norway sent something useful to our neighbours across the sea."]
FORM = ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]
FURNITURE = [*RELATED, *COMMENTS, *FORM]


def _plain(*blocks: list[str]) -> str:
    return "\n\n".join(p for block in blocks for p in block)


def _assert_story_only(article: Article) -> None:
    for line in FURNITURE:
        assert line not in article.text, f"furniture kept: {line!r}"
    for para in STORY:
        assert para in article.text
    assert article.text.rstrip().endswith("last year.")


@pytest.mark.parametrize("order", ["related-then-comments", "comments-only", "form-without-heading"])
def test_content_site_text_copy_keeps_only_the_story(order):
    blocks = {
        "related-then-comments": [STORY, RELATED, COMMENTS, FORM],
        "comments-only": [STORY, COMMENTS[1:]],  # no "N thoughts" heading: the byline + date line starts it
        "form-without-heading": [STORY, FORM[1:], ["Comment", "Name *", "Email *", "Website", "Post Comment"]],
    }[order]
    article = clean_text(_plain([TITLE], *blocks))
    assert article.title == TITLE
    _assert_story_only(article)


def test_content_site_related_box_in_the_middle_keeps_the_story_after_it():
    """A related-posts box between two paragraphs: its headlines go, the story after it stays."""
    text = _plain([TITLE], STORY[:1], ["Related:", "Sweden weighs sending more armoured vehicles to the Baltics",
                                       "Finland orders new artillery shells from domestic plant"], STORY[1:])
    article = clean_text(text)
    assert "Sweden weighs" not in article.text and "Finland orders" not in article.text
    assert all(p in article.text for p in STORY)


def test_content_site_quoted_speaker_is_not_a_comment():
    """ "The minister says:" before a quote is story text: a comment byline needs a date line after it."""
    quote = ["The minister says:", "“We will deliver the radars before the summer, as promised to Tallinn.”"]
    article = clean_text(_plain([TITLE], STORY, quote))
    assert "The minister says:" in article.text and "as promised to Tallinn" in article.text


def _html(comment_markup: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    related = "<div class='related'><h3>Related posts:</h3><ul>" + "".join(
        f"<li><a href='/p{i}'>{h}</a></li>" for i, h in enumerate(RELATED[1:4])) + "</ul></div>"
    return (f"<html><head><title>{TITLE} – Fjord Daily</title><meta property='og:site_name' content='Fjord Daily'>"
            f"</head><body><nav><a href='/'>Home</a></nav><main><article><h1>{TITLE}</h1>{body}{related}"
            f"</article>{comment_markup}</main><footer>© 2024 Fjord Daily</footer></body></html>")


WORDPRESS = ("<div id='comments' class='comments-area'><h2>2 thoughts on “Norway to deliver coastal radars to "
             "Estonia”</h2><ol class='comment-list'><li class='comment'><footer><b>Maria K.</b> <span>says:</span>"
             "<time>April 2, 2024 at 9:14 am</time></footer><p>Great article, I shared it with my whole family.</p>"
             "</li></ol><div id='respond'><h3>Leave a Reply</h3><form><p>Your email address will not be published. "
             "Required fields are marked *</p><textarea></textarea><input type='submit' value='Post Comment'>"
             "</form></div></div>")
HOMEMADE = ("<section><h3>2 thoughts on “Norway to deliver coastal radars to Estonia”</h3>"
            "<p>Maria K. says:</p><p>April 2, 2024 at 9:14 am</p><p>Great article, I shared it with my whole "
            "family.</p><p>Olav says:</p><p>April 2, 2024 at 11:40 am</p><p>About time Norway sent something "
            "useful to our neighbours across the sea.</p><h3>Leave a Reply</h3><p>Your email address will not be "
            "published. Required fields are marked *</p></section>")


@pytest.mark.parametrize("markup", [WORDPRESS, HOMEMADE], ids=["wordpress-markup", "plain-markup"])
def test_content_site_html_copy_keeps_only_the_story(markup):
    article = clean_html(_html(markup))
    assert article.title == TITLE
    _assert_story_only(article)


def test_content_site_jsonl_records_are_cleaned_like_pages(tmp_path):
    text = _plain([TITLE], STORY, RELATED, COMMENTS, FORM)
    path = tmp_path / "copies.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"text": text, "url": "https://fjord.example/radars"},
        {"html": _html(HOMEMADE), "url": "https://baltic.example/radars"},
    ]) + "\n", encoding="utf-8")
    articles = list(read([path]))
    assert len(articles) == 2 and all(isinstance(a, Article) for a in articles)
    for article in articles:
        _assert_story_only(article)


# ---- wire credits in every input format, one name per agency ---------------------------------------------------

@pytest.mark.parametrize("credit", ["AFP", "Agence France-Presse", "Agence France Presse", "Agence France\u2011Presse"])
def test_content_site_agency_has_one_name_whatever_the_copy_calls_it(credit):
    dateline = STORY[0].replace("OSLO —", f"OSLO ({credit}) —")
    assert clean_text(_plain([TITLE], [dateline], STORY[1:])).wire == "Agence France-Presse"
    assert clean_text(_plain([TITLE], STORY, [f"Source: {credit}"])).wire == "Agence France-Presse"


def test_content_site_wire_credit_found_in_every_input_format(tmp_path):
    """The same AP credit read from a text footer, an HTML byline, a JSONL field and a feed entry's author."""
    (tmp_path / "copy.txt").write_text(_plain([TITLE], STORY, ["The Associated Press contributed to this report."]))
    (tmp_path / "copy.html").write_text(
        _html("").replace("<head>", "<head><meta name='author' content='Associated Press'>"), encoding="utf-8")
    (tmp_path / "copies.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"text": _plain([TITLE], STORY), "credit": "AP"},
        {"text": _plain([TITLE], STORY), "source": "The Associated Press"},
        {"text": _plain([TITLE], STORY), "byline": "By AP"},
        {"text": _plain([TITLE], STORY), "source": "Fjord Daily"},  # a site, not an agency: no wire
    ]) + "\n", encoding="utf-8")
    summary = STORY[0] + " " + STORY[1]
    (tmp_path / "feed.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Fjord Daily</title><item>"
        f"<title>{TITLE}</title><author>Associated Press</author><description>{summary}</description>"
        "</item></channel></rss>", encoding="utf-8")
    wires = {r.source.rsplit("/", 1)[-1]: r.wire for r in read([tmp_path])}
    assert wires == {"copy.txt": "Associated Press", "copy.html": "Associated Press",
                     "copies.jsonl#1": "Associated Press", "copies.jsonl#2": "Associated Press",
                     "copies.jsonl#3": "Associated Press", "copies.jsonl#4": None,
                     "feed.rss#1": "Associated Press"}


# ---- the rules are data, validated on load ---------------------------------------------------------------------

def test_content_site_rule_files_are_validated(tmp_path):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("paragraphs:\n"
                   "  - id: both\n    regex: 'related'\n    cut_rest: true\n    headlines: true\n"
                   "  - id: flag\n    regex: 'more'\n    headlines: 'yes'\n"
                   "  - id: nxt\n    regex: 'x says:'\n    next: '(unclosed'\n")
    with pytest.raises(LexiconError) as err:
        load_boilerplate(bad)
    text = "\n".join(err.value.problems)
    assert "use one of cut_rest and headlines" in text and "headlines='yes'" in text and "invalid regex" in text
    wires = tmp_path / "wires.yaml"
    wires.write_text("agencies:\n  - name: Agence France-Presse\n    aliases: [AFP]\n"
                     "  - name: Agence Fictive\n    aliases: [afp]\n"
                     "patterns:\n  - id: bare\n    regex: '^{agency}$'\n")
    with pytest.raises(LexiconError) as err:
        load_wires(wires)
    assert "'afp' is listed for 'Agence France-Presse' and 'Agence Fictive'" in "\n".join(err.value.problems)
