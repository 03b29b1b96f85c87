"""Entities of one article under canonical names, with descriptors, from spaCy NER.

spaCy finds the mentions; the rules here do what its pipelines do not: strip titles and
possessives off mentions, group "Hillary Clinton" / "Clinton" / "Mrs. Clinton" into one person,
fix a mention's type by the group's vote (a surname once tagged ORG stays a PERSON), link
acronyms to their long form, and keep descriptors from titles ("press secretary Jane Doe") and
appositions ("John Roe, a senator from Ohio,").

>>> from parallax.nlp.pipeline import load_nlp
>>> doc = load_nlp()("White House press secretary Jane Doe spoke. Doe said little.")
>>> [(e.name, e.type, e.descriptors, len(e.mentions)) for e in extract_entities(doc).entities]
[('White House', 'ORG', [], 1), ('Jane Doe', 'PERSON', ['White House press secretary'], 2)]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from parallax.model import Entity, Mention
from parallax.nlp.lexicon import TITLE_WORDS

__all__ = ["ENTITY_TYPES", "EntityIndex", "entity_key", "extract_entities"]

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_VOTE_TO_PERSON = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "GPE"})
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "&"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_LEADING_DET = frozenset({"the", "a", "an"})
_MAX_DESCRIPTOR_TOKENS = 14
_NAME_NOISE = re.compile(r"[^\w\s.'\u2019-]|\d")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "dr", "prof"})


@dataclass
class EntityIndex:
    """The entities of one doc and, for each token inside a mention, the entity it belongs to."""

    entities: list[Entity] = field(default_factory=list)
    token_entity: dict[int, Entity] = field(default_factory=dict)

    def at(self, token: Token) -> Entity | None:
        return self.token_entity.get(token.i)


@dataclass
class _Group:
    label_votes: Counter[str]
    spans: list[Span]
    titles: list[str]

    @property
    def label(self) -> str:
        return self.label_votes.most_common(1)[0][0]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def entity_key(name: str, type_: str) -> str:
    """A cross-article identity key, tolerant of transliteration variants.

    Drops accents, the Arabic article, doubled letters and hyphens, and folds the letters that
    transliterations swap (q/k/gh -> g, dh/th -> d, ou/u/w, ee/i/y), so "Muammar al-Qaddafi" and
    "Muammar Gaddafi" share a key.

    >>> entity_key("Muammar al-Qaddafi", "PERSON") == entity_key("Muammar Gaddafi", "PERSON")
    True
    >>> entity_key("António Guterres", "PERSON")
    'PERSON:antonio guteres'
    """
    folded = _fold(name)
    folded = re.sub(r"\b(?:al|el|ul)[-\s]", "", folded)
    folded = re.sub(r"[^a-z0-9 ]", "", folded.replace("-", ""))
    for pattern, repl in (
        (r"gh|kh|q|k|c(?=[aou])", "g"),
        (r"dh|th", "d"),
        (r"ou|w", "u"),
        (r"ee|y|ie", "i"),
        (r"ph", "f"),
    ):
        folded = re.sub(pattern, repl, folded)
    folded = re.sub(r"(.)\1+", r"\1", folded)
    return f"{type_}:{' '.join(folded.split())}"


def _trim(span: Span) -> tuple[Span, list[str]]:
    """Strip a leading article, leading titles (returned) and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    titles: list[str] = []
    while start < end and doc[start].lower_ in _LEADING_DET:
        start += 1
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    if span.label_ == "PERSON":
        while end - start > 1 and doc[start].lower_.rstrip(".") in TITLE_WORDS:
            if doc[start].lower_.rstrip(".") not in _HONORIFICS:
                titles.append(doc[start].text)
            start += 1
    return Span(doc, start, end, label=span.label_), titles


def _words(span: Span) -> list[str]:
    return [_fold(t.text).rstrip(".") for t in span if not t.is_punct or t.text == "-"]


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in _ACRONYM_SKIP)


def _is_noise(span: Span) -> bool:
    text = span.text
    if not any(c.isalpha() for c in text) or not any(c.isupper() for c in text):
        return True
    if span.label_ == "PERSON" and all(t.lower_.rstrip(".") in TITLE_WORDS for t in span):
        return True
    if span.label_ == "PERSON" and _NAME_NOISE.search(text):
        return True
    return len(span) > 8


