"""Timelines: dated sentences per article, merged across articles onto one axis.

An article's events are the sentences that carry a resolved DATE or TIME expression, or a span
counted from a date before it ("Four days later"); a merged timeline puts every outlet's events
in date order, each with its outlet, article and speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from parallax.model import Article, Event, Quote, Timex

__all__ = ["TimelineEntry", "article_events", "merge_timeline", "period_of"]

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def period_of(value: str) -> tuple[str, date] | None:
    """Precision and first day of a resolved TIMEX3 value; None for unresolved ones and for
    values that name no calendar day (month 13, week 54).

    >>> period_of("2021-W09"), period_of("2021-Q3"), period_of("PAST_REF")
    (('week', datetime.date(2021, 3, 1)), ('quarter', datetime.date(2021, 7, 1)), None)
    >>> period_of("2021-13-01") is None
    True
    """
    try:
        return _period_of(value)
    except ValueError:
        return None


def _period_of(value: str) -> tuple[str, date] | None:
    m = re.match(r"^(\d{4})(?:-(\d\d|W\d\d|Q\d|SU|SP|FA|WI|H\d)(?:-(\d\d|WE))?)?(T.*)?$", value)
    if m is None:
        decade = re.match(r"^(\d{3})$", value)
        return ("decade", date(int(decade.group(1)) * 10, 1, 1)) if decade else None
    year, part, day, clock = int(m.group(1)), m.group(2), m.group(3), m.group(4)
    if part is None:
        return "year", date(year, 1, 1)
    if part.startswith("W"):
        return "week", date.fromisocalendar(year, int(part[1:]), 1)
    if part.startswith("Q"):
        return "quarter", date(year, 3 * int(part[1]) - 2, 1)
    if part.startswith("H"):
        return "half-year", date(year, 1 if part == "H1" else 7, 1)
    if part in _SEASON_START:
        return "season", date(year, _SEASON_START[part], 1)
    month = int(part)
    if day is None or day == "WE":
        return "month", date(year, month, 1)
    return ("minute" if clock and ":" in clock else "day"), date(year, month, int(day))


def _speaker_at(quotes: list[Quote], start: int, end: int) -> str | None:
    for quote in quotes:
        if any(a < end and start < b for a, b in quote.parts):
            return quote.speaker
    return None


def article_events(doc: Doc, timexes: list[Timex], quotes: list[Quote]) -> list[Event]:
    """One event per resolved DATE/TIME expression, and per span counted from the story's
    day ("Four days later": its `anchor`), with the sentence it dates."""
    events = []
    for timex in timexes:
        value = timex.value if timex.type in {"DATE", "TIME"} else timex.anchor
        if not value:
            continue
        period = period_of(value)
        if period is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        events.append(
            Event(
                date=value,
                precision=period[0],
                sort_start=period[1].isoformat(),
                sentence=sent.text.strip(),
                start=sent.start_char,
                end=sent.end_char,
                timex=timex.text,
                speaker=_speaker_at(quotes, sent.start_char, sent.end_char),
            )
        )
    return events


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on a merged timeline, with where it was reported."""

    date: str
    precision: str
    sort_start: str
    sentence: str
    speaker: str | None
    outlet: str | None
    article_id: str
    source: str
    title: str | None
    start: int
    end: int


def merge_timeline(articles: Iterable[Article]) -> list[TimelineEntry]:
    """Every article's events on one axis: by first day, then finer precision first."""
    order = {"minute": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "season": 4}
    entries = [
        TimelineEntry(
            date=e.date,
            precision=e.precision,
            sort_start=e.sort_start,
            sentence=e.sentence,
            speaker=e.speaker,
            outlet=a.outlet,
            article_id=a.id,
            source=a.source,
            title=a.title,
            start=e.start,
            end=e.end,
        )
        for a in articles
        for e in a.events or []
    ]
    entries.sort(key=lambda e: (e.sort_start, order.get(e.precision, 9), e.outlet or ""))
    return entries
