"""What the throughput benchmarks share: best-of-N timing and the report against a baseline."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable


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
    """Best of `rounds` for each side, then items/s, the ratio against its target, peak RSS."""
    base = min(seconds(baseline[1]) for _ in range(rounds))
    mine = min(seconds(ours[1]) for _ in range(rounds))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{baseline[0]:<30} {items / base:8.1f} {unit}/s")
    print(f"{ours[0]:<30} {items / mine:8.1f} {unit}/s")
    print(
        f"ratio parallax / baseline = {base / mine:.3f} (target >= {target}); peak RSS {peak:.0f} MB"
    )
