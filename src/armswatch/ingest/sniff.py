"""Which reader a file or response needs: by extension first, else by looking at its first bytes."""
from __future__ import annotations

import gzip
import zlib

from armswatch.clean.text import is_utf16, looks_binary

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed", "application/json": "json",
}


def kind_by_name(name: str) -> str | None:
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def sniff(data: bytes) -> str:
    """One of: empty, binary, warc, feed, html, json, jsonl, text."""
    if not data.strip():
        return "empty"
    if is_utf16(data):  # classify by the characters, not the bytes
        data = data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
        if not data.strip():
            return "empty"
    if data.startswith(b"WARC/"):
        return "warc"
    if data[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 64)
        except (zlib.error, gzip.BadGzipFile):
            return "binary"
        return "warc" if head.startswith(b"WARC/") else "binary"
    if looks_binary(data):
        return "binary"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html"
    if head.startswith((b"{", b"[")):
        first_line = head.split(b"\n", 1)[0].strip()
        if head.startswith(b"{") and first_line.endswith(b"}") and b"\n" in data.strip():
            return "jsonl"
        return "json"
    return "text"
