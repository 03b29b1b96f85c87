"""Whole-article goldens: `parallax analyze` (cleaning, entities, quotes) on the sample corpus.

Update with `make golden` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parallax.model import Article
from parallax.nlp import analyze_articles
from parallax.pipeline import analyze_inputs

from ..conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "sample.jsonl"


def current() -> list[dict[str, object]]:
    cwd = Path.cwd()
    os.chdir(ROOT)  # sources are recorded relative to the repository root
    try:
        cleaned = [a for a in analyze_inputs(["data/sample"]) if isinstance(a, Article)]
        return [a.to_dict() for a in analyze_articles(cleaned)]
    finally:
        os.chdir(cwd)


def test_sample_corpus_matches_golden() -> None:
    if not GOLDEN.exists():
        pytest.fail("no golden file: run `make golden` and review it")
    expected = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines()]
    assert current() == expected


if __name__ == "__main__":
    GOLDEN.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in current()), encoding="utf-8"
    )
    print(f"wrote {GOLDEN}")
