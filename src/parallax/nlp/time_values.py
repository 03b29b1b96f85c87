"""The values of temporal expressions: calendar arithmetic and one normalizer per rule.

Each normalizer turns a rule's match into a TIMEX3 type and value, given the anchor (the
publication date), the tense at the expression, and the last date the text gave. `time.py`
holds the rules that find the expressions and calls these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from parallax.model import TimexType

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "couple": 2, "half": 0.5,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season begins in
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNITS = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
    "week": ("", "W"), "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "quarter": ("", "Q"), "weekend": ("", "WE"),
}  # fmt: skip

_MONTH = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)|apr(?:il|\.)?|may|june?\.?|july?\.?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|satur|sun)day"
_NUMWORD = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a couple of|a half|several|a few|few|many|some)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie)|quarter)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_REL = r"(?:this|last|next|the past|the last|the next|the coming|the current|the previous|previous|past|coming)"

Tense = str  # "past" | "future" | "none" | "strictly past"
# A date written without its year is the occurrence nearest the publication date; the tense
# moves it only when the nearest one lies on the wrong side by more than this.
_TENSE_SLACK_DAYS = 60
_PAST_MONTH_SLACK = 30  # days from the DCT to a month (its first) or a date told in the past tense


@dataclass
class _Context:
    dct: date | None
    last: str | None = None  # the last DATE value resolved in the text (a reference point)
    quarter: str | None = None  # the last fiscal quarter mentioned ("2021-Q3")


_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")

Normalizer = Callable[[re.Match[str], _Context, Tense], tuple[TimexType, str | None]]


def _year(ctx: _Context) -> int | None:
    return ctx.dct.year if ctx.dct else None


def _number(word: str) -> float | None:
    word = word.casefold().replace("a couple of", "couple").replace("a half", "half")
    if word in {"several", "a few", "few", "many", "some"}:
        return None
    parts = re.split(r"[- ]", word)
    if len(parts) > 1 and parts[0] in {"a", "an"}:
        parts = parts[1:]  # "a two-year" is two years, not three
    if (
        len(parts) > 1
        and parts[0]
        not in {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
        and not parts[0].isdigit()
    ):
        return None
    if all(p.replace(".", "", 1).isdigit() for p in parts[:1]):
        return float(parts[0])
    total = 0.0
    for part in parts:
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total


def _amount(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else str(value)


def _duration(count: float | None, unit: str) -> str:
    unit = unit.rstrip("s").replace("centurie", "century")
    if unit in {"decade", "century"} and count is not None:
        return "P" + _amount(count * (10 if unit == "decade" else 100)) + "Y"
    prefix, code = UNITS[unit]
    if code == "WE":
        return "P" + _amount(count) + "WE"
    return "P" + prefix + _amount(count) + code


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _anchored(unit: str, dct: date, steps: int) -> str:
    """The calendar unit `steps` away from the DCT ('year', -1 -> last year's value)."""
    if unit == "day":
        return (dct + timedelta(days=steps)).isoformat()
    if unit in {"week", "weekend"}:
        value = _week(dct + timedelta(weeks=steps))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = _shift_month(dct, steps)
        return f"{year}-{month:02d}"
    if unit == "quarter":
        index = dct.year * 4 + _quarter(dct) - 1 + steps
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(dct.year // 10 + steps)
    if unit == "century":
        return str(dct.year // 100 + steps)
    return str(dct.year + steps)


# -- normalizers ---------------------------------------------------------------------------


def _ref(value: str) -> Normalizer:
    return lambda m, ctx, tense: ("DATE", value)


def _deictic_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group("word").casefold()
    steps = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    if ctx.dct is None:
        return "DATE", None
    day = (ctx.dct + timedelta(days=steps)).isoformat()
    part = m.group("part")
    if word == "tonight":
        return "DATE", day
    if part:
        return "TIME", day + "T" + PARTS[part.casefold()]
    return "DATE", day


def _weekday_date(name: str, ctx: _Context, tense: Tense) -> str:
    target = WEEKDAYS[name.casefold().rstrip(".")[:3] if len(name) > 3 else name.casefold()]
    if ctx.dct is None:
        return f"XXXX-WXX-{target + 1}"
    ahead = (target - ctx.dct.weekday()) % 7
    back = (ctx.dct.weekday() - target) % 7 or (7 if tense == "strictly past" else 0)
    if tense == "future" or (tense == "none" and ahead < back):
        return (ctx.dct + timedelta(days=ahead)).isoformat()
    return (ctx.dct - timedelta(days=back)).isoformat()


def _weekday(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    rel = (m.group("rel") or "").casefold()
    if rel in {"last", "the previous"}:
        tense = "strictly past"
    elif rel in {"next", "this coming", "coming", "the following"}:
        tense = "future"
    if m.group("month"):  # "Monday, Oct. 26": the calendar date says which Monday
        return _month_day(m, ctx, tense)
    value = _weekday_date(m.group("weekday"), ctx, tense)
    if m.group("clock"):
        return "TIME", value + _clock(m, ctx, tense)[1][10:]  # type: ignore[index]
    part = (m.group("part") or "").casefold()
    if part and value[:1].isdigit():
        return "TIME", value + "T" + PARTS[part]
    return "DATE", value


def _month_for(
    month: int,
    year: str | None,
    ctx: _Context,
    tense: Tense,
    day: int = 15,
    past_slack: int = _TENSE_SLACK_DAYS,
) -> int | None:
    """The year of a month (and day) written without one: the occurrence nearest the DCT,
    unless the tense points the other way by more than a month or two (`past_slack` days
    for the past tense)."""
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
        options = [o for o in options if o[1] >= -_TENSE_SLACK_DAYS] or options
    return min(options, key=lambda o: abs(o[1]))[0]


def _month_name(text: str) -> int:
    return MONTHS[text.casefold().rstrip(".")]


def _month_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    month = _month_name(m.group("month"))
    day = int(re.sub(r"\D", "", m.group("day")))
    year = _month_for(month, m.group("year"), ctx, tense, day, past_slack=_PAST_MONTH_SLACK)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


def _month_only(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    month = _month_name(m.group("month"))
    rel = (m.group("rel") or "").casefold()
    if rel == "last":
        tense = "past"
    elif rel == "next":
        tense = "future"
    shift = {"last": -1, "this": 0, "next": 1}.get((m.groupdict().get("yrel") or "").casefold())
    if shift is not None:  # "June last year"
        year = None if ctx.dct is None else ctx.dct.year + shift
    elif tense in ("past", "strictly past"):
        # a month beginning over a month after the DCT is last year's ("was signed in
        # January", told in November); closer, the parse may have read the reporting verb's
        # tense ("said ... in December")
        year = _month_for(month, m.group("year"), ctx, tense, day=1, past_slack=_PAST_MONTH_SLACK)
    else:
        year = _month_for(month, m.group("year"), ctx, tense)
    if rel == "last" and ctx.dct is not None and month >= ctx.dct.month and not m.group("year"):
        year = ctx.dct.year - 1
    if year is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{year:04d}-{month:02d}"


def _numeric_date(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if m.group("iso"):
        y, mo, d = m.group("iy"), m.group("im"), m.group("id")
    else:
        y, mo, d = m.group("uy"), m.group("um"), m.group("ud")
        if len(y) == 2:
            y = ("19" if int(y) > 30 else "20") + y
        if int(mo) > 12 >= int(d):  # day first, as outside the US: 14/06/2023
            mo, d = d, mo
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return "DATE", None
    value = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    hour, minute = m.group("hh") or m.group("hh2"), m.group("mm") or m.group("mm2")
    if hour:
        return "TIME", f"{value}T{int(hour):02d}:{minute}"
    return "DATE", value


def _year_only(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DATE", m.group("year") or m.group("year2")


def _decade(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DATE", m.group("decade") or "19" + m.group("short")


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


def _decade_word(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    tens = _WORD_TENS[m.group("decade").casefold().replace("ies", "y")]
    return "DATE", f"19{tens // 10}"


def _year_end(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    year = int(ctx.last[:4]) if ctx.last and ctx.last[:4].isdigit() else _year(ctx)
    return "DATE", f"{year}-12-31" if year else None


def _anaphoric_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the following year`, `that year`: relative to the last date the text gave."""
    if not ctx.last or not ctx.last[:4].isdigit():
        return "DATE", None
    following = m.group("unit") is not None
    if (m.group("unit") or m.group("unit2")).casefold() == "year":
        return "DATE", str(int(ctx.last[:4]) + (1 if following else 0))
    if re.match(r"^\d{4}-\d\d", ctx.last):
        year, month = _shift_month(date(int(ctx.last[:4]), int(ctx.last[5:7]), 1), 1)
        return "DATE", f"{year}-{month:02d}"
    return "DATE", None


def _anaphoric_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the following day`, `the day before`: a day from the last full date the text gave
    ("the next day" only in a past-tense narrative; otherwise it counts from the DCT)."""
    rel = (m.group("rel") or m.group("rel2")).casefold()
    if rel == "next" and tense != "past":
        return "DATE", None if ctx.dct is None else _anchored("day", ctx.dct, 1)
    if not ctx.last or not _FULL_DAY.match(ctx.last):
        return "DATE", None
    step = -1 if rel in {"previous", "before"} else 1
    return "DATE", (date.fromisoformat(ctx.last) + timedelta(days=step)).isoformat()


def _that_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`later that day`, `that night`: the last full date the text gave (part of it)."""
    part = m.group("part").casefold()
    if not ctx.last or not _FULL_DAY.match(ctx.last):
        return ("DATE" if part == "day" else "TIME"), None
    if part == "day":
        return "DATE", ctx.last
    return "TIME", f"{ctx.last}T{PARTS[part]}"


def _week_of(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the week of March 6`: the ISO week holding that date."""
    kind, value = _month_day(m, ctx, tense)
    if value is None or not _FULL_DAY.match(value):
        return "DATE", None
    return kind, _week(date.fromisoformat(value))


def _overnight(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "TIME", None
    return "TIME", (ctx.dct - timedelta(days=1)).isoformat() + "TNI"


def _the_unit_date(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "DATE", None
    return "DATE", _anchored(m.group("unit").casefold(), ctx.dct, 0)


def _relative_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    rel = m.group("rel").casefold()
    unit = m.group("unit").casefold()
    steps = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel.startswith(("the past", "the last", "past")):
        steps = -1
    if rel in {"the next", "the coming"}:
        steps = 1
    if ctx.dct is None:
        return "DATE", None
    if unit in {"decade", "century"} and rel.startswith(("the past", "the last", "past")):
        return "DURATION", _duration(1, unit)  # "the past decade": the ten years up to now
    return "DATE", _anchored(unit, ctx.dct, steps)


def _ago(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    count = _number(m.group("num"))
    unit = m.group("unit").casefold().rstrip("s")
    direction = 1 if m.group("dir").casefold() in {"later", "from now", "hence"} else -1
    if ctx.dct is None or count is None or count != int(count):
        return "DATE", None
    steps = int(count) * direction
    if unit in {"decade", "century"}:  # "a decade ago" points at a year, not at a decade
        return "DATE", str(ctx.dct.year + steps * (10 if unit == "decade" else 100))
    if unit == "year" and ctx.quarter and count == 1:
        year, quarter = ctx.quarter.split("-")  # "a year ago" beside quarterly results
        return "DATE", f"{int(year) + steps}-{quarter}"
    if unit in {"hour", "minute", "second"} or (
        m.group("dir").casefold() == "earlier" and unit in {"day", "week"}
    ):
        return "DURATION", _duration(count, unit)  # "a day earlier": the gap, not a date
    return "DATE", _anchored(unit, ctx.dct, steps)


def _year_earlier(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the year-earlier quarter`, `year-ago period`: last year's version of the last date."""
    if ctx.quarter:
        year, quarter = ctx.quarter.split("-")
        return "DATE", f"{int(year) - 1}-{quarter}"
    if ctx.dct is None:
        return "DATE", None
    return "DATE", str(ctx.dct.year - 1)


def _half(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the first half of 2023`, `the second half of next year`: YYYY-H1 / YYYY-H2."""
    half = 1 if m.group("half").casefold() == "first" else 2
    if m.group("year"):
        return "DATE", f"{m.group('year')}-H{half}"
    if ctx.dct is None:
        return "DATE", f"XXXX-H{half}"
    shift = {"last": -1, "next": 1}.get((m.group("hrel") or "").casefold(), 0)
    return "DATE", f"{ctx.dct.year + shift}-H{half}"


def _quarter_named(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    number = ORDINALS[m.group("ord").casefold()]
    year = m.group("year")
    if year:
        return "DATE", f"{year}-Q{number}"
    if ctx.dct is None:
        return "DATE", f"XXXX-Q{number}"
    value = ctx.dct.year
    rel = (m.group("qrel") or "").casefold()
    if rel == "last" or (tense == "past" and number > _quarter(ctx.dct)):
        value -= 1
    elif rel == "next":
        value += 1
    return "DATE", f"{value}-Q{number}"


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


def _season(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    code = SEASONS[(m.group("season") or m.group("season2")).casefold()]
    rel = (m.group("rel") or "").casefold()
    year = m.group("year") or m.group("year2")
    if year:
        return "DATE", f"{year}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    if rel in {"last", "this", "next"}:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        return "DATE", f"{year}-{code}"
    if rel == "this past":
        tense = "past"
    # otherwise ("the spring", "early summer") the season follows the tense: "reopens in the
    # spring", told in November, is next year's; "it rained all summer", told in March, last
    # year's
    return "DATE", f"{_season_year(code, ctx.dct, tense)}-{code}"


def _season_year(code: str, dct: date, tense: Tense) -> int:
    """The year of a season named without one: in the past tense the latest one begun by the
    DCT, in the future tense the first one not over, else the one whose middle is nearest.

    >>> _season_year("SP", date(2024, 11, 20), "none"), _season_year("SU", date(2024, 3, 1), "past")
    (2025, 2023)
    """
    seasons = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        first = date(year, _SEASON_START[code], 1)
        seasons.append((year, first, first + timedelta(days=91), first + timedelta(days=45)))
    if tense == "past":
        return max(y for y, first, _, _ in seasons if first <= dct)
    if tense == "future":
        return min(y for y, _, end, _ in seasons if end >= dct)
    return min(seasons, key=lambda s: abs((s[3] - dct).days))[0]


def _this_part(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    part = PARTS[m.group("part").casefold()]
    if ctx.dct is None:
        return "TIME", None
    day = ctx.dct - timedelta(days=1) if m.group("rel").casefold() == "last" else ctx.dct
    return "TIME", f"{day.isoformat()}T{part}"


def _edge(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`earlier this year`, `late next month`, `early this week`: the unit itself."""
    rel = m.group("rel").casefold()
    unit = m.group("unit").casefold()
    if ctx.dct is None:
        return "DATE", None
    return "DATE", _anchored(unit, ctx.dct, {"last": -1, "next": 1}.get(rel, 0))


def _span_duration(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DURATION", _duration(_number(m.group("num")), m.group("unit").casefold())


def _bare_plural(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DURATION", _duration(None, (m.group("unit") or m.group("unit2")).casefold())


def _weekend(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "DATE", None
    word = m.group(0).casefold()
    steps = -1 if word.startswith("last") else 1 if word.startswith("next") else 0
    if steps == 0 and tense == "past" and ctx.dct.weekday() < 5:
        steps = -1  # "over the weekend", said on a weekday: the one just gone
    return "DATE", _anchored("weekend", ctx.dct, steps)


def _holiday_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("independence"):
        return date(year, 7, 4)
    if name.startswith("labor"):
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name.startswith("memorial"):
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name.startswith("election"):
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    # Easter Sunday (anonymous Gregorian algorithm)
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + 2 * l_ - 7 * m + 114) // 31
    return date(year, month, (h + 2 * l_ - 7 * m + 114) % 31 + 1)


def _holiday(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "DATE", None
    name = m.group("holiday").casefold()
    rel = (m.group("rel") or "").casefold()
    shift = {"last": -1, "next": 1}.get(rel)
    if shift is not None:
        return "DATE", _holiday_date(name, ctx.dct.year + shift).isoformat()
    when = _holiday_date(name, ctx.dct.year)
    year = _month_for(when.month, None, ctx, tense, when.day)
    return "DATE", _holiday_date(name, year or ctx.dct.year).isoformat()


def _the_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    return "DURATION", _duration(1, m.group("unit").casefold())


def _set(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group(0).casefold()
    weekday = re.search(_WEEKDAY, word)  # before the units: "monday" holds "day"
    if weekday:
        return "SET", f"XXXX-WXX-{WEEKDAYS[weekday.group(0)[:3]] + 1}"
    for key, value in (
        ("hour", "PT1H"), ("day", "P1D"), ("dai", "P1D"), ("night", "P1D"), ("week", "P1W"),
        ("month", "P1M"), ("quarter", "P1Q"), ("year", "P1Y"), ("annual", "P1Y"),
    ):  # fmt: skip
        if key in word:
            return "SET", value
    return "SET", None


def _clock(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group(0).casefold()
    if "noon" in word or "midday" in word or "mid-day" in word:
        hour, minute = 12, "00"
    elif "midnight" in word:
        hour, minute = 24, "00"
    else:
        hour, minute = int(m.group("h")), m.group("m") or "00"
        meridiem = (m.group("ap") or "").replace(".", "").casefold()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02d}:{minute}"
