"""Which reader handles an input: by content first, suffix second."""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Format", "detect_format"]

Format = Literal["text", "html", "json", "jsonl", "csv", "feed", "warc"]

_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|article|div|p)[\s>]", re.I | re.S
)


def _strip_compression(name: str) -> str:
    for ending in (".gz", ".bz2", ".xz"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def detect_format(name: str, head: bytes) -> Format:
    """Guess the format of an input from its name and its first bytes (already decompressed).

    >>> detect_format("x.dat", b'{"title": "a"}\\n{"title": "b"}\\n')
    'jsonl'
    """
    lowered = _strip_compression(name.lower())
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"<?xml") or _FEED_ROOT.search(stripped[:2048]):
        if _FEED_ROOT.search(stripped[:4096]):
            return "feed"
        if not lowered.endswith((".html", ".htm", ".xhtml")):
            return "feed"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith((b"{", b"[")):
        first_line = stripped.split(b"\n", 1)[0].strip()
        suffix_format = _suffix_format(lowered)
        if suffix_format in {"json", "jsonl"}:
            return suffix_format
        if first_line.startswith(b"{") and first_line.endswith(b"}") and b"\n{" in stripped:
            return "jsonl"
        return "json"
    return _suffix_format(lowered) or "text"


def _suffix_format(name: str) -> Format | None:
    dot = name.rfind(".")
    return _SUFFIXES.get(name[dot:]) if dot >= 0 else None
