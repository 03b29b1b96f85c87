"""Compare outlets within one story: facts shared, unique and left out; quotes; entities; terms.

Every item carries its evidence: the sentence (or quote) with its article id and character span.

- Facts: each sentence of each outlet is aligned with the closest sentence of every other outlet
  (MiniLM cosine; a shared number, date or name lowers the bar). A sentence with no counterpart
  anywhere is a unique fact; a fact most other outlets carry that an outlet has no counterpart
  for is what that outlet left out.
- Quotes: who each outlet quotes and which quotes no other outlet used; the same speaker's words
  quoted in two outlets, one trimmed differently from the other.
- Entities: who each outlet names and how often, and the descriptors each gives a person.
- Language: loaded or evaluative terms that one outlet uses and no other does, in its headlines
  or its sentences: those of a hand-written lexicon (two forms of one word, "slams" and
  "slammed", are one term; a listed past form of a verb catches the verb in any form), and the
  adjectives and adverbs the loaded-language model (`parallax.stories.loaded`) reads as
  evaluative, each with its score.
- Framing (when the articles were framed): the narratives each outlet's articles push, and
  which no other outlet pushed; how each outlet casts each entity (protagonist, antagonist,
  innocent), and the entities two outlets cast differently.

An article whose outlet is unknown gets its own column, labelled by its source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Span

from parallax.model import Article
from parallax.model import Evidence as ArticleEvidence
from parallax.nlp import load_nlp
from parallax.stories.embed import Embedder, load_embedder
from parallax.stories.loaded import LoadedTermModel, load_loaded_model, word_list

__all__ = [
    "Casting",
    "Comparison",
    "Evidence",
    "NarrativeUse",
    "QuoteUse",
    "compare_articles",
    "loaded_lexicon",
]

# MiniLM cosine above which two sentences state the same fact; a shared name lowers the bar,
# a shared figure lowers it further (set by judgment, not measured on held-out data).
_MATCH = 0.65
_MATCH_WITH_NAME = 0.75
_MATCH_WITH_FIGURE = 0.4
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (or quote) in an article: where the claim comes from."""

    text: str
    article_id: str
    start: int
    end: int
    column: str
    part: str = "body"  # "title": the span is in the headline, not the body


@dataclass(frozen=True, slots=True)
class QuoteUse:
    speaker: str | None
    text: str
    kind: str
    evidence: Evidence
    elsewhere: tuple[str, ...] = ()  # other columns that used the same quote


@dataclass(frozen=True, slots=True)
class NarrativeUse:
    """A narrative an outlet's article pushes, with its first supporting sentence."""

    label: str
    subnarratives: tuple[str, ...]
    confidence: float
    evidence: Evidence | None
    elsewhere: tuple[str, ...] = ()  # other columns that pushed the same narrative


@dataclass(frozen=True, slots=True)
class Casting:
    """How one outlet casts an entity: its main role (and fine roles) at the mention."""

    main_role: str
    fine_roles: tuple[str, ...]
    confidence: float
    evidence: Evidence | None


@dataclass
class Comparison:
    """The side-by-side view of one story."""

    columns: list[str]
    articles: dict[str, list[str]]
    shared: dict[str, list[Evidence]] = field(default_factory=dict)
    unique: dict[str, list[Evidence]] = field(default_factory=dict)
    omitted: dict[str, list[Evidence]] = field(default_factory=dict)
    quotes: dict[str, list[QuoteUse]] = field(default_factory=dict)
    trimmed: list[tuple[QuoteUse, QuoteUse]] = field(default_factory=list)
    speakers: dict[str, list[str]] = field(default_factory=dict)
    entities: dict[str, dict[str, int]] = field(default_factory=dict)
    descriptors: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    loaded: dict[str, list[tuple[str, Evidence]]] = field(default_factory=dict)
    # words the model reads as evaluative (not in the lexicon): term, score, sentence
    loaded_model: dict[str, list[tuple[str, float, Evidence]]] = field(default_factory=dict)
    narratives: dict[str, list[NarrativeUse]] = field(default_factory=dict)
    roles: dict[str, dict[str, Casting]] = field(default_factory=dict)  # entity -> column -> role
    cast_differently: list[str] = field(default_factory=list)  # entities with two main roles
    # columns whose every framed article had its roles withheld (unlike the role model's texts)
    roles_withheld: list[str] = field(default_factory=list)


