"""What the throughput benchmarks share: best-of-N timing and the report against a baseline."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from pathlib import Path

from parallax.model import Article
from parallax.pipeline import analyze_inputs

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def sample_articles(count: int) -> tuple[str, list[Article]]:
    """The bundled sample corpus, repeated to `count` articles (when shared data is absent)."""
    sample = [a for a in analyze_inputs([str(SAMPLE)]) if isinstance(a, Article)]
    articles: list[Article] = []
    while len(articles) < count:
        articles.extend(sample)
    return f"{count} sample-corpus articles (repeated)", articles[:count]


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def report(
    items: int,
    unit: str,
    baseline: tuple[str, Callable[[], object]],
    ours: tuple[str, Callable[[], object]],
    *,
    rounds: int,
    target: float,
) -> None:
    """Best of `rounds` for each side, then items/s, the ratio against its target, peak RSS.
    The rounds alternate (baseline, ours, baseline, ...), so a slow spell of a shared machine
    falls on both sides rather than on one."""
    base = mine = float("inf")
    for _ in range(rounds):
        base = min(base, seconds(baseline[1]))
        mine = min(mine, seconds(ours[1]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{baseline[0]:<30} {items / base:8.1f} {unit}/s")
    print(f"{ours[0]:<30} {items / mine:8.1f} {unit}/s")
    print(
        f"ratio parallax / baseline = {base / mine:.3f} (target >= {target}); peak RSS {peak:.0f} MB"
    )
