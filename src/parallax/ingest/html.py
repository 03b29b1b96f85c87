"""HTML pages: body and metadata through trafilatura (which uses htmldate for dates)."""

from __future__ import annotations

import html
import re
from typing import Any

import htmldate
import trafilatura
from lxml import html as lxml_html

from parallax.errors import InputError
from parallax.ingest.decode import collapse_space, split_paragraphs
from parallax.model import RawArticle

__all__ = ["fragment_paragraphs", "read_html"]

# htmldate's fast search: metadata, date-bearing elements, <time>, the URL, timestamp patterns;
# asked for the clock and offset too, which a page's `article:published_time` usually gives
# and its URL (`/2026/03/18/`) does not, so the page's metadata is read before the URL
_DATE_PARAMS = {
    "original_date": True,
    "extensive_search": False,
    "deferred_url_extractor": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
# what htmldate writes for a source that gave a day only: no clock, no offset
_DAY_ONLY = re.compile(r"^(\d{4}-\d{2}-\d{2})T00:00:00$")
# htmldate's offset has no colon ("+0100"); ISO 8601's extended form has one
_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_CLOSING = re.compile(r"</(html|body)\s*>", re.I)
_OPENING = re.compile(r"<(html|body)[\s>]", re.I)
_BLOCK_TAGS = (
    "p",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "pre",
    "td",
    "dd",
    "dt",
)


def read_html(markup: str, source: str, url: str | None = None) -> RawArticle:
    """Extract one article from a full HTML page.

    A page that opens `<html>`/`<body>` but closes neither was cut off in transfer and is
    refused rather than half-read.
    """
    if _OPENING.search(markup[:20000]) and not _CLOSING.search(markup[-20000:]):
        raise InputError(source, "truncated HTML: the page has no closing </body> or </html>")
    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as exc:  # lxml refuses some malformed documents
        raise InputError(source, f"unreadable HTML ({exc})") from exc
    if doc is None:
        raise InputError(source, "no article text found in the HTML page")
    meta: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = _clean(meta.get("title"))
    description = _clean(meta.get("description"))
    # trafilatura's text output puts one block (paragraph, heading, list item) per line
    paragraphs = [line.strip() for line in (meta.get("text") or "").split("\n") if line.strip()]
    # trafilatura keeps an <h1> headline or a dek that sits inside the article element
    while paragraphs and paragraphs[0] in {title, description}:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise InputError(source, "no article text found in the HTML page")
    found = {
        "url": meta.get("url") or url,
        "outlet": _clean(meta.get("sitename")),
        "authors": _split_authors(meta.get("author")),
        "published": _page_date(meta.get("date")) or _date_outside_body(markup, url, paragraphs),
        "language": meta.get("language"),
        "hostname": meta.get("hostname"),
    }
    return RawArticle(
        source=source,
        title=title,
        subtitle=description if description and description != title else None,
        paragraphs=paragraphs,
        meta={k: v for k, v in found.items() if v},
        format="html",
    )


def _page_date(value: Any) -> str | None:
    """htmldate's date as ISO 8601: `2025-03-12T08:00:00+00:00` when the page gave the clock
    (kept in the writer's own offset, so the local day stays the day of publication), and
    `2025-03-12` when it gave the day alone."""
    if not isinstance(value, str) or not value:
        return None
    day_only = _DAY_ONLY.match(value)
    return day_only.group(1) if day_only else _OFFSET.sub(r"\1:\2", value)


def _date_outside_body(markup: str, url: str | None, paragraphs: list[str]) -> str | None:
    """htmldate's extensive search, for a page whose fast search found no date, kept only when
    it is a day (htmldate's last resort is a bare year, given as 1 January) that the article's
    own text does not tell: "first proposed on June 3, 2019" in the body dates an event, not
    the page, and taking it would anchor every "Tuesday" of the article to it."""
    try:
        found = htmldate.find_date(markup, extensive_search=True, original_date=True, url=url)
    except ValueError:  # a document lxml refuses
        return None
    if found is None or found.endswith("-01-01"):
        return None
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    told = htmldate.find_date(f"<html><body>{body}</body></html>", original_date=True)
    return None if told == found else found


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment (feed content), without page-level extraction."""
    if "<" not in markup:
        return split_paragraphs(markup)
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    blocks = [el for el in root.iter(*_BLOCK_TAGS) if not _has_block_ancestor(el, root)]
    if not blocks:
        return split_paragraphs(root.text_content())
    texts = (" ".join(el.text_content().split()) for el in blocks)
    return [t for t in texts if t]


def _has_block_ancestor(el: Any, root: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not root:
        if parent.tag in _BLOCK_TAGS:
            return True
        parent = parent.getparent()
    return False


def _clean(value: Any) -> str | None:
    return collapse_space(value) if isinstance(value, str) else None


def _split_authors(value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [a.strip() for a in re.split(r";|\band\b|,(?![^()]*\))", value) if a.strip()]
