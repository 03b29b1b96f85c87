"""Score debris removal on hand-labelled paragraphs.

Two gold sets: real scraped documents from SemEval-2025 Task 10 (labels in
`data/gold/cleaning-semeval2025t10.tsv`, texts read from `../shared/data`), and the project's
own fictional corpus (labels in `data/gold/cleaning-sample.tsv`).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from parallax.clean import find_debris
from parallax.ingest.options import ReadOptions
from parallax.ingest.sources import read_input
from parallax.model import RawArticle

__all__ = ["CleaningScore", "gold_sets", "load_gold", "score_cleaning"]

GOLD_DIR = Path(__file__).resolve().parents[3] / "data" / "gold"


@dataclass
class CleaningScore:
    name: str
    documents: int = 0
    content: int = 0
    debris: int = 0
    content_kept: int = 0
    debris_removed: int = 0
    lost: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    by_reason: Counter[str] = field(default_factory=Counter)

    @property
    def content_precision(self) -> float:
        """Share of content paragraphs kept (the issue's "no content lost" figure)."""
        return self.content_kept / self.content if self.content else 1.0

    @property
    def debris_recall(self) -> float:
        return self.debris_removed / self.debris if self.debris else 1.0

    @property
    def removal_precision(self) -> float:
        removed = self.debris_removed + (self.content - self.content_kept)
        return self.debris_removed / removed if removed else 1.0


def load_gold(path: Path) -> dict[str, dict[int, str]]:
    """{document name: {debris paragraph index: reason}}; listed documents with no debris map to {}."""
    gold: dict[str, dict[int, str]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)
        for name, paragraph, label, *reason in rows:
            doc = gold.setdefault(name, {})
            if paragraph != "*" and label == "debris":
                doc[int(paragraph)] = reason[0] if reason else "debris"
    return gold


def score_cleaning(name: str, gold: dict[str, dict[int, str]], root: Path) -> CleaningScore:
    """Run the debris finder over each gold document read from `root` and count agreement.

    A gold name may carry `#N` (a record of a multi-record file); it is then matched by source.
    """
    score = CleaningScore(name)
    articles = _read_documents(gold, root)
    for doc, labels in gold.items():
        raw = articles.get(doc)
        if raw is None:
            raise FileNotFoundError(f"gold document not found under {root}: {doc}")
        score.documents += 1
        found = {m.index: m.reason for m in find_debris(raw.paragraphs, raw.title)}
        for i, text in enumerate(raw.paragraphs):
            if i in labels:
                score.debris += 1
                if i in found:
                    score.debris_removed += 1
                    score.by_reason[labels[i]] += 1
                else:
                    score.missed.append(f"{doc}[{i}] ({labels[i]}): {text[:90]}")
            else:
                score.content += 1
                if i in found:
                    score.lost.append(f"{doc}[{i}] (as {found[i]}): {text[:90]}")
                else:
                    score.content_kept += 1
    return score


def _read_documents(gold: dict[str, dict[int, str]], root: Path) -> dict[str, RawArticle]:
    files = sorted({name.split("#")[0] for name in gold})
    found: dict[str, RawArticle] = {}
    for file in files:
        for result in read_input(str(root / file), ReadOptions()):
            if isinstance(result, RawArticle):
                key = result.source.removeprefix(str(root) + "/")
                found[key] = result
    return found


def gold_sets(shared: Path) -> list[tuple[str, dict[str, dict[int, str]], Path]]:
    """The gold sets present here: (name, labels, folder the labelled files are read from)."""
    sets = []
    semeval = shared / "semeval2025t10-en" / "train" / "raw-documents"
    if semeval.is_dir():
        sets.append(
            (
                "semeval2025t10 (real, scraped)",
                load_gold(GOLD_DIR / "cleaning-semeval2025t10.tsv"),
                semeval,
            )
        )
    sample = GOLD_DIR.parent / "sample"
    if (GOLD_DIR / "cleaning-sample.tsv").is_file() and sample.is_dir():
        sets.append(
            ("sample corpus (fictional)", load_gold(GOLD_DIR / "cleaning-sample.tsv"), sample)
        )
    return sets
