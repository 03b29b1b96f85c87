"""The article store: one transaction per article, de-duplication on the way in, FTS search."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from parallax.dedup import DuplicateIndex, Match, body_hash, minhash_of, signature_bytes
from parallax.errors import StoreError
from parallax.model import Article
from parallax.store.schema import articles, migrate, minhashes, sources

__all__ = ["AddOutcome", "SearchHit", "Store"]

AddOutcome = Literal["added", "exact", "near", "unchanged"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


def _url(target: str) -> str:
    return target if "://" in target else f"sqlite:///{Path(target)}"


class Store:
    """Articles in a SQL database (SQLite by default, any SQLAlchemy URL by design).

    >>> store = Store(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, target: str = "parallax.db", *, near_threshold: float = 0.8) -> None:
        self.url = "sqlite://" if target == ":memory:" else _url(target)
        try:
            self.engine: Engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:
                migrate(conn)
        except (OperationalError, SQLAlchemyError) as exc:
            raise StoreError(
                f"cannot open the store at {target}: {exc.orig if hasattr(exc, 'orig') else exc}"
            ) from exc
        self._dedup: DuplicateIndex | None = None
        self._near_threshold = near_threshold

    # -- writing -------------------------------------------------------------------------
    def dedup_index(self) -> DuplicateIndex:
        """The near-duplicate index, loaded from stored signatures on first use."""
        if self._dedup is None:
            index = DuplicateIndex(self._near_threshold)
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(articles.c.id, articles.c.body_hash, minhashes.c.signature).join(
                        minhashes, minhashes.c.article_id == articles.c.id
                    )
                )
                index.load((r[0], r[1], r[2]) for r in rows)
            self._dedup = index
        return self._dedup

    def add(self, article: Article) -> AddOutcome:
        """Store one article in its own transaction; a duplicate only links its source."""
        now = datetime.now(UTC).isoformat()
        index = self.dedup_index()
        with self.engine.begin() as conn:
            seen = conn.execute(
                select(sources.c.article_id).where(sources.c.source == article.source)
            ).scalar()
            if seen == article.id:
                return "unchanged"
            sketch = minhash_of(article.body)
            match = index.find(article.body, sketch)
            if (
                match is None
                and conn.execute(select(articles.c.id).where(articles.c.id == article.id)).scalar()
            ):
                match = Match(article.id, "exact", 1.0)  # same title and body from another source
            if match is not None:
                if seen == match.kept_id:
                    return "unchanged"
                self._link(conn, article.source, match.kept_id, match.kind, match.similarity, now)
                return match.kind
            self._insert(conn, article, signature_bytes(sketch), now)
            self._link(conn, article.source, article.id, "kept", 1.0, now)
        index.add(article.id, article.body, sketch)
        return "added"

    def _insert(self, conn: Connection, article: Article, signature: bytes, now: str) -> None:
        data = article.to_dict()
        conn.execute(
            insert(articles).values(
                id=article.id,
                source=article.source,
                record_id=article.record_id,
                url=article.url,
                title=article.title,
                subtitle=article.subtitle,
                outlet=article.outlet,
                authors=json.dumps(article.authors, ensure_ascii=False),
                published=data["published"],
                published_precision=article.published_precision,
                updated=data["updated"],
                language=article.language,
                body=article.body,
                body_hash=body_hash(article.body),
                format=article.format,
                data=json.dumps(data, ensure_ascii=False),
                ingested_at=now,
            )
        )
        conn.execute(insert(minhashes).values(article_id=article.id, signature=signature))
        if conn.dialect.name == "sqlite":
            conn.execute(
                text("INSERT INTO articles_fts(id, title, body) VALUES (:id, :title, :body)"),
                {"id": article.id, "title": article.title or "", "body": article.body},
            )

    @staticmethod
    def _link(
        conn: Connection, source: str, article_id: str, kind: str, similarity: float, now: str
    ) -> None:
        conn.execute(delete(sources).where(sources.c.source == source))
        conn.execute(
            insert(sources).values(
                source=source,
                article_id=article_id,
                kind=kind,
                similarity=similarity,
                ingested_at=now,
            )
        )

    # -- reading -------------------------------------------------------------------------
    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    def get(self, article_id: str) -> Article | None:
        """An article by id or unique id prefix (at least 4 characters)."""
        if len(article_id) < 4:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.data).where(articles.c.id.startswith(article_id)).limit(2)
            ).all()
        if len(rows) != 1:
            return None
        return Article.from_dict(json.loads(rows[0][0]))

    def duplicates_of(self, article_id: str) -> list[dict[str, Any]]:
        """Sources linked to a kept article as exact or near duplicates."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(sources.c.source, sources.c.kind, sources.c.similarity).where(
                    sources.c.article_id == article_id, sources.c.kind != "kept"
                )
            )
            return [dict(r._mapping) for r in rows]

    def list_articles(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None
    ) -> list[dict[str, Any]]:
        query = select(
            articles.c.id,
            articles.c.published,
            articles.c.outlet,
            articles.c.title,
            articles.c.source,
        ).order_by(articles.c.published.desc(), articles.c.id)
        if outlet:
            query = query.where(articles.c.outlet == outlet)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query.limit(limit).offset(offset))]

    def iter_articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            for (data,) in conn.execute(select(articles.c.data).order_by(articles.c.id)):
                yield Article.from_dict(json.loads(data))

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 query syntax on SQLite: words, "phrases", OR, NOT, prefix*)."""
        sql = text(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.id "
            "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :limit"
        )
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(sql, {"q": query, "limit": limit}).all()
        except OperationalError as exc:
            raise StoreError(f"invalid search query {query!r}: {exc.orig}") from exc
        return [SearchHit(*row) for row in rows]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
