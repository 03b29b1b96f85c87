"""Clean: take scraping debris out of a raw article and turn what it reveals into metadata."""

from __future__ import annotations

from parallax.clean.debris import DebrisMatch, find_debris
from parallax.clean.metadata import (
    authors_from_debris,
    dates_from_debris,
    outlet_from_debris,
    outlet_from_url,
    parse_date,
)
from parallax.model import Article, RawArticle, RemovedBlock, article_id

__all__ = ["DebrisMatch", "clean_article", "find_debris", "parse_date"]


def clean_article(raw: RawArticle) -> Article:
    """Turn a reader's `RawArticle` into a clean `Article`.

    Metadata the reader found (HTML meta, feed fields, record fields) wins over what the debris
    reveals; the URL's host is the outlet of last resort; nothing is guessed beyond that.
    """
    debris = find_debris(raw.paragraphs, raw.title)
    dropped = {m.index for m in debris}
    if len(dropped) == len(raw.paragraphs):  # all furniture is implausible: keep everything
        debris, dropped = [], set()
    paragraphs = [p for i, p in enumerate(raw.paragraphs) if i not in dropped]
    removed = [
        RemovedBlock(text=raw.paragraphs[m.index], reason=m.reason, index=m.index) for m in debris
    ]

    meta = raw.meta
    byline_authors, byline_outlet = authors_from_debris(raw.paragraphs, debris)
    authors = [a for a in meta.get("authors", []) if a] or byline_authors
    outlet = (
        meta.get("outlet")
        or outlet_from_debris(raw.paragraphs, debris)
        or byline_outlet
        or outlet_from_url(meta.get("url"))
    )
    noted = dates_from_debris(raw.paragraphs, debris)
    published = parse_date(meta.get("published")) or noted.get("published")
    updated = parse_date(meta.get("updated")) or noted.get("updated")

    body = "\n\n".join(paragraphs)
    return Article(
        id=article_id(raw.title, body),
        source=raw.source,
        record_id=meta.get("id"),
        format=raw.format,
        url=meta.get("url"),
        title=raw.title,
        subtitle=raw.subtitle,
        outlet=outlet,
        authors=authors,
        published=published[0] if published else None,
        published_precision=published[1] if published else None,
        updated=updated[0] if updated else None,
        language=meta.get("language"),
        paragraphs=paragraphs,
        removed=removed,
    )
