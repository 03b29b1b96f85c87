"""Training the framing model on SemEval-2025 Task 10 documents (`parallax train framing`).

Features are MiniLM sentence and mention vectors (see `encoder`); every head is a scikit-learn
logistic regression whose weights are copied into a `LinearHead`. The narrative decision
settings (gate threshold, ratio to the best label) are chosen by 5-fold cross-validation on
the training documents only, over `TUNE_SHUFFLES` shuffles of the folds.

The casting head learns which entities an article casts at all: the entities stage runs on the
training documents, and an entity counts as cast when the annotators gave a role to one of its
mentions (by span or by the same words); the other entities are its negative examples. Its
threshold is the best casting F1 by 5-fold cross-validation, grouped by document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from typing import Any

import numpy as np

from parallax.eval.metrics import PRF
from parallax.framing.classify import (
    Framer,
    NarrativeDecision,
    article_mentions,
    cast_features,
    decide_roles,
    document_text,
)
from parallax.framing.encoder import (
    DocumentVectors,
    FramingEncoder,
    MentionSpan,
    load_encoder,
)
from parallax.framing.heads import (
    DOMAIN_NEIGHBOURS,
    FramingModel,
    LinearHead,
    TextFeatures,
    nearest_similarity,
)
from parallax.framing.semeval import GoldMention, TaskDocument
from parallax.minilm import Vectors
from parallax.model import Article, Entity, article_id

__all__ = [
    "Featurized",
    "cast_scores",
    "featurize",
    "mention_span",
    "scores_f1_samples",
    "task_article",
    "train_model",
]

GATE_GRID = (0.3, 0.35, 0.4, 0.45, 0.5)
RATIO_GRID = (0.6, 0.7, 0.8, 0.9)
TUNE_SHUFFLES = 3  # shuffles of the cross-validation folds that tune decisions and role C
NARRATIVE_C = 1.0
TEXT_GATE_C = 10.0  # the word gate's C (TF-IDF rows are sparse and long)
ROLE_C = 4.0  # both role heads' C when too few documents to tune it
ROLE_GRID = (1.0, 2.0, 4.0, 8.0)
CAST_C = 1.0
CAST_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


@dataclass(slots=True)
class Featurized:
    """Task documents with their vectors and, per gold mention, its role features; per entity
    the entities stage found, its casting features, whether it is cast and its document."""

    docs: list[TaskDocument]
    vectors: list[DocumentVectors]
    mention_rows: Vectors
    mentions: list[GoldMention]
    cast_rows: Vectors
    cast_labels: list[bool]
    cast_docs: list[int]

    def subset(self, indices: Sequence[int]) -> Featurized:
        """The documents at `indices`, in that order, with their own rows: what `featurize`
        gives for them alone, since a document's vectors and entities depend on its text only."""
        starts = np.cumsum([0] + [len(d.mentions) for d in self.docs])
        rows = [r for i in indices for r in range(starts[i], starts[i + 1])]
        new_index = {old: new for new, old in enumerate(indices)}
        cast = [(r, new_index[o]) for r, o in enumerate(self.cast_docs) if o in new_index]
        cast.sort(key=lambda pair: pair[1])  # stable: each document's entities keep their order
        return Featurized(
            [self.docs[i] for i in indices],
            [self.vectors[i] for i in indices],
            self.mention_rows[rows],
            [self.mentions[r] for r in rows],
            self.cast_rows[[r for r, _ in cast]],
            [self.cast_labels[r] for r, _ in cast],
            [o for _, o in cast],
        )


def mention_span(doc: TaskDocument, mention: GoldMention) -> MentionSpan:
    """A task mention (file offsets, end inclusive) as a span of the document's body."""
    return MentionSpan(
        mention.text, mention.start - doc.body_offset, mention.end + 1 - doc.body_offset
    )


def task_article(doc: TaskDocument) -> Article:
    """A task document as an article whose body is the document's body (offsets kept)."""
    return Article(
        id=article_id(doc.title, doc.body),
        source=doc.name,
        title=doc.title or None,
        paragraphs=[doc.body],
    )


