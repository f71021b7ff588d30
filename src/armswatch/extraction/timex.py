"""Time of a mention: the DATE expression nearest the trigger, resolved to a date range against `published`."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from armswatch.extraction import vocab
from armswatch.nlp import entities
from armswatch.types import TimeRange

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
WEEKDAYS = [d.lower() for d in calendar.day_name]
_CALENDAR_TOKEN = re.compile(r"[a-z]+|\d")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def _alternation(names: Iterable[object]) -> str:
    """A regex alternation of the words, in list order."""
    return "|".join(re.escape(str(w)) for w in names)


@lru_cache(maxsize=1)
def _prefix() -> re.Pattern[str]:
    """Leading words stripped before an expression is read (time.yaml `time_prefixes`)."""
    return re.compile(rf"^({_alternation(vocab.ordered('time_prefixes'))})\s+")


@lru_cache(maxsize=1)
def _future_window_pattern() -> re.Pattern[str]:
    """"within eighteen months", "in the next two years", "over the coming weeks" (time.yaml `future_window`)."""
    window = vocab.table("future_window")
    units = _alternation(vocab.table("unit_days"))
    return re.compile(rf"^({_alternation(window['alone'])}|(?:(?:{_alternation(window['preps'])})\s+)?(?:the\s+)?"
                      rf"(?:{_alternation(window['adjectives'])}))\s+(?:(\d+|[a-z]+)\s+)?({units})s?$")


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    """"50 years", "several months": a duration or an age rather than a time (time.yaml `duration_counts`)."""
    counts = _alternation(vocab.ordered("duration_counts"))
    return re.compile(rf"^(\d+|{counts})\s+({_alternation(vocab.table('unit_days'))})s?$", re.IGNORECASE)


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


def _base_date(published: str | None) -> date | None:
    """The publication date (YYYY-MM-DD...) the relative expressions are read against, None if missing or odd."""
    if not published:
        return None
    try:
        return datetime.strptime(published[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _words(low: str) -> list[str]:
    return re.findall(r"[a-z]+", low)


def _implied_year(low: str, base: date | None, month: int | None) -> int | None:
    """The year an expression without one means: "last year", "earlier this month", or a bare month (the latest
    such month on or before publication: "in November" published in September is last year's)."""
    if base is None:
        return None
    offset = next((n for phrase, n in vocab.table("relative_years").items() if phrase in low), None)
    if offset is not None:
        return base.year + int(offset)
    if month is not None:
        return base.year if month <= base.month else base.year - 1
    return None


def _day_or_month(text: str, low: str, year: int, month: int) -> TimeRange:
    """"September 15" is that day, "October 2018" the whole month."""
    days = re.findall(r"\b(\d{1,2})\b", low)
    if days and 1 <= int(days[0]) <= 31:
        try:
            d = date(year, month, int(days[0]))
            return TimeRange(text, _iso(d), _iso(d))
        except ValueError:
            pass
    start, end = _month_range(year, month)
    return TimeRange(text, _iso(start), _iso(end))


def _in_year(text: str, low: str, year: int, years: list[int], base: date | None) -> TimeRange:
    """A year without a month: "since 2015" runs to publication, "between 2015 and 2024" spans both, "early
    2023" is a part of it (a season that wraps the year end is the whole year), else the whole year."""
    if "since" in text.lower():
        return TimeRange(text, _iso(date(year, 1, 1)), _iso(base) if base else None)
    if len(years) >= 2:
        return TimeRange(text, _iso(date(years[0], 1, 1)), _iso(date(years[-1], 12, 31)))
    seasons = vocab.table("season_parts")
    part = next((seasons[w] for w in _words(low) if w in seasons), None)
    if part is not None and int(part[0]) <= int(part[1]):
        first, last = int(part[0]), int(part[1])
        return TimeRange(text, _iso(date(year, first, 1)), _iso(_month_range(year, last)[1]))
    return TimeRange(text, _iso(date(year, 1, 1)), _iso(date(year, 12, 31)))


def _named_period(low: str, base: date) -> tuple[date, date] | None:
    """"last week" (Monday to Sunday before publication's week), "next month", "last month", "this month" (to the
    publication date)."""
    if "last week" in low:
        start = base - timedelta(days=base.weekday() + 7)
        return start, start + timedelta(days=6)
    if "next month" in low:
        first = (base.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, _month_range(first.year, first.month)[1]
    if "last month" in low:
        last = base.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if "this month" in low:
        return base.replace(day=1), base
    return None


def _dateparsed(text: str, base: date) -> TimeRange:
    """Anything else, through dateparser relative to publication (preferring the past); unresolved if it fails."""
    try:
        import dateparser  # slow to import: only when an expression needs it

        parsed = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day),
                                                  "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": []},
                                  languages=["en"])
    except Exception:  # noqa: BLE001  dateparser raises a zoo of errors on odd strings; unresolved is fine
        parsed = None
    if parsed is not None:
        d = parsed.date()
        return TimeRange(text, _iso(d), _iso(d))
    return TimeRange(text)


