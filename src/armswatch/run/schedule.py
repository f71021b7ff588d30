"""When `armswatch watch` polls a source: durations as people write them, and the per-source back-off.

A source that fails waits every·2^failures (capped) before its next try, so a feed that is down for a day costs a
handful of requests, not one every cycle, while the other sources keep their own schedule.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([dhms]?)", re.IGNORECASE)
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1, "": 1}


def parse_duration(text: str) -> float:
    """Seconds in "15m", "1h30m", "90s", "2d", "0.5" (plain numbers are seconds); ValueError otherwise."""
    spec = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(spec):
        m = _PART.match(spec, pos)
        if not m or m.end() == pos:
            break
        total += float(m.group(1)) * _SECONDS[m.group(2)]
        pos = m.end()
        if not m.group(2):
            break  # a bare number ends the spec
    if not spec or pos != len(spec):
        raise ValueError(f"bad duration {text!r}: write it as 30s, 15m, 1h30m or 2d")
    if total <= 0:
        raise ValueError(f"bad duration {text!r}: must be more than zero")
    return total


def format_duration(seconds: float) -> str:
    """The short form people read: 45s, 15m, 1h30m, 2d3h; fractions only below ten seconds."""
    if seconds < 10:
        return f"{seconds:.1f}s".replace(".0s", "s")
    seconds = round(seconds)
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        n, seconds = divmod(seconds, size)
        if n:
            out.append(f"{n}{unit}")
    return "".join(out[:2]) or "0s"


def backoff(every: float, failures: int, cap: float) -> float:
    """Seconds to wait after `failures` failed polls in a row: every·2^failures, at most max(cap, every)."""
    if failures <= 0:
        return every
    return min(every * 2 ** min(failures, 32), max(cap, every))


def due_at(last_poll: datetime | None, next_poll: datetime | None, failures: int, every: float,
           now: datetime) -> datetime:
    """When a source may be polled next: after a failure its saved back-off; else `every` after its last poll
    (the current `every`, so restarting with a shorter interval takes effect at once)."""
    if failures and next_poll is not None:
        return next_poll
    if last_poll is None:
        return now
    return last_poll + timedelta(seconds=every)
