"""Score HTML body extraction on the article-extraction benchmark (181 pages with gold bodies).

Parallax (trafilatura + the cleaning stage) is scored beside plain `trafilatura.extract` in
the same run, with the benchmark's metric: word 4-gram shingles, per-page normalized counts,
precision and recall averaged over pages, F1 of the averages.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from parallax.clean import clean_article
from parallax.errors import InputError
from parallax.eval.metrics import PRF, ShingleCounts, mean_prf, shingle_counts
from parallax.ingest.decode import decode_bytes
from parallax.ingest.html import read_html

__all__ = ["ExtractionResult", "evaluate_extraction", "parallax_body", "trafilatura_body"]

Extractor = Callable[[str], str]


@dataclass
class ExtractionResult:
    name: str
    pages: list[ShingleCounts] = field(default_factory=list)

    @property
    def score(self) -> PRF:
        return mean_prf(self.pages)

    @property
    def accuracy(self) -> float:
        return sum(p.exact for p in self.pages) / len(self.pages) if self.pages else 0.0


def trafilatura_body(markup: str) -> str:
    """The baseline: trafilatura's default text extraction."""
    return trafilatura.extract(markup) or ""


def parallax_body(markup: str) -> str:
    """Parallax's clean body for a page (empty when the page yields no article)."""
    try:
        return clean_article(read_html(markup, "page.html")).body
    except InputError:
        return ""


def evaluate_extraction(
    root: Path, *, limit: int | None = None, extractors: dict[str, Extractor] | None = None
) -> list[ExtractionResult]:
    """Score each extractor on the benchmark under `root` (ground-truth.json + html/*.html.gz)."""
    extractors = extractors or {"parallax": parallax_body, "trafilatura": trafilatura_body}
    truth: dict[str, dict[str, str]] = json.loads((root / "ground-truth.json").read_text("utf-8"))
    results = {name: ExtractionResult(name) for name in extractors}
    for key in sorted(truth)[:limit]:
        markup = decode_bytes(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), key)
        gold = truth[key].get("articleBody", "")
        for name, extract in extractors.items():
            results[name].pages.append(shingle_counts(gold, extract(markup)))
    return list(results.values())
