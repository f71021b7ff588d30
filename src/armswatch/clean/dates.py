"""Publication dates as YYYY-MM-DD from metadata or a date line, only when day, month and year are all written."""
from __future__ import annotations

import datetime as dt
import re

from armswatch.clean.rules import Boilerplate, default_boilerplate

HEAD = 5  # date lines sit above or just below the headline
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$")


def parse_date(value: str | None) -> str | None:
    """YYYY-MM-DD for a written date, or None when it lacks a day, month or year (never guessed)."""
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    m = _ISO.match(value)
    if m:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    else:
        import dateparser

        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                      "RETURN_AS_TIMEZONE_AWARE": False},
        )
        if parsed is None:
            return None
        day = parsed.date()
    if not (dt.date(1900, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2)):
        return None
    return day.isoformat()


def find_date(paragraphs: list[str], rules: Boilerplate | None = None) -> tuple[str | None, list[str]]:
    """The date given by a date line or dateline in the first paragraphs, and the paragraphs without date lines."""
    rules = rules or default_boilerplate()
    for index, para in enumerate(paragraphs[:HEAD]):
        for rule in rules.dates:
            m = rule.regex.fullmatch(para.strip())
            if not m:
                continue
            date = parse_date(m.group("date"))
            if date is None:
                continue
            rest = paragraphs[:index] + paragraphs[index + 1:] if rule.remove else paragraphs
            return date, rest
    return None, paragraphs
