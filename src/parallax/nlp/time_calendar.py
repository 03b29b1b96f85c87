"""What the time normalizers share: the words of dates (months, weekdays, numbers, units),
the regular-expression pieces the rules are built from, the context a text is read in (its
publication date, the last date it gave) and calendar arithmetic on TIMEX3 values.

The normalizers live in `time_dates` (calendar dates: months, years, quarters, seasons,
holidays) and `time_relative` (what counts from the publication date or from the last date
given: weekdays, "last week", "two days ago", durations, clock times); `time` holds the rules
that find the expressions and calls them. A normalizer takes a rule's match, the context and
the tense at the expression, and gives a TIMEX3 type and value.
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
# a weekday's abbreviation with its period ("Mon.", "Tues.", "Thurs."), read only after "on" or
# before the date it names ("Tues., Feb. 4"): "Sun." and "Sat." end other sentences
_WEEKDAY_SHORT = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
_WEEKDAY_ABBR = rf"(?:(?<=on ){_WEEKDAY_SHORT}\.|{_WEEKDAY_SHORT}\.(?=,? (?:{_MONTH}|\d)))"
# the hour of a spoken clock: "7 o'clock", "eight o\u2019clock"
_OCLOCK = r"(?P<oh>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o['\u2019]clock"
# a count in digits or words: "18", "6,300", "twenty-four", "six"
_COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen)"
)
# a count, or a vague or fractional one: "a", "a single", "several", "half an", "a couple of"
_NUMWORD = (
    rf"(?:{_COUNT}|a single|a|an|hundred|a couple(?: of)?|couple of|a half|half an?|several|a few|few|many"
    r"|some)(?:[ -]1/2| ?½| and a half|-and-a-half)?"
)
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie)|quarter)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# the time zones a clock is given in: "EST", "ET", "GMT", "CEST"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)"
_FIRST_NINE = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
_TENTH_TO_TWENTIETH = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
# the days of a month in words: "the first of April", "the twenty-third of May"
DAY_WORDS = {
    **{w: i + 1 for i, w in enumerate(_FIRST_NINE)},
    **{w: i + 10 for i, w in enumerate(_TENTH_TO_TWENTIETH)},
    **{f"twenty{sep}{w}": 21 + i for sep in ("-", " ") for i, w in enumerate(_FIRST_NINE)},
    "thirtieth": 30,
    "thirty-first": 31,
    "thirty first": 31,
}
_DAY_WORD = "(?:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_REL = r"(?:this past|this coming|this|last|next|the past|the last|the next|the coming|the current|current|the previous|previous|past|coming)"

Tense = str  # "past" | "future" | "none" | "strictly past" | "present" (a state, not a timetable)
# A date written without its year is the occurrence nearest the publication date; the tense
# moves it only when the nearest one lies on the wrong side by more than this.
_TENSE_SLACK_DAYS = 60
_PAST_MONTH_SLACK = 30  # days from the DCT to a month (its first) or a date told in the past tense
_FUTURE_DAY_SLACK = 7  # days a date told in the future tense may lie before the DCT


@dataclass
class _Context:
    dct: date | None
    last: str | None = None  # the last DATE value resolved in the text (a reference point)
    quarter: str | None = None  # the last fiscal quarter mentioned ("2021-Q3")
    # the day of the last DATE or TIME, when it names one ("Tuesday night" -> Tuesday); with
    # no publication date, one of an unknown year or week too ("XXXX-04-16", "XXXX-WXX-4")
    day: str | None = None
    # slashed dates run day/month/year (14/06/2023), as outside the US
    day_first: bool = False

    @property
    def calendar_day(self) -> str | None:
        """`day` when it is a day of a known year, one a count of days can start from."""
        return self.day if self.day and self.day[:1].isdigit() else None

    @property
    def last_year(self) -> int | None:
        """The year of the last DATE value, when it names one ("that year" counts from it)."""
        # four digits: a decade ("199", the 1990s) or a century ("19") names no year
        return int(self.last[:4]) if self.last and _FOUR_DIGITS.match(self.last) else None


_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d\d$")  # a month, of a year or (no DCT) of none
_FOUR_DIGITS = re.compile(r"\d{4}(?!\d)")

Normalizer = Callable[[re.Match[str], _Context, Tense], tuple[TimexType, str | None]]


def _year(ctx: _Context) -> int | None:
    return ctx.dct.year if ctx.dct else None


_HALVES = (" 1/2", "-1/2", " ½", "½", " and a half", "-and-a-half")


def _number(word: str) -> float | None:
    """The value of a count: digits, words ("twenty-one", "a couple of") and halves ("2 1/2",
    "1-1/2", "5 ½", "two and a half"); None for a vague one ("several", "a few")."""
    word = word.casefold()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):
        word = word.replace(",", "")  # "6,300": thousands set apart
    for suffix in _HALVES:
        if word.endswith(suffix) and len(word) > len(suffix):
            whole = _number(word[: -len(suffix)])
            return None if whole is None else whole + 0.5
    word = word.replace("a couple of", "couple").replace("couple of", "couple")
    word = "one" if word == "a single" else word
    word = re.sub(r"^half an?$", "half", word.replace("a half", "half"))
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


# a fraction of a unit written in the next smaller one: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M
_SMALLER = {"year": (12, "M"), "day": (24, "H"), "hour": (60, "M"), "minute": (60, "S")}


def _duration(count: float | None, unit: str) -> str:
    unit = unit.rstrip("s").replace("centurie", "century")
    if count is not None and count != int(count) and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        whole, rest = int(count), (count - int(count)) * factor
        if rest == int(rest):
            prefix, code = UNITS[unit]
            head = f"{whole}{code}" if whole else ""
            if unit == "day":
                return f"P{head}T{int(rest)}{smaller}"
            return f"P{prefix}{head}{int(rest)}{smaller}"
    if unit in {"decade", "century"}:
        # in years, as the TimeML corpora write them: "two decades" P20Y, "decades-long" PXY
        years = None if count is None else count * (10 if unit == "decade" else 100)
        return "P" + _amount(years) + "Y"
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


def _day_next_to(day: str, rel: str) -> str:
    """The day before (`rel` "before" or "previous") or after an ISO day.

    >>> _day_next_to("2021-03-01", "previous"), _day_next_to("2021-02-28", "after")
    ('2021-02-28', '2021-03-01')
    """
    step = -1 if rel.casefold() in {"before", "previous"} else 1
    return (date.fromisoformat(day[:10]) + timedelta(days=step)).isoformat()


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
        return f"{dct.year // 10 + steps:03d}"
    if unit == "century":
        return f"{dct.year // 100 + steps:02d}"
    return f"{dct.year + steps:04d}"  # "2,000 years ago": the year 0016, not the 1600s
