"""Writers for analysts' formats: JSON Lines, JSON, CSV, Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from parallax.errors import ConfigError
from parallax.model import Article

__all__ = ["FORMATS", "OutputFormat", "write_articles"]

OutputFormat = Literal["jsonl", "json", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "json", "csv", "parquet")
CSV_COLUMNS = [
    "id",
    "source",
    "record_id",
    "format",
    "url",
    "title",
    "subtitle",
    "outlet",
    "authors",
    "published",
    "published_precision",
    "updated",
    "language",
    "body",
    "removed",
    "duplicate_of",
    "entities",
    "quotes",
    "roles",
    "narratives",
    "roles_withheld",
]


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    row = {key: record.get(key) for key in CSV_COLUMNS}
    row["authors"] = "; ".join(record["authors"])
    row["removed"] = json.dumps(record["removed"], ensure_ascii=False)
    for key in ("entities", "quotes", "roles", "narratives"):  # JSON in one cell; null: skipped
        row[key] = None if record.get(key) is None else json.dumps(record[key], ensure_ascii=False)
    row["roles_withheld"] = json.dumps(record["roles_withheld"])  # "true" / "false"
    return row


def write_articles(articles: Iterable[Article], stream: IO[str] | IO[bytes], fmt: str) -> int:
    """Write articles as they come (except Parquet, written at the end); returns the count."""
    records = (a.to_dict() for a in articles)
    if fmt == "jsonl":
        return _write_text(stream, (json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    if fmt == "json":
        return _write_json_array(stream, records)
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)  # type: ignore[arg-type]
        writer.writeheader()
        count = 0
        for record in records:
            writer.writerow(_flat(record))
            count += 1
        return count
    if fmt == "parquet":
        return _write_parquet(stream, records)
    raise ConfigError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")


def _write_text(stream: IO[Any], lines: Iterator[str]) -> int:
    count = 0
    for line in lines:
        stream.write(line)
        stream.flush()
        count += 1
    return count


def _write_json_array(stream: IO[Any], records: Iterator[dict[str, Any]]) -> int:
    count = 0
    stream.write("[")
    for record in records:
        stream.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
        count += 1
    stream.write("\n]\n")
    return count


def _write_parquet(stream: IO[Any], records: Iterator[dict[str, Any]]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(
            "Parquet output needs pyarrow: pip install 'parallax-news[parquet]'"
        ) from exc
    rows = [_flat(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=pa.schema([(c, pa.string()) for c in CSV_COLUMNS]))
    pq.write_table(table, stream)
    return len(rows)
