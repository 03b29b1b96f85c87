"""The NLP stage: spaCy-based entities and quotes over the clean body of an `Article`."""

from parallax.nlp.analyze import analyze_article, analyze_articles
from parallax.nlp.pipeline import DEFAULT_MODEL, NlpSettings, load_nlp

__all__ = ["DEFAULT_MODEL", "NlpSettings", "analyze_article", "analyze_articles", "load_nlp"]
