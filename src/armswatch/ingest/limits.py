"""A per-document time limit for parsing, so one pathological page cannot stall a batch."""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager


class ParseTimeout(BaseException):
    """A BaseException, like KeyboardInterrupt: trafilatura wraps its fallback extractors in `except Exception`,
    which would swallow the limit and let the page be parsed to the end."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise ParseTimeout after `seconds` of wall time; enforced in the main thread (SIGALRM), else a no-op.

    An outer SIGALRM timer (pytest-timeout, a caller's own limit) keeps its deadline: when it is due first its
    handler runs, and after the block it is re-armed with the time it had left.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    start = time.monotonic()
    outer: dict = {}

    def _alarm(signum, frame):
        if outer.get("first") and not outer.get("fired"):
            outer["fired"] = True
            # our own limit is still running: re-arm it before handing over to the outer handler
            signal.setitimer(signal.ITIMER_REAL, max(seconds - (time.monotonic() - start), 1e-6))
            if callable(outer.get("handler")):
                outer["handler"](signum, frame)
            return
        raise ParseTimeout(f"parsing took longer than {seconds:g}s")

    outer["handler"] = signal.signal(signal.SIGALRM, _alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    if old_delay and old_delay < seconds:
        outer["first"] = True
        signal.setitimer(signal.ITIMER_REAL, old_delay)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer["handler"])
        if old_delay and not outer.get("fired"):
            remaining = old_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-6), old_interval)