def _split_possessive(ent: Span) -> list[Span]:
    """`Green Party's Jill Stein` tagged as one ORG: the owner, and the person after it."""
    if ent.label_ == "PERSON":
        return [ent]
    doc = ent.doc
    for token in ent[1:-1]:
        if token.text in _POSSESSIVE:
            person = doc[token.i + 1 : ent.end]
            if len(person) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in person):
                owner = Span(doc, ent.start, token.i + 1, label=ent.label_)
                return [owner, Span(doc, token.i + 1, ent.end, label="PERSON")]
    return [ent]


def _collect(doc: Doc) -> list[tuple[Span, list[str]]]:
    found = []
    for whole in doc.ents:
        if whole.label_ not in ENTITY_TYPES and whole.label_ not in _VOTE_TO_PERSON:
            continue
        for ent in _split_possessive(whole):
            span, titles = _trim(ent)
            if len(span) and not _is_noise(span):
                found.append((span, titles))
    return found


def _person_groups(mentions: list[tuple[Span, list[str]]]) -> list[_Group]:
    """Group PERSON mentions: longest names first; shorter ones join the nearest name they fit."""
    persons = [(s, t) for s, t in mentions if s.label_ == "PERSON"]
    order = sorted(range(len(persons)), key=lambda i: (-len(_words(persons[i][0])), i))
    groups: list[_Group] = []
    names: list[list[str]] = []
    for i in order:
        span, titles = persons[i]
        words = _words(span)
        candidates = [g for g, name in enumerate(names) if _fits(words, name) and groups[g].spans]
        if candidates:
            best = min(candidates, key=lambda g: _distance(groups[g], span))
            groups[best].spans.append(span)
            groups[best].titles.extend(titles)
            groups[best].label_votes["PERSON"] += 1
        else:
            groups.append(_Group(Counter({"PERSON": 1}), [span], list(titles)))
            names.append(words)
    return groups


def _fits(words: list[str], name: list[str]) -> bool:
    """Whether a mention's words can name the person `name` (surname, first name, or a subset)."""
    if words == name:
        return True
    if len(words) == 1:
        return words[0] in (name[-1], name[0]) and len(name) > 1
    return len(words) < len(name) and words[-1] == name[-1] and set(words) <= set(name)


def _distance(group: _Group, span: Span) -> int:
    """Tokens back to the group's nearest mention before `span` (after it counts as far)."""
    before = [span.start - s.start for s in group.spans if s.start <= span.start]
    return min(before) if before else 10**6 + min(s.start - span.start for s in group.spans)


def _other_groups(mentions: list[tuple[Span, list[str]]], persons: list[_Group]) -> list[_Group]:
    person_names = {
        " ".join(w): g for g in persons for s in g.spans for w in [_words(s)] if len(w) > 1
    }
    surnames: dict[str, _Group] = {}
    first_names: dict[str, list[_Group]] = {}
    for g in persons:
        full = max((_words(s) for s in g.spans), key=len)
        if len(full) > 1:
            surnames[full[-1]] = g
            first_names.setdefault(full[0], []).append(g)
    for (
        first,
        owners,
    ) in first_names.items():  # "Melania" names Melania Trump if she is the only one
        if len(owners) == 1 and first not in surnames:
            surnames[first] = owners[0]
    groups: dict[str, _Group] = {}
    for span, titles in mentions:
        if span.label_ == "PERSON":
            continue
        words = _words(span)
        joined = " ".join(words)
        person = person_names.get(joined) or (
            surnames.get(joined) if span.label_ in _VOTE_TO_PERSON else None
        )
        if person is not None:  # a person's name tagged as something else: the vote fixes it
            person.spans.append(span)
            person.label_votes["PERSON"] += 1
            continue
        if span.label_ not in ENTITY_TYPES:
            continue
        group = groups.setdefault(joined, _Group(Counter(), [], []))
        group.spans.append(span)
        group.label_votes[span.label_] += 1
        group.titles.extend(titles)
    # an acronym ("UN") joins the long form whose initials it spells ("United Nations")
    by_acronym = {
        _acronym(k.split()): k
        for k in groups
        if len(k.split()) > 1 and len(_acronym(k.split())) > 1
    }
    for key in list(groups):
        target = by_acronym.get(key.replace(".", "").replace(" ", ""))
        if target and target != key and key.isalpha() is not None and len(key) <= 6:
            groups[target].spans.extend(groups[key].spans)
            groups[target].label_votes.update(groups.pop(key).label_votes)
    return list(groups.values())


