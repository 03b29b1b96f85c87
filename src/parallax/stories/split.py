"""Splitting a story that holds two events: the undo for an early wrong join.

An online clusterer compares each article with a story's centroid. Once two events of one kind
share a story (two pirate attacks, two DUI arrests), the centroid sits between them and draws
the articles of both, so later arrivals and refinement only confirm the merge. Article pairs
keep the two apart better than the centroid does: on ECB+ dev the average pair score across
such a merge lies at 0.53–0.91, under the join threshold, while each article scores above it
against the merged centroid.

`split_groups` cuts a group of articles in two by average-link clustering (SciPy) on their
pair scores, the same score an article gets against a story of one, made symmetric. The cut is
kept when the two sides would not have joined each other (their mean cross score is under the
threshold) and each side has at least `min_side` articles; then each side is tried again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from parallax.stories.cluster import StoryFeatures, StoryParams

__all__ = ["pair_scores", "split_groups"]


def pair_scores(
    features: Sequence[StoryFeatures], params: StoryParams, rarity: Callable[[str], float]
) -> NDArray[np.float64]:
    """Story score of every article against every other taken as a story of one (text cosine
    plus weighted entity and anchor overlap; dates left out), averaged both ways, less
    `split_year_penalty` for a pair whose texts date what they tell to different years (each
    names years, none in common: two seasons' arrests of one team's players).

    >>> from parallax.stories.cluster import StoryFeatures, StoryParams
    >>> v = np.eye(384, dtype=np.float32)
    >>> f = [StoryFeatures(v[0], frozenset({"PERSON:a"}), None),
    ...      StoryFeatures(v[0], frozenset({"PERSON:a", "GPE:b"}), None)]
    >>> pair_scores(f, StoryParams(), lambda key: 1.0).round(2).tolist()
    [[1.5, 1.38], [1.38, 1.5]]
    """
    vectors = np.stack([f.vector for f in features]).astype(np.float64)
    text = vectors @ vectors.T
    keys = sorted({k for f in features for k in f.keys})
    column = {k: i for i, k in enumerate(keys)}
    weight = np.array([rarity(k) for k in keys], dtype=np.float64)
    carries = np.zeros((len(features), len(keys)))
    anchors = np.zeros_like(carries)
    for row, f in enumerate(features):
        carries[row, [column[k] for k in f.keys]] = 1.0
        anchors[row, [column[k] for k in f.anchors if k in column]] = 1.0

    def share(own: NDArray[np.float64]) -> NDArray[np.float64]:
        weighted = own * weight
        total = weighted.sum(axis=1, keepdims=True)
        shared: NDArray[np.float64] = np.zeros_like(text)
        np.divide(weighted @ carries.T, total, out=shared, where=total > 0)
        return shared

    score = params.combine(text, share(carries), share(anchors))
    # two articles that both date what they tell, to years of which they share none
    years = carries[:, [column[k] for k in keys if k.startswith("YEAR:")]]
    dated = years.sum(axis=1) > 0
    apart = np.outer(dated, dated) & ((years @ years.T) == 0)
    symmetric: NDArray[np.float64] = (score + score.T) / 2 - params.split_year_penalty * apart
    return symmetric


def split_groups(
    scores: NDArray[np.float64], threshold: float, min_side: int = 3
) -> list[list[int]]:
    """The groups (row indices into `scores`) a story's articles fall into: one group when no
    cut holds, else the groups of each side, found the same way.

    >>> s = np.full((6, 6), 0.5)
    >>> s[:3, :3] = s[3:, 3:] = 1.5
    >>> split_groups(s, threshold=0.9)
    [[0, 1, 2], [3, 4, 5]]
    >>> split_groups(s, threshold=0.4)
    [[0, 1, 2, 3, 4, 5]]
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    done: list[list[int]] = []
    todo = [list(range(len(scores)))]
    while todo:
        group = todo.pop()
        if len(group) < 2 * min_side:
            done.append(group)
            continue
        block = scores[np.ix_(group, group)]
        distance = block.max() - block
        np.fill_diagonal(distance, 0.0)
        labels = fcluster(linkage(squareform(distance, checks=False), "average"), 2, "maxclust")
        first = [g for g, label in zip(group, labels, strict=True) if label == 1]
        second = [g for g, label in zip(group, labels, strict=True) if label != 1]
        small = min(len(first), len(second)) < min_side
        if small or scores[np.ix_(first, second)].mean() >= threshold:
            done.append(group)
            continue
        todo += [second, first]
    return sorted(done)
