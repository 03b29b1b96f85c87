"""Refining recent stories: articles an unlucky arrival order put apart (or together) are
reconsidered against the stories as they stand now."""

from __future__ import annotations

import numpy as np

from parallax.stories.cluster import StoryClusterer, StoryFeatures, StoryParams

AXES = np.eye(384, dtype=np.float32)


def _features(axis: int, key: str) -> StoryFeatures:
    return StoryFeatures(AXES[axis], frozenset({key}), None)


def _misplaced() -> tuple[StoryClusterer, list[StoryFeatures]]:
    """Forced, wrong: the first two articles share story 1, the third sits alone in story 2
    although it is the second's kind."""
    clusterer = StoryClusterer()
    batch = [
        _features(0, "PERSON:ann lee"),
        _features(1, "ORG:port board"),
        _features(1, "ORG:port board"),
    ]
    for features, story in zip(batch, [1, 1, 2], strict=True):
        clusterer.assign(features, story=story)
    return clusterer, batch


def test_refine_moves_a_misplaced_article_and_drops_the_emptied_story() -> None:
    clusterer, batch = _misplaced()
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


def test_a_story_holding_two_events_is_split_in_refinement() -> None:
    # two events of one kind at one port: each text leans its own way (cosine 0.64 across),
    # and each names its own person
    first = (AXES[0] * 0.8 + AXES[1] * 0.6).astype(np.float32)
    second = (AXES[0] * 0.8 + AXES[2] * 0.6).astype(np.float32)
    batch = [
        StoryFeatures(
            first if i % 2 == 0 else second, frozenset({"GPE:port", f"PERSON:{i % 2}"}), None
        )
        for i in range(6)
    ]
    clusterer = StoryClusterer()
    for features in batch:  # an unlucky start: all in one story
        clusterer.assign(features, story=1)
    # against the merged centroid every article still clears the bar, so moving articles one by
    # one would keep them together
    merged = clusterer.stories[1]
    assert all(clusterer.score(f, merged) >= clusterer.params.threshold for f in batch)
    result = clusterer.refine(0, batch)
    stories = [clusterer.story_of[k] for k in range(6)]
    assert stories[0] == stories[2] == stories[4] != stories[1] == stories[3] == stories[5]
    assert len(result.opened) == 1 and len(result.moved) == 3
    for story_id, story in clusterer.stories.items():
        assert story.size == stories.count(story_id)


def test_two_events_told_in_different_years_split_apart() -> None:
    # the same kind of event told of the same team (texts at cosine 0.64 across): only the
    # years the texts give tell the two apart
    first = (AXES[0] * 0.8 + AXES[1] * 0.6).astype(np.float32)
    second = (AXES[0] * 0.8 + AXES[2] * 0.6).astype(np.float32)
    batch = [
        StoryFeatures(
            first if i % 2 == 0 else second,
            frozenset({"ORG:chargers", "ORG:dui", f"YEAR:{2008 + i % 2}"}),
            None,
        )
        for i in range(6)
    ]
    stories = []
    for penalty in (0.0, StoryParams().split_year_penalty):
        # the merge step reads no years (there it lowers ECB+ train): left out, so that this
        # toy pair, high across on text and entities, is not joined again
        params = StoryParams(split_year_penalty=penalty, merge_threshold=None)
        clusterer = StoryClusterer(params)
        for features in batch:
            clusterer.assign(features, story=1)
        clusterer.refine(0, batch)
        stories.append([clusterer.story_of[k] for k in range(6)])
    assert len(set(stories[0])) == 1  # without the penalty: one story
    assert stories[1][0] == stories[1][2] == stories[1][4] != stories[1][1] == stories[1][3]


