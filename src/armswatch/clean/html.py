"""Main text and metadata of an HTML page via trafilatura (no comments, no dates invented from the © line)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class HtmlContent:
    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    hostname: str | None = None


MAX_TAGS = 100_000  # a 5 MB news page has ~30,000; more is a tag bomb that would stall the parser
LONG_TAG = 20_000  # chars in one tag: only data: URIs, giant SVG paths and attribute bombs get there


class HostileHtml(ValueError):
    """HTML built to stall a parser; the message says why."""


def defuse(html: bytes | str) -> bytes | str:
    """Drop overlong tags (libxml2 is quadratic in attributes) and refuse tag bombs, before any parsing."""
    lt = b"<" if isinstance(html, bytes) else "<"
    tags = html.count(lt)
    if tags > MAX_TAGS:
        raise HostileHtml(f"HTML has {tags:,} tags (more than {MAX_TAGS:,}); not parsed")
    pattern = rf"<[^<>]{{{LONG_TAG},}}>?"
    if isinstance(html, bytes):
        return re.sub(pattern.encode(), b"", html)
    return re.sub(pattern, "", html)


def extract_html(html: bytes | str, url: str | None = None) -> HtmlContent:
    """The article text and metadata; text is "" when trafilatura finds no article."""
    import trafilatura

    html = defuse(html)

    options = {
        "url": url,
        "include_comments": False,
        "include_tables": False,
        "with_metadata": True,
        # extensive_search would take the year of "© 2023" as the publication date
        "date_extraction_params": {"extensive_search": False, "original_date": True},
    }
    doc = trafilatura.bare_extraction(html, **options)
    if doc is None or not (doc.text or "").strip():
        # Pages with little markup around the story (or broken markup) fail the precision-first pass.
        doc = trafilatura.bare_extraction(html, favor_recall=True, **options) or doc
    if doc is None:
        return HtmlContent(text="")
    text = doc.text or ""
    title = (doc.title or "").strip() or None
    lines = text.split("\n")
    if title and lines and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold():
        text = "\n".join(lines[1:])
    return HtmlContent(
        text=text, title=title, published=doc.date, site=(doc.sitename or None), author=(doc.author or None),
        hostname=(doc.hostname or None),
    )
