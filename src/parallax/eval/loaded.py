"""Score the loaded-language model on hand-labelled words of real articles.

Gold: `data/gold/loaded-terms-polnear.tsv`, the adjectives and adverbs of 100 PolNeAR train
articles that neither shipped word list holds, labelled loaded / plain by hand. It is a
stratified sample: every word the model flagged when the file was made, plus 100 drawn at random
from the rest, each standing for `weight` words; precision and recall are weighted accordingly,
so they estimate the figures over all 1,262 candidate words. The baseline, same file, flags
every adjective and adverb (what a comparison without the model would have to show, or drop).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parallax.errors import ParallaxError
from parallax.eval.cleaning import GOLD_DIR
from parallax.eval.metrics import PRF
from parallax.stories.loaded import LoadedTermModel, load_loaded_model

__all__ = ["GOLD_FILE", "LabelledWord", "evaluate_loaded", "load_labels"]

GOLD_FILE = GOLD_DIR / "loaded-terms-polnear.tsv"


@dataclass(frozen=True, slots=True)
class LabelledWord:
    word: str
    weight: float
    loaded: bool


def load_labels(path: Path = GOLD_FILE) -> list[LabelledWord]:
    """The labelled words (`word  stratum  weight  loaded` lines, `#` comments, a header)."""
    if not path.is_file():
        raise ParallaxError(f"{path}: no loaded-term labels there")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "word\t")):
            continue
        word, _stratum, weight, loaded = line.split("\t")
        rows.append(LabelledWord(word, float(weight), loaded.strip() == "1"))
    return rows


def _prf(rows: list[LabelledWord], flagged: list[bool]) -> PRF:
    hit = sum(r.weight for r, f in zip(rows, flagged, strict=True) if f and r.loaded)
    said = sum(r.weight for r, f in zip(rows, flagged, strict=True) if f)
    real = sum(r.weight for r in rows if r.loaded)
    return PRF(hit / said if said else 0.0, hit / real if real else 0.0)


def evaluate_loaded(
    path: Path = GOLD_FILE, model: LoadedTermModel | None = None
) -> list[tuple[str, PRF]]:
    """(system, weighted precision / recall) for the model at its threshold, at twice it
    (stricter), and for flagging every adjective and adverb."""
    rows = load_labels(path)
    model = model or load_loaded_model()
    scores = model.scores([r.word for r in rows])
    results = []
    for name, at in (
        (f"model (threshold {model.threshold:g})", model.threshold),
        (f"model (threshold {model.threshold * 2:g})", model.threshold * 2),
    ):
        results.append((name, _prf(rows, [scores[r.word] >= at for r in rows])))
    results.append(("every adjective and adverb", _prf(rows, [True] * len(rows))))
    return results