def _is_cast(entity: Entity | None, gold: Sequence[MentionSpan]) -> bool:
    if entity is None:
        return False
    texts = {g.text.casefold() for g in gold}
    return any(
        m.text.casefold() in texts or any(m.start < g.end and g.start < m.end for g in gold)
        for m in entity.mentions
    )


def featurize(docs: Sequence[TaskDocument], encoder: FramingEncoder | None = None) -> Featurized:
    """Embed the documents, their gold mentions and the entities the entities stage finds."""
    from parallax.nlp import analyze_articles

    encoder = encoder or load_encoder()
    spans = [[mention_span(d, m) for m in d.mentions] for d in docs]
    analyzed = list(analyze_articles(task_article(d) for d in docs))
    found = [article_mentions(a) if d.mentions else [] for d, a in zip(docs, analyzed, strict=True)]
    # the entities found are encoded per document afterwards, so the batches that embed the
    # documents and their gold mentions stay the same with or without them
    vectors = encoder.documents([(d.title, d.body) for d in docs], spans)
    empty = np.zeros((0, encoder.dimensions), np.float32)
    rows = [encoder.mention_vectors(v, s) for v, s in zip(vectors, spans, strict=True) if s]
    matrix = np.vstack(rows) if rows else empty
    mentions = [m for d in docs for m in d.mentions]
    cast_rows: list[Vectors] = []
    labels: list[bool] = []
    owners: list[int] = []
    for i, (doc, article, candidates) in enumerate(zip(docs, analyzed, found, strict=True)):
        if not candidates or not doc.mentions:  # a document nobody cast: no examples
            continue
        entities = {e.name: e for e in article.entities or []}
        mention_rows = encoder.mention_vectors(vectors[i], candidates)
        cast_rows.append(cast_features(doc.body, candidates, mention_rows))
        labels += [_is_cast(entities.get(m.entity or ""), spans[i]) for m in candidates]
        owners += [i] * len(candidates)
    cast_matrix = np.vstack(cast_rows) if cast_rows else empty
    return Featurized(list(docs), vectors, matrix, mentions, cast_matrix, labels, owners)


def cast_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> PRF:
    """Precision and recall of "this entity is cast" decisions.

    >>> cast_scores([True, True, False], [True, False, True])
    PRF(precision=0.5, recall=0.5)
    """
    hit = sum(g and p for g, p in zip(gold, predicted, strict=True))
    said, real = sum(predicted), sum(gold)
    return PRF(hit / said if said else 0.0, hit / real if real else 0.0)


def _logistic(x: Vectors, y: Sequence[Any], c: float, balanced: bool) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=c, max_iter=3000, class_weight="balanced" if balanced else None
    ).fit(x, list(y))


def _multilabel_head(x: Vectors, targets: list[list[str]], c: float) -> LinearHead:
    counts = Counter(label for labels in targets for label in set(labels))
    labels = sorted(label for label, n in counts.items() if n >= 2 and n < len(targets))
    weights = np.zeros((len(labels), x.shape[1]), np.float32)
    bias = np.zeros(len(labels), np.float32)
    for j, label in enumerate(labels):
        clf = _logistic(x, [label in t for t in targets], c, balanced=True)
        weights[j], bias[j] = clf.coef_[0], clf.intercept_[0]
    return LinearHead(labels, weights, bias, "sigmoid")


def _softmax_head(x: Vectors, y: list[str], c: float) -> LinearHead:
    classes = sorted(set(y))
    if len(classes) == 1:  # a degenerate tiny corpus: always that label
        w = np.zeros((1, x.shape[1]), np.float32)
        return LinearHead(classes, w, np.zeros(1, np.float32), "softmax")
    clf = _logistic(x, y, c, balanced=False)
    coef, intercept = clf.coef_, clf.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearHead(
        list(clf.classes_), coef.astype(np.float32), intercept.astype(np.float32), "softmax"
    )


