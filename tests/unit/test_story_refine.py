"""Refining recent stories: articles an unlucky arrival order put apart (or together) are
reconsidered against the stories as they stand now."""

from __future__ import annotations

import numpy as np

from parallax.stories.cluster import StoryClusterer, StoryFeatures

AXES = np.eye(384, dtype=np.float32)


def _features(axis: int, key: str) -> StoryFeatures:
    return StoryFeatures(AXES[axis], frozenset({key}), None)


def test_refine_moves_a_misplaced_article_and_drops_the_emptied_story() -> None:
    clusterer = StoryClusterer()
    batch = [
        _features(0, "PERSON:ann lee"),
        _features(1, "ORG:port board"),
        _features(1, "ORG:port board"),
    ]
    # forced, wrong: the first two share story 1, the third sits alone in story 2
    for features, story in zip(batch, [1, 1, 2], strict=True):
        clusterer.assign(features, story=story)
    result = clusterer.refine(0, batch)
    # the first article no longer fits story 1 and opens story 3; the second joins the third
    assert [clusterer.story_of[k] for k in range(3)] == [3, 2, 2]
    assert result.emptied == frozenset({1}) and result.opened == frozenset({3})
    assert {k: (a.story, a.new) for k, a in result.moved.items()} == {0: (3, True), 1: (2, False)}
    assert sorted(clusterer.stories) == [2, 3]
    for story_id, story in clusterer.stories.items():
        members = [k for k, s in clusterer.story_of.items() if s == story_id]
        assert story.size == len(members)
        expected = sum(batch[k].vector for k in members)
        assert np.allclose(story.total, expected)


def test_a_window_refines_as_it_goes_and_leaves_well_placed_articles_alone() -> None:
    items = [_features(i % 2, f"PERSON:p{i % 2}") for i in range(8)]
    stories = StoryClusterer().assign_all(items, window=3)
    assert len(set(stories)) == 2
    assert stories == [stories[i % 2] for i in range(8)]


def test_an_article_left_alone_joins_its_best_story_at_a_lower_bar() -> None:
    clusterer = StoryClusterer()
    for _ in range(2):
        clusterer.assign(_features(0, "ORG:port board"))
    near = AXES[0] * 0.8 + AXES[1] * 0.6  # cosine 0.8 with the story: under the 0.9 bar
    loner = StoryFeatures(near, frozenset(), None)
    assert clusterer.assign(loner).new
    far = StoryFeatures(AXES[2], frozenset(), None)  # nothing like any story
    assert clusterer.assign(far).new
    result = clusterer.refine(2, [loner, far])
    assert clusterer.story_of[2] == clusterer.story_of[0]  # 0.8 clears 0.9 - 0.15
    assert clusterer.story_of[3] not in (clusterer.story_of[0],)
    assert set(result.moved) == {2} and len(result.emptied) == 1
