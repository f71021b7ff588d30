"""Reading passage text and JSONL rows ({"id", "text", "published"}): one clear problem per bad file or line.

Shared by `armswatch extract` and `armswatch eval`: a bad row becomes a Skipped record naming FILE:LINE,
and the rows after it are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from armswatch.errors import InputError
from armswatch.types import Skipped

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BINARY_PROBE = 8192  # a NUL byte in the first 8 KiB marks a binary file (the test git and grep use)


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text of `data`; InputError naming `source` when it is binary, not UTF-8 or empty."""
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError(source, "binary file, expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise InputError(source, "empty text")
    return text


def check_file(path: str | Path) -> Path:
    """`path` as a Path; InputError when it is missing or a directory."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, expected a file")
    return p


def read_bytes(path: str | Path) -> bytes:
    try:
        return check_file(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None


def read_text(path: str | Path) -> str:
    """The text of one file; InputError when it is missing, a directory, binary or empty."""
    return decode_text(read_bytes(path), str(path))


def check_published(value: Any) -> str | None:
    """`published` as YYYY-MM-DD or None; ValueError naming the bad value."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not DATE.match(value):
        raise ValueError(f"published must be YYYY-MM-DD, got {value!r}")
    return value


def is_article_gold(row: dict[str, Any]) -> bool:
    """Article-level gold (shared/eval/ARTICLES.md) lists `claims` per whole article, not `mentions`."""
    return "mentions" not in row and "claims" in row


def gold_mentions(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold keys of a row: `mentions` of a passage or `claims` of an article."""
    return list(row.get("claims" if is_article_gold(row) else "mentions") or [])


def gold_problem(row: dict[str, Any]) -> str | None:
    """Why `row` is not a usable gold row, or None."""
    field = "claims" if is_article_gold(row) else "mentions"
    if not isinstance(row.get(field), list):
        return "gold row has no 'mentions' (passage) or 'claims' (article) list"
    if not isinstance(row.get("optional") or [], list):
        return "'optional' must be a list of keys"
    return None


def parse_row(
    line: str, source: str, number: int, require_mentions: bool = False
) -> dict[str, Any] | Skipped:
    """One JSONL line as a row dict, or Skipped("FILE:LINE", problem)."""
    where = f"{source}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(row, dict):
        return Skipped(where, f"expected a JSON object, got {type(row).__name__}")
    if "text" not in row:
        return Skipped(where, "row has no 'text'")
    if not isinstance(row["text"], str):
        return Skipped(where, f"'text' must be a string, got {type(row['text']).__name__}")
    if not row["text"].strip():
        return Skipped(where, "empty text")
    try:
        row["published"] = check_published(row.get("published"))
    except ValueError as exc:
        return Skipped(where, str(exc))
    if require_mentions:
        problem = gold_problem(row)
        if problem:
            return Skipped(where, problem)
    row.setdefault("id", number)  # rows without an id are named by their line number
    return row


def iter_rows(
    lines: Iterable[bytes | str], source: str, require_mentions: bool = False
) -> Iterator[dict | Skipped]:
    """Rows of JSONL `lines` in order; blank lines are skipped, bad lines become Skipped records."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            if b"\x00" in raw:
                yield Skipped(f"{source}:{number}", "binary data, expected a JSON line")
                continue
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Skipped(f"{source}:{number}", f"not UTF-8 text (byte {exc.start})")
                continue
        if raw.strip():
            yield parse_row(raw.rstrip("\r\n"), source, number, require_mentions)


def read_rows(path: str | Path, require_mentions: bool = False) -> Iterator[dict | Skipped]:
    """Rows of a JSONL file, read lazily; InputError at once if the file is missing, a directory or binary."""
    p = check_file(path)
    with p.open("rb") as fh:
        if b"\x00" in fh.read(BINARY_PROBE):
            raise InputError(str(path), "binary file, expected JSON lines")

    def rows() -> Iterator[dict | Skipped]:
        with p.open("rb") as fh:
            yield from iter_rows(fh, str(path), require_mentions)

    return rows()
