"""Invented news-like sample articles in the package, so the README's main job runs on a fresh install.

`path()` is the folder of articles (.txt with the headline on the first line, .html pages, one .jsonl file);
`expected.jsonl` beside it is the hand annotation of those articles (one row per article, id = file name,
`file.jsonl#N` for the Nth row of a JSONL file; evidence offsets are into the file text, the JSONL `text`
field, or trafilatura's text of an HTML page).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def path() -> Path:
    """The folder of sample articles."""
    return HERE / "articles"


def expected_path() -> Path:
    """The hand annotation of the samples (schema.md mention format)."""
    return HERE / "expected.jsonl"


def expected() -> list[dict[str, Any]]:
    """Rows {"id", "note", "mentions"} of expected.jsonl."""
    with expected_path().open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
