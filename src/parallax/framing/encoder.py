"""What the framing heads read: sentence vectors of an article and contextual vectors of the
entity mentions in it.

Sentences come from spaCy's rule-based sentencizer (plus blank-line breaks), so framing does
not depend on the parser. Vectors come from all-MiniLM-L6-v2 on ONNX Runtime
(`parallax.minilm`) in its `int8-single` form, reading at most 128 word pieces per sentence:
int8 with 7-bit weights, one sentence a run, so that an article's labels depend on its text
alone, not on the batch it came in. It runs about twice as fast as the float form on CPUs
with AVX-512 VNNI and scores close to it (`parallax eval framing`, own dev split: narratives
F1 0.667 / 0.588 against 0.679 / 0.606; roles the same). The heads are trained on the same
vectors they see at inference (a model file records its format; one trained on another form's
vectors is refused).

A sentence vector is the normalized mean of the encoder's token states (the pooling
sentence-transformers uses for this model). A mention vector is the normalized mean of the
states of the mention's own word pieces, read in its sentence: two entities of one sentence get
different vectors, each coloured by what the sentence says of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from parallax.minilm import DIMENSIONS, MiniLM, States, Vectors, unit

__all__ = [
    "MAX_SENTENCES",
    "DocumentVectors",
    "FramingEncoder",
    "MentionSpan",
    "load_encoder",
    "sentence_at",
    "sentence_spans",
]

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


def sentence_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (blank lines always end one); with `limit`,
    the first `limit` only, reading no further paragraphs than they need.

    >>> text = "Ships left. Ports closed.\\n\\nA new day"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Ships left.', 'Ports closed.', 'A new day']
    >>> [text[a:b] for a, b in sentence_spans(text, limit=1)]
    ['Ships left.']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        spans += _paragraph_sentences(text, start, end)
        if limit is not None and len(spans) >= limit:
            return spans[:limit]
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the sentence of `text` holding character `offset` (None between sentences),
    reading only its paragraph.

    >>> text = "Ships left. Ports closed.\\n\\nA new day"
    >>> text[slice(*sentence_at(text, 14))]
    'Ports closed.'
    """
    for start, end in _paragraphs(text):
        if start <= offset < end:
            sentences = _paragraph_sentences(text, start, end)
            return next(((a, b) for a, b in sentences if a <= offset < b), None)
    return None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text between blank lines. spaCy's sentencizer always starts a sentence
    after one, so splitting paragraph by paragraph gives what splitting the whole text does."""
    start = 0
    for gap in _PARAGRAPH.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    part = text[start:end]
    if not part.strip():
        return []
    doc = _sentencizer()(part)
    # the sentences' token bounds, read off the arrays rather than through `doc.sents`
    # (building its spans took a third of the split's time)
    firsts = np.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    where, length = doc.to_array("IDX").tolist(), doc.to_array("LENGTH").tolist()
    spans = []
    for first, after in zip(firsts, [*firsts[1:], len(doc)], strict=True):
        a, b = where[first], where[after - 1] + length[after - 1]
        sentence = part[a:b]
        stripped = sentence.strip()
        if stripped:
            at = start + a + len(sentence) - len(sentence.lstrip())
            spans.append((at, at + len(stripped)))
    return spans


@dataclass(slots=True, frozen=True)
class MentionSpan:
    """A mention to cast: its text and span in the body (negative start: in the title).

    For a mention found by the entities stage, `entity` is its entity's name, `count` how often
    the article names that entity and `type` its type (PERSON, ORG, GPE, NORP)."""

    text: str
    start: int
    end: int
    entity: str | None = None
    count: int = 1
    type: str = ""


@dataclass(slots=True)
class DocumentVectors:
    """An article as the heads see it: its embedded sentences and the pooled document vector.

    `spans` are the first sentence spans of `body`, the embedded ones, with `vectors[i]`
    embedding `spans[i]`. `title` is the title's vector (zeros when
    there is no title). `document` is the normalized mean of the title and sentence vectors.
    `mentions` keeps the contextual vectors of the mentions encoded so far, by (start, end),
    and `contexts` the sentence spans found for them (a sentence past the embedded ones is
    split from its paragraph once, though encoding and evidence both ask for it).
    """

    body: str
    spans: list[tuple[int, int]]
    vectors: Vectors
    title: Vectors
    document: Vectors
    title_text: str = ""
    mentions: dict[tuple[int, int], Vectors] = field(default_factory=dict)
    contexts: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.body[start:end]

    def context_of(self, mention: MentionSpan) -> tuple[int, int] | None:
        """The body span of the sentence holding a mention (embedded or not); the mention's
        own span when no sentence does; None for a title mention."""
        if mention.start < 0:
            return None
        span = (mention.start, mention.end)
        if span not in self.contexts:
            embedded = next(((a, b) for a, b in self.spans if a <= mention.start < b), None)
            self.contexts[span] = embedded or sentence_at(self.body, mention.start) or span
        return self.contexts[span]

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
    """The shared MiniLM (`parallax.minilm`, `int8-single`) read at 128 word pieces: sentence and
    mention vectors.

    `threads`: how many batches run at once, one thread each (default: every CPU available).
    """

    def __init__(self, batch_size: int = 16, threads: int | None = None) -> None:
        self._minilm = MiniLM(
            max_tokens=MAX_TOKENS, batch_size=batch_size, threads=threads, form="int8-single"
        )
        self.dimensions = DIMENSIONS

    def states(self, texts: Sequence[str]) -> list[States]:
        """Per text: the last layer's token states and each token's character span."""
        return self._minilm.states(texts)

    def encode(self, texts: list[str]) -> Vectors:
        """Sentence vectors: L2-normalized means of the token states."""
        return self._minilm.encode(texts)

    def documents(
        self,
        items: list[tuple[str | None, str]],
        mentions: Sequence[Sequence[MentionSpan]] | None = None,
        max_sentences: int = MAX_SENTENCES,
        reads: Callable[[DocumentVectors], bool] | None = None,
    ) -> list[DocumentVectors]:
        """Embed (title, body) pairs in one batch: the title and the first `max_sentences`;
        with `mentions` (one list per item), also each mention in its sentence, for the
        documents `reads` keeps once their own vectors are known (all without it): the
        sentences further down that only a mention is read in cost an encoding each."""
        docs: list[DocumentVectors] = []
        texts: list[str] = []
        for title, body in items:
            first = sentence_spans(body, max_sentences)
            empty = np.zeros((0, self.dimensions), np.float32)
            doc = DocumentVectors(
                body,
                first,
                empty,
                empty,
                empty,
                (title or "").strip(),
            )
            texts += ([doc.title_text] if doc.title_text else []) + [
                body[a:b] for a, b in doc.spans
            ]
            docs.append(doc)
        states = self.states(texts)
        row = 0
        for doc in docs:
            count = (1 if doc.title_text else 0) + len(doc.spans)
            pooled = [unit(hidden.mean(axis=0)) for hidden, _ in states[row : row + count]]
            row += count
            if doc.title_text:
                doc.title = pooled.pop(0)
            else:
                doc.title = np.zeros(self.dimensions, np.float32)
            doc.vectors = np.stack(pooled) if pooled else doc.vectors
            doc.document = _pool(doc.title, doc.vectors)
        wanted = [
            list(m) if reads is None or reads(doc) else []
            for doc, m in zip(docs, mentions or [[] for _ in docs], strict=True)
        ]
        readings = [
            [doc.reading_of(m) for m in spans] for doc, spans in zip(docs, wanted, strict=True)
        ]
        needed = {text for found in readings for text, _, _ in found}
        known = set(texts)
        extra = list(dict.fromkeys(t for found in readings for t, _, _ in found if t not in known))
        # token states are kept only for the texts a mention is read in
        read = {
            t: s
            for t, s in zip(texts + extra, states + self.states(extra), strict=True)
            if t in needed
        }
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


def _span_vector(states: States, start: int, end: int) -> Vectors:
    """Mean state of the word pieces overlapping [start, end) (the whole text when none do,
    e.g. a mention cut off by truncation)."""
    hidden, offsets = states
    inside = (offsets[:, 1] > offsets[:, 0]) & (offsets[:, 0] < end) & (start < offsets[:, 1])
    return unit(hidden[inside].mean(axis=0) if inside.any() else hidden.mean(axis=0))


def _pool(title: Vectors, vectors: Vectors) -> Vectors:
    stacked = vectors if not title.any() else np.vstack([title[None, :], vectors])
    if not len(stacked):
        return np.zeros(title.shape[0], dtype=np.float32)
    return unit(stacked.mean(axis=0))


@lru_cache(maxsize=1)
def load_encoder() -> FramingEncoder:
    """The framing encoder, loaded once per process."""
    return FramingEncoder()
