"""What the store keeps of each article's analyses: its entities (merged into corpus entities
by identity key), its dated events and its quotes; and the quote query that reads them back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, Unpack

from sqlalchemy import Connection, Select, func, insert, or_, select, update

from parallax.model import Article
from parallax.nlp.aliases import AliasRules
from parallax.nlp.entities import entity_key
from parallax.store.schema import article_entities, articles, entities, events, quotes

__all__ = [
    "QuoteFilters",
    "QuoteRow",
    "corpus_key",
    "insert_analyses",
    "published_within",
    "read_quotes",
]

_Query = TypeVar("_Query", bound=Select[Any])
_SURNAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quote with the article it came from."""

    speaker: str | None
    text: str
    kind: str
    cue: str | None
    outlet: str | None
    published: str | None
    title: str | None
    article_id: str
    start: int
    end: int
    confidence: float
    speaker_key: str | None = None


def insert_analyses(conn: Connection, article: Article, rules: AliasRules) -> None:
    """Entities into the corpus table (merged by identity key), the article's links to them,
    its events and its quotes: all in the caller's transaction."""
    keys: dict[str, str] = {}
    links: list[dict[str, Any]] = []
    for entity in article.entities or []:
        key = corpus_key(conn, rules, entity.name, entity.type, entity.key)
        keys[entity.id] = key
        aliases = sorted({m.text for m in entity.mentions} | {entity.name})
        row = conn.execute(select(entities).where(entities.c.key == key)).mappings().first()
        if row is None:
            conn.execute(
                insert(entities).values(
                    key=key,
                    name=entity.name,
                    type=entity.type,
                    aliases=json.dumps(aliases, ensure_ascii=False),
                    descriptors=json.dumps(entity.descriptors, ensure_ascii=False),
                    article_count=1,
                )
            )
        else:
            known = json.loads(row["aliases"])
            described = json.loads(row["descriptors"])
            longer = len(entity.name.split()) > len(row["name"].split())
            conn.execute(
                update(entities)
                .where(entities.c.key == key)
                .values(
                    name=entity.name if longer else row["name"],
                    aliases=json.dumps(sorted(set(known) | set(aliases)), ensure_ascii=False),
                    descriptors=json.dumps(
                        described
                        + [
                            d
                            for d in entity.descriptors
                            if d.casefold() not in {x.casefold() for x in described}
                        ],
                        ensure_ascii=False,
                    ),
                    article_count=row["article_count"] + 1,
                )
            )
        links.append(
            {
                "article_id": article.id,
                "local_id": entity.id,
                "entity_key": key,
                "name": entity.name,
                "mentions": len(entity.mentions),
            }
        )
    dated_rows = [
        {
            "article_id": article.id,
            "position": position,
            "date": dated.date,
            "precision": dated.precision,
            "sort_start": dated.sort_start,
            "sentence": dated.sentence,
            "speaker": dated.speaker,
            "start": dated.start,
            "end": dated.end,
        }
        for position, dated in enumerate(article.events or [])
    ]
    quote_rows = [
        {
            "article_id": article.id,
            "position": position,
            "text": quote.text,
            "kind": quote.kind,
            "cue": quote.cue,
            "speaker": quote.speaker,
            "speaker_key": keys.get(quote.speaker_entity or ""),
            "speaker_text": quote.speaker_text,
            "start": quote.start,
            "end": quote.end,
            "confidence": quote.confidence,
        }
        for position, quote in enumerate(article.quotes or [])
    ]
    # one executemany per table
    for table, rows in ((article_entities, links), (events, dated_rows), (quotes, quote_rows)):
        if rows:
            conn.execute(insert(table), rows)


def corpus_key(conn: Connection, rules: AliasRules, name: str, type_: str, key: str) -> str:
    """The stored identity for an article's entity: the user's rules first; then a lone
    surname joins the one stored person it can name, and only when there is exactly one."""
    ruled = rules.key_for(name, type_, key)
    if ruled != key or type_ not in _SURNAME_TYPES or " " in name.strip():
        return ruled
    # a lone capitalised word that NER typed ORG or GPE ("Reyes said") is outvoted by the
    # corpus when it is the surname of exactly one stored person
    surname = entity_key(name, "PERSON").split(":", 1)[1]
    rows = conn.execute(
        select(entities.c.key)
        .where(entities.c.type == "PERSON", entities.c.key.like(f"% {surname}"))
        .limit(2)
    ).all()
    return str(rows[0][0]) if len(rows) == 1 else key


class QuoteFilters(TypedDict, total=False):
    """What `read_quotes` (and `Store.quotes`) can filter on; every key is optional."""

    speaker: str | None  # the canonical name or any alias, case-insensitive substring
    outlet: str | None
    kind: str | None  # direct / indirect / mixed
    since: str | None  # ISO date, inclusive
    until: str | None  # ISO date, inclusive
    speaker_key: str | None  # one corpus entity
    limit: int  # default 100
    offset: int


def read_quotes(conn: Connection, **filters: Unpack[QuoteFilters]) -> list[QuoteRow]:
    """Stored quotes, oldest first, filtered as `QuoteFilters` says."""
    speaker, outlet, kind = filters.get("speaker"), filters.get("outlet"), filters.get("kind")
    since, until, speaker_key = (
        filters.get("since"),
        filters.get("until"),
        filters.get("speaker_key"),
    )
    query = (
        select(
            quotes.c.speaker,
            quotes.c.text,
            quotes.c.kind,
            quotes.c.cue,
            articles.c.outlet,
            articles.c.published,
            articles.c.title,
            quotes.c.article_id,
            quotes.c.start,
            quotes.c.end,
            quotes.c.confidence,
            quotes.c.speaker_key,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(articles.c.published, quotes.c.article_id, quotes.c.position)
    )
    if speaker:
        pattern = f"%{speaker.casefold()}%"
        keys = select(entities.c.key).where(
            or_(
                func.lower(entities.c.name).like(pattern),
                func.lower(entities.c.aliases).like(pattern),
            )
        )
        query = query.where(
            or_(quotes.c.speaker_key.in_(keys), func.lower(quotes.c.speaker).like(pattern))
        )
    if outlet:
        query = query.where(articles.c.outlet == outlet)
    if kind:
        query = query.where(quotes.c.kind == kind)
    query = published_within(query, since, until)
    if speaker_key:
        query = query.where(quotes.c.speaker_key == speaker_key)
    limit, offset = filters.get("limit", 100), filters.get("offset", 0)
    rows = conn.execute(query.limit(limit).offset(offset)).all()
    return [QuoteRow(*row) for row in rows]


def published_within(query: _Query, since: str | None, until: str | None) -> _Query:
    """`query` limited to articles published from `since` to `until` (ISO dates, inclusive)."""
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published < f"{until}T99")
    return query
