"""Normalizers of relative expressions: what counts from the publication date ("Friday",
"last week", "two days ago", "this morning", "the weekend") or from the last date the text gave
("the following day", "later that day"), plus durations, sets, clock times and references
("recently", "now")."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from parallax.model import TimexType
from parallax.nlp.time_calendar import (
    _FULL_DAY,
    _MONTH,
    _MONTH_VALUE,
    _WEEKDAY,
    _ZONE,
    PARTS,
    SEASONS,
    WEEKDAYS,
    Normalizer,
    Tense,
    _anchored,
    _Context,
    _day_next_to,
    _duration,
    _number,
    _shift_month,
    _week,
)
from parallax.nlp.time_dates import _REL_STEP, _day_first, _month_day, _month_name


def _ref(value: str, kind: TimexType = "DATE") -> Normalizer:
    """A rule whose expression always has one value ("now", "a fortnight")."""
    return lambda m, ctx, tense: (kind, value)


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


def _weekday_date(name: str, ctx: _Context, tense: Tense, skip_today: bool = False) -> str:
    """The date of a weekday near the DCT, on the side the tense points to; `skip_today`:
    never the DCT's own day ("next Thursday" said on a Thursday is a week away). With no
    tense, the nearer one, but news tells more of what was than of what will be: a day three
    days ahead loses to one four days back ("over Thursday's closing price", said on Monday);
    a state or what a modal will do with the day ("present") leans the other way ("will use
    Monday's encounter", said on Friday: three days ahead)."""
    target = WEEKDAYS[_weekday_key(name)]
    if ctx.dct is None:
        return f"XXXX-WXX-{target + 1}"
    ahead = (target - ctx.dct.weekday()) % 7 or (7 if skip_today else 0)
    back = (ctx.dct.weekday() - target) % 7 or (7 if tense == "strictly past" else 0)
    if (
        tense == "future"
        or (tense == "none" and ahead + 1 < back)
        or (tense == "present" and ahead <= back)
    ):
        return (ctx.dct + timedelta(days=ahead)).isoformat()
    return (ctx.dct - timedelta(days=back)).isoformat()


# "on a Monday"; not "a Sunday night service", whose article is the service's
_ANY_ONE = re.compile(r"(?<!\w)on an? \Z", re.IGNORECASE)


def _on_its_weekday(
    found: tuple[TimexType, str | None], m: re.Match[str], ctx: _Context, year: str | None
) -> tuple[TimexType, str | None]:
    """A date told with its weekday and no year ("Wednesday, November 15th") falls in the
    year, next to the publication year, whose calendar puts it on that weekday (of three
    years in a row at most one does); where none does, the tense decides."""
    kind, value = found
    if year or ctx.dct is None or not value or not _FULL_DAY.match(value):
        return found
    day = _year_of_weekday(date.fromisoformat(value[:10]), m.group("weekday"), ctx.dct)
    return found if day is None else (kind, day.isoformat() + value[10:])


def _year_of_weekday(told: date, weekday: str, dct: date) -> date | None:
    """`told` moved to the year next to `dct` whose calendar puts it on `weekday` (itself
    when it is on it already); None when none of the three does."""
    target = WEEKDAYS[_weekday_key(weekday)]
    if told.weekday() == target:
        return told
    for candidate in (dct.year, dct.year - 1, dct.year + 1):
        try:
            day = told.replace(year=candidate)
        except ValueError:  # 29 February
            continue
        if day.weekday() == target:
            return day
    return None


def _weekday_key(name: str) -> str:
    return name.casefold().rstrip(".")[:3] if len(name) > 3 else name.casefold()


def _weekday(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    rel = (m.group("rel") or "").casefold()
    if rel in {"last", "the previous"}:
        tense = "strictly past"
    elif rel in {"next", "this coming", "coming", "the following"}:
        tense = "future"
    if m.group("month") or m.group("dmonth"):
        # "Monday, Oct. 26", "Tuesday 4 March": the calendar date says which Monday
        kind, day = (
            _on_its_weekday(_month_day(m, ctx, tense), m, ctx, m.group("year"))
            if m.group("month")
            else _on_its_weekday(
                _day_first(m, ctx, tense, m.group("dyear")), m, ctx, m.group("dyear")
            )
        )
        if m.group("clock") and day:  # "10 a.m. Friday, Dec. 6": the clock of that day
            return "TIME", day + _clock(m, ctx, tense)[1][10:]  # type: ignore[index]
        return kind, day
    if m.group("wk"):  # "Tuesday week": a week after the coming Tuesday
        coming = _weekday_date(m.group("weekday"), ctx, "future")
        if ctx.dct is None:
            return "DATE", coming
        return "DATE", (date.fromisoformat(coming) + timedelta(days=7)).isoformat()
    if (week := (m.group("wkrel") or "").casefold()) and ctx.dct is not None:
        # "last week Thursday": the day of the week before the DCT's (ISO weeks)
        monday = ctx.dct - timedelta(days=ctx.dct.weekday() - 7 * _REL_STEP[week])
        value = (monday + timedelta(days=WEEKDAYS[_weekday_key(m.group("weekday"))])).isoformat()
    elif not rel and _ANY_ONE.search(m.string, max(0, m.start() - 6), m.start()):
        # "it happened on a Monday": some Monday, as if no publication date were known
        value = _weekday_date(m.group("weekday"), _Context(None), tense)
    elif rel in {"the previous", "the following"} and ctx.last and _FULL_DAY.match(ctx.last):
        # "charged on March 3 and freed the following Monday": counted from the text's last
        # day, not from the publication date
        told = _Context(date.fromisoformat(ctx.last[:10]))
        value = _weekday_date(m.group("weekday"), told, tense, skip_today=True)
    else:
        value = _weekday_date(m.group("weekday"), ctx, tense, skip_today=rel == "next")
    if m.group("clock"):
        return "TIME", value + _clock(m, ctx, tense)[1][10:]  # type: ignore[index]
    part = (m.group("part") or "").casefold()
    if part:  # "Tuesday night": 2021-03-02TNI, or XXXX-WXX-2TNI with no publication date
        return "TIME", value + "T" + PARTS[part]
    return "DATE", value


def _reference_day(value: str | None) -> tuple[date, str] | None:
    """The first day of an ISO date, week or month value and which of the three it is, for
    counting from it."""
    if not value:
        return None
    if _FULL_DAY.match(value):
        return date.fromisoformat(value[:10]), "day"
    if week := re.match(r"^(\d{4})-W(\d\d)$", value):
        return date.fromisocalendar(int(week[1]), int(week[2]), 1), "week"
    if month := re.match(r"^(\d{4})-(\d\d)$", value):
        return date(int(month[1]), int(month[2]), 1), "month"
    return None


def _anaphoric_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the following year`, `that year`, `the week before`: a calendar unit counted from the
    last date the text gave, not from the DCT."""
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).casefold()
    steps = 0 if m.group("unit2") else -1 if (m.group("dir") or "").casefold() == "before" else 1
    return _from_last(unit, steps, ctx)


def _from_last(unit: str, steps: int, ctx: _Context) -> tuple[TimexType, str | None]:
    """The calendar unit `steps` away from the last date the text gave (None when it gave
    none a unit can count from)."""
    if ctx.last_year is None:
        return "DATE", None
    if unit == "year":
        return "DATE", str(ctx.last_year + steps)
    reference = _reference_day(ctx.last)
    if reference is None or (unit == "week" and reference[1] == "month"):
        return "DATE", None  # a week counts only from a day or a week
    return "DATE", _anchored(unit, reference[0], steps)


def _two_away(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the week after next`, `the year before last`, `the weekend before last`: two units from
    the DCT."""
    if ctx.dct is None:
        return "DATE", None
    steps = -2 if m.group("dir").casefold() == "before" else 2
    return "DATE", _anchored(m.group("unit").casefold(), ctx.dct, steps)


def _anaphoric_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the following day`, `the day before`, `the next morning`, `the night before,`: a day (or
    part of one) from the last full date the text gave ("the next day" only in a past-tense
    narrative; otherwise it counts from the DCT)."""
    rel = (m.group("rel") or m.group("rel2") or m.group("rel3")).casefold()
    part = (m.group("part") or m.group("part2") or "day").casefold()
    kind: TimexType = "DATE" if part == "day" else "TIME"
    suffix = "" if part == "day" else "T" + PARTS[part]
    if rel == "next" and tense != "past":
        return kind, None if ctx.dct is None else _anchored("day", ctx.dct, 1) + suffix
    if (day := ctx.calendar_day) is None:
        return kind, None  # none told, or one of an unknown year ("XXXX-04-16")
    return kind, _day_next_to(day, rel) + suffix


def _that_day(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`later that day`, `that night`: the last full date the text gave (part of it)."""
    part = m.group("part").casefold()
    if ctx.day is None:
        return ("DATE" if part == "day" else "TIME"), None
    if part == "day":
        return "DATE", ctx.day
    return "TIME", f"{ctx.day}T{PARTS[part]}"


def _week_of(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the week of March 6`, `the week beginning 17 March`: the ISO week holding that date."""
    if m.group("dmonth"):
        kind, value = _day_first(m, ctx, tense, m.group("year"))
    else:
        kind, value = _month_day(m, ctx, tense)
    if value is None or not _FULL_DAY.match(value):
        return "DATE", None
    return kind, _week(date.fromisoformat(value))


def _week_to(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the week to Friday`, `the week ended Tuesday`: the week that day closes."""
    value = _weekday_date(m.group("weekday"), ctx, tense)
    return "DATE", _week(date.fromisoformat(value)) if _FULL_DAY.match(value) else None


def _overnight(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "TIME", None
    return "TIME", (ctx.dct - timedelta(days=1)).isoformat() + "TNI"


def _the_unit_date(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "DATE", None
    return "DATE", _anchored(m.group("unit").casefold(), ctx.dct, 0)


_PAST_REL = ("the past", "the last", "past", "this past")  # "this past week": the week just gone


_COMING = {"coming", "the coming", "this coming"}
# units from the DCT's that `_relative_unit`'s words count ("the past ..." words: one back)
_UNIT_STEPS = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "the next": 1}
_UNIT_STEPS |= dict.fromkeys(_COMING, 1)
_AHEAD = {"future", "present"}  # tenses of what holds now or lies ahead


def _relative_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    rel = m.group("rel").casefold()
    unit = m.group("unit").casefold()
    steps = _UNIT_STEPS.get(rel, 0)
    if rel.startswith(_PAST_REL):
        steps = -1
    if unit in {"decade", "century"} and rel.startswith(_PAST_REL):
        # "the past decade": the ten years up to now, a span that needs no anchor
        return "DURATION", _duration(1, unit)
    if rel == "the next" and tense == "past" and unit in {"year", "month", "week"}:
        # told in the past, "the next year" follows the last date told, as "the following
        # year" does ("introduced the tax in 2008 and won the elections the next year")
        return _from_last(unit, 1, ctx)
    if rel == "the previous" and unit in {"year", "month", "week"}:
        # "the previous year" counts back from the last date told, as "the previous Friday"
        # does ("In 2015 sales rose from the previous year": 2014), or from the DCT
        counted = _from_last(unit, -1, ctx)
        if counted[1] is not None:
            return counted
    if ctx.dct is None or (rel == "the last" and m.string.startswith(" of ", m.end())):
        # "the last year of his presidency": its final year, which the text alone places
        return "DATE", None
    if unit == "weekend" and rel in _COMING and ctx.dct.weekday() < 5:
        steps = 0  # "the coming weekend", told on a weekday: the one at the end of this week
    if unit == "week" and rel == "this" and ctx.dct.weekday() == 6 and tense in _AHEAD:
        steps = 1  # "will skip this week's convention", told on a Sunday: the week that begins
    if unit == "week" and rel == "this past" and ctx.dct.weekday() >= 5:
        steps = 0  # "this past week", told on a Saturday or Sunday: the week now ending
    return "DATE", _anchored(unit, ctx.dct, steps)


def _ago(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`two days ago`, `a year earlier`, `three years from now`, `in a week's time`."""
    count = _number(m.group("num"))
    unit = re.sub(r"ies$", "y", (m.group("unit") or m.group("tunit")).casefold()).rstrip("s")
    if unit == "fortnight" and count is not None:  # "a fortnight ago": two weeks ago
        count, unit = count * 2, "week"
    told = (m.group("dir") or "from now").casefold()  # "years' time" counts forward
    direction = 1 if told in {"later", "from now", "hence"} else -1
    if count is not None and m.string.startswith(" than", m.end()):
        return "DURATION", _duration(count, unit)  # "five years earlier than promised": a gap
    if m.group("num").casefold() in {"several", "a few", "few", "many", "some"}:  # "years ago"
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF"
    if count is not None and (
        unit in {"hour", "minute", "second"} or (told == "earlier" and unit in {"day", "week"})
    ):  # "a day earlier", "two hours ago": the gap, not a date, with or without a DCT
        return "DURATION", _duration(count, unit)
    if ctx.dct is None or count is None:
        return "DATE", None
    if (this := (m.group("this") or "").casefold()) and count == int(count):
        # "three years ago this month": this month, week or day, that many years back
        then = _months_later(ctx.dct, -12 * int(count) * (10 if unit == "decade" else 1))
        return "DATE", _anchored("day" if this == "today" else this.split()[1], then, 0)
    years = count * {"decade": 10, "century": 100, "year": 1}.get(unit, 0)
    if years and ctx.dct.year + years * direction < 1:
        return "DATE", None  # "3,000 years ago": before the calendar's first year
    if unit in {"decade", "century"} and years == int(years):
        # "a decade ago", "half a century ago" point at a year, not at a decade
        return "DATE", _anchored("year", ctx.dct, int(years) * direction)
    if count != int(count):
        return "DATE", None
    steps = int(count) * direction
    if unit == "year" and ctx.quarter and count == 1:  # a quarter of a known year: dct is set
        year, quarter = ctx.quarter.split("-")  # "a year ago" beside quarterly results
        return "DATE", f"{int(year) + steps}-{quarter}"
    return "DATE", _anchored(unit, ctx.dct, steps)


def _count_from(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`a week from Friday`, `two weeks from tomorrow`, `a month from today`, `a week on
    Friday`, `a fortnight today`: the day that many units after the day named (a weekday named
    so lies ahead)."""
    count = _number(m.group("num"))
    if ctx.dct is None or count is None or count != int(count):
        return "DATE", None
    if m.group("weekday"):
        day = date.fromisoformat(_weekday_date(m.group("weekday"), ctx, "future"))
    else:
        day = ctx.dct + timedelta(days=1 if m.group("word").casefold() == "tomorrow" else 0)
    unit, steps = m.group("unit").casefold(), int(count)
    if unit == "fortnight":
        unit, steps = "week", steps * 2
    if unit in {"day", "week"}:
        span = timedelta(weeks=steps) if unit == "week" else timedelta(days=steps)
        return "DATE", (day + span).isoformat()
    return "DATE", _months_later(day, steps * (12 if unit == "year" else 1)).isoformat()


def _months_later(day: date, months: int) -> date:
    """The same day of the month `months` later (earlier when negative), or the month's last
    day when it is shorter.

    >>> _months_later(date(2024, 2, 29), -12), _months_later(date(2021, 1, 31), 1)
    (datetime.date(2023, 2, 28), datetime.date(2021, 2, 28))
    """
    year, month = _shift_month(day, months)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _year_earlier(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`the year-earlier quarter`, `year-ago period`: last year's version of the last date."""
    if ctx.quarter:
        year, quarter = ctx.quarter.split("-")
        return "DATE", f"{int(year) - 1}-{quarter}" if year.isdigit() else None
    if ctx.dct is None:
        return "DATE", None
    return "DATE", str(ctx.dct.year - 1)


def _this_part(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    part = PARTS[m.group("part").casefold()]
    if ctx.dct is None:
        return "TIME", None
    day = ctx.dct - timedelta(days=1) if m.group("rel").casefold() == "last" else ctx.dct
    return "TIME", f"{day.isoformat()}T{part}"


def _edge(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`earlier this year`, `late next month`, `early this week`, `later in the week`: the unit
    itself; "the end of the year" told in the past before December, the year gone by."""
    rel = (m.group("rel") or m.group("the")).casefold()
    unit = m.group("unit").casefold()
    if ctx.dct is None:
        return "DATE", None
    ended = rel == "the" and unit == "year" and m.group(0).casefold().endswith("end of the year")
    if ended and tense in ("past", "strictly past"):
        # "sold its shares at the end of the year", told in March: the year gone by (or the
        # past year the text is on: "In 2012, ... at the end of the year"), as for year-end
        if ctx.last_year is not None and ctx.last_year < ctx.dct.year:
            return "DATE", str(ctx.last_year)
        if ctx.dct.month < 12:
            return "DATE", str(ctx.dct.year - 1)
    if rel == "the" and unit == "month" and ctx.last and _MONTH_VALUE.match(ctx.last):
        # "adding the data in January 2016 and done by the end of the month": the month told
        # (an "XXXX" one only with no DCT, which returned above)
        return "DATE", ctx.last
    return "DATE", _anchored(unit, ctx.dct, {"last": -1, "next": 1}.get(rel, 0))


def _unit_and_half(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`a year and a half`, `an hour and a half`."""
    return "DURATION", _duration(1.5, m.group("unit").casefold())


def _span_duration(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`three weeks`; a range of one unit is its first count, as TimeBank gives "two to three
    weeks" (`P2W`, at least that long), written with a dash too ("3-5 years", "60–90
    minutes")."""
    unit = m.group("unit").casefold()
    count = _number(m.group("low") or m.group("low2") or m.group("low3") or m.group("num"))
    if unit.endswith("s") and m.group("num").casefold() in {"a", "an"}:
        count = None  # "a months-long grind": some months, not one
    return "DURATION", _duration(count, unit)


def _abbreviated_span(
    m: re.Match[str], ctx: _Context, tense: Tense
) -> tuple[TimexType, str | None]:
    """`30 min`, `2 hrs`: a span of minutes or hours written short."""
    unit = "minute" if m.group("unit").casefold().startswith("min") else "hour"
    return "DURATION", _duration(_number(m.group("num")), unit)


def _nights(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`17 nights`, `several nights`: a span of as many days (TIMEX3 has no unit of nights)."""
    return "DURATION", _duration(_number(m.group("num")), "day")


def _bare_plural(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    unit = next(u for name, u in m.groupdict().items() if name.startswith("unit") and u)
    return "DURATION", _duration(None, unit.casefold())


# what tells of a weekend ahead in the words before it: a modal, a plan
_WEEKEND_PLAN = re.compile(
    r"\b(?:will|would|shall|going to|plan(?:s|ned|ning)?|schedul\w*|slated|expected|set (?:to|for))\b"
    r"|['\u2019]ll\b|\bwon['\u2019]t\b",
    re.IGNORECASE,
)
_WEEKEND_PLAN_REACH = 80  # characters before "the weekend" where a modal is looked for


def _weekend(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"  # a weekend, like a weekday, of an unknown week
    word = m.group(0).casefold()
    steps = -1 if word.startswith("last") or "past" in word else 1 if word.startswith("next") else 0
    weekday = ctx.dct.weekday()
    if word.startswith("this"):
        # "this weekend": the one just gone only when told early in the week, in the past
        # ("This weekend, Sanders complained", told on a Tuesday); told on a Friday, tomorrow's
        # ("set the stage for another rout this weekend")
        if steps == 0 and tense in ("past", "strictly past") and weekday < 4:
            steps = -1
    elif steps == 0 and weekday < 4:
        # "the weekend" told from Monday to Thursday is the one just gone ("campaigned over the
        # weekend", "a report from over the weekend", "with insurgents making major gains over
        # the weekend", told on a Tuesday: not a timetable's present), unless a modal tells of
        # the next ("will spend the weekend in Iowa")
        told = m.string[max(0, m.start() - _WEEKEND_PLAN_REACH) : m.start()]
        if not (tense == "future" and _WEEKEND_PLAN.search(told)):
            steps = -1
    elif steps == 0 and tense in ("past", "strictly past") and weekday < 5:
        steps = -1  # "over the weekend", said on a Friday: the one just gone
    return "DATE", _anchored("weekend", ctx.dct, steps)


def _the_unit(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    unit = m.group("unit") or m.group("unit2") or m.group("unit3")
    return "DURATION", _duration(1, unit.casefold())


_ALTERNATE = re.compile(r" (?:other|second|alternate) ")


def _set(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group(0).casefold()
    weekday = re.search(_WEEKDAY, word)  # before the units: "monday" holds "day"
    if weekday and word.endswith("month"):  # "the first Tuesday of every month": monthly
        return "SET", "P1M"
    if weekday:  # "on Mondays", "Tuesday nights": each such day (part)
        part = word.split()[-1].rstrip("s")
        suffix = "T" + PARTS[part] if part in PARTS else ""
        return "SET", f"XXXX-WXX-{WEEKDAYS[weekday.group(0)[:3]] + 1}{suffix}"
    last = word.split()[-1]
    if last.startswith("weekend"):  # "every weekend", "on weekends"
        return "SET", "XXXX-WXX-WE"
    if last in SEASONS:  # "every summer"
        return "SET", f"XXXX-{SEASONS[last]}"
    month = re.search(_MONTH, word)  # "each July"
    if month and last == month.group(0):
        return "SET", f"XXXX-{_month_name(month.group(0)):02d}"
    for key, value in (
        ("hour", "PT1H"), ("day", "P1D"), ("dai", "P1D"), ("night", "P1D"), ("week", "P1W"),
        ("month", "P1M"), ("quarter", "P1Q"), ("year", "P1Y"), ("annual", "P1Y"),
    ):  # fmt: skip
        if key in word:  # "every other week", "every second month": once in two
            return "SET", value.replace("1", "2") if _ALTERNATE.search(word) else value
    return "SET", None


_CLOCK_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _spoken_hour(word: str, part: str) -> int:
    """The hour of a clock said without a.m. or p.m. ("eight", "7"), in the part of the day
    told with it: after noon in the afternoon or evening, and at night from six on."""
    hour = _CLOCK_WORDS.get(word.casefold()) or int(word)
    if hour < 12 and (part in {"afternoon", "evening"} or (part == "night" and hour >= 6)):
        hour += 12
    return hour


def _publication_day(ctx: _Context) -> str:
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"


def _clock_part(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    """`4 in the morning`, `eight o'clock in the evening`."""
    part = m.group("part").casefold()
    hour = _spoken_hour(m.group("h"), part)
    if part == "morning" and hour == 12:
        hour = 0
    return "TIME", f"{_publication_day(ctx)}T{hour:02d}:00"


def _clock(m: re.Match[str], ctx: _Context, tense: Tense) -> tuple[TimexType, str | None]:
    word = m.group(0).casefold()
    if "noon" in word or "midday" in word or "mid-day" in word:
        hour, minute = 12, "00"
    elif "midnight" in word:
        hour, minute = 24, "00"
    elif spoken := m.groupdict().get("oh"):  # "eight o'clock tonight", "7 o'clock Friday"
        tonight = bool(m.groupdict().get("tonight"))
        part = "night" if tonight else (m.groupdict().get("part") or "").casefold()
        hour, minute = _spoken_hour(spoken, part), "00"
        if tonight:
            return "TIME", f"{_publication_day(ctx)}T{hour:02d}:00"
    else:
        hour, minute = int(m.group("h")), m.group("m") or "00"
        meridiem = (m.groupdict().get("ap") or "").replace(".", "").casefold()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    day = _publication_day(ctx) if _heads_entry(m) else _clock_day(ctx)
    return "TIME", f"{day}T{hour:02d}:{minute}"


# a clock alone on its line: the time stamp of a live blog's entry ("6:05 p.m.", "11:40 a.m. EDT")
_ENTRY_STAMP = re.compile(rf"[ \t]*(?:{_ZONE}|local time)?[ \t.:]*(?:\n|$)")


def _heads_entry(m: re.Match[str]) -> bool:
    """Whether a clock is a live blog's time stamp: alone on its line, the publication day's
    (entries run on the day the page is dated), not the day the story above it spoke of.

    >>> import re
    >>> _heads_entry(re.search(r"6:05 p.m.", "they said.\\n\\n6:05 p.m.\\n\\nTrump is"))
    True
    >>> _heads_entry(re.search(r"6:05 p.m.", "Polls close at 6:05 p.m. on Friday."))
    False
    """
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()]
    return not before.strip() and _ENTRY_STAMP.match(text, m.end()) is not None


def _clock_day(ctx: _Context) -> str:
    """The day a clock with no day of its own falls on: the day the story is on, when the text
    gave one within a month of publication ("Polls opened on Sunday ... They close at 8 p.m."),
    else the publication day."""
    if ctx.day and (
        ctx.dct is None or abs((date.fromisoformat(ctx.day) - ctx.dct).days) <= _STORY_DAY_REACH
    ):
        return ctx.day
    return _publication_day(ctx)


_STORY_DAY_REACH = 31  # days from publication a story's day may lie and still date a clock
