"""Reader options: one object rather than a long list of keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_FIELDS", "ReadOptions"]

# Record field names tried in order for each article attribute (JSON, JSON Lines, CSV).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "subtitle": ("subtitle", "dek", "standfirst", "description", "summary"),
    "body": (
        "text",
        "body",
        "content",
        "article",
        "maintext",
        "article_text",
        "story",
        "full_text",
    ),
    "url": ("url", "link", "canonical_url", "source_url"),
    "published": (
        "published",
        "date",
        "publish_date",
        "date_publish",
        "pubDate",
        "published_at",
        "timestamp",
        "datetime",
        "created_at",
    ),
    "updated": ("updated", "modified", "date_modify", "updated_at", "last_modified"),
    "authors": ("authors", "author", "byline", "creator", "writer"),
    "outlet": (
        "outlet",
        "source",
        "publisher",
        "site",
        "sitename",
        "source_domain",
        "media",
        "domain",
    ),
    "id": ("id", "guid", "uuid", "article_id", "doc_id"),
    "language": ("language", "lang"),
}


@dataclass(slots=True)
class ReadOptions:
    """How readers treat their input.

    `fields` overrides `DEFAULT_FIELDS` per attribute (`{"body": "article_text"}`);
    `max_bytes` refuses single-document inputs larger than this (streamed formats are exempt,
    their records are limited one by one).
    """

    fields: dict[str, str] = field(default_factory=dict)
    max_bytes: int = 50 * 1024 * 1024

    def field_names(self, attribute: str) -> tuple[str, ...]:
        chosen = self.fields.get(attribute)
        return (chosen,) if chosen else DEFAULT_FIELDS[attribute]
