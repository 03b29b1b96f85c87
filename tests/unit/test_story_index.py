"""The story index's shortcuts give the answers of the plain computation they replace."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from parallax.stories.cluster import StoryClusterer, StoryFeatures, _codes, _top_rows


def _articles(n: int, seed: int) -> list[StoryFeatures]:
    """`n` articles around n // 6 stories, with keys, anchors and dates that overlap."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 6), 384)).astype(np.float32)
    items = []
    for _ in range(n):
        s = int(rng.integers(len(centres)))
        vector = centres[s] + rng.normal(scale=0.8, size=384).astype(np.float32)
        # keys that half the time point at the next story, so that text and keys disagree
        keys = frozenset({f"ORG:o{s + int(rng.integers(2))}", f"GPE:g{int(rng.integers(4))}"})
        day = date(2026, 1, 1) + timedelta(days=int(s * 3 + rng.integers(40)))
        anchors = frozenset({f"ORG:o{s}"}) if rng.random() < 0.5 else frozenset()
        items.append(StoryFeatures(vector / np.linalg.norm(vector), keys, day, anchors))
    return items


def test_best_stops_early_but_picks_what_scoring_every_candidate_picks() -> None:
    clusterer = StoryClusterer()
    items = _articles(400, seed=11)
    clusterer.assign_all(items[:300], window=128)
    not_nearest = 0  # articles whose best story is not the nearest by text alone
    for features in items[300:]:
        candidates = sorted(clusterer.stories)
        best, score = clusterer._best(features, candidates)
        scores = {c: clusterer.score(features, clusterer.stories[c]) for c in candidates}
        assert best is not None
        assert abs(score - max(scores.values())) < 1e-6
        assert abs(scores[best] - score) < 1e-6
        text = {c: float(features.vector @ clusterer.stories[c].centroid) for c in candidates}
        not_nearest += max(text, key=text.__getitem__) != best
    assert not_nearest > 5  # the early stop is put to the test


def test_top_rows_sorts_as_a_full_sort_does_ties_included() -> None:
    rng = np.random.default_rng(2)
    keys = rng.permutation(600)[:560].reshape(1, -1).repeat(40, axis=0)
    sims = np.round(rng.random((40, 560)), 2)  # many ties
    sims[:, ::7] = -np.inf  # not neighbours
    for row, (top_keys, top_sims) in enumerate(_top_rows(keys, sims, 12)):
        order = sorted(range(560), key=lambda i: (-sims[row, i], -keys[row, i]))[:12]
        assert top_keys.tolist() == [int(keys[row, i]) for i in order]
        assert top_sims.tolist() == [float(sims[row, i]) for i in order]


def test_int8_codes_keep_cosines_within_a_few_thousandths() -> None:
    rng = np.random.default_rng(4)
    vectors = rng.normal(size=(500, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes = _codes(vectors).astype(np.float32)
    query = vectors[::-1]
    estimate = (codes * query).sum(axis=1) / np.linalg.norm(codes, axis=1)
    assert np.abs(estimate - (vectors * query).sum(axis=1)).max() < 0.003


def test_an_article_its_neighbours_do_not_place_gets_a_wider_search_and_its_keys() -> None:
    items = _articles(1800, seed=5)

    def joined(wide: bool, keyed: bool) -> int:
        clusterer = StoryClusterer()
        clusterer.assign_all(items[:1500])
        clusterer._flush()  # every earlier article in the index
        # the usual search misses: its neighbours name no story
        clusterer.candidates = lambda vector, near=None: set()  # type: ignore[method-assign]
        if not wide:
            clusterer._wide = lambda vector: set()  # type: ignore[method-assign]
        if not keyed:
            clusterer._keyed = lambda features: set()  # type: ignore[method-assign]
        return sum(not clusterer.assign(f).new for f in items[1500:])

    assert joined(False, False) == 0
    assert joined(True, False) > 250  # of 300, nearly all of whose stories exist
    # the ORG keys are each held by a story or two: they alone find most of the stories
    assert joined(False, True) > 200


def test_a_key_held_by_many_stories_points_to_none() -> None:
    clusterer = StoryClusterer()
    rng = np.random.default_rng(8)
    for i in range(12):  # twelve unrelated stories, all naming one place
        vector = rng.normal(size=384).astype(np.float32)
        keys = frozenset({"GPE:varrow", f"PERSON:p{i}"})
        clusterer.assign(StoryFeatures(vector / np.linalg.norm(vector), keys, None))
    assert len(clusterer.stories) == 12
    probe = StoryFeatures(np.zeros(384, np.float32), frozenset({"GPE:varrow", "PERSON:p3"}), None)
    assert clusterer._keyed(probe) == {clusterer.story_of[3]}
    # an emptied story no longer holds its keys
    story = clusterer.stories[clusterer.story_of[3]]
    first = StoryFeatures(np.ones(384, np.float32), frozenset({"GPE:varrow", "PERSON:p3"}), None)
    story.remove(first)
    assert clusterer._keyed(probe) == set()
