"""Turns raw bytes or messy text into clean Unicode paragraphs (encoding repair with ftfy, unwrapping)."""
from __future__ import annotations

import codecs
import re

import ftfy

WRAP_MIN_CHARS = 50  # hard-wrapped text has long lines that end mid-sentence
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252, as browsers do.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252"}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def declared_charset(html: bytes) -> str | None:
    """The charset a page declares in a <meta> tag (first 4 KB), if any."""
    m = _META_CHARSET.search(html[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM, else UTF-8 when valid, else the declared charset, else Windows-1252, else Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    candidates = ["utf-8", "cp1252", "latin-1"]
    if declared:
        declared = _ALIASES.get(declared.strip().lower(), declared.strip().lower())
        candidates.insert(1, declared)  # valid UTF-8 is almost never an accident; labels often lie
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError("latin-1 decodes any bytes")


def is_utf16(data: bytes) -> bool:
    return data.startswith(_UTF16_BOMS)


_C1 = re.compile(r"[\x80-\x9f]")  # ftfy maps most C1 bytes to their cp1252 letters; the 5 it cannot are dropped


def repair(text: str) -> str:
    """Fix mojibake and control characters, keeping the author's curly quotes."""
    return _C1.sub("", ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC"))


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # every C0/C1 control: a one-line field has no use for any


def clean_line(value: str | None) -> str | None:
    """A one-line field (title, author, site) repaired like article text, without control characters.

    Titles also come from feed entries, JSON records and page metadata, where nothing else cleans them; an
    ESC left in would drive the terminal that lists the articles. None when nothing is left.
    """
    if value is None:
        return None
    line = " ".join(_CONTROLS.sub(" ", repair(value)).split())
    return line or None


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: long lines ending mid-sentence, continued by lines that mostly start in lower case.

    A site banner over a headline over a date line also has long unpunctuated lines, but every one of them
    starts with a capital.
    """
    if len(lines) < 2:
        return False
    body = lines[:-1]
    unfinished = sum(1 for ln in body if len(ln) >= WRAP_MIN_CHARS and not _TERMINAL.search(ln))
    continued = sum(1 for ln in lines[1:] if ln[:1].islower() or ln[:1].isdigit())
    return unfinished >= 0.6 * len(body) and continued >= 0.5 * (len(lines) - 1)


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
    if is_utf16(data):
        return False
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * max(1, len(head))
