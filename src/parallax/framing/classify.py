"""Inference: narratives and entity roles of articles, each with the sentences behind it.

Narratives: a gate says whether the article pushes any narrative of the taxonomy at all
("Other" when not): the mean of two logistic readings, one of the document vector and one of
the article's words (TF-IDF, when the model has it); then every narrative and subnarrative
whose probability is within the tuned ratio of the best one is kept. The evidence for a label is the sentences whose own vectors
score highest under that label's weights (the document vector is their mean, so these are
the sentences that moved the decision).

Roles: one decision per mention, from the mention's contextual vector (its word pieces as the
encoder reads them in its sentence); the fine roles are those of the predicted main role. For
the entities an article names (rather than mentions given as in the task), a casting head first
decides whether the article casts the entity at all: most entities of a news article are just
named, and giving each a hero, villain or victim role would invent framing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from parallax.framing.encoder import (
    DocumentVectors,
    FramingEncoder,
    MentionSpan,
    load_encoder,
)
from parallax.framing.heads import FramingModel, load_model
from parallax.minilm import Vectors
from parallax.model import Article, Evidence, Narrative, Role

if TYPE_CHECKING:
    from parallax.framing.taxonomy import UserTaxonomy

__all__ = [
    "ROLE_TYPES",
    "Framer",
    "MentionSpan",
    "NarrativeDecision",
    "cast_as",
    "cast_features",
    "coarse_of",
    "decide_roles",
    "document_text",
    "frame_articles",
    "sentence_evidence",
]

CAST_TYPES = ("PERSON", "ORG", "GPE", "NORP")
ROLE_TYPES = frozenset(CAST_TYPES)
_MAX_ROLE_ENTITIES = 8
_EVIDENCE = 2


@dataclass(slots=True)
class NarrativeDecision:
    """Narrative labels of one document: `{narrative: [subnarrative, ...]}` (empty: Other)."""

    labels: dict[str, list[str]]
    confidence: dict[str, float]


def coarse_of(label: str) -> str:
    """The narrative a subnarrative belongs to.

    >>> coarse_of("CC: Criticism of climate movement: Climate movement is alarmist")
    'CC: Criticism of climate movement'
    """
    return ":".join(label.split(":")[:2]).strip()


class Framer:
    """A framing model and its encoder; `frame` attaches roles and narratives to articles.

    With a user `taxonomy`, narratives come from it (no training) and roles from the model.
    """

    def __init__(
        self,
        model: FramingModel | None = None,
        encoder: FramingEncoder | None = None,
        taxonomy: UserTaxonomy | None = None,
    ) -> None:
        self.model = model or load_model()
        self._encoder = encoder
        self.taxonomy = taxonomy
        self.withheld = 0  # articles whose roles were withheld as out of the model's domain

    @classmethod
    def from_options(
        cls,
        model: Path | None = None,
        taxonomy: Path | None = None,
        llm: str | None = None,
        llm_model: str | None = None,
    ) -> Framer:
        """The framer the CLI builds: a model file (default: shipped), a YAML taxonomy, and a
        chat model's endpoint (`llm`, else PARALLAX_LLM_URL; none: the model's heads)."""
        from parallax.framing.llm import LLMFramer, LLMSettings
        from parallax.framing.taxonomy import UserTaxonomy

        loaded = load_model(model)
        user = UserTaxonomy.from_file(taxonomy) if taxonomy else None
        settings = LLMSettings.from_env(llm, llm_model)
        if settings is not None:
            return LLMFramer(settings, loaded, None, user)
        return cls(loaded, None, user)

    @property
    def encoder(self) -> FramingEncoder:
        if self._encoder is None:
            self._encoder = load_encoder()
        return self._encoder

    # -- narratives -------------------------------------------------------------------------

    def decide_narratives(self, docs: Sequence[DocumentVectors]) -> list[NarrativeDecision]:
        if not docs:
            return []
        x = np.stack([d.document for d in docs])
        gate = self.model.head("gate").scores(x)[:, 0]
        if self.model.text is not None and "gate_text" in self.model.heads:
            words = self.model.text.transform([document_text(d) for d in docs])
            gate = (gate + self.model.head("gate_text").scores(words)[:, 0]) / np.float32(2)
        coarse_head, fine_head = self.model.head("coarse"), self.model.head("fine")
        coarse, fine = coarse_head.scores(x), fine_head.scores(x)
        gate_at = float(self.model.settings.get("gate_threshold", 0.5))
        ratio = float(self.model.settings.get("narrative_ratio", 0.8))
        out: list[NarrativeDecision] = []
        for i in range(len(docs)):
            if gate[i] >= gate_at:
                out.append(NarrativeDecision({}, {}))
                continue
            kept = _within(coarse[i], ratio)
            labels: dict[str, list[str]] = {coarse_head.labels[j]: [] for j in kept}
            confidence = {coarse_head.labels[j]: float(coarse[i, j]) for j in kept}
            for j in sorted(_within(fine[i], ratio), key=lambda k: -fine[i, k]):  # best first
                name = fine_head.labels[j]
                if coarse_of(name) in labels:
                    labels[coarse_of(name)].append(name)
            for name, subs in labels.items():
                if not subs:
                    subs.append(f"{name}: Other")
            out.append(NarrativeDecision(labels, confidence))
        return out

    def narratives(self, doc: DocumentVectors, decision: NarrativeDecision) -> list[Narrative]:
        head = self.model.head("coarse")
        index = {label: j for j, label in enumerate(head.labels)}
        out = []
        for label, subs in decision.labels.items():
            evidence = sentence_evidence(doc, doc.vectors @ head.weights[index[label]])
            out.append(
                Narrative(
                    label=label,
                    subnarratives=subs,
                    confidence=round(decision.confidence[label], 3),
                    evidence=evidence,
                    explanation=_explain(label, subs, evidence),
                )
            )
        return out

    # -- roles ------------------------------------------------------------------------------

    def roles(
        self, doc: DocumentVectors, mentions: Sequence[MentionSpan], *, cast_only: bool = False
    ) -> list[Role]:
        """A role for each mention; with `cast_only` (entities the article names, not given
        mentions), only for those the casting head says the article casts (a model without
        that head casts them all). `frame` first withholds roles from an article unlike any
        the model learned from (`withholds`)."""
        if not mentions:
            return []
        features, contexts = self.mention_features(doc, mentions)
        cast = np.ones(len(mentions), dtype=bool)
        if cast_only:
            cast = self.casts(cast_features(doc.body, mentions, features))
        decided = decide_roles(self.model, features)
        return [
            cast_as(mention, main_role, fine_roles, confidence, contexts[i])
            for i, (mention, (main_role, fine_roles, confidence)) in enumerate(
                zip(mentions, decided, strict=True)
            )
            if cast[i]
        ]

    def withholds(self, doc: DocumentVectors, mentions: Sequence[MentionSpan]) -> bool:
        """Whether the entities an article names get no roles, as the article is unlike any
        document the role model learned from."""
        return bool(mentions) and not self.model.in_domain(doc.document)

    def casts(self, rows: Vectors) -> np.ndarray:
        """Per row of `cast_features`: whether the article casts that entity (all True for a
        model without a casting head)."""
        if "cast" not in self.model.heads:
            return np.ones(len(rows), dtype=bool)
        p = self.model.head("cast").scores(rows)[:, 0]
        mask: np.ndarray = p >= float(self.model.settings.get("cast_threshold", 0.5))
        return mask

    def mention_features(
        self, doc: DocumentVectors, mentions: Sequence[MentionSpan]
    ) -> tuple[Vectors, list[list[Evidence]]]:
        """Per mention: its contextual vector, and its sentence as evidence (none for a title
        mention, which has no offsets in the body)."""
        features = self.encoder.mention_vectors(doc, mentions)
        contexts = []
        for m in mentions:
            where = doc.context_of(m)  # None in the title, which has no body offsets
            contexts.append(
                [] if where is None else [Evidence(doc.body[slice(*where)], *where, 1.0)]
            )
        return features, contexts

    # -- articles ---------------------------------------------------------------------------

    def frame(self, articles: Sequence[Article]) -> list[Article]:
        """Attach `roles` and `narratives` to each article (in place) and return them."""
        mentions = [article_mentions(a) for a in articles]
        # mentions are read only in the articles whose roles the domain check keeps
        docs = self.encoder.documents(
            [(a.title, a.body) for a in articles],
            mentions,
            reads=lambda doc: self.model.in_domain(doc.document),
        )
        decisions = [] if self.taxonomy else self.decide_narratives(docs)
        for i, (article, doc) in enumerate(zip(articles, docs, strict=True)):
            article.narratives = (
                self.taxonomy.narratives(doc)
                if self.taxonomy
                else self.narratives(doc, decisions[i])
            )
            article.roles_withheld = self.withholds(doc, mentions[i])
            if article.roles_withheld:
                self.withheld += 1
                article.roles = []
            else:
                article.roles = self.roles(doc, mentions[i], cast_only=True)
        return list(articles)


def document_text(doc: DocumentVectors) -> str:
    """The words the word gate reads: the title and the whole body."""
    return f"{doc.title_text}\n{doc.body}"


def decide_roles(model: FramingModel, features: Vectors) -> list[tuple[str, list[str], float]]:
    """Per row of mention features: the main role (the main head's best), its fine role (the
    fine head's best among those of that main role) and the main role's probability."""
    if not len(features):
        return []
    main_head, fine_head = model.head("main_role"), model.head("fine_role")
    main, fine = main_head.scores(features), fine_head.scores(features)
    parent = model.settings.get("fine_parent", {})
    out = []
    for i in range(len(features)):
        j = int(main[i].argmax())
        main_role = main_head.labels[j]
        fine_roles = [
            fine_head.labels[k]
            for k in np.argsort(-fine[i])
            if parent.get(fine_head.labels[k]) == main_role
        ][:1]
        out.append((main_role, fine_roles, float(main[i, j])))
    return out


def cast_as(
    mention: MentionSpan,
    main_role: str,
    fine_roles: list[str],
    confidence: float,
    evidence: list[Evidence],
) -> Role:
    """The `Role` of a mention cast as `main_role`."""
    return Role(
        mention=mention.text,
        start=mention.start,
        end=mention.end,
        entity=mention.entity,
        main_role=main_role,
        fine_roles=fine_roles,
        confidence=round(confidence, 3),
        evidence=evidence,
    )


def article_mentions(article: Article) -> list[MentionSpan]:
    """The mentions that may be cast: for each person, organisation, place or group (the most
    mentioned first, at most 8), its first mention."""
    entities = [e for e in article.entities or [] if e.type in ROLE_TYPES and e.mentions]
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
    out = []
    for entity in entities[:_MAX_ROLE_ENTITIES]:
        first = entity.mentions[0]
        out.append(
            MentionSpan(
                first.text, first.start, first.end, entity.name, len(entity.mentions), entity.type
            )
        )
    out.sort(key=lambda m: m.start)
    return out


def frame_articles(
    articles: Iterable[Article], framer: Framer | None = None, batch_size: int = 32
) -> Iterator[Article]:
    """`Framer.frame` over a stream, in batches."""
    framer = framer or Framer()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from framer.frame(batch)
            batch = []
    if batch:
        yield from framer.frame(batch)


def cast_features(body: str, mentions: Sequence[MentionSpan], vectors: Vectors) -> Vectors:
    """What the casting head reads: the mention's contextual vector, how often the article
    names the entity (log), where it first does (share of the body; 0 in the title) and the
    entity's type.

    >>> m = MentionSpan("Velna", 50, 55, "Velna", 3, "GPE")
    >>> [round(float(x), 2) for x in cast_features("x" * 100, [m], np.zeros((1, 2)))[0]]
    [0.0, 0.0, 1.39, 0.5, 0.0, 0.0, 1.0, 0.0]
    """
    extra = [
        [np.log1p(m.count), max(m.start, 0) / max(len(body), 1)]
        + [float(m.type == t) for t in CAST_TYPES]
        for m in mentions
    ]
    return np.hstack([vectors, np.asarray(extra, np.float32).reshape(len(mentions), -1)])


def _within(scores: np.ndarray, ratio: float) -> list[int]:
    top = float(scores.max()) if scores.size else 0.0
    if top <= 0:
        return []
    return [int(j) for j in np.flatnonzero(scores >= ratio * top)]


def sentence_evidence(
    doc: DocumentVectors, scores: np.ndarray, *, positive_only: bool = True
) -> list[Evidence]:
    """The (at most two) embedded sentences scoring highest for a label, in text order; with
    `positive_only`, only those that speak for it (score above zero)."""
    if not len(doc.spans):
        return []
    top = [int(i) for i in np.argsort(-scores)[:_EVIDENCE]]
    order = [i for i in top if scores[i] > 0] if positive_only else top
    return [
        Evidence(doc.sentence(i), doc.spans[i][0], doc.spans[i][1], round(float(scores[i]), 3))
        for i in sorted(order)
    ]


def _explain(label: str, subnarratives: list[str], evidence: list[Evidence]) -> str:
    """A short subtask-3-style explanation built from the label and its evidence."""
    narrative = label.split(":", 1)[1].strip() if ":" in label else label
    specific = [s.rsplit(":", 1)[1].strip() for s in subnarratives if not s.endswith(": Other")]
    text = f"The article pushes the narrative \u201c{narrative}\u201d"
    if specific:
        text += " (" + "; ".join(specific) + ")"
    if evidence:
        quoted = evidence[0].sentence
        if len(quoted) > 220:
            quoted = quoted[:217].rstrip() + "..."
        text += f", for instance where it says: \u201c{quoted}\u201d"
        if quoted.endswith((".", "!", "?", "\u2026")):
            return text  # the quote's own full stop ends the explanation
    return text + "."
