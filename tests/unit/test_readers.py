from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parallax.errors import InputError
from parallax.ingest import ReadOptions, detect_format, read_inputs
from parallax.ingest.decode import decode_bytes, split_paragraphs
from parallax.ingest.text import read_text
from parallax.model import RawArticle


def _read(path: Path, **options: object) -> list[RawArticle | InputError]:
    return list(read_inputs([str(path)], ReadOptions(**options)))  # type: ignore[arg-type]


def test_text_layout_title_dek_body() -> None:
    raw = read_text("Bridge closes\nRepairs take a month\n\nFirst.\n\nSecond.\n", "a.txt")
    assert (raw.title, raw.subtitle, raw.paragraphs) == (
        "Bridge closes",
        "Repairs take a month",
        ["First.", "Second."],
    )


def test_text_without_dek() -> None:
    raw = read_text("Bridge closes\n\nOnly paragraph.", "a.txt")
    assert raw.subtitle is None and raw.paragraphs == ["Only paragraph."]


def test_hard_wrapped_lines_are_joined_but_one_per_line_is_split() -> None:
    wrapped = "The council met on Monday to discuss the budget for the coming year and\nvoted to approve it after a long debate that ran late into the night.\n"
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split())]
    assert split_paragraphs("One.\nTwo.\n") == ["One.", "Two."]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Title\n\nBody", "text"),
        ("a.dat", b"<!DOCTYPE html><html>", "html"),
        ("a.json", b'{"title": "x"}', "json"),
        ("a.data", b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        ("a.csv", b"title,text\n", "csv"),
        ("feed", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("a.bin", b"WARC/1.0\r\n", "warc"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_jsonl_records_get_path_hash_n_and_bad_lines_do_not_stop(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"title": "A", "text": "Alpha body.", "id": "r1", "url": "https://x.example/a"})
        + "\n"
        + '{"title": "B", "text": "broken\n'
        + json.dumps({"headline": "C", "content": "Gamma body.", "source": "Gamma Times"})
        + "\n",
        encoding="utf-8",
    )
    results = _read(path)
    assert [type(r).__name__ for r in results] == ["RawArticle", "InputError", "RawArticle"]
    first, error, third = results
    assert (
        isinstance(first, RawArticle) and first.source == f"{path}#1" and first.meta["id"] == "r1"
    )
    assert isinstance(error, InputError) and error.path == f"{path}#2" and "JSON" in error.reason
    assert (
        isinstance(third, RawArticle)
        and third.title == "C"
        and third.meta["outlet"] == "Gamma Times"
    )


def test_field_mapping_option(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps({"headline": "H", "story_md": "Body text."}) + "\n", encoding="utf-8"
    )
    (error,) = _read(path)
    assert isinstance(error, InputError) and "no body" in error.reason
    (raw,) = _read(path, fields={"body": "story_md"})
    assert isinstance(raw, RawArticle) and raw.paragraphs == ["Body text."]


def test_single_json_object_is_the_path_and_array_is_numbered(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "body": "B."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"title": "T1", "body": "B1."}, {"title": "T2", "body": "B2."}]),
        encoding="utf-8",
    )
    assert [r.source for r in _read(one)] == [str(one)]
    assert [r.source for r in _read(many)] == [f"{many}#1", f"{many}#2"]


