"""Normalizers of calendar dates: months and days without a year (placed by the tense),
numeric dates, years, decades, centuries, quarters, halves, seasons and holidays."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Literal

from dateutil.easter import easter

from parallax.model import TimexType
from parallax.nlp.time_calendar import (
    _FUTURE_DAY_SLACK,
    _PAST_MONTH_SLACK,
    _SEASON_START,
    _TENSE_SLACK_DAYS,
    DAY_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS,
    SEASONS,
    WEEKDAYS,
    Tense,
    _anchored,
    _Context,
    _quarter,
    _shift_month,
    _week,
    _year,
)

# a month and day, or a feast: how far the tense may carry it past the DCT (past, future)
_DAY_SLACK = (_PAST_MONTH_SLACK, _FUTURE_DAY_SLACK)


def _month_for(
    month: int,
    year: str | None,
    ctx: _Context,
    tense: Tense,
    day: int = 15,
    past_slack: int = _TENSE_SLACK_DAYS,
    future_slack: int = _TENSE_SLACK_DAYS,
) -> int | None:
    """The year of a month (and day) written without one: the occurrence nearest the DCT,
    unless the tense points the other way by more than a month or two (`past_slack` days
    for the past tense, `future_slack` for the future)."""
    if year:
        return int(year)
    if ctx.dct is None:
        return None
    dct = ctx.dct
    options = []
    for candidate in (dct.year - 1, dct.year, dct.year + 1):
        try:
            when = date(candidate, month, min(day, 28))
        except ValueError:
            continue
        options.append((candidate, (when - dct).days))
    if tense == "strictly past":  # "since Dec. 2": on or before the DCT
        options = [o for o in options if o[1] <= 0] or options
    elif tense == "past":
        options = [o for o in options if o[1] <= past_slack] or options
    elif tense == "future":
        options = [o for o in options if o[1] >= -future_slack] or options
    elif tense == "present":  # a state told in the present is not one long gone
        options = [o for o in options if o[1] >= -_TENSE_SLACK_DAYS] or options
    return min(options, key=lambda o: abs(o[1]))[0]


def _month_name(text: str) -> int:
    return MONTHS[text.casefold().rstrip(".")]


def _word_before(m: re.Match[str]) -> str:
    """The word just before a match, casefolded ("" at the text's start): "since" in "since
    January", "until" in "until the new year"."""
    words = m.string[max(0, m.start() - 16) : m.start()].casefold().split()
    return words[-1] if words else ""


_SEASON_DAYS = 91  # how long a season lasts: a "this summer" over that long told ahead is next
_REL_STEP = {"last": -1, "this": 0, "next": 1}  # "last year", "this month", "next month"


def _year_shift(m: re.Match[str]) -> int | None:
    """Years from the DCT's that "last/this/next year" after a month (and day) tells; None
    when the match has none."""
    return _REL_STEP.get((m.groupdict().get("yrel") or "").casefold())


def _month_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if word := m.groupdict().get("dayword"):
        day = DAY_WORDS[word.casefold()]
    else:
        day = int(re.sub(r"\D", "", m.group("day")))
    return _day_of(_month_name(m.group("month")), day, m.group("year"), _year_shift(m), ctx, tense)


def _day_first(
    m: re.Match[str], ctx: _Context, tense: Tense, year: str | None
) -> tuple[TimexType, str | None]:
    """The day a rule's `dday` and `dmonth` groups name ("4 March"), in `year` if written."""
    day = int(re.sub(r"\D", "", m.group("dday")))
    return _day_of(_month_name(m.group("dmonth")), day, year, None, ctx, tense)


def _day_of(
    month: int, day: int, written: str | None, shift: int | None, ctx: _Context, tense: Tense
) -> tuple[TimexType, str | None]:
    """A day of a month, in the year `written`, or `shift` years from the DCT's ("January 1
    next year"), or else the year the tense points to."""
    if shift is not None:
        year = None if ctx.dct is None else ctx.dct.year + shift
    else:
        year = _month_for(month, written, ctx, tense, day, *_DAY_SLACK)
    if day > monthrange(2000 if year is None else year, month)[1]:
        return "DATE", None  # "February 30", "June 31": no such day (a leap year for Feb. 29)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


def _ordinal_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`on the 14th`: a day of the month the text last named, else of the DCT's month (the
    one before or after when the tense points past the DCT's day)."""
    day = int(m.group("day"))
    if ctx.last and re.match(r"\d{4}-\d\d(?:-\d\d)?$", ctx.last):
        year, month = int(ctx.last[:4]), int(ctx.last[5:7])
    elif ctx.dct is not None:
        year, month = ctx.dct.year, ctx.dct.month
    else:
        return "DATE", None
    if ctx.dct is not None and (year, month) == (ctx.dct.year, ctx.dct.month):
        if tense in ("past", "strictly past") and day > ctx.dct.day:
            year, month = _shift_month(date(year, month, 1), -1)
        elif tense == "future" and day < ctx.dct.day:
            year, month = _shift_month(date(year, month, 1), 1)
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:  # "the 31st" of a shorter month
        return "DATE", None


def _day_of_relative_month(
    m: re.Match[str], ctx: _Context, tense: Tense
) -> tuple[TimexType, str | None]:
    """`the first of next month`, `the 15th of this month`: that day of the month counted from
    the DCT's (nothing with no publication date)."""
    word = m.group("dayword")
    day = DAY_WORDS[word.casefold()] if word else int(m.group("day"))
    if ctx.dct is None:
        return "DATE", None
    year, month = _shift_month(ctx.dct, _REL_STEP[m.group("mrel").casefold()])
    if day > monthrange(year, month)[1]:
        return "DATE", None  # "the 31st of next month" in a month of 30 days
    return "DATE", date(year, month, day).isoformat()


def _weekday_of_month(
    m: re.Match[str], ctx: _Context, tense: Tense
) -> tuple[TimexType, str | None]:
    """`the first Monday of December`, `the last Sunday in October`, `the first Monday of next
    month`: that day of the month (placed in a year as the month alone would be; the month
    alone, or nothing, with no publication date)."""
    if shift := m.group("mrel"):
        if ctx.dct is None:
            return "DATE", None
        year, month = _shift_month(ctx.dct, _REL_STEP[shift.casefold()])
    else:
        kind, named = _month_only(m, ctx, tense)
        if (placed := _year_month(named)) is None:
            return kind, named
        year, month = placed
    target = WEEKDAYS[m.group("weekday").casefold()[:3]]
    nth = m.group("nth").casefold()
    if nth == "last":
        end = date(year, month, monthrange(year, month)[1])
        day = end - timedelta(days=(end.weekday() - target) % 7)
    else:
        first = date(year, month, 1)
        weeks = ORDINALS.get(nth, 5) - 1  # the rule's other ordinal: "fifth", "5th"
        day = first + timedelta(days=(target - first.weekday()) % 7 + 7 * weeks)
        if day.month != month:  # "the fifth Monday" of a month with four
            return "DATE", f"{year:04d}-{month:02d}"
    return "DATE", day.isoformat()


def _week_of_month(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the first week of April`, `the final week of March 2024`: the ISO week holding the
    month's first day (a week on for each further one) or its last day (the month alone with
    no year known)."""
    kind, named = _month_only(m, ctx, tense)
    if (placed := _year_month(named)) is None:
        return kind, named
    year, month = placed
    nth = m.group("nth").casefold()
    if nth in {"last", "final"}:
        day = date(year, month, monthrange(year, month)[1])
    else:
        day = date(year, month, 1) + timedelta(weeks=ORDINALS[nth] - 1)
    return "DATE", _week(day)


def _year_month(value: str | None) -> tuple[int, int] | None:
    """The year and month of a `_month_only` value (`2024-04`); None when no year is known."""
    if not value or value.startswith("XXXX"):
        return None
    return int(value[:4]), int(value[5:7])


_MONTH_OF_YEAR = re.compile(r"(\d{4})-(\d\d)")
_YEAR_ALONE = re.compile(r"\d{4}")


def _story_year(ctx: _Context, month: int) -> int | None:
    """The year of a story long gone that a feast told in the past goes on telling: "In 2000,
    ... by Election Day, he was hovering near 60%", told in 2016, is 2000's Election Day. Only
    after a year before the last one, told alone or with a month (or a day) not after the
    feast's `month`. (A month alone is not read so: "since June 2014, and again since the
    Paris attacks in November" is the November the publication date gives.)"""
    told = _MONTH_OF_YEAR.match(ctx.last or "")
    if ctx.dct is None or ctx.last_year is None or ctx.last_year >= ctx.dct.year - 1:
        return None
    if told is None:
        return ctx.last_year if _YEAR_ALONE.fullmatch(ctx.last or "") else None
    return ctx.last_year if month >= int(told.group(2)) else None


def _month_only(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    month = _month_name(m.group("month"))
    rel = (m.group("rel") or "").casefold()
    if rel == "last":
        tense = "past"
    elif rel == "next":
        tense = "future"
    shift = _year_shift(m)
    if rel == "this" and shift is None:
        # "this September": the publication year's; one gone by, told in the future, the next
        # ("could replace him this January", told in December)
        past = ctx.dct is not None and month < ctx.dct.month - _SEASON_DAYS // 30
        shift = 1 if past and tense == "future" else 0
    if shift is not None:  # "June last year"
        year = None if ctx.dct is None else ctx.dct.year + shift
    elif tense in ("past", "strictly past"):
        # a month beginning over a month after the DCT is last year's ("was signed in
        # January", told in November); closer, the parse may have read the reporting verb's
        # tense ("said ... in December")
        year = _month_for(month, m.group("year"), ctx, tense, day=1, past_slack=_PAST_MONTH_SLACK)
        if (
            ctx.dct is not None
            and (ctx.dct.month, ctx.dct.day, year) == (month, 1, ctx.dct.year)
            and _word_before(m) != "since"
        ):
            # the DCT's own month has just begun: what was done "in January", told on 1
            # January, was done last January (a year in review); "since January" is left as
            # it is
            year = ctx.dct.year - 1
    elif tense == "future":  # a month that ended over a month before the DCT is next year's
        year = _month_for(month, m.group("year"), ctx, tense, 28, future_slack=_FUTURE_DAY_SLACK)
    else:
        year = _month_for(month, m.group("year"), ctx, tense)
    if rel == "last" and ctx.dct is not None and month >= ctx.dct.month - 1 and not m.group("year"):
        # this month's name, or the one just gone (which a writer would call "last month"),
        # is last year's: "a tweet last February", told in March
        year = ctx.dct.year - 1
    if rel == "next" and ctx.dct is not None and not m.group("year"):
        year = ctx.dct.year + (
            1 if month <= ctx.dct.month else 0
        )  # "next November", said in November
    if year is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{year:04d}-{month:02d}"


def _numeric_date(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if m.group("my"):  # a month of a year: 03/2025
        return "DATE", f"{m.group('my')}-{int(m.group('mm3')):02d}"
    if m.group("iso"):
        y, mo, d = m.group("iy"), m.group("im"), m.group("id")
    elif m.group("ey"):  # dotted, day first: 15.05.2024
        y, mo, d = m.group("ey"), m.group("em"), m.group("ed")
    else:
        y, mo, d = m.group("uy"), m.group("um"), m.group("ud")
        if len(y) == 2:
            y = ("19" if int(y) > 30 else "20") + y
        # day first, as outside the US: 14/06/2023, or 10/03/2025 from a writer who does so
        if int(mo) > 12 >= int(d) or (ctx.day_first and int(d) <= 12):
            mo, d = d, mo
    try:
        value = date(int(y), int(mo), int(d)).isoformat()
    except ValueError:  # "31.02.2024", "00/00/2024": no such day
        return "DATE", None
    hour, minute = m.group("hh") or m.group("hh2"), m.group("mm") or m.group("mm2")
    if hour:
        return "TIME", f"{value}T{int(hour):02d}:{minute}"
    return "DATE", value


def _year_only(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    fiscal = m.group("fy")  # "FY2023", "FY23": the year the fiscal year is named for
    if fiscal:
        return "DATE", fiscal if len(fiscal) == 4 else f"20{fiscal}"
    return "DATE", m.group("year") or m.group("year2") or m.group("year3")


def _decade(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the 1980s` (`1980's`, `'80s`, `the 80's`) is `198`; `the 1800s` a century, `18` (`the
    2000s` stays a decade)."""
    decade = m.group("decade") or m.group("decade2")
    if decade and decade.endswith("0") and decade < "200":
        return "DATE", decade[:2]
    return "DATE", decade or "19" + (m.group("short") or m.group("short2"))


_WORD_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _spelled_year(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`nineteen ninety-seven`, `the year two thousand`, `twenty o-five`."""
    if m.group("hi") is None:
        small = m.group("small")
        return "DATE", str(2000 + (NUMBERS[small.casefold()] if small else 0))
    century = 1900 if m.group("hi").casefold() == "nineteen" else 2000
    words = re.split(r"[- ]", m.group("lo").casefold())
    if words[0] == "o":
        words = words[1:]
    value = sum(_WORD_TENS.get(w, NUMBERS.get(w, 0)) for w in words)
    return "DATE", str(century + int(value))


def _century(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DATE", f"{int(m.group('ord')) - 1:02d}"


def _part_century(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the past half-century`, `a quarter century`: fifty or twenty-five years; `a
    quarter-century ago`: the year that many years before publication."""
    years = 50 if m.group("part").casefold() == "half" else 25
    if m.group("ago"):
        return "DATE", None if ctx.dct is None else str(ctx.dct.year - years)
    return "DURATION", f"P{years}Y"


def _decade_word(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group("decade") or m.group("decade2")
    tens = _WORD_TENS[word.casefold().replace("ies", "y")]
    return "DATE", f"19{tens // 10}"


def _year_end(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`year-end`, `at year's end`: the end of the year the text last named, else of the
    publication year, or of the year before when it has gone by ("since year-end", or "had
    eased by year-end" told before December)."""
    if tense == "strictly past" and ctx.dct is not None:  # "since year-end": the one gone by
        return "DATE", f"{ctx.dct.year - 1}-12-31"
    if ctx.last_year is None and tense == "past" and ctx.dct is not None and ctx.dct.month < 12:
        return "DATE", f"{ctx.dct.year - 1}-12-31"
    year = ctx.last_year if ctx.last_year is not None else _year(ctx)
    return "DATE", f"{year}-12-31" if year else None


def _new_year(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`in the new year`, `after the new year`: the coming year late in the year, or from
    March on in a future ("talks will resume in the new year", told in May), this one early in
    it; `since the new year` is this one, and `until`, `before` or `by the new year` the coming
    one."""
    if ctx.dct is None:
        return "DATE", None
    word = _word_before(m)
    if word == "since":
        return "DATE", str(ctx.dct.year)
    if word in {"until", "till", "before", "by"}:
        return "DATE", str(ctx.dct.year + 1)
    ahead = ctx.dct.month >= 7 or (tense == "future" and ctx.dct.month >= 3)
    return "DATE", str(ctx.dct.year + (1 if ahead else 0))


def _new_decade(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`a fresh decade`, `the new decade`: the decade a new year opens ("202", told in late
    2019 or early 2020); told in a year that opens none, no value."""
    _, year = _new_year(m, ctx, tense)
    if year is None or not year.endswith("0"):
        return "DATE", None
    return "DATE", year[:3]


def _first_or_last_day(
    m: re.Match[str], ctx: _Context, tense: Tense
) -> tuple[TimexType, str | None]:
    """`the first day of the year` (of 2020, of next year), `the last day of March`: that day;
    "the year" is the publication year's, a month the one its tense points to."""
    first = m.group("edge").casefold() == "first"
    if m.group("month"):
        month = _month_name(m.group("month"))
        year = _month_for(month, m.group("myear"), ctx, tense)
    else:
        month = 1 if first else 12
        rel = (m.group("rel") or "").casefold()
        if m.group("year"):
            year = int(m.group("year"))
        elif ctx.dct is None:
            year = None
        else:
            year = ctx.dct.year + _REL_STEP.get(rel, 0)
    day = 1 if first else monthrange(year or 2001, month)[1]
    return "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}-{day:02d}"


def _half(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the first half of 2023`, `the second half of next year`: YYYY-H1 / YYYY-H2; "the
    year" is the publication year's, or last year's for a half told in the past that has not
    begun yet."""
    half = 1 if m.group("half").casefold() == "first" else 2
    if m.group("year"):
        return "DATE", f"{m.group('year')}-H{half}"
    if ctx.dct is None:
        return "DATE", f"XXXX-H{half}"
    shift = _REL_STEP.get((m.group("hrel") or "").casefold(), 0)
    if not m.group("hrel") and _gone_by(m, tense) and half > (1 if ctx.dct.month <= 6 else 2):
        shift = -1  # "raised more in the second half of the year", told in January
    return "DATE", f"{ctx.dct.year + shift}-H{half}"


# the results of a quarter come once it is over: "fourth-quarter results", told in February
_RESULTS = re.compile(r"[ -](?:results|earnings|figures|numbers)\b", re.IGNORECASE)


def _gone_by(m: re.Match[str], tense: Tense) -> bool:
    """Whether a quarter or half named without a year lies behind: told in the past, or the
    one whose results are told of."""
    return tense == "past" or bool(_RESULTS.match(m.string, m.end()))


def _quarter_named(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    number = ORDINALS[m.group("ord").casefold()]
    year = m.group("year")
    if year:
        return "DATE", f"{year}-Q{number}"
    if ctx.dct is None:
        return "DATE", f"XXXX-Q{number}"
    value = ctx.dct.year
    rel = (m.group("qrel") or "").casefold()
    if (shift := _year_shift(m)) is not None:  # "the third quarter of next year"
        value += shift
    elif rel == "last" or (_gone_by(m, tense) and number > _quarter(ctx.dct)):
        value -= 1
    elif rel == "next" or (_ahead(m, tense) and number < _quarter(ctx.dct) - 1):
        value += 1
    return "DATE", f"{value}-Q{number}"


def _ahead(m: re.Match[str], tense: Tense) -> bool:
    """Whether a quarter named without a year, told in the future, is next year's when this
    year's ended a quarter or more before: "will close by the end of the first quarter",
    told in November (the one just ended may still be told of: "third-quarter sales will
    be weak", told in November)."""
    return tense == "future" and not _RESULTS.match(m.string, m.end())


def _period_code(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`Q3 2024`, `2024 Q3`, `H1 2025`, `Q4` (this year's, or last year's told in the past)."""
    code = (m.group("code") or m.group("code2")).upper()
    year = m.group("year") or m.group("year2")
    if m.group("short"):
        year = f"20{m.group('short')}"
    if year:
        return "DATE", f"{year}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    current = _quarter(ctx.dct) if code[0] == "Q" else (1 if ctx.dct.month <= 6 else 2)
    later = int(code[1]) > current
    return "DATE", f"{ctx.dct.year - 1 if _gone_by(m, tense) and later else ctx.dct.year}-{code}"


def _year_quarter(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the 1988 second quarter`, `the 1989 period` (the quarter under discussion, that year)."""
    if m.group("ord"):
        return "DATE", f"{m.group('year')}-Q{ORDINALS[m.group('ord').casefold()]}"
    if ctx.quarter:
        return "DATE", f"{m.group('year')}-{ctx.quarter.split('-')[1]}"
    return "DATE", m.group("year")


def _the_quarter(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is not None and re.match(r"(?:the )?(?:current|this) ", m.group(0), re.IGNORECASE):
        return "DATE", _anchored("quarter", ctx.dct, 0)
    if ctx.quarter:
        return "DATE", ctx.quarter
    if ctx.dct is None:
        return "DATE", None
    return "DATE", _anchored("quarter", ctx.dct, -1)


# "later in the summer", "earlier in the spring": a season told after another date is its year's
_LATER_IN = re.compile(r"\b(?:later|earlier) in $", re.IGNORECASE)


def _season(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    code = SEASONS[(m.group("season") or m.group("season2") or m.group("season3")).casefold()]
    rel = (m.group("rel") or "").casefold()
    year = m.group("year") or m.group("year2")
    if year:
        return "DATE", f"{year}-{code}"
    if rel == "that":  # "In 2020 the virus arrived. That spring, ...": the last date's year
        return "DATE", None if ctx.last_year is None else f"{ctx.last_year:04d}-{code}"
    if (
        rel == "the"
        and ctx.last_year is not None
        and _LATER_IN.search(m.string, max(0, m.start() - 16), m.start())
    ):
        # "The primaries ended in early June of 1992. Later in the summer, ...": that year's
        return "DATE", f"{ctx.last_year:04d}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    if rel == "last":
        # the latest one over by the DCT: "last spring", told in October, is this year's
        return "DATE", f"{_season_year(code, ctx.dct, 'over')}-{code}"
    if (
        rel == "this"
        and tense == "future"
        and _season_year(code, ctx.dct, "over")
        == (_season_year(code, ctx.dct - timedelta(days=_SEASON_DAYS), "over"))
    ):
        # over for a season's length or more, told in the future: the next one ("will not be
        # a factor this summer", told in December)
        return "DATE", f"{_season_year(code, ctx.dct, 'future')}-{code}"
    if rel in {"this", "next"}:
        # the one under way ("this winter", told in February, began in December), else this
        # year's; "next", the one a year after it
        year = _season_year(code, ctx.dct, "current") + _REL_STEP[rel]
        return "DATE", f"{year}-{code}"
    if rel in {"this past", "the past"}:
        tense = "past"
    elif m.group("season3") and _word_before(m) == "after":
        tense = "past"  # "caps a comeback after a rocky summer": one gone by, whatever the verb
    elif rel.endswith("coming"):  # "the upcoming fall election", "this coming winter"
        tense = "future"
    # otherwise ("the spring", "early summer") the season follows the tense: "reopens in the
    # spring", told in November, is next year's; "it rained all summer", told in March, last
    # year's
    return "DATE", f"{_season_year(code, ctx.dct, tense)}-{code}"


def _season_year(code: str, dct: date, tense: Tense | Literal["over", "current"]) -> int:
    """The year of a season named without one: in the past tense the latest one begun by the
    DCT, in the future tense the first one not over, "over" the latest one ended by the DCT,
    "current" the one under way or else the DCT's year's, else the one whose middle is nearest.

    >>> _season_year("SP", date(2024, 11, 20), "none"), _season_year("SU", date(2024, 3, 1), "past")
    (2025, 2023)
    >>> _season_year("SU", date(2024, 7, 1), "over"), _season_year("SU", date(2024, 10, 1), "over")
    (2023, 2024)
    >>> _season_year("SP", date(2016, 2, 17), "strictly past")
    2015
    """
    seasons = []
    for year in range(dct.year - 2, dct.year + 2):  # "last winter", told in January: two back
        first = date(year, _SEASON_START[code], 1)
        seasons.append(
            (year, first, first + timedelta(days=_SEASON_DAYS), first + timedelta(days=45))
        )
    if tense in ("past", "strictly past"):  # "working the state since the spring", in February
        return max(y for y, first, _, _ in seasons if first <= dct)
    if tense == "over":
        return max(y for y, _, end, _ in seasons if end <= dct)
    if tense == "current":
        return next((y for y, first, end, _ in seasons if first <= dct < end), dct.year)
    if tense == "future":
        return min(y for y, _, end, _ in seasons if end >= dct)
    return min(seasons, key=lambda s: abs((s[3] - dct).days))[0]


# feasts on the same day every year, so a text with no publication date still gives the day
# (and those of `_DAY_OF_MONTH`, below: Valentine's Day, St. Patrick's Day)
_FIXED_FEASTS = ("christmas", "new year", "independence")


# Super Tuesday, the day most states hold their presidential primaries: the first Tuesday of
# March of an election year since 2000 (but 5 February in 2008); the second in 1988-1996
_SUPER_TUESDAYS = {
    1988: date(1988, 3, 8),
    1992: date(1992, 3, 10),
    1996: date(1996, 3, 12),
    2008: date(2008, 2, 5),
}


def _super_tuesday_year(dct: date, tense: Tense) -> int:
    """The presidential election year whose Super Tuesday a text published on `dct` means:
    the DCT's own in an election year, else the one before (told in the past) or after (told
    ahead), else the nearer one."""
    year = dct.year
    if year % 4 == 0:
        return year
    before, after = year - year % 4, year - year % 4 + 4
    if tense in ("past", "strictly past"):
        return before
    if tense == "future":
        return after
    return min((before, after), key=lambda y: abs((_holiday_date("super tuesday", y) - dct).days))


# holidays on a day of a month, and on the nth weekday of a month (month, weekday, nth); not
# Veterans Day or Columbus Day, named far more often as institutions than as days
_DAY_OF_MONTH = {"valentine's": (2, 14), "st.": (3, 17), "singles": (11, 11), "singles'": (11, 11)}
_NTH_WEEKDAY = {
    "martin": (1, 0, 3), "dr.": (1, 0, 3), "mlk": (1, 0, 3), "presidents": (2, 0, 3),
    "presidents'": (2, 0, 3), "mother's": (5, 6, 2), "father's": (6, 6, 3),
}  # fmt: skip


_AFTER_THANKSGIVING = {"black friday": 1, "cyber monday": 4}  # days after Thanksgiving Day


def _holiday_date(name: str, year: int) -> date:
    if name == "super tuesday":
        first = date(year, 3, 1)
        return _SUPER_TUESDAYS.get(year, first + timedelta(days=(1 - first.weekday()) % 7))
    if name.startswith("thanksgiving") or name in _AFTER_THANKSGIVING:
        # the fourth Thursday of November; Black Friday and Cyber Monday the shopping days
        # after it
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return thursday + timedelta(days=_AFTER_THANKSGIVING.get(name, 0))
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("independence"):
        return date(year, 7, 4)
    word = name.split()[0]
    if word in _DAY_OF_MONTH:
        return date(year, *_DAY_OF_MONTH[word])
    if word in _NTH_WEEKDAY:  # "Martin Luther King Day": the third Monday of January
        month, weekday, nth = _NTH_WEEKDAY[word]
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if name.startswith("labor"):
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name.startswith("memorial"):
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name.startswith("election"):
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    # from Western Easter Sunday; its week (Holy Week) is named by its Saturday
    shift = {"good friday": -2, "easter monday": 1, "easter week": -1, "holy week": -1}
    return easter(year) + timedelta(days=shift.get(name, 0))


def _holiday(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    name = m.group("holiday").casefold().replace("\u2019", "'")
    rel = (m.group("rel") or "").casefold()
    shift = {"last": -1, "next": 1}.get(rel)
    if m.group("year") or m.group("pyear"):  # "Christmas Day 2022", "the 1988 Super Tuesday"
        when = _holiday_date(name, int(m.group("year") or m.group("pyear")))
    elif ctx.dct is None:
        on_its_day = name.startswith(_FIXED_FEASTS) or name.split()[0] in _DAY_OF_MONTH
        fixed = _holiday_date(name, 2001) if on_its_day else None
        if m.group("wkend"):
            return "DATE", "XXXX-WXX-WE"  # a weekend, of a week that moves with the year
        if fixed is None or rel:
            return "DATE", None
        return _with_part(f"XXXX-{fixed:%m-%d}", m)  # "Christmas morning", of an unknown year
    elif name == "super tuesday":
        when = _holiday_date(name, _super_tuesday_year(ctx.dct, tense))
    elif shift is not None:
        when = _holiday_date(name, ctx.dct.year + shift)
    else:
        # a day, like a month and day: a week gone by ("on Election Day, the situation will
        # have changed", told two weeks after it) does not stand for the one ahead
        when = _holiday_date(name, ctx.dct.year)
        year = _month_for(when.month, None, ctx, tense, when.day, *_DAY_SLACK)
        if tense in ("past", "strictly past") and not rel:
            year = _story_year(ctx, when.month) or year
        when = _holiday_date(name, year or ctx.dct.year)
    if name.endswith("week"):
        return "DATE", _week(when)
    if m.group("wkend"):
        return "DATE", _week(when - timedelta(days=1 if when.weekday() == 0 else 0)) + "-WE"
    return _with_part(when.isoformat(), m)


def _with_part(day: str, m: re.Match[str]) -> tuple[TimexType, str]:
    """A feast's day, or a TIME on it with the part of the day told ("Christmas morning":
    2019-12-25TMO)."""
    if part := m.group("part"):
        return "TIME", f"{day}T{PARTS[part.casefold()]}"
    return "DATE", day