def test_no_split_below_three_articles_a_side() -> None:
    first = (AXES[0] * 0.8 + AXES[1] * 0.6).astype(np.float32)
    second = (AXES[0] * 0.8 + AXES[2] * 0.6).astype(np.float32)
    batch = [StoryFeatures(first, frozenset({"GPE:port", "PERSON:0"}), None) for _ in range(4)]
    batch += [StoryFeatures(second, frozenset({"GPE:port", "PERSON:1"}), None) for _ in range(2)]
    clusterer = StoryClusterer()
    for features in batch:
        clusterer.assign(features, story=1)
    clusterer.refine(0, batch)  # the two would split apart, but two articles are too few
    assert len({clusterer.story_of[k] for k in range(6)}) == 1


def test_settled_articles_are_in_view_but_do_not_move() -> None:
    clusterer, batch = _misplaced()
    result = clusterer.refine(0, batch, settled=1)
    # the first, settled, stays where it is although it fits no better; the second moves
    assert clusterer.story_of[0] == 1
    assert clusterer.story_of[1] == clusterer.story_of[2] == 2
    assert set(result.moved) == {1}


def test_two_stories_whose_articles_score_high_across_them_are_merged() -> None:
    lean = 0.9 * AXES[0] + 0.436 * AXES[1]
    other = 0.9 * AXES[0] - 0.436 * AXES[1]  # cosine 0.62 with `lean`
    batch = [
        StoryFeatures(v, frozenset({"ORG:port board"}), None) for v in (lean, lean, other, other)
    ]

    def refined(params: StoryParams) -> list[int]:
        clusterer = StoryClusterer(params)
        for features, story in zip(batch, [1, 1, 2, 2], strict=True):
            clusterer.assign(features, story=story)
        # each article fits its own story best, so none moves on its own
        result = clusterer.refine(0, batch)
        assert result.emptied <= {1, 2}
        return [clusterer.story_of[k] for k in range(4)]

    assert refined(StoryParams(merge_threshold=None)) == [1, 1, 2, 2]
    merged = refined(StoryParams())
    assert len(set(merged)) == 1


def _noisy(n: int, seed: int = 3) -> list[StoryFeatures]:
    """`n` articles around n // 8 story centres, enough to pass through the vector index."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 8), 384)).astype(np.float32)
    items = []
    for _ in range(n):
        s = int(rng.integers(len(centres)))
        vector = centres[s] + rng.normal(scale=0.6, size=384).astype(np.float32)
        items.append(StoryFeatures(vector / np.linalg.norm(vector), frozenset({f"ORG:o{s}"}), None))
    return items


def test_stories_are_the_same_on_every_run_and_searched_ahead_as_one_by_one() -> None:
    items = _noisy(700)  # the index takes them in batches of 256
    first = StoryClusterer().assign_all(items, window=128)
    assert StoryClusterer().assign_all(items, window=128) == first
    # searching the index ahead for the articles before its next batch answers as one by one
    single = StoryClusterer()
    assert StoryClusterer().assign_all(items) == [single.assign(f).story for f in items]


def test_refinement_sees_the_neighbours_a_search_now_would_find() -> None:
    items = _noisy(700)
    clusterer = StoryClusterer()
    clusterer.assign_all(items)  # no refinement: each article's neighbours at arrival are kept
    first, moving = 700 - 200, items[-200:]
    kept = clusterer._window_nearest(first, moving)  # arrival neighbours plus the later ones
    searched = [keys for keys, _ in clusterer._nearest(np.stack([f.vector for f in moving]))]
    assert len(kept) == len(searched) == 200
    same = [set(a.tolist()) == set(b.tolist()) for a, b in zip(kept, searched, strict=True)]
    assert sum(same) >= 190  # the index is approximate: at most a few of the far tail differ
    # where they differ it is among articles of other stories (cosines near 0.1); the
    # neighbours from the article's own story are the same
    story = [next(iter(f.keys)) for f in items]

    def own(keys: np.ndarray, i: int) -> set[int]:
        return {k for k in keys.tolist() if story[k] == story[first + i]}

    assert all(own(a, i) == own(b, i) for i, (a, b) in enumerate(zip(kept, searched, strict=True)))
    assert all(first + i in kept[i].tolist() for i in range(200))  # each finds itself