def _sweep_surnames(doc: Doc, persons: list[_Group]) -> None:
    """Add the surname mentions NER missed ("Mr. Guterres left") to the one person they name."""
    taken = {t.i for g in persons for s in g.spans for t in s}
    by_surname: dict[str, list[_Group]] = {}
    for group in persons:
        full = max((s for s in group.spans), key=len)
        if len(full) > 1 and full[-1].text[:1].isupper():
            by_surname.setdefault(full[-1].text, []).append(group)
    for token in doc:
        owners = by_surname.get(token.text)
        if owners and len(owners) == 1 and token.i not in taken and token.pos_ in {"PROPN", "NOUN"}:
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # part of a longer name that is not this person
            owners[0].spans.append(Span(doc, token.i, token.i + 1, label="PERSON"))
            owners[0].label_votes["PERSON"] += 1


def _canonical(group: _Group) -> str:
    texts = Counter(s.text for s in group.spans)
    return max(texts, key=lambda t: (len(t.split()), not t.isupper(), texts[t], len(t)))


def _clean_descriptor(tokens: list[Token]) -> str | None:
    while tokens and (tokens[0].lower_ in _LEADING_DET or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_DESCRIPTOR_TOKENS:
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in tokens):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _descriptors(span: Span, index: dict[int, int]) -> list[str]:
    """Titles and appositions attached to one mention in the parse."""
    found: list[str] = []
    root, doc = span.root, span.doc
    lefts = [t for t in root.lefts if t.i < span.start and t.dep_ in {"compound", "amod", "nmod"}]
    if lefts:
        start = min(t.left_edge.i for t in lefts)
        found.append(_clean_descriptor(list(doc[start : span.start])) or "")
    for child in root.rights:
        if child.dep_ == "appos" and child.i not in index and child.pos_ == "NOUN":
            found.append(_clean_descriptor(list(child.subtree)) or "")
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
        head = root.head  # "the dam's chief engineer, Tomas Reyes," names him by his role
        found.append(_clean_descriptor([t for t in head.subtree if t.i <= head.i]) or "")
    return [d for d in found if d]


def extract_entities(doc: Doc) -> EntityIndex:
    """People, organisations and places of `doc`, each once, under its canonical name."""
    mentions = _collect(doc)
    persons = _person_groups(mentions)
    groups = persons + _other_groups(mentions, persons)
    groups = [g for g in groups if g.label in ENTITY_TYPES]
    _sweep_surnames(doc, persons)
    groups.sort(key=lambda g: min(s.start for s in g.spans))
    token_group = {t.i: gi for gi, g in enumerate(groups) for s in g.spans for t in s}
    index = EntityIndex()
    for gi, group in enumerate(groups):
        name = _canonical(group)
        label = group.label
        descriptors: list[str] = []
        seen: set[str] = set()
        candidates = list(group.titles) if label == "PERSON" else []
        if label == "PERSON":
            for span in sorted(group.spans, key=lambda s: s.start):
                candidates.extend(_descriptors(span, token_group))
        for d in candidates:
            if d.casefold() not in seen and d.casefold() != name.casefold():
                seen.add(d.casefold())
                descriptors.append(d)
        entity = Entity(
            id=f"e{gi + 1}",
            name=name,
            type=label,
            key=entity_key(name, label),
            descriptors=descriptors,
            mentions=[
                Mention(s.text, s.start_char, s.end_char)
                for s in sorted(group.spans, key=lambda s: s.start)
            ],
        )
        index.entities.append(entity)
        for span in group.spans:
            for token in span:
                index.token_entity[token.i] = entity
    return index
