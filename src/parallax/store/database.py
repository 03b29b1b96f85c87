"""The article store: one transaction per article, de-duplication on the way in, FTS search.

What is kept of the analyses (entities, events, quotes) is in `parallax.store.analyses`; stories
in `parallax.store.stories`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Unpack

from datasketch import MinHash
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from parallax.dedup import DuplicateIndex, Match, body_hash, minhash_of, signature_bytes
from parallax.errors import StoreError
from parallax.model import Article
from parallax.nlp.aliases import AliasRules
from parallax.store.analyses import (
    QuoteFilters,
    QuoteRow,
    insert_analyses,
    published_within,
    read_quotes,
)
from parallax.store.schema import (
    article_entities,
    articles,
    entities,
    migrate,
    minhashes,
    sources,
)
from parallax.store.stories import (
    apply_refinement,
    assign_story,
    load_clusterer,
    read_stories,
)
from parallax.stories.cluster import (
    REFINE_SPAN,
    REFINE_WINDOW,
    StoryClusterer,
    StoryFeatures,
    refine_view,
)

__all__ = ["AddOutcome", "QuoteRow", "SearchHit", "Store"]

AddOutcome = Literal["added", "exact", "near", "unchanged"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


_log = logging.getLogger(__name__)


def _url(target: str) -> str:
    return target if "://" in target else f"sqlite:///{Path(target)}"


class Store:
    """Articles in a SQL database (SQLite by default, any SQLAlchemy URL by design).

    >>> store = Store(":memory:")
    >>> store.count()
    0
    """

    def __init__(
        self,
        target: str = "parallax.db",
        *,
        near_threshold: float = 0.8,
        aliases: AliasRules | None = None,
    ) -> None:
        self.aliases = aliases or AliasRules()
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
        self._clusterer: StoryClusterer | None = None
        self._recent: list[tuple[int, StoryFeatures]] = []  # (arrival position, features)
        self._unrefined = 0  # articles assigned since the last refinement
        self._sketches: dict[str, MinHash] = {}
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

    def clusterer(self) -> StoryClusterer:
        """The story clusterer, rebuilt from stored assignments on first use."""
        if self._clusterer is None:
            with self.engine.connect() as conn:
                self._clusterer = load_clusterer(conn)
        return self._clusterer

    def is_stored(self, article: Article) -> bool:
        """Whether this very article (same source, same content id) is already stored: adding
        it again would change nothing, so ingest skips its analysis."""
        with self.engine.connect() as conn:
            seen = conn.execute(
                select(sources.c.article_id).where(sources.c.source == article.source)
            ).scalar()
        return bool(seen == article.id)

    def _sketch(self, article: Article, *, keep: bool = True) -> MinHash:
        """The article's MinHash, computed once for `is_copy` and the `add` that follows."""
        sketch = self._sketches.pop(article.id, None) or minhash_of(article.body)
        if keep:
            if len(self._sketches) >= 256:  # articles checked but never added
                self._sketches.clear()
            self._sketches[article.id] = sketch
        return sketch

    def is_copy(self, article: Article) -> bool:
        """Whether a stored article from another source has the same content (same id, or a
        near-duplicate body): `add` would only link this one to it, so its analysis can wait."""
        if self.dedup_index().find(article.body, self._sketch(article)) is not None:
            return True
        with self.engine.connect() as conn:
            found = conn.execute(select(articles.c.id).where(articles.c.id == article.id)).scalar()
        return found is not None

    def add(self, article: Article, features: StoryFeatures | None = None) -> AddOutcome:
        """Store one article in its own transaction; a duplicate only links its source.

        With `features` (its embedding, entity keys, day), a newly kept article is assigned to
        a story in the same transaction; a duplicate belongs to its kept article's story.
        """
        now = datetime.now(UTC).isoformat()
        index = self.dedup_index()
        assigned = False
        try:
            with self.engine.begin() as conn:
                seen = conn.execute(
                    select(sources.c.article_id).where(sources.c.source == article.source)
                ).scalar()
                if seen == article.id:
                    return "unchanged"
                sketch = self._sketch(article, keep=False)
                match = index.find(article.body, sketch)
                if (
                    match is None
                    and conn.execute(
                        select(articles.c.id).where(articles.c.id == article.id)
                    ).scalar()
                ):
                    match = Match(
                        article.id, "exact", 1.0
                    )  # same title and body from another source
                if match is not None:
                    if seen == match.kept_id:
                        return "unchanged"
                    self._link(
                        conn, article.source, match.kept_id, match.kind, match.similarity, now
                    )
                    return match.kind
                self._insert(conn, article, signature_bytes(sketch), now)
                self._link(conn, article.source, article.id, "kept", 1.0, now)
                if features is not None:
                    assigned = True
                    assign_story(conn, self.clusterer(), article, features, now)
        except BaseException:
            if assigned:
                # the in-memory clusterer already counts an article whose transaction rolled
                # back (or failed to commit): rebuild it from the database on next use
                self._clusterer = None
                self._recent, self._unrefined = [], 0
            raise
        index.add(article.id, article.body, sketch)
        if features is not None:
            self._recent.append((self.clusterer().assigned - 1, features))
            self._unrefined += 1
            if self._unrefined >= REFINE_WINDOW:
                try:
                    self.refine_stories()
                except SQLAlchemyError as exc:  # the stories stay as first assigned: valid
                    _log.warning("story refinement skipped: %s", exc)
        return "added"

    def refine_stories(self) -> int:
        """Reconsider the stories of the articles this store assigned since the last call, with
        the last `REFINE_SPAN` in view of the split step (see `StoryClusterer.refine`), in one
        transaction; how many articles changed story. `add` calls it every `REFINE_WINDOW`
        articles; call it once more when a batch ends (it does nothing when no article came
        since the last call)."""
        recent, settled = refine_view(self._recent, self._unrefined, REFINE_SPAN)
        self._recent = recent
        fresh, self._unrefined = self._unrefined, 0
        if not fresh or not recent or self._clusterer is None:
            return 0
        first = recent[0][0]
        if [position for position, _ in recent] != list(range(first, first + len(recent))):
            return 0  # not one run of arrivals (cannot happen in one process): leave them be
        refinement = self._clusterer.refine(first, [f for _, f in recent], settled=settled)
        try:
            with self.engine.begin() as conn:
                apply_refinement(conn, refinement, datetime.now(UTC).isoformat())
        except BaseException:
            # the database keeps the stories as they were: reload them (and the positions of
            # the recent articles with them)
            self._clusterer = None
            self._recent = []
            raise
        return len(refinement.moved)

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
        insert_analyses(conn, article, self.aliases)
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
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        query: str | None = None,
    ) -> list[dict[str, Any]]:
        """Articles newest first; `since`/`until` are ISO dates (inclusive), `entity` an entity
        key, `query` a full-text query."""
        statement = select(
            articles.c.id,
            articles.c.published,
            articles.c.outlet,
            articles.c.title,
            articles.c.source,
        ).order_by(articles.c.published.desc(), articles.c.id)
        if outlet:
            statement = statement.where(articles.c.outlet == outlet)
        statement = published_within(statement, since, until)
        if entity:
            statement = statement.where(
                articles.c.id.in_(
                    select(article_entities.c.article_id).where(
                        article_entities.c.entity_key == entity
                    )
                )
            )
        if query:
            statement = statement.where(
                articles.c.id.in_([hit.id for hit in self.search(query, limit=10_000)])
            )
        with self.engine.connect() as conn:
            rows = conn.execute(statement.limit(limit).offset(offset))
            return [dict(r._mapping) for r in rows]

    def entity(self, key: str) -> dict[str, Any] | None:
        """One corpus entity with its descriptors by outlet and everything it said."""
        with self.engine.connect() as conn:
            row = conn.execute(select(entities).where(entities.c.key == key)).mappings().first()
            if row is None:
                return None
            by_outlet: dict[str, list[str]] = {}
            found = conn.execute(
                select(articles.c.outlet, articles.c.source, articles.c.data)
                .join(article_entities, article_entities.c.article_id == articles.c.id)
                .where(article_entities.c.entity_key == key)
            )
            for outlet, source, data in found:
                for item in json.loads(data).get("entities") or []:
                    if item["key"] == key or item["name"] == row["name"]:
                        bucket = by_outlet.setdefault(outlet or source, [])
                        bucket += [d for d in item["descriptors"] if d not in bucket]
        said = [dataclasses.asdict(q) for q in self.quotes(speaker_key=key, limit=1000)]
        return {
            **row,
            "aliases": json.loads(row["aliases"]),
            "descriptors": json.loads(row["descriptors"]),
            "descriptors_by_outlet": by_outlet,
            "quotes": said,
        }

    def iter_articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            for (data,) in conn.execute(select(articles.c.data).order_by(articles.c.id)):
                yield Article.from_dict(json.loads(data))

    def quotes(self, **filters: Unpack[QuoteFilters]) -> list[QuoteRow]:
        """Stored quotes, oldest first (see `QuoteFilters` for what they filter on)."""
        with self.engine.connect() as conn:
            return read_quotes(conn, **filters)

    def stories(
        self, *, story_id: int | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stories newest first, with their articles and the copies linked to each."""
        with self.engine.connect() as conn:
            return read_stories(conn, story_id=story_id, limit=limit, offset=offset)

    def story_articles(self, story_id: int) -> list[Article]:
        """The kept articles of one story, oldest first."""
        found = self.stories(story_id=story_id)
        if not found:
            return []
        loaded = [self.get(a["id"]) for a in found[0]["articles"]]
        return [a for a in loaded if a is not None]

    def timeline_articles(self, query: str | None, story: int | None) -> list[Article] | None:
        """The articles a timeline covers: one story's (None when there is no such story), all,
        or either narrowed to those matching a full-text query."""
        if story is None:
            return self.articles_matching(query)
        members = self.story_articles(story)
        if not members:
            return None
        if query is None:
            return members
        matching = {hit.id for hit in self.search(query, limit=10_000)}
        return [a for a in members if a.id in matching]

    def articles_matching(self, query: str | None, *, limit: int = 10_000) -> list[Article]:
        """Stored articles whose title or body match a full-text query (all when None)."""
        if query is None:
            return list(self.iter_articles())
        ids = [hit.id for hit in self.search(query, limit=limit)]
        found = [self.get(i) for i in ids]
        return [a for a in found if a is not None]

    def entities(
        self,
        *,
        type_: str | None = None,
        limit: int = 100,
        offset: int = 0,
        name: str | None = None,
    ) -> list[dict[str, Any]]:
        """The corpus entity table, most-covered first; `name` matches names and aliases."""
        query = select(entities).order_by(entities.c.article_count.desc(), entities.c.name)
        if type_:
            query = query.where(entities.c.type == type_)
        if name:
            pattern = f"%{name.casefold()}%"
            query = query.where(
                or_(
                    func.lower(entities.c.name).like(pattern),
                    func.lower(entities.c.aliases).like(pattern),
                )
            )
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [
            {
                **row,
                "aliases": json.loads(row["aliases"]),
                "descriptors": json.loads(row["descriptors"]),
            }
            for row in rows
        ]

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