def _narrative_heads(
    data: Featurized, idx: Sequence[int]
) -> tuple[dict[str, LinearHead], TextFeatures | None]:
    """The narrative heads fitted on documents `idx`, and the word gate's features (None when
    those documents are all "Other" or all not)."""
    x = np.stack([data.vectors[i].document for i in idx])
    docs = [data.docs[i] for i in idx]
    other = [not d.narratives for d in docs]
    heads = {
        "gate": LinearHead(
            ["Other"], np.zeros((1, x.shape[1]), np.float32), np.zeros(1, np.float32)
        ),
        "coarse": _multilabel_head(x, [d.narratives for d in docs], NARRATIVE_C),
        "fine": _multilabel_head(x, [d.subnarratives for d in docs], NARRATIVE_C),
    }
    text = None
    if 0 < sum(other) < len(other):
        heads["gate"] = _gate_head(_logistic(x, other, NARRATIVE_C, balanced=False))
        text, words = TextFeatures.fitted([document_text(data.vectors[i]) for i in idx])
        heads["gate_text"] = _gate_head(_logistic(words, other, TEXT_GATE_C, balanced=False))
    return heads, text


def _gate_head(clf: Any) -> LinearHead:
    return LinearHead(["Other"], clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32))


def _role_targets(mentions: Sequence[GoldMention]) -> tuple[list[str], list[str], dict[str, str]]:
    """Each mention's main role and first fine role (its main role when it has none), and each
    fine role's main role."""
    main = [m.main_role for m in mentions]
    fine = [m.fine_roles[0] if m.fine_roles else m.main_role for m in mentions]
    parent: dict[str, str] = {}
    for m in mentions:
        for role in m.fine_roles:
            parent.setdefault(role, m.main_role)
    return main, fine, parent


def _role_heads(
    data: Featurized, c_main: float, c_fine: float
) -> tuple[dict[str, LinearHead], dict[str, str]]:
    if not data.mentions:
        return {}, {}
    main, fine, parent = _role_targets(data.mentions)
    heads = {
        "main_role": _softmax_head(data.mention_rows, main, c_main),
        "fine_role": _softmax_head(data.mention_rows, fine, c_fine),
    }
    return heads, parent


def _held_out(documents: int, folds: int, seed: int) -> list[np.ndarray]:
    """The held-out documents of each tuning fold: `folds` folds of each of `TUNE_SHUFFLES`
    shuffles, so every document is held out once a shuffle."""
    buckets = []
    for shuffle in range(TUNE_SHUFFLES):
        order = np.random.default_rng(seed + shuffle).permutation(documents)
        buckets += [order[k::folds] for k in range(folds)]
    return buckets


def _tune_roles(data: Featurized, folds: int, seed: int) -> tuple[float, float, dict[str, Any]]:
    """The role heads' C by cross-validation grouped by document (`TUNE_SHUFFLES` shuffles):
    the main head's by main-role accuracy, then the fine head's by the exact match of fine
    roles, decoded as `decide_roles` does with the chosen main head."""
    owner = np.array([i for i, doc in enumerate(data.docs) for _ in doc.mentions])
    main, fine, _ = _role_targets(data.mentions)
    targets = {"main_role": np.array(main), "fine_role": np.array(fine)}
    splits = []  # (training rows, held-out rows, each fine role's main role in training)
    for held_docs in _held_out(len(data.docs), folds, seed):
        held = np.isin(owner, held_docs)
        train_rows = np.flatnonzero(~held)
        parent = _role_targets([data.mentions[i] for i in train_rows])[2]
        splits.append((train_rows, np.flatnonzero(held), parent))
    fitted: dict[tuple[int, str, float], LinearHead] = {}

    def head(split: int, name: str, c: float) -> LinearHead:
        if (split, name, c) not in fitted:
            rows = splits[split][0]
            labels = targets[name][rows].tolist()
            fitted[(split, name, c)] = _softmax_head(data.mention_rows[rows], labels, c)
        return fitted[(split, name, c)]

    def score(c_main: float, c_fine: float) -> tuple[float, float]:
        right = exact = 0
        for k, (_, held_rows, parent) in enumerate(splits):
            heads = {"main_role": head(k, "main_role", c_main)}
            heads["fine_role"] = head(k, "fine_role", c_fine)
            decided = decide_roles(
                FramingModel(heads, {"fine_parent": parent}), data.mention_rows[held_rows]
            )
            for i, (role, fine_roles, _) in zip(held_rows, decided, strict=True):
                right += role == data.mentions[i].main_role
                exact += set(fine_roles) == set(data.mentions[i].fine_roles)
        total = TUNE_SHUFFLES * len(data.mentions)
        return right / total, exact / total

    report: dict[str, Any] = {}
    for c in ROLE_GRID:
        report[f"main {c}"] = round(score(c, ROLE_GRID[0])[0], 4)
    c_main = max(ROLE_GRID, key=lambda c: report[f"main {c}"])
    for c in ROLE_GRID:
        report[f"fine {c}"] = round(score(c_main, c)[1], 4)
    c_fine = max(ROLE_GRID, key=lambda c: report[f"fine {c}"])
    return c_main, c_fine, report


