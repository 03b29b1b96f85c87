"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary input is refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from parallax.errors import InputError

__all__ = ["collapse_space", "decode_bytes", "looks_binary", "split_paragraphs"]

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def collapse_space(text: str) -> str | None:
    """Runs of whitespace to one space; None for a blank string.

    >>> collapse_space("  Harbour\\n  Times ")
    'Harbour Times'
    """
    return " ".join(text.split()) or None


def looks_binary(head: bytes) -> bool:
    """True for data that is not text in any encoding we read (images, archives, executables)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 50)


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode `data`, trying UTF-8, a declared charset, then detection, then cp1252.

    cp1252 is the last resort because it decodes every byte sequence and is by far the most
    common legacy encoding of English news pages; mis-encoded input must never crash a batch.
    """
    if not data.strip():
        raise InputError(path, "empty input")
    if looks_binary(data[:8192]):
        raise InputError(path, "binary data, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in filter(None, [declared]):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in {"utf_8", "ascii"}:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def split_paragraphs(text: str) -> list[str]:
    """Split a body into paragraphs.

    Blank lines separate paragraphs. Inside a block, lines are joined when they look hard-wrapped
    (every line but the last fills most of a fixed width), otherwise each line is a paragraph:
    news dumps usually put one paragraph per line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: similar lengths, and most of them stop mid-sentence."""
    inner = lines[:-1]
    width = max(len(line) for line in inner)
    if not 40 <= width <= 100 or any(len(line) < width - 25 for line in inner):
        return False
    mid_sentence = sum(not line.endswith((".", "!", "?", '"', "”", ":")) for line in inner)
    return mid_sentence * 2 > len(inner)