def _relative(text: str, low: str, base: date) -> TimeRange:
    """An expression with no year, relative to publication: a future window, a weekday, a named period."""
    window = _future_window(text.lower().strip(), base)
    if window is not None:
        return window
    day = _weekday(low, base)
    if day is not None:
        return TimeRange(text, _iso(day), _iso(day))
    period = _named_period(low, base)
    if period is not None:
        return TimeRange(text, _iso(period[0]), _iso(period[1]))
    return _dateparsed(text, base)


def _resolve(text: str, published: str | None) -> TimeRange:
    base = _base_date(published)
    low = _prefix().sub("", text.lower().strip())
    years = [int(y) for y in _YEAR.findall(low)]
    month = next((MONTHS[w] for w in _words(low) if w in MONTHS and len(w) > 2), None)
    year = years[0] if years else _implied_year(low, base, month)
    if year is not None and month is not None:
        return _day_or_month(text, low, year, month)
    if year is not None:
        return _in_year(text, low, year, years, base)
    if base is None:
        return TimeRange(text)
    return _relative(text, low, base)


def _future_window(low: str, base: date) -> TimeRange | None:
    """"within eighteen months" of publication: from the publication date to that many units after it."""
    m = _future_window_pattern().match(low)
    if not m:
        return None
    count = m.group(2) or "1"
    n = int(count) if count.isdigit() else vocab.table("number_words").get(count)
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
        end = base + timedelta(days=n * int(vocab.table("unit_days")[unit]))
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


def may_state_time(text: str) -> bool:
    """Whether `text` has a digit or a calendar word (cues.yaml `date_words`). Without one the model finds no DATE
    in it, so neither the time of a mention there nor NER for that time is looked for."""
    words = vocab.words("date_words")
    return any(w.isdigit() or w in words or (w.endswith("s") and w[:-1] in words)
               for w in _CALENDAR_TOKEN.findall(text.lower()))


def find(sent: Span, trigger: Token, published: str | None) -> TimeRange | None:
    """The DATE entity of the sentence nearest the trigger, resolved; None when the sentence gives no time."""
    if not may_state_time(sent.text):
        return None
    entities.ensure(sent.doc, [sent])
    dates = [(e, _with_lead(e, sent)) for e in sent.ents if e.label_ == "DATE"]
    dates = [(e, text) for e, text in dates if not _duration_pattern().match(text.strip())]
    if not dates:
        return None
    _best, text = min(dates, key=lambda d: min(abs(d[0].start - trigger.i), abs(d[0].end - 1 - trigger.i)))
    return resolve(text, published)


def _with_lead(ent: Span, sent: Span) -> str:
    """The entity's text with a leading word the entity left outside ("since", "late", "within")."""
    prev = ent.start - 1
    if prev >= sent.start and sent.doc[prev].lower_ in vocab.words("time_lead_words"):
        return sent.doc[prev: ent.end].text
    return ent.text
