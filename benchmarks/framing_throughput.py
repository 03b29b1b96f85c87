"""Throughput of the framing stage (entity roles + narratives) on 2 CPU threads.

The workload is SemEval-2025 T10 English documents (real news and blog articles) when
`../shared/data/semeval2025t10-en` is present, else the bundled sample corpus repeated. The
entities stage runs first, untimed (roles need its mentions). Timed: `Framer.frame`
(sentence split, int8-single MiniLM on ONNX Runtime for sentence and mention vectors, every head,
evidence). Baseline in the same run: plain fp32 all-MiniLM-L6-v2 (sentence-transformers on
PyTorch) embedding the same sentences, no heads. Target: >= 20 articles/s.

    python benchmarks/framing_throughput.py              # 200 articles
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from timing import report, sample_articles

from parallax.framing.classify import Framer
from parallax.framing.encoder import MAX_SENTENCES, FramingEncoder, sentence_spans
from parallax.model import Article
from parallax.nlp import analyze_articles
from parallax.stories.embed import MiniLMEmbedder

ROOT = Path(__file__).resolve().parents[1]
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2025t10-en" / "train" / "raw-documents"


def workload(count: int) -> tuple[str, list[Article]]:
    articles: list[Article] = []
    if SEMEVAL.is_dir():
        for path in sorted(SEMEVAL.glob("*.txt"))[:count]:
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
            articles.append(
                Article(id=path.stem, source=str(path), title=title, paragraphs=paragraphs)
            )
        return f"{len(articles)} SemEval-2025 T10 English documents", articles
    return sample_articles(count)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2, help="Best of this many runs each.")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    name, articles = workload(args.articles)
    articles = list(analyze_articles(articles))
    words = sum(len(a.body.split()) for a in articles)
    print(f"workload: {name}, {words} words; {args.threads} threads")
    framer = Framer(encoder=FramingEncoder(threads=args.threads))
    plain = MiniLMEmbedder(batch_size=64)
    framer.frame(articles[:4])  # warm-up and load
    texts = []
    for a in articles:
        texts += ([a.title] if a.title else []) + [
            a.body[s:e] for s, e in sentence_spans(a.body, MAX_SENTENCES)
        ]

    def baseline() -> None:
        plain.encode(texts)

    def ours() -> None:
        for start in range(0, len(articles), 32):
            framer.frame(articles[start : start + 32])

    report(
        len(articles),
        "articles",
        ("fp32 MiniLM, same sentences", baseline),
        ("parallax framing", ours),
        rounds=args.rounds,
        target=1.0,
    )


if __name__ == "__main__":
    main()
