from __future__ import annotations

import pytest

from parallax.clean import clean_article, find_debris, parse_date
from parallax.model import RawArticle

CONTENT = [
    "The council voted 16 to 15 on Wednesday to approve the harbour plan.",
    "\u201cThis is a good day for the city,\u201d the mayor said after the vote.",
    "Opponents said they would ask a court to review the decision next month.",
]


def _reasons(paragraphs: list[str], title: str | None = None) -> dict[int, str]:
    return {m.index: m.reason for m in find_debris(paragraphs, title)}


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        ("PHOTO: J. DOE/REUTERS", "caption"),
        ("Most read in The Daily Planet", "related"),
        ("Read more: Ten things to know about the harbour", "related"),
        ("Sign up for our newsletter to get the top stories in your inbox.", "newsletter"),
        ("Got a story idea? Email us at tips@planet.example", "solicitation"),
        ("Follow us on Twitter for the latest updates", "social"),
        (
            "Jane Roe is a senior correspondent based in Nairobi. She covers East Africa.",
            "author_bio",
        ),
        ("Correction: An earlier version of this story misspelled the mayor's name.", "correction"),
        ("We use cookies to improve your experience on this site.", "cookie"),
        ("\u00a9 2026 Planet Media. All rights reserved.", "credit"),
        ("This article was originally published on Harbour Weekly.", "republication"),
        ("* * *", "separator"),
        ("Published: April 10, 2007", "timestamp"),
        ("Monday 16 September 2013 03:31 BST", "timestamp"),
    ],
)
def test_debris_block_is_found_with_its_reason(block: str, reason: str) -> None:
    assert _reasons([*CONTENT, block]) == {3: reason}


def test_byline_at_the_top() -> None:
    assert _reasons(["By Jane Roe and John Poe", *CONTENT]) == {0: "byline"}


def test_content_about_subscriptions_and_photos_is_kept() -> None:
    tricky = [
        "Subscriptions to the city's bike scheme rose by a third, officials said on Monday.",
        "The photo agency said it would sign up 40 new photographers this year.",
        "Read the full ruling, the judge told the lawyers, before filing an appeal.",
        "She said the comments made on Tuesday were taken out of context.",
        "Related charges were dropped against two other men in March.",
    ]
    assert _reasons(tricky) == {}


def test_repeated_title_and_duplicated_paragraph() -> None:
    paragraphs = ["Harbour plan approved", CONTENT[0] * 2, CONTENT[1], CONTENT[0] * 2]
    assert _reasons(paragraphs, "Harbour plan approved") == {0: "title", 3: "duplicate"}


def test_short_repeated_list_items_are_not_duplicates() -> None:
    item = (
        "Portion: 1 cup rice, 2 eggs, 1 tbsp oil, a pinch of salt and pepper to taste, served warm"
    )
    assert _reasons([CONTENT[0], item, CONTENT[1], item]) == {}


def test_comment_section_and_related_list() -> None:
    paragraphs = [
        *CONTENT,
        "Related:",
        "- One headline",
        "- Another headline",
        "Comments",
        "Ann says",
        "Great piece.",
    ]
    assert _reasons(paragraphs) == {
        3: "related",
        4: "related",
        5: "related",
        6: "comments",
        7: "comments",
        8: "comments",
    }


def test_label_next_to_debris_goes_with_it() -> None:
    assert _reasons([*CONTENT, "About the writer", "Jane Roe is a reporter for The Planet."]) == {
        3: "author_bio",
        4: "author_bio",
    }


def test_clean_article_turns_debris_into_metadata() -> None:
    raw = RawArticle(
        source="a.txt",
        title="Harbour plan approved",
        paragraphs=[
            "by Jane Roe, The Daily Planet:",
            *CONTENT,
            "Updated: March 4, 2026 10:30",
            "Most read in The Daily Planet",
        ],
    )
    article = clean_article(raw)
    assert article.paragraphs == CONTENT
    assert article.authors == ["Jane Roe"]
    assert article.outlet == "The Daily Planet"
    assert article.published is None  # an update note is not a publication date
    assert article.updated is not None and article.updated.isoformat() == "2026-03-04T10:30:00"
    assert [(r.reason, r.index) for r in article.removed] == [
        ("byline", 0),
        ("correction", 4),
        ("related", 5),
    ]


def test_a_timestamp_line_dates_the_article() -> None:
    dated = "Elections were held on April 10, 2007, the commission said."
    raw = RawArticle(
        source="a.txt", title="T", paragraphs=["Friday August 2, 2013 @ 8:13am PDT", dated]
    )
    article = clean_article(raw)
    assert article.paragraphs == [dated]  # a date inside a sentence is content
    assert article.published is not None
    assert (article.published.isoformat(), article.published_precision) == (
        "2013-08-02T08:13:00",
        "minute",
    )


def test_metadata_from_the_reader_wins_and_url_is_last_resort() -> None:
    raw = RawArticle(
        source="x", title="T", paragraphs=CONTENT, meta={"url": "https://www.harbour.example/a"}
    )
    assert clean_article(raw).outlet == "harbour.example"
    raw.meta["outlet"] = "Harbour Times"
    assert clean_article(raw).outlet == "Harbour Times"


def test_unknown_stays_null() -> None:
    article = clean_article(RawArticle(source="x", title="T", paragraphs=CONTENT))
    assert (article.outlet, article.authors, article.published) == (None, [], None)


@pytest.mark.parametrize(
    ("text", "precision", "iso"),
    [
        ("2026-03-05", "day", "2026-03-05T00:00:00"),
        ("2026-03", "month", "2026-03-01T00:00:00"),
        ("2026-03-05T10:15:00+01:00", "second", "2026-03-05T10:15:00+01:00"),
        ("March 2026", "month", "2026-03-01T00:00:00"),
        ("5 March 2026", "day", "2026-03-05T00:00:00"),
    ],
)
def test_parse_date_precision(text: str, precision: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed[1] == precision and parsed[0].isoformat() == iso


def test_parse_date_without_year_is_not_a_date() -> None:
    assert parse_date("Sept. 27") is None


def test_a_placeholder_date_is_no_publication_date() -> None:
    # content systems write year 1 or 9999 for "no date"; the article is read undated
    assert parse_date("0001-01-01T00:00:00Z") is None
    assert parse_date("9999-12-31") is None
    raw = RawArticle(
        source="x", title="T", paragraphs=CONTENT, meta={"published": "0001-01-01T00:00:00Z"}
    )
    assert clean_article(raw).published is None