def loaded_lexicon() -> frozenset[str]:
    """Loaded and evaluative words (one per line in `loaded_terms.txt`, `#` comments)."""
    return word_list("loaded_terms.txt")


@dataclass(frozen=True, slots=True)
class _LexiconForms:
    """Each lexicon word's base form (spaCy's lemma), so that two outlets writing "slams" and
    "slammed" count as using one term (hyphenated words stay as they are); and the bases of the
    words that are past forms of verbs ("slammed", "caved", "admitted"), so that any form of
    those verbs used as a verb is the term too ("caves in", "slamming"), while the noun "attack"
    is not "attacked". A present form alone does not make a verb term: "digs" (at someone) would
    make every dug tunnel loaded."""

    bases: dict[str, str]
    verbs: frozenset[str]


@lru_cache(maxsize=2)
def _lexicon_forms(lexicon: frozenset[str]) -> _LexiconForms:
    words = sorted(lexicon)
    bases, verbs = {}, set()
    for word, doc in zip(words, load_nlp().pipe(words), strict=True):
        bases[word] = doc[0].lemma_.casefold() if len(doc) == 1 else word
        if len(doc) == 1 and doc[0].pos_ == "VERB" and doc[0].tag_ in {"VBD", "VBN"}:
            verbs.add(bases[word])
    return _LexiconForms(bases, frozenset(verbs))


def _column(article: Article) -> str:
    return article.outlet or article.source


@dataclass(frozen=True, slots=True)
class _Sentence:
    evidence: Evidence
    names: frozenset[str]
    figures: frozenset[str]
    descriptive: frozenset[str] = frozenset()  # its lower-case adjectives and adverbs
    verbs: frozenset[tuple[str, str]] = frozenset()  # its verbs: (lemma, the word as written)


def _sentence(sent: Span, evidence: Evidence) -> _Sentence:
    names = {t.text.casefold() for t in sent if t.pos_ == "PROPN" and t.text[:1].isupper()}
    descriptive = {
        t.lower_
        for t in sent
        if t.pos_ in {"ADJ", "ADV"} and t.is_alpha and len(t) >= 4 and t.text.islower()
    }
    verbs = {(t.lemma_.casefold(), t.lower_) for t in sent if t.pos_ == "VERB" and t.is_alpha}
    return _Sentence(
        evidence,
        frozenset(names),
        frozenset(_NUMBER.findall(evidence.text)),
        frozenset(descriptive),
        frozenset(verbs),
    )


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    nlp = load_nlp()
    found = []
    for article, doc in zip(articles, nlp.pipe(a.body for a in articles), strict=True):
        for sent in doc.sents:
            text = sent.text.strip()
            if len(text.split()) < 4:
                continue
            evidence = Evidence(text, article.id, sent.start_char, sent.end_char, _column(article))
            found.append(_sentence(sent, evidence))
    return found


def _headlines(articles: Sequence[Article]) -> list[_Sentence]:
    """Each article's title as a sentence of its own: where an outlet's framing is loudest
    ("union bosses cave in"). Titles are compared for their terms, not as facts."""
    titled = [a for a in articles if a.title and a.title.strip()]
    found = []
    for article, doc in zip(titled, load_nlp().pipe(a.title or "" for a in titled), strict=True):
        evidence = Evidence(doc.text, article.id, 0, len(doc.text), _column(article), "title")
        found.append(_sentence(doc[:], evidence))
    return found


def _align(sentences: list[_Sentence], embedder: Embedder) -> dict[int, set[int]]:
    """For each sentence, the sentences of other columns that state the same fact."""
    if not sentences:
        return {}
    vectors = embedder.encode([s.evidence.text for s in sentences])
    similarity = vectors @ vectors.T
    matches: dict[int, set[int]] = defaultdict(set)
    for i, a in enumerate(sentences):
        for j, b in enumerate(sentences):
            if a.evidence.column == b.evidence.column:
                continue
            value = float(similarity[i, j])
            if (
                value >= _MATCH
                or (value >= _MATCH_WITH_NAME and a.names & b.names)
                or (value >= _MATCH_WITH_FIGURE and a.figures & b.figures)
            ):
                matches[i].add(j)
    return matches


