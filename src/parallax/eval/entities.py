"""Score person canonicalization on hand-labelled real articles (`data/gold/entities-*.tsv`).

Each gold line lists the people one article names, under the fullest name it uses. A person is
right when exactly one PERSON entity carries that name and no other entity of any type is a
fragment of it (a lone "Trump" or "Melania" beside "Melania Trump" is a split). PERSON entities
that are neither gold nor fragments are spurious (an app or a book taken for a person).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from parallax.nlp.entities import extract_entities

__all__ = ["EntityScore", "load_entity_gold", "score_entities"]


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").casefold().split())


@dataclass
class EntityScore:
    articles: int = 0
    persons: int = 0
    once_full: int = 0
    predicted_persons: int = 0
    spurious: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of gold persons found once, under their full name, typed PERSON."""
        return self.once_full / self.persons if self.persons else 0.0

    @property
    def precision(self) -> float:
        """Share of predicted PERSON entities that are gold persons."""
        good = self.predicted_persons - len(self.spurious)
        return good / self.predicted_persons if self.predicted_persons else 0.0


def load_entity_gold(path: Path) -> dict[str, list[str]]:
    gold: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stem, *names = line.split("\t")
            gold[stem] = names
    return gold


def _body(text: str) -> str:
    """PolNeAR files open with the headline paragraph; Parallax analyzes the body."""
    head, sep, rest = text.partition("\n\n")
    return rest if sep else head


def score_entities(nlp: Language, gold: dict[str, list[str]], texts: Path) -> EntityScore:
    score = EntityScore()
    for stem, names in gold.items():
        path = texts / f"{stem}.txt"
        if not path.is_file():
            continue
        score.articles += 1
        entities = extract_entities(nlp(_body(path.read_text(encoding="utf-8")))).entities
        gold_names = {_fold(n) for n in names}
        fragments: set[str] = set()
        for name in names:
            score.persons += 1
            words = set(_fold(name).split())
            exact = [e for e in entities if _fold(e.name) == _fold(name)]
            parts = [
                e
                for e in entities
                if _fold(e.name) != _fold(name)
                and _fold(e.name) not in gold_names
                and set(_fold(e.name).split()) < words
            ]
            fragments |= {_fold(e.name) for e in parts}
            if len(exact) == 1 and exact[0].type == "PERSON" and not parts:
                score.once_full += 1
            else:
                found = [(e.name, e.type) for e in exact + parts]
                score.errors.append(f"{stem}: {name!r} found as {found}")
        for entity in entities:
            if entity.type != "PERSON":
                continue
            score.predicted_persons += 1
            if _fold(entity.name) not in gold_names and _fold(entity.name) not in fragments:
                score.spurious.append(f"{stem}: {entity.name!r}")
    return score
