"""Story persistence: assign a stored article to a story, rebuild the clusterer, read stories.

The clusterer lives in memory; what it needs (each article's vector, entity keys, anchors and
day, plus its story) is stored with the article in the same transaction, so a new process
rebuilds the same state and a new batch joins existing stories without recomputing them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, delete, insert, select, update

from parallax.model import Article
from parallax.store.schema import article_stories, articles, sources, stories, story_features
from parallax.stories.cluster import (
    Assignment,
    Refinement,
    StoryClusterer,
    StoryFeatures,
    StoryParams,
)

__all__ = ["apply_refinement", "assign_story", "load_clusterer", "read_stories"]


def load_clusterer(conn: Connection, params: StoryParams | None = None) -> StoryClusterer:
    """The clusterer with every stored assignment replayed in arrival order."""
    clusterer = StoryClusterer(params)
    rows = conn.execute(
        select(
            story_features.c.vector,
            story_features.c["keys"],
            story_features.c.anchors,
            story_features.c.day,
            article_stories.c.story_id,
        )
        .join(article_stories, article_stories.c.article_id == story_features.c.article_id)
        .order_by(article_stories.c.position)
    )
    for vector, keys, anchors, day, story in rows:
        features = StoryFeatures(
            np.frombuffer(vector, dtype=np.float16).astype(np.float32),
            frozenset(json.loads(keys)),
            date.fromisoformat(day) if day else None,
            frozenset(json.loads(anchors)),
        )
        clusterer.assign(features, story=int(story))
    return clusterer


def assign_story(
    conn: Connection,
    clusterer: StoryClusterer,
    article: Article,
    features: StoryFeatures,
    now: str,
) -> Assignment:
    """Put a newly stored article in its story and record why (inside the caller's transaction)."""
    result = clusterer.assign(features)
    published = article.published.isoformat() if article.published else None
    if result.new:
        conn.execute(
            insert(stories).values(
                id=result.story,
                title=article.title,
                first_date=published,
                last_date=published,
                article_count=1,
                created_at=now,
            )
        )
    else:
        row = conn.execute(select(stories).where(stories.c.id == result.story)).mappings().one()
        dates = [d for d in (row["first_date"], row["last_date"], published) if d]
        conn.execute(
            update(stories)
            .where(stories.c.id == result.story)
            .values(
                article_count=row["article_count"] + 1,
                first_date=min(dates) if dates else None,
                last_date=max(dates) if dates else None,
            )
        )
    position = clusterer.assigned - 1  # arrival order; the replay in `load_clusterer` keeps it
    conn.execute(
        insert(article_stories).values(
            article_id=article.id, story_id=result.story, score=result.score, position=position
        )
    )
    conn.execute(
        insert(story_features).values(
            article_id=article.id,
            vector=_half(features.vector),
            keys=json.dumps(sorted(features.keys), ensure_ascii=False),
            anchors=json.dumps(sorted(features.anchors), ensure_ascii=False),
            day=features.day.isoformat() if features.day else None,
        )
    )
    return result


def apply_refinement(conn: Connection, refinement: Refinement, now: str) -> None:
    """Write what `StoryClusterer.refine` changed (inside the caller's transaction): each moved
    article's story and score; the stories it opened (titled by their earliest article),
    emptied (deleted) or changed (article count and date span recomputed from their members)."""
    if not refinement.moved:
        return
    keys = sorted(refinement.moved)
    rows = conn.execute(
        select(
            article_stories.c.position, article_stories.c.article_id, article_stories.c.story_id
        ).where(article_stories.c.position.in_(keys))
    ).all()
    touched = {story for _, _, story in rows}
    for position, article_id, _old in rows:
        moved = refinement.moved[position]
        touched.add(moved.story)
        conn.execute(
            update(article_stories)
            .where(article_stories.c.article_id == article_id)
            .values(story_id=moved.story, score=moved.score)
        )
    for story_id in sorted(refinement.opened):
        conn.execute(
            insert(stories).values(id=story_id, article_count=0, created_at=now, title=None)
        )
    conn.execute(delete(stories).where(stories.c.id.in_(sorted(refinement.emptied))))
    for story_id in sorted(touched - refinement.emptied):
        members = conn.execute(
            select(articles.c.title, articles.c.published)
            .join(article_stories, article_stories.c.article_id == articles.c.id)
            .where(article_stories.c.story_id == story_id)
            .order_by(article_stories.c.position)
        ).all()
        dates = [published for _, published in members if published]
        values: dict[str, Any] = {
            "article_count": len(members),
            "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None,
        }
        if story_id in refinement.opened:
            values["title"] = members[0][0] if members else None
        conn.execute(update(stories).where(stories.c.id == story_id).values(**values))


def _half(vector: NDArray[np.float32]) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def read_stories(
    conn: Connection, *, story_id: int | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories newest first, each with its articles and their copies (exact/near duplicates)."""
    query = select(stories).order_by(stories.c.last_date.desc(), stories.c.id.desc())
    if story_id is not None:
        query = query.where(stories.c.id == story_id)
    rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
    ids = [r["id"] for r in rows]
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if ids:
        found = conn.execute(
            select(
                article_stories.c.story_id,
                articles.c.id,
                articles.c.source,
                articles.c.outlet,
                articles.c.title,
                articles.c.published,
                sources.c.source.label("copy_source"),
                sources.c.kind,
            )
            .join(articles, articles.c.id == article_stories.c.article_id)
            .join(sources, sources.c.article_id == articles.c.id)
            .where(article_stories.c.story_id.in_(ids))
            .order_by(articles.c.published, articles.c.id)
        )
        seen: dict[str, dict[str, Any]] = {}
        for row in found.mappings():
            entry = seen.get(row["id"])
            if entry is None:
                entry = {
                    "id": row["id"],
                    "source": row["source"],
                    "outlet": row["outlet"],
                    "title": row["title"],
                    "published": row["published"],
                    "copies": [],
                }
                seen[row["id"]] = entry
                members[row["story_id"]].append(entry)
            if row["kind"] != "kept":
                entry["copies"].append({"source": row["copy_source"], "kind": row["kind"]})
    result = []
    for row in rows:
        items = members[row["id"]]
        result.append(
            {
                "id": row["id"],
                "title": row["title"],
                "first_date": row["first_date"],
                "last_date": row["last_date"],
                "article_count": len(items) + sum(len(a["copies"]) for a in items),
                "outlets": sorted({a["outlet"] or a["source"] for a in items}),
                "articles": items,
            }
        )
    return result
