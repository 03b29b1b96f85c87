"""User taxonomies: narratives described in a YAML file, classified with no training run.

Each label becomes a prototype vector (the mean of its name, description and example
sentences, embedded by the framing encoder). An article's score for a label is the mean of
its two most similar sentences; a label is kept when that score reaches the threshold and is
within `ratio` of the best label. A label with a `parent` is a subnarrative of it.

```yaml
name: Harbour disputes          # optional
threshold: 0.42                 # optional (default 0.42, set by judgment, not calibrated)
labels:
  - label: "Harbour: Automation destroys jobs"
    description: Robots and software at the port are said to cost dockworkers their jobs.
    examples:
      - "The new cranes will put hundreds of crane operators out of work."
  - label: "Harbour: Automation destroys jobs: Unions betrayed"
    parent: "Harbour: Automation destroys jobs"
    description: The unions are said to have sold out their members.
```
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ConfigError
from parallax.framing.classify import NarrativeDecision, _explain, coarse_of, sentence_evidence
from parallax.framing.encoder import DocumentVectors, FramingEncoder, load_encoder
from parallax.framing.semeval import TaskDocument
from parallax.minilm import Vectors
from parallax.model import Evidence, Narrative

__all__ = ["DEFAULT_THRESHOLD", "TaxonomyLabel", "UserTaxonomy", "semeval_taxonomy"]

DEFAULT_THRESHOLD = 0.42
DEFAULT_RATIO = 0.9


@dataclass(slots=True)
class TaxonomyLabel:
    label: str
    description: str = ""
    examples: list[str] = field(default_factory=list)
    parent: str | None = None


@dataclass(slots=True)
class _Scored:
    labels: dict[str, list[str]]
    scores: dict[str, float]
    evidence: dict[str, list[Evidence]]


class UserTaxonomy:
    """A taxonomy of narratives given as labels with descriptions and examples."""

    def __init__(
        self,
        labels: list[TaxonomyLabel],
        threshold: float = DEFAULT_THRESHOLD,
        ratio: float = DEFAULT_RATIO,
        name: str = "",
        encoder: FramingEncoder | None = None,
    ) -> None:
        if not labels:
            raise ConfigError("a taxonomy needs at least one label")
        known = {x.label for x in labels}
        for x in labels:
            if x.parent and x.parent not in known:
                raise ConfigError(f"label {x.label!r}: parent {x.parent!r} is not a label")
        self.labels, self.threshold, self.ratio, self.name = labels, threshold, ratio, name
        self.encoder = encoder or load_encoder()
        self.prototypes = self._prototypes()

    @classmethod
    def from_dict(cls, data: dict[str, Any], encoder: FramingEncoder | None = None) -> UserTaxonomy:
        items = data.get("labels")
        if not isinstance(items, list) or not items:
            raise ConfigError("a taxonomy needs a non-empty 'labels' list")
        labels = []
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict) or not str(item.get("label") or "").strip():
                raise ConfigError(f"label #{i}: each label needs a 'label' string")
            examples = item.get("examples") or []
            if not isinstance(examples, list):
                raise ConfigError(f"label {item['label']!r}: 'examples' must be a list")
            labels.append(
                TaxonomyLabel(
                    str(item["label"]).strip(),
                    str(item.get("description") or ""),
                    [str(e) for e in examples],
                    str(item["parent"]).strip() if item.get("parent") else None,
                )
            )
        try:
            threshold = float(data.get("threshold", DEFAULT_THRESHOLD))
            ratio = float(data.get("ratio", DEFAULT_RATIO))
        except (TypeError, ValueError):
            raise ConfigError("'threshold' and 'ratio' must be numbers") from None
        return cls(labels, threshold, ratio, str(data.get("name") or ""), encoder)

    @classmethod
    def from_file(cls, path: Path, encoder: FramingEncoder | None = None) -> UserTaxonomy:
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the taxonomy ({exc.strerror})") from exc
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: a taxonomy is a mapping with a 'labels' list")
        try:
            return cls.from_dict(data, encoder)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from exc

    def _prototypes(self) -> Vectors:
        texts: list[str] = []
        owners: list[int] = []
        for i, x in enumerate(self.labels):
            for text in [_readable(x.label), x.description, *x.examples]:
                if text.strip():
                    texts.append(text.strip())
                    owners.append(i)
        vectors = self.encoder.encode(texts)
        protos = np.zeros((len(self.labels), vectors.shape[1]), np.float32)
        for row, owner in zip(vectors, owners, strict=True):
            protos[owner] += row
        norms = np.linalg.norm(protos, axis=1, keepdims=True)
        normalized: Vectors = (protos / np.where(norms == 0, 1, norms)).astype(np.float32)
        return normalized

    def _score(self, doc: DocumentVectors) -> _Scored:
        units = doc.vectors if len(doc.spans) else doc.title[None, :]
        sims = units @ self.prototypes.T  # sentences x labels
        k = min(2, sims.shape[0])
        top = np.sort(sims, axis=0)[-k:]
        score = top.mean(axis=0)
        parents = [i for i, x in enumerate(self.labels) if x.parent is None]
        chosen: dict[str, list[str]] = {}
        best = max((float(score[i]) for i in parents), default=0.0)
        for i in parents:
            if score[i] >= self.threshold and score[i] >= self.ratio * best:
                chosen[self.labels[i].label] = []
        for i, x in enumerate(self.labels):
            if x.parent is not None and score[i] >= self.threshold:
                chosen.setdefault(x.parent, []).append(x.label)
        evidence: dict[str, list[Evidence]] = {}
        index = {x.label: i for i, x in enumerate(self.labels)}
        for label in chosen:
            column = sims[:, index[label]]
            evidence[label] = sentence_evidence(doc, column, positive_only=False)
        return _Scored(
            chosen, {x.label: float(score[i]) for i, x in enumerate(self.labels)}, evidence
        )

    def decide(self, doc: DocumentVectors) -> NarrativeDecision:
        scored = self._score(doc)
        return NarrativeDecision(scored.labels, {k: scored.scores[k] for k in scored.labels})

    def narratives(self, doc: DocumentVectors) -> list[Narrative]:
        scored = self._score(doc)
        return [
            Narrative(
                label=label,
                subnarratives=subs,
                confidence=round(max(0.0, min(1.0, scored.scores[label])), 3),
                evidence=scored.evidence[label],
                explanation=_explain(label, subs, scored.evidence[label]),
            )
            for label, subs in scored.labels.items()
        ]


def _readable(label: str) -> str:
    """A label as a sentence: domain codes spelled out, separators as commas."""
    domains = {"URW": "Ukraine-Russia war", "CC": "Climate change"}
    head, _, rest = label.partition(":")
    if rest and head.strip() in domains:
        label = f"{domains[head.strip()]}:{rest}"
    return label.replace(":", ",")


def semeval_taxonomy(docs: Iterable[TaskDocument]) -> dict[str, Any]:
    """The SemEval labels seen in `docs`, as a user taxonomy: names only, no examples."""
    narratives = sorted({n for d in docs for n in d.narratives})
    subs = sorted({s for d in docs for s in d.subnarratives if not s.endswith(": Other")})
    labels: list[dict[str, Any]] = [{"label": n} for n in narratives]
    labels += [{"label": s, "parent": coarse_of(s)} for s in subs if coarse_of(s) in narratives]
    return {"name": "SemEval-2025 Task 10 (labels only)", "labels": labels}