def test_csv_with_cp1252_text(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(
        "title,text,author\nCaf\u00e9 opens,\u201cGood\u201d coffee here.,Ana\n".encode("cp1252")
    )
    (raw,) = _read(path)
    assert isinstance(raw, RawArticle)
    assert raw.title == "Caf\u00e9 opens" and raw.paragraphs == ["\u201cGood\u201d coffee here."]
    assert raw.source == f"{path}#1" and raw.meta["authors"] == ["Ana"]


def test_mis_encoded_text_is_decoded_not_crashed() -> None:
    assert (
        decode_bytes("Mar\u00eda said \u201cyes\u201d".encode("cp1252"), "x")
        == "Mar\u00eda said \u201cyes\u201d"
    )


@pytest.mark.parametrize(
    ("payload", "reason"),
    [(b"", "empty"), (b"   \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_single_files(tmp_path: Path, payload: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    (error,) = _read(path)
    assert isinstance(error, InputError) and reason in error.reason and error.path == str(path)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "word " * 500, encoding="utf-8")
    (error,) = _read(path, max_bytes=100)
    assert isinstance(error, InputError) and "limit" in error.reason


def test_truncated_json_and_html(tmp_path: Path) -> None:
    (tmp_path / "cut.json").write_text('{"title": "T", "body": "never clo', encoding="utf-8")
    (tmp_path / "cut.html").write_text(
        "<html><head><title>T</title></head><body><p>Half a page", encoding="utf-8"
    )
    errors = _read(tmp_path)
    assert all(isinstance(e, InputError) for e in errors)
    assert sorted(e.reason.split(" ")[0] for e in errors if isinstance(e, InputError)) == [
        "invalid",
        "truncated",
    ]


def test_html_reader_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>Paragraph {i} of the story says something long enough to keep.</p>" for i in range(6)
    )
    page.write_text(
        "<!DOCTYPE html><html><head><title>Port vote</title>"
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta name="author" content="Ann Lee">'
        '<meta property="article:published_time" content="2026-03-18T21:30:00+01:00">'
        f"</head><body><article><h1>Port vote</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    (raw,) = _read(page)
    assert isinstance(raw, RawArticle)
    assert raw.title == "Port vote" and raw.meta["outlet"] == "Harbour Times"
    assert raw.meta["authors"] == ["Ann Lee"]
    # the clock and the writer's offset are kept: late evening in Europe is not the next day
    assert raw.meta["published"] == "2026-03-18T21:30:00+01:00"
    assert len(raw.paragraphs) == 6 and raw.source == str(page)


@pytest.mark.parametrize(
    ("stated", "published"),
    [
        ("2026-03-18", "2026-03-18"),  # a day alone gets no invented midnight
        ("2026-03-18T08:05:00Z", "2026-03-18T08:05:00+00:00"),
        ("2026-03-18T23:40:00-05:00", "2026-03-18T23:40:00-05:00"),
    ],
)
def test_html_publication_time_keeps_its_clock(stated: str, published: str) -> None:
    from parallax.ingest.html import read_html

    page = (
        '<html><head><title>Ferry strike</title><meta property="article:published_time" '
        f'content="{stated}"></head><body><article><p>Ferry crews walked out on Tuesday '
        "after talks broke down, the union said in a statement.</p><p>Sailings resume next "
        "week if the vote passes.</p></article></body></html>"
    )
    assert read_html(page, "page.html").meta["published"] == published
    # a dated URL gives the day only; the page's metadata is read first
    url = f"https://ferry.example/{stated[:10].replace('-', '/')}/strike"
    assert read_html(page, "page.html", url=url).meta["published"] == published


@pytest.mark.parametrize(
    ("told", "published"),
    [
        ("The plan was first proposed in June 2019.", None),  # a bare year is no day
        ("The plan was first proposed on June 3, 2019.", None),  # the body's own event date
        ("The plan is old.", None),
    ],
)
def test_html_date_is_not_taken_from_the_article_text(told: str, published: str | None) -> None:
    from parallax.ingest.html import read_html

    page = (
        "<html><head><title>Council backs harbour plan</title></head><body><article>"
        "<p>The city council voted on Tuesday to approve the harbour expansion after a debate "
        f"that lasted most of the night.</p><p>{told} Work will start next week.</p>"
        "</article></body></html>"
    )
    assert read_html(page, "page.html").meta.get("published") == published


def test_html_date_in_a_byline_outside_the_body_is_kept() -> None:
    from parallax.ingest.html import read_html

    page = (
        "<html><head><title>Council backs harbour plan</title></head><body>"
        '<p class="byline">Published 5 March 2024</p><article>'
        "<p>The city council voted on Tuesday to approve the harbour expansion after a debate "
        "that lasted most of the night.</p><p>Work will start next week.</p>"
        "</article></body></html>"
    )
    assert read_html(page, "page.html").meta.get("published") == "2024-03-05"


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Quay Gazette</title>
<item><title>One</title><link>https://q.example/1</link><guid>g1</guid>
<pubDate>Tue, 03 Mar 2026 10:15:00 +0100</pubDate><description>Short dek</description>
<content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://q.example/2</link><description>Only a summary.</description></item>
</channel></rss>"""


def test_feed_entries_full_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.source == f"{path}#1" and first.paragraphs == [
        "First paragraph.",
        "Second paragraph.",
    ]
    assert first.subtitle == "Short dek" and first.meta["outlet"] == "Quay Gazette"
    assert first.meta["published"] == "2026-03-03T10:15:00+01:00" and first.meta["id"] == "g1"
    assert second.paragraphs == ["Only a summary."]


@pytest.mark.parametrize(
    ("stated", "published"),
    [
        # late evening in New York is the 3rd there, though the 4th in UTC
        ("Tue, 03 Mar 2026 23:15:00 -0500", "2026-03-03T23:15:00-05:00"),
        ("Tue, 03 Mar 2026 23:15:00 EST", "2026-03-03T23:15:00-05:00"),
        ("2026-03-03T23:15:00-05:00", "2026-03-03T23:15:00-05:00"),  # Atom's ISO form
        ("2026-03-03", "2026-03-03"),  # a day alone gets no invented midnight
    ],
)
def test_feed_dates_keep_the_writers_offset(tmp_path: Path, stated: str, published: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Gazette</title><item>'
        f"<title>One</title><guid>g1</guid><pubDate>{stated}</pubDate>"
        "<description>Ferry crews walked out on Tuesday.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (entry,) = _read(path)
    assert isinstance(entry, RawArticle) and entry.meta["published"] == published


def test_truncated_feed_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS[: RSS.index("<item><title>Two")], encoding="utf-8")
    (error,) = _read(path)
    assert isinstance(error, InputError) and "feed" in error.reason


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


# warcio's writer leaves a SpooledTemporaryFile for the GC (the writing side, test-only)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_warc_html_responses(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Sentence number {i} is a long enough line of article text.</p>" for i in range(5)
    )
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            (
                "https://a.example/x",
                f"<html><head><title>X</title></head><body><article>{body}</article></body></html>",
            )
        ],
    )
    (raw,) = _read(path)
    assert isinstance(raw, RawArticle) and raw.source == f"{path}#1" and raw.format == "warc"
    assert raw.meta["url"] == "https://a.example/x" and len(raw.paragraphs) == 5


def test_gzip_jsonl_streams(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(3):
            handle.write(json.dumps({"title": f"T{i}", "text": f"Body {i}."}) + "\n")
    assert [r.title for r in _read(path)] == ["T0", "T1", "T2"]  # type: ignore[union-attr]


def test_missing_path_and_empty_glob() -> None:
    results = list(read_inputs(["/no/such/file.txt", "/no/such/*.json"]))
    assert [e.reason for e in results if isinstance(e, InputError)] == [
        "no such file or folder",
        "no file matches this pattern",
    ]