def _facts(comparison: Comparison, sentences: list[_Sentence], embedder: Embedder) -> None:
    matches = _align(sentences, embedder)
    columns = comparison.columns
    for column in columns:
        comparison.shared[column], comparison.unique[column], comparison.omitted[column] = (
            [],
            [],
            [],
        )
    listed: dict[str, set[int]] = defaultdict(set)  # omitted facts already shown, by sentence
    for i, sentence in enumerate(sentences):
        own = sentence.evidence.column
        counterparts = matches.get(i, set())
        carriers = {sentences[j].evidence.column for j in counterparts} | {own}
        (comparison.shared if len(carriers) > 1 else comparison.unique)[own].append(
            sentence.evidence
        )
        for column in columns:
            others = [c for c in columns if c != column]
            if column in carriers or not others:
                continue
            if sum(c in carriers for c in others) < len(others) // 2 + 1:
                continue
            if counterparts & listed[column]:
                continue  # the same fact, already listed from another outlet's sentence
            listed[column].add(i)
            comparison.omitted[column].append(sentence.evidence)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _same_speaker(a: str | None, b: str | None) -> bool:
    """One speaker however the sentence capitalized it ("The authority", "the authority")."""
    return (a or "").casefold() == (b or "").casefold()


def _quotes(comparison: Comparison, articles: Sequence[Article]) -> None:
    uses: list[QuoteUse] = []
    for article in articles:
        for quote in article.quotes or []:
            evidence = Evidence(quote.text, article.id, quote.start, quote.end, _column(article))
            uses.append(QuoteUse(quote.speaker, quote.text, quote.kind, evidence))
    final: list[QuoteUse] = []
    for use in uses:
        words = _words(use.text)
        elsewhere = []
        for other in uses:
            if other.evidence.column == use.evidence.column:
                continue
            shared = len(words & _words(other.text)) / max(
                1, min(len(words), len(_words(other.text)))
            )
            if shared >= 0.6 and (
                _same_speaker(use.speaker, other.speaker) or use.kind == other.kind == "direct"
            ):
                elsewhere.append(other.evidence.column)
                if use.text != other.text and use.kind == other.kind == "direct":
                    pair = (use, other) if use.evidence.column < other.evidence.column else None
                    if pair:
                        comparison.trimmed.append(pair)
        final.append(
            QuoteUse(use.speaker, use.text, use.kind, use.evidence, tuple(sorted(set(elsewhere))))
        )
    for column in comparison.columns:
        mine = [u for u in final if u.evidence.column == column]
        comparison.quotes[column] = mine
        comparison.speakers[column] = sorted({u.speaker for u in mine if u.speaker})


def _entities(comparison: Comparison, articles: Sequence[Article]) -> None:
    counts: dict[str, Counter[str]] = {c: Counter() for c in comparison.columns}
    descriptors: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for article in articles:
        column = _column(article)
        for entity in article.entities or []:
            name = names.setdefault(entity.key, entity.name)
            if len(entity.name) > len(name):
                names[entity.key] = name = entity.name
            counts[column][entity.key] += len(entity.mentions)
            for d in entity.descriptors:
                if d not in descriptors[entity.key][column]:
                    descriptors[entity.key][column].append(d)
    comparison.entities = {
        c: {names[k]: n for k, n in counter.most_common()} for c, counter in counts.items()
    }
    comparison.descriptors = {
        names[k]: dict(by_column) for k, by_column in descriptors.items() if by_column
    }


