"""Tables (SQLAlchemy Core, portable) and ordered schema migrations recorded in `schema_migrations`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    text,
)

__all__ = [
    "MIGRATIONS",
    "article_entities",
    "article_stories",
    "articles",
    "entities",
    "events",
    "metadata",
    "migrate",
    "minhashes",
    "quotes",
    "sources",
    "stories",
    "story_features",
]

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("record_id", Text),
    Column("url", Text),
    Column("title", Text),
    Column("subtitle", Text),
    Column("outlet", Text),
    Column("authors", Text, nullable=False, default="[]"),  # JSON list
    Column("published", String(40)),
    Column("published_precision", String(10)),
    Column("updated", String(40)),
    Column("language", String(16)),
    Column("body", Text, nullable=False),
    Column("body_hash", String(64), nullable=False),
    Column("format", String(16), nullable=False),
    Column("data", Text, nullable=False),  # the full Article.to_dict() JSON
    Column("ingested_at", String(40), nullable=False),
)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_body_hash", articles.c.body_hash)

# Every input record seen, and the stored article it became or duplicates.
sources = Table(
    "sources",
    metadata,
    Column("source", Text, primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("kind", String(8), nullable=False),  # kept | exact | near
    Column("similarity", Float, nullable=False, default=1.0),
    Column("ingested_at", String(40), nullable=False),
)
Index("ix_sources_article", sources.c.article_id)

minhashes = Table(
    "minhashes",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

# The corpus-level entity table: one row per identity key, merged across articles.
entities = Table(
    "entities",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list of names as written
    Column("descriptors", Text, nullable=False, default="[]"),  # JSON list
    Column("article_count", Integer, nullable=False, default=0),
)
Index("ix_entities_type", entities.c.type)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(16), primary_key=True),
    Column("entity_key", String(200), ForeignKey("entities.key"), nullable=False),
    Column("name", Text, nullable=False),
    Column("mentions", Integer, nullable=False),
)
Index("ix_article_entities_key", article_entities.c.entity_key)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("cue", Text),
    Column("speaker", Text),
    Column("speaker_key", String(200)),
    Column("speaker_text", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
)
Index("ix_quotes_speaker_key", quotes.c.speaker_key)
Index("ix_quotes_speaker", quotes.c.speaker)

# Dated sentences (timeline events) of every stored article.
events = Table(
    "events",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("date", String(40), nullable=False),
    Column("precision", String(12), nullable=False),
    Column("sort_start", String(10), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("speaker", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_events_sort_start", events.c.sort_start)

# Stories: coverage of one event, assigned online as articles arrive.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_date", String(40)),
    Column("last_date", String(40)),
    Column("article_count", Integer, nullable=False, default=0),
    Column("created_at", String(40), nullable=False),
)

article_stories = Table(
    "article_stories",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("score", Float, nullable=False),
    Column("position", Integer, nullable=False),  # arrival order, to rebuild the index
)
Index("ix_article_stories_story", article_stories.c.story_id)
# refinement looks recent articles up by arrival position
ix_article_stories_position = Index("ix_article_stories_position", article_stories.c.position)

# What the clusterer needs to rebuild its index without re-reading articles.
story_features = Table(
    "story_features",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float16, L2-normalized
    Column("keys", Text, nullable=False),  # JSON list
    Column("anchors", Text, nullable=False),  # JSON list
    Column("day", String(10)),
)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

Migration = Callable[[Connection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register a migration; versions run once each, in order."""

    def register(func: Migration) -> Migration:
        MIGRATIONS.append((version, func.__name__, func))
        MIGRATIONS.sort(key=lambda item: item[0])
        return func

    return register


@migration(1)
def m001_initial(conn: Connection) -> None:
    for table in (articles, sources, minhashes):
        table.create(conn, checkfirst=True)


@migration(2)
def m002_full_text(conn: Connection) -> None:
    """Full-text index over title and body (FTS5 on SQLite; other dialects search with LIKE)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                "id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
            )
        )


@migration(3)
def m003_entities_quotes(conn: Connection) -> None:
    """The corpus entity table, each article's entities, and every quote."""
    for table in (entities, article_entities, quotes):
        table.create(conn, checkfirst=True)


@migration(4)
def m004_events(conn: Connection) -> None:
    """Timeline events (sentences with a resolved date)."""
    events.create(conn, checkfirst=True)


@migration(5)
def m005_stories(conn: Connection) -> None:
    """Stories, each article's story, and the features story assignment reads."""
    for table in (stories, article_stories, story_features):
        table.create(conn, checkfirst=True)


@migration(6)
def m006_story_positions(conn: Connection) -> None:
    """An index on arrival position, which story refinement reads by."""
    ix_article_stories_position.create(conn, checkfirst=True)


def migrate(conn: Connection) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    schema_migrations.create(conn, checkfirst=True)
    done = set(conn.execute(select(schema_migrations.c.version)).scalars())
    applied = []
    for version, name, func in MIGRATIONS:
        if version in done:
            continue
        func(conn)
        conn.execute(
            insert(schema_migrations).values(
                version=version, name=name, applied_at=datetime.now(UTC).isoformat()
            )
        )
        applied.append(name)
    return applied