def _cast_head(data: Featurized, folds: int) -> tuple[LinearHead | None, float]:
    """The casting head and its threshold (the best cross-validated F1 on the training
    documents); no head when the training entities are all cast or all not."""
    y = np.asarray(data.cast_labels, dtype=bool)
    if y.all() or not y.any():
        return None, 0.5
    x = data.cast_rows
    threshold = 0.5
    owners = np.asarray(data.cast_docs)
    if len(set(data.cast_docs)) >= 5 * folds:
        held_out = np.zeros(len(y), np.float32)
        fold_of = owners % folds  # documents, not entities, are held out together
        for k in range(folds):
            train, test = fold_of != k, fold_of == k
            if y[train].all() or not y[train].any():
                continue
            clf = _logistic(x[train], list(y[train]), CAST_C, balanced=True)
            held_out[test] = clf.predict_proba(x[test])[:, 1]
        threshold = max(
            CAST_GRID, key=lambda t: (cast_scores(list(y), list(held_out >= t)).f1, -abs(t - 0.5))
        )
    clf = _logistic(x, list(y), CAST_C, balanced=True)
    head = LinearHead(
        ["cast"], clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), "sigmoid"
    )
    return head, float(threshold)


DOMAIN_QUANTILE = 0.02  # the share of held-out training documents the domain check may refuse


def held_out_similarity(documents: Vectors, folds: int = 5) -> Vectors:
    """Per document (unit vectors, in order): `nearest_similarity` to the documents of the
    other folds (fold = index modulo `folds`)."""
    fold_of = np.arange(len(documents)) % folds
    out = np.empty(len(documents), np.float32)
    for k in range(folds):
        out[fold_of == k] = nearest_similarity(documents[fold_of == k], documents[fold_of != k])
    return out


def _domain(data: Featurized, folds: int) -> tuple[Vectors, float | None]:
    """The training documents' unit vectors and the domain threshold: how similar an
    article's nearest training documents must be, the 2% quantile of that similarity for
    each training document held out of its fold (none with too few documents to tell)."""
    x = np.stack([v.document for v in data.vectors]).astype(np.float32)
    if len(x) < 5 * folds:
        return x, None
    return x, float(np.quantile(held_out_similarity(x, folds), DOMAIN_QUANTILE))


