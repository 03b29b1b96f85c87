"""Long-running jobs the interfaces call: ingest into a store, run the demo."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.clean import clean_article
from parallax.errors import InputError
from parallax.ingest import ReadOptions, expand_inputs, read_input
from parallax.model import Article, RawArticle
from parallax.nlp import NlpSettings, analyze_articles
from parallax.report import render_report
from parallax.store import Store
from parallax.stories.cluster import StoryFeatures, features_of
from parallax.stories.embed import article_text, load_embedder

if TYPE_CHECKING:
    from parallax.framing.classify import Framer

__all__ = [
    "DemoResult",
    "IngestReport",
    "find_sample_corpus",
    "ingest_into",
    "run_demo",
    "write_story_pages",
]

Progress = Callable[[str, Counter[str]], None]


@dataclass
class IngestReport:
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def ingest_into(
    store: Store,
    inputs: Iterable[str],
    options: ReadOptions | None = None,
    *,
    on_file: Progress | None = None,
    nlp: NlpSettings | None = None,
    analyze: bool = True,
    stories: bool = True,
    framer: Framer | None = None,
) -> IngestReport:
    """Read, clean, analyze (entities, quotes, time; with a `framer`, also entity roles and
    narratives), embed and store every article of `inputs`, assigning each new one to a story.

    Each article is stored in its own transaction with its analyses and its story, so an
    interrupted run leaves no half-written article; every 256 articles and at the end, the
    stories of the recent ones are reconsidered together (`Store.refine_stories`). An article already stored from the same
    source is counted as unchanged before any analysis, so a re-run costs little; a copy of an
    article stored from another source (wire copy) is linked to it without being analyzed.
    `on_file(path, outcomes)` is called after each input file.
    """
    options = options or ReadOptions()
    report = IngestReport()
    for path in expand_inputs(inputs):
        if isinstance(path, InputError):
            report.errors.append(path)
            continue
        cleaned = _cleaned(read_input(path, options), report)
        while batch := list(islice(cleaned, 64)):
            stored = [store.is_stored(a) for a in batch]
            report.outcomes["unchanged"] += sum(stored)
            batch = [a for a, known in zip(batch, stored, strict=True) if not known]
            copies = [store.is_copy(a) for a in batch]
            for article in (a for a, copy in zip(batch, copies, strict=True) if copy):
                report.outcomes[store.add(article)] += 1  # linked to its kept article
            batch = [a for a, copy in zip(batch, copies, strict=True) if not copy]
            if not batch:
                continue
            ready = list(analyze_articles(batch, nlp)) if analyze else batch
            if analyze and framer is not None:
                ready = framer.frame(ready)
            features = _story_features(ready) if stories else [None] * len(ready)
            for article, feature in zip(ready, features, strict=True):
                report.outcomes[store.add(article, feature)] += 1
        if on_file:
            on_file(path, report.outcomes)
    if stories:
        store.refine_stories()  # the last articles' stories, reconsidered together
    return report


def _story_features(batch: list[Article]) -> list[StoryFeatures | None]:
    vectors = load_embedder().encode([article_text(a) for a in batch])
    return [features_of(a, v) for a, v in zip(batch, vectors, strict=True)]


def _cleaned(results: Iterable[RawArticle | InputError], report: IngestReport) -> Iterator[Article]:
    for result in results:
        if isinstance(result, InputError):
            report.errors.append(result)
        else:
            yield clean_article(result)


def write_story_pages(store: Store, out_dir: Path) -> list[tuple[str, str]]:
    """One comparison page per story with two or more outlets; returns (title, file name)."""
    from parallax.report.compare import comparison_html
    from parallax.stories.compare import compare_articles

    pages = []
    for story in store.stories(limit=10_000):
        if len(story["outlets"]) < 2:
            continue
        articles = store.story_articles(story["id"])
        title = f"Story {story['id']}: {story['title'] or '(untitled)'}"
        name = f"story-{story['id']}.html"
        html = comparison_html(title, compare_articles(articles), articles)
        (out_dir / name).write_text(html, encoding="utf-8")
        pages.append((title, name))
    return pages


def find_sample_corpus() -> Path:
    """The bundled fictional corpus: `data/sample` in the working folder or the source tree."""
    for candidate in (Path("data/sample"), Path(__file__).resolve().parents[2] / "data" / "sample"):
        if candidate.is_dir():
            return candidate
    raise InputError(
        "data/sample", "the bundled sample corpus is not here (run from the repository root)"
    )


@dataclass
class DemoResult:
    db: Path
    report: Path
    ingest: IngestReport
    articles: int


def run_demo(
    out_dir: Path, corpus: Path | None = None, *, on_file: Progress | None = None
) -> DemoResult:
    """Ingest the sample corpus (with framing) into `out_dir/demo.db` and write
    `out_dir/report.html`."""
    from parallax.framing.classify import Framer

    corpus = corpus or find_sample_corpus()
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "demo.db"
    store = Store(str(db))
    report = ingest_into(store, [str(corpus)], on_file=on_file, framer=Framer())
    pages = write_story_pages(store, out_dir)
    html = render_report(
        store.iter_articles(),
        title="Parallax demo: the bundled sample corpus",
        failures=[str(e) for e in report.errors],
        stories=pages,
    )
    target = out_dir / "report.html"
    target.write_text(html, encoding="utf-8")
    return DemoResult(db=db, report=target, ingest=report, articles=store.count())
