"""Score story clustering on ECB+ (news articles grouped by the real-world event they report).

Metrics: B-cubed and pairwise precision / recall / F1 against the gold `cluster_id` (subtopic).
The baseline, run in the same process, is TF-IDF vectors with average-linkage agglomerative
clustering, its distance threshold chosen on the train split (as Parallax's parameters were).
Documents are clustered online in a fixed shuffled order (seed 13). Arrival order matters to an
online method, so `order_spread` also scores other orders of the same documents: the spread is
part of the figure.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.eval.metrics import PRF, b_cubed, pairwise
from parallax.model import Article, article_id
from parallax.nlp import analyze_articles
from parallax.stories.cluster import (
    REFINE_WINDOW,
    StoryClusterer,
    StoryFeatures,
    StoryParams,
    features_of,
)
from parallax.stories.embed import Embedder, article_text

__all__ = [
    "ClusterScore",
    "EcbDoc",
    "OrderSpread",
    "PairScore",
    "b_cubed",
    "load_ecbplus",
    "order_spread",
    "pairwise",
    "prepare",
    "run_parallax",
    "run_tfidf",
    "score_semeval_pairs",
    "tune_tfidf",
]


@dataclass(frozen=True, slots=True)
class EcbDoc:
    doc_id: str
    cluster: str
    text: str


def load_ecbplus(path: Path, seed: int = 13) -> list[EcbDoc]:
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            docs.append(EcbDoc(row["doc_id"], row["cluster_id"], row["text"]))
    random.Random(seed).shuffle(docs)
    return docs


@dataclass(frozen=True, slots=True)
class ClusterScore:
    name: str
    clusters: int
    b_cubed: PRF
    pairwise: PRF


def score(name: str, gold: Sequence[str], predicted: Sequence[int]) -> ClusterScore:
    return ClusterScore(
        name, len(set(predicted)), b_cubed(gold, predicted), pairwise(gold, predicted)
    )


def prepare(docs: Sequence[EcbDoc], embedder: Embedder) -> list[StoryFeatures]:
    """Parse (entities, dates) and embed every document once."""
    articles = [
        Article(
            id=article_id(None, d.text), source=d.doc_id, title=None, paragraphs=d.text.split("\n")
        )
        for d in docs
    ]
    analyzed = list(analyze_articles(articles))
    vectors = embedder.encode([article_text(a) for a in analyzed])
    return [features_of(a, v) for a, v in zip(analyzed, vectors, strict=True)]


def run_parallax(features: Sequence[StoryFeatures], params: StoryParams | None = None) -> list[int]:
    """Online assignment with a refinement pass every `REFINE_WINDOW` articles, as ingest does."""
    return StoryClusterer(params).assign_all(features, window=REFINE_WINDOW)


@dataclass(frozen=True, slots=True)
class OrderSpread:
    """B-cubed F1 of the online clusterer over several arrival orders of the same documents."""

    orders: int
    mean: float
    sd: float
    low: float
    high: float


def order_spread(
    gold: Sequence[str],
    features: Sequence[StoryFeatures],
    orders: int = 10,
    params: StoryParams | None = None,
) -> OrderSpread:
    """An online clusterer's result depends on the order articles arrive in. Order 0 is the
    order given (the one the main figure uses); the others are shuffles with seeds 1..orders-1.

    >>> import numpy as np
    >>> v = np.eye(384, dtype=np.float32)
    >>> feats = [StoryFeatures(v[i % 2], frozenset(), None) for i in range(4)]
    >>> order_spread(["a", "b", "a", "b"], feats, orders=3).mean
    1.0
    """
    scores = []
    for seed in range(orders):
        index = list(range(len(gold)))
        if seed:
            random.Random(seed).shuffle(index)
        predicted = run_parallax([features[i] for i in index], params)
        scores.append(b_cubed([gold[i] for i in index], predicted).f1)
    mean = sum(scores) / len(scores)
    sd = (sum((x - mean) ** 2 for x in scores) / len(scores)) ** 0.5
    return OrderSpread(orders, mean, sd, min(scores), max(scores))


def _tfidf(docs: Sequence[EcbDoc], fit: Sequence[EcbDoc]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1)
    vectorizer.fit([d.text for d in fit])
    return vectorizer.transform([d.text for d in docs]).toarray()


def run_tfidf(docs: Sequence[EcbDoc], threshold: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering

    matrix = _tfidf(docs, docs)
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    )
    return [int(x) for x in model.fit_predict(matrix)]


def tune_tfidf(docs: Sequence[EcbDoc]) -> float:
    """The baseline's distance threshold with the best B-cubed F1 on `docs` (the train split)."""
    gold = [d.cluster for d in docs]
    grid = [round(0.50 + 0.025 * i, 3) for i in range(19)]
    return max(grid, key=lambda t: b_cubed(gold, run_tfidf(docs, t)).f1)


@dataclass(frozen=True, slots=True)
class PairScore:
    pairs: int
    parallax: float
    tfidf: float


def score_semeval_pairs(path: Path, embedder: Embedder, limit: int | None = None) -> PairScore:
    """Pearson r between same-story scores and SemEval-2022 Task 8 "Overall" similarity.

    Gold runs from 1 (same story) to 4 (unrelated), so it is negated: a higher r is better.
    Parallax's score is the clusterer's article-to-story score with the other article as the
    story; the baseline is TF-IDF cosine fitted on the same texts.
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = rows[:limit] if limit else rows
    texts = [t for r in rows for t in (r["text1"], r["text2"])]
    docs = [EcbDoc(f"{i}", "", t.strip()) for i, t in enumerate(texts)]
    features = prepare(docs, embedder)
    clusterer = StoryClusterer()
    clusterer._next_article = len(features)
    for f in features:
        clusterer.key_counts.update(f.keys)
    ours = []
    for i in range(len(rows)):
        story = StoryClusterer()
        story.assign(features[2 * i + 1])
        ours.append(clusterer.score(features[2 * i], next(iter(story.stories.values()))))
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    theirs = [
        float((matrix[2 * i] @ matrix[2 * i + 1].T).toarray()[0, 0]) for i in range(len(rows))
    ]
    gold = [-float(r["Overall"]) for r in rows]
    return PairScore(
        len(rows),
        float(np.corrcoef(ours, gold)[0, 1]),
        float(np.corrcoef(theirs, gold)[0, 1]),
    )
