"""A per-document time limit for parsing, so one pathological page cannot stall a batch."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class ParseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float | None):
    """Raise ParseTimeout after `seconds` of wall time; enforced in the main thread (SIGALRM), else a no-op."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _alarm(signum, frame):
        raise ParseTimeout(f"parsing took longer than {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
