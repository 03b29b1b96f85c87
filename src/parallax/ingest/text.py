"""Plain text in the usual news-dataset layout: title line, blank line, body.

A second short line right under the title (before the first blank line) is the subtitle/dek.
"""

from __future__ import annotations

from parallax.ingest.decode import split_paragraphs
from parallax.model import RawArticle

__all__ = ["read_text"]

_MAX_SUBTITLE = 300


def read_text(text: str, source: str) -> RawArticle:
    """Parse one plain-text article.

    >>> a = read_text("Dam opens\\nA dek line\\n\\nFirst.\\n\\nSecond.", "a.txt")
    >>> (a.title, a.subtitle, a.paragraphs)
    ('Dam opens', 'A dek line', ['First.', 'Second.'])
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff\n ")
    header, _, body = text.partition("\n\n")
    lines = [line.strip() for line in header.split("\n") if line.strip()]
    if not body.strip() or not lines:
        # No header block: the whole text is body.
        return RawArticle(source=source, title=None, paragraphs=split_paragraphs(text))
    title = lines[0]
    subtitle = None
    rest = lines[1:]
    if len(rest) == 1 and len(rest[0]) <= _MAX_SUBTITLE:
        subtitle = rest[0]
        rest = []
    paragraphs = rest + split_paragraphs(body)
    return RawArticle(source=source, title=title, subtitle=subtitle, paragraphs=paragraphs)
