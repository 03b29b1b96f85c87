"""Temporal expressions (TIMEX3) in a clean body, normalized against the publication date.

No PyPI library does this job for English without Java: dateparser and ctparse parse a date
string you already found, and do not find spans, durations, sets, quarters or TimeML values;
HeidelTime and SUTime need a JVM. So the recognizer is a HeidelTime-style rule set written here:
regular expressions over the text find candidates (longest match wins), and each rule's
normalizer computes a TimeML value from the anchor (the publication date), the tense of the
sentence (from spaCy's tags when a parsed `Doc` is given) and the last date mentioned.

Without a publication date, relative expressions stay unresolved (`XXXX-WXX-5`, `XXXX-03`,
`None`): they are never anchored to today or to a file time.

>>> from datetime import datetime
>>> [(t.text, t.type, t.value) for t in extract_timexes("He said on Friday that the vote was last month.", datetime(2021, 3, 10))]
[('Friday', 'DATE', '2021-03-05'), ('last month', 'DATE', '2021-02')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from spacy.tokens import Doc, Token

from parallax.model import Timex
from parallax.nlp.time_calendar import (
    _DAY,
    _MONTH,
    _NUMWORD,
    _ORD,
    _REL,
    _UNIT,
    _WEEKDAY,
    _YEAR,
    Normalizer,
    Tense,
    _Context,
)
from parallax.nlp.time_dates import (
    _century,
    _decade,
    _decade_word,
    _half,
    _holiday,
    _month_day,
    _month_only,
    _numeric_date,
    _period_code,
    _quarter_named,
    _season,
    _spelled_year,
    _the_quarter,
    _year_end,
    _year_only,
    _year_quarter,
)
from parallax.nlp.time_relative import (
    _ago,
    _anaphoric_day,
    _anaphoric_unit,
    _bare_plural,
    _clock,
    _clock_part,
    _deictic_day,
    _edge,
    _overnight,
    _ref,
    _relative_unit,
    _set,
    _span_duration,
    _that_day,
    _the_unit,
    _the_unit_date,
    _this_part,
    _unit_and_half,
    _week_of,
    _weekday,
    _weekend,
    _year_earlier,
)

__all__ = ["extract_timexes"]

# -- rules ---------------------------------------------------------------------------------

_RULES: list[tuple[str, Normalizer]] = [
    (
        r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?:[ T](?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?"
        r"|(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>\d{4}|\d\d)(?: (?P<hh2>\d\d):(?P<mm2>\d\d))?",
        _numeric_date,
    ),
    (
        rf"(?:(?:last|this|next) )?(?P<month>{_MONTH}) (?P<day>{_DAY})(?:,? (?P<year>{_YEAR}))?(?!\d)",
        _month_day,
    ),
    (rf"(?P<day>{_DAY}) (?:of )?(?P<month>{_MONTH})(?:,? (?P<year>{_YEAR}))?", _month_day),
    (
        rf"(?:(?:early|late|mid|the end of|the beginning of|the middle of)[- ])?(?:(?P<rel>last|next|this) )?(?P<month>{_MONTH})(?:,? (?P<year>{_YEAR})| (?P<yrel>last|next|this) year)?",
        _month_only,
    ),
    (
        rf"(?:(?P<clock>(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))? ?(?P<ap>[ap]\.?m\.?)(?: [ECMP][SD]T)?,? )(?:on )?)?"
        rf"(?:(?P<rel>last|next|this|this coming|coming|the previous|the following) )?(?P<weekday>{_WEEKDAY})(?:'s)?"
        rf"(?:(?: (?P<part>morning|afternoon|evening|night))|,? (?P<month>{_MONTH}) (?P<day>{_DAY})(?:,? (?P<year>{_YEAR}))?)?",
        _weekday,
    ),
    (r"(?:this past |the past |the |this |last |next )?(?:weekend)", _weekend),
    (
        r"(?:(?P<rel>last|next|this) )?(?P<holiday>thanksgiving(?: day)?|christmas(?: day| eve)?|new year's(?: day| eve)|independence day|election day|labor day|memorial day|easter(?: sunday)?)",
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
        rf"(?:the |this year's |last year's )?(?:fiscal[- ])?(?:(?P<qrel>last|next|this) )?(?P<ord>{_ORD})[- ](?:fiscal[- ])?quarter(?:,? (?:of )?(?P<year>{_YEAR}))?",
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
        rf"(?:(?P<rel>last|next|this|this past|the|early|late) )(?P<season>spring|summer|fall|autumn|winter)(?: (?:of )?(?P<year>{_YEAR}))?|(?P<season2>spring|summer|fall|autumn|winter) (?:of )?(?P<year2>{_YEAR})",
        _season,
    ),
    (
        r"(?:(?:early|earlier|late|later|mid) )(?P<rel>this|last|next) (?P<unit>week|month|year|decade|century)",
        _edge,
    ),
    (  # "by the end of the year": the year itself, as TimeML writes it
        r"(?:the )?(?:end|beginning|start|middle|rest|remainder|balance) of "
        r"(?P<rel>the|this|next|last) (?P<unit>week|month|year|quarter)(?! (?:before|after)\b)",
        _edge,
    ),
    (
        rf"(?P<num>{_NUMWORD}) (?P<unit>{_UNIT}s?) (?P<dir>ago|earlier|from now|hence)",
        _ago,
    ),
    (rf"(?P<rel>{_REL}) (?P<unit>week|weekend|month|year|quarter|decade|century)", _relative_unit),
    (rf"(?:a|an|one) (?P<unit>{_UNIT}) and a half", _unit_and_half),
    (
        rf"(?:(?:the|over the|in the|for the|the past|the last|the next|the first|the final|the coming|the previous|past|last|next|first|another|an additional) )?(?!(?:1[89]|20)\d\d\b)(?P<num>{_NUMWORD})[- ](?:(?:more|additional|extra|straight|consecutive|full|trading|business|working) )?(?P<unit>{_UNIT}s?)(?:-long)?(?![- ](?:old|quarter|half|earlier|ago))",
        _span_duration,
    ),
    (
        r"(?<=for )(?P<unit>years|months|weeks|days|hours|minutes|decades)|(?:(?<=over )|(?<=within )|(?<=in ))(?P<unit2>years|months|weeks|decades)(?= of| to| ago)",
        _bare_plural,
    ),
    # "the week before" / "the year after" count from another date, not from the DCT
    (r"the (?P<unit>month|week)(?= |[,.;:])(?! (?:before|after|earlier|later)\b)", _the_unit_date),
    (r"the (?P<unit>year)(?= |[,.;:])(?! (?:before|after|earlier|later)\b)", _the_unit),
    (
        rf"fiscal (?P<year>{_YEAR})|(?:the year |mid-|early |late )?(?P<year2>{_YEAR})(?!\d)",
        _year_only,
    ),
    (r"(?:the |mid-|early |late )?(?:(?P<decade>1[89]\d|20\d)0s|'(?P<short>\d)0s)", _decade),
    (
        r"(?:every|each) (?:other )?(?:hour|day|night|week|month|quarter|year|"
        + _WEEKDAY
        + r")|daily|nightly|weekly|monthly|annually|yearly|hourly|"
        + _WEEKDAY
        + "s",
        _set,
    ),
    (
        r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))? ?(?P<ap>[ap]\.?m\.?)(?![a-z])|noon|midnight",
        _clock,
    ),
    (
        r"(?:in )?recent (?:years|months|weeks|days|quarters)|the (?:last|past) few (?:years|months|weeks|days)",
        _ref("PAST_REF"),
    ),
    (r"(?P<unit>years|months|weeks|days|hours|decades)-long", _bare_plural),
    (
        r"(?:the year )?(?P<hi>nineteen|twenty) (?P<lo>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|o[- ](?:one|two|three|four|five|six|seven|eight|nine))"
        r"|(?:the year )?two thousand(?: and (?P<small>one|two|three|four|five|six|seven|eight|nine|ten))?",
        _spelled_year,
    ),
    (r"(?:the )?(?P<ord>\d{1,2})(?:st|nd|rd|th) century", _century),
    (
        r"the (?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        _decade_word,
    ),
    (r"(?:around |at )?(?:the )?(?:year[- ]end|year's end)", _year_end),
    (r"(?:the )?following (?P<unit>year|month)|that (?P<unit2>year)", _anaphoric_unit),
    (
        r"the (?P<rel>following|next|previous) day|the day (?P<rel2>before|after)",
        _anaphoric_day,
    ),
    (
        r"(?:in |over )?(?:the )?coming (?:years|months|weeks|days)|the (?:near|short) term",
        _ref("FUTURE_REF"),
    ),
    (r"(?:in )?past years|in recent times", _ref("PAST_REF")),
    (r"overnight", _overnight),
    (
        r"(?:(?:earlier|later) )?that (?:same )?(?P<part>day|morning|afternoon|evening|night)",
        _that_day,
    ),
    (
        rf"the week of (?P<month>{_MONTH}) (?P<day>{_DAY})(?:,? (?P<year>{_YEAR}))?",
        _week_of,
    ),
    (
        r"now|currently|current|at present|presently|nowadays|these days|at the moment",
        _ref("PRESENT_REF"),
    ),
    (r"recently|recent|lately|the past|formerly|once|earlier", _ref("PAST_REF")),
    (
        r"(?:the |in )(?:near |distant )?future|soon",
        _ref("FUTURE_REF"),
    ),
]

_COMPILED = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE), f) for p, f in _RULES]
_CAPITALIZED_ONLY = {
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
}
_TRAILING = " ,.;:'\""
# "once", "earlier", "current" and "the past" are references only in some contexts
_CONTEXTUAL = {"once", "earlier", "current", "so far", "the past"}


def _sentence_tenses(text: str, doc: Doc | None) -> Callable[[int], Tense]:
    """Tense at a character: that of the verb governing the expression (spaCy's tags), else a
    guess from the words of the sentence when no parse is given."""
    if doc is None:
        return lambda char: _guess_tense(text, char)

    def lookup(char: int) -> Tense:
        span = doc.char_span(char, min(char + 1, len(text)), alignment_mode="expand")
        if span is None or not len(span):
            return "none"
        node = span[0]
        for _ in range(6):
            if node.pos_ in {"VERB", "AUX"}:
                break
            if node.pos_ == "ADJ" and node is not span[0] and node.head is not node:
                return "none"  # "payable Dec. 7", "due in March": the verb's tense is not theirs
            if node.head is node:
                break
            node = node.head
        return _verb_tense(node)

    return lookup


def _verb_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"} or (
        verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)
    ):
        return "future"
    if verb.lemma_ in {"plan", "schedule", "expect", "intend"} or (
        verb.head.lemma_ in {"plan", "schedule", "expect", "intend"}
    ):
        return "future"
    tags = {a.tag_ for a in auxes}
    if tags & {"VBD"} or (verb.tag_ == "VBN" and not words & {"be", "is", "are"}):
        return "past"
    if tags & {"VBZ", "VBP"} and verb.tag_ == "VBG":
        return "future"  # "is meeting Tuesday"
    return "none"


_FUTURE_WORDS = re.compile(
    r"\b(?:will|'ll|shall|scheduled|plans? to|expected to|is to|are to)\b", re.I
)
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|\w+ed)\b", re.I)


def _guess_tense(text: str, char: int) -> Tense:
    start = max(text.rfind(". ", 0, char), text.rfind("\n", 0, char), 0)
    end_candidates = [i for i in (text.find(". ", char), text.find("\n", char)) if i != -1]
    sentence = text[start : min(end_candidates) if end_candidates else len(text)]
    if _FUTURE_WORDS.search(sentence):
        return "future"
    return "past" if _PAST_WORDS.search(sentence) else "none"


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found = []
    for order, (pattern, _) in enumerate(_COMPILED):
        for m in pattern.finditer(text):
            if not m.group(0).strip():
                continue
            first = m.group(0).split()[0].rstrip(".,")
            if first.casefold() in _CAPITALIZED_ONLY and not first[:1].isupper():
                continue
            month = m.groupdict().get("month")
            if month and not month[:1].isupper():
                continue  # "march", "may": verbs unless capitalized
            if month and m.group(0).strip() == month and _name_not_month(text, m.end(), month):
                continue
            found.append((m.start(), m.end(), order, m))
    return found


def _name_not_month(text: str, end: int, month: str) -> bool:
    """A bare month word that is more likely a name: an abbreviation without its period ("Jan",
    "Dec"), or June / July / May followed by a capitalized word ("June Carter").

    >>> _name_not_month("Jan said no", 3, "Jan"), _name_not_month("in June and", 7, "June")
    (True, False)
    >>> _name_not_month("June Carter sang", 4, "June")
    True
    """
    if month.casefold() not in {"june", "july", "may"}:
        return len(month) <= 4
    following = text[end : end + 2]
    return len(following) == 2 and following[0] == " " and following[1].isupper()


def _select(
    found: list[tuple[int, int, int, re.Match[str]]],
) -> list[tuple[int, int, int, re.Match[str]]]:
    """Leftmost-longest, non-overlapping; an earlier rule wins a tie."""
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for cand in found:
        if chosen and cand[0] < chosen[-1][1]:
            continue
        chosen.append(cand)
    return chosen


def extract_timexes(
    text: str, published: datetime | date | None, *, doc: Doc | None = None
) -> list[Timex]:
    """TIMEX3 expressions of `text`, normalized against `published` (None: left unresolved)."""
    dct = published.date() if isinstance(published, datetime) else published
    ctx = _Context(dct)
    tense_at = _sentence_tenses(text, doc)
    result: list[Timex] = []
    for start, end, order, m in _select(_candidates(text)):
        normalize = _COMPILED[order][1]
        surface = text[start:end]
        while surface and surface[-1] in _TRAILING and not surface.endswith(("a.m.", "p.m.")):
            surface, end = surface[:-1], end - 1
        if surface.casefold() in _CONTEXTUAL and not _contextual_ok(text, start, end):
            continue
        if _not_time(text, surface, start, end):
            continue
        kind, value = normalize(m, ctx, _cue_tense(text, start) or tense_at(start))
        if kind == "DURATION" and _is_rate(text, surface, start):
            kind = "SET"  # "$2 million a year", "twice a week": per year, per week
        if value is None and normalize is _that_day:
            continue  # "that day" with no date before it is a generic day, not a reference
        merged = _merge_clock(text, result[-1] if result else None, start, end, kind, value)
        if merged is not None:
            result[-1] = merged
            continue
        if kind == "DATE" and value and value[:1].isdigit():
            ctx.last = value
            if re.fullmatch(r"\d{4}-Q\d", value) and normalize is _quarter_named:
                ctx.quarter = value
        result.append(Timex(surface, start, end, kind, value))
    return result


_UNTIL = re.compile(r"\b(?:until|till|untill)\s+(?:the\s+)?$", re.IGNORECASE)
_SINCE = re.compile(
    r"\bsince\s+(?:(?:shortly|just|soon|right)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _cue_tense(text: str, start: int) -> Tense | None:
    """A preposition that overrides the verb's tense: "since Dec. 2" lies behind; "until
    Friday" is the nearest Friday, ahead or behind, since its verb's tense says little ("was
    adjourned until Friday" looks ahead, "until Thursday, they had not" back)."""
    before = text[max(0, start - 40) : start]
    if _UNTIL.search(before):
        return "none"
    if _SINCE.search(before):
        return "strictly past"
    return None


_JOINER = re.compile(r"^,? ?(?:(?:[ECMP][SD]T|GMT|local time),? )?(?:on |at )?$", re.IGNORECASE)
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _merge_clock(
    text: str, previous: Timex | None, start: int, end: int, kind: str, value: str | None
) -> Timex | None:
    """`5 p.m. EST Nov. 9`, `noon Saturday`, `Friday at 3 p.m.`: one TIME on that day."""
    if previous is None or not value or not previous.value:
        return None
    between = text[previous.end : start]
    if not _JOINER.match(between):
        return None
    first, second = previous.value, value
    if previous.type == "TIME" and "T" in first and kind == "DATE" and _FULL_DATE.match(second):
        clock = first.split("T", 1)[1]
    elif kind == "TIME" and "T" in second and previous.type == "DATE" and _FULL_DATE.match(first):
        clock, second = second.split("T", 1)[1], first
    else:
        return None
    return Timex(text[previous.start : end], previous.start, end, "TIME", f"{second}T{clock}")


_FRACTION = re.compile(r"(?:quarters?|half|halves)$", re.IGNORECASE)
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|trillion|percent|times|twice|once)\s+$", re.IGNORECASE
)


def _not_time(text: str, surface: str, start: int, end: int) -> bool:
    """A fraction: "three-quarters of its food", "a quarter of the market"."""
    if _FRACTION.search(surface) and text[end : end + 4].casefold() == " of ":
        return re.split(r"[- ]", surface.casefold())[0] in {"a", "one", "two", "three"}
    return False


def _is_rate(text: str, surface: str, start: int) -> bool:
    """`a year` / `per week` after an amount ("$2 million a year", "twice a week"): a rate, not
    a span of time."""
    words = surface.casefold().split()
    if len(words) != 2 or words[0] not in {"a", "an", "per"}:
        return False
    return bool(_RATE_BEFORE.search(text[max(0, start - 30) : start]))


def _contextual_ok(text: str, start: int, end: int) -> bool:
    word = text[start:end].casefold()
    after = text[end : end + 12].casefold()
    before = text[max(0, start - 40) : start].casefold()
    if word == "earlier":
        return after.startswith((",", ".", " this", " in")) or before.endswith(
            ("said ", "announced ")
        )
    if word == "once":
        return False
    if word == "current":
        return not after.startswith((" account", " events", " affairs"))
    if word == "so far":
        return True
    return not after.startswith(" year")
