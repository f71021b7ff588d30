"""What an ingest did: counts a user checks at the end, and every skipped input with its reason."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field

from armswatch.types import Skipped


@dataclass
class IngestSummary:
    read: int = 0  # articles read (new + already stored)
    new: int = 0  # articles stored by this run
    already: int = 0  # articles stored before (or read twice in this run)
    skipped: list[Skipped] = field(default_factory=list)  # inputs that gave no article, with the reason
    new_stories: int = 0  # independent stories first seen in this run
    mentions: int = 0  # mentions stored by this run
    batches: int = 0  # batches committed
    claims_updated: int = 0  # claims rewritten by this run's batches
    totals: dict = field(default_factory=dict)  # store.stats() at the end: articles, stories, mentions, claims
    interrupted: bool = False  # stopped by Ctrl-C: every committed batch is kept, the open one rolled back
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    def skip_reasons(self) -> Counter:
        """Skipped inputs counted per reason (the part of the reason before any ':' detail)."""
        return Counter(s.reason.split(":")[0].strip() for s in self.skipped)

    @property
    def rate(self) -> float:
        """Articles read per second so far."""
        elapsed = (self.seconds or (time.monotonic() - self.started)) or 1e-9
        return self.read / elapsed

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("started")
        d["skipped"] = [s.to_dict() for s in self.skipped]
        d["skip_reasons"] = dict(self.skip_reasons())
        return d
