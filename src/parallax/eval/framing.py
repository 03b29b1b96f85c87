"""Framing on SemEval-2025 Task 10 (English): a model trained on the train split, scored on the
dev split, beside frequency baselines and the no-training user-taxonomy classifier.

Subtask 1: exact-match ratio of the fine-role sets (official) and main-role accuracy, on the
gold mentions. Subtask 2: F1-samples on narratives (coarse) and subnarratives (fine), as the
official scorer defines them ("Other" counts as a label). Casting: on the entities the
entities stage finds in the dev documents, precision / recall of "the article casts this
entity" (it does when the annotators gave one of its mentions a role), beside casting every
entity, which is what Parallax did before it had a casting head.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parallax.eval.metrics import PRF
from parallax.framing.classify import Framer, NarrativeDecision
from parallax.framing.encoder import DocumentVectors, FramingEncoder, load_encoder
from parallax.framing.llm import LLMFramer, LLMSettings
from parallax.framing.semeval import (
    TaskDocument,
    fold_documents,
    load_documents,
    split_documents,
)
from parallax.framing.taxonomy import UserTaxonomy, semeval_taxonomy
from parallax.framing.train import (
    Featurized,
    cast_scores,
    decision_scores,
    featurize,
    mention_span,
    scores_f1_samples,
    train_model,
)

__all__ = ["FramingScores", "evaluate_framing", "role_scores"]


@dataclass(slots=True, frozen=True)
class FramingScores:
    """One system's dev figures; a figure is None where the system does not do that part."""

    system: str
    coarse_f1: float | None
    fine_f1: float | None
    main_accuracy: float | None
    emr: float | None
    casting: PRF | None = None


