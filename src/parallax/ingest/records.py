"""Record formats: JSON (one object or an array), JSON Lines and CSV, with a field mapping.

JSON Lines and CSV are streamed record by record, so memory stays flat on inputs of any size.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from parallax.errors import InputError
from parallax.ingest.decode import collapse_space, decode_bytes, looks_binary, split_paragraphs
from parallax.ingest.html import fragment_paragraphs
from parallax.ingest.options import ReadOptions
from parallax.model import RawArticle

__all__ = ["read_csv", "read_json", "read_jsonl", "record_to_article"]

ReadResult = RawArticle | InputError


def record_to_article(
    record: dict[str, Any], source: str, options: ReadOptions, fmt: str
) -> RawArticle:
    """Map one record's fields onto a `RawArticle`; a record without a body is an error."""

    def pick(attribute: str) -> Any:
        for name in options.field_names(attribute):
            value = record.get(name)
            if value not in (None, "", []):
                return value
        return None

    body = pick("body")
    if isinstance(body, list):
        paragraphs = [str(p).strip() for p in body if str(p).strip()]
    elif isinstance(body, str):
        paragraphs = (
            fragment_paragraphs(body) if _looks_like_markup(body) else split_paragraphs(body)
        )
    else:
        paragraphs = []
    if not paragraphs:
        wanted = "/".join(options.field_names("body"))
        raise InputError(source, f"record has no body text (looked for fields: {wanted})")
    authors = pick("authors")
    if isinstance(authors, str):
        authors = [authors]
    elif isinstance(authors, list):
        authors = [a.get("name") if isinstance(a, dict) else a for a in authors]
    meta = {
        "url": pick("url"),
        "outlet": _text(pick("outlet")),
        "authors": [str(a).strip() for a in authors or [] if a and str(a).strip()],
        "published": _text(pick("published")),
        "updated": _text(pick("updated")),
        "id": _text(pick("id")),
        "language": _text(pick("language")),
    }
    title, subtitle = _text(pick("title")), _text(pick("subtitle"))
    return RawArticle(
        source=source,
        title=title,
        subtitle=subtitle if subtitle != title else None,
        paragraphs=paragraphs,
        meta={k: v for k, v in meta.items() if v},
        format=fmt,
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("href")
    return collapse_space(str(value))


def _looks_like_markup(text: str) -> bool:
    head = text[:2000].lower()
    return "<p" in head or "<div" in head or "<br" in head


def read_json(data: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One object is one article (`source` = path); an array gives `PATH#N` records."""
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"invalid or truncated JSON ({exc.msg} at line {exc.lineno})"
        ) from exc
    if isinstance(parsed, dict):
        inner = next(
            (
                parsed[k]
                for k in ("articles", "items", "data", "records")
                if isinstance(parsed.get(k), list)
            ),
            None,
        )
        if inner is None:
            yield record_to_article(parsed, path, options, "json")
            return
        parsed = inner
    if not isinstance(parsed, list):
        raise InputError(path, "JSON holds neither an article object nor a list of them")
    for number, record in enumerate(parsed, start=1):
        yield _guarded(record, f"{path}#{number}", options, "json")


def _guarded(record: Any, source: str, options: ReadOptions, fmt: str) -> ReadResult:
    if not isinstance(record, dict):
        return InputError(source, "record is not a JSON object")
    try:
        return record_to_article(record, source, options, fmt)
    except InputError as exc:
        return exc


def read_jsonl(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Stream JSON Lines; a broken line is reported as `PATH#N` and the rest go on."""
    number = 0
    for raw in stream:
        if not raw.strip():
            continue
        number += 1
        source = f"{path}#{number}"
        if len(raw) > options.max_bytes:
            yield InputError(source, f"record larger than the {options.max_bytes}-byte limit")
            continue
        try:
            record = json.loads(decode_bytes(raw, source))
        except InputError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, f"invalid or truncated JSON ({exc.msg})")
            continue
        yield _guarded(record, source, options, "jsonl")


def read_csv(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Stream CSV (or TSV) rows with a header line; `PATH#N` is the N-th data row."""
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    if looks_binary(head):
        raise InputError(path, "binary data, not text")
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the peek boundary
            encoding = "cp1252"
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    sample = text.read(8192)
    delimiter = (
        "\t" if path.lower().endswith(".tsv") or sample.count("\t") > sample.count(",") else ","
    )
    csv.field_size_limit(min(sys.maxsize, options.max_bytes))
    reader = csv.DictReader(_chain(sample, text), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield _guarded(dict(row), f"{path}#{number}", options, "csv")
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV ({exc})") from exc
    finally:
        text.detach()  # the caller owns (and closes) the byte stream


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield from io.StringIO(first + rest.readline())
    yield from rest
