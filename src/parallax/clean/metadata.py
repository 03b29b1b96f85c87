"""Metadata revealed by debris and page signals: authors, outlet, dates. Unknown stays None."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from datetime import datetime
from urllib.parse import urlsplit

import dateparser

from parallax.clean.debris import DebrisMatch
from parallax.model import DatePrecision

__all__ = [
    "authors_from_debris",
    "dates_from_debris",
    "outlet_from_debris",
    "outlet_from_url",
    "parse_date",
]

_HONORIFIC = re.compile(r"^(?:Prof(?:essor)?|Dr|Mr|Mrs|Ms|Sir|Dame)\.?\s+")
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|authors?\s*:|byline\s*:|reporter\s*:)\s*", re.I
)
_AGENCY_WRITER = re.compile(
    r"^(?P<outlet>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)\s+writers?\s+(?P<name>.+)$"
)
_OUTLET_WORD = re.compile(
    r"^the\s|\b(?:news|times|post|daily|review|research|press|media|journal|herald|tribune|report"
    r"|wire|gazette|ledger|network|tv|radio|magazine|planet|today|online|plan)\b|\.\w{2,4}$",
    re.I,
)
_PERSON = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|da|di|le|la)){1,3}$"
)
_BIO = re.compile(
    r"^(?:editor[’']s note:\s*)?(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}) is an? "
    r"(?P<desc>(?:[\w'’.-]+\s+){0,6}?)(?:reporter|correspondent|writer|journalist|editor|columnist"
    r"|contributor|meteorologist|author|podcaster|freelancer|analyst|professor|fellow|producer)"
)
_OUTLET_SIGNATURES = [
    re.compile(r"^most read in (?P<o>(?:the\s)?[A-Z][\w.&'’ -]{1,40})$", re.I),
    re.compile(r"^read more on (?P<o>the sun)$", re.I),
    re.compile(
        r"\bstory for (?P<o>(?:The\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) news ?desk\b"
    ),
    re.compile(r"\bencountered on (?P<o>(?:The\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\b"),
    re.compile(r"\bthe best of (?P<o>(?:The\s)?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) with\b"),
    re.compile(
        r"^subscribe to (?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) (?:telegram|youtube)", re.I
    ),
    re.compile(r"^(?:©|copyright)\s*(?:©\s*)?\d{4}\s+(?P<o>[A-Z][\w.&'’ -]{1,40}?)(?:\.|,|$)"),
    re.compile(r"^all (?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) articles can be read\b"),
    re.compile(
        r"^to receive (?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})[’']s? daily newsletter", re.I
    ),
    re.compile(r"^help keep (?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) free\b"),
    re.compile(
        r"^subscribe (?:to|for) (?:the )?(?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) newsletter\b"
    ),
    re.compile(r"^(?:the )?(?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) is committed to\b"),
    re.compile(r"^here at (?:the )?(?P<o>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}) we\b", re.I),
]
_NOT_OUTLETS = {"facebook", "twitter", "instagram", "telegram", "youtube", "the", "our"}
_DATE_NOTE = re.compile(
    r"^(?P<kind>updated|last updated|published|posted|first published|this (?:article|story) "
    r"(?:was|has been) (?:updated|corrected))(?: on| at)?\s*[:—–-]?\s*(?P<date>.{6,80}?)\.?$",
    re.I,
)


_DAY_PART = re.compile(
    r"[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?,? (?:19|20)\d\d"
    r"|\d{1,2} ?/ ?\d{1,2} ?/ ?(?:19|20)\d\d"
)
_LOOSE_CLOCK = re.compile(r"(\d) ?([:.]) ?(\d\d)(?!\d)")


def _stamp_date(text: str) -> tuple[datetime, DatePrecision] | None:
    """The date of a timestamp line; its day alone when the clock part does not parse.

    >>> _stamp_date("2 / 3 / 2009 5: 59: 13 PM")[0].date()
    datetime.date(2009, 2, 3)
    """
    parsed = parse_date(_tidy_clock(text))
    if parsed is None and (day := _DAY_PART.search(text)):
        parsed = parse_date(re.sub(r"\s*/\s*", "/", day.group(0)))
    return parsed


def _tidy_clock(text: str) -> str:
    """Clock times as `8:13` ("8: 13am", "03. 31" come from tokenized text); `@` read as at.

    >>> _tidy_clock("August 2, 2013 @ 8: 13am PDT")
    'August 2, 2013 at 8:13am PDT'
    """
    return _LOOSE_CLOCK.sub(r"\1:\3", text).replace("@", "at")


def _clean_name(name: str) -> str:
    return _HONORIFIC.sub("", " ".join(name.split())).strip(" ,:;|")


def authors_from_debris(
    paragraphs: Sequence[str], debris: Iterable[DebrisMatch]
) -> tuple[list[str], str | None]:
    """Authors named in bylines, `Author:` lines and bios; plus an outlet the byline names."""
    authors: list[str] = []
    outlet: str | None = None
    for match in debris:
        text = paragraphs[match.index].strip()
        if match.reason == "byline":
            rest = _BYLINE.sub("", text).rstrip(" :|")
            agency = _AGENCY_WRITER.match(rest)
            if agency:
                outlet = outlet or agency["outlet"]
                rest = agency["name"]
            parts = [p.strip() for p in re.split(r",|\band\b|&", rest) if p.strip()]
            for k, part in enumerate(parts):
                name = _clean_name(part)
                if _PERSON.match(name) and not (k > 0 and _OUTLET_WORD.search(name)):
                    authors.append(name)
                elif k > 0 and outlet is None:
                    outlet = name  # "by Jane Roe, The Daily Planet:"
        elif match.reason == "author_bio" and (bio := _BIO.match(text)):
            authors.append(_clean_name(bio["name"]))
            desc = bio["desc"].strip()
            capital = re.match(r"^((?:[A-Z][\w.&'’-]*\s?)+)", desc)
            if capital and outlet is None:
                outlet = capital.group(1).strip()
    return _unique(authors), outlet


def outlet_from_debris(paragraphs: Sequence[str], debris: Iterable[DebrisMatch]) -> str | None:
    """An outlet that names itself in its own promo, comment or copyright lines."""
    for match in debris:
        text = paragraphs[match.index].strip()
        for pattern in _OUTLET_SIGNATURES:
            found = pattern.search(text)
            if found and found["o"].strip().lower() not in _NOT_OUTLETS:
                name = found["o"].strip(" .")
                return name.title() if name.isupper() or name.islower() else name
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without `www.`: the outlet of last resort."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def dates_from_debris(
    paragraphs: Sequence[str], debris: Iterable[DebrisMatch]
) -> dict[str, tuple[datetime, DatePrecision]]:
    """`published`/`updated` stated in update notes, correction lines and timestamp lines."""
    found: dict[str, tuple[datetime, DatePrecision]] = {}
    for match in debris:
        if match.reason == "timestamp":  # a bare date, or one after "Published:" and the like
            line = paragraphs[match.index].strip()
            stamp = _DATE_NOTE.match(line)
            if parsed := _stamp_date(stamp["date"] if stamp else line):
                updated = stamp is not None and "updated" in stamp["kind"].lower()
                found.setdefault("updated" if updated else "published", parsed)
            continue
        if match.reason not in {"correction", "signature", "credit"}:
            continue
        note = _DATE_NOTE.match(paragraphs[match.index].strip())
        if not note:
            continue
        parsed = parse_date(note["date"])
        if parsed is None:
            continue
        kind = (
            "published"
            if note["kind"].lower() in {"published", "posted", "first published"}
            else "updated"
        )
        found.setdefault(kind, parsed)
    return found


_ISO_PRECISION = [
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?:Z|[+-]\d{2}:?\d{2})?$"), "minute"),
]
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)")
_HAS_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b", re.I)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


# the years a page's date can fall in; outside them a date is a placeholder that some content
# systems write for "no date" ("0001-01-01T00:00:00Z", "9999-12-31"), not a date
_YEARS = range(1000, 3000)


def parse_date(value: str | None) -> tuple[datetime, DatePrecision] | None:
    """Parse a date string with its precision; a string without a year, or a placeholder's
    year (0001, 9999), is not a date here.

    >>> parse_date("2024-03-05")[1]
    'day'
    """
    parsed = _parse_date(value)
    return parsed if parsed is None or parsed[0].year in _YEARS else None


def _parse_date(value: str | None) -> tuple[datetime, DatePrecision] | None:
    if not value:
        return None
    value = value.strip()
    for pattern, precision in _ISO_PRECISION:
        if pattern.match(value):
            try:
                padded = value + {"year": "-01-01", "month": "-01"}.get(precision, "")
                return datetime.fromisoformat(padded.replace("Z", "+00:00")), precision  # type: ignore[return-value]
            except ValueError:
                return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed, "second"
    except ValueError:
        pass
    if not _HAS_YEAR.search(value):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(
            value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
        )
    if parsed is None:
        return None
    without_year = _HAS_YEAR.sub("", value)
    if _HAS_TIME.search(value):
        return parsed, "minute"
    if _HAS_DAY.search(without_year):
        return parsed, "day"
    if re.search(r"[A-Za-z]{3}", without_year):
        return parsed, "month"
    return parsed, "year"


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())
