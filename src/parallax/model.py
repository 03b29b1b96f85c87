"""The typed contract between pipeline stages: `Article` and what cleaning records on it.

Stages add to an `Article`; none reaches back. `Article.to_dict()` is the JSON object that
`parallax analyze --format jsonl` prints (its schema: `parallax/schema/article.schema.json`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "Article",
    "DatePrecision",
    "Entity",
    "Event",
    "Evidence",
    "Mention",
    "Narrative",
    "Quote",
    "RawArticle",
    "RemovedBlock",
    "Role",
    "Timex",
    "article_id",
    "normalize_for_hash",
]

DatePrecision = Literal["second", "minute", "day", "month", "year"]


@dataclass(slots=True)
class RawArticle:
    """What a reader yields: the text as found, before cleaning.

    `paragraphs` are the body blocks in reading order; `meta` holds reader-found metadata that
    cleaning may confirm or fill (keys: url, outlet, authors, published, updated, language, id).
    """

    source: str
    title: str | None
    paragraphs: list[str]
    subtitle: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    format: str = "text"


@dataclass(slots=True, frozen=True)
class RemovedBlock:
    """A block of scraped debris taken out of the body, with why it went."""

    text: str
    reason: str
    index: int = -1  # position among the reader's paragraphs; -1 when not a whole paragraph


@dataclass(slots=True, frozen=True)
class Mention:
    """Where an entity is named in `Article.body`: the text as written and its character span."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """A person, organisation or place of one article, under one canonical name.

    `id` is unique within the article (``e1``, ``e2`` ...); `key` is the cross-article identity
    key the store merges on (see `parallax.nlp.entities.entity_key`).
    """

    id: str
    name: str
    type: str
    key: str
    descriptors: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "key": self.key,
            "descriptors": list(self.descriptors),
            "mentions": [asdict(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            key=data.get("key") or data["name"].casefold(),
            descriptors=list(data.get("descriptors") or []),
            mentions=[Mention(**m) for m in data.get("mentions") or []],
        )


QuoteKind = Literal["direct", "indirect"]


@dataclass(slots=True)
class Quote:
    """Something a speaker said, with every span pointing into `Article.body`.

    `parts` are the spans of the quoted content (a direct quote split by its cue has several);
    `start`/`end` cover them all. `speaker` is the canonical name of the resolved entity, or the
    speaker as written when it names no entity ("officials"); `None` when it could not be
    resolved (an unresolved "he" is never reported as the speaker).
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity: str | None
    confidence: float
    parts: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["parts"] = [list(p) for p in self.parts]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        values = dict(data)
        values["parts"] = [tuple(p) for p in data.get("parts") or []]
        return cls(**values)


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True, frozen=True)
class Timex:
    """A temporal expression in `Article.body`, with its TIMEX3 type and normalized value.

    `value` follows TimeML: `2021-03-02`, `2021-03`, `2021-W09`, `2021-Q3`, `2008`, `P200D`,
    `PAST_REF`, `XXXX-WXX-3` (a weekday that no known publication date anchors), or `None`.
    `anchor`: for a span counted from the day the story was on ("Four days later", after "On
    March 3"), the calendar value it points at (`2021-03-07`); TimeML keeps such a span a
    DURATION (`P4D`), and the timeline dates its sentence by the anchor.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str | None
    anchor: str | None = None


@dataclass(slots=True, frozen=True)
class Event:
    """A dated sentence: what the article reports happened (or will happen) on `date`.

    `date` is the TIMEX3 value of the expression that dates it, `precision` its granularity
    (day, week, month, quarter, season, year, decade, minute), `sort_start` the first day it
    covers (ISO), `start`/`end` the sentence's span in `Article.body`, and `speaker` the
    quote's speaker when the sentence is something someone said.
    """

    date: str
    precision: str
    sort_start: str
    sentence: str
    start: int
    end: int
    timex: str
    speaker: str | None = None


@dataclass(slots=True, frozen=True)
class Evidence:
    """A sentence of `Article.body` that supports a label, with its span and its weight."""

    sentence: str
    start: int
    end: int
    score: float


def _with_evidence(data: dict[str, Any]) -> dict[str, Any]:
    values = dict(data)
    values["evidence"] = [Evidence(**e) for e in data.get("evidence") or []]
    return values


@dataclass(slots=True)
class Role:
    """How the article casts an entity at one mention (SemEval-2025 Task 10 roles).

    `main_role` is Protagonist, Antagonist or Innocent; `fine_roles` the fine-grained roles
    under it (Guardian, Tyrant, Victim ...); `start`/`end` the mention's span in `Article.body`;
    `evidence` the sentence that carries the mention.
    """

    mention: str
    start: int
    end: int
    entity: str | None
    main_role: str
    fine_roles: list[str]
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        return cls(**_with_evidence(data))


@dataclass(slots=True)
class Narrative:
    """A narrative the article pushes, as the full label of its taxonomy
    (``URW: Discrediting the West, Diplomacy``), with subnarratives, the supporting sentences
    and a short explanation built from them."""

    label: str
    subnarratives: list[str]
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Narrative:
        return cls(**_with_evidence(data))


@dataclass(slots=True)
class Article:
    """A clean article: the unit every analysis attaches to."""

    id: str
    source: str
    title: str | None
    paragraphs: list[str]
    subtitle: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_precision: DatePrecision | None = None
    updated: datetime | None = None
    language: str | None = None
    removed: list[RemovedBlock] = field(default_factory=list)
    record_id: str | None = None
    format: str = "text"
    duplicate_of: str | None = None
    entities: list[Entity] | None = None  # None: the NLP stage has not run
    quotes: list[Quote] | None = None
    timexes: list[Timex] | None = None
    events: list[Event] | None = None
    roles: list[Role] | None = None  # None: the framing stage has not run
    narratives: list[Narrative] | None = None
    # the framing stage gave the entities the article names no roles: it is unlike the
    # documents the role model learned from (its roles are then [], not a finding)
    roles_withheld: bool = False

    @property
    def body(self) -> str:
        """The clean body: paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON object (see the schema file)."""
        return {
            "id": self.id,
            "source": self.source,
            "record_id": self.record_id,
            "format": self.format,
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "outlet": self.outlet,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "published_precision": self.published_precision,
            "updated": self.updated.isoformat() if self.updated else None,
            "language": self.language,
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "removed": [asdict(r) for r in self.removed],
            "duplicate_of": self.duplicate_of,
            "entities": None if self.entities is None else [e.to_dict() for e in self.entities],
            "quotes": None if self.quotes is None else [q.to_dict() for q in self.quotes],
            "timexes": None if self.timexes is None else [asdict(t) for t in self.timexes],
            "events": None if self.events is None else [asdict(e) for e in self.events],
            "roles": None if self.roles is None else [r.to_dict() for r in self.roles],
            "narratives": None
            if self.narratives is None
            else [n.to_dict() for n in self.narratives],
            "roles_withheld": self.roles_withheld,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of `to_dict` (used by the store)."""
        return cls(
            id=data["id"],
            source=data["source"],
            record_id=data.get("record_id"),
            format=data.get("format") or "text",
            url=data.get("url"),
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            outlet=data.get("outlet"),
            authors=list(data.get("authors") or []),
            published=_parse_iso(data.get("published")),
            published_precision=data.get("published_precision"),
            updated=_parse_iso(data.get("updated")),
            language=data.get("language"),
            paragraphs=list(data.get("paragraphs") or []),
            removed=[RemovedBlock(**r) for r in data.get("removed") or []],
            duplicate_of=data.get("duplicate_of"),
            entities=None
            if data.get("entities") is None
            else [Entity.from_dict(e) for e in data["entities"]],
            quotes=None
            if data.get("quotes") is None
            else [Quote.from_dict(q) for q in data["quotes"]],
            timexes=None if data.get("timexes") is None else [Timex(**t) for t in data["timexes"]],
            events=None if data.get("events") is None else [Event(**e) for e in data["events"]],
            roles=None if data.get("roles") is None else [Role.from_dict(r) for r in data["roles"]],
            narratives=None
            if data.get("narratives") is None
            else [Narrative.from_dict(n) for n in data["narratives"]],
            roles_withheld=bool(data.get("roles_withheld")),
        )


def _parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]")


def normalize_for_hash(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form used for exact de-duplication."""
    if not text.isascii():  # accents only exist outside ASCII; skip the per-character pass
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text.casefold())
    return _SPACE.sub(" ", text).strip()


def article_id(title: str | None, body: str) -> str:
    """Stable id: the same title and normalized body always give the same id.

    >>> article_id("A", "b c") == article_id("a", "B  c!")
    True
    """
    digest = hashlib.sha256(normalize_for_hash(f"{title or ''}\n{body}").encode("utf-8"))
    return digest.hexdigest()[:16]
