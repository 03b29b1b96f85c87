"""Memory stays flat while analyzing a large JSON Lines file.

Generates a JSONL file of the requested size (default 1 GB) from the sample corpus' paragraphs,
streams it through the Parallax pipeline (read + clean, no store), and samples resident memory
along the way. The baseline, run in the same process before Parallax, is the bare minimum any
reader must do: `json.loads` on each line.

    python benchmarks/ingest_memory.py            # 1 GB
    python benchmarks/ingest_memory.py --size-mb 200
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parallax.errors import InputError
from parallax.pipeline import analyze_inputs

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, size_mb: int) -> int:
    paragraphs = [
        a.paragraphs for a in analyze_inputs([str(SAMPLE)]) if not isinstance(a, InputError)
    ]
    pool = [p for ps in paragraphs for p in ps] + [
        "Most read in The Example Times",
        "Sign up for our newsletter to get the top stories in your inbox.",
    ]
    rng = random.Random(7)
    target, written, n = size_mb * 1024 * 1024, 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            n += 1
            body = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(6, 14)))
            line = (
                json.dumps(
                    {
                        "id": n,
                        "title": f"Story {n}",
                        "text": body,
                        "source": "Example Times",
                        "date": "2026-03-0" + str(n % 9 + 1),
                    }
                )
                + "\n"
            )
            handle.write(line)
            written += len(line.encode("utf-8"))
    return n


def measure(
    name: str, records: int, run: Callable[[Callable[[int], None]], int]
) -> dict[str, float]:
    samples: list[float] = []
    checkpoints = {max(1, records * k // 10) for k in range(1, 11)}

    def tick(i: int) -> None:
        if i in checkpoints:
            samples.append(rss_mb())

    start = time.perf_counter()
    count = run(tick)
    elapsed = time.perf_counter() - start
    first, last, peak = samples[0], samples[-1], max(samples)
    print(
        f"{name:<22} {count:>9} records  {count / elapsed:>9.0f} rec/s  RSS at 10% {first:7.1f} MB  at 100% {last:7.1f} MB  peak {peak:7.1f} MB  growth {last - first:+.1f} MB"
    )
    return {"rate": count / elapsed, "peak": peak, "growth": last - first}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.jsonl"
        records = generate(path, args.size_mb)
        print(f"workload: {path.stat().st_size / 1e6:.0f} MB JSONL, {records} records")

        def baseline(tick: Callable[[int], None]) -> int:
            n = 0
            with path.open("rb") as handle:
                for line in handle:
                    json.loads(line)
                    n += 1
                    tick(n)
            return n

        def parallax(tick: Callable[[int], None]) -> int:
            n = 0
            for _ in analyze_inputs([str(path)]):
                n += 1
                tick(n)
            return n

        base = measure("baseline json.loads", records, baseline)
        ours = measure("parallax read+clean", records, parallax)
        print(
            f"ratio: parallax peak RSS / baseline peak RSS = {ours['peak'] / base['peak']:.2f}; throughput ratio = {ours['rate'] / base['rate']:.3f}"
        )


if __name__ == "__main__":
    main()
