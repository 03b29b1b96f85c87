"""The trained framing model: linear heads over sentence-embedding features, saved as one
small `.npz` file (weights) with its settings and label names as JSON inside it.

Inference needs only NumPy; training (`parallax.framing.train`) uses scikit-learn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

__all__ = ["DEFAULT_MODEL", "FramingModel", "LinearHead", "ModelError", "load_model"]

DEFAULT_MODEL = Path(__file__).with_name("models") / "semeval2025-en.npz"
FORMAT = 3  # 3: int8-single encoder features; 2: float ones; 1: no contextual mention vectors

Matrix = NDArray[np.float32]


class ModelError(Exception):
    """A framing model file that is missing or not one of ours."""


@dataclass(slots=True)
class LinearHead:
    """Scores = X @ W.T + b. `sigmoid`: independent labels; `softmax`: one label of many."""

    labels: list[str]
    weights: Matrix
    bias: Matrix
    kind: Literal["sigmoid", "softmax"] = "sigmoid"

    def scores(self, features: Matrix) -> Matrix:
        logits = np.atleast_2d(features) @ self.weights.T + self.bias
        if self.kind == "softmax":
            logits = logits - logits.max(axis=1, keepdims=True)
            exp = np.exp(logits)
            probs: Matrix = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
            return probs
        sig: Matrix = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return sig


@dataclass(slots=True)
class FramingModel:
    """Heads for narratives (gate, coarse, fine) and entity roles (main, fine), with the
    decision settings tuned at training time and `info` on how it was trained."""

    heads: dict[str, LinearHead]
    settings: dict[str, Any] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def head(self, name: str) -> LinearHead:
        try:
            return self.heads[name]
        except KeyError:
            raise ModelError(f"the framing model has no {name!r} head") from None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Matrix] = {}
        meta: dict[str, Any] = {"format": FORMAT, "settings": self.settings, "info": self.info}
        meta["heads"] = {}
        for name, head in self.heads.items():
            arrays[f"{name}.W"] = head.weights.astype(np.float16)
            arrays[f"{name}.b"] = head.bias.astype(np.float32)
            meta["heads"][name] = {"labels": head.labels, "kind": head.kind}
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
        except (KeyError, ValueError, OSError) as exc:
            raise ModelError(f"{path}: not a Parallax framing model ({exc})") from exc
        return cls(heads=heads, settings=meta.get("settings", {}), info=meta.get("info", {}))


_loaded: dict[Path, FramingModel] = {}


def load_model(path: Path | None = None) -> FramingModel:
    """The model at `path` (default: the one shipped in the package), loaded once."""
    key = (path or DEFAULT_MODEL).resolve()
    if key not in _loaded:
        _loaded[key] = FramingModel.load(key)
    return _loaded[key]
