"""Throughput of the NLP stage (entities + quotes) next to bare spaCy on the same texts.

The workload is PolNeAR's article texts when `../shared/data/polnear` is present, else the
bundled sample corpus repeated. Both sides use the same model and `nlp.pipe` batch size; the
baseline only parses, Parallax parses and then runs its entity and quote rules on every doc.

    python benchmarks/nlp_throughput.py              # 200 articles
    python benchmarks/nlp_throughput.py --articles 84 --model en_core_web_sm
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import report, sample_articles

from parallax.model import Article
from parallax.nlp import NlpSettings, analyze_articles, load_nlp
from parallax.nlp.pipeline import OWN_COMPONENTS

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def workload(count: int) -> tuple[str, list[Article]]:
    texts: list[Article] = []
    if (POLNEAR / "train" / "text").is_dir():
        for path in sorted((POLNEAR / "train" / "text").glob("*.txt"))[:count]:
            body = path.read_text(encoding="utf-8")
            texts.append(Article(id=path.stem, source=str(path), title=None, paragraphs=[body]))
        return f"{len(texts)} PolNeAR train articles", texts
    return sample_articles(count)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--model", default=NlpSettings().model)
    parser.add_argument("--rounds", type=int, default=2, help="Best of this many runs each.")
    args = parser.parse_args()
    name, articles = workload(args.articles)
    settings = NlpSettings(model=args.model)
    nlp = load_nlp(args.model)
    words = sum(len(a.body.split()) for a in articles)
    print(f"workload: {name}, {words} words; model {args.model}; batch {settings.batch_size}")
    list(nlp.pipe([a.body for a in articles[:8]]))  # warm-up

    def bare() -> None:  # spaCy as it ships, without the components Parallax adds
        with nlp.select_pipes(disable=[c for c in OWN_COMPONENTS if c in nlp.pipe_names]):
            for _ in nlp.pipe((a.body for a in articles), batch_size=settings.batch_size):
                pass

    def ours() -> None:
        for _ in analyze_articles(iter(articles), settings):
            pass

    report(
        len(articles),
        "articles",
        ("baseline spaCy nlp.pipe", bare),
        ("parallax entities + quotes", ours),
        rounds=args.rounds,
        target=0.75,
    )


if __name__ == "__main__":
    main()
