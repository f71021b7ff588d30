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
WEEKDAYS = [d.lower() for d in calendar.day_name]
NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])} | {"thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# "within eighteen months", "in the next two years", "over the coming weeks": a window from publication onwards
FUTURE_WINDOW = re.compile(r"^(within|(?:(?:in|over|during)\s+)?(?:the\s+)?(?:next|coming))\s+"
                           r"(?:(\d+|[a-z]+)\s+)?(day|week|month|year)s?$")
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
    window = _future_window(text.lower().strip(), base)
    if window is not None:
        return window
    day = _weekday(low, base)
    if day is not None:
        return TimeRange(text, _iso(day), _iso(day))
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


def _future_window(low: str, base: date) -> TimeRange | None:
    """"within eighteen months" of publication: from the publication date to that many units after it."""
    m = FUTURE_WINDOW.match(low)
    if not m:
        return None
    count = m.group(2) or "1"
    n = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
    if n is None:
        return None
    unit = m.group(3)
    if unit == "month":
        month = base.month - 1 + n
        year, month = base.year + month // 12, month % 12 + 1
        end = date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
    elif unit == "year":
        end = date(base.year + n, base.month, min(base.day, calendar.monthrange(base.year + n, base.month)[1]))
    else:
        end = base + timedelta(days=n * UNIT_DAYS[unit])
    return TimeRange(low, _iso(base), _iso(end))


def _weekday(low: str, base: date) -> date | None:
    """A bare weekday ("Thursday", "on Thursday") is the latest such day on or before publication: a story
    published on a Thursday that says "said Thursday" means that day; "last Thursday" is the one before."""
    words = low.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2 or (len(words) == 2 and words[0] != "last"):
        return None
    back = (base.weekday() - WEEKDAYS.index(words[-1])) % 7
    if words[0] == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from armswatch.extraction.rules import load_rules

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
    dates = [(e, _with_lead(e, sent)) for e in sent.ents if e.label_ == "DATE"]
    dates = [(e, text) for e, text in dates if not NOT_TIMES.match(text.strip())]
    if not dates:
        return None
    _best, text = min(dates, key=lambda d: min(abs(d[0].start - trigger.i), abs(d[0].end - 1 - trigger.i)))
    return resolve(text, published)


def _with_lead(ent: Span, sent: Span) -> str:
    """The entity's text with a leading word the entity left outside ("since", "late", "within")."""
    prev = ent.start - 1
    if prev >= sent.start and sent.doc[prev].lower_ in ("since", "late", "early", "mid", "within"):
        return sent.doc[prev: ent.end].text
    return ent.text
