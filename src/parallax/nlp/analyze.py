"""The NLP stage over articles: parse the clean body once; attach entities, quotes,
temporal expressions and the dated events they mark."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from parallax.model import Article
from parallax.nlp.entities import extract_entities
from parallax.nlp.pipeline import NlpSettings, load_nlp
from parallax.nlp.quotes import extract_quotes
from parallax.nlp.time import extract_timexes, writes_day_first
from parallax.timeline import article_events

__all__ = ["analyze_article", "analyze_articles", "analyze_doc"]


def analyze_doc(article: Article, doc: Doc) -> Article:
    """Attach the analyses of a parsed body to `article` (in place) and return it."""
    index = extract_entities(doc)
    article.entities = index.entities
    article.quotes = extract_quotes(doc, index)
    article.timexes = extract_timexes(
        article.body,
        article.published,
        doc=doc,
        day_first=writes_day_first(article.language, article.url),
    )
    article.events = article_events(doc, article.timexes, article.quotes)
    return article


def analyze_article(article: Article, settings: NlpSettings | None = None) -> Article:
    """Entities, quotes, time expressions and events of one article (its `body` is parsed)."""
    settings = settings or NlpSettings()
    return analyze_doc(article, load_nlp(settings.model)(article.body))


def analyze_articles(
    articles: Iterable[Article], settings: NlpSettings | None = None
) -> Iterator[Article]:
    """`analyze_article` for a stream of articles, parsed in batches by `nlp.pipe`."""
    settings = settings or NlpSettings()
    nlp = load_nlp(settings.model)
    pairs = ((a.body, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield analyze_doc(article, doc)
