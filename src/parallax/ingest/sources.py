"""Inputs to raw articles: expand paths, folders, globs and stdin; pick a reader per input."""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import lzma
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parallax.errors import InputError
from parallax.ingest.decode import decode_bytes
from parallax.ingest.detect import detect_format
from parallax.ingest.feed import read_feed
from parallax.ingest.html import read_html
from parallax.ingest.options import ReadOptions
from parallax.ingest.records import read_csv, read_json, read_jsonl
from parallax.ingest.text import read_text
from parallax.ingest.warc import read_warc
from parallax.model import RawArticle

__all__ = ["ReadResult", "expand_inputs", "read_input", "read_inputs"]

ReadResult = RawArticle | InputError
STDIN = "-"
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Files as given, folders recursively (sorted, hidden files skipped), globs expanded."""
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.name not in _SKIPPED_NAMES:
                    yield str(child)
        elif path.is_file():
            yield str(path)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))  # noqa: PTH207
            if not matches:
                yield InputError(item, "no file matches this pattern")
            yield from (m for m in matches if Path(m).is_file())
        else:
            yield InputError(item, "no such file or folder")


def read_inputs(inputs: Iterable[str], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    """Every raw article (or the error that stopped one) from all inputs, in order."""
    options = options or ReadOptions()
    for path in expand_inputs(inputs):
        if isinstance(path, InputError):
            yield path
            continue
        yield from read_input(path, options)


def read_input(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read one input; never raises for bad data, yields the `InputError` instead."""
    try:
        with _open(path) as stream:
            yield from _dispatch(stream, path, options)
    except InputError as exc:
        yield exc
    except (OSError, EOFError, lzma.LZMAError) as exc:
        yield InputError(path, f"cannot read ({exc.__class__.__name__}: {exc})")


@contextmanager
def _open(path: str) -> Iterator[Any]:
    """A peekable binary stream, decompressed where the suffix says so."""
    if path == STDIN:
        yield io.BufferedReader(sys.stdin.buffer, buffer_size=65536)
        return
    opener: Any = _OPENERS.get(Path(path).suffix.lower(), open)
    with opener(path, "rb") as raw, io.BufferedReader(raw, buffer_size=65536) as buffered:
        yield buffered


def _dispatch(stream: Any, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    head = stream.peek(8192)[:8192]
    fmt = detect_format(path, head)
    if fmt == "jsonl":
        yield from read_jsonl(stream, path, options)
        return
    if fmt == "csv":
        yield from read_csv(stream, path, options)
        return
    if fmt == "warc":
        yield from read_warc(stream, path, options)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(path, f"larger than the {options.max_bytes}-byte limit (--max-bytes)")
    if fmt == "feed":
        yield from read_feed(data, path)
        return
    text = decode_bytes(data, path)
    if fmt == "json":
        yield from read_json(text, path, options)
    elif fmt == "html":
        yield read_html(text, path)
    else:
        article = read_text(text, path)
        if not article.paragraphs:
            raise InputError(path, "no article text")
        yield article
