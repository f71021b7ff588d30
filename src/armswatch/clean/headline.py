"""The headline as the first paragraph of an article's text, as `armswatch extract` reads a file that starts with it.

Headlines often carry the only statement of a claim and its credit ("X sent drones to Y – officials"), so the
stored text is `headline + "\\n\\n" + body` and the extractor reads it like any paragraph; evidence offsets are
offsets into that stored text. The body alone (`Article.body`, `text[body_start:]`) is what the article id and the
story signature are computed from, as before the headline was kept: re-ingesting an older store finds the same ids
and the same stories.

A title is cleaned before it becomes a paragraph: a trailing site name or wire agency ("… - Reuters",
"… | Example News") is cut (the agency becomes the wire credit when the text names none), and a title that is only
a site name, learned site furniture or a repeat of the first paragraph (in any dash or quote) adds nothing.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from armswatch.clean.boilerplate import site_keys, strip_boilerplate
from armswatch.clean.rules import Wires, default_wires

TITLE_MAX_CHARS = 200  # a longer "title" is a paragraph (a JSON record's summary), not a headline
SEPARATOR = "\n\n"
# " - ", " – ", " — ", " | ", " :: " before a trailing site or agency name
_SUFFIX = re.compile(r"\s+(?:[-\u2010-\u2015|]|::)\s+|\s*\|\s*")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def headline_key(line: str) -> str:
    """A line compared as words only: case, dashes, quotes and punctuation do not matter."""
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", line).casefold()).split())


def same_headline(a: str | None, b: str | None) -> bool:
    return bool(a and b) and headline_key(a) == headline_key(b) != ""


def strip_title_credit(title: str, sites: Iterable[str] = (), wires: Wires | None = None) -> tuple[str, str | None]:
    """(title without trailing site names and agencies, the agency named there): "… - Reuters" -> ("…", Reuters)."""
    wires = wires or default_wires()
    keys = {headline_key(k) for k in site_keys(sites)}
    agency = None
    while True:
        cuts = list(_SUFFIX.finditer(title))
        if not cuts:
            return title, agency
        last = cuts[-1]
        tail = title[last.end():].strip()
        name = wires.name_of(tail)
        if name is None and headline_key(tail) not in keys:
            return title, agency
        agency = agency or name
        title = title[: last.start()].rstrip()


def headline_of(title: str | None, paragraphs: list[str], *, sites: Iterable[str] = (), learned: Iterable[str] = (),
                wires: Wires | None = None) -> tuple[str | None, str | None]:
    """(the paragraph to put before `paragraphs`, or None; the wire agency the title credits, or None)."""
    if not title:
        return None, None
    sites = list(sites)
    line, agency = strip_title_credit(title.strip(), sites, wires)
    if not line or len(line) > TITLE_MAX_CHARS or headline_key(line) in {headline_key(k) for k in site_keys(sites)}:
        return None, agency
    if not strip_boilerplate([line], learned=learned, sites=sites)[0]:
        return None, agency  # a title that is site furniture ("Home", "Latest news")
    if paragraphs and same_headline(paragraphs[0], line):
        return None, agency  # the page repeats its headline as the first paragraph: it is read there
    return line, agency


def with_headline(headline: str | None, body: str) -> tuple[str, int]:
    """(the text the extractor reads, where the body starts in it)."""
    if not headline:
        return body, 0
    text = f"{headline}{SEPARATOR}{body}" if body else headline
    return text, len(text) - len(body)
