"""Quotes of one article, direct and reported, each with its cue and its resolved speaker.

Two passes over a parsed `Doc`:

1. Direct: every stretch in quotation marks (straight or curly; a paragraph left open continues
   into the next) looks for its cue in the text of its own sentence outside the marks:
   `"…," she said.`, `said Ann Lee: "…"`, `according to X`. A quote with no cue of its own
   continues the speaker of the quote just before it (`"…," she said. "…"`, or a quote-only
   paragraph). Short quoted phrases inside a reported clause are left to pass 2.
2. Reported: every speech verb (see `lexicon.SPEECH_VERBS`) with a clausal complement
   (`X said that …`, `…, X added`, `X told the paper …`), a parenthetical (`the deal, he said,
   is off`), and `according to X`.

The speaker is the cue's subject (through `and`, `saying`, `went on to say`), resolved to the
article's entity by `parallax.nlp.speakers`: a name directly, a pronoun to the last person
speaking or named, a definite role ("the senator") to the one person described so. Quotation
marks are found by `parallax.nlp.quote_marks`. The two passes stay in one module because they
share one extractor's state (which text is quoted, which cues are taken).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.model import Quote
from parallax.nlp.entities import EntityIndex
from parallax.nlp.lexicon import SPEECH_VERBS
from parallax.nlp.quote_marks import CLOSE, OPEN, PARAGRAPH, QuotedSpan, find_quoted_spans
from parallax.nlp.speakers import SpeakerResolver

__all__ = ["QuotedSpan", "extract_quotes", "find_quoted_spans"]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_SPEAKER_DROP = {"appos", "relcl", "acl", "punct", "advcl", "prep"}
# Speech verbs whose object, not a clause, carries what was said ("urged Congress to act")
_OBJECT_CUES = frozenset(
    [
        "call",
        "urge",
        "ask",
        "criticize",
        "criticise",
        "promise",
        "pledge",
        "vow",
        "propose",
        "describe",
        "accuse",
        "demand",
        "recommend",
        "praise",
        "blast",
        "slam",
        "warn",
        "deny",
        "condemn",
    ]
)
_MIN_DIRECT_TOKENS = 4  # a shorter quoted phrase is a partial quote or a scare quote
# `PENCE: Well, look ...` at the start of a paragraph (interview transcripts)
_TRANSCRIPT = re.compile(
    r"(?:^|\n\s*\n)((?:[A-Z][A-Z.'\u2019-]+)(?: [A-Z][A-Z.'\u2019-]+){0,3}):[ \t]+(\S[^\n]*)"
)
# `“…” ― Ana Ruiz, 34` : a quote signed after a dash
_DASH_SIGNATURE = re.compile(
    r"\s*[\u2015\u2014]\s*([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})"
)


@dataclass
class _Draft:
    parts: list[tuple[int, int]]
    kind: str
    cue: Token | None
    cue_text: str | None
    cue_span: tuple[int, int] | None
    speaker: Span | None
    confidence: float
    follows: _Draft | None = None  # a cue-less quote continues this one's speaker


def _is_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in SPEECH_VERBS
        and token.pos_ in {"VERB", "AUX"}
        and token.dep_ not in {"amod", "compound"}
    )


def _subject(verb: Token) -> Token | None:
    """The cue's subject, climbing through coordination, `saying`, `went on to say`."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                return child
        if node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _phrase(head: Token) -> Span:
    """The noun phrase of `head` without its appositions, relative clauses or trailing commas."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in _SPEAKER_DROP and child.i > head.i:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with"}:
                continue
            drop.update(t.i for t in child.subtree)
    tokens = [t.i for t in head.subtree if t.i not in drop]
    start, end = min(tokens), max(tokens) + 1
    doc = head.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[start:end]


def _clause(tokens: list[Token]) -> tuple[int, int] | None:
    """Character extent of content tokens, trimmed of edge punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and ((tokens[0].is_punct and tokens[0].text not in OPEN) or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in CLOSE) or tokens[-1].is_space
    ):
        tokens = tokens[:-1]
    if len(tokens) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


