"""Temporal expressions on small hand-written texts: the cases news is full of."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from parallax.model import Timex
from parallax.nlp.pipeline import load_nlp
from parallax.nlp.time import extract_timexes, writes_day_first
from parallax.timeline import period_of

TUESDAY = datetime(2021, 3, 2, 9, 30)  # a Tuesday


def timexes(text: str, published: datetime | date | None = TUESDAY) -> list[Timex]:
    return extract_timexes(text, published, doc=load_nlp()(text))


def values(
    text: str, published: datetime | date | None = TUESDAY
) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in timexes(text, published)]


def test_weekday_of_last_or_next_week() -> None:
    # West African English: the day of the week before (or after) the publication's
    new_year = date(2020, 1, 1)  # a Wednesday
    assert values("He addressed the congregation last week Thursday.", new_year) == [
        ("last week Thursday", "DATE", "2019-12-26")
    ]
    assert values("The court sits next week Monday.", new_year) == [
        ("next week Monday", "DATE", "2020-01-06")
    ]
    assert [v for _, _, v in values("He left last week and on Thursday they met.", new_year)] == [
        "2019-W52",
        "2019-12-26",
    ]


def test_stretches_to_come_and_over_the_years() -> None:
    assert values("Interest may surge in the weeks to come.") == [
        ("the weeks to come", "DURATION", "PXW")
    ]
    assert values("The base will stay for years to come, officials said.") == [
        ("years to come", "DURATION", "PXY")
    ]
    assert values("It took years to come up with a plan.") == [("years", "DURATION", "PXY")]
    # TimeBank marks "over the years" a span of years
    assert values("Over the years, I have perfected it.") == [("the years", "DURATION", "PXY")]
    assert values("Over the years of his tenure, it grew.") == []


def test_a_clock_with_a_day_of_its_own_does_not_join_another_day() -> None:
    eve = date(2019, 12, 31)
    text = "Because they play on Wednesday night, New Year\u2019s Eve parties will be quiet."
    assert values(text, eve) == [
        ("Wednesday night", "TIME", "2020-01-01TNI"),
        ("New Year\u2019s Eve", "DATE", "2019-12-31"),
    ]
    assert values("It starts Tuesday night, New Year\u2019s Eve.", eve) == [
        ("Tuesday night, New Year\u2019s Eve", "TIME", "2019-12-31TNI")
    ]


def test_another_nations_independence_day_is_not_the_fourth_of_july() -> None:
    eve = date(2019, 12, 31)
    assert values("Haiti celebrated the country\u2019s independence day.", eve) == []
    assert values("Haiti\u2019s Independence Day is a holiday.", eve) == []
    assert values("Fireworks are planned for Independence Day.", eve) == [
        ("Independence Day", "DATE", "2020-07-04")
    ]


def test_a_feast_with_its_part_of_the_day() -> None:
    new_year = date(2020, 1, 1)
    assert values("Light sessions begin on New Year's Day morning.", new_year) == [
        ("New Year's Day morning", "TIME", "2020-01-01TMO")
    ]
    assert values("Gifts were opened Christmas morning.", new_year) == [
        ("Christmas morning", "TIME", "2019-12-25TMO")
    ]
    assert values("Celebrating New Years Eve on a cruise is fun.", new_year) == [
        ("New Years Eve", "DATE", "2019-12-31")
    ]
    assert values("Gifts were opened Christmas morning.", None) == [
        ("Christmas morning", "TIME", "XXXX-12-25TMO")
    ]


def test_the_first_day_of_a_year_and_a_new_decade() -> None:
    new_year = date(2020, 1, 1)
    assert values("He won on the first day of the year.", new_year) == [
        ("the first day of the year", "DATE", "2020-01-01")
    ]
    assert values("It expires on the last day of March.", new_year) == [
        ("the last day of March", "DATE", "2020-03-31")
    ]
    assert values("It ends on the last day of the year.", None) == [
        ("the last day of the year", "DATE", "XXXX-12-31")
    ]
    assert values("It was the first day of school.", new_year) == []
    # the decade a new year opens; in a year that opens none, one of a life or an era
    assert values("Bringing in a fresh decade.", date(2019, 12, 20)) == [
        ("a fresh decade", "DATE", "202")
    ]
    assert values("She began a new decade of work.", date(2016, 1, 1)) == []
    assert values("What will this new decade bring us?", date(2020, 1, 1)) == [
        ("this new decade", "DATE", "202")
    ]
    assert values("After the Eighties and Nineties we moved on.", new_year) == [
        ("the Eighties", "DATE", "198"),
        ("Nineties", "DATE", "199"),
    ]


def test_this_season_or_month_long_over_told_ahead_is_the_next() -> None:
    eve = date(2019, 12, 31)
    assert values("Spurs will not be a real factor for him this summer.", eve) == [
        ("this summer", "DATE", "2020-SU")
    ]
    assert values("The team will sign a star this January.", eve) == [
        ("this January", "DATE", "2020-01")
    ]
    assert values("The deal was signed this January.", eve) == [("this January", "DATE", "2019-01")]
    # a season just over is still this one
    assert values("Her blitz this summer will be remembered.", date(2016, 9, 1)) == [
        ("this summer", "DATE", "2016-SU")
    ]


def test_a_caption_opening_day_takes_the_year_the_caption_gives() -> None:
    text = (
        "DETROIT, MI - NOVEMBER 17: A player walks off the field at Ford Field on "
        "November 17, 2019 in Detroit, Michigan."
    )
    assert values(text, date(2019, 12, 31)) == [
        ("NOVEMBER 17", "DATE", "2019-11-17"),
        ("November 17, 2019", "DATE", "2019-11-17"),
    ]


def test_a_whole_year_and_months_of_turmoil_are_spans() -> None:
    assert values("You have got a whole year to build it.") == [("a whole year", "DURATION", "P1Y")]
    assert values("They waited an entire week.") == [("an entire week", "DURATION", "P1W")]
    assert values("He spoke following months of turmoil.") == [("months", "DURATION", "PXM")]


def test_weekday_in_the_past_and_in_the_future() -> None:
    assert values("The minister resigned on Friday.") == [("Friday", "DATE", "2021-02-26")]
    assert values("The council will vote on Friday.") == [("Friday", "DATE", "2021-03-05")]
    assert values("Talks resumed on Tuesday.") == [("Tuesday", "DATE", "2021-03-02")]
    assert values("They met last Tuesday.") == [("last Tuesday", "DATE", "2021-02-23")]
    # "remarks" is the noun the tagger may take for a present with no subject: the past tense
    # of "did not revisit" tells the day
    text = (
        "She did not revisit her Wall Street remarks in an address to Iowa Democrats on Sunday,"
        " where she was joined by her husband."
    )
    assert values(text) == [("Sunday", "DATE", "2021-02-28")]


def test_decades_written_with_an_apostrophe() -> None:
    assert values("The market of the 1980\u2019s collapsed.") == [
        ("the 1980\u2019s", "DATE", "198")
    ]
    assert values("There are four years to go in the 90's.")[-1] == ("the 90's", "DATE", "199")
    assert values("Droughts hit in the 1970s and \u201980s.")[-1] == ("\u201980s", "DATE", "198")
    assert values("Temperatures were in the 90s.") == []  # degrees, not a decade
    assert values("Friday's vote failed.") == [("Friday", "DATE", "2021-02-26")]


def test_an_adjective_as_a_noun_and_a_forecast_compared_with() -> None:
    friday = date(2016, 9, 23)
    assert values("Trump and Clinton meet for the first of three debates Monday.", friday) == [
        ("Monday", "DATE", "2016-09-26")
    ]
    text = "Output will expand by 1.6 percent, half a point less than forecast in July."
    assert values(text, date(2016, 10, 5)) == [("July", "DATE", "2016-07")]


def test_a_month_the_past_perfect_tells_of_has_begun() -> None:
    wednesday = date(2024, 3, 13)
    assert values("By April, the company had hired 200 workers.", wednesday) == [
        ("April", "DATE", "2023-04")
    ]
    assert values("In March, the company had hired 200 workers.", wednesday) == [
        ("March", "DATE", "2024-03")
    ]
    # a verb that sets the date, another tense, or a weekday keep their reading
    assert values("The board had delayed the vote to April.", wednesday) == [
        ("April", "DATE", "2024-04")
    ]
    assert values("By April, the company will have hired 200 workers.", wednesday) == [
        ("April", "DATE", "2024-04")
    ]
    assert values("By Wednesday, the toll had risen to 52.", wednesday) == [
        ("Wednesday", "DATE", "2024-03-13")
    ]
    # the month of "mid-April", "late April" or "the end of April" is read alike
    assert values("By mid-April, the army had retreated.", wednesday) == [
        ("mid-April", "DATE", "2023-04")
    ]
    assert values("By the end of April, the army had retreated.", wednesday) == [
        ("the end of April", "DATE", "2023-04")
    ]
    assert values("In early June, the plant was closed.", wednesday) == [
        ("early June", "DATE", "2023-06")
    ]


def test_what_is_due_to_happen_lies_ahead_unless_told_in_the_past() -> None:
    thursday = date(2026, 11, 19)
    assert values("The strike is due to end at midnight on Sunday.", thursday) == [
        ("midnight on Sunday", "TIME", "2026-11-22T24:00")
    ]
    assert values("The report is due to be published on Monday.", thursday) == [
        ("Monday", "DATE", "2026-11-23")
    ]
    # told in the past, the day may have come or not: the nearest one
    assert values("The plant was due to reopen on Monday.", thursday) == [
        ("Monday", "DATE", "2026-11-16")
    ]
    assert values("It had been due to expire on Friday.", thursday) == [
        ("Friday", "DATE", "2026-11-20")
    ]


def test_the_day_a_reported_period_ends_on_is_the_nearest() -> None:
    thursday = date(2026, 11, 19)  # "cover" and "is forecast" would put the month ahead
    assert values("The figures cover the 12 months to the end of September.", thursday) == [
        ("the 12 months", "DURATION", "P12M"),
        ("the end of September", "DATE", "2026-09"),
    ]
    assert values("The economy is forecast to grow 2% in the year to March.", thursday) == [
        ("the year", "DURATION", "P1Y"),
        ("March", "DATE", "2027-03"),
    ]
    # a period that ended on the day is over
    october = date(1989, 10, 31)
    assert values("Operations had profit of $50 million in the year ended March 31.", october) == [
        ("the year", "DURATION", "P1Y"),
        ("March 31", "DATE", "1989-03-31"),
    ]


def test_a_bare_verb_joined_to_another_takes_its_tense() -> None:
    thursday = date(2026, 11, 19)
    text = "Ministers will discuss the plan on Monday and vote on Wednesday."
    assert [v for _, _, v in values(text, thursday)] == ["2026-11-23", "2026-11-25"]
    text = "He was arrested on Monday and charged on Tuesday."
    assert [v for _, _, v in values(text, thursday)] == ["2026-11-16", "2026-11-17"]
    # a past that is also the base, joined to a bare verb, is that base
    text = "The crisis may backfire and cost her party seats in elections on March 13."
    assert values(text, date(2016, 3, 10))[0][2] == "2016-03-13"
    text = "The storm hit the coast and cut power on March 3."
    assert values(text, date(2016, 3, 10))[0][2] == "2016-03-03"


def test_until_and_since_override_the_verb_tense() -> None:
    # Tuesday 2021-03-02: the court sat on Monday and adjourned to Thursday
    assert values("The hearing was adjourned until Thursday.") == [
        ("Thursday", "DATE", "2021-03-04")
    ]
    assert values("Until Monday, they had not named a suspect.") == [
        ("Monday", "DATE", "2021-03-01")
    ]
    # the verb tells whether the state went on until the day or goes on until it
    assert values("The truce lasted until Friday.") == [("Friday", "DATE", "2021-02-26")]
    assert values("Voting continues until Sunday.") == [("Sunday", "DATE", "2021-03-07")]
    assert values("The road will stay closed until Monday.") == [("Monday", "DATE", "2021-03-08")]
    # a deadline given lies ahead
    assert values("Officials gave residents until Wednesday to leave.") == [
        ("Wednesday", "DATE", "2021-03-03")
    ]
    # "since" looks back, even to a date the tense slack would put a few weeks ahead
    assert values("Police have been searching since the March 20 attack.") == [
        ("March 20", "DATE", "2020-03-20")
    ]
    assert values("Since March, the port has been closed.") == [("March", "DATE", "2021-03")]
    text = "She will speak after good news since their Oct. 13 debate."
    assert values(text, date(2015, 11, 13))[0][2] == "2015-10-13"
    assert values("Police have searched since shortly after the March 20 attack.") == [
        ("March 20", "DATE", "2020-03-20")
    ]
    assert values("Shares have fallen since year-end.") == [("year-end", "DATE", "2020-12-31")]


def test_a_date_told_in_the_past_tense_and_one_the_tense_does_not_govern() -> None:
    assert values("The law took effect on April 15.") == [("April 15", "DATE", "2020-04-15")]
    # "payable March 20" looks ahead whatever the tense of "declared"
    assert values("The board declared a dividend payable March 20.") == [
        ("March 20", "DATE", "2021-03-20")
    ]


def test_the_previous_or_following_weekday_counts_from_the_texts_last_day() -> None:
    assert values("He was charged on Feb. 3 and freed the following Monday.") == [
        ("Feb. 3", "DATE", "2021-02-03"),
        ("the following Monday", "DATE", "2021-02-08"),
    ]
    assert values("Shares fell Friday, 4.5% below the previous Friday.")[1] == (
        "the previous Friday",
        "DATE",
        "2021-02-19",
    )
    # with no day before it, from the publication date
    # some Monday, not a dated one; the article of a service is the service's
    assert values("The crash happened on a Monday.") == [("Monday", "DATE", "XXXX-WXX-1")]
    assert values("Mourners attended a Sunday night service.") == [
        ("Sunday night", "TIME", "2021-02-28TNI")
    ]
    assert values("The previous Friday, talks failed.") == [
        ("The previous Friday", "DATE", "2021-02-26")
    ]


def test_that_month_or_week_is_the_one_the_text_last_named() -> None:
    assert values("The plant closed in March 2020. Later that month, prices rose.")[1] == (
        "Later that month",
        "DATE",
        "2020-03",
    )
    assert values("The plant closed on March 3, 2020. That week, prices rose.")[1] == (
        "That week",
        "DATE",
        "2020-W10",
    )
    assert values("The virus arrived in January 2020. That spring, schools closed.")[1] == (
        "That spring",
        "DATE",
        "2020-SP",
    )
    # "that" points away from the present: past a "today" to the year told before it
    assert values(
        "Compared with the 2008 race, his support today is below his rival's support that year."
    )[-1] == ("that year", "DATE", "2008")
    # "the same year" is "that year"; "the same week that ..." names its own week
    assert values("She was elected in 2004, the same year her rival became governor.")[-1] == (
        "the same year",
        "DATE",
        "2004",
    )
    assert values("He was elected in 2004 in the same week that his rival resigned.") == [
        ("2004", "DATE", "2004")
    ]
    # with no year told before, "today" is all there is to count from
    assert values("Shares fell today. Later that week, the board met.")[-1] == (
        "Later that week",
        "DATE",
        "2021-W09",
    )


def test_the_end_of_the_month_is_of_the_month_told() -> None:
    text = "The data will be added in January 2022 and should be done by the end of the month."
    assert values(text)[-1] == ("the end of the month", "DATE", "2022-01")
    # with no month told, the month of the publication date
    assert values("Sales slowed for the rest of the month.") == [
        ("the rest of the month", "DATE", "2021-03")
    ]


def test_that_day_and_the_week_of_a_date() -> None:
    text = "The blast hit the market on Feb. 20. Later that day police sealed it off. That night a curfew began."
    assert values(text) == [
        ("Feb. 20", "DATE", "2021-02-20"),
        ("Later that day", "DATE", "2021-02-20"),
        ("That night", "TIME", "2021-02-20TNI"),
    ]
    # with no date before it, "that day" is any day, not a reference
    assert values("Traders who sell that day lose money.") == []
    assert values("Talks are set for the week of March 15.") == [
        ("the week of March 15", "DATE", "2021-W11")
    ]


def test_halves_vague_counts_and_this_month() -> None:
    assert values("He served 2 1/2 years in prison.") == [("2 1/2 years", "DURATION", "P2Y6M")]
    assert values("The talks lasted five and a half hours.") == [
        ("five and a half hours", "DURATION", "PT5H30M")
    ]
    assert values("The search took a day and a half.") == [
        ("a day and a half", "DURATION", "P1DT12H")
    ]
    assert values("A fortnight ago, the dam burst.") == [("A fortnight ago", "DATE", "2021-W07")]
    assert values("The plant closed several years ago.") == [
        ("several years ago", "DATE", "PAST_REF")
    ]
    # "this September", said in March: this year's, not the last one
    assert values("The election is due this September.") == [("this September", "DATE", "2021-09")]


def test_a_quarter_told_ahead_that_ended_long_before_is_next_years() -> None:
    november = date(2026, 11, 19)
    assert values("The factory will close by the end of the first quarter.", november) == [
        ("the first quarter", "DATE", "2027-Q1")
    ]
    # the quarter just ended is still told of, as is one whose results are to come
    assert values("Third-quarter sales will be weak.", november) == [
        ("Third-quarter", "DATE", "2026-Q3")
    ]
    assert values("The firm will report second-quarter results late.", november) == [
        ("second-quarter", "DATE", "2026-Q2")
    ]


def test_quarter_and_half_codes() -> None:
    assert values("Revenue rose in Q3 2020.") == [("Q3 2020", "DATE", "2020-Q3")]
    assert values("Profit in H1 2021 doubled.") == [("H1 2021", "DATE", "2021-H1")]
    # told in March, a later quarter in the past tense is last year's
    assert values("Sales fell in Q4.") == [("Q4", "DATE", "2020-Q4")]
    # a quarter whose results are told of is over, whatever the tense; one ahead is not
    assert values("The bank will report fourth-quarter results on Thursday.") == [
        ("fourth-quarter", "DATE", "2020-Q4"),
        ("Thursday", "DATE", "2021-03-04"),
    ]
    assert values("Its Q4 earnings are due soon.")[0] == ("Q4", "DATE", "2020-Q4")
    assert values("Sales will rise in the fourth quarter.") == [
        ("the fourth quarter", "DATE", "2021-Q4")
    ]
    # a quarter of a year told relatively: one expression
    assert values("Work ends in the third quarter of next year.") == [
        ("the third quarter of next year", "DATE", "2022-Q3")
    ]
    assert values("Take the h1 exit.") == []


def test_the_weeks_ahead_is_a_stretch_of_weeks() -> None:
    assert values("A decision is expected in the days ahead.") == [
        ("the days ahead", "DURATION", "PXD")
    ]
    assert values("The weeks ahead will be hard.") == [("The weeks ahead", "DURATION", "PXW")]
    assert values("In the days ahead of the vote, tension rose.") == []


def test_over_the_decade_is_ten_years_and_a_bare_decade_is_not_read() -> None:
    assert values("The firm's profits have doubled over the decade.") == [
        ("the decade", "DURATION", "P10Y")
    ]
    assert values("In the decade to 2020, growth slowed.") == [
        ("the decade", "DURATION", "P10Y"),
        ("2020", "DATE", "2020"),
    ]
    assert values("The decade ended in crisis.") == []  # which decade, the text tells


def test_a_range_of_one_unit_is_one_duration_of_its_first_count() -> None:
    assert values("Repairs could take 18 to 24 months, engineers said.") == [
        ("18 to 24 months", "DURATION", "P18M")
    ]
    assert values("The works will take between six and eight weeks.") == [
        ("six and eight weeks", "DURATION", "P6W")
    ]
    assert values("The strike will last two or three days.") == [
        ("two or three days", "DURATION", "P2D")
    ]
    assert values("Over the next 12 to 18 months, the firm will hire staff.") == [
        ("the next 12 to 18 months", "DURATION", "P12M")
    ]
    assert values("Voters aged 18 to 24 years old backed the party.") == []
    assert values("Prices rose from 3 to 5 percent.") == []


def test_durations_with_a_word_between_count_and_unit() -> None:
    assert values("Talks need two more weeks.") == [("two more weeks", "DURATION", "P2W")]
    assert values("Shares fell for eight trading days.") == [
        ("eight trading days", "DURATION", "P8D")
    ]
    assert values("Growth slows over the next couple of years.") == [
        ("the next couple of years", "DURATION", "P2Y")
    ]
    assert values("Costs should fall by year's end.") == [("year's end", "DATE", "2021-12-31")]
    # a count's modifier is part of it (TimeML's `mod`); the preposition stays out, as TimeML
    # has it ("For <TIMEX3>the nine months</TIMEX3>")
    assert values("The war lasted nearly two years.") == [("nearly two years", "DURATION", "P2Y")]
    assert values("It began more than a decade ago.") == [
        ("more than a decade ago", "DATE", "2011")
    ]
    assert values("Talk about the past year.") == [("the past year", "DATE", "2020")]
    # a gap between two dates, not a date itself
    assert values("It will close in 2030, five years earlier than promised.")[1] == (
        "five years earlier",
        "DURATION",
        "P5Y",
    )
    assert values("For the nine months, profit rose.") == [("the nine months", "DURATION", "P9M")]
    assert values("Jobs grew in the three months to March.")[0] == (
        "the three months",
        "DURATION",
        "P3M",
    )


def test_counts_with_thousands_and_spans_of_centuries() -> None:
    # a count with its thousands set apart is one count, not its last three digits
    assert values("The pilot had logged nearly 6,300 hours of flying time.") == [
        ("nearly 6,300 hours", "DURATION", "PT6300H")
    ]
    assert values("The siege lasted 1,000 days.") == [("1,000 days", "DURATION", "P1000D")]
    # a year before 1000 keeps its four digits (TIMEX3's "21" is the 2100s); before the first
    # year of the calendar there is no value to give
    assert values("The town was founded 2,000 years ago.") == [("2,000 years ago", "DATE", "0021")]
    assert values("Farming began here 3,000 years ago.") == [("3,000 years ago", "DATE", None)]
    assert values("The waste stays 3,000 years from now.") == [
        ("3,000 years from now", "DATE", "5021")
    ]
    # centuries count as a hundred years each, as decades count as ten
    assert values("The bridge was built five centuries ago.") == [
        ("five centuries ago", "DATE", "1521")
    ]


def test_clock_hours_told_by_part_of_day() -> None:
    assert values("The blast came at 4 in the morning.") == [
        ("4 in the morning", "TIME", "2021-03-02T04:00")
    ]
    assert values("They met at eight o'clock in the evening.") == [
        ("eight o'clock in the evening", "TIME", "2021-03-02T20:00")
    ]


def test_fractions_and_amounts_per_unit_are_not_time_and_frequencies_are_sets() -> None:
    assert values("The port handles three-quarters of its grain.") == []
    assert values("They hold a quarter of the market.") == []
    # an amount per year is a unit of measure (the TempEval-3 gold marks 3 of about 51)
    assert values("The plan saves $2 million a year.") == []
    assert values("The airline adds 700 seats a week.") == []
    assert values("The board meets twice a week.") == [("a week", "SET", "P1W")]
    assert values("The panel meets every other week.") == [("every other week", "SET", "P2W")]
    assert values("The market is held every second Saturday.") == [
        ("every second Saturday", "SET", "XXXX-WXX-6")
    ]
    assert values("The magazine appears every second month.") == [
        ("every second month", "SET", "P2M")
    ]
    assert values("The shop closes on weekends.") == [("weekends", "SET", "XXXX-WXX-WE")]
    # "single" stresses the span, it names no other one
    assert values("They are cheated every single day.") == [("every single day", "SET", "P1D")]
    assert values("She waited a year.") == [("a year", "DURATION", "P1Y")]
    # after its preposition, a span: "over a decade" is no amount per decade
    assert values("He stole $3.2 million over a decade.") == [("a decade", "DURATION", "P10Y")]
    # a year closing the sentence before is no amount
    assert values("The firm was founded in 1998. A decade later, it went public.") == [
        ("1998", "DATE", "1998"),
        ("A decade", "DURATION", "P10Y"),
    ]


def test_a_possessive_weekday_keeps_its_own_time() -> None:
    # Tuesday 2021-03-02: the results (future) of Sunday's vote (past)
    assert values("The results of Sunday's vote will force a rethink.") == [
        ("Sunday", "DATE", "2021-02-28")
    ]
    # the possessive is not part of the span; "today's youth" is still not a day
    assert values("Yesterday’s vote split the party.") == [("Yesterday", "DATE", "2021-03-01")]
    assert values("Today's youth read less.") == []
    # a part of the day joined by a hyphen is the weekday's part all the same
    assert values("He spoke after his Sunday-night victories.") == [
        ("Sunday-night", "TIME", "2021-02-28TNI")
    ]


def test_every_with_a_count_is_a_set() -> None:
    assert values("The ban will be reviewed every six months.") == [
        ("every six months", "SET", "P6M")
    ]
    assert values("The ban lasted six months.") == [("six months", "DURATION", "P6M")]
    assert values("The plant runs 24 hours a day.") == [
        ("24 hours", "DURATION", "PT24H"),
        ("a day", "SET", "P1D"),
    ]
    assert values("The fair, held every summer, drew crowds.") == [
        ("every summer", "SET", "XXXX-SU")
    ]


def test_fiscal_years_by_code() -> None:
    assert values("Sales in the current fiscal year will rise.") == [
        ("the current fiscal year", "DATE", "2021")
    ]
    assert values("Profit will rise next fiscal year.") == [("next fiscal year", "DATE", "2022")]
    assert values("During current year, 1.1 million trees will be planted.") == [
        ("current year", "DATE", "2021")
    ]
    # parts of a century are spans, not "the past quarter" of a year
    assert values("Over the past quarter century, prices rose.") == [
        ("the past quarter century", "DURATION", "P25Y")
    ]
    assert values("He was the best reporter of the past half-century.") == [
        ("the past half-century", "DURATION", "P50Y")
    ]
    # the span since an event, up to now, is no calendar week or year
    assert values("In the week since the election, prices fell.") == [
        ("the week", "DURATION", "P1W")
    ]
    assert values("In the months since the invasion, prices rose.") == [
        ("the months", "DURATION", "PXM")
    ]
    # a comparison basis, not a span of time
    assert values("Exports saw a year-on-year rise of 115%.") == []
    assert values("Revenue for FY2023 rose; FY24 looks weaker.") == [
        ("FY2023", "DATE", "2023"),
        ("FY24", "DATE", "2024"),
    ]
    assert values("In 2010 a year of protests began.") == [
        ("2010", "DATE", "2010"),
        ("a year", "DURATION", "P1Y"),
    ]


def test_titles_and_names_are_not_dates() -> None:
    assert values("Sanders told NBC’s “Today” he would stay.") == []
    assert values("A poll from USA TODAY found a lead.") == []
    assert values("He sits on USA TODAY's board.") == []
    assert values("The panel: Bob Haus, Jill June, Lori Jungling.") == []
    assert values("Today, the port reopened.") == [("Today", "DATE", "2021-03-02")]
    assert values("Crowds watched the Summer Olympics.") == []
    # "Super Tuesday" is a named day, not the Tuesday nearest the article
    found = values("He looks to the Super Tuesday primaries.", date(2016, 2, 9))
    assert found == [("Super Tuesday", "DATE", "2016-03-01")]
    # a newspaper is no frequency, a figure no year
    assert values("The Communist Party daily Granma said so.") == []
    assert values("The airline plans daily flights.") == [("daily", "SET", "P1D")]
    assert values("He told THE WEEKLY STANDARD that he would run.") == []
    assert values("The report ends here.\n\nDAILY\n\nTop stories of the day.") == []
    assert values("The paper comes out weekly.") == [("weekly", "SET", "P1W")]
    assert values("Hayes of the Weekly Standard said so.") == []
    assert values("He fell in the weekly GOP Power Rankings.") == [("weekly", "SET", "P1W")]
    assert values("She directs reviews at Publishers Weekly, which liked it.") == []
    assert values("He told Breitbart News Daily host Alex Marlow so.") == []
    assert values("It met. Weekly meetings followed.") == [("Weekly", "SET", "P1W")]
    # nor is part of a web address, or a count whose fraction was typed out
    assert values("Source: https://example.com/2022/10/story-of-the-day") == []
    assert values("See www.example.org/2024/02/05/report for more.") == []
    assert values("They sought a penalty of 41/2 years.") == []
    assert values("Coral hit a record in 2022/23.") == [
        ("2022", "DATE", "2022"),
        ("23", "DATE", "2023"),
    ]
    # a month in capitals before a word in lower case is a name
    assert values("APRIL Group, a paper maker, said so.") == []
    assert values('"APRIL is proud of our nursery," he said.') == []
    assert values("JANUARY JOB TOTALS UP AT A ROBUST CLIP")[0][0] == "JANUARY"
    assert values("The index closed at 2082.1 points.") == []


def test_modals_look_ahead_and_a_perfect_looks_back() -> None:
    # Tuesday 2021-03-02
    assert values("The strike may spread in December.") == [("December", "DATE", "2021-12")]
    assert values("He must have left on Sunday.") == [("Sunday", "DATE", "2021-02-28")]
    assert values("Who can win in December?") == [("December", "DATE", "2021-12")]


def test_a_timetable_in_the_present_tense_looks_ahead() -> None:
    # Tuesday 2021-03-02: a scheduled event told in the present simple is still to come
    assert values("The trial opens Monday.") == [("Monday", "DATE", "2021-03-08")]
    assert values("Talks resume in January.") == [("January", "DATE", "2022-01")]
    # even where the tagger reads the present as a base form after a long subject
    assert values("Voters in Marlow go to the polls on Monday in a run-off.") == [
        ("Monday", "DATE", "2021-03-08")
    ]
    # a report or a state in the present is not a timetable
    assert values("The Times says in an editorial on Monday that the plan failed.") == [
        ("Monday", "DATE", "2021-03-01")
    ]
    # "hurt" tagged as a present may be the past it spells the same
    assert values("Weakness in banks hurt the index on Monday.") == [
        ("Monday", "DATE", "2021-03-01")
    ]


def test_a_report_of_figures_is_a_timetable_a_report_of_words_is_not() -> None:
    assert values("The bank reports its results on Monday.") == [("Monday", "DATE", "2021-03-08")]
    assert values("The Times reports on Monday that the deal is off.") == [
        ("Monday", "DATE", "2021-03-01")
    ]


def test_due_looks_ahead_unless_a_past_verb_tells_it() -> None:
    # Tuesday 2021-03-02
    assert values("The election, due in November, could be moved.") == [
        ("November", "DATE", "2021-11")
    ]
    assert values("The report was due on Monday.") == [("Monday", "DATE", "2021-03-01")]


def test_a_bare_participle_takes_the_tense_of_its_clause() -> None:
    # Tuesday 2021-03-02: "starting" has no tense; "will serve" does
    assert values("She will serve a term starting in January.") == [("January", "DATE", "2022-01")]
    # what a present state came after is done: the end of last year, not of this one
    assert values("The fund now has a stake, after selling shares at the end of the year.") == [
        ("now", "DATE", "PRESENT_REF"),
        ("the end of the year", "DATE", "2020"),
    ]
    # a future still looks ahead
    assert values("She will speak after landing on Friday.") == [("Friday", "DATE", "2021-03-05")]


def test_a_plural_unit_after_a_is_vague() -> None:
    assert values("It will be a months-long grind.") == [("months-long", "DURATION", "PXM")]


def test_next_month_name_is_the_coming_one() -> None:
    # told on 2021-03-02: "next March" is a year away, "next May" this year's
    assert values("The law lapses next March.") == [("next March", "DATE", "2022-03")]
    assert values("The law lapses next May.") == [("next May", "DATE", "2021-05")]


def test_this_past_weekend_is_one_expression() -> None:
    # Tuesday 2021-03-02: the weekend just gone is that of ISO week 8
    assert values("Crowds came this past weekend.") == [
        ("this past weekend", "DATE", "2021-W08-WE")
    ]


def test_edges_of_a_unit_are_the_unit() -> None:
    assert values("The plant will open by the end of the year.") == [
        ("the end of the year", "DATE", "2021")
    ]
    assert values("Sales slowed for the rest of the month.") == [
        ("the rest of the month", "DATE", "2021-03")
    ]
    assert values("The plant will close by the end of the decade.") == [
        ("the end of the decade", "DATE", "202")
    ]
    assert values("By the end of 2025, the line will be finished.") == [
        ("the end of 2025", "DATE", "2025")
    ]
    assert values("Work stopped in the middle of 2022.") == [("the middle of 2022", "DATE", "2022")]
    # a half of a month is the month, as TimeML writes it (with a `mod` Parallax leaves out)
    assert values("The birth is expected in the second half of July.") == [
        ("the second half of July", "DATE", "2021-07")
    ]
    # "a year-end deal" is the year's last day, as "the year-end deal" is; not "a year"
    assert values("Democrats backed a year-end budget deal.", date(2015, 12, 28)) == [
        ("year-end", "DATE", "2015-12-31")
    ]


def test_weekdays_in_the_plural_recur() -> None:
    assert values("The market is open on Mondays.") == [("Mondays", "SET", "XXXX-WXX-1")]
    assert values("The show airs Tuesday nights.") == [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]


def test_the_past_counting_things_is_no_reference() -> None:
    assert values("In the past, the town flooded.") == [("the past", "DATE", "PAST_REF")]
    assert values("The club lost the past 12 games.") == []


def test_the_year_is_this_year_unless_a_fiscal_span_ends() -> None:
    assert values("For the year, volume was flat.") == [("the year", "DATE", "2021")]
    assert values("For the full year, sales rose.") == [("the full year", "DATE", "2021")]
    assert values("It earned $5 million for the year ended June 30.") == [
        ("the year", "DURATION", "P1Y"),
        ("June 30", "DATE", "2020-06-30"),
    ]


def test_month_without_a_year_follows_the_tense() -> None:
    assert values("The deal was signed in June.") == [("June", "DATE", "2020-06")]
    assert values("The vote is scheduled for March 3.") == [("March 3", "DATE", "2021-03-03")]
    assert values("The plant will open in October.") == [("October", "DATE", "2021-10")]
    assert values("Prices rose in December.") == [("December", "DATE", "2020-12")]
    # the publication's own month, barely begun, told in the past: last year's (a year in
    # review); later in the month, this one
    new_year = date(2020, 1, 1)
    assert values("A fruit bat arrived in January.", new_year) == [("January", "DATE", "2019-01")]
    assert values("The law took effect in January.", date(2020, 1, 20)) == [
        ("January", "DATE", "2020-01")
    ]
    assert values("Prices have risen since January.", new_year) == [("January", "DATE", "2020-01")]
    # a call to act together lies ahead, even told in the past
    assert values("He boomed: \u201cLet\u2019s defeat her in November.\u201d") == [
        ("November", "DATE", "2021-11")
    ]
    assert values("Let us meet again in January.") == [("January", "DATE", "2022-01")]
    # a plan or an aim looks ahead
    assert values("Officials hope to reopen the school in January.") == [
        ("January", "DATE", "2022-01")
    ]
    assert values("The team aims to finish the bridge by January.") == [
        ("January", "DATE", "2022-01")
    ]
    # ... but a date of the vow itself is the vow's
    assert values("The minister vowed in August to resign.") == [("August", "DATE", "2020-08")]
    # a bare June or July mid-sentence is a month; before a capitalized word, a name
    assert values("She said in June that talks had failed.") == [("June", "DATE", "2020-06")]
    assert values("Work began in July and stopped.") == [("July", "DATE", "2020-07")]
    assert values("June Carter sang.") == []
    # after a first name, even at the start of a sentence: a surname
    assert values("Theresa May said the plan may fail.") == []
    assert values("Throughout May, prices rose.") == [("May", "DATE", "2020-05")]
    # a short abbreviation is a month with its period after a time word, else maybe a name
    assert values("Sales fell in Feb., officials said.") == [("Feb", "DATE", "2021-02")]
    assert values("The vote was held in Jan. It passed.") == [("Jan", "DATE", "2021-01")]
    assert values("I spoke with Jan. She agreed.") == []
    # "March" after a name or before "for" and a name is a name; "May" of a wish a modal
    assert values("Thousands joined the NYC Pride March. It was long.") == []
    assert values("His group, March for Bernie, plans a rally.") == []
    assert values("May the odds be ever in our favor.") == []
    # a determiner at the sentence start is not a first name
    assert values("The June elections could change everything.") == [("June", "DATE", "2021-06")]
    # told in the past, a month well after the publication date is last year's
    told_in_november = datetime(2024, 11, 20)
    assert values("The deal was signed in January.", told_in_november) == [
        ("January", "DATE", "2024-01")
    ]
    # an event told in the simple past, its date hanging from the verb, is done by the
    # publication date; a date a past verb sets may lie ahead
    assert values("The summit took place on March 20.") == [("March 20", "DATE", "2020-03-20")]
    assert values("The deadline was extended to March 20.") == [("March 20", "DATE", "2021-03-20")]
    assert values("Talks began in June last year.") == [("June last year", "DATE", "2020-06")]
    # the month a statement was made in has begun by publication, however near its start
    told_in_may = date(2025, 5, 15)
    assert values("The union said in June it would strike.", told_in_may) == [
        ("June", "DATE", "2024-06")
    ]
    assert values("He told reporters in June that he would run.", told_in_may) == [
        ("June", "DATE", "2024-06")
    ]
    assert values("The minister said in May that talks had failed.", told_in_may) == [
        ("May", "DATE", "2025-05")
    ]
    # an edge word opening the date ("early", "late") leaves the tense to the verb
    assert values("The factory will reopen in early March.", told_in_may) == [
        ("early March", "DATE", "2026-03")
    ]
    assert values("The factory reopened in early March.", told_in_may) == [
        ("early March", "DATE", "2025-03")
    ]
    # ... but a month of what was said keeps the slack
    assert values("The union said it would strike in June.", told_in_may) == [
        ("June", "DATE", "2025-06")
    ]
    # a day of a month with its year told relatively: one expression, that year's day
    assert values("The tax rose on January 1 this year.") == [
        ("January 1 this year", "DATE", "2021-01-01")
    ]
    assert values("The law takes effect on 1 July next year.") == [
        ("1 July next year", "DATE", "2022-07-01")
    ]
    assert values("The law took effect on 1 July next year.", None) == [
        ("1 July next year", "DATE", "XXXX-07-01")
    ]
    # a bare season follows the tense too
    assert values("The museum reopens in the spring.", told_in_november) == [
        ("the spring", "DATE", "2025-SP")
    ]
    assert values("It rained all through the summer.") == [("the summer", "DATE", "2020-SU")]


def test_last_this_and_next_season() -> None:
    # "last spring", told in October, is this year's; told in May, last year's
    assert values("A strike began last spring.", date(1989, 10, 26))[0][2] == "1989-SP"
    assert values("A strike began last spring.", date(1989, 5, 10))[0][2] == "1988-SP"
    # a winter runs from December: told in January, the one before the current winter
    assert values("It snowed a lot last winter.", date(2016, 1, 20))[0][2] == "2014-WI"
    assert values("It snowed a lot last winter.", date(2015, 12, 22))[0][2] == "2014-WI"
    assert values("It snowed a lot last winter.", date(2016, 3, 15))[0][2] == "2015-WI"
    # "this winter", told in February, is the one under way; "next winter" the one after it
    assert values("Voting holds unusual interest this winter.", date(2016, 2, 1))[0][2] == (
        "2015-WI"
    )
    assert values("Prices will rise next winter.", date(2016, 2, 1))[0][2] == "2016-WI"
    assert values("The plant reopens this spring.", date(2016, 2, 1))[0][2] == "2016-SP"


def test_relative_weeks_months_years_and_quarters() -> None:
    assert values("Sales fell last week.") == [("last week", "DATE", "2021-W08")]
    assert values("The plan was announced last month.") == [("last month", "DATE", "2021-02")]
    assert values("Profits doubled last year.") == [("last year", "DATE", "2020")]
    assert values("Output grew in the third quarter.") == [("the third quarter", "DATE", "2020-Q3")]
    assert values("It happened two years ago.") == [("two years ago", "DATE", "2019")]
    assert values("The mill closed earlier this year.") == [("earlier this year", "DATE", "2021")]
    assert values("Sales fell in the first half of 2019.") == [
        ("the first half of 2019", "DATE", "2019-H1")
    ]
    assert values("Profits rose in the second half of last year.") == [
        ("the second half of last year", "DATE", "2020-H2")
    ]
    assert values("The first half of the match was dull.") == []
    # counted from another date, not from the publication date: unresolved when none is given
    assert values("The week before, prices rose.") == [("The week before", "DATE", None)]
    # a day counted from the last full date the text gave
    assert values("The plant closed on March 3, 2019. The next day, workers protested.") == [
        ("March 3, 2019", "DATE", "2019-03-03"),
        ("The next day", "DATE", "2019-03-04"),
    ]
    assert values("The board met the day before.") == [("the day before", "DATE", None)]


def test_absolute_dates_years_and_decades() -> None:
    assert values("The law passed on March 3, 2019.") == [("March 3, 2019", "DATE", "2019-03-03")]
    assert values("The bridge has stood since 2008.") == [("2008", "DATE", "2008")]
    assert values("He was elected in October 2019.") == [("October 2019", "DATE", "2019-10")]
    assert values("Rents soared in the 1990s.") == [("the 1990s", "DATE", "199")]
    # a year of hundreds names its century; the 2000s stay a decade
    assert values("The town was founded in the 1800s.") == [("the 1800s", "DATE", "18")]
    assert values("The law dates from the early 2000s.") == [("early 2000s", "DATE", "200")]


def test_durations_and_sets() -> None:
    assert values("The strike lasted for 200 days.") == [("200 days", "DURATION", "P200D")]
    assert values("The talks took three weeks.") == [("three weeks", "DURATION", "P3W")]
    # a bare plural is a vague span after a verb of taking or lasting, as after "for"
    # decades in years, as the TimeML corpora write them ("decades-long" PXY; no "DE" there)
    assert values("It took decades to rebuild.") == [("decades", "DURATION", "PXY")]
    assert values("The talks lasted hours.") == [("hours", "DURATION", "PTXH")]
    assert values("It ran a 16-hour shift.") == [("16-hour", "DURATION", "PT16H")]
    assert values("The ferry sails daily.") == [("daily", "SET", "P1D")]
    assert values("Buses run late every Monday.") == [("every Monday", "SET", "XXXX-WXX-1")]
    assert values("The market opens on Sundays.") == [("Sundays", "SET", "XXXX-WXX-7")]


def test_references_and_deictic_days() -> None:
    assert values("Prices are high now.") == [("now", "DATE", "PRESENT_REF")]
    assert values("The mayor spoke yesterday.") == [("yesterday", "DATE", "2021-03-01")]
    assert values("The firm has recently cut jobs.") == [("recently", "DATE", "PAST_REF")]
    # the noun is no time: "a current of discontent"
    assert values("The current system works.") == [("current", "DATE", "PRESENT_REF")]
    assert values("He sensed a global current of discontent.") == []


def test_today_with_a_present_of_a_third_person_is_nowadays() -> None:
    assert values("Today, there are 11 million undocumented people here.") == [
        ("Today", "DATE", "PRESENT_REF")
    ]
    assert values("Clinton defenders today argue that it was the best deal.") == [
        ("today", "DATE", "PRESENT_REF")
    ]
    # a clausal subject is no third person: "a deal today" is the day's
    assert values("What Washington wants is a deal today.") == [("today", "DATE", "2021-03-02")]
    # nowadays needs no publication date
    assert values("Today, that membership costs $25,000.", None) == [
        ("Today", "DATE", "PRESENT_REF"),
    ]
    # a day all the same: a deed or happening of the day, a plan, a first person, the subject
    for text in (
        "The president's comments today are typical.",
        "The vote comes today.",
        "He is meeting the mayor today.",
        "We today accept the guarantee.",
        "Today is a sad day.",
        "People celebrated yesterday, and today there is disappointment.",
        "The company said today it would cut jobs.",
    ):
        assert values(text)[-1][2] == "2021-03-02", text


def test_clock_time_joins_its_day() -> None:
    assert values("The polls close at 8 p.m. on Friday.") == [
        ("8 p.m. on Friday", "TIME", "2021-03-05T20:00")
    ]
    # 24-hour clocks after a word that introduces a time or before a zone; minutes after a dot
    assert values("Polls close at 18:30 GMT on Sunday.") == [
        ("18:30 GMT on Sunday", "TIME", "2021-03-07T18:30")
    ]
    assert values("The blast hit at 06:45.") == [("06:45", "TIME", "2021-03-02T06:45")]
    assert values("Trading halted at 9.30am.") == [("9.30am", "TIME", "2021-03-02T09:30")]
    assert values("The team won 21:17; John 3:16 was read; shares rose 2.30 percent.") == []
    # the end of a range of clocks
    assert values("The court sat from 9:30 to 17:00.") == [
        ("9:30", "TIME", "2021-03-02T09:30"),
        ("17:00", "TIME", "2021-03-02T17:00"),
    ]
    # a time zone between the clock and its day
    assert values("The meeting is at 10:30 a.m. ET on March 9, 2021.") == [
        ("10:30 a.m. ET on March 9, 2021", "TIME", "2021-03-09T10:30")
    ]
    # "midnight" joins its day too, with or without a publication date
    assert values("The deadline passed at midnight on Monday.") == [
        ("midnight on Monday", "TIME", "2021-03-01T24:00")
    ]
    assert values("The deadline passed at midnight on Monday.", None) == [
        ("midnight on Monday", "TIME", "XXXX-WXX-1T24:00")
    ]
    assert values("Campaigning ends on Friday at midnight.", None) == [
        ("Friday at midnight", "TIME", "XXXX-WXX-5T24:00")
    ]


def test_no_publication_date_leaves_relative_expressions_unresolved() -> None:
    found = values("The minister resigned on Friday, a day after last month's vote.", None)
    assert ("Friday", "DATE", "XXXX-WXX-5") in found
    assert ("last month", "DATE", None) in found
    assert values("Fire broke out on Tuesday night.", None) == [
        ("Tuesday night", "TIME", "XXXX-WXX-2TNI")
    ]
    assert values("The law passed on March 3, 2019.", None) == [
        ("March 3, 2019", "DATE", "2019-03-03")
    ]
    # a weekend is of an unknown week, like a weekday; a span up to now needs no anchor
    assert values("Protests spread over the weekend.", None) == [
        ("the weekend", "DATE", "XXXX-WXX-WE")
    ]
    assert values("Prices doubled in the past decade.", None) == [
        ("the past decade", "DURATION", "P10Y")
    ]
    # a clock, or "that night", after a day of an unknown year is on that day
    text = "On April 16 at about 8:15 a.m., a drone fell. Later that night, more came."
    assert values(text, None) == [
        ("April 16", "DATE", "XXXX-04-16"),
        ("8:15 a.m.", "TIME", "XXXX-04-16T08:15"),
        ("Later that night", "TIME", "XXXX-04-16TNI"),
    ]
    # but "the next day" after it cannot be counted
    text = "On Friday at about 9 p.m., a drone fell. The next day, officials met."
    assert values(text, None) == [
        ("Friday", "DATE", "XXXX-WXX-5"),
        ("9 p.m.", "TIME", "XXXX-WXX-5T21:00"),
        ("The next day", "DATE", None),
    ]


def test_ages_and_ordinary_words_are_not_time() -> None:
    assert values("A 6-year-old boy may fall behind; the march went on.") == []
    # a version number; "the year" that a year then names
    assert values("The app's version 1.2.2024 fixes the bug.") == []
    assert values("The year is 2023.") == [("2023", "DATE", "2023")]
    # an age counted in years or months is no span of time either
    assert values("Some 22 million children under the age of 5 years are stunted.") == []
    assert values("Children aged 12 years and over may enter.") == []
    assert values("She passed on at 59 years of age.") == []
    assert values("It took 5 years of age-old work.") == [("5 years", "DURATION", "P5Y")]


def test_spans_point_into_the_text() -> None:
    text = "On Monday, the dam opened; two weeks earlier it was nearly full."
    for t in timexes(text):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-02", ("day", date(2021, 3, 2))),
        ("2021-03-02T20:00", ("minute", date(2021, 3, 2))),
        ("2021-03", ("month", date(2021, 3, 1))),
        ("2021-SU", ("season", date(2021, 6, 1))),
        ("2021", ("year", date(2021, 1, 1))),
        ("199", ("decade", date(1990, 1, 1))),
        ("P3D", None),
        ("XXXX-WXX-5", None),
    ],
)
def test_period_of_values(value: str, expected: tuple[str, date] | None) -> None:
    assert period_of(value) == expected


def test_slashed_dates_read_both_ways_follow_the_outlet_or_the_text() -> None:
    def read(text: str, day_first: bool) -> list[str | None]:
        return [t.value for t in extract_timexes(text, TUESDAY, day_first=day_first)]

    assert read("The lease was signed on 10/03/2020.", day_first=False) == ["2020-10-03"]
    assert read("The lease was signed on 10/03/2020.", day_first=True) == ["2020-03-10"]
    # a date readable one way only tells how the text writes the others
    text = "The lease was signed on 10/03/2020 and renewed on 25/01/2021."
    assert read(text, day_first=False) == ["2020-03-10", "2021-01-25"]
    text = "The lease was signed on 10/03/2020 and renewed on 01/25/2021."
    assert read(text, day_first=True) == ["2020-10-03", "2021-01-25"]


@pytest.mark.parametrize(
    ("language", "url", "day_first"),
    [
        ("en-GB", None, True),
        ("en_AU", None, True),
        ("en-US", "https://news.example.co.uk/a", False),  # the language tag decides first
        ("en", "https://news.example.co.uk/2021/03/02/a", True),
        (None, "https://www.example.ie:8080/a", True),
        ("en-CA", None, False),
        ("en", "https://news.example.com/a", False),  # no country: month first, as in the US
        (None, None, False),
    ],
)
def test_which_outlets_write_the_day_first(
    language: str | None, url: str | None, day_first: bool
) -> None:
    assert writes_day_first(language, url) is day_first


def test_day_first_numeric_dates_and_impossible_ones() -> None:
    assert values("The decree of 14/06/2020 stands.") == [("14/06/2020", "DATE", "2020-06-14")]
    assert values("The decree of 06/14/2020 stands.") == [("06/14/2020", "DATE", "2020-06-14")]
    assert values("The decree of 14.06.2020 stands.") == [("14.06.2020", "DATE", "2020-06-14")]
    assert values("Sales figures for 03/2020 were revised.") == [("03/2020", "DATE", "2020-03")]
    assert values("The form says 31.02.2020.") == [("31.02.2020", "DATE", None)]  # no such day
    assert values("It was signed on February 30.") == [("February 30", "DATE", None)]
    assert values("It was signed on Feb. 29, 2020.") == [("Feb. 29, 2020", "DATE", "2020-02-29")]
    # a wire service's clock, unless it is the aside after the local time
    assert values("The shelling began at 0400 GMT on Sunday.") == [
        ("0400 GMT on Sunday", "TIME", "2021-02-28T04:00")
    ]
    assert period_of("2020-14-06") is None  # never a crash in the timeline


def test_easter_falls_on_its_sunday() -> None:
    # Easter 2021 was April 4 and Easter 2020 April 12; both are Sundays
    assert values("Churches will reopen for Easter.") == [("Easter", "DATE", "2021-04-04")]
    assert values("They met last Easter.") == [("last Easter", "DATE", "2020-04-12")]
    assert values("The museum reopens on Easter Monday.") == [
        ("Easter Monday", "DATE", "2021-04-05")
    ]
    assert values("Banks close on Good Friday.") == [("Good Friday", "DATE", "2021-04-02")]


def test_a_hyphenated_duration_leaves_its_article_out() -> None:
    assert values("The 24-hour strike ended.") == [("24-hour", "DURATION", "PT24H")]
    assert values("It was a five-hour meeting.") == [("five-hour", "DURATION", "PT5H")]
    assert values("Pay rises over twenty-five years.") == [
        ("twenty-five years", "DURATION", "P25Y")
    ]


def test_a_plan_told_in_the_past_takes_the_nearest_day() -> None:
    # Tuesday 2021-03-02: Saturday 2021-02-27 is nearer than Saturday 2021-03-06
    assert values("A vigil planned for Saturday was canceled.") == [
        ("Saturday", "DATE", "2021-02-27")
    ]
    assert values("A vigil is planned for Saturday.") == [("Saturday", "DATE", "2021-03-06")]
    assert values("The vote was postponed until Monday.") == [("Monday", "DATE", "2021-03-08")]
    # put off or moved *to* a day: ahead too, even told in the perfect
    assert values("The hearing has been moved to January.") == [("January", "DATE", "2022-01")]
    assert values("The vote was postponed to Monday.") == [("Monday", "DATE", "2021-03-08")]
    assert values("The family moved to Berlin in February.") == [("February", "DATE", "2021-02")]
    assert values("Lenders have extended the loans through January.") == [
        ("January", "DATE", "2022-01")
    ]
    assert values("Sales ran through January.") == [("January", "DATE", "2021-01")]
    # "is to": what is set to be
    assert values("Trading is to resume on Friday.") == [("Friday", "DATE", "2021-03-05")]
    # a plan still standing, told in the present perfect, lies ahead
    assert values("The court has scheduled a hearing for Saturday.") == [
        ("Saturday", "DATE", "2021-03-06")
    ]


def test_soon_earlier_and_todays_only_where_they_point_at_a_time() -> None:
    assert values("The firm will soon seek a buyer.") == [("soon", "DATE", "FUTURE_REF")]
    for words in ("the near future", "the very near future", "the not too distant future"):
        assert values(f"Rates will stay low for {words}.") == [(words, "DATE", "FUTURE_REF")]
    # TimeBank leaves "the foreseeable future" unmarked
    assert values("Rates will stay low for the foreseeable future.") == []
    assert values("They want him back as soon as possible.") == []
    assert values("He was soon released.") == []
    # "any time soon" looks ahead with no modal to say so
    assert values("I am not hopeful of it improving any time soon.") == [
        ("soon", "DATE", "FUTURE_REF")
    ]
    # TimeBank leaves "Not that long ago" unmarked
    assert values("Not long ago, she was named the winner.") == []
    assert values("Prices rose recently.") == [("recently", "DATE", "PAST_REF")]
    assert values("Rates were higher in the recent past.") == [
        ("the recent past", "DATE", "PAST_REF")
    ]
    assert values("In years past, he took questions.") == [("years past", "DATE", "PAST_REF")]
    assert [v for _, _, v in values("Prices rose as recently as 2019.")] == ["2019"]
    assert values("Earlier, they had refused.") == []
    assert values("The plan faces today's youth.") == []
    assert values("The offer ran in today's editions.") == [("today", "DATE", "2021-03-02")]


def test_recent_and_coming_stretches_leave_the_preposition_out() -> None:
    assert values("Prices fell in recent weeks.") == [("recent weeks", "DURATION", "PXW")]
    assert values("Prices may fall in the coming months.") == [("coming months", "DURATION", "PXM")]
    assert values("Crime fell in recent years.") == [("recent years", "DATE", "PAST_REF")]


def test_titles_ordinals_and_marches_are_not_time() -> None:
    assert values("He said on CBS's 60 Minutes that he was sorry.") == []
    assert values("Trump said on ABC's This Week that he was winning.") == []
    assert values("He told ABC’s “This Week” he would run.") == []
    assert values("This Week, he said, he would run.")[0][0] == "This Week"
    assert values("Allen said on ABC's ''This Week'' that he was sure.") == []
    assert values("Clinton said in an interview with “Fox News Sunday.”") == []
    assert values("She told CBS Sunday Morning that she would run.") == []
    # the network's name before a day that is not its programme's leaves the day as it is
    assert [v[0] for v in values("He said on Fox News Tuesday night that he would.")] == [
        "Tuesday night"
    ]
    assert values("It would be a second betrayal.") == []
    assert values("It was high noon for the party.") == []
    assert values("Mexico retaliated against Christmas trees from Oregon.") == []
    assert values("Children hunted Easter eggs in the park.") == []
    assert values("The book told of Easter Island and its collapse.") == []
    assert values("He hosted The Tonight Show for years.") == [("years", "DURATION", "PXY")]
    assert values("He spoke of the end of his show “Lopez Tonight.”") == []
    assert values("Tonight, the vote comes.") == [("Tonight", "DATE", "2021-03-02")]
    assert values("It is the version of Russia Today, the network.") == []
    # a headline in capitals throughout is no name
    assert values("Order Yours Today by Following This Link.") == [("Today", "DATE", "2021-03-02")]
    assert values("The shops will close early on Christmas Eve.") == [
        ("Christmas Eve", "DATE", "2021-12-24")
    ]
    assert values("They walked in the March for Life.") == []
    assert values("They walked in March for charity.") == [("March", "DATE", "2021-03")]
    assert values("He took part in King's 1963 March on Washington.") == [("1963", "DATE", "1963")]


def test_a_day_next_to_a_date_and_a_clock_dated_by_an_aside() -> None:
    assert values("They met the day before last Tuesday's hearing.") == [
        ("the day before last Tuesday", "DATE", "2021-02-22")
    ]
    assert values("The blast came at 10:35 a.m. (0735 GMT) Friday.") == [
        ("10:35 a.m.", "TIME", "2021-02-26T10:35"),
        ("Friday", "DATE", "2021-02-26"),
    ]
    assert values("The truce took effect at 8 p.m. local time (1700 GMT) on Friday.") == [
        ("8 p.m.", "TIME", "2021-02-26T20:00"),
        ("Friday", "DATE", "2021-02-26"),
    ]
    # with no publication date, the weekday of the aside still dates the clock
    assert values("The blast came at 10:35 a.m. (0735 GMT) Friday.", None) == [
        ("10:35 a.m.", "TIME", "XXXX-WXX-5T10:35"),
        ("Friday", "DATE", "XXXX-WXX-5"),
    ]
    assert values("It ended at 4 in the morning (4 a.m. EDT Thursday).", None)[0] == (
        "4 in the morning",
        "TIME",
        "XXXX-WXX-4T04:00",
    )


def test_coordinated_days_and_other_small_forms() -> None:
    assert values("The summit meets on April 24 and 25.") == [
        ("April 24", "DATE", "2021-04-24"),
        ("25", "DATE", "2021-04-25"),
    ]
    assert values("Sales rose on May 4 and 25 percent more came later.")[:1] == [
        ("May 4", "DATE", "2020-05-04")
    ]
    assert values("The summit met on April 24 and 25.", None) == [
        ("April 24", "DATE", "XXXX-04-24"),
        ("25", "DATE", "XXXX-04-25"),
    ]
    assert values("On Feb. 3 and 4 protesters died.") == [("Feb. 3", "DATE", "2021-02-03")]
    assert values("In today's market, stocks fell.") == [("today", "DATE", "2021-03-02")]
    assert values("It was a day-long meeting.") == [("day-long", "DURATION", "P1D")]
    assert values("The post-1959 politics split families.") == [("post-1959", "DATE", "1959")]
    assert values("Holy Week began.") == [("Holy Week", "DATE", "2020-W15")]


def test_a_range_of_months_runs_forward_and_shares_its_written_year() -> None:
    told_in_march = date(2025, 3, 12)
    # the month slack kept April this year's, June last year's: the range that ran is last year's
    assert values("The ban ran between April and June.", told_in_march) == [
        ("April", "DATE", "2024-04"),
        ("June", "DATE", "2024-06"),
    ]
    assert values("The plant will close from November to February.", told_in_march) == [
        ("November", "DATE", "2025-11"),
        ("February", "DATE", "2026-02"),
    ]
    # a year written at the end is the start's too, with or without a publication date
    for published in (told_in_march, None):
        assert values("The ban ran from April to June 2023.", published) == [
            ("April", "DATE", "2023-04"),
            ("June 2023", "DATE", "2023-06"),
        ]
        assert values("The season lasted from November to February 2024.", published) == [
            ("November", "DATE", "2023-11"),
            ("February 2024", "DATE", "2024-02"),
        ]
        assert values("The show runs from April 3 to June 5, 2023.", published) == [
            ("April 3", "DATE", "2023-04-03"),
            ("June 5, 2023", "DATE", "2023-06-05"),
        ]
    assert values("The ban ran between April and June.", None) == [
        ("April", "DATE", "XXXX-04"),
        ("June", "DATE", "XXXX-06"),
    ]


def test_ranges_of_days_and_of_years_give_both_ends() -> None:
    assert values("The summit runs June 8-9 in Geneva.") == [
        ("June 8", "DATE", "2021-06-08"),
        ("9", "DATE", "2021-06-09"),
    ]
    assert values("The festival runs from 3 to 7 June.") == [
        ("3", "DATE", "2021-06-03"),
        ("7 June", "DATE", "2021-06-07"),
    ]
    assert values("On 3-4 March the board met.") == [
        ("3", "DATE", "2021-03-03"),
        ("4 March", "DATE", "2021-03-04"),
    ]
    assert values("Prices rose 3-7 percent in June.") == [("June", "DATE", "2020-06")]
    assert values("The score was 7-4 March's best.") == [("March", "DATE", "2021-03")]
    assert values("Codes 0-0 March on.") == [("March", "DATE", "2021-03")]
    assert values("The 2023-24 season and the 1999-00 budget were poor.") == [
        ("2023", "DATE", "2023"),
        ("24", "DATE", "2024"),
        ("1999", "DATE", "1999"),
        ("00", "DATE", "2000"),
    ]
    assert values("It was the 2019/2020 plan.")[1:] == [("2020", "DATE", "2020")]
    assert values("The 2020-19 figures.") == [("2020", "DATE", "2020")]


def test_a_noun_plan_is_no_planner_and_would_looks_ahead() -> None:
    # Tuesday 2021-03-02: "the plan, unveiled in March" was unveiled; "would take effect" is ahead
    assert values("Officials said the plan, unveiled in January, would take effect in June.") == [
        ("January", "DATE", "2021-01"),
        ("June", "DATE", "2021-06"),
    ]
    text = "She said the vote would be held on Friday."
    assert values(text) == [("Friday", "DATE", "2021-03-05")]
    # with no parse, the sentence's words guess the tense
    assert [t.value for t in extract_timexes(text, TUESDAY)] == ["2021-03-05"]


def test_a_day_after_said_dates_the_saying_not_the_clause() -> None:
    # Tuesday 2021-03-02: the parser hangs "on Monday" from "would cut"; the day is the saying's
    text = "The company said on Monday it would cut 500 jobs."
    assert values(text) == [("Monday", "DATE", "2021-03-01")]
    assert [t.value for t in extract_timexes(text, TUESDAY)] == ["2021-03-01"]
    assert values("He told reporters on Friday that prices would rise.") == [
        ("Friday", "DATE", "2021-02-26")
    ]
    # after the clause's subject the day is the clause's own
    assert values("Officials said on Monday the vote would be held on Friday.") == [
        ("Monday", "DATE", "2021-03-01"),
        ("Friday", "DATE", "2021-03-05"),
    ]


def test_a_possessive_day_takes_the_tense_told_of_its_noun() -> None:
    # Tuesday 2021-03-02: the nearest Friday is ahead, the nearest Sunday behind
    assert values("Friday's vote was a setback for the government.") == [
        ("Friday", "DATE", "2021-02-26")
    ]
    assert values("Sunday's election is expected to be close.") == [
        ("Sunday", "DATE", "2021-03-07")
    ]
    # a modal tells of the outcome, which may follow a day gone by: the nearest such day
    assert values("Monday's decision will reverberate down the ballot.") == [
        ("Monday", "DATE", "2021-03-01")
    ]
    # so for a day its subject's preposition names; not for what the day itself will be
    text = "Her victories in three states on Monday will only accelerate that shift."
    assert values(text)[0][2] == "2021-03-01"
    assert values("The vote on Monday will be close.")[0][2] == "2021-03-08"
    assert values("Monday's vote will be close.")[0][2] == "2021-03-08"
    # an object says nothing of when the noun's day falls: the nearer one, leaning back (news
    # tells more of what was): Friday three days ahead loses to Friday four days back
    assert values("The bonds convert at a premium over Friday's closing price.") == [
        ("Friday", "DATE", "2021-02-26")
    ]
    assert values("The bonds convert at a premium over Wednesday's price.") == [
        ("Wednesday", "DATE", "2021-03-03")
    ]


def test_a_week_of_a_month() -> None:
    # Tuesday 2021-03-02: 2020-05-01 is in ISO week 18, 2021-04-01 in 13, 2021-02-28 in 8
    assert values("Prices fell in the first week of May.")[0] == (
        "the first week of May",
        "DATE",
        "2020-W18",
    )
    assert values("The talks resume in the first week of April.")[0] == (
        "the first week of April",
        "DATE",
        "2021-W13",
    )
    assert values("Prices fell in the final week of February.")[0] == (
        "the final week of February",
        "DATE",
        "2021-W08",
    )
    assert values("Prices fell in the first week of April.", None)[0] == (
        "the first week of April",
        "DATE",
        "XXXX-04",
    )


def test_a_weekday_of_a_month() -> None:
    # Tuesday 2021-03-02
    assert values("The board meets on the first Monday of April.") == [
        ("the first Monday of April", "DATE", "2021-04-05")
    ]
    assert values("The vote was held on the last Sunday in October.") == [
        ("the last Sunday in October", "DATE", "2020-10-25")
    ]
    assert values("It fell on the fourth Thursday of November 2019.") == [
        ("the fourth Thursday of November 2019", "DATE", "2019-11-28")
    ]
    assert values("No fifth Friday of February exists in 2021.")[0] == (
        "fifth Friday of February",
        "DATE",
        "2021-02",
    )
    assert values("They meet on the first Monday of April.", None) == [
        ("the first Monday of April", "DATE", "XXXX-04")
    ]
    assert values("They meet on the first Monday of next month.") == [
        ("the first Monday of next month", "DATE", "2021-04-05")
    ]
    assert values("They meet on the first Monday of next month.", None) == [
        ("the first Monday of next month", "DATE", None)
    ]


def test_a_present_be_with_a_date_looks_ahead() -> None:
    # Tuesday 2021-03-02: a January or a Monday told with "is in" / "is on" is the coming one
    assert values("The election is in January.") == [("January", "DATE", "2022-01")]
    assert values("The hearing is on Monday.") == [("Monday", "DATE", "2021-03-08")]
    assert values("The figures are as of Monday.") == [("Monday", "DATE", "2021-03-01")]
    assert values("The election was in January.") == [("January", "DATE", "2021-01")]
    # with another complement, the date may be a figure's: the nearest January
    assert values("The rate is 3% in January.") == [("January", "DATE", "2021-01")]
    assert values("Inflation is at 3% in January.") == [("January", "DATE", "2021-01")]


def test_last_as_a_verb_stays_out_of_the_duration() -> None:
    assert values("The talks last two years.") == [("two years", "DURATION", "P2Y")]
    assert values("Such storms typically last a few hours.") == [
        ("a few hours", "DURATION", "PTXH")
    ]
    assert values("Protests that last three weeks are rare.") == [
        ("three weeks", "DURATION", "P3W")
    ]
    assert values("Prices rose over the last two years.") == [
        ("the last two years", "DURATION", "P2Y")
    ]
    assert values("He left last week.") == [("last week", "DATE", "2021-W08")]


def test_sets_of_months_and_spelled_years_after_a_month() -> None:
    assert values("Rates rise each July.") == [("each July", "SET", "XXXX-07")]
    assert values("Each may vote.") == []
    # a count of years, not the year 2000
    assert all(v != "2000" for _, _, v in values("It has stood for two thousand years."))
    assert values("It began in January nineteen ninety-seven.") == [
        ("January nineteen ninety-seven", "DATE", "1997-01")
    ]
    assert values("The winter of nineteen ninety-four was cold.") == [
        ("The winter of nineteen ninety-four", "DATE", "1994-WI")
    ]


def test_a_date_told_in_the_future_that_has_passed_is_next_years() -> None:
    # Tuesday 2021-03-02: February 20 is behind, so a vote set for it is next year's
    assert values("The final vote is scheduled for Feb. 20.") == [("Feb. 20", "DATE", "2022-02-20")]
    assert values("The vote will be held on March 1.") == [("March 1", "DATE", "2021-03-01")]
    assert values("The vote was held on Feb. 20.") == [("Feb. 20", "DATE", "2021-02-20")]
    assert values("The plant will reopen in January.") == [("January", "DATE", "2022-01")]
    # a month that ended before the publication date is next year's when told in the future
    told_mid_march = datetime(2024, 3, 14)
    assert values("The summit will take place in February.", told_mid_march) == [
        ("February", "DATE", "2025-02")
    ]


def test_set_or_slated_for_a_day_is_a_plan() -> None:
    # Tuesday 2021-03-02: Nov. 5 last year is nearer, but a vote set for it lies ahead
    assert values("The election is set for Nov. 5.") == [("Nov. 5", "DATE", "2021-11-05")]
    assert values("The plant is slated to open in February.", datetime(2024, 3, 14)) == [
        ("February", "DATE", "2025-02")
    ]
    # a record set on a day was set that day; an active "set" sets prices
    assert values("The record was set on Aug. 6.") == [("Aug. 6", "DATE", "2020-08-06")]
    assert values("The firm set its prices on Feb. 20.") == [("Feb. 20", "DATE", "2021-02-20")]


def test_next_weekday_said_on_that_weekday_is_a_week_away() -> None:
    assert values("They will meet next Tuesday.") == [("next Tuesday", "DATE", "2021-03-09")]
    assert values("They will meet next Thursday.") == [("next Thursday", "DATE", "2021-03-04")]


def test_the_next_morning_counts_from_the_day_before_it() -> None:
    assert values("The storm hit on Saturday night and power returned the next morning.") == [
        ("Saturday night", "TIME", "2021-02-27TNI"),
        ("the next morning", "TIME", "2021-02-28TMO"),
    ]
    assert values("Police came on Feb. 3. He was charged the following afternoon.") == [
        ("Feb. 3", "DATE", "2021-02-03"),
        ("the following afternoon", "TIME", "2021-02-04TAF"),
    ]
    # neither a comparison nor the day a statement was made moves the story off its day
    text = (
        "The dam failed on Saturday night, officials said on Monday. The river rose to its "
        "highest level since 2002. The next morning, soldiers began building a wall."
    )
    assert values(text)[-1] == ("The next morning", "TIME", "2021-02-28TMO")


def test_a_clock_with_no_day_falls_on_the_day_the_story_is_on() -> None:
    text = "Voters went to the polls on Sunday. Polls closed at 8 p.m."
    assert values(text)[-1] == ("8 p.m.", "TIME", "2021-02-28T20:00")
    # a day long before publication is history, not the story's day
    text = "He was born on 12 March 1961. The meeting starts at 10 a.m."
    assert values(text)[-1] == ("10 a.m.", "TIME", "2021-03-02T10:00")
    assert values("The market opens at 9 a.m.") == [("9 a.m.", "TIME", "2021-03-02T09:00")]
    # a live blog's entry stamp, alone on its line, is on the publication day
    text = "At Sunday's rally, he spoke for an hour.\n\n3:15 p.m. EST\n\nThe senator said."
    assert values(text)[-1] == ("3:15 p.m.", "TIME", "2021-03-02T15:15")
    assert values(text, None)[-1] == ("3:15 p.m.", "TIME", "XXXX-XX-XXT15:15")
    # with the zone as US live blogs write it ("ET"), or a 24-hour clock
    text = "At Sunday's rally, he spoke for an hour.\n\n3:15 p.m. ET\n\nThe senator said."
    assert values(text)[-1] == ("3:15 p.m.", "TIME", "2021-03-02T15:15")
    text = "At Sunday's rally, he spoke for an hour.\n\n15:15 CET\n\nThe senator said."
    assert values(text)[-1] == ("15:15", "TIME", "2021-03-02T15:15")


def test_the_new_year_is_the_coming_one_late_in_the_year() -> None:
    assert values("It opens early in the new year.", date(2025, 12, 9)) == [
        ("the new year", "DATE", "2026")
    ]
    assert values("It opens in the new year.", date(2026, 1, 12)) == [
        ("the new year", "DATE", "2026")
    ]
    assert values("It opens in the new year.", None) == [("the new year", "DATE", None)]
    # a future told from March on looks past this year; a past stays in it
    assert values("Talks will resume in the new year.", date(2022, 5, 10)) == [
        ("the new year", "DATE", "2023")
    ]
    assert values("Talks will resume in the new year.", date(2022, 1, 10)) == [
        ("the new year", "DATE", "2022")
    ]
    assert values("Sales slowed in the new year.", date(2022, 5, 10)) == [
        ("the new year", "DATE", "2022")
    ]
    assert values("They celebrated the new year.") == []
    # wherever it stands, not only after a preposition
    assert values("Wishes for the new year filled the boats.", date(2020, 1, 1)) == [
        ("the new year", "DATE", "2020")
    ]
    assert values("The new year will bring pivotal choices.", date(2019, 12, 30)) == [
        ("The new year", "DATE", "2020")
    ]
    assert values("Talks were postponed until the new year.", date(2025, 11, 20)) == [
        ("the new year", "DATE", "2026")
    ]
    assert values("The jets should arrive before the new year.", date(2025, 3, 2)) == [
        ("the new year", "DATE", "2026")
    ]
    assert values("Since the new year, prices have risen.", date(2025, 9, 2)) == [
        ("the new year", "DATE", "2025")
    ]
    assert values("Prices have risen since the new year.", date(2025, 9, 2)) == [
        ("the new year", "DATE", "2025")
    ]


def test_british_dates_and_wire_clocks() -> None:
    # a weekday before a day-first date is one expression, dated by the calendar
    assert values("The hearing took place on Tuesday 23 February.") == [
        ("Tuesday 23 February", "DATE", "2021-02-23")
    ]
    assert values("It opens on Monday, 8th March 2021.") == [
        ("Monday, 8th March 2021", "DATE", "2021-03-08")
    ]
    assert values("The vote on Tuesday 4 people died.")[0] == ("Tuesday", "DATE", "2021-03-02")
    # "Tuesday week": a week after the coming Tuesday (told on a Tuesday, a week today)
    assert values("The vote is on Thursday week.") == [("Thursday week", "DATE", "2021-03-11")]
    assert values("The vote is on Tuesday week.") == [("Tuesday week", "DATE", "2021-03-09")]
    assert values("The vote is on Tuesday week.", None) == [("Tuesday week", "DATE", "XXXX-WXX-2")]
    assert values("A vote is due in the week beginning 15 March.") == [
        ("the week beginning 15 March", "DATE", "2021-W11")
    ]
    # a 24-hour clock in local time; one in GMT in an aside is no year
    assert values("The strike began at 0600 local time on Monday.") == [
        ("0600 local time on Monday", "TIME", "2021-03-01T06:00")
    ]
    assert "1842" not in {t for t, _, _ in values("It struck at 3:42 a.m. (1842 GMT Monday).")}


def test_the_2001_attacks_named_by_their_date() -> None:
    assert values("The Sept. 11 attacks changed air travel.") == [
        ("Sept. 11", "DATE", "2001-09-11")
    ]
    assert values("It spread Sept. 11 conspiracy theories.")[0][2] == "2001-09-11"
    assert values("The Sept. 11 hijackers trained in Florida.")[0][2] == "2001-09-11"
    assert values("Since 9/11, screening has tightened.") == [("9/11", "DATE", "2001-09-11")]
    assert values("The set ended 9/11 after a long rally.") == []
    assert values("He was arrested on Sept. 11.") == [("Sept. 11", "DATE", "2020-09-11")]
    # singular: another attack on that date (Benghazi, 2012), an ordinary date
    assert values("The Sept. 11 attack killed four.", date(2012, 10, 1)) == [
        ("Sept. 11", "DATE", "2012-09-11")
    ]


def test_a_bare_ordinal_day_takes_the_month_in_view() -> None:
    # Tuesday 2021-03-02: "the 20th" told in the past is February's
    assert values("The bill passed on the 20th.") == [("the 20th", "DATE", "2021-02-20")]
    assert values("In January, the bill passed on the 14th.") == [
        ("January", "DATE", "2021-01"),
        ("the 14th", "DATE", "2021-01-14"),
    ]
    assert values("He fell on the 14th floor.") == []


def test_fortnights_and_decade_long_spans() -> None:
    assert values("Wards have been full for the past fortnight.") == [
        ("the past fortnight", "DURATION", "P2W")
    ]
    assert values("A decade-long drought ended.") == [("decade-long", "DURATION", "P10Y")]
    assert values("The road should reopen within days.") == [("days", "DURATION", "PXD")]


def test_the_quarter_told_before_is_the_quarter_read_undated_too() -> None:
    text = (
        "Earnings fell in the first quarter ended March 27 from a year earlier. "
        "During the quarter the firm dropped a bid. It beat the year-earlier quarter."
    )
    found = values(text, None)
    assert [v for t, _, v in found if t in {"the quarter", "the year-earlier quarter"}] == [
        "XXXX-Q1",
        None,
    ]
    dated = values(text, date(2022, 4, 19))
    assert [v for t, _, v in dated if t in {"the quarter", "the year-earlier quarter"}] == [
        "2022-Q1",
        "2021-Q1",
    ]


def test_a_list_of_dated_lines_is_a_schedule() -> None:
    told = date(2019, 11, 19)
    lines = "June 9 -- West Palm Beach\nJune 10 -- Tampa\nJuly 22 -- Cuyahoga Falls\n"
    with_year = "The band's 50th Anniversary Tour 2020 dates:\n" + lines
    assert [v for _, _, v in values(with_year, told)][1:] == [
        "2020-06-09",
        "2020-06-10",
        "2020-07-22",
    ]
    assert [v for _, _, v in values(with_year, None)][1:] == [
        "2020-06-09",
        "2020-06-10",
        "2020-07-22",
    ]
    # a heading that names tour dates with no year: the coming ones
    assert [v for _, _, v in values("The Band Tour Dates\n\n" + lines, told)] == [
        "2020-06-09",
        "2020-06-10",
        "2020-07-22",
    ]
    # other lists keep the nearest day: a timeline of what happened
    timeline = "What happened:\n" + lines
    assert [v for _, _, v in values(timeline, told)] == ["2019-06-09", "2019-06-10", "2019-07-22"]


def test_a_day_word_with_its_date_beside_it_is_that_date() -> None:
    text = "The paper was published online today (Nov. 18) in the journal."
    assert values(text, None)[0] == ("today", "DATE", "XXXX-11-18")
    assert values(text, date(2019, 11, 19))[0] == ("today", "DATE", "2019-11-18")
    text = "Today, July 29th 2021, our thoughts are with the families."
    assert values(text, None)[0] == ("Today", "DATE", "2021-07-29")
    assert values("We meet tonight (Nov. 18) at the hall.", None)[0][2] == "XXXX-11-18TNI"
    # a date with no year after a comma is not set beside the day word
    assert values("Today, November 15 is a holiday.", None)[0] == ("Today", "DATE", None)


def test_this_years_with_the_apostrophe_after_the_s_is_this_year() -> None:
    told = date(2018, 11, 20)
    assert values("For this years\u2019 edition, the jury met.", told) == [
        ("this years", "DATE", "2018")
    ]
    assert values("The last years' gains were large.", told) == []


def test_halves_typed_with_a_dash_or_a_fraction_sign() -> None:
    assert values("They could end a near 1-1/2 year trade war.") == [
        ("1-1/2 year", "DURATION", "P1Y6M")
    ]
    assert values("He survived 5 ½ years in a prison.") == [("5 ½ years", "DURATION", "P5Y6M")]
    assert values("It lasted 4½ hours.") == [("4½ hours", "DURATION", "PT4H30M")]


def test_a_unit_before_or_after_counts_from_the_last_date_given() -> None:
    text = "The talks opened on Feb. 3. The week before, police cleared the square."
    assert values(text)[-1] == ("The week before", "DATE", "2021-W04")
    assert values("Prices rose in June 2019. The month after, they fell.")[-1] == (
        "The month after",
        "DATE",
        "2019-07",
    )
    assert values("The following week, the plan was dropped.") == [
        ("The following week", "DATE", None)
    ]
    # a unit before an event names no date of its own
    assert values("In the week before the vote, polls tightened.") == []


def test_two_units_away_and_halves_of_a_unit() -> None:
    assert values("The summit is planned for the week after next.") == [
        ("the week after next", "DATE", "2021-W11")
    ]
    assert values("Sales fell the year before last.") == [("the year before last", "DATE", "2019")]
    # Tuesday 2021-03-02, in 2021-W09: last weekend was W08's, the one before it W07's
    assert values("The rally was held the weekend before last.") == [
        ("the weekend before last", "DATE", "2021-W07-WE")
    ]
    assert values("The meeting lasted half an hour.") == [("half an hour", "DURATION", "PT30M")]
    assert values("Half a century ago the town flooded.") == [
        ("Half a century ago", "DATE", "1971")
    ]


def test_a_range_of_weekdays_runs_forward() -> None:
    # Tuesday 2021-03-02
    assert values("From Monday to Friday, roads will close.") == [
        ("Monday", "DATE", "2021-03-08"),
        ("Friday", "DATE", "2021-03-12"),
    ]
    assert values("Roads were closed from Monday to Friday.") == [
        ("Monday", "DATE", "2021-02-22"),
        ("Friday", "DATE", "2021-02-26"),
    ]
    # coordination is not a range: each day keeps its own reading
    assert [v for _, _, v in values("Statements were made Friday and Monday.")] == [
        "2021-02-26",
        "2021-03-01",
    ]
    assert [v for _, _, v in values("Statements were made Friday and Thursday.")] == [
        "2021-02-26",
        "2021-02-25",
    ]
    # but a day and the next told together are one stretch
    thursday = date(2026, 11, 19)
    text = "The storm is forecast to make landfall late on Saturday or early Sunday."
    assert [v for _, _, v in values(text, thursday)] == ["2026-11-21", "2026-11-22"]
    text = "The museum will open on Saturday and Sunday."
    assert [v for _, _, v in values(text, thursday)] == ["2026-11-21", "2026-11-22"]


def test_early_or_late_in_a_unit_is_the_unit() -> None:
    assert values("Earlier in the week, ministers met.") == [
        ("Earlier in the week", "DATE", "2021-W09")
    ]


def test_this_past_unit_is_the_one_just_gone() -> None:
    assert values("Prices fell this past week.") == [("this past week", "DATE", "2021-W08")]
    assert values("Growth slowed over this past decade.") == [
        ("this past decade", "DURATION", "P10Y")
    ]
    assert values("This decade began badly.") == [("This decade", "DATE", "202")]


def test_the_one_pass_scan_finds_what_each_rule_finds_on_its_own() -> None:
    from parallax.nlp.time_rules import COMPILED, scan

    text = (
        "In the past three years, MONDAY and ſunday sessions ran every May; each may vary. "
        "FY99 Q3 results came at 5 p.m. EST Tuesday, the week after next, in the 1990s, "
        "the day before last Tuesday's hearing, two-day talks and a 24-hour strike."
    )
    alone = sorted(
        (m.start(), order, m.end())
        for order, (pattern, _) in enumerate(COMPILED)
        for m in pattern.finditer(text)
    )
    together = sorted((m.start(), order, m.end()) for order, m in scan(text))
    assert together == alone
    assert len(alone) > 15


def test_a_day_of_the_month_in_words() -> None:
    assert values("The law takes effect on the first of April.") == [
        ("the first of April", "DATE", "2021-04-01")
    ]
    assert values("The deal closed on the thirty-first of January 2020.") == [
        ("the thirty-first of January 2020", "DATE", "2020-01-31")
    ]
    assert values("The first of many rallies was held in May.") == [("May", "DATE", "2020-05")]


def test_a_count_of_units_from_a_named_day() -> None:
    # Tuesday 2021-03-02: the coming Friday is March 5
    assert values("The council will vote a week from Friday.") == [
        ("a week from Friday", "DATE", "2021-03-12")
    ]
    assert values("Payment is due two weeks from tomorrow.") == [
        ("two weeks from tomorrow", "DATE", "2021-03-17")
    ]
    assert values("The review ends a month from today.") == [
        ("a month from today", "DATE", "2021-04-02")
    ]
    assert values("The council will vote a week from Friday.", None) == [
        ("a week from Friday", "DATE", None)
    ]
    # British: "a week on Friday", "a fortnight today"; after "for", a span and a day
    assert values("The council will vote a week on Friday.") == [
        ("a week on Friday", "DATE", "2021-03-12")
    ]
    assert values("The deadline is two weeks on Monday.") == [
        ("two weeks on Monday", "DATE", "2021-03-22")
    ]
    assert values("The trial opens a fortnight today.") == [
        ("a fortnight today", "DATE", "2021-03-16")
    ]
    assert values("The talks resume a week tomorrow.") == [
        ("a week tomorrow", "DATE", "2021-03-10")
    ]
    assert values("He has been missing for two weeks today.") == [
        ("two weeks", "DURATION", "P2W"),
        ("today", "DATE", "2021-03-02"),
    ]
    assert values("The road will be closed for a week from Friday.") == [
        ("a week", "DURATION", "P1W"),
        ("Friday", "DATE", "2021-03-05"),
    ]


def test_an_anniversary_is_this_month_week_or_day_years_back() -> None:
    # Tuesday 2021-03-02; a year before it, Monday 2020-03-02 opens ISO week 10
    assert values("The referendum was held three years ago this month.") == [
        ("three years ago this month", "DATE", "2018-03")
    ]
    assert values("The bridge opened a year ago this week.") == [
        ("a year ago this week", "DATE", "2020-W10")
    ]
    assert values("The attack happened a decade ago today.") == [
        ("a decade ago today", "DATE", "2011-03-02")
    ]
    assert values("The attack happened a year ago today.", None) == [
        ("a year ago today", "DATE", None)
    ]
    assert values("Two years ago, this month's figure was lower.") == [
        ("Two years ago", "DATE", "2019"),
        ("this month", "DATE", "2021-03"),
    ]


def test_the_week_to_a_day_is_the_week_that_day_closes() -> None:
    # Tuesday 2021-03-02: last Friday, Feb 26, closes ISO week 8
    assert values("The index gained 2% in the week to Friday.") == [
        ("the week to Friday", "DATE", "2021-W08")
    ]
    assert values("Shares fell in the week ended Friday.", None) == [
        ("the week ended Friday", "DATE", None)
    ]


def test_the_dateparser_baseline_reads_spans_and_periods() -> None:
    from parallax.eval.time import dateparser_timexes

    text = "The vote was held last Friday. In 2019 the law passed."
    found = [(t.text, t.type, t.value) for t in dateparser_timexes(text, TUESDAY)]
    assert ("last Friday", "DATE", "2021-02-26") in found
    assert any(value == "2019" for _, _, value in found)
    for t in dateparser_timexes(text, TUESDAY):
        assert text[t.start : t.end] == t.text


def test_a_weekday_abbreviated_with_its_period() -> None:
    # Tuesday 2021-03-02: the coming Thursday is March 4
    assert values("The council will meet on Thurs. to vote.") == [("Thurs.", "DATE", "2021-03-04")]
    assert values("Talks resumed on Mon., Feb. 22, after a pause.") == [
        ("Mon., Feb. 22", "DATE", "2021-02-22")
    ]
    # without "on" or a date after it, "Sun." and "Sat." are other words
    assert values("The story ran in the Sun. Sat. nights are busy here.") == []


def test_a_clock_told_in_oclock() -> None:
    # Tuesday 2021-03-02
    assert values("The polls open at 7 o'clock on Thursday morning.") == [
        ("7 o'clock on Thursday morning", "TIME", "2021-03-04T07:00")
    ]
    assert values("The ceremony begins at eight o'clock tonight.") == [
        ("eight o'clock tonight", "TIME", "2021-03-02T20:00")
    ]
    assert values("The rally began at nine o\u2019clock on Friday evening.") == [
        ("nine o\u2019clock on Friday evening", "TIME", "2021-02-26T21:00")
    ]
    assert values("The bell rang at ten o'clock.", None) == [
        ("ten o'clock", "TIME", "XXXX-XX-XXT10:00")
    ]


def test_a_part_of_day_before_or_after_the_texts_last_day() -> None:
    assert values("Rebels took the town on Feb. 20. The night before, they had shelled it.") == [
        ("Feb. 20", "DATE", "2021-02-20"),
        ("The night before", "TIME", "2021-02-19TNI"),
    ]
    # before the event it names, it counts from no day the text gave
    assert values("He spoke the night before the vote.") == []


def test_a_weekday_of_every_month_is_one_monthly_set() -> None:
    assert values("The committee meets on the first Tuesday of every month.") == [
        ("the first Tuesday of every month", "SET", "P1M")
    ]
    assert values("Rents are due the last Friday of each month.") == [
        ("the last Friday of each month", "SET", "P1M")
    ]


def test_both_months_of_a_hyphenated_range() -> None:
    # Tuesday 2021-03-02
    assert values("Unemployment rose in the September-November period.") == [
        ("September", "DATE", "2020-09"),
        ("November", "DATE", "2020-11"),
    ]
    assert values("The festival runs June\u2013August next year.") == [
        ("June", "DATE", "2022-06"),
        ("August next year", "DATE", "2022-08"),
    ]
    assert values("The mid-June poll was close.") == [("mid-June", "DATE", "2020-06")]


def test_a_count_of_units_time_lies_ahead() -> None:
    # Tuesday 2021-03-02
    assert values("The ban will be reviewed in three years' time.") == [
        ("three years' time", "DATE", "2024")
    ]
    assert values("The results will be known in a week\u2019s time.") == [
        ("a week\u2019s time", "DATE", "2021-W10")
    ]
    assert values("The results will be known in a week's time.", None) == [
        ("a week's time", "DATE", None)
    ]


def test_a_year_before_1800_after_a_preposition_of_time() -> None:
    assert values("The treaty, signed in 1648, ended the war.") == [("1648", "DATE", "1648")]
    assert values("The college was founded in 1636 and moved in 1718.") == [
        ("1636", "DATE", "1636"),
        ("1718", "DATE", "1718"),
    ]
    assert values("The custom dates back to 1215.") == [("1215", "DATE", "1215")]
    # counts, not years
    assert values("The index fell back to 1650.") == []
    assert values("The party won in 1500 seats. Prices rose from 1500 to 1700 points.") == []
    assert values("A survey of 1200, taken in March, found support.") == [
        ("March", "DATE", "2021-03")
    ]


def test_a_gap_counted_back_needs_no_publication_date() -> None:
    for published in (TUESDAY, None):
        assert values("The vote was held two days earlier.", published) == [
            ("two days earlier", "DURATION", "P2D")
        ]
        assert values("The blast came two hours ago.", published) == [
            ("two hours ago", "DURATION", "PT2H")
        ]
    assert values("The plant closed two years ago.", None) == [("two years ago", "DATE", None)]


def test_a_month_of_every_year_has_no_year() -> None:
    assert values("The festival, held every year in August, drew record crowds.") == [
        ("every year", "SET", "P1Y"),
        ("August", "DATE", "XXXX-08"),
    ]
    assert values("The fair is held on June 5 each year.") == [
        ("June 5", "DATE", "XXXX-06-05"),
        ("each year", "SET", "P1Y"),
    ]
    assert values("The minister resigned in August.") == [("August", "DATE", "2020-08")]


def test_a_span_counted_from_the_story_day_has_an_anchor_for_the_timeline() -> None:
    from parallax.timeline import article_events

    text = "On Feb. 3, the army crossed the border. Four days later, the minister was sacked."
    found = timexes(text)
    assert [(t.text, t.type, t.value, t.anchor) for t in found] == [
        ("Feb. 3", "DATE", "2021-02-03", None),
        ("Four days", "DURATION", "P4D", "2021-02-07"),  # TimeML's value stays the span
    ]
    events = article_events(load_nlp()(text), found, [])
    assert [(e.date, e.precision, e.sentence) for e in events][-1] == (
        "2021-02-07",
        "day",
        "Four days later, the minister was sacked.",
    )
    # what is told after it counts from the anchor
    text += " The next day, parliament met."
    assert values(text)[-1] == ("The next day", "DATE", "2021-02-08")
    anchors = {
        "The talks began in June 2019. Three months later they collapsed.": "2019-09",
        "He resigned in 2015 and returned two years later.": "2017",
        "He resigned in 2015 and returned about two years later.": "2017",
        "The vote was held on Monday. A day earlier, protesters had gathered.": "2021-02-28",
        # no date to count from, a vague count, a span from an event, a gap
        "Four days later, the minister was sacked.": None,
        "The fire started on Jan. 5. Days later, the town was evacuated.": None,
        "The talks began on Feb. 3. Two days before the vote, they ended.": None,
        "Work began on Feb. 1. It ended two weeks later than planned.": None,
        # a past the publication date has not reached: the date before was not the start
        "Turnout rose last year. A decade later, the party was gone.": None,
    }
    for sentence, anchor in anchors.items():
        found = [t.anchor for t in timexes(sentence) if t.anchor]
        assert found == ([anchor] if anchor else []), sentence


def test_a_stative_present_and_typographic_contractions_are_no_timetable() -> None:
    monday = date(2015, 11, 9)
    text = "The question is whether the strong October report represents a blip."
    assert values(text, monday) == [("October", "DATE", "2015-10")]
    text = "Troop strength - around 166,000 in April - already lags the target."
    assert values(text, date(2016, 6, 7)) == [("April", "DATE", "2016-04")]
    # "\u2019s" and "\u2019ll" read as "'s" and "'ll"
    assert values("That\u2019s a 10-point increase from December.", date(2016, 2, 18)) == [
        ("December", "DATE", "2015-12")
    ]
    assert values("I\u2019ll vote for her in November.", date(2016, 1, 31)) == [
        ("November", "DATE", "2016-11")
    ]
    # a timetable's present still looks ahead
    assert values("The trial opens in June.", monday) == [("June", "DATE", "2016-06")]


def test_a_bare_verb_in_a_complement_takes_the_tense_above_it() -> None:
    friday = date(2016, 7, 8)
    text = "They are nearing a deal that would see him endorse her in Concord on Tuesday."
    assert values(text, friday) == [("Tuesday", "DATE", "2016-07-12")]


def test_the_infinitive_of_a_verb_that_tells_whether_it_happened_takes_its_tense() -> None:
    wednesday = date(2016, 7, 6)
    text = "The union failed to reach a contract on Friday."
    assert values(text, wednesday) == [("Friday", "DATE", "2016-07-01")]
    text = "The union will try to reach a contract on Friday."
    assert values(text, wednesday) == [("Friday", "DATE", "2016-07-08")]
    # a date in a noun of the clause is that noun's, not the verb's
    text = "The bank said it is continuing to try to sell itself, under a June agreement."
    assert values(text, wednesday) == [("June", "DATE", "2016-06")]


def test_a_predicate_adjective_takes_its_verbs_tense() -> None:
    told_in_march = date(2016, 3, 16)
    text = "Democrats say they would be satisfied with her as the nominee in November."
    assert values(text, told_in_march) == [("November", "DATE", "2016-11")]
    text = "His father was tremendously effective throughout the spring."
    assert values(text, date(2016, 1, 12)) == [("the spring", "DATE", "2015-SP")]


def test_a_half_of_the_year_told_in_the_past_before_it_began_is_last_years() -> None:
    told_in_january = date(2016, 1, 29)
    text = "It raised more in the second half of the year than in the first."
    assert values(text, told_in_january) == [("the second half of the year", "DATE", "2015-H2")]
    text = "Sales will rise in the second half of the year."
    assert values(text, told_in_january) == [("the second half of the year", "DATE", "2016-H2")]


def test_a_deadline_set_in_the_past_may_still_lie_ahead() -> None:
    told = date(2016, 2, 23)
    text = "Sullivan set an April 15 deadline for the parties."
    assert values(text, told) == [("April 15", "DATE", "2016-04-15")]
    text = "The group is expected to report before the Sunday deadline."
    assert values(text, told) == [("Sunday", "DATE", "2016-02-28")]


def test_a_weekdays_event_that_a_future_comes_before_lies_ahead() -> None:
    thursday = date(2016, 3, 10)
    text = "He faces questions about whether he’ll drop out before Tuesday’s primary."
    assert values(text, thursday) == [("Tuesday", "DATE", "2016-03-15")]
    text = "He barnstorms the state ahead of Tuesday's primary."
    assert values(text, thursday) == [("Tuesday", "DATE", "2016-03-15")]
    # with no future to go by, the nearest such day
    text = "He barnstormed the state ahead of Tuesday's primary."
    assert values(text, thursday) == [("Tuesday", "DATE", "2016-03-08")]


def test_a_month_a_present_state_is_told_in_is_not_one_long_gone() -> None:
    told_in_april = date(2016, 4, 26)
    text = "They need the supporters whose votes she needs in November."
    assert values(text, told_in_april) == [("November", "DATE", "2016-11")]
    text = "They fear losing Congress if he is at the top of the ticket in November."
    assert values(text, told_in_april) == [("November", "DATE", "2016-11")]
    # a report or a record in the present may be of a month gone by
    text = "In November, a poll found that the public says no."
    assert values(text, told_in_april) == [("November", "DATE", "2015-11")]


def test_a_date_told_with_its_weekday_takes_the_year_that_puts_it_there() -> None:
    told = date(2024, 3, 14)
    text = "Wednesday, November 15th is the day of the vote."
    assert values(text, told) == [("Wednesday, November 15th", "DATE", "2023-11-15")]
    text = "The sanctions came into effect from Thursday, June 13."
    assert values(text, told) == [("Thursday, June 13", "DATE", "2024-06-13")]
    # a weekday no nearby year agrees with leaves the tense to decide
    assert values("The vote was on Tuesday, March 15.", told) == [
        ("Tuesday, March 15", "DATE", "2023-03-15")
    ]


def test_a_present_tense_under_if_or_unless_tells_what_is_yet_to_come() -> None:
    text = "Whatever he does can be overturned if the November election does not go their way."
    assert values(text, date(2016, 3, 4)) == [("November", "DATE", "2016-11")]
    text = "We will appeal because if there is a close election on Tuesday we need clarity."
    assert values(text, date(2016, 3, 11)) == [("Tuesday", "DATE", "2016-03-15")]
    # outside a condition, a present "be" with a weekday is the nearest such day
    text = "There is a close election on Tuesday, the paper says."
    assert values(text, date(2016, 3, 11)) == [("Tuesday", "DATE", "2016-03-08")]


def test_a_month_in_the_clause_a_past_year_dates_is_of_that_year() -> None:
    told = date(2016, 9, 4)
    text = "In 2012, the campaign spent millions on ads in Spanish beginning in April."
    assert values(text, told) == [("2012", "DATE", "2012"), ("April", "DATE", "2012-04")]
    text = "Eight years ago, Obama was on the brink, having won 11 victories in February."
    assert values(text, told)[-1] == ("February", "DATE", "2008-02")
    text = "Obama, in his 2008 campaign, lost more contests than he won after early March."
    assert values(text, told)[-1] == ("early March", "DATE", "2008-03")
    # a coordinated verb, or a year inside a subject, dates nothing else
    text = "Lazar was extradited in 2014 to the United States and pleaded guilty in May."
    assert values(text, told)[-1] == ("May", "DATE", "2016-05")
    text = "The donations from 2010 to 2013 were not reported until Reuters asked in April."
    assert values(text, told)[-1] == ("April", "DATE", "2016-04")
    # a month that modifies a noun is no time in that year: "their June record highs"
    text = "Six states set their June record highs in 1934."
    assert values(text, told)[0] == ("June", "DATE", "2016-06")


def test_a_gerund_after_before_or_since_takes_the_tense_of_its_clause() -> None:
    text = "Clinton quit giving paid speeches before announcing her run in April."
    assert values(text, date(2015, 12, 15)) == [("April", "DATE", "2015-04")]
    text = "Since announcing in October that he would not run, Biden has been loyal."
    assert values(text, date(2016, 8, 17)) == [("October", "DATE", "2015-10")]


def test_a_time_a_when_clause_in_the_past_follows_has_gone_by() -> None:
    text = "The feud echoes a controversy in June when Mr. Trump assailed a judge."
    assert values(text, date(2016, 8, 1)) == [("June", "DATE", "2016-06")]
    text = "Kasich is coming off a strong debate Thursday, when critics called him the grownup."
    assert values(text, date(2016, 3, 4))[0][2] == "2016-03-03"
    # not a past that may be a present ("cast"): the verb's own tense
    text = "She will reach that number on Tuesday, when voters cast ballots."
    assert values(text, date(2016, 6, 3))[0][2] == "2016-06-07"


def test_a_gerund_after_a_preposition_takes_the_tense_of_the_verb_it_hangs_from() -> None:
    told = date(2016, 3, 7)
    text = "Can he succeed in mobilizing new voters in November?"
    assert values(text, told) == [("November", "DATE", "2016-11")]
    text = "The bank earned $40 million for helping the firm sell itself in March."
    assert values(text, date(2016, 1, 7)) == [("March", "DATE", "2015-03")]
    # not a bare participle, which tells no tense: the nearest such month
    text = "With the candidate focused on carrying on through the primaries in June, few talk."
    assert values(text, date(2016, 4, 21)) == [("June", "DATE", "2016-06")]


def test_an_infinitive_under_a_present_looks_ahead() -> None:
    told = date(2016, 3, 23)  # a Wednesday
    text = "He is in a strong position to reel off more victories on Saturday."
    assert values(text, told) == [("Saturday", "DATE", "2016-03-26")]
    assert values("They urge voters to turn out on Saturday.", told) == [
        ("Saturday", "DATE", "2016-03-26")
    ]
    # or under a future ("is calling on the court to review the plan for November")
    text = "The lawsuit is calling on the court to review the plan in November."
    assert values(text, date(2016, 4, 15)) == [("November", "DATE", "2016-11")]
    # under a past, or in a subject, the nearest such day
    assert values("He declined to comment on Saturday.", told) == [
        ("Saturday", "DATE", "2016-03-19")
    ]
    assert values("The failure to act on Saturday is excusable.", told) == [
        ("Saturday", "DATE", "2016-03-19")
    ]


def test_a_date_before_its_noun_is_not_placed_by_a_timetable_present() -> None:
    told = date(2016, 3, 30)
    text = "He faces a count of battery as a result of the March 8 incident."
    assert values(text, told) == [("March 8", "DATE", "2016-03-08")]
    # not one long gone, though
    assert values("Clinton faces the Nov. 8 election with a lead.", told) == [
        ("Nov. 8", "DATE", "2016-11-08")
    ]
    # a date that hangs from the verb itself keeps the timetable
    assert values("The trial opens March 8.", date(2016, 4, 17)) == [
        ("March 8", "DATE", "2017-03-08")
    ]


def test_the_year_next_to_a_year_told_is_that_year() -> None:
    told = date(2015, 12, 30)
    text = "He founded the movement in 2008, the year he returned to teaching."
    assert values(text, told)[-1] == ("the year", "DATE", "2008")
    assert values("Perhaps 2016 will be the year this gets fixed.", told)[-1] == (
        "the year",
        "DATE",
        "2016",
    )
    assert values("Sales rose in the first quarter of the year.", told)[-1][2] == "2015"
    text = "It was 2015, not 2014, which is the year he joined the fund."
    assert values(text, told)[-1] == ("the year", "DATE", "2014")


def test_a_title_given_for_a_year_or_week_is_not_time() -> None:
    told = date(2015, 12, 9)
    assert values("Merkel was named Time's Person of the Year.", told) == []
    assert values("Rubio will be the flavor of the week, he said.", told) == []
    assert values("STAT OF THE WEEK: $43 million in subsidies.", told) == []
    # the year's own events still date
    assert values("It was the corporate scandal of the year.", told)[0][2] == "2015"
    assert values("He was named Person of the Year in 1938.", told)[0][2] == "1938"


def test_a_month_of_that_year_is_of_the_year_told_before_it() -> None:
    text = "The case began in 2014. It ended in January of that year."
    assert values(text, date(2016, 7, 29))[-1] == ("January of that year", "DATE", "2014-01")
    text = "The law passed in 2010. In the spring of that year, the rules changed."
    assert values(text, date(2016, 7, 29))[-1] == ("the spring of that year", "DATE", "2010-SP")


def test_a_weekday_and_its_date_in_brackets_are_one_day() -> None:
    text = "Scholz met Trudeau on Monday (August 22) at the start of a trip."
    assert values(text, date(2022, 8, 24)) == [
        ("Monday", "DATE", "2022-08-22"),
        ("August 22", "DATE", "2022-08-22"),
    ]
    # no year next to the publication year puts August 22 on a Monday: as read
    assert values(text, date(2024, 3, 14)) == [
        ("Monday", "DATE", "2024-03-11"),
        ("August 22", "DATE", "2023-08-22"),
    ]
    text = "The leaders spoke in Bali on Tuesday (November 15), when the summit opened."
    assert values(text, date(2022, 11, 17)) == [
        ("Tuesday", "DATE", "2022-11-15"),
        ("November 15", "DATE", "2022-11-15"),
    ]
    assert values("The vote came on November 15 (Tuesday).", date(2022, 8, 15)) == [
        ("November 15", "DATE", "2022-11-15"),
        ("Tuesday", "DATE", "2022-11-15"),
    ]
    # a year told that does not put the date on the weekday: each is read on its own
    assert values("The vote came on Tuesday (November 15, 2023).", date(2022, 8, 15)) == [
        ("Tuesday", "DATE", "2022-08-09"),
        ("November 15, 2023", "DATE", "2023-11-15"),
    ]
    # with no publication date both are the date, of an unknown year
    assert values("They meet Monday (August 22).", None) == [
        ("Monday", "DATE", "XXXX-08-22"),
        ("August 22", "DATE", "XXXX-08-22"),
    ]


def test_the_last_unit_of_something_is_its_final_one_not_the_one_before_now() -> None:
    told = date(2016, 1, 5)
    text = "He announced the steps in the last year of his presidency."
    assert values(text, told) == [("the last year", "DATE", None)]
    assert values("Sales rose in the last year.", told) == [("the last year", "DATE", "2015")]
    # "last week" after its noun is still the week before: "the announcement last week of a
    # package"
    text = "It followed the announcement last week of a support package."
    assert values(text, told) == [("last week", "DATE", "2015-W53")]


def test_that_month_is_the_month_of_the_year_last_told() -> None:
    told = date(2016, 4, 26)
    text = "In 1972, McGovern ran. He lost the election to Nixon that November, carrying one state."
    assert values(text, told) == [("1972", "DATE", "1972"), ("that November", "DATE", "1972-11")]
    text = "In 1999, the war began. By that Sept. the troops had left."
    assert values(text, told)[1][1:] == ("DATE", "1999-09")
    # the conjunction "that" is not the month's
    assert values("He said that November was the wettest month.", told) == [
        ("November", "DATE", "2015-11")
    ]


def test_this_week_ahead_told_on_a_sunday_is_the_week_that_begins() -> None:
    sunday = date(2016, 7, 24)
    assert values("Gore will skip this week's convention.", sunday) == [
        ("this week", "DATE", "2016-W30")
    ]
    assert values("Trump campaigned in the state this week.", sunday) == [
        ("this week", "DATE", "2016-W29")
    ]


def test_a_feast_takes_its_told_year_and_a_fixed_feast_its_day_without_a_date() -> None:
    assert values("The fire broke out on Christmas Day 2022.") == [
        ("Christmas Day 2022", "DATE", "2022-12-25")
    ]
    assert values("On Christmas Eve, 2019, he vanished.") == [
        ("Christmas Eve, 2019", "DATE", "2019-12-24")
    ]
    assert values("He spent Christmas with family.", None) == [("Christmas", "DATE", "XXXX-12-25")]
    # a feast that moves with the calendar, or one counted from an unknown year, stays open
    assert values("Easter came early.", None) == [("Easter", "DATE", None)]
    assert values("Last Christmas was grim.", None) == [("Last Christmas", "DATE", None)]


def test_could_tells_what_may_yet_happen_and_could_not_what_was_not_done() -> None:
    told = date(2016, 4, 22)
    text = "That dislike could have big consequences in November if he is the nominee."
    assert values(text, told) == [("November", "DATE", "2016-11")]
    assert values("A decision could come as soon as Tuesday.", told) == [
        ("Tuesday", "DATE", "2016-04-26")
    ]
    # the past of "can": what someone could not do, or could sense, has gone by
    assert values("He could not attend on Tuesday.", told) == [("Tuesday", "DATE", "2016-04-19")]
    assert values("I could hardly hear him on Monday.", told) == [("Monday", "DATE", "2016-04-18")]


def test_come_before_a_month_is_when_it_comes() -> None:
    told = date(2016, 6, 15)
    assert values("She is the favourite to win the election come November.", told) == [
        ("November", "DATE", "2016-11")
    ]
    assert values("He had come Monday to see her.", told) == [("Monday", "DATE", "2016-06-13")]
    # as is "going into November"; a weekday keeps its own reading
    march = date(2016, 3, 4)
    text = "The base is not a 51 percent pathway going into November."
    assert values(text, march) == [("November", "DATE", "2016-11")]
    assert values("Going into Tuesday's contests, she held a lead.", march)[0][2] == "2016-03-01"


def test_a_clock_range_keeps_its_ends_in_order_over_one_day_or_overnight() -> None:
    thursday = date(2024, 3, 14)
    assert values("The curfew runs from 10 p.m. to 5 a.m.", thursday) == [
        ("10 p.m.", "TIME", "2024-03-14T22:00"),
        ("5 a.m.", "TIME", "2024-03-15T05:00"),
    ]
    assert values("Polls are open between 10 p.m. and 2 a.m.", thursday)[1] == (
        "2 a.m.",
        "TIME",
        "2024-03-15T02:00",
    )
    assert values("The rally ran from 11 p.m. Friday until 2 a.m.", thursday)[1] == (
        "2 a.m.",
        "TIME",
        "2024-03-09T02:00",
    )
    # a day told with the second clock alone dates the first: that day, or the evening before
    assert values("Trading ran from 9:30 a.m. to 4 p.m. Friday.", thursday)[0] == (
        "9:30 a.m.",
        "TIME",
        "2024-03-08T09:30",
    )
    assert values("The blackout lasted from 11:30 p.m. to 1:15 a.m. Saturday.", thursday)[0] == (
        "11:30 p.m.",
        "TIME",
        "2024-03-08T23:30",
    )
    # a range within one day, and two days each told, stay as they are
    assert values("Shops open between 9 a.m. and 5 p.m.", thursday)[1][2] == "2024-03-14T17:00"
    assert [v for _, _, v in values("It ran from 9 a.m. Friday to 4 p.m. Saturday.", thursday)] == [
        "2024-03-08T09:00",
        "2024-03-09T16:00",
    ]


def test_a_participle_a_causative_verb_governs_takes_its_tense() -> None:
    told = date(2016, 3, 10)
    text = "Florida Republicans will have a chance to make their voice known on Tuesday."
    assert values(text, told) == [("Tuesday", "DATE", "2016-03-15")]
    assert values("He got the bill passed on Friday.", told) == [("Friday", "DATE", "2016-03-04")]


def test_this_past_week_told_at_the_weekend_is_the_week_now_ending() -> None:
    text = "Cruz decided to go after Trump this past week."
    assert values(text, date(2016, 1, 17)) == [("this past week", "DATE", "2016-W02")]  # Sunday
    assert values(text, date(2016, 1, 19)) == [("this past week", "DATE", "2016-W02")]  # Tuesday


def test_a_gerund_a_prospect_is_of_looks_ahead() -> None:
    told = date(2016, 1, 19)
    text = "He is upbeat about Cruz's chances of winning in November."
    assert values(text, told) == [("November", "DATE", "2016-11")]
    # a gerund of another noun keeps its clause's reading
    text = "The cost of campaigning in November was high."
    assert values(text, told) == [("November", "DATE", "2015-11")]


def test_what_someone_would_not_say_was_refused_that_day() -> None:
    wednesday = date(2016, 6, 22)
    text = "Schumer wouldn't say Tuesday how the party would prioritize gun control."
    assert values(text, wednesday) == [("Tuesday", "DATE", "2016-06-21")]
    assert values("He would not comment on Friday.", wednesday)[0][2] == "2016-06-17"
    # what someone would not do lies ahead, as what he would do does
    assert values("He would not attend on Friday, he said.", wednesday)[0][2] == "2016-06-24"
    assert values("He said he would announce it on Friday.", wednesday)[0][2] == "2016-06-24"


def test_a_weekday_and_its_part_of_day_in_the_possessive_read_as_the_weekday_alone() -> None:
    friday = date(2016, 2, 12)
    text = "If you want to understand the meaning of Thursday night's debate, read this."
    assert values(text, friday) == [("Thursday night", "TIME", "2016-02-11TNI")]
    assert values("Analysts will study Thursday night's debate.", friday)[0][2] == "2016-02-11TNI"
    # what a present leads up to lies ahead, as what it comes before does
    text = "As he starts a campaign swing up to Monday night's caucuses, he is popular."
    assert values(text, date(2016, 1, 29))[0][2] == "2016-02-01TNI"
    # so does what a line with no verb leads up to; a past leaves the nearest day
    thursday = date(2016, 4, 14)
    text = "The Latest in the lead up to Tuesday's New York primary (all times Eastern):"
    assert values(text, thursday) == [("Tuesday", "DATE", "2016-04-19")]
    assert values("Polls before Tuesday's primary had her ahead.", thursday)[0][2] == "2016-04-12"


def test_the_weekend_with_no_tense_told_early_in_the_week_is_the_one_just_gone() -> None:
    monday = date(2015, 11, 16)
    text = "Toward the end of the debate over the weekend, she was asked about protests."
    assert values(text, monday) == [("the weekend", "DATE", "2015-W46-WE")]
    assert values("Protests are planned for the weekend.", monday)[0][2] == "2015-W47-WE"


def test_a_past_supposed_under_if_with_would_looks_ahead() -> None:
    told = date(2016, 5, 16)
    text = "He was asked how ties would fare if he won the election on Nov. 8."
    assert values(text, told) == [("Nov. 8", "DATE", "2016-11-08")]
    assert values("If he won in November, he would be the oldest president.", told)[0][2] == (
        "2016-11"
    )
    # a past under "if" with no "would" is a past
    assert values("If he lost on Tuesday, it was the weather.", told)[0][2] == "2016-05-10"


def test_a_quarter_is_a_fraction_unless_a_span_preposition_comes_first() -> None:
    told = date(2016, 5, 17)
    assert values("Just over a quarter, 26 percent, say they will vote for him.", told) == []
    assert values("Turnout fell by between a quarter and a third.", told) == []
    assert values("Sales fell for a quarter.", told) == [("a quarter", "DURATION", "P1Q")]
    # a quarter-century ago is a year, as half a century ago is
    assert values("The show went off the air a quarter-century ago.", told) == [
        ("a quarter-century ago", "DATE", "1991")
    ]
    assert values("It happened a half-century ago.", told)[0][2] == "1966"
    assert values("Its quarter-century low was hit.", told) == [
        ("quarter-century", "DURATION", "P25Y")
    ]


def test_a_plural_noun_tagged_as_a_verb_gives_no_tense() -> None:
    # spaCy tags "wins" a verb; standing as the object, it is the noun, and the past verb above
    # it tells the tense
    told = date(2024, 4, 10)
    text = "Biden celebrated his Tuesday wins in the primaries."
    assert values(text, told) == [("Tuesday", "DATE", "2024-04-09")]
    assert values("The polls open Tuesday.", told)[0][2] == "2024-04-16"


def test_a_future_perfect_looks_ahead() -> None:
    told = date(2015, 11, 18)
    assert values("By Tuesday the troops will have left.", told)[0][2] == "2015-11-24"
    assert values("On Monday, the situation will have changed.", told)[0][2] == "2015-11-23"
    # other perfects after a modal have gone by
    assert values("He must have left on Monday.", told)[0][2] == "2015-11-16"
    assert values("She would have won on Tuesday.", told)[0][2] == "2015-11-17"


def test_a_feast_told_in_the_future_lies_ahead_once_a_week_has_passed() -> None:
    told = date(2015, 11, 18)
    text = "A year from now, on Election Day, the situation will have changed."
    assert values(text, told)[1] == ("Election Day", "DATE", "2016-11-08")
    assert values("Turnout on Election Day was low.", told)[0][2] == "2015-11-03"
    assert values("Stores will be crowded on Christmas Eve.", told)[0][2] == "2015-12-24"


def test_a_clause_the_parser_hangs_from_be_keeps_its_own_tense() -> None:
    told = date(2015, 11, 18)
    text = (
        "Even if she could convince people she's right today, by a year from now, on Election"
        " Day, the situation will have morphed, he said."
    )
    assert values(text, told)[2] == ("Election Day", "DATE", "2016-11-08")
    # a saying verb still takes the date between it and its clause
    assert values("The company said on Tuesday it would cut jobs.", told)[0][2] == "2015-11-17"


def test_a_hyphenated_fraction_and_a_town_quarter_are_not_time() -> None:
    told = date(2016, 3, 1)
    assert values("Six in 10 said so, and three-quarters said the same of him.", told) == []
    assert values("If you read the first three-quarters of his report, it is damning.", told) == []
    assert values("He said one-quarter to one-third of them backed him.", told) == []
    assert values("It must honour its centuries-old Armenian quarter.", told) == []
    # a span's preposition, a fiscal quarter or a slump over two quarters is time
    assert values("Sales fell for three-quarters of a year.", told)[0][1] == "DURATION"
    assert values("It was a two-quarter slump.", told) == [("two-quarter", "DURATION", "P2Q")]
    text = "Its haul in the third fundraising quarter was small."
    assert values(text, date(2015, 11, 23))[0][2] == "2015-Q3"


def test_a_second_before_a_hyphen_a_capital_or_a_figure_is_the_ordinal() -> None:
    told = date(2016, 2, 9)
    for text in (
        "He hoped for a second-place finish.",
        "Immigration is a second- or third-tier issue.",
        "A second CIA officer was hurt.",
        "A second 2,000-acre project was approved.",
        "He clerked for a Second Circuit judge.",
    ):
        assert values(text, told) == [], text
    assert values("Just one minute, come on, one second, alright?", told)[1][2] == "PT1S"


def test_a_programme_in_two_apostrophes_is_not_the_day() -> None:
    told = date(2016, 5, 18)
    assert values("He is joining the ''Today'' show.", told) == []
    assert values("The executive in charge of ''Today,'' wrote to staff.", told) == []
    assert values("''Today, we vote,'' she said.", told)[0][2] == "2016-05-18"


def test_last_and_the_month_just_gone_is_last_years() -> None:
    march = date(2016, 3, 10)
    assert values("A tweet last February made him angry.", march)[0][2] == "2015-02"
    assert values("The court took the case last March.", march)[0][2] == "2015-03"
    assert values("The court took the case last January.", march)[0][2] == "2016-01"
    # over the turn of the year the month just gone is last year's anyway
    assert values("The court took the case last December.", date(2016, 1, 10))[0][2] == "2015-12"


def test_until_after_an_infinitive_takes_the_tense_of_its_verb() -> None:
    told = date(2016, 3, 9)
    text = "The trial is expected to last until September."
    assert values(text, told) == [("September", "DATE", "2016-09")]
    assert values("He stayed until September.", told)[0][2] == "2015-09"


def test_a_feasts_weekend_is_the_weekend_it_falls_in() -> None:
    told = date(2016, 7, 29)
    assert values("She married him on Memorial Day weekend.", told) == [
        ("Memorial Day weekend", "DATE", "2016-W21-WE")  # a Monday: the weekend before it
    ]
    assert values("Over the Easter weekend, fighting paused.", told)[0][2] == "2016-W12-WE"
    text = "Traffic was heavy over the Thanksgiving holiday weekend."
    assert values(text, told)[0][2] == "2015-W48-WE"
    # with no date known, a weekend of an unknown week
    assert values("She married him on Memorial Day weekend.", None)[0][2] == "XXXX-WXX-WE"


def test_what_happened_most_recently_or_as_recently_as_a_day_lies_behind() -> None:
    told = date(2024, 3, 13)  # a Wednesday
    text = "Elections are held every four years, most recently in May."
    assert values(text, told)[-1] == ("May", "DATE", "2023-05")
    assert values("The board meets monthly, most recently on Friday.", told)[-1][2] == "2024-03-08"
    assert values("The sides clashed as recently as December.", told)[-1][2] == "2023-12"
    # the cue alone decides: without it, a present timetable's May is the coming one
    assert values("Elections are held in May.", told)[-1][2] == "2024-05"


def test_a_day_of_next_or_last_month_is_counted_from_the_publication_month() -> None:
    told = date(2024, 3, 13)
    text = "Payments are due on the first of next month."
    assert values(text, told) == [("the first of next month", "DATE", "2024-04-01")]
    assert values("The law changed on the 15th of last month.", told)[0][2] == "2024-02-15"
    assert values(text, None) == [("the first of next month", "DATE", None)]


def test_the_quarter_that_ends_on_a_day_is_the_quarter_holding_that_day() -> None:
    told = date(2024, 5, 10)
    assert values("Profit rose in the quarter ended March 31.", told) == [
        ("the quarter", "DATE", "2024-Q1"),
        ("March 31", "DATE", "2024-03-31"),
    ]
    text = "The company expects a loss for the quarter ending in June."
    assert values(text, told)[0] == ("the quarter", "DATE", "2024-Q2")
    text = "Sales rose in the quarter that ended Sept. 30."
    assert values(text, told) == [
        ("the quarter", "DATE", "2023-Q3"),
        ("Sept. 30", "DATE", "2023-09-30"),
    ]
    # a period that "ended" on a day has ended: not the March 31 still ahead
    text = "Profit rose in the quarter ended March 31."
    assert values(text, date(2024, 3, 13))[1] == ("March 31", "DATE", "2023-03-31")
    # with no date known, the quarter of an unknown year
    assert values(text, None)[0] == ("the quarter", "DATE", "XXXX-Q1")


def test_the_coming_weekend_told_on_a_weekday_ends_this_week() -> None:
    wednesday, saturday = date(2024, 3, 13), date(2024, 3, 16)
    text = "The exhibition opens this coming weekend."
    assert values(text, wednesday) == [("this coming weekend", "DATE", "2024-W11-WE")]
    assert values("It opens the coming weekend.", wednesday)[0][2] == "2024-W11-WE"
    assert values(text, saturday)[0][2] == "2024-W12-WE"  # told on one: the next one
    assert values("It opens next weekend.", wednesday)[0][2] == "2024-W12-WE"
    assert values("The vote is this coming week.", wednesday)[0][2] == "2024-W12"


def test_a_year_end_told_in_the_past_before_december_is_last_years() -> None:
    march, december = date(2024, 3, 13), date(2024, 12, 20)
    text = "By year-end, inflation had eased."
    assert values(text, march) == [("year-end", "DATE", "2023-12-31")]
    assert values(text, december)[0][2] == "2024-12-31"  # told in December: this year's
    assert values("The firm will hit its target by year-end.", march)[0][2] == "2024-12-31"
    # a year the text names comes first
    text = "In 2022, sales rose; by year-end they had doubled."
    assert values(text, march)[-1] == ("year-end", "DATE", "2022-12-31")


def test_every_weekday_with_its_part_of_day_is_one_set() -> None:
    text = "Protesters gather every Friday evening outside parliament."
    assert values(text) == [("every Friday evening", "SET", "XXXX-WXX-5TEV")]
    assert values("The show airs each Sunday night.", None)[0][2] == "XXXX-WXX-7TNI"


def test_a_month_or_day_an_action_in_the_simple_past_took_place_in_has_begun() -> None:
    told = date(2024, 12, 5)
    text = "Parliament passed the budget in January."
    assert values(text, told) == [("January", "DATE", "2024-01")]
    assert values("In January, the council approved the plan.", told)[0][2] == "2024-01"
    assert values("The council approved the plan in December.", told)[0][2] == "2024-12"
    assert values("Parliament passed the budget on January 3.", told)[0][2] == "2024-01-03"
    # a verb that may set the date it names keeps the month's slack after it
    assert values("The council postponed the hearing in January.", told)[0][2] == "2025-01"
    # a verb of saying may carry a month its report looks ahead to
    text = "The company said the plant will close in January."
    assert values(text, told)[0][2] == "2025-01"


def test_a_vote_a_month_names_is_the_coming_one_or_one_just_held() -> None:
    april, january = date(2016, 4, 28), date(2017, 1, 12)
    text = "The win lets her shift focus toward the November election."
    assert values(text, april) == [("November", "DATE", "2016-11")]
    assert values(text, january)[0][2] == "2016-11"  # the one just held
    text = "The inquiry may not be done by the time of the Nov. 8 election."
    assert values(text, april)[0][2] == "2016-11-08"
    text = "He said his loss in November's general election would end the party."
    assert values(text, april)[0][2] == "2016-11"
    # a past verb above it still tells it
    text = "In the district, carried by the governor in February's primary, turnout fell."
    assert values(text, april)[0][2] == "2016-02"
    # no vote: the nearest November
    assert values("The plan for the November meeting is ready.", april)[0][2] == "2015-11"
    # a vote "to win" is one to come, unless what aims at it is told in the past
    text = "He can raise the money necessary to win the nomination and the November election."
    assert values(text, january)[0][2] == "2017-11"
    assert values("He raised money to win the November election.", january)[0][2] == "2016-11"


def test_a_present_progressive_arranges_a_month_day_that_lies_near() -> None:
    thursday = date(2016, 3, 3)
    assert values("The senators are debating the bill on Tuesday.", thursday)[0][2] == (
        "2016-03-08"
    )
    # a month day gone by a few weeks is that day: not one eleven months ahead
    text = "The senator is highlighting his Iowa win over his rival on Feb. 1 in a new ad."
    assert values(text, date(2016, 2, 20))[0][2] == "2016-02-01"
    # a plan still looks ahead
    assert values("He is planning a visit on Feb. 1.", date(2016, 2, 20))[0][2] == "2017-02-01"


def test_what_a_past_verb_made_happen_on_a_date_has_happened() -> None:
    august = date(2016, 8, 10)
    text = "The petition prompted Parliament to call a debate in January on the ban."
    assert values(text, august)[0][2] == "2016-01"
    text = "The fires forced thousands of people to evacuate Saturday."
    assert values(text, date(2024, 3, 14))[0][2] == "2024-03-09"
    # what will be made to happen lies ahead
    text = "The ruling will force the council to hold a new vote in January."
    assert values(text, august)[0][2] == "2017-01"


def test_in_some_quarters_is_among_some_people() -> None:
    assert values("The backlash has been fierce in some quarters.") == []
    assert values("Criticism came from many quarters.") == []
    assert values("Profits fell for several quarters.")[0][1:] == ("DURATION", "PXQ")
    assert values("Sales fell in some quarters of 2019.")[0][:2] == ("some quarters", "DURATION")


def test_a_text_that_names_the_2001_attacks_means_them_by_a_bare_sept_11() -> None:
    march = date(2016, 3, 18)
    text = "Few forget the 9/11 attacks. Many were shocked after Sept. 11 and enlisted."
    assert values(text, march)[1] == ("Sept. 11", "DATE", "2001-09-11")
    # not without the attacks named, nor around the anniversary it may tell of
    assert values("Many were shocked after Sept. 11 and enlisted.", march)[0][2] == "2015-09-11"
    text = "The 9/11 attacks changed the city. She left a memorial event on Sept. 11 early."
    assert values(text, date(2016, 9, 12))[1][2] == "2016-09-11"


def test_a_month_that_names_a_report_has_begun() -> None:
    march = date(2016, 3, 20)
    text = "Candidates must file their February campaign finance reports by Sunday."
    assert values(text, march)[0] == ("February", "DATE", "2016-02")
    text = "Traders get one more data point with the release of the November jobs report."
    assert values(text, date(2015, 12, 1))[0][2] == "2015-11"
    # no report: the tense decides
    assert values("Candidates must attend the February hearing.", march)[0][2] == "2017-02"


def test_a_clock_typed_with_a_space_after_its_colon_keeps_its_minutes() -> None:
    text = "11: 06 a.m.  The campaign is releasing a new ad."
    assert values(text, date(2016, 2, 8)) == [("11: 06 a.m.", "TIME", "2016-02-08T11:06")]


def test_an_amount_of_two_joined_things_a_year_is_a_rate_but_a_year_later_is_a_span() -> None:
    assert values("The house prints 20 magazines and supplements a year.") == []
    text = "She worked there for 20 years and a year later retired."
    assert values(text)[1] == ("a year", "DURATION", "P1Y")
    assert values("It earns $5 million a year after taxes.") == []


def test_checked_expressions_score_by_overlap_and_exact_value(tmp_path: Path) -> None:
    from parallax.eval.time import load_checked, score_checked

    gold_file = tmp_path / "checked.tsv"
    gold_file.write_text(
        "file\tpublished\tstart\tend\ttext\tvalue\tnote\n"
        "a.txt\t2016-09-23\t4\t10\tMonday\t2016-09-26\tthe debate\n"
        "a.txt\t2016-09-23\t20\t24\tJune\t2016-06\t\n"
        "b.txt\t2016-09-23\t0\t6\tFriday\t2016-09-23\t\n",
        encoding="utf-8",
    )
    gold = load_checked(gold_file)
    assert [g.value for g in gold] == ["2016-09-26", "2016-06", "2016-09-23"]
    predicted = {
        "a.txt": [
            Timex("Monday night", 4, 16, "TIME", "2016-09-26TNI"),
            Timex("June", 20, 24, "DATE", "2016-06"),
        ]
    }
    score = score_checked(gold, predicted)
    assert (score.gold, score.found, score.valued) == (3, 2, 1)
    assert score.accuracy == 1 / 3
    assert len(score.errors) == 2
    # "-": the article read undated, and an expression with no value
    gold_file.write_text(
        "file\tpublished\tstart\tend\ttext\tvalue\tnote\n"
        "a.txt\t-\t4\t10\tMonday\tXXXX-WXX-1\t\n"
        "a.txt\t-\t30\t39\tlast week\t-\t\n",
        encoding="utf-8",
    )
    undated = load_checked(gold_file)
    assert [(g.published, g.value, g.article) for g in undated] == [
        (None, "XXXX-WXX-1", "a.txt (undated)"),
        (None, None, "a.txt (undated)"),
    ]
    predicted = {
        "a.txt": [Timex("Monday", 4, 10, "DATE", "2016-09-26")],
        "a.txt (undated)": [
            Timex("Monday", 4, 10, "DATE", "XXXX-WXX-1"),
            Timex("last week", 30, 39, "DATE", None),
        ],
    }
    assert score_checked(undated, predicted).valued == 2
    # "not-time": words that are no time expression, right when nothing overlaps them
    gold_file.write_text(
        "file\tpublished\tstart\tend\ttext\tvalue\tnote\n"
        "a.txt\t2016-09-23\t4\t11\tcurrent\tnot-time\ta current of discontent\n"
        "b.txt\t2016-09-23\t4\t11\tcurrent\tnot-time\t\n",
        encoding="utf-8",
    )
    words = load_checked(gold_file)
    assert [(g.value, g.time) for g in words] == [(None, False), (None, False)]
    predicted = {"a.txt": [Timex("current", 4, 11, "DATE", "PRESENT_REF")]}
    score = score_checked(words, predicted)
    assert (score.gold, score.found, score.valued) == (2, 0, 1)
    assert score.errors == ["a.txt: spurious 'current' PRESENT_REF (no time expression)"]
    # a broken row names its file and line
    gold_file.write_text("file\tpublished\tstart\tend\ttext\tvalue\tnote\na.txt\tnope\n")
    with pytest.raises(ValueError, match=r"checked\.tsv:2"):
        load_checked(gold_file)


def test_checked_texts_come_from_each_source_the_files_name(tmp_path: Path) -> None:
    import json

    from parallax.eval.time import CheckedTimex, _checked_texts, checked_corpus, checked_sources

    (tmp_path / "polnear" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "polnear" / "dev" / "text" / "a.txt").write_text("On Monday.", encoding="utf-8")
    (tmp_path / "semeval2022t8-en").mkdir()
    pair = {"pair_id": "1_2", "text1": "In June.", "text2": "Last week."}
    (tmp_path / "semeval2022t8-en" / "en_en_pairs_with_text.jsonl").write_text(
        json.dumps(pair) + "\n", encoding="utf-8"
    )
    (tmp_path / "article-extraction-benchmark").mkdir()
    page = {"abc": {"articleBody": "On Friday night.", "url": "https://example.org/a"}}
    (tmp_path / "article-extraction-benchmark" / "ground-truth.json").write_text(
        json.dumps(page), encoding="utf-8"
    )
    documents = tmp_path / "semeval2025t10-en" / "train" / "raw-documents"
    documents.mkdir(parents=True)
    (documents / "EN_UA_1.txt").write_text("Title\n\nOn Tuesday.", encoding="utf-8")
    files = [
        "dev/text/a.txt",
        "semeval2022t8-en/1_2/2",
        "article-extraction-benchmark/abc",
        "semeval2025t10-en/EN_UA_1.txt",
    ]
    assert _checked_texts(files, tmp_path) == {
        "dev/text/a.txt": "On Monday.",
        "semeval2022t8-en/1_2/2": "Last week.",
        "article-extraction-benchmark/abc": "On Friday night.",
        "semeval2025t10-en/EN_UA_1.txt": "Title\n\nOn Tuesday.",
    }
    gold = [CheckedTimex(file, None, 0, 1, "x", None) for file in files]
    assert checked_sources(gold, tmp_path) == [
        tmp_path / "article-extraction-benchmark" / "ground-truth.json",
        tmp_path / "polnear",
        tmp_path / "semeval2022t8-en" / "en_en_pairs_with_text.jsonl",
        documents,
    ]
    assert checked_sources(gold[:1], tmp_path) == [tmp_path / "polnear"]
    # the eval table's corpus column
    assert checked_corpus(gold[:1]) == "PolNeAR"
    assert checked_corpus(gold[3:]) == "SemEval-25 T10"
    assert checked_corpus(gold[1:3]) == "Extraction bench. + SemEval-22 T8"
    assert checked_corpus([]) == "other"


def test_what_a_modal_will_do_with_a_days_event_leans_ahead() -> None:
    friday, tuesday = date(2016, 9, 23), date(2016, 9, 27)
    text = "The candidate will probably use Monday's encounter to make news."
    assert values(text, friday)[0][2] == "2016-09-26"  # three days ahead beats four back
    assert values("The firm will appeal Monday's ruling.", tuesday)[0][2] == "2016-09-26"
    # with no modal, news leans back
    text = "The bonds convert at a premium over Monday's closing price."
    assert values(text, friday)[0][2] == "2016-09-19"


def test_the_end_of_the_year_told_in_the_past_before_december_is_last_years() -> None:
    march = date(2016, 3, 17)
    text = "The company sold its shares at the end of the year."
    assert values(text, march) == [("the end of the year", "DATE", "2015")]
    assert values("The plant will open by the end of the year.", march)[0][2] == "2016"
    text = "In 2012, the firm cut 300 jobs and at the end of the year it closed."
    assert values(text, march)[1][2] == "2012"
    assert values(text.replace("In 2012, t", "T"), date(2016, 12, 20))[0][2] == "2016"
    # a decade named before is no year to go by
    text = "The 2020s will be hard. The end of the year has given them a chance."
    assert values(text, date(2015, 12, 8))[1] == ("The end of the year", "DATE", "2015")


def test_a_decade_named_before_is_no_year_to_count_from() -> None:
    text = "Prices rose sharply in the 1990s. That year, the firm closed. By year-end, sales fell."
    found = values(text, date(2016, 3, 17))
    assert found[0] == ("the 1990s", "DATE", "199")
    assert found[1] == ("That year", "DATE", None)  # no year told: not "199"
    assert found[2] == ("year-end", "DATE", "2015-12-31")  # not "199-12-31"


def test_one_day_after_a_modal_or_a_hope_is_some_day_to_come() -> None:
    for text in (
        "Islam will one day be the second largest religion.",
        "It is a road that could one day stretch to Europe.",
        "Researchers hope one day to harness that power.",
        "Division can benefit this country one day.",
    ):
        assert values(text)[0][1:] == ("DATE", "FUTURE_REF"), text
    # a span of one day stays one
    for text in (
        "In one day, we raised $18,000.",
        "The poll arrives just one day after another poll.",
        "It will take one day.",
        "They would need one day.",
        "He said he would stay one day, then leave.",
        "Shares will fall, given that the minister had only been in the job one day.",
    ):
        assert values(text)[0][1:] == ("DURATION", "P1D"), text


def test_the_next_year_told_in_the_past_follows_the_last_date_told() -> None:
    march = date(2016, 3, 3)
    text = "The province introduced the tax in 2008. Rivals fought it in elections the next year."
    assert values(text, march)[-1] == ("the next year", "DATE", "2009")
    text = "The panel was created in May 2014. The next month, a staffer announced a lawsuit."
    assert values(text, march)[-1] == ("The next month", "DATE", "2014-06")
    # what lies ahead still counts from the publication date
    assert values("Officials expect rates to rise over the next year.", march)[0][2] == "2017"


def test_the_fall_of_a_place_and_a_name_with_tomorrow_are_not_time() -> None:
    told = date(2023, 11, 2)
    assert values("It has existed since the fall of the Soviet Union.", told) == []
    assert values("Crowds celebrated the fall of the towers.", told) == []
    assert values("He posted data for the Committee for a Constructive Tomorrow.", told) == []
    # the season, and tomorrow, still are
    assert values("In the fall of 1960, they met.", told)[0][2] == "1960-FA"
    assert values("Sales slowed in the fall of that year.", told)[0][1] == "DATE"
    assert values("We will lose in the fall.", told)[0][2] == "2023-FA"
    assert values("The vote is Tomorrow.", told)[0][2] == "2023-11-03"


def test_formerly_before_a_former_name_is_not_time() -> None:
    assert values("A picture shared on X, formerly Twitter, went viral.") == []
    assert values("The firm (formerly known as Acme) grew.") == []
    assert values("He formerly served as mayor.")[0][1:] == ("DATE", "PAST_REF")


def test_cbs_this_morning_is_a_programme() -> None:
    assert values("Rubio, speaking to \u201cCBS This Morning\u201d, refrained.") == []
    assert values("He said on CBS\u2019s \u201cThis Morning,\u201d that he would.") == []
    assert values("He made the remarks this morning on a call.")[0][1] == "TIME"


def test_a_clock_of_every_weekday_has_no_one_day() -> None:
    found = values("The show airs on Patriot 125 weekdays from 6:00 a.m. to 9:00 a.m. Eastern.")
    assert [v for _, _, v in found] == ["XXXX-XX-XXT06:00", "XXXX-XX-XXT09:00"]
    assert values("It airs nightly at 11 p.m.")[-1][2] == "XXXX-XX-XXT23:00"
    found = values("It airs weekdays from 6:00 a.m.\xa0to 9:00 a.m.\xa0Eastern.")  # no-break spaces
    assert [v for _, _, v in found] == ["XXXX-XX-XXT06:00", "XXXX-XX-XXT09:00"]
    # a clock of one day keeps it
    assert values("The polls close at 8 p.m. on Tuesday.")[0][2] != "XXXX-XX-XXT20:00"


def test_what_a_present_is_done_before_lies_ahead() -> None:
    friday = date(2016, 1, 29)
    text = "It is what she needs, only days before the Iowa caucuses on Monday."
    assert values(text, friday)[-1][2] == "2016-02-01"
    assert values("It is the last debate before Tuesday's primary.", friday)[0][2] == "2016-02-02"
    # what was done before a day may lie either side: the nearest such day
    text = "It was the last debate before Tuesday's primary."
    assert values(text, date(2016, 2, 4))[0][2] == "2016-02-02"
    # a state before the day, now compared, may follow a day gone by
    text = "Nestle's share of 7% before Friday's purchases is far below the leaders'."
    assert values(text, date(1989, 10, 30))[0][2] == "1989-10-27"


def test_a_bare_plural_span_before_an_event_is_a_duration() -> None:
    told = date(2016, 5, 15)
    found = values("WASHINGTON (AP) \u2014 Months after he savaged her, Trump said it.", told)
    assert found == [("Months", "DURATION", "PXM")]
    assert values("Hours later, he left.", told) == [("Hours", "DURATION", "PTXH")]
    assert values("He quit just days before the vote.", told) == [("days", "DURATION", "PXD")]
    # a matter of days, the first days: no span of its own, as TimeBank leaves them
    assert values("It was a matter of days before he left.", told) == []
    assert values("In the first days after the vote he left.", told) == []


def test_super_tuesday_is_the_named_day_of_an_election_year() -> None:
    assert values("He built groups in Super Tuesday states.", date(2016, 2, 9)) == [
        ("Super Tuesday", "DATE", "2016-03-01")
    ]
    assert values("He won on Super Tuesday.", date(2017, 5, 2))[0][2] == "2016-03-01"
    assert values("He will win on Super Tuesday.", date(2019, 5, 2))[0][2] == "2020-03-03"
    assert values("He won on Super Tuesday 2008.", date(2016, 1, 1))[0][2] == "2008-02-05"
    assert values("He won on Super Tuesday.", None)[0][2] is None
    # a good Tuesday is a Tuesday
    found = values("It was another super Tuesday for our campaign.", date(2016, 3, 16))
    assert found == [("Tuesday", "DATE", "2016-03-15")]
    # its year told before it; the second one of a year is another day
    found = values("Kentucky took part in the 1988 Super Tuesday.", date(2016, 5, 18))
    assert found[-1] == ("1988 Super Tuesday", "DATE", "1988-03-08")
    assert values("Right before Super Tuesday 2, she got bad news.", date(2016, 3, 15)) == []


def test_undated_a_date_of_an_unknown_year_is_the_reference_point() -> None:
    text = "It was taken February 27, 2016. Over the weekend, he balked. I disavowed him the day before."
    assert values(text, None)[-1] == ("the day before", "DATE", None)
    text = "He won in 2008. He took office in November, before the year-end deal."
    assert values(text, None)[-1] == ("the year-end", "DATE", None)
    # a date of a known year still is
    assert values("He won in 2008. At the year-end he left.", None)[-1][2] == "2008-12-31"
    # the month of a year told before, read undated as dated
    text = "He ran in 1992. The primaries ended in early June of that year."
    assert values(text, None)[-1] == ("early June of that year", "DATE", "1992-06")


def test_since_a_season_is_the_latest_one_begun() -> None:
    text = "They have been working the state since the spring."
    assert values(text, date(2016, 2, 17)) == [("the spring", "DATE", "2015-SP")]
    assert values("She has told friends since the spring.", date(2016, 9, 1))[0][2] == "2016-SP"


def test_a_season_after_an_infinitive_looks_ahead() -> None:
    # "the fall" hangs from the infinitive through its article's noun: still the verb's own date
    text = "It is a different thing whether he would be able to retain that support in the fall."
    assert values(text, date(2016, 1, 30)) == [("the fall", "DATE", "2016-FA")]
    # a passive infinitive under a present looks ahead as an active one does
    text = "He told Beck that he is making a movie set to be released in the summer."
    assert values(text, date(2015, 12, 19)) == [("the summer", "DATE", "2016-SU")]
    text = "The report, which was to be released in the summer, never came out."
    assert values(text, date(2015, 12, 19)) == [("the summer", "DATE", "2015-SU")]


def test_the_coming_season() -> None:
    text = "Two priorities for the upcoming fall election campaign were harmed."
    assert values(text, date(2016, 7, 25)) == [("the upcoming fall", "DATE", "2016-FA")]
    assert values("They prepared for the coming winter.", date(2016, 7, 25))[0][2] == "2016-WI"
    assert values("This coming spring they vote.", date(2016, 7, 25))[0][2] == "2017-SP"
    assert values("The past spring was dry.", date(2016, 7, 25))[0][2] == "2016-SP"


def test_coordinated_seasons_share_a_year() -> None:
    text = "Trump has enjoyed a lead in polls for much of the fall and winter."
    assert values(text, date(2016, 2, 3)) == [
        ("the fall", "DATE", "2015-FA"),
        ("winter", "DATE", "2015-WI"),
    ]
    # a season that begins earlier in a year than the first is the next year's
    assert values("It ran through the winter and spring.", date(2016, 2, 3))[1][2] == "2016-SP"
    assert values("It ran through the winter and spring.", None)[1][2] == "XXXX-SP"
    # the year told after the second is the first's too
    text = "They met during the spring and fall of 2021."
    assert [v for _, _, v in values(text, date(2016, 2, 3))] == ["2021-SP", "2021-FA"]
    # "fall" the verb is no season
    text = "Prices rise in the spring and fall in the summer."
    assert [t for t, _, _ in values(text, date(2016, 2, 3))] == ["the spring", "the summer"]


def test_later_in_a_season_is_the_year_told_before() -> None:
    text = "He ran in 1992. The primaries ended in early June of that year. Later in the summer, he chose."
    assert values(text, date(2016, 2, 3))[-1] == ("the summer", "DATE", "1992-SU")


def test_more_holidays() -> None:
    dct = date(2016, 2, 18)
    assert values("Bloomberg turned 74 on Valentine's Day.", dct)[0][2] == "2016-02-14"
    text = "The debate was held on the eve of Martin Luther King Day."
    assert values(text, dct) == [("Martin Luther King Day", "DATE", "2016-01-18")]
    assert values("On Martin Luther King Jr. Day they marched.", dct)[0][2] == "2016-01-18"
    assert values("Schools closed on Presidents\u2019 Day.", dct)[0][2] == "2016-02-15"
    # a typographic apostrophe, as many outlets write it
    assert values("It happened on New Year\u2019s Eve.", dct)[0][2] == "2015-12-31"
    assert values("They met on Valentine's Day.", None)[0][2] == "XXXX-02-14"


def test_a_past_holiday_goes_on_with_a_story_long_gone() -> None:
    text = (
        "In 2000, Al Gore distanced himself from Clinton. By Election Day, Clinton was hovering "
        "near 60%."
    )
    assert values(text, date(2016, 8, 10))[-1] == ("Election Day", "DATE", "2000-11-07")
    # ahead, it is the coming one
    text = "In 2000, Al Gore lost. By Election Day, Clinton will be near 60%."
    assert values(text, date(2016, 8, 10))[-1][2] == "2016-11-08"


def test_today_in_a_quotation_counts_from_the_day_it_was_said() -> None:
    text = 'Durbin said on Thursday he "hand-delivered a letter to the attorney general today."'
    assert values(text, date(2015, 12, 4)) == [
        ("Thursday", "DATE", "2015-12-03"),
        ("today", "DATE", "2015-12-03"),
    ]
    text = 'Stevens called it "childish" on Sunday.\n\n"Today he is accepting congratulations," he said.'
    assert values(text, date(2016, 6, 13))[-1] == ("Today", "DATE", "2016-06-12")
    # a day of the event the quotation tells of is not the day it was said
    text = 'He spoke of Tuesday\'s news conference. "What we saw yesterday was odd."'
    assert values(text, date(2016, 7, 6))[-1] == ("yesterday", "DATE", "2016-07-05")
    # nor is "today" outside a quotation
    text = "Durbin said on Thursday he would deliver a letter today."
    assert values(text, date(2015, 12, 4))[-1] == ("today", "DATE", "2015-12-04")


def test_a_season_with_an_indefinite_article() -> None:
    text = "It was her escape from a summer of scandal and falling poll numbers."
    assert values(text, date(2015, 11, 16)) == [("summer", "DATE", "2015-SU")]
    text = "The debate caps a comeback for Clinton after a rocky summer defined by a surge."
    assert values(text, date(2015, 12, 22)) == [("summer", "DATE", "2015-SU")]
    assert values("They prepare for a difficult winter without gas.", date(2024, 3, 14))[0][2] == (
        "2024-WI"
    )
    # a season that only qualifies a noun is no one season
    assert values("He had a summer job.", date(2015, 12, 22)) == []


def test_a_speech_dates_the_quotation_it_holds() -> None:
    text = (
        "Clinton closed her victory speech on Tuesday night with a tribute.\n"
        "\u201cThere is a remarkable young woman here tonight,\u201d Clinton said."
    )
    assert values(text, date(2016, 4, 20))[-1] == ("tonight", "DATE", "2016-04-19")


def test_the_weekend_told_from_monday_to_thursday_is_the_one_just_gone() -> None:
    tuesday, wednesday, friday = date(2016, 9, 6), date(2016, 3, 16), date(2016, 4, 15)
    text = "The conflict continues, with insurgents making major gains over the weekend."
    assert values(text, tuesday) == [("the weekend", "DATE", "2016-W35-WE")]
    text = "Clinton visited the St. Louis area to campaign over the weekend."
    assert values(text, wednesday) == [("the weekend", "DATE", "2016-W10-WE")]
    # unless a modal or a plan tells of the next
    assert values("He will spend the weekend in Iowa.", tuesday)[0][2] == "2016-W36-WE"
    assert values("He won\u2019t spend the weekend in Iowa.", tuesday)[0][2] == "2016-W36-WE"
    # "this weekend" told on a Friday is tomorrow's, whatever the verb
    text = "It set the stage for another likely rout this weekend."
    assert values(text, friday) == [("this weekend", "DATE", "2016-W15-WE")]


def test_a_range_of_counts_written_with_a_dash_is_its_first_count() -> None:
    # as TimeBank gives "two to three weeks" P2W; the dash may be a hyphen or an en dash
    text = "Trump had a moderate risk of a heart attack in the following 3-5 years."
    assert values(text, date(2019, 11, 18)) == [("3-5 years", "DURATION", "P3Y")]
    text = "Eat 60\u201390 minutes before your workout and drink every 2\u20133 hours."
    assert values(text) == [
        ("60\u201390 minutes", "DURATION", "PT60M"),
        ("every 2\u20133 hours", "SET", "PT2H"),
    ]
    # a score is no range
    assert values("The team won 4-1 in two weeks.") == [("two weeks", "DURATION", "P2W")]


def test_shopping_days_after_thanksgiving_and_singles_day() -> None:
    monday = date(2019, 11, 18)
    text = "Black Friday is approaching, but skip the Black Friday rush until Cyber Monday."
    assert [v for _, _, v in values(text, monday)] == ["2019-11-29", "2019-11-29", "2019-12-02"]
    assert values("Alibaba misreported its Singles Day sales.", monday) == [
        ("Singles Day", "DATE", "2019-11-11")
    ]
    assert values("Black Friday is approaching.", None) == [("Black Friday", "DATE", None)]


def test_a_span_closed_up_with_long() -> None:
    assert values("Sign up for the free weeklong trial.") == [("weeklong", "DURATION", "P1W")]
    assert values("It ended a monthslong probe.") == [("monthslong", "DURATION", "PXM")]
    assert values("A daylong meeting and a day-long one.") == [
        ("daylong", "DURATION", "P1D"),
        ("day-long", "DURATION", "P1D"),
    ]


def test_a_weekdays_event_told_in_a_past_relative_clause_has_happened() -> None:
    tuesday = date(2019, 11, 19)
    text = "The Steelers distanced themselves from Thursday night's fight that led to suspensions."
    assert values(text, tuesday) == [("Thursday night", "TIME", "2019-11-14TNI")]
    assert values("They prepared for Thursday's game.", tuesday) == [
        ("Thursday", "DATE", "2019-11-21")
    ]


def test_a_weekday_told_again_with_no_tense_is_the_day_told_before() -> None:
    tuesday = date(2019, 11, 19)
    text = (
        "The fight broke out on Thursday night. "
        "Richardson decided to weigh in on Thursday's fight on Monday."
    )
    assert [v for _, _, v in values(text, tuesday)] == ["2019-11-14TNI", "2019-11-14", "2019-11-18"]
    # not once the text has gone on for more than a few sentences: it may be of another week
    text = "The fight broke out on Thursday night. " + "Fans argued about it. " * 30
    text += "Richardson decided to weigh in on Thursday's fight."
    assert values(text, tuesday)[-1] == ("Thursday", "DATE", "2019-11-21")


def test_a_quarter_named_by_the_month_it_ends_in() -> None:
    told = date(2019, 11, 20)
    text = "A key reason for the rally is the improved September quarter earnings."
    assert values(text, told) == [("September quarter", "DATE", "2019-Q3")]
    assert values("Sales in the December quarter will rise.", told) == [
        ("December quarter", "DATE", "2019-Q4")
    ]
    # a month that ends no quarter is only the month
    assert values("In May, quarter-end sales rose.", told) == [("May", "DATE", "2019-05")]


def test_a_date_the_parse_reads_as_a_noun_s_modifier_keeps_its_verbs_timetable() -> None:
    # "10th" of "October 10th" read as a noun that "October" modifies: no event the date names
    tuesday = date(2019, 11, 19)
    text = "The trek kicks off June 9th and concludes October 10th."
    assert values(text, tuesday) == [
        ("June 9th", "DATE", "2020-06-09"),
        ("October 10th", "DATE", "2020-10-10"),
    ]


def test_a_couple_without_of_counts_two() -> None:
    text = "The singer surprised the audience a couple hours earlier."
    assert values(text) == [("a couple hours earlier", "DURATION", "PT2H")]
    assert values("They are a couple.") == []


def test_a_clock_range_takes_the_day_of_its_first_end() -> None:
    text = "No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the following morning."
    found = values(text, date(2019, 11, 19))
    assert found[:2] == [
        ("10:30 p.m. Aug. 9", "TIME", "2019-08-09T22:30"),
        ("6:30 a.m.", "TIME", "2019-08-10T06:30"),
    ]
    # read undated, the day of no known year all the same
    assert values(text, None)[:2] == [
        ("10:30 p.m. Aug. 9", "TIME", "XXXX-08-09T22:30"),
        ("6:30 a.m.", "TIME", "XXXX-08-10T06:30"),
    ]
    # and a clock after a weekday's part of the day is on that day
    text = "A man was shot Wednesday morning. Around 6:30 a.m. an argument broke out."
    assert values(text, None)[-1] == ("6:30 a.m.", "TIME", "XXXX-WXX-3T06:30")


def test_a_quarter_of_a_game_is_no_time() -> None:
    text = "The Eagles led 14-7 at halftime before scoring 24 points in the third quarter."
    assert values(text) == []
    text = "Profit rose 3 percentage points in the third quarter."
    assert values(text) == [("the third quarter", "DATE", "2020-Q3")]  # told in March 2021


def test_a_weekday_naming_a_thing_is_not_the_timetable_of_a_present() -> None:
    # the present is the writer's, not a timetable of the day the letter names
    text = "I respond to the Tuesday letter from Marge Carnahan."
    assert values(text, date(2020, 1, 1)) == [("Tuesday", "DATE", "2019-12-31")]
    # what a timetable sets for the day still lies ahead
    assert values("The trial opens Monday.", date(2020, 1, 1)) == [("Monday", "DATE", "2020-01-06")]


def test_a_weekday_near_the_same_weekday_told_with_its_date_is_that_day() -> None:
    text = (
        "County under Flood Watch Thursday. The weather service has issued a Flood Watch that "
        "is in effect from Thursday, January 2nd, 2020 at noon."
    )
    assert values(text, date(2020, 1, 1))[0] == ("Thursday", "DATE", "2020-01-02")


def test_the_previous_year_counts_back_from_the_last_date_told() -> None:
    told = date(2019, 11, 20)
    text = "Sales rose in 2017, an increase from the previous year."
    assert values(text, told)[-1] == ("the previous year", "DATE", "2016")
    text = "The company shelved its plans on September 30. He had resigned the previous week."
    assert values(text, told)[-1] == ("the previous week", "DATE", "2019-W39")
    # with no date told before, from the publication date
    text = "Sales rose 4 percent from the previous year."
    assert values(text, told) == [("the previous year", "DATE", "2018")]


def test_todays_life_is_the_present_age_not_the_day() -> None:
    text = "That is part of the reality of today's life on a globalized planet."
    assert values(text, date(2016, 1, 20)) == []


def test_a_clock_before_a_weekday_and_its_date_is_a_time_of_that_day() -> None:
    told = date(2019, 11, 19)
    assert values("Tickets go on sale at 10 a.m. Friday, Dec. 6.", told) == [
        ("10 a.m. Friday, Dec. 6", "TIME", "2019-12-06T10:00")
    ]
    assert values("Doors open at 7 p.m. Tuesday, 4 March 2025.", told) == [
        ("7 p.m. Tuesday, 4 March 2025", "TIME", "2025-03-04T19:00")
    ]
    # with no publication date the year stays unknown, the clock does not
    assert values("Tickets go on sale at 10 a.m. Friday, Dec. 6.", None) == [
        ("10 a.m. Friday, Dec. 6", "TIME", "XXXX-12-06T10:00")
    ]


def test_a_single_unit_counts_one() -> None:
    text = "There hasn't been a single year of revenue gain, not even a single day."
    assert values(text, date(2019, 11, 19)) == [
        ("a single year", "DURATION", "P1Y"),
        ("a single day", "DURATION", "P1D"),
    ]
    assert values("They met every single day.") == [("every single day", "SET", "P1D")]
    assert values("It is a single-minded plan.") == []


def test_a_bare_plural_filled_by_what_follows_of_is_a_span() -> None:
    told = date(2019, 11, 20)
    text = "It will be a police station, after years of debate."
    assert values(text, told) == [("years", "DURATION", "PXY")]
    assert values("Decades of neglect took a toll.", told) == [("Decades", "DURATION", "PXY")]
    assert values("She suffered months of dizziness.", told) == [("months", "DURATION", "PXM")]
    # a named period is no bare span
    assert values("In the early years of the war, they fled.", told) == []


def test_a_span_counted_in_nights_is_as_many_days() -> None:
    told = date(2019, 11, 18)
    assert values("They observed Europa for 17 nights.", told) == [
        ("17 nights", "DURATION", "P17D")
    ]
    assert values("It rained on several nights.", told) == [("several nights", "DURATION", "PXD")]
    assert values("One night he left.", told) == []


def test_current_as_a_name_in_a_list_is_no_time() -> None:
    assert values("Neo-banks with names like Chime, Varo, Current, GoBank grew.") == []
    assert values("The current crisis deepened.") == [("current", "DATE", "PRESENT_REF")]


def test_today_only_is_a_one_day_offer_not_nowadays() -> None:
    told = date(2019, 11, 18)
    text = "Today only, Amazon offers the MacBook for $700."
    assert values(text, told) == [("Today", "DATE", "2019-11-18")]
    assert values("Today, Amazon offers many things.", told) == [("Today", "DATE", "PRESENT_REF")]


def test_soon_after_a_progressive_looks_ahead() -> None:
    told = date(2018, 10, 5)
    assert values("New tasks for the game!\nChallenges coming soon", told)[-1] == (
        "soon",
        "DATE",
        "FUTURE_REF",
    )
    assert values("The store is opening soon.", told) == [("soon", "DATE", "FUTURE_REF")]
    # a step in a story told, or a noun in -ing, is no time ahead
    assert values("The meeting soon turned ugly.", told) == []
    assert values("He was released soon.", told) == []


def test_a_bare_plural_between_an_event_and_after_or_before_is_a_span() -> None:
    told = date(2019, 11, 19)
    assert values("Their release came hours after the swap.", told) == [
        ("hours", "DURATION", "PTXH")
    ]
    assert values("The rally was relocated weeks later.", told) == [("weeks", "DURATION", "PXW")]
    assert values("It is a matter of days before the vote.", told) == []


def test_minutes_and_hours_written_short_are_spans() -> None:
    told = date(2019, 11, 18)
    assert values("Going upstairs was a 30 min activity.", told) == [
        ("30 min", "DURATION", "PT30M")
    ]
    assert values("It is a 2 hr drive.", told) == [("2 hr", "DURATION", "PT2H")]
    assert values("The min wage rose.", told) == []


def test_soon_after_a_modal_earlier_in_its_clause_looks_ahead() -> None:
    told = date(2019, 11, 18)
    text = "Hopefully they can work the kinks out and offer a true high-end experience soon."
    assert values(text, told) == [("soon", "DATE", "FUTURE_REF")]
    text = "He will come. The film was soon released after a long wait for many people."
    assert values(text, told) == []


def test_an_overnight_clock_range_from_29_february_with_no_publication_date() -> None:
    text = "The shift ran from 8 p.m. Feb. 29 to 6 a.m."
    assert [v for _, _, v in values(text, None)] == ["XXXX-02-29T20:00", "XXXX-03-01T06:00"]
    text = "The shift ran from 8 p.m. Feb. 28 to 6 a.m."
    assert [v for _, _, v in values(text, None)] == ["XXXX-02-28T20:00", "XXXX-03-01T06:00"]