def scores_f1_samples(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> float:
    """The official subtask-2 metric: F1 per document, averaged; an empty set reads "Other".

    >>> scores_f1_samples([["A", "B"], []], [["A"], []])
    0.8333333333333333
    """
    total = 0.0
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(g) or {"Other"}, set(p) or {"Other"}
        hit = len(gs & ps)
        total += 2 * hit / (len(gs) + len(ps))
    return total / len(gold) if gold else 0.0


def decision_scores(
    docs: Sequence[TaskDocument], decisions: Sequence[NarrativeDecision]
) -> tuple[float, float]:
    """(coarse, fine) F1-samples of narrative decisions against the documents' gold."""
    coarse = scores_f1_samples([d.narratives for d in docs], [list(x.labels) for x in decisions])
    fine = scores_f1_samples(
        [d.subnarratives for d in docs],
        [[s for subs in x.labels.values() for s in subs] for x in decisions],
    )
    return coarse, fine


def _tune(data: Featurized, folds: int, seed: int) -> tuple[dict[str, float], dict[str, Any]]:
    buckets = _held_out(len(data.docs), folds, seed)
    totals: dict[tuple[float, float], list[float]] = {
        s: [0.0, 0.0] for s in product(GATE_GRID, RATIO_GRID)
    }
    total = len(data.docs) * TUNE_SHUFFLES  # each shuffle holds every document out once
    for held in buckets:
        held_set = {int(i) for i in held}
        train_idx = [i for i in range(len(data.docs)) if i not in held_set]
        # decisions on precomputed vectors: the encoder is never loaded
        heads, text = _narrative_heads(data, train_idx)
        framer = Framer(FramingModel(heads, text=text))
        dev_vectors = [data.vectors[int(i)] for i in held]
        dev_docs = [data.docs[int(i)] for i in held]
        for gate, ratio in totals:
            framer.model.settings = {"gate_threshold": gate, "narrative_ratio": ratio}
            c, f = decision_scores(dev_docs, framer.decide_narratives(dev_vectors))
            totals[(gate, ratio)][0] += c * len(held) / total
            totals[(gate, ratio)][1] += f * len(held) / total
    best = max(totals, key=lambda s: (sum(totals[s]), -abs(s[0] - 0.4)))
    report = {f"{g}/{r}": [round(v, 4) for v in totals[(g, r)]] for g, r in totals}
    return {"gate_threshold": best[0], "narrative_ratio": best[1]}, report


def train_model(
    docs: Sequence[TaskDocument],
    *,
    encoder: FramingEncoder | None = None,
    folds: int = 5,
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
    data: Featurized | None = None,
) -> FramingModel:
    """Fit every head on `docs` and tune the narrative decision by cross-validation."""
    say = progress or (lambda _msg: None)
    if data is None:
        say(f"embedding {len(docs)} documents")
        data = featurize(docs, encoder)
    say("fitting the narrative heads")
    heads, text = _narrative_heads(data, range(len(data.docs)))
    settings: dict[str, Any] = {"gate_threshold": 0.4, "narrative_ratio": 0.8}
    tuning: dict[str, Any] = {}
    if len(data.docs) >= 5 * folds:
        say(f"tuning the narrative decision ({folds}-fold cross-validation)")
        settings, tuning = _tune(data, folds, seed)
    c_main = c_fine = ROLE_C
    if len(data.docs) >= 5 * folds and data.mentions:
        say(f"tuning the role heads ({folds}-fold cross-validation)")
        c_main, c_fine, tuning["roles"] = _tune_roles(data, folds, seed)
    say("fitting the role heads")
    role_heads, parent = _role_heads(data, c_main, c_fine)
    heads.update(role_heads)
    settings["fine_parent"] = parent
    say("fitting the casting head")
    cast, settings["cast_threshold"] = _cast_head(data, folds)
    if cast is not None:
        heads["cast"] = cast
    domain, threshold = _domain(data, folds)
    if threshold is not None:
        settings["domain_threshold"] = threshold
    info = {
        "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": len(data.docs),
        "mentions": len(data.mentions),
        "features": "int8-single all-MiniLM-L6-v2 (ONNX Runtime): title + first sentences "
        "(narratives), with TF-IDF words and word pairs for the second 'Other' gate; the "
        "mention's token states in its sentence (roles)",
        "text_gate_C": TEXT_GATE_C,
        "narrative_C": NARRATIVE_C,
        "role_C": {"main": c_main, "fine": c_fine},
        "cast_C": CAST_C,
        "cast_examples": len(data.cast_labels),
        "domain": {"neighbours": DOMAIN_NEIGHBOURS, "refused_share": DOMAIN_QUANTILE},
        "tuning": tuning,
    }
    return FramingModel(heads, settings, info, text, domain)