class _Extractor:
    def __init__(self, doc: Doc, entities: EntityIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        self.quoted = find_quoted_spans(self.text)
        self.inside = bytearray(len(self.text) + 1)
        for q in self.quoted:
            self.inside[q.open : q.close] = b"\x01" * (q.close - q.open)
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH.finditer(self.text)]
        self.drafts: list[_Draft] = []
        self.by_cue: dict[int, _Draft] = {}
        self.speakers = SpeakerResolver(entities)

    # -- helpers ------------------------------------------------------------------------
    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def quoted_share(self, start: int, end: int) -> float:
        chars = [i for i in range(start, end) if self.text[i].isalnum()]
        return sum(self.inside[i] for i in chars) / len(chars) if chars else 0.0

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def sentence_at(self, char: int) -> Span | None:
        token = self.token_at(min(char, len(self.text) - 1))
        return token.sent if token is not None else None

    # -- pass 1: quotation marks -----------------------------------------------------------
    def direct(self) -> None:
        self.transcript_lines()
        for q in self.quoted:
            if self.claimed((q.start, q.end)):
                continue
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            words = [t for t in span if not t.is_punct]
            if len(words) < _MIN_DIRECT_TOKENS and not self.sentence_like(span):
                continue  # partial or scare quote: reported speech may carry it (pass 2)
            if self.dash_attribution(q):
                continue
            cue = self.cue_near(q)
            if cue is not None:
                if self.partial_of(cue, q):
                    continue  # a quoted phrase inside a reported clause: pass 2 takes the clause
                self.add_direct(q, cue)
            else:
                self.continue_previous(q)

    def sentence_like(self, span: Span) -> bool:
        return any(t.pos_ in {"VERB", "AUX"} for t in span) and len(span) >= 3

    def partial_of(self, cue: Token, q: QuotedSpan) -> bool:
        extent = self.ccomp_extent(cue)
        if extent is None or not (extent[0] <= q.start and q.end <= extent[1] + 2):
            return False
        return self.quoted_share(*extent) < 0.6

    def transcript_lines(self) -> None:
        """Interview transcripts: a paragraph that opens with `NAME:` is NAME speaking."""
        for match in _TRANSCRIPT.finditer(self.text):
            label = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            start, end = match.start(2), match.end(2)
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if label is None or end - start < 10:
                continue
            colon = match.end(1)
            self.drafts.append(
                _Draft([(start, end)], "direct", None, ":", (colon, colon + 1), label, 0.85)
            )

    def dash_attribution(self, q: QuotedSpan) -> bool:
        """`“…” ― Ana Ruiz, 34, Tucson`: a quote signed after a dash."""
        match = _DASH_SIGNATURE.match(self.text, q.close)
        if match is None:
            return False
        name = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None:
            return False
        dash = match.start() + match.group(0).index(match.group(0).strip()[0])
        self.drafts.append(
            _Draft(
                [(q.start, q.end)], "direct", None, self.text[dash], (dash, dash + 1), name, 0.85
            )
        )
        return True

    def cue_near(self, q: QuotedSpan) -> Token | None:
        """The speech verb (or `according to`) in the quote's sentences, outside the marks.

        The sentence right after a quote that ends in ?, ! or . counts too when it opens right
        at the closing mark (`“…?” Graham asked.`), and so does the sentence before when it
        leads into the quote (`She said: “…”`).
        """
        sents: list[Span] = []
        for char in (max(q.end - 1, q.start), q.start):
            sent = self.sentence_at(char)
            if sent is not None and sent not in sents:
                sents.append(sent)
        last = self.sentence_at(max(q.close - 1, q.start))
        if last is not None and last.end < len(self.doc) and last.end_char <= q.close + 1:
            following = self.doc[last.end].sent
            if following.start_char - q.close <= 2 and len(following) <= 14:
                sents.append(following)
        first = self.sentence_at(q.open)
        if first is not None and first.start > 0 and first.start_char >= q.open - 1:
            preceding = self.doc[first.start - 1].sent
            if preceding.text.rstrip().endswith((":", ",")):
                sents.append(preceding)
        candidates: list[tuple[int, Token]] = []
        for sent in sents:
            for token in sent:
                if self.inside[token.idx]:
                    continue
                if _is_cue(token) or self.is_according(token):
                    distance = token.idx - q.close if token.idx >= q.close else q.open - token.idx
                    candidates.append((distance, token))
        for _, token in sorted(candidates, key=lambda c: c[0]):
            if token.lower_ == "according":
                return token
            content = self.ccomp_extent(token)
            if content is not None and not self.overlaps_quote(content, q):
                continue  # this verb reports its own clause, not this quote
            if _subject(token) is None and token.dep_ not in {"ROOT", "parataxis"}:
                continue
            return token
        return self.governing_verb(q)

    def governing_verb(self, q: QuotedSpan) -> Token | None:
        """`branded the plan an "outlaw scheme"`: the verb above the quote, when it has a
        subject, attributes the quoted words to that subject."""
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return None
        node = span.root.head
        for _ in range(4):
            if node.idx >= q.open and node.idx < q.close:
                node = node.head
                continue
            subject = _subject(node) if node.pos_ == "VERB" else None
            if subject is not None:
                return None if self.inside[subject.idx] else node
            if node.head.i == node.i:  # the root
                return None
            node = node.head
        return None

    def is_according(self, token: Token) -> bool:
        return (
            token.lower_ == "according"
            and token.i + 1 < len(self.doc)
            and self.doc[token.i + 1].lower_ == "to"
        )

    def overlaps_quote(self, extent: tuple[int, int], q: QuotedSpan) -> bool:
        return extent[0] < q.close and q.open < extent[1]

    def ccomp_extent(self, verb: Token) -> tuple[int, int] | None:
        for child in verb.children:
            if child.dep_ == "ccomp":
                return _clause(list(child.subtree))
        return None

    def add_direct(self, q: QuotedSpan, cue: Token) -> None:
        existing = self.by_cue.get(cue.i)
        if existing is not None and existing.kind == "direct":
            existing.parts.append((q.start, q.end))
            return
        if cue.lower_ == "according":
            speaker = self.according_speaker(cue)
            cue_span = (cue.idx, cue.nbor(1).idx + len(cue.nbor(1)))
            cue_text = self.text[cue_span[0] : cue_span[1]]
        else:
            subject = _subject(cue)
            speaker = _phrase(subject) if subject is not None else None
            cue_span = (cue.idx, cue.idx + len(cue))
            cue_text = cue.text
        draft = _Draft([(q.start, q.end)], "direct", cue, cue_text, cue_span, speaker, 0.95)
        if speaker is None:
            draft.confidence = 0.7
        self.drafts.append(draft)
        self.by_cue[cue.i] = draft

    def continue_previous(self, q: QuotedSpan) -> None:
        """A quote with no cue of its own: the previous quote's speaker goes on talking."""
        sent = self.sentence_at(q.start)
        lead = self.text[sent.start_char : q.open] if sent is not None else ""
        if lead.strip(" \n\t—–-:"):
            colon = lead.rstrip().endswith(":")
            if colon and sent is not None:
                self.colon_quote(q, sent)
            return
        previous = [d for d in self.drafts if d.parts[-1][1] <= q.open]
        if not previous:
            return
        last = max(previous, key=lambda d: d.parts[-1][1])
        gap = self.paragraph(q.open) - self.paragraph(last.parts[-1][1])
        if gap > 1:
            return
        between = self.text[last.parts[-1][1] : q.open]
        if gap == 0 and last.kind == "direct" and len(between) < 80:
            last.parts.append((q.start, q.end))
            return
        draft = _Draft([(q.start, q.end)], "direct", None, None, None, last.speaker, 0.7)
        draft.follows = last
        self.drafts.append(draft)

    def colon_quote(self, q: QuotedSpan, sent: Span) -> None:
        lead = [t for t in sent if t.idx < q.open and not t.is_punct]
        nouns = [t for t in lead if t.pos_ in {"PROPN", "NOUN", "PRON"}]
        if not nouns:
            return
        head = nouns[-1] if nouns[-1].dep_ != "compound" else nouns[-1].head
        colon = next((t for t in reversed(list(sent)) if t.idx < q.open and t.text == ":"), None)
        if colon is None:
            return
        draft = _Draft(
            [(q.start, q.end)], "direct", None, ":", (colon.idx, colon.idx + 1), _phrase(head), 0.75
        )
        self.drafts.append(draft)

    def according_speaker(self, according: Token) -> Span | None:
        to = according.nbor(1)
        for child in to.children:
            if child.dep_ == "pobj":
                return _phrase(child)
        return None

    # -- pass 2: reported speech -----------------------------------------------------------
    def reported(self) -> None:
        for token in self.doc:
            if token.i in self.by_cue or self.inside[token.idx]:
                continue
            if (
                token.lower_ == "according"
                and token.i + 1 < len(self.doc)
                and token.nbor(1).lower_ == "to"
            ):
                self.add_according(token)
            elif _is_cue(token):
                self.add_reported(token)

    def add_reported(self, verb: Token) -> None:
        content = self.reported_content(verb)
        if content is None:
            return
        extent = _clause(content)
        if extent is None or self.claimed(extent):
            return
        subject = _subject(verb)
        if subject is not None and subject.i in {t.i for t in content}:
            return  # the "subject" sits inside the content: a misparse
        speaker = _phrase(subject) if subject is not None else None
        kind = "direct" if self.quoted_share(*extent) >= 0.8 else "indirect"
        draft = _Draft(
            [extent],
            kind,
            verb,
            verb.text,
            (verb.idx, verb.idx + len(verb)),
            speaker,
            0.8 if speaker is not None else 0.5,
        )
        self.drafts.append(draft)
        self.by_cue[verb.i] = draft

    def reported_content(self, verb: Token) -> list[Token] | None:
        """What a speech verb reports: its clause, the sentence around a parenthetical
        `, X said,`, or (for verbs such as urge, call for, promise) its complements."""
        for child in verb.children:
            if child.dep_ == "ccomp":
                return list(child.subtree)
        if verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
            skip = {t.i for t in verb.subtree}
            return [t for t in verb.head.subtree if t.i not in skip]
        if verb.lemma_.lower() in _OBJECT_CUES:
            parts = [
                c
                for c in verb.rights
                if c.dep_ in {"dobj", "xcomp", "prep", "oprd", "dative", "advcl"}
                and not (
                    c.dep_ == "prep" and c.lower_ in {"in", "on", "at", "during", "after", "before"}
                )
            ]
            tokens = [t for c in parts for t in c.subtree]
            if len(tokens) >= 3:
                return tokens
        return None

    def add_according(self, according: Token) -> None:
        speaker = self.according_speaker(according)
        if speaker is None:
            return
        sent = according.sent
        skip = (
            {t.i for t in according.subtree}
            | set(range(speaker.start, speaker.end))
            | {according.i, according.i + 1}
        )
        content = [t for t in sent if t.i not in skip]
        extent = _clause(content)
        if extent is None or self.claimed(extent):
            return
        to = according.nbor(1)
        kind = "direct" if self.quoted_share(*extent) >= 0.8 else "indirect"
        draft = _Draft(
            [extent],
            kind,
            according,
            f"{according.text} {to.text}",
            (according.idx, to.idx + len(to)),
            speaker,
            0.8,
        )
        self.drafts.append(draft)
        self.by_cue[according.i] = draft

    def claimed(self, extent: tuple[int, int]) -> bool:
        """Whether a direct quote already covers most of this extent."""
        for d in self.drafts:
            for start, end in d.parts:
                overlap = min(end, extent[1]) - max(start, extent[0])
                if overlap > 0.5 * (extent[1] - extent[0]):
                    return True
        return False

    # -- result ---------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        self.direct()
        self.reported()
        drafts = sorted(self.drafts, key=lambda d: d.parts[0][0])
        quotes: list[Quote] = []
        made: dict[int, Quote] = {}
        for draft in drafts:
            parts = sorted(draft.parts)
            start = parts[0][0]
            follows = draft.follows
            if follows is not None and id(follows) in made:
                source = made[id(follows)]
                name, entity_id = source.speaker, source.speaker_entity
                speaker_text, s_start, s_end = (
                    source.speaker_text,
                    source.speaker_start,
                    source.speaker_end,
                )
            else:
                name, entity = self.speakers.resolve(
                    draft.speaker,
                    draft.speaker.start_char if draft.speaker is not None else start,
                    quotes,
                )
                entity_id = entity.id if entity is not None else None
                speaker_text = draft.speaker.text if draft.speaker is not None else None
                s_start = draft.speaker.start_char if draft.speaker is not None else None
                s_end = draft.speaker.end_char if draft.speaker is not None else None
            confidence = draft.confidence if name else min(draft.confidence, 0.5)
            quote = Quote(
                text=" … ".join(self.text[a:b] for a, b in parts),
                start=start,
                end=parts[-1][1],
                kind="direct" if draft.kind == "direct" else "indirect",
                cue=draft.cue_text,
                cue_start=draft.cue_span[0] if draft.cue_span else None,
                cue_end=draft.cue_span[1] if draft.cue_span else None,
                speaker=name,
                speaker_text=speaker_text,
                speaker_start=s_start,
                speaker_end=s_end,
                speaker_entity=entity_id,
                confidence=round(confidence, 2),
                parts=parts,
            )
            made[id(draft)] = quote
            quotes.append(quote)
        return quotes


def extract_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    """Every direct and reported quote of `doc`, in text order, speakers resolved to `entities`.

    >>> from parallax.nlp.pipeline import load_nlp
    >>> from parallax.nlp.entities import extract_entities
    >>> doc = load_nlp()('Ann Lee runs the port. "We will open on Monday," she said.')
    >>> [(q.text, q.kind, q.cue, q.speaker) for q in extract_quotes(doc, extract_entities(doc))]
    [('We will open on Monday,', 'direct', 'said', 'Ann Lee')]
    """
    return _Extractor(doc, entities).quotes()
