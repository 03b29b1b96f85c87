"""Shared scoring helpers."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from statistics import mean

__all__ = ["PRF", "ShingleCounts", "b_cubed", "mean_prf", "pairwise", "shingle_counts"]

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


def b_cubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """B-cubed precision and recall of a clustering: per item, the share of its predicted
    cluster in its gold one, and of its gold cluster in its predicted one, averaged.

    >>> round(b_cubed(["a", "a", "b"], [1, 1, 1]).precision, 4)
    0.5556
    """
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    by_pred: dict[Hashable, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        both = len(by_gold[g] & by_pred[p])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    n = len(gold) or 1
    return PRF(precision / n, recall / n)


def pairwise(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> PRF:
    """Precision and recall of the item pairs put in one cluster."""
    same_gold = same_pred = both = 0
    for i, j in combinations(range(len(gold)), 2):
        g, p = gold[i] == gold[j], predicted[i] == predicted[j]
        same_gold += g
        same_pred += p
        both += g and p
    return PRF(both / same_pred if same_pred else 0.0, both / same_gold if same_gold else 0.0)
