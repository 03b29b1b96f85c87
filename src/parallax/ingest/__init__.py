"""Ingest: one reader per format, all yielding `RawArticle` (or the `InputError` for one input)."""

from parallax.ingest.detect import detect_format
from parallax.ingest.options import DEFAULT_FIELDS, ReadOptions
from parallax.ingest.sources import ReadResult, expand_inputs, read_input, read_inputs

__all__ = [
    "DEFAULT_FIELDS",
    "ReadOptions",
    "ReadResult",
    "detect_format",
    "expand_inputs",
    "read_input",
    "read_inputs",
]
