"""Shared scoring helpers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean

__all__ = ["PRF", "ShingleCounts", "mean_prf", "shingle_counts"]

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class ShingleCounts:
    """True positives, false positives, false negatives as shares of one page's shingles."""

    tp: float
    fp: float
    fn: float
    exact: bool


def shingle_counts(gold: str, predicted: str, n: int = 4) -> ShingleCounts:
    """Compare word 4-gram multisets of two texts, normalized so each page weighs the same."""
    gold_tokens, pred_tokens = _TOKEN.findall(gold or ""), _TOKEN.findall(predicted or "")
    g, p = _shingles(gold_tokens, n), _shingles(pred_tokens, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    scale = 1 / total if total else 1.0
    return ShingleCounts(tp * scale, fp * scale, fn * scale, gold_tokens == pred_tokens)


def _shingles(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def mean_prf(pages: list[ShingleCounts]) -> PRF:
    """Page-averaged precision and recall (pages with nothing to score on a side are skipped)."""

    def precision(c: ShingleCounts) -> float:
        if c.fp == c.fn == 0:
            return 1.0
        return c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0

    def recall(c: ShingleCounts) -> float:
        if c.fp == c.fn == 0:
            return 1.0
        return c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0

    ps = [precision(c) for c in pages if c.tp + c.fp > 0]
    rs = [recall(c) for c in pages if c.tp + c.fn > 0]
    return PRF(mean(ps) if ps else 0.0, mean(rs) if rs else 0.0)
