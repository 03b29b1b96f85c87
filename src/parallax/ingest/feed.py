"""RSS and Atom feeds through feedparser; full `content:encoded` when present."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from parallax.errors import InputError
from parallax.ingest.html import fragment_paragraphs
from parallax.model import RawArticle

__all__ = ["read_feed"]


def read_feed(data: bytes, path: str) -> Iterator[RawArticle | InputError]:
    """Each entry becomes `PATH#N`; a feed cut off mid-XML is refused whole."""
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXException):
        raise InputError(path, f"malformed or truncated feed XML ({problem})")
    if not parsed.entries:
        raise InputError(path, "feed has no entries")
    outlet = parsed.feed.get("title")
    language = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{path}#{number}"
        markup = _entry_markup(entry)
        paragraphs = fragment_paragraphs(markup) if markup else []
        if not paragraphs:
            yield InputError(source, "feed entry has no text")
            continue
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        summary = entry.get("summary")
        subtitle = (
            " ".join(fragment_paragraphs(summary)) if summary and entry.get("content") else None
        )
        meta: dict[str, Any] = {
            "url": entry.get("link"),
            "id": entry.get("id"),
            "outlet": outlet,
            "authors": authors,
            "published": _iso(entry.get("published_parsed")),
            "updated": _iso(entry.get("updated_parsed")),
            "language": language,
        }
        yield RawArticle(
            source=source,
            title=entry.get("title"),
            subtitle=subtitle or None,
            paragraphs=paragraphs,
            meta={k: v for k, v in meta.items() if v},
            format="feed",
        )


def _entry_markup(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return str(max((c.get("value", "") for c in contents), key=len))
    return str(entry.get("summary") or "")


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
