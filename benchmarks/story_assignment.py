"""Story assignment speed once embeddings exist, and embedding throughput, separately.

Assignment: N synthetic articles (default 100,000) drawn around N/10 story centres, with entity
keys and dates, fed to the online clusterer one by one (vector-index candidates), with the
refinement pass over each window of recent articles that ingest runs. The baseline
in the same run is the same scoring against every story (a linear scan), on the first 10,000
articles, to show what the index saves; its per-article cost is printed beside ours.
Embedding: the MiniLM forms Parallax runs on ONNX Runtime (float for stories, int8-single for
framing, int8 for the loaded-language model) and, in the same run, the float model through
sentence-transformers (the baseline), on the bundled sample corpus: articles/s and the ratios.

    python benchmarks/story_assignment.py                 # 100k
    python benchmarks/story_assignment.py --articles 20000
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date, timedelta

import numpy as np

from parallax.eval.metrics import b_cubed
from parallax.minilm import MiniLM
from parallax.model import Article
from parallax.pipeline import analyze_inputs
from parallax.stories.cluster import REFINE_WINDOW, StoryClusterer, StoryFeatures
from parallax.stories.embed import (
    DIMENSIONS,
    MAX_TOKENS,
    MiniLMEmbedder,
    article_text,
    load_embedder,
)


def synthetic(n: int, seed: int = 5) -> list[StoryFeatures]:
    rng = np.random.default_rng(seed)
    stories = max(1, n // 10)
    centres = rng.normal(size=(stories, DIMENSIONS)).astype(np.float32)
    start = date(2026, 1, 1)
    items = []
    for i in range(n):
        s = int(rng.integers(stories))
        v = centres[s] + rng.normal(scale=0.6, size=DIMENSIONS).astype(np.float32)
        v /= np.linalg.norm(v)
        keys = frozenset({f"PERSON:p{s}", f"ORG:o{s % 997}", f"GPE:g{int(rng.integers(50))}"})
        day = start + timedelta(days=int(s % 365) + int(rng.integers(3)))
        items.append(StoryFeatures(v, keys, day, frozenset({f"PERSON:p{s}"})))
        del i
    return items


class LinearScan(StoryClusterer):
    """The same scoring against every story: what the index is there to avoid."""

    def candidates(self, vector: np.ndarray, hits: object = None) -> set[int]:  # type: ignore[override]
        return set(self.stories)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=10_000)
    args = parser.parse_args()
    items = synthetic(args.articles)
    print(f"workload: {args.articles} synthetic articles around {args.articles // 10} stories")

    clusterer = StoryClusterer()
    start = time.perf_counter()
    stories = clusterer.assign_all(items, window=REFINE_WINDOW)  # refined every window, as ingest
    ours = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"parallax (index)      {args.articles} assigned in {ours:6.1f} s "
        f"({args.articles / ours:8.0f}/s, {1e3 * ours / args.articles:.3f} ms each), "
        f"{len(clusterer.stories)} stories; peak RSS {peak:.0f} MB (target: < 60 s)"
    )
    drawn = [next(iter(f.anchors)) for f in items]  # the story each article was drawn around
    quality = b_cubed(drawn, stories)
    print(
        f"quality: B-cubed against the {len(set(drawn))} stories drawn: precision "
        f"{quality.precision:.4f}, recall {quality.recall:.4f}, F1 {quality.f1:.4f}"
    )
    count = min(args.baseline, args.articles)
    scan = LinearScan()
    start = time.perf_counter()
    for features in items[:count]:
        scan.assign(features)
    base = time.perf_counter() - start
    print(
        f"baseline (linear scan) {count} assigned in {base:6.1f} s "
        f"({1e3 * base / count:.3f} ms each, growing with the number of stories)"
    )
    print(
        f"ratio: per-article time baseline / parallax = {(base / count) / (ours / args.articles):.2f}"
    )

    sample = [a for a in analyze_inputs(["data/sample"]) if isinstance(a, Article)] * 8
    texts = [article_text(a) for a in sample]
    speeds = {}
    for name, embedder in (
        ("float MiniLM (sentence-transformers)", MiniLMEmbedder()),
        ("float MiniLM (parallax stories, ONNX Runtime)", load_embedder()),
        (
            "int8-single MiniLM (parallax framing's form, ONNX Runtime)",
            MiniLM(max_tokens=MAX_TOKENS, form="int8-single"),
        ),
        ("int8 MiniLM (parallax loaded terms, ONNX Runtime)", MiniLM(max_tokens=MAX_TOKENS)),
    ):
        embedder.encode(texts[:1])
        start = time.perf_counter()
        embedder.encode(texts)
        took = time.perf_counter() - start
        speeds[name] = len(texts) / took
        print(f"embedding, {name}: {len(texts)} articles in {took:.1f} s = {speeds[name]:.1f}/s")
    base, ours, single, int8 = speeds.values()
    print(f"ratio: embedding speed parallax float / sentence-transformers = {ours / base:.2f}")
    print(f"ratio: embedding speed int8-single / sentence-transformers = {single / base:.2f}")
    print(f"ratio: embedding speed int8 / sentence-transformers = {int8 / base:.2f}")


if __name__ == "__main__":
    main()
