"""The loaded-language model: which words beyond the hand-written lexicon read as evaluative.

The lexicon (`loaded_terms.txt`) names loaded words outright; it cannot name them all. The
model places a word by meaning: its int8 MiniLM vector (`parallax.minilm`) is compared with the
lexicon's words and with plain news words (`neutral_terms.txt`). Its score is the mean cosine
to its `k` nearest lexicon words minus the mean cosine to its `k` nearest plain words; a word
scoring at least `threshold` is evaluative. The comparison asks it only about the adjectives
and adverbs an outlet uses (spaCy's tags), the parts of speech that carry judgement.

`threshold` (0.05) was set on the two word lists alone by `calibrate_threshold`: the lowest
margin (in steps of 0.01) at which words held out of them (five folds) are flagged with
precision of at least 0.99. `parallax eval loaded` prints that calibration again and scores the
model on hand-labelled words of real articles, beside flagging every adjective and adverb.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from parallax.minilm import MiniLM, Vectors

__all__ = ["THRESHOLD", "LoadedTermModel", "calibrate_threshold", "load_loaded_model", "word_list"]

THRESHOLD = 0.05
_NEAREST = 3
_MAX_TOKENS = 16


def word_list(name: str) -> frozenset[str]:
    """A shipped word list of `parallax.stories` (one word a line, `#` comments)."""
    text = resources.files("parallax.stories").joinpath(name).read_text("utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


class LoadedTermModel:
    """Scores words by how much nearer they sit to loaded words than to plain ones."""

    def __init__(
        self,
        loaded: Iterable[str],
        neutral: Iterable[str],
        *,
        encoder: MiniLM | None = None,
        threshold: float = THRESHOLD,
    ) -> None:
        self._encoder = encoder or MiniLM(max_tokens=_MAX_TOKENS, batch_size=64)
        self.threshold = threshold
        self.loaded = sorted(set(loaded))
        self.neutral = sorted(set(neutral) - set(self.loaded))
        self._loaded_vectors = self._encoder.encode(self.loaded)
        self._neutral_vectors = self._encoder.encode(self.neutral)
        self._cache: dict[str, float] = {}

    def scores(self, words: Sequence[str]) -> dict[str, float]:
        """The score of each word (lower-cased); the lists' own words score as they are
        listed: the lexicon's +1, the plain words' -1."""
        out: dict[str, float] = {}
        todo = []
        for word in dict.fromkeys(w.casefold() for w in words):
            if word in self._cache:
                out[word] = self._cache[word]
            elif word in self.loaded or word in self.neutral:
                out[word] = 1.0 if word in self.loaded else -1.0
            else:
                todo.append(word)
        if todo:
            vectors = self._encoder.encode(todo)
            for word, value in zip(
                todo, margin(vectors, self._loaded_vectors, self._neutral_vectors), strict=True
            ):
                self._cache[word] = out[word] = value
        return out

    def calibrate(self) -> float:
        """`calibrate_threshold` on this model's own word lists."""
        return calibrate_threshold(self._loaded_vectors, self._neutral_vectors)

    def evaluative(self, words: Sequence[str]) -> dict[str, float]:
        """The words (not in either list) the model reads as evaluative, with their scores."""
        return {
            w: s
            for w, s in self.scores(words).items()
            if s >= self.threshold and w not in self.loaded and w not in self.neutral
        }


def margin(
    vectors: Vectors, loaded: Vectors, neutral: Vectors, nearest: int = _NEAREST
) -> list[float]:
    """Per vector: mean cosine to its `nearest` loaded vectors minus that to its nearest
    neutral ones (all vectors unit length).

    >>> e = np.eye(3, dtype=np.float32)
    >>> margin(e[:1], e[:1], e[1:], nearest=1)
    [1.0]
    """

    def top(similarity: np.ndarray) -> np.ndarray:
        k = min(nearest, similarity.shape[1])
        mean: np.ndarray = np.sort(similarity, axis=1)[:, -k:].mean(axis=1)
        return mean

    if not len(vectors):
        return []
    return [float(x) for x in top(vectors @ loaded.T) - top(vectors @ neutral.T)]


def calibrate_threshold(
    loaded: Vectors,
    neutral: Vectors,
    *,
    precision: float = 0.99,
    folds: int = 5,
    seed: int = 0,
    step: float = 0.01,
) -> float:
    """The lowest margin, on a grid of `step`, at which the list words held out of the lists
    (`folds` folds, drawn with `seed`) are flagged with at least `precision`; the vectors are
    those of the loaded and the plain words.

    >>> e = np.eye(4, dtype=np.float32)
    >>> loaded, plain = np.vstack([e[0], e[0], e[0]]), np.vstack([e[1], e[1], e[1]])
    >>> calibrate_threshold(loaded, plain, folds=3)
    -0.99
    """
    rng = np.random.default_rng(seed)
    fold_l, fold_n = rng.permutation(len(loaded)) % folds, rng.permutation(len(neutral)) % folds
    scores: list[float] = []
    truth: list[bool] = []
    for k in range(folds):
        held = np.vstack([loaded[fold_l == k], neutral[fold_n == k]])
        scores += margin(held, loaded[fold_l != k], neutral[fold_n != k])
        truth += [True] * int((fold_l == k).sum()) + [False] * int((fold_n == k).sum())
    s, y = np.asarray(scores), np.asarray(truth)
    for at in np.arange(np.floor(s.min() / step) * step, s.max() + step, step):
        flagged = s >= at - 1e-9
        if flagged.any() and y[flagged].mean() >= precision:
            return round(float(at), 4)
    return round(float(s.max()), 4)


@lru_cache(maxsize=1)
def load_loaded_model() -> LoadedTermModel:
    """The model over the shipped lexicon and plain-word list, built once per process."""
    return LoadedTermModel(word_list("loaded_terms.txt"), word_list("neutral_terms.txt"))
