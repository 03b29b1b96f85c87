"""Main-role accuracy of entity-role features in 5-fold cross-validation grouped by document.

Scores every gold mention of the SemEval-2025 T10 English documents (3 shuffles of the
document folds) with a logistic head, next to the majority role of each training fold:

- `shipped`: the mention vectors the framing stage reads (int8-single MiniLM on ONNX Runtime),
  at the C the shipped main-role head was trained with (chosen by `parallax train framing`'s
  own cross-validation);
- each `--model DIR` (a sentence-transformers folder with a Hugging Face model in it, read with
  PyTorch in float): the mean state of the mention's word pieces in its sentence, from the last
  layer and from the mean of the last four, alone and with the sentence's mean state.

- `--narratives`: the shipped vectors with the document's gold coarse narratives beside
  them, alone and crossed with the mention's name where it is met at least three times (an
  upper bound for reading the article's side from its narratives).

    python scripts/role_encoders_cv.py
    python scripts/role_encoders_cv.py --model /path/to/all-mpnet-base-v2
    python scripts/role_encoders_cv.py --narratives

The README's "what the role figures rest on" quotes this script's output. A research aid, not a
test: it needs `../shared/data/semeval2025t10-en` and, for `--model`, PyTorch.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from parallax.framing.encoder import sentence_at
from parallax.framing.heads import load_model
from parallax.framing.semeval import TaskDocument, load_documents
from parallax.framing.train import featurize, mention_span

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "semeval2025t10-en" / "train"
Reading = tuple[int, str, int, int, str]  # document, sentence, mention start/end in it, role


def readings(docs: list[TaskDocument]) -> list[Reading]:
    """Each body mention in its sentence, with its document and gold main role."""
    out = []
    for i, doc in enumerate(docs):
        for mention in doc.mentions:
            span = mention_span(doc, mention)
            if span.start < 0:  # a title mention: the shipped features read it elsewhere
                continue
            a, b = sentence_at(doc.body, span.start) or (span.start, span.end)
            out.append((i, doc.body[a:b], span.start - a, span.end - a, mention.main_role))
    return out


def cross_validate(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, fit: Callable[[], Any]
) -> float:
    from sklearn.model_selection import GroupKFold

    scores = []
    for seed in range(3):
        shuffled = np.random.default_rng(seed).permutation(groups.max() + 1)[groups]
        predicted = np.empty(len(y), dtype=object)
        for train, test in GroupKFold(5).split(x, y, shuffled):
            predicted[test] = fit().fit(x[train], y[train]).predict(x[test])
        scores.append(float((predicted == y).mean()))
    return float(np.mean(scores))


class Majority:
    """The most frequent role of the training fold, for every mention."""

    label: str = ""

    def fit(self, _x: np.ndarray, y: np.ndarray) -> Majority:
        self.label = Counter(y.tolist()).most_common(1)[0][0]
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.array([self.label] * len(x), dtype=object)


def narrative_rows(docs: list[TaskDocument]) -> np.ndarray:
    """One row per document: 1 for each gold coarse narrative it has."""
    labels = sorted({n for doc in docs for n in doc.narratives})
    rows = np.zeros((len(docs), len(labels)))
    for i, doc in enumerate(docs):
        for label in doc.narratives:
            rows[i, labels.index(label)] = 1.0
    return rows


def name_rows(items: list[Reading]) -> np.ndarray:
    """One row per mention: which of the names met at least three times it is."""
    names = [sentence[a:b].casefold() for _, sentence, a, b, _ in items]
    common = [name for name, count in Counter(names).items() if count >= 3]
    return np.array([[float(name == other) for other in common] for name in names])


def model_states(folder: str, items: list[Reading]) -> dict[str, np.ndarray]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder, output_hidden_states=True).eval()
    rows: dict[str, list[np.ndarray]] = {"last": [], "last4": [], "sentence4": []}
    started = time.perf_counter()
    with torch.no_grad():
        for _, sentence, a, b, _ in items:
            enc = tokenizer(sentence, return_offsets_mapping=True, truncation=True, max_length=256)
            offsets = enc.pop("offset_mapping")
            states = model(**{k: torch.tensor([v]) for k, v in enc.items()}).hidden_states
            pieces = [i for i, (s, e) in enumerate(offsets) if e > s and s < b and e > a]
            pieces = pieces or list(range(1, len(offsets) - 1))
            last4 = torch.stack(states[-4:]).mean(0)[0]
            for name, vector in (
                ("last", states[-1][0][pieces].mean(0)),
                ("last4", last4[pieces].mean(0)),
                ("sentence4", last4[1:-1].mean(0)),
            ):
                rows[name].append(torch.nn.functional.normalize(vector, dim=0).numpy())
    rate = len(items) / (time.perf_counter() - started)
    print(f"{Path(folder).name}: {rate:.1f} sentences/s on 2 threads (float PyTorch)")
    return {k: np.array(v) for k, v in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", action="append", default=[], help="a model folder (repeat)")
    parser.add_argument(
        "--narratives", action="store_true", help="add the gold coarse narratives (upper bound)"
    )
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    docs = load_documents(args.data)
    items = readings(docs)
    y = np.array([it[4] for it in items], dtype=object)
    groups = np.array([it[0] for it in items])
    print(f"{len(items)} body mentions in {len(set(groups.tolist()))} documents")
    print(
        f"majority role of the training folds: {cross_validate(y[:, None], y, groups, Majority):.3f}"
    )

    def logistic(c: float) -> Callable[[], Any]:
        return lambda: LogisticRegression(C=c, max_iter=3000)

    data = featurize(docs)
    kept = [mention_span(d, m).start >= 0 for d in docs for m in d.mentions]
    shipped = data.mention_rows[np.array(kept)]
    c_main = float(load_model().info["role_C"]["main"])
    print(
        f"shipped mention vectors, C={c_main}: "
        f"{cross_validate(shipped, y, groups, logistic(c_main)):.3f}"
    )
    if args.narratives:
        gold = narrative_rows(docs)[groups]
        names = name_rows(items)
        crossed = np.einsum("ij,ik->ijk", names, gold).reshape(len(items), -1)
        alone = cross_validate(np.hstack([shipped, gold]), y, groups, logistic(c_main))
        both = cross_validate(np.hstack([shipped, gold, crossed]), y, groups, logistic(c_main))
        print(f"shipped + gold narratives: {alone:.3f}; + crossed with the name: {both:.3f}")
    for folder in args.model:
        states = model_states(folder, items)
        for c in (1.0, 3.0, 10.0):
            with_sentence = np.hstack([states["last4"], states["sentence4"]])
            print(
                f"{Path(folder).name} C={c}: last layer "
                f"{cross_validate(states['last'], y, groups, logistic(c)):.3f}; "
                f"last four {cross_validate(states['last4'], y, groups, logistic(c)):.3f}; "
                f"last four + sentence {cross_validate(with_sentence, y, groups, logistic(c)):.3f}"
            )


if __name__ == "__main__":
    main()