def _loaded(
    comparison: Comparison,
    sentences: list[_Sentence],
    lexicon: frozenset[str],
    model: LoadedTermModel | None,
) -> None:
    forms = _lexicon_forms(lexicon)
    # per column, each lexicon term by its base form: the first word written and its sentence
    used: dict[str, dict[str, tuple[str, Evidence]]] = defaultdict(dict)
    for sentence in sentences:
        found = {(forms.bases[w], w) for w in _words(sentence.evidence.text) & lexicon}
        found |= {(lemma, w) for lemma, w in sentence.verbs if lemma in forms.verbs}
        for base, word in sorted(found, key=lambda x: x[1]):
            used[sentence.evidence.column].setdefault(base, (word, sentence.evidence))
    read: dict[str, float] = {}
    if model is not None:
        candidates = sorted({w for s in sentences for w in s.descriptive} - lexicon)
        read = model.evaluative(candidates)
    flagged: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for sentence in sentences:
        for word in sorted(sentence.descriptive & read.keys()):
            flagged[sentence.evidence.column].setdefault(word, sentence.evidence)
    for column in comparison.columns:
        others = {base for c, terms in used.items() if c != column for base in terms}
        comparison.loaded[column] = sorted(
            (written for base, written in used[column].items() if base not in others),
            key=lambda item: item[0],
        )
        elsewhere = {w for c, terms in flagged.items() if c != column for w in terms}
        comparison.loaded_model[column] = [
            (term, round(read[term], 3), evidence)
            for term, evidence in sorted(flagged[column].items(), key=lambda x: -read[x[0]])
            if term not in elsewhere
        ]


def _framing(comparison: Comparison, articles: Sequence[Article]) -> None:
    """Narratives per outlet and how each outlet casts each entity (framed articles only)."""
    found: dict[str, dict[str, NarrativeUse]] = {c: {} for c in comparison.columns}
    cast: dict[str, dict[str, Casting]] = defaultdict(dict)
    names: dict[str, str] = {}
    withheld: dict[str, bool] = {}  # column -> every framed article withheld so far
    for article in articles:
        column = _column(article)
        if article.roles is not None:
            withheld[column] = withheld.get(column, True) and article.roles_withheld
        for narrative in article.narratives or []:
            first = narrative.evidence[0] if narrative.evidence else None
            use = NarrativeUse(
                narrative.label,
                tuple(narrative.subnarratives),
                narrative.confidence,
                _cite(first, article, column) if first else None,
            )
            kept = found[column].get(narrative.label)
            if kept is None or use.confidence > kept.confidence:
                found[column][narrative.label] = use
        keys = {e.name: e.key for e in article.entities or []}
        for role in article.roles or []:
            if not role.entity:
                continue
            key = keys.get(role.entity, role.entity.casefold())
            names.setdefault(key, role.entity)
            first = role.evidence[0] if role.evidence else None
            casting = Casting(
                role.main_role,
                tuple(role.fine_roles),
                role.confidence,
                _cite(first, article, column) if first else None,
            )
            kept_role = cast[key].get(column)
            if kept_role is None or casting.confidence > kept_role.confidence:
                cast[key][column] = casting
    for column, uses in found.items():
        comparison.narratives[column] = [
            replace(
                u,
                elsewhere=tuple(
                    c for c in comparison.columns if c != column and u.label in found[c]
                ),
            )
            for u in sorted(uses.values(), key=lambda u: -u.confidence)
        ]
    comparison.roles = {names[k]: dict(by_column) for k, by_column in cast.items()}
    comparison.roles_withheld = [c for c in comparison.columns if withheld.get(c)]
    comparison.cast_differently = sorted(
        name
        for name, by_column in comparison.roles.items()
        if len({c.main_role for c in by_column.values()}) > 1
    )


def _cite(evidence: ArticleEvidence, article: Article, column: str) -> Evidence:
    return Evidence(evidence.sentence, article.id, evidence.start, evidence.end, column)


def compare_articles(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    loaded_model: LoadedTermModel | None = None,
    use_model: bool = True,
) -> Comparison:
    """Compare the outlets of one story's articles (analyzed: entities and quotes attached).
    `use_model=False` lists the lexicon's loaded terms only."""
    columns = sorted({_column(a) for a in articles})
    comparison = Comparison(
        columns=columns,
        articles={c: [a.id for a in articles if _column(a) == c] for c in columns},
    )
    sentences = _sentences(articles)
    _facts(comparison, sentences, embedder or load_embedder())
    _quotes(comparison, articles)
    _entities(comparison, articles)
    model = (loaded_model or load_loaded_model()) if use_model else None
    _loaded(comparison, _headlines(articles) + sentences, loaded_lexicon(), model)
    _framing(comparison, articles)
    return comparison
