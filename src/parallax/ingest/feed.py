"""RSS and Atom feeds through feedparser; full `content:encoded` when present."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from parallax.errors import InputError
from parallax.ingest.html import fragment_paragraphs
from parallax.model import RawArticle

__all__ = ["read_feed"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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
            "published": _iso(entry.get("published"), entry.get("published_parsed")),
            "updated": _iso(entry.get("updated"), entry.get("updated_parsed")),
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


def _iso(stated: Any, parsed: Any) -> str | None:
    """The entry's date in the offset the feed wrote it in: "Tue, 03 Mar 2026 23:15:00 -0500"
    was published on the 3rd where it was written, though it is the 4th in UTC, and the time
    stage reads "today" and "on Tuesday" from that local day. feedparser's own parse (UTC)
    is the fallback, and the check that the stated string was read as the same instant."""
    if not parsed:
        return None
    if isinstance(stated, str) and _DAY.fullmatch(stated.strip()):
        return stated.strip()  # a day with no clock is not midnight UTC
    utc = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    local = _stated_datetime(stated) if isinstance(stated, str) else None
    if local is not None and local.tzinfo is not None and local == utc:
        return local.isoformat()
    return utc.isoformat()


def _stated_datetime(stated: str) -> datetime | None:
    """RSS's RFC 822 date, or Atom's ISO 8601 one."""
    try:
        return parsedate_to_datetime(stated)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(stated.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
