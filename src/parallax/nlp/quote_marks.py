"""Quotation marks: the stretches of a text inside them, paragraph by paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CLOSE", "OPEN", "PARAGRAPH", "QuotedSpan", "find_quoted_spans"]

OPEN = {"\u201c": "\u201d", "\u201e": "\u201d", '"': '"', "\u00ab": "\u00bb"}
CLOSE = {"\u201d", '"', "\u00bb"}
PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text inside quotation marks: [start, end) excludes the marks; `closed` is False when
    the paragraph ended before the closing mark."""

    open: int
    start: int
    end: int
    close: int
    closed: bool


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Stretches of `text` in double quotation marks, paragraph by paragraph.

    Curly, straight and doubled-apostrophe (``''``) marks are read; any closing mark closes.

    >>> text = 'He said “yes.” Then "no." And ' + "''so.''"
    >>> [text[q.start:q.end] for q in find_quoted_spans(text)]
    ['yes.', 'no.', 'so.']
    """
    spans: list[QuotedSpan] = []
    bounds = [0] + [m.end() for m in PARAGRAPH.finditer(text)]
    ends = [m.start() for m in PARAGRAPH.finditer(text)] + [len(text)]
    for p_start, p_end in zip(bounds, ends, strict=True):
        opened: int | None = None
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 2 if text.startswith("''", i) else 1
            is_mark = width == 2 or ch in OPEN or ch in CLOSE
            if not is_mark:
                i += 1
                continue
            if opened is None:
                if (
                    width == 2
                    or (ch in OPEN and ch not in CLOSE)
                    or (ch in OPEN and (i == p_start or not text[i - 1].isalnum()))
                ):
                    opened = i
            elif width == 2 or ch in CLOSE:
                start = opened + (2 if text.startswith("''", opened) else 1)
                if i > start:
                    spans.append(QuotedSpan(opened, start, i, i + width, True))
                opened = None
            elif ch == "\u201c":
                opened = i  # a stray opening mark: the quote restarts here
            i += width
        if opened is not None and p_end - opened > 2:
            start = opened + (2 if text.startswith("''", opened) else 1)
            spans.append(QuotedSpan(opened, start, p_end, p_end, False))
    return spans
