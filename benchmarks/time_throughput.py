"""Throughput of the time stage (TIMEX3 recognition and normalization) next to bare spaCy.

The stage runs over a parsed `Doc` (it reads the tense of the verb governing each expression),
so its cost is the parse plus its own pass. The baseline is the parse alone, with the same
model and batch size, on the same texts: TempEval-3 TimeBank when `../shared/data` is present,
else the bundled sample corpus repeated.

    python benchmarks/time_throughput.py
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import datetime
from pathlib import Path

from parallax.model import Article
from parallax.nlp import NlpSettings, load_nlp
from parallax.nlp.time import extract_timexes
from parallax.pipeline import analyze_inputs

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "data" / "tempeval3" / "Training" / "TBAQ-cleaned" / "TimeBank"


def workload(count: int) -> tuple[str, list[tuple[str, datetime | None]]]:
    if TIMEBANK.is_dir():
        from parallax.eval.time import load_timeml

        docs = load_timeml(TIMEBANK, count)
        return f"{len(docs)} TimeBank documents", [(d.text, d.dct) for d in docs]
    sample = [a for a in analyze_inputs([str(ROOT / "data" / "sample")]) if isinstance(a, Article)]
    texts = [(a.body, a.published) for a in sample]
    return f"{count} sample-corpus articles (repeated)", (texts * (count // len(texts) + 1))[:count]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=183)
    parser.add_argument("--model", default=NlpSettings().model)
    parser.add_argument("--rounds", type=int, default=3, help="Best of this many runs each.")
    args = parser.parse_args()
    name, texts = workload(args.documents)
    nlp = load_nlp(args.model)
    batch = NlpSettings().batch_size
    words = sum(len(t.split()) for t, _ in texts)
    print(f"workload: {name}, {words} words; model {args.model}; batch {batch}")
    list(nlp.pipe([t for t, _ in texts[:8]]))  # warm-up

    def bare() -> float:
        start = time.perf_counter()
        for _ in nlp.pipe((t for t, _ in texts), batch_size=batch):
            pass
        return time.perf_counter() - start

    def ours() -> float:
        start = time.perf_counter()
        for doc, (text, dct) in zip(
            nlp.pipe((t for t, _ in texts), batch_size=batch), texts, strict=True
        ):
            extract_timexes(text, dct, doc=doc)
        return time.perf_counter() - start

    base = min(bare() for _ in range(args.rounds))
    mine = min(ours() for _ in range(args.rounds))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"baseline spaCy nlp.pipe        {len(texts) / base:8.1f} documents/s")
    print(f"parse + time expressions       {len(texts) / mine:8.1f} documents/s")
    print(f"ratio parallax / baseline = {base / mine:.3f} (target >= 0.9); peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
