"""How many documents a batch of local sources holds, counted before the ingest so its progress can show a total
and an ETA. Only what is cheap to know exactly is counted; URLs, stdin, feeds and WARC archives (and a count that
takes longer than a few seconds) make the total unknown, and the progress then shows counts and a rate only."""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from armswatch.ingest.readers import is_url
from armswatch.ingest.sniff import kind_by_name, sniff

COUNT_BUDGET = 5.0  # seconds; a bigger corpus is counted while it is read, not before


class _Unknown(Exception):
    pass


def count_documents(sources: Iterable[str | os.PathLike], budget: float = COUNT_BUDGET) -> int | None:
    """The number of articles and skipped inputs `read(sources)` will yield, or None when it cannot be known
    cheaply. One per text or HTML file, per JSON-lines record, per element of a JSON array."""
    deadline = time.monotonic() + budget
    try:
        return sum(_count(Path(os.fspath(s)), deadline) for s in _local(sources))
    except (_Unknown, OSError):
        return None


def _local(sources) -> Iterable[str]:
    for source in sources:
        source = os.fspath(source)
        if source == "-" or is_url(source):
            raise _Unknown
        yield source


def _count(path: Path, deadline: float) -> int:
    if time.monotonic() > deadline:
        raise _Unknown
    if path.is_dir():
        total = 0
        for dirpath, dirnames, filenames in os.walk(path):  # the order and filter of readers.read_dir
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            total += sum(_count(Path(dirpath) / name, deadline) for name in filenames if not name.startswith("."))
        return total
    if not path.exists() or path.stat().st_size == 0:
        return 1  # reported as skipped
    kind = kind_by_name(path.name)
    if kind in ("html", "text"):
        return 1
    if kind == "jsonl":
        with path.open("rb") as fh:
            return max(1, sum(1 for line in fh if line.strip()))
    if kind == "json":
        try:
            doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return 1
        return max(1, len(doc)) if isinstance(doc, list) else 1
    if kind is None:
        with path.open("rb") as fh:
            head = fh.read(65536)
        if sniff(head) in ("html", "text", "binary", "empty"):
            return 1  # read as one document, or skipped as an unsupported file type
    raise _Unknown  # feeds, WARC archives, extension-less JSON: only reading them tells
