"""Turns raw bytes or messy text into clean Unicode paragraphs (encoding repair with ftfy, unwrapping)."""
from __future__ import annotations

import re

import ftfy

WRAP_MIN_CHARS = 50  # hard-wrapped text has long lines that end mid-sentence
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else Windows-1252 (the usual mis-declared news encoding), else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def repair(text: str) -> str:
    """Fix mojibake and control characters, keeping the author's curly quotes."""
    return ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    wrapped = sum(1 for ln in body if len(ln) >= WRAP_MIN_CHARS and not _TERMINAL.search(ln))
    return wrapped >= 0.6 * len(body)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs: blocks split on blank lines; a hard-wrapped block is joined, otherwise each line stands alone."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(ln.split()) for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        if _is_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 4 KB: not a text or HTML document."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * max(1, len(head))
