"""SemEval-2025 Task 10 files: documents, gold annotations, the domain-stratified split, and
the official submission formats (subtask 1 roles, subtask 2 narratives, subtask 3
explanations).

A task document is `title`, a blank line, then the body; annotation offsets count from the
start of the file and a mention's end offset is inclusive.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parallax.errors import ParallaxError

__all__ = [
    "GoldMention",
    "TaskDocument",
    "domain_of",
    "format_subtask1",
    "format_subtask2",
    "format_subtask3",
    "load_documents",
    "read_document",
    "read_mentions",
    "split_documents",
]


@dataclass(slots=True, frozen=True)
class GoldMention:
    """A subtask-1 line: the mention, its file offsets (end inclusive) and its roles."""

    file: str
    text: str
    start: int
    end: int
    main_role: str = ""
    fine_roles: tuple[str, ...] = ()


@dataclass(slots=True)
class TaskDocument:
    """One task document, split into title and body, with its gold labels when known."""

    name: str
    title: str
    body: str
    body_offset: int
    narratives: list[str] = field(default_factory=list)
    subnarratives: list[str] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def domain(self) -> str:
        return domain_of(self.name)


def domain_of(name: str) -> str:
    """`UA` or `CC` from a task file name (`EN_UA_300009.txt`); `?` otherwise."""
    parts = name.split("_")
    return parts[1] if len(parts) > 2 else "?"


def read_document(path: Path) -> TaskDocument:
    """A task document from its file; the first line is the title."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParallaxError(f"{path}: cannot read ({exc})") from exc
    if not text.strip():
        raise ParallaxError(f"{path}: empty document")
    title, sep, rest = text.partition("\n")
    offset = len(title) + len(sep)
    while rest.startswith(("\n", "\r\n")):
        step = 2 if rest.startswith("\r\n") else 1
        rest, offset = rest[step:], offset + step
    return TaskDocument(path.name, title.strip(), rest, offset)


def _split_labels(field_text: str) -> list[str]:
    return [x.strip() for x in field_text.split(";") if x.strip()]


def read_mentions(path: Path) -> list[GoldMention]:
    """Tab-separated `file mention start end [main_role fine_role...]` lines."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        try:
            start, end = int(cols[2]), int(cols[3])
        except (IndexError, ValueError):
            raise ParallaxError(
                f"{path}:{number}: expected 'file<TAB>mention<TAB>start<TAB>end'"
            ) from None
        roles = tuple(c.strip() for c in cols[5:] if c.strip())
        main = cols[4].strip() if len(cols) > 4 else ""
        out.append(GoldMention(cols[0].strip(), cols[1], start, end, main, roles))
    return out


def load_documents(folder: Path) -> list[TaskDocument]:
    """The task's `raw-documents/` with the gold of `subtask-1/2-annotations.txt` beside them."""
    raw = folder / "raw-documents"
    if not raw.is_dir():
        raise ParallaxError(f"{folder}: no raw-documents/ folder (a SemEval-2025 T10 split)")
    docs = {p.name: read_document(p) for p in sorted(raw.glob("*.txt"))}
    narratives = folder / "subtask-2-annotations.txt"
    if narratives.is_file():
        for line in narratives.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0] in docs:
                docs[cols[0]].narratives = [x for x in _split_labels(cols[1]) if x != "Other"]
                docs[cols[0]].subnarratives = [x for x in _split_labels(cols[2]) if x != "Other"]
    roles = folder / "subtask-1-annotations.txt"
    if roles.is_file():
        for mention in read_mentions(roles):
            if mention.file in docs and mention.main_role:
                docs[mention.file].mentions.append(mention)
    return list(docs.values())


def split_documents(
    docs: list[TaskDocument], dev_fraction: float = 0.2, seed: int = 7
) -> tuple[list[TaskDocument], list[TaskDocument]]:
    """A reproducible train/dev split, stratified by domain (file-name order, then shuffled)."""
    rng = random.Random(seed)
    dev: set[str] = set()
    for domain in sorted({d.domain for d in docs}):
        names = sorted(d.name for d in docs if d.domain == domain)
        rng.shuffle(names)
        dev.update(names[: round(len(names) * dev_fraction)])
    return [d for d in docs if d.name not in dev], [d for d in docs if d.name in dev]


def fold_documents(
    docs: list[TaskDocument], folds: int = 5, seed: int = 7
) -> list[tuple[list[TaskDocument], list[TaskDocument]]]:
    """`folds` reproducible (train, dev) splits, stratified by domain, in which every document
    is in the dev part of exactly one."""
    rng = random.Random(seed)
    fold_of: dict[str, int] = {}
    for domain in sorted({d.domain for d in docs}):
        names = sorted(d.name for d in docs if d.domain == domain)
        rng.shuffle(names)
        fold_of.update((name, i % folds) for i, name in enumerate(names))
    return [
        ([d for d in docs if fold_of[d.name] != k], [d for d in docs if fold_of[d.name] == k])
        for k in range(folds)
    ]


def format_subtask1(rows: Iterable[tuple[GoldMention, str, list[str]]]) -> list[str]:
    """`file mention start end main_role fine_role...` lines."""
    return [
        "\t".join([m.file, m.text, str(m.start), str(m.end), main, *fine]) for m, main, fine in rows
    ]


def format_subtask2(name: str, labels: dict[str, list[str]]) -> str:
    """`file narratives subnarratives`, `;`-separated, `Other` when none."""
    if not labels:
        return f"{name}\tOther\tOther"
    subs = [s for group in labels.values() for s in group]
    return f"{name}\t{';'.join(labels)}\t{';'.join(subs)}"


def format_subtask3(name: str, narrative: str, subnarrative: str, explanation: str) -> str:
    """`file dominant_narrative dominant_subnarrative explanation` (one line, no tabs)."""
    clean = " ".join(explanation.replace("\t", " ").split())
    return f"{name}\t{narrative}\t{subnarrative}\t{clean}"
