"""Who said it: a quote's speaker phrase resolved to one of the article's entities.

A name resolves directly (or through an apposition: "the authority's chief engineer, Tomas
Reyes"); a pronoun to the last person speaking or named, of the right gender when titles told
it ("Mr.", "Ms."); a definite role ("the senator") to the one person the article describes so.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from parallax.model import Entity, Quote
from parallax.nlp.entities import EntityIndex

__all__ = ["SpeakerResolver"]

_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_MALE_TITLES = {"mr", "mr.", "sir", "king", "prince", "lord", "father", "congressman", "councilman"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "queen", "princess", "lady", "sister"}


class SpeakerResolver:
    """Resolves speaker phrases of one article, learning genders from titles as it goes."""

    def __init__(self, entities: EntityIndex) -> None:
        self.entities = entities
        self.gender: dict[str, str] = {}

    def resolve(
        self, speaker: Span | None, before: int, previous: list[Quote]
    ) -> tuple[str | None, Entity | None]:
        if speaker is None:
            return None, None
        head = speaker.root
        entity = self.entities.at(head)
        if entity is None:
            for token in speaker:
                if token.dep_ in {"compound", "flat"} or token.i == head.i:
                    entity = self.entities.at(token) or entity
        if entity is None:  # "the authority's chief engineer, Tomas Reyes, said"
            for child in head.children:
                if child.dep_ == "appos":
                    entity = self.entities.at(child)
                    if entity is not None:
                        break
        if entity is not None:
            self.learn_gender(entity, speaker)
            return entity.name, entity
        lower = head.lower_
        if head.pos_ == "PRON":
            entity = self.resolve_pronoun(lower, before, previous)
            return (entity.name, entity) if entity is not None else (None, None)
        if head.pos_ in {"NOUN", "PROPN"}:
            definite = any(
                t.lower_ in {"the", "this", "that"} or t.dep_ == "poss"
                for t in speaker
                if t.i < head.i
            )
            entity = self.resolve_role(speaker, before) if definite else None
            if entity is not None:
                return entity.name, entity
        return speaker.text, None

    def learn_gender(self, entity: Entity, speaker: Span) -> None:
        for token in speaker:
            word = token.lower_
            if word in _MALE_TITLES:
                self.gender[entity.id] = "m"
            elif word in _FEMALE_TITLES:
                self.gender[entity.id] = "f"

    def resolve_pronoun(self, pronoun: str, before: int, previous: list[Quote]) -> Entity | None:
        persons = pronoun in _MALE | _FEMALE | {"i", "me", "we"}
        wanted = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        by_id = {e.id: e for e in self.entities.entities}
        candidates: list[tuple[int, Entity]] = []
        for q in previous[-3:]:
            if q.speaker_entity and q.speaker_start is not None and q.speaker_start < before:
                candidates.append((q.speaker_start, by_id[q.speaker_entity]))
        for entity in self.entities.entities:
            for m in entity.mentions:
                if m.start < before:
                    candidates.append((m.start, entity))
        candidates.sort(key=lambda c: -c[0])
        for _, entity in candidates:
            if persons and entity.type != "PERSON":
                continue
            if not persons and entity.type not in {"ORG", "GPE", "NORP"}:
                continue
            if wanted and self.gender.get(entity.id, wanted) != wanted:
                continue
            if wanted:
                self.gender.setdefault(entity.id, wanted)
            return entity
        return None

    def resolve_role(self, speaker: Span, before: int) -> Entity | None:
        """A definite description ("the senator") names the one person it describes."""
        words = {t.lemma_.lower() for t in speaker if t.pos_ in {"NOUN", "PROPN"}}
        if not words:
            return None
        matches = []
        for entity in self.entities.entities:
            if entity.type != "PERSON" or not entity.mentions or entity.mentions[0].start >= before:
                continue
            described = {
                w.lower().strip(".,") for d in entity.descriptors for w in re.split(r"[\s-]+", d)
            }
            if speaker.root.lemma_.lower() in _heads(entity.descriptors) and words & described:
                matches.append(entity)
        return matches[0] if len(matches) == 1 else None


_POSTMODIFIER = re.compile(r"\s+(?:of|from|at|for|in|on|with|to|who|which|that|since)\s+", re.I)


def _heads(descriptors: list[str]) -> set[str]:
    """The head nouns of descriptors: "the chair" describes an "authority chair", "the
    authority" does not; "head of the cooperative" is a head, "a senator from Ohio" a senator.

    >>> sorted(_heads(["authority chair", "head of the Wexley Bay cooperative", "a senator from Ohio"]))
    ['chair', 'head', 'senator']
    """
    heads = set()
    for descriptor in descriptors:
        words = re.split(r"[\s-]+", _POSTMODIFIER.split(descriptor.strip())[0])
        if words and words[-1]:
            heads.add(words[-1].lower().strip(".,"))
    return heads
