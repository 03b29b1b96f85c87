"""The rules that find temporal expressions: one regular expression per kind of expression,
each with the normalizer that computes its TimeML value (`time_dates`, `time_relative`).

Candidates are found with every rule; `time.extract_timexes` keeps the leftmost-longest ones
(an earlier rule wins a tie), so the order below matters only between equal spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parallax.nlp.time_calendar import (
    _COUNT,
    _DAY,
    _DAY_WORD,
    _MONTH,
    _NUMWORD,
    _OCLOCK,
    _ORD,
    _REL,
    _UNIT,
    _WEEKDAY,
    _WEEKDAY_ABBR,
    _YEAR,
    _ZONE,
    Normalizer,
)
from parallax.nlp.time_dates import (
    _century,
    _day_of_relative_month,
    _decade,
    _decade_word,
    _first_or_last_day,
    _half,
    _holiday,
    _month_day,
    _month_only,
    _new_decade,
    _new_year,
    _numeric_date,
    _ordinal_day,
    _part_century,
    _period_code,
    _quarter_named,
    _season,
    _spelled_year,
    _the_quarter,
    _week_of_month,
    _weekday_of_month,
    _year_end,
    _year_only,
    _year_quarter,
)
from parallax.nlp.time_relative import (
    _abbreviated_span,
    _ago,
    _anaphoric_day,
    _anaphoric_unit,
    _bare_plural,
    _clock,
    _clock_part,
    _count_from,
    _deictic_day,
    _edge,
    _nights,
    _overnight,
    _ref,
    _relative_unit,
    _set,
    _span_duration,
    _that_day,
    _the_unit,
    _the_unit_date,
    _this_part,
    _two_away,
    _unit_and_half,
    _week_of,
    _week_to,
    _weekday,
    _weekend,
    _year_earlier,
)

__all__ = ["CAPITALIZED_ONLY", "COMPILED", "RULES", "scan"]

# where a clause ends: "the week before," counts from the last date given, "the week before
# the vote" from one the text does not give
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)]|$))"

RULES: list[tuple[str, Normalizer]] = [
    (
        r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?:[ T](?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?"
        # 6/14/2023, and day first 14/06/2023 or 25/01/2021
        r"|(?<![\d/])(?P<um>[0-3]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>\d{4}|\d\d)"
        r"(?: (?P<hh2>\d\d):(?P<mm2>\d\d))?"
        # 15.05.2024, but not a version number ("version 1.2.2024", "v1.2.2024")
        r"|(?<![\d.])(?<![vV])(?<!version )(?<!release )"
        r"(?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>\d{4})(?![\d.]\d)"
        # a month of a year: "figures for 03/2025"
        r"|(?<![\d/.])(?P<mm3>0[1-9]|1[0-2])/(?P<my>(?:19|20)\d\d)(?![\d/])",
        _numeric_date,
    ),
    # the day of the 2001 attacks, named by its date: "the Sept. 11 attacks", "Sept. 11
    # conspiracy theories", "since 9/11"
    # ("the Sept. 11 attack" in Benghazi, 2012, is singular and stays an ordinary date)
    (
        r"(?:Sept\.?|September) 11(?:th)?(?=,? (?:2001,? )?(?:(?:terror(?:ist)? )?attacks"
        r"|hijack|conspirac|commission\b|victims\b|families\b))"
        r"|(?:(?<=since )|(?<=after )|(?<=before )|(?<=post-)|(?<=pre-))9/11(?![\d/])"
        r"|(?<![\d/])9/11(?= (?:terror|attack|commission|memorial|era|victims|families|hijack))",
        _ref("2001-09-11"),
    ),
    (
        rf"(?:(?:last|this|next) )?(?P<month>{_MONTH}) (?P<day>{_DAY})"
        rf"(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?(?!\d)",
        _month_day,
    ),
    (
        rf"(?P<day>{_DAY}) (?:of )?(?P<month>{_MONTH})"
        rf"(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?",
        _month_day,
    ),
    (
        rf"(?:the )?(?P<dayword>{_DAY_WORD}) of (?P<month>{_MONTH})(?:,? (?P<year>{_YEAR}))?",
        _month_day,
    ),
    # "the first of next month", "the 15th of this month"
    (
        rf"the (?:(?P<dayword>{_DAY_WORD})|(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)) of "
        r"(?P<mrel>last|next|this) month",
        _day_of_relative_month,
    ),
    (
        rf"(?:the )?(?P<nth>{_ORD}|fifth|5th|last) (?P<weekday>{_WEEKDAY}) (?:of|in) "
        rf"(?:(?:(?P<rel>last|next|this) )?(?P<month>{_MONTH})"
        rf"(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?|(?P<mrel>last|next|this) month)",
        _weekday_of_month,
    ),
    (
        rf"the (?P<nth>{_ORD}|last|final) week (?:of|in) (?:(?P<rel>last|next|this) )?"
        rf"(?P<month>{_MONTH})(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?",
        _week_of_month,
    ),
    (
        rf"(?:(?:early|late|mid|the end of|the beginning of|the middle of|(?:the )?(?:first|second|last|latter) half of)[- ])?(?:(?P<rel>last|next|this) )?(?P<month>{_MONTH})(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?",
        _month_only,
    ),
    (
        rf"(?:(?P<clock>(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))? ?(?P<ap>[ap]\.?m\.?)(?: [ECMP][SD]T)?|{_OCLOCK}),? )(?:on )?)?"
        rf"(?:(?P<rel>last|next|this|this coming|coming|the previous|the following) "
        # West African English: "last week Thursday", the Thursday of the week before
        rf"|(?P<wkrel>last|next|this) week )?"
        rf"(?P<weekday>{_WEEKDAY}|{_WEEKDAY_ABBR})(?:'s)?"
        rf"(?:(?:[ -](?P<part>morning|afternoon|evening|night))|,? (?P<month>{_MONTH}) (?P<day>{_DAY})(?:,? (?P<year>{_YEAR}))?"
        # day first, as in British news: "Tuesday 4 March", "Tuesday, 4th March 2025"
        rf"|,? (?P<dday>{_DAY}) (?:of )?(?P<dmonth>{_MONTH})(?:,? (?P<dyear>{_YEAR}))?(?!\w)"
        # British: "on Tuesday week", a week after the coming Tuesday
        r"| (?P<wk>week)(?![\w'\u2019]))?",
        _weekday,
    ),
    (r"(?:this past |the past |the |this |last |next )?(?:weekend)", _weekend),
    (
        r"(?:(?P<rel>last|next|this) |(?<=the )(?P<pyear>(?:19|20)\d\d) )?(?P<holiday>thanksgiving(?: day)?|christmas(?: day| eve)?|new year['\u2019]?s(?: day| eve|(?= (?:holiday )?weekend))|independence day|election day|labor day|memorial day|easter(?: sunday| monday| week)?|good friday|holy week|super tuesday(?! (?:[23]|II|III)\b)"
        r"|black friday|cyber monday|singles['\u2019]? day|valentine['\u2019]s day|st\. patrick['\u2019]s day|(?:dr\. )?martin luther king(?:,? jr\.?)? day|mlk day|presidents['\u2019]? day|mother['\u2019]s day|father['\u2019]s day)"
        # the weekend it falls in or, for a Monday, the one before: "Memorial Day weekend"
        r"(?P<wkend>(?: holiday)? weekend)?"
        # its part of the day: "Christmas morning", "New Year's Day morning"
        r"(?: (?P<part>morning|afternoon|evening|night)(?![\w'\u2019-]))?"
        # its year, when told: "Christmas Day 2022", "on Christmas Eve, 2019"
        rf"(?:,? (?P<year>{_YEAR})(?![\w'\u2019-]))?",
        _holiday,
    ),
    (
        r"(?P<word>today|yesterday|tomorrow|tonight)(?:'s)?(?: (?P<part>morning|afternoon|evening|night))?",
        _deictic_day,
    ),
    (r"midday|mid-day", _clock),
    (
        r"(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"(?: o'clock)? in the (?P<part>morning|afternoon|evening)",
        _clock_part,
    ),
    (r"(?P<rel>this|last) (?P<part>morning|afternoon|evening|night)", _this_part),
    (
        rf"(?:the )?(?P<half>first|second|last|latter) half of (?:(?P<year>{_YEAR})|(?P<hrel>this|last|next) year|the year)",
        _half,
    ),
    (
        rf"(?:the |this year's |last year's )?(?:fiscal[- ])?(?:(?P<qrel>last|next|this) )?(?P<ord>{_ORD})[- ](?:fiscal[- ])?quarter(?:,? (?:of )?(?P<year>{_YEAR})| of (?P<yrel>last|next|this) year)?",
        _quarter_named,
    ),
    (
        r"(?:the )?(?:latest |current |most recent |same |recent |fiscal )?(?:quarter|period)(?= |[,.;:])(?<!period)|the (?:latest|most recent) period",
        _the_quarter,
    ),
    (rf"the (?P<year>{_YEAR}) (?:(?P<ord>{_ORD}) )?(?:fiscal )?(?:quarter|period)", _year_quarter),
    (
        rf"(?P<code>Q[1-4]|H[12])(?:(?:,? (?:of )?| )(?P<year>{_YEAR})|[ ']'?(?P<short>[12]\d)(?!\d))?"
        rf"|(?P<year2>{_YEAR}) (?P<code2>Q[1-4]|H[12])",
        _period_code,
    ),
    (r"(?:the )?year-(?:earlier|ago)(?: (?:quarter|period|level|figure|results?))?", _year_earlier),
    (
        rf"(?:(?P<rel>last|next|this|this past|the past|(?:the |this )?(?:up)?coming|the|early|late|that) )(?P<season>spring|summer|fall|autumn|winter)(?: (?:of )?(?P<year>{_YEAR}))?|(?P<season2>spring|summer|fall|autumn|winter) (?:of )?(?P<year2>{_YEAR})"
        # "a rocky summer defined by ...", "a summer of scandal": one summer (not "a summer job")
        r"|\ban? (?:(?!(?:spring|summer|autumn|winter)\b)[a-z]+ )?(?P<season3>spring|summer|autumn|winter)"
        r"(?= (?:of|defined|marked|without|when|in which)\b|[,.;:)])",
        _season,
    ),
    (
        r"(?:(?:early|earlier|late|later|mid) )(?:(?P<rel>this|last|next)|in (?P<the>the)) (?P<unit>week|month|year|decade|century)",
        _edge,
    ),
    (  # "by the end of the year": the year itself, as TimeML writes it
        r"(?:the )?(?:end|beginning|start|middle|rest|remainder|balance) of "
        r"(?P<rel>the|this|next|last) (?P<unit>week|month|year|quarter|decade|century)(?! (?:before|after)\b)",
        _edge,
    ),
    (
        rf"(?P<num>{_NUMWORD}) (?:(?P<unit>{_UNIT}s?|fortnights?) (?P<dir>ago|earlier|from now|hence)"
        # an anniversary: "three years ago this month", "a decade ago today"
        r"(?:(?:(?<=years ago)|(?<=year ago)|(?<=decades ago)|(?<=decade ago))"
        r" (?P<this>this (?:month|week)|today))?"
        # British: "in three years' time", "in a week's time"
        rf"|(?P<tunit>{_UNIT}|fortnight)(?:s['\u2019]|['\u2019]s) time)",
        _ago,
    ),
    (
        # not after "for": "missing for two weeks today", "closed for a week from Friday" are spans
        rf"(?<!for )(?P<num>{_NUMWORD}) (?P<unit>day|week|month|year|fortnight)s? (?:from "
        # British: "a week on Friday", "a fortnight today"
        r"|(?:(?<=week )|(?<=weeks )|(?<=fortnight )|(?<=fortnights ))"
        r"(?:on (?=\w+day)|(?=today|tomorrow)))"
        rf"(?:(?P<weekday>{_WEEKDAY})|(?P<word>today|tomorrow))",
        _count_from,
    ),
    (
        # "this years' edition": the apostrophe slipped past the s of "this year's"
        rf"(?P<rel>{_REL}) (?:fiscal )?(?P<unit>week|weekend|month|year|quarter|decade|century)"
        r"(?:(?<=this year|next year)s(?=['\u2019]))?",
        _relative_unit,
    ),
    (rf"(?:a|an|one) (?P<unit>{_UNIT}) and a half", _unit_and_half),
    # "a 30 min activity", "20 mins later", "a 2 hr drive": minutes and hours abbreviated
    (r"(?P<num>\d+)[ -]?(?P<unit>mins?|hrs?)(?![\w-]|\.\w)", _abbreviated_span),
    # "observed it for 17 nights", "two straight nights": a span counted in nights
    (rf"(?P<num>{_NUMWORD}) (?:(?:straight|consecutive|more|sleepless) )?nights\b", _nights),
    (
        # not an age: "under the age of 5 years", "aged 12 years", "35 years of age"
        rf"(?<!\bage of )(?<!\bages of )(?<!\baged )(?:(?:the(?! [\w.]+-{_UNIT})|the past|the last|the next|the first|the final|the coming|the previous|past|last|next|first|another|an additional) )?(?!(?:1[89]|20)\d\d\b|an? \w+-long)(?:(?P<low>{_COUNT}) (?:to|or) |(?<=between )(?P<low2>{_COUNT}) and |(?P<low3>\d+)[-\u2013](?=\d))?(?P<num>{_NUMWORD})[- ](?:(?:more|additional|extra|straight|consecutive|full|whole|entire|trading|business|working) )?(?P<unit>{_UNIT}s?)(?:-long)?(?![- ](?:old|quarter|half|earlier|ago|century)|-o[nv]|-end\b| of age(?![\w-]))",
        _span_duration,
    ),
    (
        r"(?:(?<=for )|(?<=within )|(?<=took )|(?<=take )|(?<=takes )|(?<=taking )|(?<=lasted )"
        r"|(?<=lasts )|(?<=spent )|(?<=waited ))(?P<unit>years|months|weeks|days|hours|minutes|decades)"
        r"|(?:(?<=over )|(?<=within )|(?<=in )|(?<=following ))(?P<unit2>years|months|weeks|decades)"
        r"(?= of| to| ago)"
        # "Months after he savaged her", "just days before the vote", "came hours after the
        # swap", "relocated weeks later": a span before or after an event
        r"|(?:^|(?<=[.!?] )|(?<=\n)|(?<=\u2014 )|(?<=-- )|(?<=just )|(?<=only )|(?<=mere )"
        r"|(?<=barely )|(?<=ed )|(?<=came )|(?<=comes )|(?<=come )|(?<=spoke )|(?<=made )"
        r"|(?<=until )|(?<=be ))(?P<unit3>years|months|weeks|days|hours|minutes|decades)"
        r"(?= (?:after|later|before|earlier)\b)"
        # "after years of debate", "suffered months of dizziness", "Decades of neglect": a
        # stretch of time that what follows "of" fills (not "the years of", a named period)
        r"|(?:^|(?<=[.!?] )|(?<=\n)|(?<=after )|(?<=amid )|(?<=despite )|(?<=with )|(?<=from )"
        r"|(?<=by )|(?<=of )|(?<=through )|(?<=suffered )|(?<=endured )|(?<=follows )"
        r"|(?<=followed ))(?P<unit4>years|months|weeks|days|decades)(?= of (?!age\b))",
        _bare_plural,
    ),
    (rf"the week (?:to|ending|ended|through) (?P<weekday>{_WEEKDAY})", _week_to),
    # "for the year ended June 30" is a fiscal year's span; "for the year" alone is this year;
    # "the week before" / "the year after" count from another date, not from the DCT
    # "over the decade to 2020", "grew over the decade": ten years up to the time told of (a
    # bare "the decade" may be any one the text is about, so it is not read)
    (
        r"the (?P<unit>year)(?= (?:ended|ending|end|to|through)\b)"
        r"|the (?P<unit2>decade)(?= (?:ending|to|through) )"
        r"|(?:(?<=over )|(?<=throughout )|(?<=across ))the (?P<unit3>decade)(?![\w-])",
        _the_unit,
    ),
    # "in the week since the election", "the months since the invasion": a span up to now
    (r"the (?P<unit>week|month|year|decade)(?= since\b)", _the_unit),
    (r"the (?P<unit>days|weeks|months|years|decades)(?= since\b)", _bare_plural),
    (
        r"the (?:full (?=year))?(?P<unit>month|week|year)(?= |[,.;:])"
        r"(?! (?:before|after|earlier|later|ended|ending|end|to|through|since)\b)",
        _the_unit_date,
    ),
    (
        rf"fiscal (?P<year>{_YEAR})|FY ?(?P<fy>{_YEAR}|\d\d)(?!\d)|(?:the year |mid-|pre-|post-|early |late |(?:the )?(?:end|beginning|start|middle) of )?(?P<year2>{_YEAR})(?!\d)(?! (?:GMT|UTC)\b)"
        # an older year only after a preposition of time and before no noun: "signed in 1648,",
        # "dates back to 1215." (not "in 1500 homes", "fell back to 1650 points")
        r"|(?:(?<=in )|(?<=since )|(?<=until )|(?<=dates back to )|(?<=dating back to )"
        r"|(?<=date back to )|(?<=dated back to ))(?P<year3>1[0-7]\d\d)"
        r"(?=[,.;:)]|\s*$| (?:and|or|when|until|after|before|by)\b)",
        _year_only,
    ),
    (
        # "the 1980s", "the 1980's", "the '90s", "the 90's" (not "the 90s": temperatures; nor
        # "1990's recession", a year's)
        r"(?:the |mid-|early |late )?(?:(?P<decade>1[89]\d|20\d)0s|['\u2019](?P<short>\d)0s"
        r"|(?<=the )(?:(?P<decade2>1[89]\d|20\d)|(?P<short2>\d))0['\u2019]s)",
        _decade,
    ),
    (
        rf"(?:the )?(?:{_ORD}|last) {_WEEKDAY} of (?:every|each) month|"
        r"(?:every|each) (?:other |second |alternate |single )?(?:hour|day|night|weekend|week|month|quarter|year|spring"
        r"|summer|fall|autumn|winter|(?=(?-i:[A-Z]))"
        + _MONTH
        + "|"
        + _WEEKDAY
        + r"(?: (?:morning|afternoon|evening|night)\b)?"
        + r")|(?:(?<=on )|(?<=at ))weekends\b|daily|nightly|weekly|monthly|annually|yearly|hourly|"
        + _WEEKDAY
        + r"(?:s? (?:morning|afternoon|evening|night)s|s)",
        _set,
    ),
    (
        # "11: 06 a.m." (a live blog's stamp typed with a space) is 11:06
        r"(?P<h>1[0-2]|0?[1-9])(?:(?:: ?|\.)(?P<m>[0-5]\d))? ?(?P<ap>[ap]\.?m\.?)(?![a-z])|noon|midnight"
        rf"|{_OCLOCK}(?: (?P<tonight>tonight))?",
        _clock,
    ),
    # a wire service's clock, "at 0400 GMT" (not the aside after a local time: "10 a.m. (0700 GMT)")
    (r"(?<![(\d.,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d) (?:GMT|UTC|local time)\b", _clock),
    # a 24-hour clock ("at 21:00", "18:30 GMT"): after a word that introduces a time, or a
    # clock and "to" ("from 9:30 to 17:00"), or before a time zone, so that scores and ratios
    # ("won 21:17") stay out
    (
        r"(?:(?<=\bat )|(?<=\bby )|(?<=\bfrom )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter )"
        rf"|(?<=\baround )|(?<=\d:\d\d to )|(?<=\d:\d\d and )|(?=\d\d?:\d\d (?:{_ZONE}|local time)\b))"
        r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?! ?[ap]\.?m)",
        _clock,
    ),
    # "in recent weeks": a stretch up to now (PXW), as TimeBank mostly has it; "recent years" is
    # the past at large. The preposition stays out of the expression, as TimeML has it.
    (r"recent years|the (?:last|past) few (?:years|months|weeks|days)", _ref("PAST_REF")),
    # "in the coming weeks", "in the weeks ahead" (not "the days ahead of the vote")
    (
        r"(?:recent|coming) (?P<unit>months|weeks|days|years)"
        r"|the (?P<unit2>months|weeks|days|years) ahead(?! of\b)"
        # "in the weeks to come", "for years to come" (not "took years to come up with")
        r"|(?:the )?(?P<unit3>months|weeks|days|years|decades) to come"
        r"(?! (?:up|back|out|in|into|to|down|over|around|across|together|forward|home|true)\b)"
        # "over the years": a span of years up to the time told of, as TimeBank has it
        r"|(?<=over )the (?P<unit4>years)(?! of\b)",
        _bare_plural,
    ),
    # written with a hyphen or closed up: "day-long", "weeklong", "monthslong"
    (r"(?P<unit>years|months|weeks|days|hours|decades)-?long", _bare_plural),
    (r"(?P<unit>year|month|week|day|hour|decade|century)-?long", _the_unit),  # "day-long": P1D
    (
        r"(?:(?:the past|the last|the next|the coming|a|one|another) )?fortnight",
        _ref("P2W", "DURATION"),
    ),
    (
        r"(?<=on )the (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        r"(?! (?:century|amendment|anniversary|floor|minute|time|round|day|place|of)\b)",
        _ordinal_day,
    ),
    (
        r"(?:the year )?(?P<hi>nineteen|twenty) (?P<lo>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|o[- ](?:one|two|three|four|five|six|seven|eight|nine))"
        r"|(?:the year )?two thousand(?: and (?P<small>one|two|three|four|five|six|seven|eight|nine|ten))?"
        r"(?! (?:years|people|dollars|troops|miles|of)\b)",
        _spelled_year,
    ),
    (r"(?:the )?(?P<ord>\d{1,2})(?:st|nd|rd|th) century", _century),
    (
        r"(?:(?:the|a|this) (?:(?:past|last|next|coming) )?)?(?P<part>half|quarter)[- ]century"
        r"(?P<ago> ago)?",
        _part_century,
    ),
    (
        r"the (?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
        # the second of two: "the Eighties and Nineties"
        r"|(?<=ies and )(?P<decade2>twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties)",
        _decade_word,
    ),
    (r"(?:around |at )?(?:the )?(?:year[- ]end|year's end)", _year_end),
    # "a fresh decade", "the new decade": the one a new year that opens a decade begins
    (r"(?:a|the|this) (?:new|fresh) decade", _new_decade),
    # "the first day of the year", "the last day of 2019", "the first day of March"
    (
        rf"the (?P<edge>first|last|final) day of (?:(?P<year>{_YEAR})|(?P<rel>the|this|next|last) year"
        rf"|(?P<month>{_MONTH})(?:,? (?P<myear>{_YEAR}))?)(?![\w-])",
        _first_or_last_day,
    ),
    # "in the new year", "his first homily of the new year", "the new year will bring"; not
    # the feast ("celebrated the new year", "ring in the new year")
    (
        r"(?<!celebrate )(?<!celebrated )(?<!celebrates )(?<!celebrating )(?<!ring in )"
        r"(?<!rang in )(?<!ringing in )(?<!usher in )(?<!ushered in )(?<!ushering in )"
        r"the new year(?!['\u2019]s|-)",
        _new_year,
    ),
    # "the week before," counts from the last date given; "the week before the vote" names none
    (
        r"(?:the )?following (?P<unit>year|month|week)"
        r"|(?:(?:earlier|later) )?(?:that (?:same )?|the same (?!\w+ (?:that|as|when)\b))"
        r"(?P<unit2>year|month|week)"
        rf"|the (?P<unit3>year|month|week) (?P<dir>before|after){_CLAUSE_END}",
        _anaphoric_unit,
    ),
    (
        r"the (?P<unit>week|weekend|month|year) (?P<dir>after(?= next)|before(?= last)) \w+",
        _two_away,
    ),
    (
        r"the (?P<rel>following|next|previous) (?P<part>day|morning|afternoon|evening|night)"
        r"|the day (?P<rel2>before|after)(?! \w+ing\b)"
        # "the night before, rebels shelled the town" (not "the night before the vote")
        rf"|the (?P<part2>morning|afternoon|evening|night) (?P<rel3>before|after){_CLAUSE_END}",
        _anaphoric_day,
    ),
    (r"the (?:near|short) term", _ref("FUTURE_REF")),
    (r"(?:in )?past years|in recent times", _ref("PAST_REF")),
    (r"overnight", _overnight),
    (
        r"(?:(?:earlier|later) )?that (?:same )?(?P<part>day|morning|afternoon|evening|night)",
        _that_day,
    ),
    (
        rf"the week (?:of|beginning|starting|commencing) "
        rf"(?:(?P<month>{_MONTH}) (?P<day>{_DAY})|(?P<dday>{_DAY}) (?P<dmonth>{_MONTH}))"
        rf"(?:,? (?P<year>{_YEAR}))?",
        _week_of,
    ),
    (
        # not the noun: "a global current of discontent", nor a name in a list ("Chime, Varo,
        # Current, GoBank"): the adjective comes before its noun
        r"now|currently|current(?! of\b)(?! ?[,;:)])|at present|presently|nowadays|these days|at the moment",
        _ref("PRESENT_REF"),
    ),
    # "the past" counting things ("the past three summers", "the past 12 games") is no reference
    (
        rf"recently|recent|lately|the past(?! {_NUMWORD} )|formerly|once|earlier"
        # "the recent past", "the not-too-distant past", "in years past"
        r"|the (?:(?:very |not[- ]too[- ])?(?:recent|distant) |immediate )past"
        r"|(?<=in )(?:years|decades|months|weeks) past",
        _ref("PAST_REF"),
    ),
    (
        # "the near future", "the not too distant future"; not "the foreseeable future", which
        # TimeBank leaves unmarked (twice)
        r"(?:the |in )(?:(?:very |not[- ]too[- ]|not[- ]so[- ])?(?:near|distant) )?future|soon",
        _ref("FUTURE_REF"),
    ),
]

COMPILED = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE), f) for p, f in RULES]

# Scanning a text once per rule costs ~50 passes of the regular-expression engine, each slowed
# by case-insensitive matching. One pass of all the rules' union, case-sensitive over a
# lowercased copy, finds the places where some rule matches; each rule then runs only there.
# The fold keeps every offset (one character for one) and covers the non-ASCII letters that
# `re.IGNORECASE` lets match ASCII ones, so the union matches wherever a rule does.
_FOLD = str.maketrans(
    {c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    | {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
)


def _lowered(pattern: str) -> str:
    """The pattern for folded text: its letters lowercased, escapes (`\\W`, `\\D`) and group
    syntax kept; named groups become plain ones, since the union repeats names."""
    lowered = re.sub(
        r"\\.|\(\?P|[A-Z]", lambda m: m[0] if m[0][0] in "\\(" else m[0].lower(), pattern
    )
    return re.sub(r"\(\?P<\w+>", "(?:", lowered)


_UNION = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?:{_lowered(p)})" for p, _ in RULES) + r")(?![\w])"
)


def scan(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Every rule's matches in `text` as `finditer` gives them, rule by rule (non-overlapping
    within a rule), as (rule index, match), in order of position."""
    folded = text.translate(_FOLD)
    resume = [0] * len(COMPILED)  # where each rule's own `finditer` would search next
    at = 0
    while at <= len(text) and (hit := _UNION.search(folded, at)) is not None:
        start = hit.start()
        for order, (pattern, _) in enumerate(COMPILED):
            if start >= resume[order] and (m := pattern.match(text, start)) is not None:
                resume[order] = max(m.end(), start + 1)
                yield order, m
        at = start + 1


CAPITALIZED_ONLY = {
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "may",
    "march",
    "sun",
    "sat",
    "wed",
    "mar",
    "jan",
    "jun",
    "jul",
    "aug",
    "sept",
    "dec",
    "oct",
    "nov",
    "super",  # "Super Tuesday", not "another super Tuesday for our campaign"
    "independence",  # "Independence Day", not "the country's independence day"
}
