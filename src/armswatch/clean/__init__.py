"""Cleaning: raw HTML or text -> an Article with site furniture, credit lines and mojibake removed.

Two steps so boilerplate can be learned across a site's articles between them:
    draft = draft_from_html(html, source=...)    # or draft_from_text
    learned = learn_boilerplate([d.text for d in drafts_of_one_site])
    article_or_skipped = finish(draft, learned)
`clean_text` / `clean_html` do both for one document.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from armswatch.clean.boilerplate import learn_boilerplate, line_key, strip_boilerplate
from armswatch.clean.dates import find_date, parse_date
from armswatch.clean.headline import TITLE_MAX_CHARS, headline_of, strip_title_credit, with_headline
from armswatch.clean.html import extract_html
from armswatch.clean.lang import detect_lang
from armswatch.clean.text import clean_line, declared_charset, decode, looks_binary, paragraphs_of, repair
from armswatch.clean.wire import find_wire, wire_from_credits
from armswatch.errors import InputError
from armswatch.types import Article, Skipped

__all__ = [
    "Draft",
    "article_id",
    "clean_html",
    "clean_text",
    "decode",
    "detect_lang",
    "draft_from_html",
    "draft_from_text",
    "find_wire",
    "finish",
    "learn_boilerplate",
    "looks_binary",
    "parse_date",
    "strip_boilerplate",
]

MIN_WORDS = 5  # fewer words than this after cleaning is not an article (an error page, a bare link list)


@dataclass
class Draft:
    """A document after extraction and before boilerplate removal; `text` is what learning looks at."""

    source: str
    paragraphs: list[str]
    kind: str  # "text" or "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    content_hash: str | None = None
    sites: list[str] = field(default_factory=list)  # names the site goes by (metadata, host)
    credits: list[str] = field(default_factory=list)  # metadata that may name a wire agency (record fields, author)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def article_id(text: str) -> str:
    """sha1 of the text with Unicode and whitespace normalised: the same story text gets the same id."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _raw_hash(raw: bytes | str) -> str:
    return hashlib.sha1(raw if isinstance(raw, bytes) else raw.encode("utf-8")).hexdigest()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def draft_from_text(text: str | bytes, *, source: str, url: str | None = None, title: str | None = None,
                    published: str | None = None, site: str | None = None, charset: str | None = None,
                    credits: Iterable[str] = ()) -> Draft:
    """A plain-text document (bytes are decoded: BOM, `charset`, UTF-8, Windows-1252) before boilerplate removal.

    `credits`: metadata that may name the wire agency (a JSON record's "wire" or "source" field)."""
    raw = text
    if isinstance(text, bytes):
        text = decode(text, charset)
    host = _host(url)
    return Draft(source=source, paragraphs=paragraphs_of(repair(text)), kind="text", url=url, title=title,
                 published=parse_date(published), site=site or host, content_hash=_raw_hash(raw),
                 sites=[s for s in (site, host) if s], credits=list(credits))


def draft_from_html(html: str | bytes, *, source: str, url: str | None = None, title: str | None = None,
                    published: str | None = None, site: str | None = None, charset: str | None = None,
                    credits: Iterable[str] = ()) -> Draft:
    """An HTML page's article text and metadata (bytes decoded by `charset`, else <meta charset>, else sniffed)."""
    raw = html
    if isinstance(html, bytes):
        html = decode(html, charset or declared_charset(html))
    content = extract_html(html, url=url)
    host = _host(url) or content.hostname
    meta_site = site or content.site or host
    return Draft(
        source=source, paragraphs=paragraphs_of(repair(content.text)), kind="html", url=url,
        title=title or (repair(content.title) if content.title else None),
        published=parse_date(published) or parse_date(content.published), site=meta_site,
        author=content.author, content_hash=_raw_hash(raw), sites=[s for s in (site, content.site, host) if s],
        credits=[*credits, *(c for c in (content.author,) if c)],
    )


def _headline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The first paragraph of a plain-text article is its headline when short and not a sentence."""
    if len(paragraphs) < 2:
        return None, paragraphs
    first = paragraphs[0].strip()
    if len(first) <= TITLE_MAX_CHARS and not first.endswith((".", ",", ";", ":")):
        return first, paragraphs[1:]
    return None, paragraphs


def finish(draft: Draft, learned: Iterable[str] = ()) -> Article | Skipped:
    """Remove credits and boilerplate, find wire, title, date and language; Skipped when no article is left.

    The text is the headline (when the title is one: clean/headline.py) and the body; the id is the sha1 of the
    body alone, as it was before the headline was kept, so stores made earlier keep their ids."""
    wire, paras = find_wire(draft.paragraphs)
    wire = wire or wire_from_credits(draft.credits)
    paras, found_sites = strip_boilerplate(paras, learned=learned, sites=draft.sites)
    published = draft.published
    if published is None:
        published, paras = find_date(paras)
    title = clean_line(draft.title)
    if draft.kind == "text" and title is None:
        title, paras = _headline(paras)
    elif title and paras and line_key(paras[0]) == line_key(title):
        paras = paras[1:]
    body = "\n\n".join(p.strip() for p in paras)
    words = len(body.split())
    if words < MIN_WORDS:
        reason = "no article text found" if words == 0 else f"only {words} word{'s' * (words > 1)} of text after cleaning"
        return Skipped(draft.source, reason)
    sites = [*draft.sites, *found_sites]
    headline, title_wire = headline_of(title, paras, sites=sites, learned=learned)
    text, body_start = with_headline(headline, body)
    if title:
        title = strip_title_credit(title, sites)[0] or title
    return Article(
        id=article_id(body), text=text, source=draft.source, url=draft.url,
        site=clean_line(draft.site or (found_sites[0] if found_sites else None)), title=title,
        published=published, author=clean_line(draft.author), wire=wire or title_wire, lang=detect_lang(body),
        content_hash=draft.content_hash, body_start=body_start,
    )


def _one(draft: Draft) -> Article:
    result = finish(draft)
    if isinstance(result, Skipped):
        raise InputError(result.source, result.reason)
    return result


def clean_text(text: str | bytes, *, source: str = "<text>", **hints) -> Article:
    """One plain-text article cleaned; raises InputError when nothing is left."""
    return _one(draft_from_text(text, source=source, **hints))


def clean_html(html: str | bytes, *, source: str = "<html>", **hints) -> Article:
    """One HTML page cleaned; raises InputError when no article text is found or the page is built to stall a parser."""
    from armswatch.clean.html import HostileHtml

    try:
        draft = draft_from_html(html, source=source, **hints)
    except HostileHtml as exc:
        raise InputError(source, str(exc)) from None
    return _one(draft)
