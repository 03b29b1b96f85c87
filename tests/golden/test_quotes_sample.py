"""Hand-made quote gold on the fictional corpus: each quote found, with its speaker and kind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parallax.model import Article
from parallax.nlp import analyze_articles
from parallax.pipeline import analyze_inputs

from ..conftest import ROOT

GOLD = ROOT / "data" / "gold" / "quotes-sample.tsv"


def _gold() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in GOLD.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, speaker, kind, snippet = line.split("\t")
            rows.append((source, speaker, kind, snippet))
    return rows


@pytest.fixture(scope="module")
def analyzed() -> dict[str, Article]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        cleaned = [a for a in analyze_inputs(["data/sample"]) if isinstance(a, Article)]
        return {a.source: a for a in analyze_articles(cleaned)}
    finally:
        os.chdir(cwd)


def test_gold_covers_every_sample_article(analyzed: dict[str, Article]) -> None:
    assert {row[0] for row in _gold()} == set(analyzed)


@pytest.mark.parametrize(("source", "speaker", "kind", "snippet"), _gold())
def test_quote_found_with_its_speaker(
    analyzed: dict[str, Article], source: str, speaker: str, kind: str, snippet: str
) -> None:
    quotes = analyzed[source].quotes or []
    found = [q for q in quotes if snippet in q.text]
    assert found, f"no quote containing {snippet!r}: {[q.text for q in quotes]}"
    assert (found[0].speaker, found[0].kind) == (speaker, kind)
