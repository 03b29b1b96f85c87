"""Score quote extraction on PolNeAR (brat standoff attributions) beside textacy's baseline.

PolNeAR marks every attribution, beliefs and endorsements included. Recall is measured on the
speech-like ones: content in quotation marks, or a speech cue (`lexicon.is_speech_cue`). A
predicted quote is correct when it covers at least `threshold` of the alphanumeric characters
of some gold attribution's content (any attribution: a reported belief is still a real
attribution, not a false alarm). Direct and indirect are scored separately by the gold kind
(recall) and the predicted kind (precision). Where an article has several annotators, the
first annotation file (by name) is the gold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from parallax.eval.metrics import PRF
from parallax.nlp.entities import extract_entities
from parallax.nlp.lexicon import is_speech_cue
from parallax.nlp.quotes import extract_quotes, find_quoted_spans

__all__ = [
    "GoldAttribution",
    "GoldDoc",
    "Predicted",
    "QuoteScore",
    "load_polnear",
    "parallax_system",
    "score_system",
    "textacy_system",
]

Spans = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Spans
    source: Spans
    cue_text: str
    source_text: str
    speech: bool
    kind: str  # direct | indirect


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


@dataclass(frozen=True, slots=True)
class Predicted:
    parts: Spans
    kind: str
    speaker: str | None


def _spans(field_: str) -> tuple[str, Spans]:
    label, _, offsets = field_.partition(" ")
    spans = []
    for chunk in offsets.split(";"):
        start, end = chunk.split()
        spans.append((int(start), int(end)))
    return label, spans


def _alnum(text: str, spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b) if i < len(text) and text[i].isalnum()}


def _quoted_share(text: str, spans: Spans, inside: bytearray) -> float:
    chars = _alnum(text, spans)
    return sum(inside[i] for i in chars) / len(chars) if chars else 0.0


def _inside(text: str) -> bytearray:
    marks = bytearray(len(text) + 1)
    for q in find_quoted_spans(text):
        marks[q.open : q.close] = b"\x01" * (q.close - q.open)
    return marks


def parse_brat(text: str, ann: str) -> list[GoldAttribution]:
    """The attributions of one brat file (events linking Content, Cue and Source spans)."""
    spans: dict[str, tuple[str, Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, offsets = _spans(parts[1])
            spans[parts[0]] = (label, offsets, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    inside = _inside(text)
    gold = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        content = spans[roles["Content"]][1]
        cue = spans.get(roles.get("Cue", ""), ("", [], ""))[2]
        source_span = spans.get(roles.get("Source", ""), ("", [], ""))
        share = _quoted_share(text, content, inside)
        gold.append(
            GoldAttribution(
                content=content,
                source=source_span[1],
                cue_text=cue,
                source_text=source_span[2],
                speech=share >= 0.8 or is_speech_cue(cue),
                kind="direct" if share >= 0.8 else "indirect",
            )
        )
    return gold


def load_polnear(root: Path, split: str = "dev", limit: int | None = None) -> list[GoldDoc]:
    """Articles of one PolNeAR split with their (first annotator's) attributions."""
    texts = sorted((root / split / "text").glob("*.txt"))
    annotations: dict[str, Path] = {}
    for path in sorted((root / split / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    docs = []
    for path in texts[:limit] if limit else texts:
        ann = annotations.get(path.stem)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        docs.append(GoldDoc(path.stem, text, parse_brat(text, ann.read_text(encoding="utf-8"))))
    return docs


System = Callable[[Doc], list[Predicted]]


def parallax_system(doc: Doc) -> list[Predicted]:
    return [
        Predicted(list(q.parts), q.kind, q.speaker)
        for q in extract_quotes(doc, extract_entities(doc))
    ]


def textacy_system(doc: Doc) -> list[Predicted]:
    """textacy's `direct_quotations` (the peer baseline): direct quotes only.

    textacy refuses a whole document when its quotation marks are unbalanced; the baseline then
    runs paragraph by paragraph, so that one stray mark costs it one paragraph, not the article.
    """
    from textacy.extract.triples import direct_quotations

    try:
        return _textacy_triples(direct_quotations(doc), 0)
    except ValueError:
        pass
    found = []
    start = 0
    for end in [*(t.i for t in doc if "\n\n" in t.text_with_ws), len(doc)]:
        part = doc[start : end + 1]
        start = end + 1
        if not len(part):
            continue
        try:
            found += _textacy_triples(direct_quotations(part.as_doc()), part.start_char)
        except ValueError:
            continue
    return found


def _textacy_triples(triples: Iterable[Any], offset: int) -> list[Predicted]:
    found = []
    for triple in triples:
        content = triple.content
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        span = (offset + content.start_char, offset + content.end_char)
        found.append(Predicted([span], "direct", speaker))
    return found


@dataclass
class QuoteScore:
    name: str
    threshold: float
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    speakers_scored: int = 0
    speakers_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    def prf(self, kind: str = "all") -> PRF:
        precision = self.correct[kind] / self.predicted[kind] if self.predicted[kind] else 0.0
        recall = self.found[kind] / self.gold[kind] if self.gold[kind] else 0.0
        return PRF(precision, recall)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_scored if self.speakers_scored else 0.0


def _covers(text: str, pred: Spans, gold: Spans, threshold: float) -> bool:
    gold_chars = _alnum(text, gold)
    if not gold_chars:
        return False
    return len(gold_chars & _alnum(text, pred)) / len(gold_chars) >= threshold


def _gold_name(doc: Doc, spans: Spans) -> str | None:
    """The head word of a gold source span when that head is a proper name, else None.

    "Scott Pruitt, the attorney general of Oklahoma," has the head "Pruitt"; "the senator" and
    "he" have none (they are not names, so they are not scored for speaker accuracy).
    """
    if not spans:
        return None
    span = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.pos_ != "PROPN" or not root.text[:1].isupper():
        return None
    return root.text.casefold().replace("’", "'")


def score_system(
    name: str,
    system: System,
    docs: Iterable[tuple[GoldDoc, Doc]],
    threshold: float,
) -> QuoteScore:
    score = QuoteScore(name, threshold)
    for gold_doc, doc in docs:
        text = gold_doc.text
        predictions = system(doc)
        for pred in predictions:
            score.predicted["all"] += 1
            score.predicted[pred.kind] += 1
            hit = any(
                _covers(text, pred.parts, g.content, threshold) for g in gold_doc.attributions
            )
            if hit:
                score.correct["all"] += 1
                score.correct[pred.kind] += 1
            else:
                snippet = text[pred.parts[0][0] : pred.parts[-1][1]][:120].replace("\n", " ")
                score.false_alarms.append(f"{gold_doc.name}: [{pred.kind}] {snippet}")
        for gold in gold_doc.attributions:
            if not gold.speech:
                continue
            score.gold["all"] += 1
            score.gold[gold.kind] += 1
            matched = [p for p in predictions if _covers(text, p.parts, gold.content, threshold)]
            if not matched:
                snippet = text[gold.content[0][0] : gold.content[-1][1]][:120].replace("\n", " ")
                score.misses.append(f"{gold_doc.name}: [{gold.kind}] {gold.cue_text!r} {snippet}")
                continue
            score.found["all"] += 1
            score.found[gold.kind] += 1
            head = _gold_name(doc, gold.source)
            if head:
                score.speakers_scored += 1
                said = (matched[0].speaker or "").casefold().replace("\u2019", "'")
                if head in said.replace("-", " ").split() or head in said.split():
                    score.speakers_right += 1
                else:
                    score.wrong_speakers.append(
                        f"{gold_doc.name}: gold {gold.source_text!r} predicted {matched[0].speaker!r}"
                    )
    return score


def parse_all(nlp: Language, docs: list[GoldDoc]) -> list[tuple[GoldDoc, Doc]]:
    return list(zip(docs, nlp.pipe(d.text for d in docs), strict=True))
