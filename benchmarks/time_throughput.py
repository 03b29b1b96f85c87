"""Throughput of the time stage (TIMEX3 recognition and normalization) next to bare spaCy.

The stage runs over a parsed `Doc` (it reads the tense of the verb governing each expression),
so its cost is the parse plus its own pass. The baseline is the parse alone, with the same
model and batch size, on the same texts: TempEval-3 TimeBank when `../shared/data` is present,
else the bundled sample corpus repeated.

    python benchmarks/time_throughput.py
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from timing import report

from parallax.model import Article
from parallax.nlp import NlpSettings, load_nlp
from parallax.nlp.pipeline import OWN_COMPONENTS
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

    def bare() -> None:  # spaCy as it ships, without the components Parallax adds
        with nlp.select_pipes(disable=[c for c in OWN_COMPONENTS if c in nlp.pipe_names]):
            for _ in nlp.pipe((t for t, _ in texts), batch_size=batch):
                pass

    def ours() -> None:
        parsed = nlp.pipe((t for t, _ in texts), batch_size=batch)
        for doc, (text, dct) in zip(parsed, texts, strict=True):
            extract_timexes(text, dct, doc=doc)

    report(
        len(texts),
        "documents",
        ("baseline spaCy nlp.pipe", bare),
        ("parse + time expressions", ours),
        rounds=args.rounds,
        target=0.9,
    )


if __name__ == "__main__":
    main()
