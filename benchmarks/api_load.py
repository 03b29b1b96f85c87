"""Load on the API over loopback: 200 concurrent clients for 30 s, p95 latency printed.

Builds a store from the bundled sample corpus in a temporary folder, starts `parallax serve`
on 127.0.0.1 in a subprocess, and runs the clients (asyncio + httpx) against a mix of API and
page requests. The baseline in the same run is the same clients on `/openapi.json` (a cached
document: the server's floor). Every request loop is bounded in time and stops by itself.

    python benchmarks/api_load.py                      # 200 clients, 30 s (+10 s baseline)
    python benchmarks/api_load.py --clients 50 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from parallax.jobs import find_sample_corpus, ingest_into
from parallax.store import Store

MIX = [
    "/api/stories?limit=20",
    "/api/articles?limit=20",
    "/api/quotes?speaker=holm",
    "/api/entities?q=lind",
    "/api/timeline?q=tram",
    "/",
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(
    base: str, paths: list[str], until: float, out: list[float], errors: list[str]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = 0
        while time.monotonic() < until:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            out.append(time.perf_counter() - start)


def _run(
    base: str, paths: list[str], clients: int, seconds: float
) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds

    async def main() -> None:
        await asyncio.gather(
            *(_client(base, paths, until, latencies, errors) for _ in range(clients))
        )

    asyncio.run(main())
    return latencies, errors


def _report(name: str, latencies: list[float], errors: list[str], seconds: float) -> float:
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan")
    print(
        f"{name:<28} {len(latencies):6d} requests  {len(latencies) / seconds:7.1f}/s  "
        f"p50 {1e3 * statistics.median(ordered):7.1f} ms  p95 {1e3 * p95:7.1f} ms  "
        f"errors {len(errors)}"
    )
    for line in sorted(set(errors))[:5]:
        print(f"  error: {line}")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "load.db")
        ingest_into(Store(db), [str(find_sample_corpus())])
        port = _port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "parallax.cli", "serve", "--db", db, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.3)
            print(f"workload: {args.clients} clients over loopback, sample-corpus store, {base}")
            ours = _report(
                "API and pages (mixed)", *_run(base, MIX, args.clients, args.seconds), args.seconds
            )
            floor_seconds = max(5.0, args.seconds / 3)
            floor = _report(
                "baseline: /openapi.json",
                *_run(base, ["/openapi.json"], args.clients, floor_seconds),
                floor_seconds,
            )
            print(f"ratio: p95 mixed / p95 baseline = {ours / floor:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
