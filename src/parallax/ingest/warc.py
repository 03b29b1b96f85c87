"""WARC archives through warcio: every HTML response record is read as one page, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from parallax.errors import InputError
from parallax.ingest.decode import decode_bytes
from parallax.ingest.html import read_html
from parallax.ingest.options import ReadOptions
from parallax.model import RawArticle

__all__ = ["read_warc"]


def read_warc(
    stream: IO[bytes], path: str, options: ReadOptions
) -> Iterator[RawArticle | InputError]:
    """`PATH#N` numbers records in file order (1-based, counting every WARC record)."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            source = f"{path}#{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) > options.max_bytes:
                yield InputError(source, f"record larger than the {options.max_bytes}-byte limit")
                continue
            charset = content_type.partition("charset=")[2].split(";")[0].strip() or None
            try:
                raw = read_html(decode_bytes(payload, source, charset), source, url=url)
            except InputError as exc:
                yield exc
                continue
            raw.format = "warc"
            raw.meta.setdefault("url", url)
            raw.meta["id"] = record.rec_headers.get_header("WARC-Record-ID")
            yield raw
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield InputError(f"{path}#{number + 1}", f"truncated or corrupt WARC ({exc})")
