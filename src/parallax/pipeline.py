"""The pipeline as one call: inputs in, clean `Article`s (or the `InputError` for one input) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.clean import clean_article
from parallax.errors import InputError
from parallax.ingest import ReadOptions, read_inputs
from parallax.model import Article

__all__ = ["analyze_inputs"]


def analyze_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Read and clean every article from `inputs`, in input order; errors are yielded, not raised.

    >>> from pathlib import Path; import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("Dam opens\\n\\nBy Ann Lee\\n\\nThe dam opened on Monday.")
    >>> article = next(analyze_inputs([str(path)]))
    >>> (article.authors, article.paragraphs)
    (['Ann Lee'], ['The dam opened on Monday.'])
    """
    for result in read_inputs(inputs, options):
        yield result if isinstance(result, InputError) else clean_article(result)
