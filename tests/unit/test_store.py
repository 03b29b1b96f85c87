from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parallax.clean import clean_article
from parallax.errors import StoreError
from parallax.model import RawArticle
from parallax.store import Store
from parallax.store.schema import MIGRATIONS

BODY = [
    "The harbour authority said on Monday that the new berth would open in June after two years of work.",
    "Shipping lines welcomed the decision, saying it would cut waiting times for container vessels.",
    "Environmental groups said they would watch the dredging closely and report any damage.",
]


def _article(source: str, title: str = "Berth opens", body: list[str] | None = None):  # type: ignore[no-untyped-def]
    return clean_article(RawArticle(source=source, title=title, paragraphs=body or BODY))


def test_migrations_create_schema_once(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    Store(str(db))
    Store(str(db))
    with sqlite3.connect(db) as conn:
        versions = [
            r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
        ]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == [v for v, _, _ in MIGRATIONS]
    assert {"id", "title", "outlet", "authors", "published", "body", "data"} <= columns
    assert mode == "wal"


def test_exact_near_and_idempotent(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "p.db"))
    assert store.add(_article("a.txt")) == "added"
    assert store.add(_article("a.txt")) == "unchanged"
    assert store.add(_article("b.txt")) == "exact"
    near = [*BODY[:2], BODY[2] + " A spokesperson declined to comment."]
    assert store.add(_article("c.txt", title="Berth to open in June", body=near)) == "near"
    assert store.add(_article("c.txt", title="Berth to open in June", body=near)) == "unchanged"
    other = ["A different story about a school that reopened after the summer floods receded."] * 1
    assert store.add(_article("d.txt", title="School reopens", body=other)) == "added"
    assert store.count() == 2
    kept = store.list_articles()
    first = next(r for r in kept if r["title"] == "Berth opens")
    assert sorted(d["kind"] for d in store.duplicates_of(first["id"])) == ["exact", "near"]


def test_dedup_index_survives_reopen(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    Store(db).add(_article("a.txt"))
    assert Store(db).add(_article("b.txt", title="Other headline")) == "exact"


def test_get_by_prefix_and_search(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "p.db"))
    article = _article("a.txt")
    store.add(article)
    assert store.get(article.id[:6]) == article
    assert store.get("zz") is None
    hits = store.search("dredging")
    assert [h.id for h in hits] == [article.id] and "[dredging]" in hits[0].snippet
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_unopenable_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(str(tmp_path / "missing-dir" / "p.db"))


def test_lone_surname_joins_the_one_stored_person(tmp_path: Path) -> None:
    from parallax.nlp import analyze_article

    store = Store(str(tmp_path / "p.db"))
    first = analyze_article(
        _article("a.txt", "Dam", ["Tomas Reyes, the chief engineer, said the gates would open."])
    )
    second = analyze_article(
        _article(
            "b.txt", "Gates", ["Reyes said the old town was safe after the release on Monday."]
        )
    )
    assert store.add(first) == "added" and store.add(second) == "added"
    people = {e["name"]: e for e in store.entities(type_="PERSON")}
    assert people["Tomas Reyes"]["article_count"] == 2
    assert sorted(q.speaker or "" for q in store.quotes(speaker="reyes")) == [
        "Reyes",
        "Tomas Reyes",
    ]


def test_a_rerun_skips_analysis_of_articles_already_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import parallax.jobs as jobs

    page = tmp_path / "berth.txt"
    page.write_text("Berth opens\n\nThe new berth opened on Monday in Varrow.", encoding="utf-8")
    store = Store(str(tmp_path / "p.db"))
    analyzed: list[str] = []
    real = jobs.analyze_articles

    def counting(batch, nlp=None):  # type: ignore[no-untyped-def]
        analyzed.extend(a.source for a in batch)
        return real(batch, nlp)

    monkeypatch.setattr(jobs, "analyze_articles", counting)
    first = jobs.ingest_into(store, [str(page)], stories=False)
    again = jobs.ingest_into(store, [str(page)], stories=False)
    assert first.outcomes["added"] == 1 and again.outcomes["unchanged"] == 1
    assert analyzed == [str(page)]  # the second run analyzed nothing
    assert store.count() == 1
    wire = tmp_path / "wire-copy.txt"  # the same text from another outlet's file
    wire.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    copy = jobs.ingest_into(store, [str(wire)], stories=False)
    assert copy.outcomes["exact"] == 1
    assert analyzed == [str(page)]  # the copy is linked without being analyzed
    assert store.count() == 1