def role_scores(
    gold: list[tuple[str, tuple[str, ...]]], predicted: list[tuple[str, list[str]]]
) -> tuple[float, float]:
    """(main-role accuracy, exact-match ratio of fine-role sets).

    >>> role_scores([("Antagonist", ("Tyrant",))], [("Antagonist", ["Corrupt"])])
    (1.0, 0.0)
    """
    if not gold:
        return 0.0, 0.0
    main = sum(g[0] == p[0] for g, p in zip(gold, predicted, strict=True)) / len(gold)
    exact = sum(set(g[1]) == set(p[1]) for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return main, exact


def evaluate_framing(
    data: Path,
    dev_fraction: float = 0.2,
    seed: int = 7,
    say: Callable[[str], None] | None = None,
    llm: LLMSettings | None = None,
    folds: int | None = None,
) -> tuple[list[FramingScores], dict[str, int]]:
    """Train on the train split, score on dev; the baselines and the user-taxonomy
    classifier in the same run, and a chat model behind `llm` when given (the trained heads
    frame the documents it fails on). With `folds`, the same on each of that many
    domain-stratified folds (every document is dev once), each figure the mean over the folds
    and each count their sum."""
    say = say or (lambda _m: None)
    docs = load_documents(data)
    encoder = load_encoder()
    say(f"embedding {len(docs)} documents")
    featurized = featurize(docs, encoder)  # once: each split takes its documents' rows
    where = {doc.name: i for i, doc in enumerate(docs)}

    def run(train: list[TaskDocument], dev: list[TaskDocument]) -> _Run:
        rows = featurized.subset([where[d.name] for d in train])
        dev_rows = featurized.subset([where[d.name] for d in dev])
        return _evaluate_split(rows, dev_rows, encoder, seed, say, llm)

    if not folds:
        return run(*split_documents(docs, dev_fraction, seed))
    runs = []
    for k, (train, dev) in enumerate(fold_documents(docs, folds, seed), 1):
        say(f"fold {k} of {folds}")
        runs.append(run(train, dev))
    counts: Counter[str] = Counter()
    for _, fold_counts in runs:
        counts.update(fold_counts)
    return [_mean_scores(list(same)) for same in zip(*(r for r, _ in runs), strict=True)], dict(
        counts
    )


def _mean_scores(scores: list[FramingScores]) -> FramingScores:
    """One system's figures averaged over folds (a figure absent in any fold stays absent)."""

    def mean(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return sum(known) / len(known) if len(known) == len(values) else None

    castings = [s.casting for s in scores if s.casting is not None]
    casting = None
    if len(castings) == len(scores):
        casting = PRF(
            sum(c.precision for c in castings) / len(castings),
            sum(c.recall for c in castings) / len(castings),
        )
    return FramingScores(
        scores[0].system,
        mean([s.coarse_f1 for s in scores]),
        mean([s.fine_f1 for s in scores]),
        mean([s.main_accuracy for s in scores]),
        mean([s.emr for s in scores]),
        casting,
    )


_Run = tuple[list[FramingScores], dict[str, int]]


def _evaluate_split(
    train_data: Featurized,
    dev_data: Featurized,
    encoder: FramingEncoder,
    seed: int,
    say: Callable[[str], None],
    llm: LLMSettings | None,
) -> _Run:
    train, dev = train_data.docs, dev_data.docs
    model = train_model(train, data=train_data, seed=seed, progress=say)
    framer = Framer(model, encoder)

    ours = _score_framer(framer, "Parallax (trained on train split)", dev, dev_data.vectors)
    if "cast" in model.heads and dev_data.cast_labels:
        # as `analyze` casts: the casting head, in articles the domain check lets through
        near = [model.in_domain(v.document) for v in dev_data.vectors]
        kept = framer.casts(dev_data.cast_rows) & np.array([near[i] for i in dev_data.cast_docs])
        casting = cast_scores(dev_data.cast_labels, list(kept))
        ours = dataclasses.replace(ours, casting=casting)
    results = [ours]
    counts: dict[str, int] = {}
    if llm is not None:
        say(f"asking {llm.model} at {llm.url} about {len(dev)} dev documents")
        reader = LLMFramer(llm, model, encoder)
        results.append(_score_framer(reader, f"LLM {llm.model}", dev, dev_data.vectors))
        counts["LLM failures (framed by the heads)"] = reader.failures
        counts["LLM mentions with no valid role (the heads')"] = reader.left_to_heads

    baseline = _frequency_baseline(train, dev)
    every = cast_scores(dev_data.cast_labels, [True] * len(dev_data.cast_labels))
    name = "frequency baseline (most frequent label set; casts every entity)"
    results.append(dataclasses.replace(baseline, system=name, casting=every))

    say("scoring the SemEval labels as a user taxonomy (no training)")
    taxonomy = UserTaxonomy.from_dict(semeval_taxonomy(train), encoder=encoder)
    decisions = []
    for vec in dev_data.vectors:  # the task writes "<narrative>: Other" for no subnarrative
        labels = taxonomy.decide(vec).labels
        decisions.append(
            NarrativeDecision({k: v or [f"{k}: Other"] for k, v in labels.items()}, {})
        )
    u_coarse, u_fine = decision_scores(dev, decisions)
    results.append(
        FramingScores("user taxonomy (label names only, no training)", u_coarse, u_fine, None, None)
    )
    counts = {
        **counts,
        "train documents": len(train),
        "dev documents": len(dev),
        "dev mentions": len(dev_data.mentions),
        "dev entities (casting)": len(dev_data.cast_labels),
    }
    return results, counts


def _score_framer(
    framer: Framer, name: str, dev: list[TaskDocument], vectors: list[DocumentVectors]
) -> FramingScores:
    gold = [(m.main_role, m.fine_roles) for d in dev for m in d.mentions]
    predicted: list[tuple[str, list[str]]] = []
    for doc, vec in zip(dev, vectors, strict=True):
        spans = [mention_span(doc, m) for m in doc.mentions]
        predicted += [(r.main_role, r.fine_roles) for r in framer.roles(vec, spans)]
    main, emr = role_scores(gold, predicted)
    coarse, fine = decision_scores(dev, framer.decide_narratives(vectors))
    return FramingScores(name, coarse, fine, main, emr)


def _frequency_baseline(train: list[TaskDocument], dev: list[TaskDocument]) -> FramingScores:
    """The most frequent label set of the train split for every dev item (the caller adds
    casting every entity)."""
    top_narr = Counter(tuple(d.narratives) for d in train).most_common(1)[0][0]
    top_sub = Counter(tuple(d.subnarratives) for d in train).most_common(1)[0][0]
    mentions = [m for d in train for m in d.mentions]
    top_main = Counter(m.main_role for m in mentions).most_common(1)[0][0] if mentions else ""
    top_fine = Counter(m.fine_roles for m in mentions).most_common(1)[0][0] if mentions else ()
    decisions_c = [list(top_narr) for _ in dev]
    decisions_f = [list(top_sub) for _ in dev]
    coarse = scores_f1_samples([d.narratives for d in dev], decisions_c)
    fine = scores_f1_samples([d.subnarratives for d in dev], decisions_f)
    gold = [(m.main_role, m.fine_roles) for d in dev for m in d.mentions]
    main, emr = role_scores(gold, [(top_main, list(top_fine)) for _ in gold])
    return FramingScores("frequency baseline (most frequent label set)", coarse, fine, main, emr)
