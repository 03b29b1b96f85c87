"""The trained framing model: linear heads over sentence-embedding features, saved as one
small `.npz` file (weights) with its settings and label names as JSON inside it.

One head reads words instead: a second "Other" gate over the article's TF-IDF word and
two-word counts (scikit-learn's vectorizer, rebuilt from the vocabulary and IDF weights kept in
the file). The file also keeps the training documents' vectors, so that an article far from
all of them (local news, sport, for a model trained on war and climate coverage) can be told
apart: `FramingModel.in_domain`. Training is `parallax.framing.train`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DEFAULT_MODEL",
    "DOMAIN_NEIGHBOURS",
    "OUT_OF_DOMAIN",
    "FramingModel",
    "LinearHead",
    "ModelError",
    "TextFeatures",
    "load_model",
    "nearest_similarity",
    "text_vectorizer",
]

DEFAULT_MODEL = Path(__file__).with_name("models") / "semeval2025-en.npz"
FORMAT = 3  # 3: int8-single encoder features; 2: float ones; 1: no contextual mention vectors

Matrix = NDArray[np.float32]
DOMAIN_NEIGHBOURS = 5  # an article's closeness to the training set: its 5 nearest documents
# why an article the domain check refuses gets no roles, as the interfaces tell it
OUT_OF_DOMAIN = "unlike the war and climate coverage the role model learned from"


def nearest_similarity(rows: Matrix, reference: Matrix, k: int = DOMAIN_NEIGHBOURS) -> Matrix:
    """Per row of `rows` (unit vectors): the mean cosine similarity of its `k` most similar
    rows of `reference`.

    >>> ref = np.eye(3, dtype=np.float32)
    >>> nearest_similarity(np.array([[1, 0, 0]], np.float32), ref, k=2).tolist()
    [0.5]
    """
    sims = rows @ reference.T
    k = min(k, sims.shape[1])
    top: Matrix = np.sort(sims, axis=1)[:, -k:].mean(axis=1).astype(np.float32)
    return top


class ModelError(Exception):
    """A framing model file that is missing or not one of ours."""


@dataclass(slots=True)
class LinearHead:
    """Scores = X @ W.T + b. `sigmoid`: independent labels; `softmax`: one label of many."""

    labels: list[str]
    weights: Matrix
    bias: Matrix
    kind: Literal["sigmoid", "softmax"] = "sigmoid"

    def scores(self, features: Any) -> Matrix:
        """Per row of `features` (an array, or a SciPy sparse matrix), each label's score."""
        rows = features if hasattr(features, "tocsr") else np.atleast_2d(features)
        logits = np.asarray(rows @ self.weights.T) + self.bias
        if self.kind == "softmax":
            logits = logits - logits.max(axis=1, keepdims=True)
            exp = np.exp(logits)
            probs: Matrix = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
            return probs
        sig: Matrix = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return sig


def text_vectorizer(vocabulary: list[str] | None = None) -> Any:
    """The TF-IDF vectorizer of the word gate: lowercased words and word pairs, sublinear
    counts; fitted, it keeps the terms of two documents or more (`min_df`, which scikit-learn
    ignores when `vocabulary` is given)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, vocabulary=vocabulary, dtype=np.float32
    )


@dataclass(slots=True)
class TextFeatures:
    """What the word gate reads: a fitted vectorizer's vocabulary (in column order) and IDF."""

    vocabulary: list[str]
    idf: Matrix
    _vectorizer: Any = None

    @classmethod
    def fitted(cls, texts: list[str]) -> tuple[TextFeatures, Any]:
        """Fit on `texts`; the features and the texts' TF-IDF matrix."""
        vectorizer = text_vectorizer()
        matrix = vectorizer.fit_transform(texts)
        vocabulary = [""] * len(vectorizer.vocabulary_)
        for term, column in vectorizer.vocabulary_.items():
            vocabulary[column] = term
        return cls(vocabulary, vectorizer.idf_.astype(np.float32), vectorizer), matrix

    def transform(self, texts: list[str]) -> Any:
        if self._vectorizer is None:
            self._vectorizer = text_vectorizer(self.vocabulary)
            self._vectorizer.idf_ = self.idf
        return self._vectorizer.transform(texts)


@dataclass(slots=True)
class FramingModel:
    """Heads for narratives (gate, coarse, fine) and entity roles (main, fine), with the
    decision settings tuned at training time and `info` on how it was trained."""

    heads: dict[str, LinearHead]
    settings: dict[str, Any] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    text: TextFeatures | None = None  # the word gate's features (`gate_text` head)
    domain: Matrix | None = None  # the training documents' unit vectors (`in_domain`)

    def head(self, name: str) -> LinearHead:
        try:
            return self.heads[name]
        except KeyError:
            raise ModelError(f"the framing model has no {name!r} head") from None

    def in_domain(self, document: Matrix) -> bool:
        """Whether an article (its unit document vector) is near enough the training
        documents for the role heads to read it: its nearest ones at least as similar as for
        all but the least typical 2% of held-out training documents (`domain_threshold`,
        set by cross-validation). True for a model that keeps no training documents."""
        threshold = self.settings.get("domain_threshold")
        if self.domain is None or threshold is None:
            return True
        return bool(nearest_similarity(document[None, :], self.domain)[0] >= float(threshold))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Matrix] = {}
        meta: dict[str, Any] = {"format": FORMAT, "settings": self.settings, "info": self.info}
        meta["heads"] = {}
        for name, head in self.heads.items():
            arrays[f"{name}.W"] = head.weights.astype(np.float16)
            arrays[f"{name}.b"] = head.bias.astype(np.float32)
            meta["heads"][name] = {"labels": head.labels, "kind": head.kind}
        if self.text is not None:
            meta["text_vocabulary"] = self.text.vocabulary
            arrays["text.idf"] = self.text.idf
        if self.domain is not None:
            arrays["domain.documents"] = self.domain.astype(np.float16)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(tmp, meta=np.array(json.dumps(meta)), **arrays)  # type: ignore[arg-type]
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> FramingModel:
        if not path.is_file():
            raise ModelError(f"{path}: no framing model there (train one: parallax train framing)")
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("format") != FORMAT:
                    raise ModelError(
                        f"{path}: a framing model of format {meta.get('format')!r}, this "
                        f"Parallax reads format {FORMAT} (retrain: parallax train framing)"
                    )
                heads = {
                    name: LinearHead(
                        labels=list(spec["labels"]),
                        weights=data[f"{name}.W"].astype(np.float32),
                        bias=data[f"{name}.b"].astype(np.float32),
                        kind=spec["kind"],
                    )
                    for name, spec in meta["heads"].items()
                }
                text = None
                if "text_vocabulary" in meta:
                    text = TextFeatures(meta["text_vocabulary"], data["text.idf"])
                domain = None
                if "domain.documents" in data.files:
                    domain = data["domain.documents"].astype(np.float32)
        except (KeyError, ValueError, OSError) as exc:
            raise ModelError(f"{path}: not a Parallax framing model ({exc})") from exc
        return cls(heads, meta.get("settings", {}), meta.get("info", {}), text, domain)


_loaded: dict[Path, FramingModel] = {}


def load_model(path: Path | None = None) -> FramingModel:
    """The model at `path` (default: the one shipped in the package), loaded once."""
    key = (path or DEFAULT_MODEL).resolve()
    if key not in _loaded:
        _loaded[key] = FramingModel.load(key)
    return _loaded[key]