def test_a_failed_story_assignment_leaves_no_phantom_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    import parallax.store.database as database
    from parallax.stories.cluster import StoryFeatures

    store = Store(str(tmp_path / "p.db"))
    vector = np.zeros(384, np.float32)
    vector[0] = 1.0
    features = StoryFeatures(vector, frozenset({"PERSON:ann lee"}), None)
    real = database.assign_story

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)  # the clusterer takes the article in, then the write fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "assign_story", failing)
    with pytest.raises(sqlite3.OperationalError):
        store.add(_article("a.txt"), features)
    assert store.count() == 0
    monkeypatch.setattr(database, "assign_story", real)
    # the same story key again: it must open a story the database has, not join the lost one
    assert store.add(_article("a.txt"), features) == "added"
    stories = store.stories()
    assert len(stories) == 1 and stories[0]["article_count"] == 1


def test_refining_recent_stories_moves_articles_and_keeps_the_database_in_step(
    tmp_path: Path,
) -> None:
    import numpy as np

    from parallax.stories.cluster import StoryFeatures, StoryParams

    store = Store(str(tmp_path / "p.db"))
    axes = np.eye(384, dtype=np.float32)
    keys = frozenset({"PERSON:ann lee"})
    # a threshold nothing reaches: each article opens its own story, as an unlucky arrival
    # order can leave them before their story has formed
    store.clusterer().params = StoryParams(threshold=9.0)
    for i, (axis, title) in enumerate([(0, "Berth opens"), (0, "Berth opens early"), (1, "Rail")]):
        body = [f"{line} Item {i}." for line in BODY] if axis == 0 else ["A rail line was closed."]
        store.add(_article(f"{i}.txt", title, body), StoryFeatures(axes[axis], keys, None))
    assert len(store.stories()) == 3
    store.clusterer().params = StoryParams()
    assert store.refine_stories() == 1
    stories = store.stories()
    assert sorted(s["article_count"] for s in stories) == [1, 2]
    assert store.refine_stories() == 0  # nothing new since
    # a new process rebuilds the same stories from the database
    again = Store(str(tmp_path / "p.db")).clusterer()
    assert again.story_of == store.clusterer().story_of
    assert {k: s.size for k, s in again.stories.items()} == {
        k: s.size for k, s in store.clusterer().stories.items()
    }


def test_each_refinement_splits_with_the_window_before_in_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    import parallax.store.database as database
    from parallax.stories.cluster import StoryFeatures

    monkeypatch.setattr(database, "REFINE_WINDOW", 2)
    monkeypatch.setattr(database, "REFINE_SPAN", 4)
    store = Store(str(tmp_path / "p.db"))
    clusterer = store.clusterer()
    seen: list[tuple[int, int, int]] = []
    real = clusterer.refine

    def spy(first, batch, passes=1, settled=0):  # type: ignore[no-untyped-def]
        seen.append((first, len(batch), settled))
        return real(first, batch, passes, settled)

    monkeypatch.setattr(clusterer, "refine", spy)
    axes = np.eye(384, dtype=np.float32)
    for i in range(6):
        body = [f"{line} Item {i}." for line in BODY]
        features = StoryFeatures(axes[i % 2], frozenset({f"PERSON:p{i % 2}"}), None)
        store.add(_article(f"{i}.txt", f"Title {i}", body), features)
    # every two articles, the last four (or as many as there are) in view, the two new ones
    # to move
    assert seen == [(0, 2, 0), (0, 4, 2), (2, 4, 2)]
    assert store.refine_stories() == 0 and len(seen) == 3  # nothing new since
    assert sorted(s["article_count"] for s in store.stories()) == [3, 3]
