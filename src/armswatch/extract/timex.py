"""Time of a mention: the DATE expression nearest the trigger, resolved to a date range against `published`."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from armswatch.nlp import entities
from armswatch.types import TimeRange

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
SEASON_PARTS = {"early": (1, 4), "late": (10, 12), "mid": (5, 8), "end": (10, 12), "beginning": (1, 3),
                "start": (1, 3), "autumn": (9, 11), "fall": (9, 11), "spring": (3, 5), "summer": (6, 8),
                "winter": (12, 2)}
# Words that make a DATE entity a duration or an age rather than a time ("2-1/2 years ago" is fine, "50 years" is not).
_CALENDAR_TOKEN = re.compile(r"[a-z]+|\d")
NOT_TIMES = re.compile(r"^(\d+|a|one|two|three|several|many)\s+(years?|months?|weeks?|days?)$", re.IGNORECASE)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def resolve(text: str, published: str | None) -> TimeRange:
    """Resolve a time expression; start/end stay None when it cannot be pinned down."""
    start, end = _resolve_cached(text, published)
    return TimeRange(text, start, end)


@lru_cache(maxsize=4096)  # dateparser is slow; the same expressions recur across passages and mentions
def _resolve_cached(text: str, published: str | None) -> tuple[str | None, str | None]:
    found = _resolve(text, published)
    return found.start, found.end


def _resolve(text: str, published: str | None) -> TimeRange:
    base = None
    if published:
        try:
            base = datetime.strptime(published[:10], "%Y-%m-%d").date()
        except ValueError:
            base = None
    low = text.lower().strip()
    low = re.sub(r"^(in|on|since|by|from|during|until|as of|the)\s+", "", low)
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", low)]
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS and len(w) > 2), None)
    part = next((SEASON_PARTS[w] for w in re.findall(r"[a-z]+", low) if w in SEASON_PARTS), None)
    year = years[0] if years else None
    if base is not None and year is None:
        if "last year" in low or "previous year" in low:
            year = base.year - 1
        elif "this year" in low or "earlier this" in low:
            year = base.year
        elif "next year" in low:
            year = base.year + 1
        elif month is not None:
            year = base.year if month <= base.month else base.year - 1
    if year is not None and month is not None:
        days = re.findall(r"\b(\d{1,2})\b", low)
        if days and 1 <= int(days[0]) <= 31:
            try:
                d = date(year, month, int(days[0]))
                return TimeRange(text, _iso(d), _iso(d))
            except ValueError:
                pass
        start, end = _month_range(year, month)
        return TimeRange(text, _iso(start), _iso(end))
    if year is not None:
        if "since" in text.lower():
            return TimeRange(text, _iso(date(year, 1, 1)), _iso(base) if base else None)
        if len(years) >= 2:
            return TimeRange(text, _iso(date(years[0], 1, 1)), _iso(date(years[-1], 12, 31)))
        if part is not None and part[0] <= part[1]:
            return TimeRange(text, _iso(date(year, part[0], 1)), _iso(_month_range(year, part[1])[1]))
        return TimeRange(text, _iso(date(year, 1, 1)), _iso(date(year, 12, 31)))
    if base is None:
        return TimeRange(text)
    if "last week" in low:
        start = base - timedelta(days=base.weekday() + 7)
        return TimeRange(text, _iso(start), _iso(start + timedelta(days=6)))
    if "next month" in low:
        first = (base.replace(day=28) + timedelta(days=4)).replace(day=1)
        return TimeRange(text, _iso(first), _iso(_month_range(first.year, first.month)[1]))
    if "last month" in low:
        first = base.replace(day=1) - timedelta(days=1)
        return TimeRange(text, _iso(first.replace(day=1)), _iso(first))
    if "this month" in low:
        return TimeRange(text, _iso(base.replace(day=1)), _iso(base))
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day),
                                                  "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []},
                                  languages=["en"])
    except Exception:  # noqa: BLE001  dateparser raises a zoo of errors on odd strings; unresolved is fine
        parsed = None
    if parsed is not None:
        d = parsed.date()
        return TimeRange(text, _iso(d), _iso(d))
    return TimeRange(text)


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from armswatch.extract.rules import load_rules

    return load_rules().cue("date_words")


def may_state_time(text: str) -> bool:
    """Whether `text` has a digit or a calendar word (cues.yaml `date_words`). Without one the model finds no DATE
    in it, so neither the time of a mention there nor NER for that time is looked for."""
    words = _date_words()
    return any(w.isdigit() or w in words or (w.endswith("s") and w[:-1] in words)
               for w in _CALENDAR_TOKEN.findall(text.lower()))


def find(sent: Span, trigger: Token, published: str | None) -> TimeRange | None:
    """The DATE entity of the sentence nearest the trigger, resolved; None when the sentence gives no time."""
    if not may_state_time(sent.text):
        return None
    entities.ensure(sent.doc, [sent])
    dates = [e for e in sent.ents if e.label_ == "DATE" and not NOT_TIMES.match(e.text.strip())]
    if not dates:
        return None
    best = min(dates, key=lambda e: min(abs(e.start - trigger.i), abs(e.end - 1 - trigger.i)))
    text = best.text
    # keep a leading "since"/"in"/"late" that the entity left outside
    prev = best.start - 1
    if prev >= sent.start and sent.doc[prev].lower_ in ("since", "late", "early", "mid"):
        text = sent.doc[prev: best.end].text
    return resolve(text, published)
