"""Feeds: every entry is an article or a Skipped record named after the feed entry, with the reason."""
from __future__ import annotations

from conftest_ingest import STORY_A, article_html

from armswatch.ingest import read
from armswatch.types import Article, Skipped


def _item(title: str, link: str | None = None, description: str | None = None) -> str:
    parts = [f"<title>{title}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if description:
        parts.append(f"<description>{description}</description>")
    return "<item>" + "".join(parts) + "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"


def test_feed_every_entry_is_an_article_or_a_named_skip(site, tmp_path):
    live = site.add("/italy", article_html("Italy sends missiles", STORY_A))
    gone = site.url("/withdrawn-story")  # 404
    refused = "http://127.0.0.1:9/closed-port-story"  # nothing listens on the discard port
    items = [
        _item("Italy sends missiles", live),
        _item("Withdrawn story", gone),
        _item("Closed port", refused),
        _item("Bad link", "http://[broken"),
        _item("Summary only", description="Norway will deliver two more coastal radar sets to Estonia before "
                                         "the summer, the defence ministry in Oslo said on Tuesday."),
        _item("Nothing at all"),
    ]
    feed = tmp_path / "harbour.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
                    + "".join(items) + "</channel></rss>", encoding="utf-8")

    results = list(read([feed], allow_private=True, fetch_delay=0))

    assert len(results) == len(items)  # nothing vanishes
    arts = [r for r in results if isinstance(r, Article)]
    skipped = {r.source: r.reason for r in results if isinstance(r, Skipped)}
    assert [(a.url or a.source, a.title) for a in arts] == [
        (live, "Italy sends missiles"), (f"{feed}#5", "Summary only")]
    assert "coastal radar" in arts[1].text and arts[1].published == "2024-03-05"
    assert skipped[f"{feed}#2"] == f"HTTP 404 Not Found (link {gone})"
    assert skipped[f"{feed}#3"].startswith("request failed: ConnectError") and refused in skipped[f"{feed}#3"]
    assert skipped[f"{feed}#4"].startswith("invalid link 'http://[broken'")
    assert skipped[f"{feed}#6"] == "feed entry has neither a link nor content"


def test_feed_of_dead_links_reports_each_entry_under_the_feed(tmp_path):
    """Links on loopback are refused by default: each entry says so, under the feed file's name."""
    feed = tmp_path / "dead.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Gone</title>'
                    + _item("One", "http://127.0.0.1:9/one") + _item("Two", "http://127.0.0.1:9/two")
                    + "</channel></rss>", encoding="utf-8")
    results = list(read([feed], fetch_delay=0))
    assert [r.source for r in results] == [f"{feed}#1", f"{feed}#2"]
    assert all(isinstance(r, Skipped) and "non-public address" in r.reason for r in results)
