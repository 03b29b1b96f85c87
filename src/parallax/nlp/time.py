"""Temporal expressions (TIMEX3) in a clean body, normalized against the publication date.

No PyPI library does this job for English without Java: dateparser and ctparse parse a date
string you already found, and do not find spans, durations, sets, quarters or TimeML values;
HeidelTime and SUTime need a JVM. So the recognizer is a HeidelTime-style rule set written here:
regular expressions over the text (`time_rules`) find candidates (longest match wins), and each rule's
normalizer computes a TimeML value from the anchor (the publication date), the tense of the
sentence (from spaCy's tags when a parsed `Doc` is given) and the last date mentioned.

Without a publication date, relative expressions stay unresolved (`XXXX-WXX-5`, `XXXX-03`,
`None`): they are never anchored to today or to a file time.

>>> from datetime import datetime
>>> [(t.text, t.type, t.value) for t in extract_timexes("He said on Friday that the vote was last month.", datetime(2021, 3, 10))]
[('Friday', 'DATE', '2021-03-05'), ('last month', 'DATE', '2021-02')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Token

from parallax.model import Timex
from parallax.nlp.time_calendar import (
    _DAY,
    _FULL_DAY,
    _MONTH,
    _MONTH_VALUE,
    _SEASON_START,
    _WEEKDAY,
    _WEEKDAY_SHORT,
    _ZONE,
    MONTHS,
    SEASONS,
    Tense,
    _Context,
    _day_next_to,
    _shift_month,
)
from parallax.nlp.time_dates import _decade, _month_only, _new_decade, _quarter_named
from parallax.nlp.time_relative import _that_day, _weekday, _weekday_key, _year_of_weekday
from parallax.nlp.time_rules import CAPITALIZED_ONLY, COMPILED, RULES, scan

__all__ = ["extract_timexes", "writes_day_first"]

_TRAILING = " ,.;:'\""
# a period that belongs to the expression: "10 a.m.", "on Tues."
_KEEP_PERIOD = re.compile(rf"(?:[ap]\.m|\b{_WEEKDAY_SHORT})\.\Z", re.IGNORECASE)
# "once", "earlier", "current", "the past", "recently", ... are references only in some contexts
_CONTEXTUAL = {"once", "earlier", "current", "so far", "the past", "soon", "recently", "formerly"}


def _token_at(doc: Doc | None, char: int) -> Token | None:
    """The parsed token at a character, if any (`doc.text` is not read: it is built anew on
    each access)."""
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_month(token: Token) -> bool:
    """Whether a token names a month ("April", "Sept.")."""
    return token.lower_.rstrip(".") in MONTHS


def _month_word(doc: Doc, first: Token, end: int) -> Token:
    """The month name of an expression that begins with a modifier ("mid-April", "early April",
    "the end of April": "April"); else its first token."""
    for token in doc[first.i : first.i + 6]:
        if token.idx >= end:
            break
        if _is_month(token):
            return token
    return first


def _sentence_tenses(text: str, doc: Doc | None) -> Callable[[int, int], Tense]:
    """Tense of the expression at `text[char:end]`: that of the verb governing it (spaCy's
    tags), else a guess from the words of the sentence when no parse is given."""
    if doc is None:
        return lambda char, end: _guess_tense(text, char)

    def lookup(char: int, end: int) -> Tense:
        node = _token_at(doc, char)
        if node is None:
            return "none"
        month = _month_word(doc, node, end)  # what the month rules read
        tense = governing(node, end, month)
        if tense.endswith("past") and _names_deadline(node):
            return "none"  # "set an April 15 deadline": set before it falls
        vote = _vote_named(month)
        if (
            tense in {"none", "present"}
            and vote is not None
            and _prospective_infinitive(_verb_above(vote))
        ):
            return "future"  # "the money necessary to win the November election": one to come
        if tense == "none" and vote is not None and not _told_past(_verb_above(vote)):
            return "present"  # "toward the November election", told in April: not last year's
        if tense in {"future", "none", "present"} and _names_a_report(month):
            return "past"  # "must file their February reports", told in March: last month's
        return tense

    def governing(node: Token, end: int, date: Token) -> Tense:
        first = node
        if node.dep_ == "compound" and node.head.dep_ == "poss" and node.head.idx < end:
            node = node.head  # "Thursday night's debate": the possessive is the expression's
        if node.dep_ == "poss":
            # "Tuesday's primaries": the noun's own time, not the clause's; but what a simple
            # past tells of it has happened ("Friday's vote was a setback")
            noun = node.head
            prep = noun.head.head if noun.head.lower_ == "of" else noun.head  # "ahead of"
            up_to = prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "up"
            if noun.dep_ == "pobj" and (prep.lower_ in _BEFORE_EVENT or up_to):
                return _before_event(prep)
            if noun.dep_ not in {"nsubj", "nsubjpass"}:
                if any(c.dep_ == "relcl" and _simple_past(c) for c in noun.children):
                    return "past"  # "Thursday night's fight that led to suspensions": it was
                # the nearest such day; what a modal will do with it leans ahead, not back
                # ("will use Monday's encounter", told on Friday: three days ahead beats four
                # back; "will appeal Monday's ruling", told on Tuesday, is still yesterday)
                modal = _has_modal(_verb_above(noun))
                return "present" if modal and noun.dep_ == "dobj" else "none"
            if _simple_past(noun.head):
                return "past"
            # a plan for it lies ahead ("Sunday's election is expected to be close"); a modal
            # tells of its outcome, which may follow a day gone by ("Monday's decision will
            # reverberate", told on Tuesday): the nearest such day
            planned = _is_planner(noun.head) and not _told_past(noun.head)
            # but what the day itself will be lies ahead, as for "the debate on Monday will be
            # his first": "Monday's debate will be his first", told on Friday
            return "future" if planned or _will_be(noun.head) else "none"
        event = node.head.head if node.dep_ == "pobj" and node.head.lower_ == "on" else None
        if event is not None and event.dep_ == "pobj" and event.head.lower_ in _BEFORE_EVENT:
            return _before_event(event.head)  # "only days before the caucuses on Monday"
        below = node
        for _ in range(6):
            if _is_verb(node):
                if _scheduled_by_be(node, below):
                    return "future"
                if _done_on(node, below, date) or _had_done_by_month(node, date):
                    return "strictly past"
                node = _saying_verb(node, first)
                if _told_in_month(node, below, date):
                    return "strictly past"
                break
            if _outcome_of_a_day(node, below, first):
                return "none"
            below = node
            # "early" of "early March" is no head; "the first" of "meet for the first of three
            # debates Monday" stands as a noun, and its verb tells the tense
            if node.pos_ == "ADJ" and node.i != first.i and node.dep_ not in _NOMINAL:
                # "payable Dec. 7", "due in March": the verb's tense is not theirs, but a date
                # something is due on lies ahead unless a past verb tells it ("was due Friday")
                if node.lower_ in _AHEAD_ADJ and _verb_tense(node.head) != "past":
                    return "future"
                if node.lower_ not in _AHEAD_ADJ and node.dep_ == "acomp":
                    # a predicate adjective takes its verb's tense ("would be satisfied with
                    # her as the nominee in November", "was higher in March")
                    node = node.head
                    continue
                return "none"
            if node.head.i == node.i:  # the root (a fresh `Token` each time: `is` never holds)
                break
            node = node.head
        # the date hangs from the verb itself, alone or through its preposition ("failed to
        # reach a deal on Friday"), not from a noun in its clause ("to sell itself under a
        # June agreement")
        top = _expression_head(first, end)
        direct = below.i == top.i or (below.dep_ == "prep" and top.head.i == below.i)
        if _caused_state(node):
            node = node.head  # "to make their voice known on Tuesday": the making's tense
        tense, teller = _clause_verb(node, implicative=direct)
        if tense == "future" and direct and _is_month(date) and _progressive(teller):
            # "is meeting on March 3" is an arrangement, which lies near: not eleven months
            # ahead ("is highlighting his Iowa win on Feb. 1", told Feb. 20, is that Feb. 1)
            return "present"
        if tense == "none" and direct and _stative_present(node):
            return "present"  # "the votes she needs in November": not one long gone
        if tense == "none" and direct and _prospective_infinitive(node):
            return "future"  # "is in a position to reel off victories on Saturday"
        if tense == "future" and _names_a_noun(first, end) and _bare_present(node):
            # "faces a count as a result of the March 8 incident", "I respond to the Tuesday
            # letter": the timetable reading of a present is the verb's, not that of the event
            # or thing its date names, which may have gone by (though not long ago: "faces the
            # Nov. 8 election", told in March)
            return "present"
        return tense

    return lookup


_NOMINAL = {"pobj", "dobj", "nsubj", "nsubjpass"}  # where an adjective stands as a noun


def _expression_head(first: Token, end: int) -> Token:
    """The token of the expression from `first` to `end` that hangs from what lies outside
    it: "fall" of "the fall", "March" of "early March"."""
    node = first
    for _ in range(4):
        head = node.head
        if head.i == node.i or not first.idx <= head.idx < end:
            break
        node = head
    return node


_MODAL = {"will", "'ll", "would", "may", "might", "could", "can", "should", "must"}


def _outcome_of_a_day(noun: Token, below: Token, day: Token) -> bool:
    """ "Her victories on Tuesday will accelerate that shift": what a modal tells of a
    subject's weekday is its outcome, which may follow a day gone by, as for "Monday's
    decision will reverberate" (told on Thursday): the nearest such day. Not a plan ("the
    vote on Tuesday is expected to be close"), what the day itself will be ("the vote on
    Tuesday will be close", "will be held"), nor a month ("the election in November will
    be close" lies ahead)."""
    if not re.fullmatch(_WEEKDAY, day.text, re.IGNORECASE):
        return False
    if noun.dep_ != "nsubj" or below.dep_ != "prep" or below.head.i != noun.i:
        return False
    verb = noun.head
    return _has_modal(verb) and not _will_be(verb) and not _is_planner(verb)


# a vote held on a date set ahead, which a month names ("the November election")
_VOTES = {"election", "primary", "caucus", "ballot", "referendum", "runoff", "plebiscite", "vote"}


def _vote_named(month: Token) -> Token | None:
    """The vote a month names, if any: "the November election", "November's general
    election", "the Nov. 8 election", "the election in November". With nothing to tell its
    tense, such a vote is the coming one or one just held, not one long gone: elections are
    talked of for months before and only weeks after ("toward the November election", told in
    April, is this November; told in January, the one just held). A past verb above it still
    dates it ("the district, carried by Trump in February's primary", told in April)."""
    if not _is_month(month):
        return None
    if month.dep_ in {"nmod", "compound", "amod", "poss"}:
        noun = month.head
    elif month.dep_ == "pobj" and month.head.lower_ in {"in", "on"}:
        noun = month.head.head
    else:
        return None
    vote = noun.pos_ in {"NOUN", "PROPN"} and noun.lemma_.lower() in _VOTES
    return noun if vote else None


# what counts or tells of a period gone by, which a month names ("the June jobs report")
_REPORTS = {"report", "survey", "poll", "figure", "data", "number", "statistic", "filing"}


def _names_a_report(month: Token) -> bool:
    """Whether a month names a report of its own period ("the November jobs report", "a
    February survey", "their February campaign finance reports"): a report comes out as its
    month ends or after, so the month is one that has begun, whatever the clause's tense
    ("must file their February reports", told in March)."""
    if not _is_month(month) or month.dep_ not in {"nmod", "compound", "amod", "poss"}:
        return False
    noun = month.head
    while noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "February campaign finance reports"
    return noun.pos_ in {"NOUN", "PROPN"} and noun.lemma_.lower() in _REPORTS


def _has_modal(verb: Token) -> bool:
    """Whether a modal ("will", "could", ...) stands before the verb."""
    return any(c.dep_ == "aux" and c.lower_ in _MODAL for c in verb.children)


def _will_be(verb: Token) -> bool:
    """ "will be", "could be": a modal before the verb "be" itself (not a passive's)."""
    return _lemma(verb) == "be" and _has_modal(verb)


def _names_a_noun(date: Token, end: int) -> bool:
    """Whether a date stands before a noun it modifies ("the March 8 incident"), one after
    the expression ending at `end` (not "10th" of "concludes October 10th", which the parse
    may read as a noun that "October" modifies)."""
    noun = date.head
    return (
        date.dep_ in {"nmod", "compound", "amod"}
        and noun.pos_ in {"NOUN", "PROPN"}
        and noun.idx >= end
    )


def _prospective_infinitive(verb: Token) -> bool:
    """An infinitive under a present ("has a chance to win", "urge voters to turn out", "is
    ready to vote") or a future ("would like to see him win"): what it tells lies ahead; not
    under a past ("declined to comment", "went there to meet"), nor in a subject, which may
    tell of anything. A passive infinitive too ("a movie set to be released in the summer")."""
    passive = verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children
    )
    if not (verb.tag_ == "VB" or passive) or verb.head.i == verb.i:
        return False
    if verb.head.dep_ in {"nsubj", "nsubjpass"}:
        return False  # "The failure to comprehend the threat before Sept. 11 is excusable"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    above = _verb_above(verb.head)
    return above.pos_ in {"VERB", "AUX"} and (
        _bare_present(above) or _verb_tense(above) == "future"
    )


def _bare_present(verb: Token) -> bool:
    """A present simple with no auxiliary ("faces", "holds")."""
    return _present_tag(verb) in {"VBZ", "VBP"} and not _has_aux(verb)


def _has_aux(verb: Token) -> bool:
    """Whether the verb has an auxiliary ("will", "has", "was", "to", ...)."""
    return any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


_BEFORE_EVENT = {"before", "ahead", "until", "till", "by"}


def _before_event(prep: Token) -> Tense:
    """The tense of an event something is done before (`prep`: "before", "ahead" of, "by",
    ...). What a future or a present is done before lies ahead: "whether he'll drop out before
    Tuesday's primary", "will campaign ahead of Tuesday's primary", "what she needs, only days
    before the caucuses on Monday"; so does what a line with no verb leads up to ("The Latest
    in the lead up to Tuesday's New York primary"); what a past was done before may lie either
    side: the nearest such day."""
    above = _verb_above(prep)
    if above.pos_ not in {"VERB", "AUX"}:
        return "future"
    if _clause_tense(above) == "future":
        return "future"
    return "future" if _bare_present(above) and not _in_subject(prep, above) else "none"


def _in_subject(node: Token, verb: Token) -> bool:
    """Whether `node` lies in `verb`'s subject ("Nestle's share before Friday's purchases is
    far below": a state before the day, now compared, so the day may have gone by)."""
    for _ in range(8):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ in _SUBJECT_DEPS and node.head.i == verb.i:
            return True
        node = node.head
    return False


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def _names_deadline(date: Token) -> bool:
    """ "an April 15 deadline", "Friday's deadline": the date is a deadline's, which the past
    tense of setting (or meeting) it does not place."""
    return date.dep_ in {"compound", "nmod", "poss"} and date.head.lemma_ == "deadline"


# verbs of telling: what they were told in has gone by, whatever they tell of
_TELLING = {
    "say", "tell", "announce", "report", "write", "add", "confirm", "warn", "state", "claim",
    "note", "declare", "explain", "insist", "argue", "reveal", "disclose",
}  # fmt: skip
# verbs whose date may be the one they set or tell, not the day they were done on
_NOT_DONE_ON = _TELLING | {
    "predict", "promise", "set", "extend", "postpone", "delay", "move", "schedule", "plan", "fix",
    "call", "agree", "approve", "order", "decide", "expect", "propose", "push", "bring", "put",
    "give", "offer",
}  # fmt: skip


def _done_on(verb: Token, below: Token, date: Token) -> bool:
    """ "The summit took place on June 12", "the plant was closed in June": an event told in
    the simple past, its month or date hanging from its verb by "on", "in" or "during", lies
    on or before the publication date. Not so for a verb that tells a date, nor for one that
    may set it unless the date stands before it ("In October, the council approved the
    plan"; but "postponed the hearing in January" may put it ahead)."""
    if not _is_month(date) and not date.like_num:
        return False  # a weekday told in the past may be today's
    if below.dep_ != "prep" or verb.lemma_ in _TELLING:
        return False
    if verb.lemma_ in _NOT_DONE_ON and date.i > verb.i:
        return False  # "postponed the hearing in January": maybe the date it sets
    if not any(c.dep_ == "pobj" and c.i in {date.i, date.head.i} for c in below.children):
        return False  # "in the week after the vote on June 12": another date's preposition
    if below.lower_ not in {"on", "in", "during"}:
        return False
    if _simple_past(verb):
        return True
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBN" and auxes in (["was"], ["were"])  # "was closed in June"


def _told_in_month(verb: Token, below: Token, date: Token) -> bool:
    """ "The union said in June it would strike": the month a statement was made in, told in
    the simple past before what was said, has begun by the publication date (so told on May
    15 it is last year's June). A day keeps the month's slack ("said on Oct. 26", a wire
    dated a day early), as does a month after the clause ("said it would strike in June")."""
    if not _simple_past(verb) or verb.lemma_ not in _TELLING:
        return False
    if below.lower_ != "in" or below.dep_ != "prep" or not _is_month(date):
        return False
    if any(c.dep_ in {"nummod", "npadvmod"} and c.like_num for c in date.children):
        return False  # "in June 12"
    clauses = [_clause_start(c) for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
    return not any(i < date.i for i in clauses if i > verb.i)


def _had_done_by_month(verb: Token, date: Token) -> bool:
    """ "By April, the company had hired 200 workers": a month the past perfect tells of had
    begun before the telling, however near it lies (the past tense's slack is for a reporting
    verb's tense). Not a verb that sets a date ("had delayed the vote to April"), nor a day
    or a weekday ("by Friday ... had risen" is often the publication day)."""
    if verb.tag_ != "VBN" or verb.lemma_ in _NOT_DONE_ON:
        return False
    if not any(c.lower_ == "had" and c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if not _is_month(date):
        return False
    return not any(c.like_num for c in date.children)  # "by April 3": a day keeps its slack


def _clause_start(verb: Token) -> int:
    """Where a clause begins, leaving out adjuncts the parser hung from its verb ("said in
    June it would strike": "it")."""
    opening = {"nsubj", "nsubjpass", "mark", "aux", "auxpass", "expl"}
    return min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in opening])


def _simple_past(verb: Token) -> bool:
    """A past simple with no auxiliary ("won"), not a supposition ("if he won")."""
    return (
        verb.tag_ == "VBD"
        and not _has_aux(verb)
        and not _supposed(verb)
        and not _base_read_as_past(verb)
    )


def _base_read_as_past(verb: Token) -> bool:
    """A past that is also the base form, joined to a bare verb: that base ("may backfire and
    cost her party seats on March 13")."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ == "conj"
        and verb.lower_ == verb.lemma_
        and verb.head.tag_ == "VB"
        and verb.head.i < verb.i
    )


def _saying_verb(verb: Token, date: Token) -> Token:
    """ "The company said on Tuesday it would cut jobs": a date between a verb and the subject
    of the clause it governs belongs to that verb, though the parser may hang it from the
    clause ("would cut"), whose tense would put Tuesday ahead. A "be" the parser hangs the
    clause from says nothing ("she's right today, by a year from now, on Election Day, the
    situation will have changed")."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i >= date.i or head.pos_ not in {"VERB", "AUX"}:
        return verb
    if _lemma(head) == "be":
        return verb
    opening = [c.left_edge.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "mark"}]
    return head if opening and date.i < min(opening) else verb


def _scheduled_by_be(verb: Token, below: Token) -> bool:
    """ "The vote is in December", "the next session is on Monday": a present "be" whose only
    complement is the date tells when something is set to happen, which lies ahead. With
    another complement the date may be that of a figure ("the rate is 3% in March")."""
    return (
        verb.lemma_ == "be"
        and verb.tag_ in {"VBZ", "VBP"}
        and below.dep_ == "prep"
        and below.lower_ in {"on", "in", "at"}
        and not any(
            c.dep_ in {"aux", "auxpass", "neg", "attr", "acomp", "npadvmod", "dobj"}
            or (c.dep_ == "prep" and c.i != below.i)
            for c in verb.children
        )
    )


def _until_tense(doc: Doc | None, char: int) -> Tense:
    """Where "until <day>" lies, from its verb: a state that ended lies behind ("the truce
    lasted until Friday"), one that goes on lies ahead ("voting continues until Sunday", "will
    stay closed until Friday", "is closed until Sunday"); a perfect or a past auxiliary says
    neither ("had not named a suspect until Monday", "was closed until Friday"): the nearest
    such day."""
    token = _token_at(doc, char)
    if token is None:
        return "none"
    verb = _verb_above(token)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"will", "'ll", "shall", "wo"} for a in auxes):
        return "future"
    tags = {a.tag_ for a in auxes}
    if any(a.lemma_ == "have" for a in auxes) or "VBD" in tags:
        return "none"
    if verb.tag_ == "VBD":
        return "none" if auxes else "past"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # an infinitive tells no time of its own; the verb it hangs from does ("is expected to
        # last until September" lies ahead)
        return _clause_tense(verb)
    return "future" if ({verb.tag_} | tags) & {"VBZ", "VBP"} else "none"


# nouns of what may come, whose gerund looks ahead: "Cruz's chances of winning in November"
_PROSPECT = {"chance", "hope", "prospect", "odds", "likelihood", "possibility"}
# verbs whose infinitive happens (or fails to) when they do: "failed to reach a deal on Friday"
_IMPLICATIVE = {
    "fail", "manage", "try", "attempt", "begin", "start", "continue", "refuse", "decline",
    "neglect", "bother", "dare", "happen", "get", "rush", "hurry", "move", "vote",
    # what was made to happen did: "prompted Parliament to call a debate in January"
    "prompt", "force", "compel", "lead", "cause", "drive", "spur",
}  # fmt: skip


def _clause_tense(verb: Token, *, implicative: bool = False) -> Tense:
    """The tense `_clause_verb` reads."""
    return _clause_verb(verb, implicative=implicative)[0]


def _progressive(verb: Token) -> bool:
    """A present progressive that tells no plan ("is meeting", "are taking"; not "is going
    to", "is planning", "will be meeting")."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    going = verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)
    return (
        verb.tag_ == "VBG"
        and any(a.tag_ in {"VBZ", "VBP"} for a in auxes)
        and not any(a.lower_ in _MODAL or a.tag_ == "MD" for a in auxes)
        and not going
        and not _is_planner(verb)
        and verb.lemma_ not in _AIM
    )


def _clause_verb(verb: Token, *, implicative: bool = False) -> tuple[Tense, Token]:
    """The tense of the clause of `verb`, and the verb that tells it. A bare participle or
    infinitive says no tense of its own ("a term starting in January", "a deal that would
    see him endorse her on Tuesday"): the verb it hangs from does, as does
    the verb a gerund after "before", "after" or "since" hangs from ("quit before announcing
    her run in April"), or after any preposition of a verb with a tense ("can he succeed in
    mobilizing voters in November", "earned $40 million for helping it sell itself in
    March"). So does the infinitive of a verb that tells whether it happened
    ("failed to reach a deal on Friday"), when the date hangs from the infinitive itself
    (`implicative`). A gerund a prospect is "of" looks ahead ("Cruz's chances of winning in
    November", told in January)."""
    of = verb.head
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and of.lower_ == "of"
        and of.head.lemma_ in _PROSPECT
    ):
        return "future", verb
    tense = _verb_tense(verb)
    for _ in range(3):
        if tense != "none" or verb.tag_ not in {"VBG", "VB"} or verb.head.i == verb.i:
            break
        timed_gerund = verb.dep_ == "pcomp" and (
            verb.head.lower_ in {"before", "after", "since"} or _finite(verb.head.head)
        )
        if verb.dep_ not in {"acl", "advcl", "xcomp", "relcl", "ccomp"} and not timed_gerund:
            break
        implied = implicative and verb.dep_ == "xcomp" and verb.head.lemma_ in _IMPLICATIVE
        if not implied and _has_aux(verb):
            break
        implicative = False  # only the verb the date hangs from
        after = timed_gerund and verb.head.lower_ == "after"
        verb = _verb_above(verb.head)
        tense = _verb_tense(verb, could=False)
        if after and tense in {"present", "none"} and verb.tag_ in {"VBZ", "VBP"}:
            tense = "past"  # "now has a 9 percent stake, after selling shares at the end of
            # the year": what a present state came after is done
    return tense, verb


def _finite(verb: Token) -> bool:
    """A verb that tells a tense of its own: one with a tense or an auxiliary, not a bare
    participle ("with the candidate focused on carrying on his campaign")."""
    return _is_verb(verb) and (verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or _has_aux(verb))


_CAUSATIVE = {"make", "get", "have", "keep", "leave", "want", "see", "hear"}


def _caused_state(verb: Token) -> bool:
    """A bare past participle that tells what a causative verb brings about ("make their
    voice known", "get the bill passed"): a state, not a past of its own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"ccomp", "xcomp", "oprd"}
        and not _has_aux(verb)
        and _lemma(verb.head) in _CAUSATIVE
    )


def _verb_above(node: Token) -> Token:
    """The nearest verb or auxiliary at or above `node` in the parse (at most six steps up;
    the root when none is met first)."""
    for _ in range(6):
        if _is_verb(node) or node.head.i == node.i:
            break
        node = node.head
    return node


def _is_verb(token: Token) -> bool:
    """A verb or auxiliary, not a plural noun the tagger took for a present ("celebrated his
    Tuesday wins": a present never stands as an object or a subject; a past may, where the
    parse of a long sentence goes astray, and is still the verb)."""
    present = token.tag_ in {"VBZ", "VBP"}
    return token.pos_ in {"VERB", "AUX"} and not (
        present
        and (
            token.dep_ in _NOMINAL
            # "did not revisit her Wall Street remarks on Sunday": a clause in the present
            # has a subject; "remarks" with none is the noun the tagger took for a verb
            or (token.dep_ == "ccomp" and not any(c.dep_ in _SUBJECT for c in token.children))
        )
    )


_SUBJECT = {"nsubj", "nsubjpass", "expl", "csubj"}
_PLAN = {"plan", "schedule", "expect", "intend"}
# verbs of an aim, a plan only for the verb they govern: "hopes to reopen the school in
# February" looks ahead, "vowed in June to fight" dates the vow
_AIM = {"hope", "aim", "want", "seek", "promise", "pledge", "vow", "prepare"}
# "the vote is set for Nov. 5", "is slated to open Monday" (spaCy reads "slated" as "slat")
_PASSIVE_PLAN = {"set", "slate", "slat"}
_AHEAD_ADJ = {"due", "payable", "slated", "set", "poised"}
# present-tense verbs that tell a state, a comparison or a report, not a scheduled event: "says
# Thursday" reports what was said, "the figures are as of Monday" looks back, "the October
# report represents a blip" and "troop strength in April lags the target" compare
_NOT_SCHEDULE = {
    "be", "have", "say", "tell", "report", "write", "add", "note", "claim", "argue", "show",
    "follow", "remain", "seem", "want", "know", "think", "believe", "need", "include",
    "represent", "reflect", "mean", "suggest", "indicate", "lag", "trail", "exceed", "outpace",
}  # fmt: skip
# contractions with a typographic apostrophe, which the tagger reads as unknown verbs
_CURLY_LEMMA = {"\u2019s": "be", "\u2019re": "be", "\u2019m": "be", "\u2019ve": "have"}


def _lemma(verb: Token) -> str:
    """The verb's lemma, reading a typographic contraction as its straight form."""
    return _CURLY_LEMMA.get(verb.lower_, verb.lemma_)


# verbs whose past is their present form: tagged VBP, "hurt" may well be a past ("weakness hurt
# the index on Friday")
_PAST_AS_PRESENT = {
    "hurt", "cut", "put", "set", "hit", "let", "cost", "quit", "shut", "spread", "split", "bet",
    "cast", "burst", "read", "upset", "broadcast", "forecast", "bid", "beat", "slit", "thrust",
}  # fmt: skip


def _told_past(verb: Token) -> bool:
    """A plan told in the past ("planned to pay", "a service planned for Saturday", "was
    scheduled for"), not one still standing ("is scheduled for", "plans to", "has scheduled a
    hearing for")."""
    words = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    standing = {"is", "are", "be", "will", "'s", "am", "has", "have", "'ve"}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not words & standing)


def _is_planner(verb: Token) -> bool:
    """A verb that tells a plan: "plans", "is scheduled", and "set" or "slated" in the passive
    ("is set for Nov. 5", "a summit set for April"; an active "set" sets prices, not dates)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False  # "the plan, unveiled in March": a noun plans nothing
    if verb.lemma_ in _PLAN:
        return True
    if verb.lemma_ not in _PASSIVE_PLAN or verb.tag_ != "VBN":
        return False
    passive = verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)
    # set *for* a day or *to* do something: a record "set on Aug. 6" was set that day
    ahead = any(c.dep_ == "xcomp" or c.lower_ == "for" for c in verb.children)
    return passive and ahead


def _verb_tense(verb: Token, *, could: bool = True) -> Tense:
    """The tense `verb` tells of a date it governs; `could`: read "could" as what may yet
    happen (not of a verb a date's own participle or infinitive hangs from: "could produce
    an outcome, pointing to a sale in June")."""
    if _called_for(verb):
        return "future"
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb]
    bare = verb.tag_ == "VB" or _base_read_as_past(verb)
    if len(auxes) == 1 and verb.dep_ == "conj" and bare and verb.head.i < verb.i:
        # a bare verb joined to another takes its tense: "will discuss the plan on Monday and
        # vote on Wednesday", "plans to hire staff and open on Wednesday"
        return _verb_tense(verb.head)
    words = {a.lower_.replace("\u2019", "'") for a in auxes}  # "they\u2019ll": "they'll"
    if "have" in words and verb.tag_ == "VBN":
        # "must have left on Monday": a perfect, even after a modal; but what "will have"
        # happened by a day is done by then, a day ahead ("on Election Day, the situation will
        # have morphed")
        return "future" if words & {"will", "'ll", "shall"} else "past"
    if "would" in words and _negated(verb) and _lemma(verb) in _WITHHELD:
        return "past"  # "wouldn't say Tuesday how": a refusal made that day, not a plan
    if words & {"will", "'ll", "shall", "wo", "would", "can", "may", "might", "should", "must"} or (
        verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)
    ):
        return "future"
    if could and "could" in words and verb.tag_ == "VB" and not _past_ability(verb):
        return "future"  # "could have big consequences in November": what may yet happen
    if "to" in words and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        # "is to resume trading Tuesday", "talks are to resume in June": what is set to be
        return "past" if verb.head.tag_ == "VBD" else "future"
    due = verb.head
    if "to" in words and verb.dep_ == "xcomp" and due.lower_ in _AHEAD_ADJ and due.dep_ == "acomp":
        # "the strike is due to end on Sunday" lies ahead; what "was" or "had been due to"
        # happen may have fallen either side of the telling: the nearest day
        be = due.head
        will = any(c.lower_ in {"will", "'ll", "shall"} for c in be.children if c.dep_ == "aux")
        return "future" if be.tag_ in {"VBZ", "VBP"} or will else "none"
    aim = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_ in _AIM else None
    planner = aim or next((v for v in (verb, verb.head) if _is_planner(v)), None)
    if planner is not None:
        # a plan told in the past may have fallen either side of the telling: the nearest day
        return "none" if _told_past(planner) else "future"
    tags = {a.tag_ for a in auxes}
    if _supposed(verb):
        return "future"  # "how ties would fare if he won the election on Nov. 8", told in May
    if tags & {"VBD"} or (verb.tag_ == "VBN" and not words & {"be", "is", "are"}):
        return "past"
    if tags & {"VBZ", "VBP"} and verb.tag_ == "VBG":
        return "future"  # "is meeting Tuesday"
    if (
        _present_tag(verb) in {"VBZ", "VBP"}
        and len(auxes) == 1
        and (_lemma(verb) not in _NOT_SCHEDULE or _reports_results(verb))
        and not (verb.tag_ == "VBP" and verb.lower_ in _PAST_AS_PRESENT)
    ):
        return "future"  # a timetable: "the trial opens Monday", "talks resume in June"
    if tags & {"VBZ", "VBP"} and _conditional(verb):
        return "future"  # "if the November election does not break their way": yet to come
    return "none"


def _called_for(verb: Token) -> bool:
    """A call to act together, which lies ahead: "Let's defeat her in November", "let us
    meet again in March" (even when told in the past: "boomed: 'Let's ...'")."""
    return (
        verb.tag_ == "VB"
        and verb.head.lemma_ == "let"
        and verb.head.tag_ == "VB"
        and any(
            c.dep_ == "nsubj" and c.lower_.replace("\u2019", "'") in {"'s", "us"}
            for c in verb.children
        )
    )


_CONDITION = {"if", "unless"}


def _conditional(verb: Token) -> bool:
    """Whether the verb's clause is a condition ("if", "unless")."""
    return bool(_CONDITION & {c.lower_ for c in verb.children if c.dep_ == "mark"})


def _supposed(verb: Token) -> bool:
    """A simple past under "if" in a clause that "would" (or "could", "might") governs: a
    supposition of what may yet happen, not a past ("would fare if he won in November")."""
    if verb.tag_ != "VBD" or _has_aux(verb) or verb.dep_ != "advcl":
        return False
    if not _conditional(verb):
        return False
    return any(
        c.dep_ == "aux" and c.lower_ in {"would", "could", "might"} for c in verb.head.children
    )


_SENSING = {"see", "hear", "feel", "smell", "sense", "watch"}
_BARELY = {"not", "n't", "never", "hardly", "barely", "scarcely"}


def _past_ability(verb: Token) -> bool:
    """Whether "could" is the past of "can": what someone could not do ("could not be
    reached that day") or could sense ("I could hardly hear him on Monday") tells of a time
    gone by, as does a perfect cut short ("the spoiler he could have Tuesday")."""
    objects = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.i > verb.i and not re.fullmatch(_WEEKDAY, c.text, re.I)
    ]
    cut_short = _lemma(verb) == "have" and not objects
    return _negated(verb) or cut_short or _lemma(verb) in _SENSING


def _negated(verb: Token) -> bool:
    """Whether the verb is denied ("not", "n't", "never", "hardly", ...)."""
    return any(c.lower_.replace("\u2019", "'") in _BARELY for c in verb.children)


# what someone "would not" do when asked: a refusal, told of the day it was made
_WITHHELD = _TELLING | {
    "comment", "discuss", "elaborate", "answer", "specify", "speculate", "identify", "detail",
    "name", "respond", "commit", "rule",
}  # fmt: skip


# verbs whose present tells a state that holds now or ahead ("is the nominee in November",
# "the votes she needs in November"); not a report or a record ("says", "has September
# warmer", "shows"), which may well be of a month gone by
_STATE = {"be", "remain", "stay", "need", "want", "seem", "know", "think", "believe"}


def _stative_present(verb: Token) -> bool:
    """A present tense, with no auxiliary, of a verb that tells a state (`_STATE`)."""
    return _lemma(verb) in _STATE and _bare_present(verb)


def _present_tag(verb: Token) -> str:
    """The verb's tag, a base form that heads its sentence with a subject and no auxiliary
    read as the present it is ("Voters in Marlow go to the polls on Sunday", which the tagger
    may give as VB)."""
    if verb.tag_ == "VB" and verb.dep_ == "ROOT":
        deps = {c.dep_ for c in verb.children}
        if "nsubj" in deps and not deps & {"aux", "auxpass"}:
            return "VBP"
    return verb.tag_


def _reports_results(verb: Token) -> bool:
    """ "The company reports results on Thursday": a report of figures, not of what someone
    said ("the Times reports that ..."), is a date in a timetable."""
    children = [c.dep_ for c in verb.children]
    return verb.lemma_ == "report" and "dobj" in children and "ccomp" not in children


_FUTURE_WORDS = re.compile(
    r"\b(?:will|'ll|shall|would(?! have)|scheduled|plans? to|expected to|is to|are to)\b", re.I
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|told(?: \w+){0,2}|announced|added|confirmed|reported|wrote|warned)(?: on)? $", re.I
)
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|\w+ed)\b", re.I)


def _guess_tense(text: str, char: int) -> Tense:
    start = max(text.rfind(". ", 0, char), text.rfind("\n", 0, char), 0)
    end_candidates = [i for i in (text.find(". ", char), text.find("\n", char)) if i != -1]
    sentence = text[start : min(end_candidates) if end_candidates else len(text)]
    if _SAID_BEFORE.search(text, max(0, char - 40), char):
        return "past"  # "said on Tuesday it would": the day of the saying
    if _FUTURE_WORDS.search(sentence):
        return "future"
    return "past" if _PAST_WORDS.search(sentence) else "none"


# the second month of a hyphenated range, "the June-August period": the rules find no word
# after a hyphen ("mid-2026" and "pre-war" are one word), so it is looked for on its own
_SECOND_MONTH = re.compile(rf"\b{_MONTH}[-\u2013](?=(?-i:[A-Z]))", re.IGNORECASE)
_MONTH_RULE = next(i for i, (_, normalize) in enumerate(COMPILED) if normalize is _month_only)
_MONTH_AFTER_HYPHEN = re.compile(rf"(?:{RULES[_MONTH_RULE][0]})(?!\w)", re.IGNORECASE)


def _hyphenated_months(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """The second ends of hyphenated month ranges, as (rule index, match)."""
    for hyphen in _SECOND_MONTH.finditer(text):
        if (m := _MONTH_AFTER_HYPHEN.match(text, hyphen.end())) is not None:
            yield _MONTH_RULE, m


# a possessive or a capitalized word right before: a nation's own day ("Haiti's", "Mexican")
_OTHER_NATION = re.compile(
    r"(?:['\u2019]s|\b(?!(?:The|This|That|Next|Last|On|By|Since|Until|Before|After|For|Every"
    r"|Each|Happy|Of|In|At|A|An)\b)[A-Z][a-z]+) \Z"
)


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found = []
    for order, m in (*scan(text), *_hyphenated_months(text)):
        if not m.group(0).strip():
            continue
        first = m.group(0).split()[0].rstrip(".,")
        if first.casefold() in CAPITALIZED_ONLY and not first[:1].isupper():
            continue
        month = m.groupdict().get("month")
        if month and not month[:1].isupper():
            continue  # "march", "may": verbs unless capitalized
        if month and m.group(0).strip() == month and _name_not_month(text, m.end(), month):
            continue
        if _season_in_name(text, m):
            continue
        if first.casefold() == "independence" and _OTHER_NATION.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue  # "Haiti's Independence Day", "Mexican Independence Day": not 4 July
        if m.groupdict().get("weekday") and text[max(0, m.start() - 6) : m.start()] == "Super ":
            continue  # "Super Tuesday" is a named day of primaries (a holiday rule)
        found.append((m.start(), m.end(), order, m))
    return found


_BEFORE_MONTH = {
    "in", "on", "by", "since", "until", "last", "next", "this", "early", "late", "mid", "through",
    "from", "before", "after", "during", "that", "each", "every", "of", "and", "or", "to",
    "around", "throughout", "come", "till", "into", "over", "within", "for", "between", "about",
    "circa", "starting", "beginning", "ending", "as", "at", "so", "but", "then", "when",
    # a determiner at the sentence start: "The April elections", "Its June report"
    "the", "a", "an", "its", "their", "his", "her", "our", "these", "those",
}  # fmt: skip


def _season_in_name(text: str, m: re.Match[str]) -> bool:
    """A capitalized season before another capitalized word is part of a name: "the Summer
    Olympics", "Winter Games"."""
    group = "season" if m.groupdict().get("season") else "season2"
    season = m.groupdict().get(group)
    if not season or not season[:1].isupper() or m.end() != m.end(group):
        return False
    return bool(re.match(r" [A-Z]", text[m.end() : m.end() + 2]))


_A_MARCH = re.compile(
    r"(?:\b(?:the|a|annual)|(?<!\d)(?:1[89]|20)\d\d) (?:``|\"|“)?March (?:for|of|on|to|against)\b"
)  # "the March for Life", "King's 1963 March on Washington"


def _name_not_month(text: str, end: int, month: str) -> bool:
    """A bare month word that is more likely a name: an abbreviation without its period, or
    with it but after no time word ("Jan", "spoke with Jan."), June / July / May followed by
    a capitalized word ("June Carter"), or March after one or before "for" and a name ("the
    Pride March", "March for Bernie").

    >>> _name_not_month("Jan said no", 3, "Jan"), _name_not_month("in June and", 7, "June")
    (True, False)
    >>> _name_not_month("held in Jan. It", 12, "Jan."), _name_not_month("said Jan. It", 9, "Jan.")
    (False, True)
    >>> _name_not_month("June Carter sang", 4, "June")
    True
    >>> _name_not_month("Bob Haus, Jill June, Lori", 20, "June")
    True
    >>> _name_not_month("at the annual March for Life", 20, "March")
    True
    >>> _name_not_month("the NYC Pride March.", 19, "March"), _name_not_month("In March he", 8, "March")
    (True, False)
    """
    if month == "March" and _A_MARCH.search(text[max(0, end - 20) : end + 6]):
        return True  # "the March for Life", "the ``March of the Mothers'': a procession
    if month == "March" and (_after_a_name(text, end, month) or _FOR_NAME.match(text, end)):
        return True  # "the NYC Pride March", "the group March for Bernie": a name
    if month.casefold() not in {"june", "july", "may", "april", "august"}:
        if len(month) > 4:
            return False
        # "in Jan.", "since Feb.": an abbreviation with its period after a time word
        word = _word_before(text, end, month)
        after_time_word = word is not None and word.casefold() in _BEFORE_MONTH
        return not (month.endswith(".") and after_time_word)
    following = text[end : end + 2]
    if len(following) == 2 and following[0] == " " and following[1].isupper():
        return True
    return _after_a_name(text, end, month)


_FOR_NAME = re.compile(r" for [A-Z]")


def _after_a_name(text: str, end: int, month: str) -> bool:
    """A month word after a capitalized word that is not a time word, even at a sentence
    start: "Jill June", "Theresa May said", "the Pride March" ("Throughout May" and "Come
    June" are time words)."""
    word = _word_before(text, end, month)
    if word is None or not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    return word.casefold() not in _BEFORE_MONTH


def _word_before(text: str, end: int, month: str) -> str | None:
    """The word just before the month word that ends at `end`, if a space parts them."""
    found = re.search(r"([A-Za-z]+) $", text[max(0, end - len(month) - 25) : end - len(month)])
    return None if found is None else found.group(1)


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
    text: str,
    published: datetime | date | None,
    *,
    doc: Doc | None = None,
    day_first: bool = False,
) -> list[Timex]:
    """TIMEX3 expressions of `text`, normalized against `published` (None: left unresolved).

    `day_first`: a slashed date both ways possible (10/03/2025) is 10 March, as the outlet's
    country writes it (see `writes_day_first`); a date in the text that can only be read one
    way (14/06/2023, 06/14/2023) decides instead.
    """
    dct = published.date() if isinstance(published, datetime) else published
    told = _slash_order(text)
    ctx = _Context(dct, day_first=day_first if told is None else told)
    tense_at = _sentence_tenses(text, doc)
    result: list[Timex] = []
    last_before: str | None = None  # the reference point before the last expression kept
    # each weekday's day as a tense placed it ("on Thursday"), and where it was told
    told_days: dict[str, tuple[str, int]] = {}
    for start, end, order, m in _select(_candidates(text)):
        normalize = COMPILED[order][1]
        surface = text[start:end]
        while surface and surface[-1] in _TRAILING and not _KEEP_PERIOD.search(surface):
            surface, end = surface[:-1], end - 1
        if _not_time(text, surface, start, end) or _wish_may(doc, surface, start):
            continue
        if m.groupdict().get("season3"):
            start = m.start("season3")  # "a rocky summer": the season is the expression
            surface = text[start:end]
        if surface.endswith(("'s", "\u2019s")) and len(surface) > 2 and normalize is not _decade:
            surface, end = surface[:-2], end - 2  # "Friday's vote": the possessive is not time
        tense = _cue_tense(text, start, doc) or tense_at(start, end)
        if tense in {"future", "present", "none"} and _when_past(doc, end):
            tense = "past"  # "echoes a controversy in June when Mr. Trump assailed a judge"
        reading = ctx
        if result and (
            # "in January of that year": the year told before January, not January's own
            (_THAT_YEAR.fullmatch(surface) and _of_a_month(text, result[-1], start))
            # "Compared with the 2008 race, Trump's support today is below McCain's support
            # that year": "that" points away from the present, so past the "today" to 2008
            or (
                last_before is not None
                and _THAT_UNIT.fullmatch(surface)
                and _is_today(result[-1], dct)
            )
        ):
            reading = replace(ctx, last=last_before)  # the date told before the last one
        kind, value = normalize(m, reading, tense)
        if normalize is _weekday and value and _FULL_DAY.match(value[:10]) and _plain_weekday(m):
            key = _weekday_key(m.group("weekday"))
            if tense != "none":
                told_days[key] = (value[:10], end)
            elif key in told_days and start - told_days[key][1] <= _ECHO_REACH:
                # a weekday with no tense of its own, told again a few sentences on, is the
                # day told before ("Thursday night's fight that led to ... weighed in on
                # Thursday's fight"), not the nearest; further on, a text may have moved to
                # another week ("after Tuesday's contests", told of the next primaries)
                value = told_days[key][0] + value[10:]
        if surface.casefold() == "the year" and result and _is_the_year_of(text, result[-1], start):
            value = result[-1].value  # "in 2008, the year he returned", "2016 will be the year"
        if (
            normalize is _month_only
            and value
            and ctx.last_year is not None
            and (that := _that_month(doc, start)) is not None
        ):
            # "In 1972, McGovern ... lost that November": the month of the year last told
            kind, value = "DATE", f"{ctx.last_year:04d}{value[4:7]}"
            surface, start = text[that:end], that
        if kind == "DURATION" and _last_is_verb(text, surface, start, doc):
            surface, start = surface[5:], start + 5  # "the talks last two years": a verb
        rate = _rate(text, surface, start) if kind == "DURATION" else None
        if rate == "amount":
            continue  # "$2 million a year", "700 seats a week": a unit of measure, not a time
        if rate == "frequency":
            kind = "SET"  # "twice a week", "three times a year": how often
        elif kind == "DURATION" and (every := _EVERY.search(text, max(0, start - 6), start)):
            kind, start = "SET", every.start()  # "every six months": once each such span
            surface = text[start:end]
        elif kind == "DURATION" and surface.casefold() == "one day" and _someday(text, start, doc):
            kind, value = "DATE", "FUTURE_REF"  # "Islam will one day be": some day ahead
        if (
            kind == "TIME"
            and value
            and "T" in value
            and _EVERY_CLOCK.search(text, max(0, start - _EVERY_CLOCK_REACH), start)
        ):
            # "airs weekdays from 6:00 a.m. to 9:00 a.m.": a clock of every such day, no one day
            value = "XXXX-XX-XX" + value[value.index("T") :]
        if value is None and normalize in (_that_day, _new_decade):
            # "that day" with no date before it is a generic day, not a reference; "a new
            # decade" in a year that opens none is one of a life or an era
            continue
        previous = result[-1] if result else None
        merged = (
            _merge_clock(text, previous, start, end, kind, value)
            or _merge_day_next_to(text, previous, start, end, kind, value)
            or _merge_year(text, previous, start, end, kind, value)
        )
        if merged is not None:
            result[-1] = merged
            _remember(ctx, merged.type, merged.value)
            continue
        if previous is not None and (redated := _redate_clock(text, previous, start, value)):
            result[-1] = redated
        background = bool(_SINCE.search(text, max(0, start - 40), start)) or _told_on(doc, start)
        last_before = ctx.last
        _remember(ctx, kind, value, background=background)
        if normalize is _quarter_named and value and re.fullmatch(r"(?:\d{4}|XXXX)-Q\d", value):
            ctx.quarter = value
        anchor = (
            _counted_from_story(text, surface, end, value, ctx, tense)
            if kind == "DURATION"
            else None
        )
        if anchor is not None:  # "Four days later, ... The next day": the day after those four
            _remember(ctx, "DATE", anchor)
        result.append(Timex(surface, start, end, kind, value, anchor))
    found = _with_year_ranges(text, _with_earlier_days(text, _with_coordinated_days(text, result)))
    found = _with_coordinated_seasons(text, _month_quarters(text, _quarters_ending(text, found)))
    found = _overnight_clocks(text, _with_bracketed_days(text, found, dct))
    found = _schedule_lists(text, _deictic_days_with_dates(text, found), dct)
    found = _dated_weekdays(text, found)
    ordered = _ordered_months(text, _ordered_weekdays(text, found, dct), dct)
    dated = _with_narrative_years(doc, _yearly_months(text, ordered), dct)
    quoted = _quoted_deictics(text, doc, _the_attacks_day(dated, dct), dct)
    return _with_modifiers(text, _nowadays(text, doc, _caption_days(text, quoted)))


_ECHO_REACH = 500  # characters after a weekday a tense placed where the same one is that day


def _plain_weekday(m: re.Match[str]) -> bool:
    """A weekday told with nothing that says which week ("Thursday", "Thursday night's"; not
    "last Thursday", "Thursday, Nov. 14", "Tuesday week")."""
    groups = ("rel", "wkrel", "month", "dmonth", "wk", "clock")
    return not any(m.group(name) for name in groups)


_CAPTION_REACH = 400  # characters from a caption's opening day to the full date it gives
_A_DAY = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")  # a calendar day, of a known year or not
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")


def _caption_days(text: str, found: list[Timex]) -> list[Timex]:
    """A day in capitals that opens a photo agency's caption ("DETROIT, MI - NOVEMBER 17:")
    takes the year the caption gives the same day after it ("... at Ford Field on November
    17, 2019 in Detroit")."""
    out = list(found)
    for i, timex in enumerate(found):
        if not (
            timex.text.isupper()
            and timex.value
            and _A_DAY.fullmatch(timex.value)
            and text.startswith(":", timex.end)
        ):
            continue
        for later in found[i + 1 :]:
            if later.start - timex.end > _CAPTION_REACH:
                break
            if (
                later.value
                and _A_DAY.fullmatch(later.value[:10])
                and later.value[4:10] == timex.value[4:10]
                and _YEAR_WRITTEN.search(later.text)
            ):
                out[i] = replace(timex, value=later.value[:4] + timex.value[4:])
                break
    return out


_ATTACKS_DAY = "2001-09-11"
_BARE_SEPT_11 = re.compile(r"(?:Sept\.?|September) 11(?:th)?", re.IGNORECASE)


# words that count days from the day they are said, as a quotation says them
_DEICTIC = re.compile(
    r"(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))"
    r"|(?:yesterday|tomorrow) (?:morning|afternoon|evening|night)",
    re.IGNORECASE,
)
# verbs of saying a quotation is dated by ("Durbin said on Thursday he ...")
_QUOTED_BY = _TELLING | {
    "urge", "call", "indicate", "respond", "tweet", "promise", "vow", "pledge", "reply", "ask",
    "testify", "acknowledge", "concede", "predict", "contend", "recall",
}  # fmt: skip
_QUOTE_REACH = 400  # characters between the day a quotation is dated by and its "today"
# what is said, a day dates as its verb's object or subject ("closed her victory speech on
# Tuesday night", "a fundraising email sent out on Tuesday night warned"); not an interview,
# which a text may quote beside what was said on another day ("released an interview last
# Thursday ... 'today', Putin told journalists", on the Wednesday after)
_SAID = {"speech", "remark", "statement", "briefing", "email", "e-mail", "tweet"}


def _dates_a_saying(date_token: Token) -> bool:
    """Whether a date dates a verb of saying, or a verb whose object or subject is a thing
    said (a speech, a statement, an email)."""
    verb = _verb_above(date_token)
    if _lemma(verb) in _QUOTED_BY:
        return True
    said = {"dobj", "nsubj", "nsubjpass"}
    return any(c.dep_ in said and c.lemma_.casefold() in _SAID for c in verb.children)


def _in_quotation(text: str, char: int) -> bool:
    """Whether `char` lies inside a quotation opened earlier in its paragraph: curly, straight,
    TeX-like (``...''), or the doubled apostrophes some outlets write on both sides."""
    before = text[text.rfind("\n", 0, char) + 1 : char]
    curly = before.count("\u201c") > before.count("\u201d")
    closing = before.count("''")
    doubled = before.count("``") > closing if "``" in before else closing % 2 == 1
    return curly or before.count('"') % 2 == 1 or doubled


def _quoted_deictics(
    text: str, doc: Doc | None, found: list[Timex], dct: date | None
) -> list[Timex]:
    """`Durbin said on Thursday he "hand-delivered a letter ... today"`: "today" (or
    "tonight", "last night", ...) in a quotation counts from the day the quotation was said,
    when a past day in the week before publication dates a verb of saying just before it; not
    from the publication date."""
    if doc is None or dct is None:
        return found
    out = list(found)
    for i, timex in enumerate(found):
        value = timex.value or ""
        if not _DEICTIC.fullmatch(timex.text) or not _FULL_DAY.match(value[:10]):
            continue
        if not _in_quotation(text, timex.start):
            continue
        said = next(
            (
                t
                for t in reversed(found[:i])
                if t.start >= timex.start - _QUOTE_REACH
                and _FULL_DAY.match((t.value or "")[:10])
                and not _DEICTIC.fullmatch(t.text)
                and not _in_quotation(text, t.start)
            ),
            None,
        )
        if said is None:
            continue
        said_on = date.fromisoformat((said.value or "")[:10])
        if not 0 < (dct - said_on).days <= 7:
            continue
        token = _token_at(doc, said.start)
        if token is None or not _dates_a_saying(token):
            continue
        day = date.fromisoformat(value[:10]) + (said_on - dct)
        out[i] = replace(timex, value=day.isoformat() + value[10:])
    return out


def _the_attacks_day(found: list[Timex], dct: date | None) -> list[Timex]:
    """A text that names the 2001 attacks ("the 9/11 attacks", "the Sept. 11 hijackers")
    means them by a bare "Sept. 11" too ("American women were shocked after Sept. 11"), unless
    it was written around that day's anniversary, which it may tell of ("left the Sept. 11
    memorial early", told on Sept. 12)."""
    if dct is None or not any(t.value == _ATTACKS_DAY for t in found):
        return found
    out = list(found)
    for i, timex in enumerate(out):
        value = timex.value or ""
        if not _BARE_SEPT_11.fullmatch(timex.text) or not value.endswith("-09-11"):
            continue
        if abs((date(int(value[:4]), 9, 11) - dct).days) > 31:
            out[i] = replace(timex, value=_ATTACKS_DAY)
    return out


# a slashed day and month with their year: 14/06/2023, 6/14/23
_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:\d{4}|\d\d)(?![\d/])")
# the regions (BCP 47) and country domains that put the month first
_MONTH_FIRST = {"us", "ph", "ca", "fm", "mh", "pw", "as", "gu", "vi", "mp", "um"}
_REGION = re.compile(r"^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2})\b", re.IGNORECASE)
_COUNTRY_DOMAIN = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*\.([a-z]{2})(?::\d+)?(?:[/?#]|$)", re.I)


def _slash_order(text: str) -> bool | None:
    """Whether the text's slashed dates are day first (True: "14/06/2023"), month first
    (False: "06/14/2023"), or cannot tell (None: none, or only ones like 10/03/2025)."""
    if "/" not in text:
        return None  # most texts: a scan of the regular expression costs 2% of the stage
    for m in _SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def writes_day_first(language: str | None, url: str | None) -> bool:
    """Whether an outlet writes slashed dates day first: from the region of its language tag
    (`en-GB`, `en_AU`) or else its country domain (`.co.uk`, `.ie`); the United States and
    the few countries that write the month first (and an outlet that says neither) do not.

    >>> writes_day_first("en-GB", None), writes_day_first("en", "https://news.example.co.uk/a")
    (True, True)
    >>> writes_day_first("en-US", "https://x.example.co.uk/"), writes_day_first("en", None)
    (False, False)
    """
    region = _REGION.match(language or "")
    if region is None:
        region = _COUNTRY_DOMAIN.match(url or "")
    return region is not None and region.group(1).lower() not in _MONTH_FIRST


_BEFORE_VERB_LAST = {"MD", "TO", "WDT", "WP", "RB", "NNS", "NNPS", "PRP"}
_VERB_LAST_AFTER = re.compile(
    r"(?:\b(?:will|would|could|can|may|might|should|must|to|that|which|who|typically|usually|"
    r"often|only|not|generally|normally|they|we|you|I)|n't) $",
    re.IGNORECASE,
)


def _last_is_verb(text: str, surface: str, start: int, doc: Doc | None) -> bool:
    """Whether the "last" that opens `surface` is the verb ("the talks last two years", "will
    last three hours"), not the adjective of "the last two years": from the word before it
    ("will", "to", "that"), else from the parse (its tag, its place as the root, or the tag
    of the word before it: a plural subject, a modal, an adverb)."""
    if not surface.startswith(("last ", "Last ")):
        return False
    if _VERB_LAST_AFTER.search(text, max(0, start - 16), start):
        return True
    span = doc.char_span(start, start + 4) if doc is not None else None
    if span is None or not len(span):
        return False
    token = span[0]
    if token.tag_.startswith("VB") or token.dep_ == "ROOT":
        return True
    return token.i > 0 and token.nbor(-1).tag_ in _BEFORE_VERB_LAST


def _that_month(doc: Doc | None, char: int) -> int | None:
    """Where "that" begins before a bare month it determines ("lost that November"); None
    after the conjunction ("said that November was wet") or any other word."""
    month = _token_at(doc, char)
    if doc is None or month is None or month.i == 0 or not _is_month(month):
        return None
    that = doc[month.i - 1]
    # the parser may hang "that November" either way round; the conjunction marks a clause
    # whose subject (or its noun's modifier) the month is
    if (
        that.lower_ == "that"
        and that.dep_ != "mark"
        and month.dep_ not in {"nsubj", "nsubjpass", "compound"}
    ):
        return that.idx
    return None


def _wish_may(doc: Doc | None, surface: str, char: int) -> bool:
    """ "May the odds be ever in our favor": the modal of a wish, not the month."""
    token = _token_at(doc, char)
    return surface == "May" and token is not None and token.tag_ == "MD"


def _when_past(doc: Doc | None, end: int) -> bool:
    """A time a "when" clause told in the simple past follows ("a controversy in June when
    Mr. Trump assailed a judge"): that clause says it has gone by."""
    last = _token_at(doc, end - 1)
    if last is None or last.i + 1 >= len(last.doc):
        return False
    after = last.doc[last.i + 1]
    if after.text == "," and after.i + 1 < len(after.doc):
        after = after.doc[after.i + 1]
    verb = after.head
    # a past unlike its base ("assailed"; not "cast", which may be a present)
    return (
        after.lower_ == "when"
        and verb.i > after.i
        and _simple_past(verb)
        and verb.lower_ != verb.lemma_
    )


def _told_on(doc: Doc | None, char: int) -> bool:
    """ "..., officials said on Wednesday": the day a statement was made."""
    token = _token_at(doc, char)
    if token is None:
        return False
    verb = _verb_above(token)
    return verb.lemma_ in _TELLING and token.head.dep_ == "prep" and token.head.head == verb


# a span of whole days, weeks, months or years
_COUNTED = re.compile(r"^P(\d+)([DWMY])$")
# told from the day the story is on: "Four days later, ...", "a week earlier"
_LATER = re.compile(r"\s?\b(later|earlier)\b(?! than)", re.IGNORECASE)


def _counted_from_story(
    text: str, surface: str, end: int, value: str | None, ctx: _Context, tense: Tense
) -> str | None:
    """The calendar value a span told from the story's last date points at: "Four days later"
    after "On March 3" is March 7, "two years later" after "in 2019" is 2021. TimeML keeps the
    span a DURATION; this is what a timeline dates its sentence by. None with no such date
    before it, for a vague span ("days later"), for a span from an event ("two days before
    the vote"), and for a past that would lie after the publication date (the date before
    was not the one counted from: "a decade later" after "last year")."""
    counted = _COUNTED.match(value or "")
    told = re.search(r"\b(later|earlier)\Z", surface, re.IGNORECASE) or _LATER.match(text, end)
    if counted is None or told is None:
        return None
    steps = int(counted.group(1)) * (1 if told.group(1).casefold() == "later" else -1)
    unit = counted.group(2)
    if unit in {"D", "W"}:
        if (day := ctx.calendar_day) is None:
            return None
        first = date.fromisoformat(day) + timedelta(days=steps * (7 if unit == "W" else 1))
        anchor = first.isoformat()
    elif unit == "M":
        if ctx.last is None or not re.match(r"^\d{4}-\d\d\b", ctx.last):
            return None
        year, month = _shift_month(date(int(ctx.last[:4]), int(ctx.last[5:7]), 1), steps)
        first, anchor = date(year, month, 1), f"{year}-{month:02d}"
    else:
        if ctx.last_year is None:
            return None
        first, anchor = date(ctx.last_year + steps, 1, 1), str(ctx.last_year + steps)
    if ctx.dct is not None and first > ctx.dct and tense != "future":
        return None
    return anchor


def _remember(ctx: _Context, kind: str, value: str | None, *, background: bool = False) -> None:
    """Keep a resolved date as the reference point of the anaphoric expressions after it. A
    `background` date (a comparison, "the highest level since 2002"; the day of a statement,
    "..., officials said on Wednesday") leaves the day the story is on as it was."""
    if kind == "DATE" and value and value[:1].isdigit():
        ctx.last = value
        if not (background and ctx.day is not None):
            ctx.day = value if _FULL_DAY.match(value) else None
    elif kind == "TIME" and value and _FULL_DAY.match(value[:10]):
        ctx.day = value[:10]  # "Tuesday night ... the next morning": that day
    elif kind == "TIME" and ctx.dct is None and value and _UNPLACED_DAY.fullmatch(value[:10]):
        # no publication date: a clock's day of an unknown year or week all the same ("10:30
        # p.m. Aug. 9 to 6:30 a.m. the following morning" is XXXX-08-09, then XXXX-08-10)
        ctx.day = value[:10]
    elif kind == "DATE" and ctx.dct is None and value and value.startswith("XXXX"):
        # no publication date: a date of an unknown year or week is the reference point all
        # the same ("in November ... the year-end" is no year's; "over the weekend ... the day
        # before" no day's), and a day of one the day of a clock ("on April 16 at about 8:15
        # a.m." is XXXX-04-16T08:15)
        ctx.last = value
        if not (background and ctx.day is not None):
            ctx.day = value if _UNPLACED_DAY.fullmatch(value) else None


_UNPLACED_DAY = re.compile(r"XXXX-(?:\d\d-\d\d|WXX-\d)")  # a day of an unknown year or week


_NEXT_DAY = re.compile(
    r"(?: (?:and|or|to|through) | ?[-\u2013] ?)(\d{1,2})(?:, ((?:19|20)\d\d))?"
    r"(?!\d|[:.,]\d|\w| ?%| (?:percent|per|"
    r"people|of|million|billion|thousand|hundred|times|points|cents|dollars|years|months|weeks|"
    r"days|hours|minutes)\b| (?!(?:was|is|as|has|this|his|its|us|thus)\b)[a-z]+s\b)"
)  # a count of something ("25 percent", "4 protesters") is not a day


_ANY_YEAR_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d$")  # XXXX: no publication date


def _with_coordinated_days(text: str, found: list[Timex]) -> list[Timex]:
    """`April 24 and 25`, `March 3 to 5`, `Jan. 30 and 31, 2020`: the second day is a date of
    the same month (and the year after it is both days' year)."""
    out: list[Timex] = []
    skip = -1
    for i, timex in enumerate(found):
        if i == skip:
            continue
        out.append(timex)
        value = timex.value or ""
        if timex.type != "DATE" or not _ANY_YEAR_DAY.match(value) or not timex.text[-1:].isdigit():
            continue
        m = _NEXT_DAY.match(text, timex.end)
        if m is None or not int(value[8:]) < int(m.group(1)) <= 31:
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and following.start < m.end():
            if not m.group(2) or (following.start, following.end) != m.span(2):
                continue
            skip = i + 1  # the year of both days, not an expression of its own
        month = f"{m.group(2)}{value[4:8]}" if m.group(2) else value[:8]
        if m.group(2):
            out[-1] = Timex(timex.text, timex.start, timex.end, "DATE", f"{month}{value[8:]}")
        start, end = m.start(1), m.end()
        out.append(Timex(text[start:end], start, end, "DATE", f"{month}{int(m.group(1)):02d}"))
    return out


# "3 to 7 June", "3-4 March", "between 3 and 7 June": the days before a day-first date (or
# before a month the hyphen kept from its day) share its month
_DAYS_BEFORE = re.compile(
    r"(?<![\w$.,:/-])(\d{1,2})(?:st|nd|rd|th)?(?: (?:and|to|through|until|till) | ?[-\u2013] ?)"
    r"(?:(\d{1,2})(?:st|nd|rd|th)? (?:of )?)?$"
)


_SEASON_VALUE = re.compile(r"(\d{4}|XXXX)-(SP|SU|FA|WI)")
# "the fall and winter"; not "rise in the spring and fall in the summer" (the verb)
_AND_SEASON = re.compile(
    r" (?:and|or) (spring|summer|fall|autumn|winter)\b"
    r"(?! (?:of|in|on|by|to|short|apart|behind|under|back|off|out|into|from|below|above)\b)",
    re.IGNORECASE,
)


def _with_coordinated_seasons(text: str, found: list[Timex]) -> list[Timex]:
    """`the fall and winter`: the second season follows the first, in its year or, when it
    begins earlier in a year, the next ("the winter and spring"); `the spring and fall of
    2021`: the first season takes the year told after the second."""
    out: list[Timex] = []
    for i, timex in enumerate(found):
        first = _SEASON_VALUE.fullmatch(timex.value or "")
        if timex.type != "DATE" or first is None or timex.text[-1:].isdigit():
            out.append(timex)
            continue
        year, code = first.groups()
        following = found[i + 1] if i + 1 < len(found) else None
        told = _SEASON_VALUE.fullmatch(following.value or "") if following else None
        joined = following is not None and text[timex.end : following.start] in {" and ", " or "}
        if following is not None and told and joined and following.text[-1:].isdigit():
            later, second = told.groups()
            if later != "XXXX":
                later = f"{int(later) - (_SEASON_START[code] > _SEASON_START[second]):04d}"
            out.append(replace(timex, value=f"{later}-{code}"))
            continue
        out.append(timex)
        m = _AND_SEASON.match(text, timex.end)
        if m is None or (following is not None and following.start < m.end()):
            continue
        second = SEASONS[m.group(1).casefold()]
        if year != "XXXX":
            year = f"{int(year) + (_SEASON_START[second] <= _SEASON_START[code]):04d}"
        out.append(Timex(m.group(1), m.start(1), m.end(1), "DATE", f"{year}-{second}"))
    return out


def _with_earlier_days(text: str, found: list[Timex]) -> list[Timex]:
    """`3 to 7 June` and `between 3 and 7 June 2023`: the first day is a date of the same month;
    `3-4 March`, where the hyphen kept the second day out of the date, gives two dates."""
    out: list[Timex] = []
    for timex in found:
        value = timex.value or ""
        day_first = bool(_ANY_YEAR_DAY.match(value)) and timex.text[:1].isdigit()
        if timex.type != "DATE" or not (day_first or _MONTH_VALUE.match(value)):
            out.append(timex)
            continue
        m = _DAYS_BEFORE.search(text, max(0, timex.start - 16), timex.start)
        if m is None or bool(m.group(2)) == day_first or (out and out[-1].end > m.start()):
            out.append(timex)
            continue
        month = value[:8] if day_first else f"{value}-"
        first, day = int(m.group(1)), int(value[8:10] if day_first else m.group(2))
        if not 1 <= first < day <= 31:  # "7-4 March", "0-3 June": no range of days
            out.append(timex)
            continue
        if not day_first:  # "4 March" from "4" and "March"
            start = m.start(2)
            timex = Timex(text[start : timex.end], start, timex.end, "DATE", f"{month}{day:02d}")
        out.append(Timex(m.group(1), m.start(1), m.end(1), "DATE", f"{month}{first:02d}"))
        out.append(timex)
    return out


# TimeML keeps a count's modifier inside the expression (its `mod`): "nearly two years",
# "more than a decade", "at least 30 days", "about two years ago"
_MODIFIER = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|more than|less than|fewer than|"
    r"at least|at most|up to|no more than|no less than)\s+$",
    re.IGNORECASE,
)


def _with_modifiers(text: str, found: list[Timex]) -> list[Timex]:
    """A count of units (a duration, or "... ago") takes the modifier before it."""
    out: list[Timex] = []
    for timex in found:
        counted = timex.type == "DURATION" or (
            timex.type == "DATE" and timex.text.casefold().endswith(" ago")
        )
        m = _MODIFIER.search(text, max(0, timex.start - 16), timex.start) if counted else None
        if (
            m is not None
            and not timex.text.casefold().startswith("the ")
            and (not out or out[-1].end <= m.start())
        ):
            timex = replace(timex, text=text[m.start() : timex.end], start=m.start())
        out.append(timex)
    return out


# "2023-24", "2024/25", "1990-91", "2023-2024": the year after the hyphen is a year of its own
_YEAR_ONLY = re.compile(r"^\d{4}$")
_NEXT_YEAR = re.compile(r"[-\u2013/]((?:19|20)?\d\d)(?![\w-]|/\d)")


def _with_year_ranges(text: str, found: list[Timex]) -> list[Timex]:
    """`the 2023-24 season`: the second year, written short or whole, follows the first."""
    out: list[Timex] = []
    for i, timex in enumerate(found):
        out.append(timex)
        if timex.type != "DATE" or timex.value != timex.text or not _YEAR_ONLY.match(timex.text):
            continue
        m = _NEXT_YEAR.match(text, timex.end)
        if m is None or (i + 1 < len(found) and found[i + 1].start < m.end()):
            continue  # "2019/2020": the second year was found on its own
        year, digits = int(timex.text), m.group(1)
        second = int(digits) if len(digits) == 4 else year // 100 * 100 + int(digits)
        if len(digits) == 2 and second < year:
            second += 100  # "1999-00"
        if year < second <= year + 50:
            out.append(Timex(digits, m.start(1), m.end(1), "DATE", str(second)))
    return out


# "the quarter" (no ordinal: "the fourth quarter ended Sept. 30" may be a fiscal one) and the
# words that tie it to the day or month it ends on
_BARE_QUARTER = re.compile(
    r"(?:the|this|that|its|their) (?:(?:latest|most recent|current|fiscal) )?quarter",
    re.IGNORECASE,
)
_ENDING = re.compile(
    r"\s+(?:(?:that|which)\s+)?end(?:ed|ing|s)?\s+(?:(?:in|on)\s+)?", re.IGNORECASE
)


def _quarters_ending(text: str, found: list[Timex]) -> list[Timex]:
    """`the quarter ended March 31`, `the quarter ending in June`: the calendar quarter that
    holds the day or month it ends on, not the one the publication date points to."""
    out = list(found)
    for i, (quarter, end) in enumerate(itertools.pairwise(found)):
        if not _BARE_QUARTER.fullmatch(quarter.text) or not end.value:
            continue
        if not _YEAR_MONTH.match(end.value) or not (m := _ENDING.match(text, quarter.end)):
            continue
        if m.end() == end.start:
            year, month = end.value[:4], int(end.value[5:7])
            out[i] = replace(quarter, value=f"{year}-Q{(month - 1) // 3 + 1}")
    return out


# a quarter named by the month it ends in: "the September quarter" (July to September)
_QUARTER_WORD = re.compile(r"[ -]quarter\b", re.IGNORECASE)


def _month_quarters(text: str, found: list[Timex]) -> list[Timex]:
    """`the September quarter`, `December-quarter sales`: the calendar quarter that ends in
    the month, of the year the month was read in (as business news in Australia and India
    writes its quarters)."""
    out: list[Timex] = []
    taken = -1  # where the last quarter read with its month ends
    for timex in found:
        if timex.start < taken:
            continue  # "quarter" read alone, now part of "the September quarter"
        m = _QUARTER_WORD.match(text, timex.end)
        value = timex.value
        month = int(value[5:7]) if value and _MONTH_VALUE.match(value) else 0
        if m and value and month % 3 == 0 < month and _BARE_MONTH.fullmatch(timex.text):
            # a month read alone (no day: its value has none) that ends a quarter
            quarter = f"{value[:4]}-Q{month // 3}"
            timex = replace(timex, text=text[timex.start : m.end()], end=m.end(), value=quarter)
            taken = m.end()
        out.append(timex)
    return out


_RANGE_WORDS = r"to|through|thru|until|till|-|\u2013"
_RANGE_LINK = re.compile(rf"\s*(?:{_RANGE_WORDS})\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)  # "between Monday and Wednesday"
# two days told as one stretch or as alternatives: "late on Saturday or early Sunday"
_DAY_LINK = re.compile(
    rf"\s*(?:{_RANGE_WORDS}|,?\s*(?:or|and)(?:\s+(?:early|late))?(?:\s+on)?)\s*", re.IGNORECASE
)
_BARE_WEEKDAY = re.compile(rf"(?:(?:last|next|this|coming) )?{_WEEKDAY}", re.IGNORECASE)
# a month, or a day of one, written without a year: "June", "June 5", "5 June"
_BARE_MONTH = re.compile(rf"{_MONTH}(?:\s+{_DAY})?|{_DAY}\s+{_MONTH}", re.IGNORECASE)
_YEAR_MONTH = re.compile(r"^(?:\d{4}|XXXX)-\d\d(?:-\d\d)?$")  # XXXX: no DCT


_IN = re.compile(r" in ")
_BESIDE = re.compile(r",? ")


def _yearly_months(text: str, found: list[Timex]) -> list[Timex]:
    """`every year in August`, `in June each year`: a month of every year, `XXXX-08`, not this
    year's."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (
            first.type == "SET"
            and first.value == "P1Y"
            and _IN.fullmatch(text, first.end, second.start)
        ):
            month = i + 1
        elif (
            second.type == "SET"
            and second.value == "P1Y"
            and _BESIDE.fullmatch(text, first.end, second.start)
        ):
            month = i
        else:
            continue
        timex = out[month]
        if (
            timex.type == "DATE"
            and timex.value
            and _BARE_MONTH.fullmatch(timex.text)
            and _YEAR_MONTH.match(timex.value)
        ):
            out[month] = replace(timex, value="XXXX" + timex.value[4:])
    return out


# a month told without a year of its own ("in April", "mid-September", "early March")
_YEARLESS_MONTH = re.compile(rf"(?:(?:early|late|mid)[- ])?{_MONTH}(?:\s+{_DAY})?", re.I)
# how a year hangs from the verb it dates ("in 2012", "in his 2008 campaign", "eight years
# ago"), and how a month's clause hangs from that verb ("having won ... in February",
# "ads ... beginning in April"); never through a coordinated verb ("was extradited in 2014 and
# pleaded guilty in May": May may be this year's)
_DATES_VERB = {"pobj", "prep", "nummod", "compound", "npadvmod", "advmod", "amod", "nmod"}
_UNDER_VERB = _DATES_VERB | {"advcl", "xcomp", "acl", "pcomp", "dobj"}


def _with_narrative_years(doc: Doc | None, found: list[Timex], dct: date | None) -> list[Timex]:
    """`In 2012, the campaign spent millions on ads beginning in April`, `Eight years ago, Obama
    had won 11 victories in February`: a month without a year, in the clause of a verb a past
    year dates, is of that year, not of the year the publication date gives it."""
    if doc is None or dct is None:
        return found
    out = list(found)
    years = [
        (t, verb)
        for t in found
        if t.type == "DATE"
        and _YEAR_ONLY.fullmatch(t.value or "")
        and int(t.value or 0) < dct.year
        and (verb := _dated_verb(doc, t.start)) is not None
    ]
    if not years:
        return found
    for i, timex in enumerate(out):
        if (
            timex.type != "DATE"
            or not _YEAR_MONTH.match(timex.value or "")
            or not _YEARLESS_MONTH.fullmatch(timex.text)
        ):
            continue
        first = _token_at(doc, timex.start)
        if first is None:
            continue
        month = _month_word(doc, first, timex.end)
        if month.dep_ not in {"pobj", "npadvmod"}:
            continue  # "their June record highs, set in 1934 and 2012": any June
        for year, verb in years:
            if year.value == (timex.value or "")[:4] or verb.sent != month.sent:
                continue
            if _hangs_from(month, verb):
                out[i] = replace(timex, value=f"{year.value}{(timex.value or '')[4:]}")
                break
    return out


def _dated_verb(doc: Doc, char: int) -> Token | None:
    """The verb a year at `char` dates as an adverbial, at most three steps up ("In 2008,
    Obama began"); None for a year inside a subject or object ("donations from 2010")."""
    node = _token_at(doc, char)
    for _ in range(3):
        if node is None or node.head.i == node.i or node.dep_ not in _DATES_VERB:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _hangs_from(token: Token, verb: Token) -> bool:
    """Whether `token` reaches `verb` going up through adverbials and subordinate clauses."""
    node = token
    for _ in range(7):
        if node.i == verb.i:
            return True
        if node.head.i == node.i or node.dep_ not in _UNDER_VERB:
            return False
        node = node.head
    return node.i == verb.i


def _range_ends(
    text: str,
    found: list[Timex],
    bare: re.Pattern[str],
    value: re.Pattern[str],
    link: re.Pattern[str] = _RANGE_LINK,
) -> Iterator[tuple[int, str, str]]:
    """Where `found[i]` and `found[i + 1]` are the two ends of one range ("from Monday to
    Friday", "between April and June 2023"), the first written `bare`, each resolved to a
    `value` of the form given, with `link` between them: `i` and the two values."""
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        if (
            first.type == second.type == "DATE"
            and first.value
            and second.value
            and value.match(first.value)
            and value.match(second.value)
            and bare.fullmatch(first.text)
            and _one_range(text, first, second, link)
        ):
            yield i, first.value, second.value


def _one_range(text: str, first: Timex, second: Timex, link: re.Pattern[str]) -> bool:
    """Whether `first` and `second` are told as the two ends of one range: `link` between them
    ("to", "until", "-"), or "and" after "between"."""
    return bool(
        link.fullmatch(text, first.end, second.start)
        or (
            text[first.end : second.start].strip().casefold() == "and"
            and _BETWEEN.search(text, max(0, first.start - 12), first.start)
        )
    )


# a clock on a day, of a known year or (no publication date) of none
_CLOCK_ON_DAY = re.compile(rf"^({_A_DAY.pattern})T(\d\d:\d\d)$")
_NAMES_DAY = re.compile(
    rf"{_WEEKDAY}|{_MONTH}|\b(?:today|tonight|tomorrow|yesterday)\b|\d/", re.IGNORECASE
)


def _overnight_clocks(text: str, found: list[Timex]) -> list[Timex]:
    """The two clocks of one range on one day or overnight. A second clock with no day of its
    own that is earlier than the first ends the next morning (`from 10 p.m. to 5 a.m.`, `from
    11 p.m. Friday until 2 a.m.`); a day told with the second only dates the first too (`from
    9:30 a.m. to 4 p.m. Friday`), the evening before when the first is the later clock (`from
    11:30 p.m. to 1:15 a.m. Saturday`)."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.type != "TIME" or second.type != "TIME" or not first.value or not second.value:
            continue
        one, two = _CLOCK_ON_DAY.match(first.value), _CLOCK_ON_DAY.match(second.value)
        if not one or not two or one.group(2) == "24:00":
            continue
        if not _one_range(text, first, second, _RANGE_LINK):
            continue
        overnight = two.group(2) < one.group(2)
        if not _NAMES_DAY.search(second.text):
            # the second clock's day is the first's, or the next ("from 10:30 p.m. Aug. 9 to
            # 6:30 a.m.": 10 August, whatever day the second was read on by itself)
            morning = _day_after(one.group(1), int(overnight))
            out[i + 1] = replace(second, value=f"{morning}T{two.group(2)}")
        elif not _NAMES_DAY.search(first.text):
            day = _day_after(two.group(1), -int(overnight))
            out[i] = replace(first, value=f"{day}T{one.group(2)}")
    return out


def _day_after(day: str, days: int) -> str:
    """`day` ("2019-08-09", or "XXXX-08-09" of no known year) moved on by `days`."""
    if not day.startswith("XXXX"):
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    # counted in a common year, where 28 February is followed by 1 March; 29 February, which
    # only a leap year has, in one
    year = "2000" if day[5:] == "02-29" else "2001"
    moved = date.fromisoformat(year + day[4:]) + timedelta(days=days)
    return f"XXXX{moved.isoformat()[4:]}"


# a weekday told with its calendar date: "Thursday, January 2nd, 2020", "Tuesday, Nov. 19"
_WEEKDAY_DATED = re.compile(rf"({_WEEKDAY}),? (?:{_MONTH}|\d)", re.IGNORECASE)
_PLAIN_WEEKDAY = re.compile(rf"({_WEEKDAY})(?: (?:morning|afternoon|evening|night))?", re.I)


def _dated_weekdays(text: str, found: list[Timex]) -> list[Timex]:
    """A weekday told alone near the same weekday told with its date ("under Flood Watch
    Thursday ... in effect from Thursday, January 2nd, 2020"), within `_ECHO_REACH`
    characters either way, is that day, whatever its clause's tense made of it."""
    anchors = [
        (t.start, _weekday_key(m.group(1)), t.value[:10])
        for t in found
        if t.value and _FULL_DAY.match(t.value[:10]) and (m := _WEEKDAY_DATED.match(t.text))
    ]
    if not anchors:
        return found
    out = list(found)
    for i, timex in enumerate(found):
        plain = _PLAIN_WEEKDAY.fullmatch(timex.text)
        if not plain or not timex.value or not _FULL_DAY.match(timex.value[:10]):
            continue
        key = _weekday_key(plain.group(1))
        near = [
            day for at, name, day in anchors if name == key and abs(at - timex.start) <= _ECHO_REACH
        ]
        if near and near[0] != timex.value[:10]:
            out[i] = replace(timex, value=near[0] + timex.value[10:])
    return out


def _with_bracketed_days(text: str, found: list[Timex], dct: date | None) -> list[Timex]:
    """`on Monday (August 22)`, `November 15 (Tuesday)`: a weekday and its date told in
    brackets are one day, the date's; a date told without its year takes the year, next to
    the publication year, that puts it on that weekday. A pair whose calendar disagrees with
    itself is left as it was read."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if text[first.end : second.start] != " (" or text[second.end : second.end + 1] != ")":
            continue
        if _BARE_WEEKDAY.fullmatch(first.text) and not _BARE_WEEKDAY.fullmatch(second.text):
            weekday, day = first, second
        elif _BARE_WEEKDAY.fullmatch(second.text):
            weekday, day = second, first
        else:
            continue
        if day.type != "DATE" or not day.value or not _ANY_YEAR_DAY.fullmatch(day.value):
            continue
        value = day.value
        if dct is not None and not day.value.startswith("XXXX"):
            told = date.fromisoformat(day.value)
            named = re.search(_WEEKDAY, weekday.text, re.IGNORECASE)
            moved = _year_of_weekday(told, named.group(0), dct) if named else None
            if moved is None or (moved != told and re.search(r"\d{4}", day.text)):
                continue  # no year puts it on that weekday, or the year told does not
            value = moved.isoformat()
        out[i] = replace(first, value=value)
        out[i + 1] = replace(second, value=value)
    return out


_DEICTIC_DAY = re.compile(r"today|tonight|yesterday|tomorrow", re.IGNORECASE)
_TOLD_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year written out, in a date or a heading


def _deictic_days_with_dates(text: str, found: list[Timex]) -> list[Timex]:
    """`published online today (Nov. 18)`, `Today, July 29th 2021, our thoughts`: a day word
    with its date beside it, in brackets or (with its year) set off by commas, is that date,
    "tonight" its night; read undated, too, where the word alone would have no value."""
    out = list(found)
    for i in range(len(out) - 1):
        word, day = out[i], out[i + 1]
        if not _DEICTIC_DAY.fullmatch(word.text) or day.type != "DATE":
            continue
        if not day.value or not _ANY_YEAR_DAY.fullmatch(day.value):
            continue
        between, after = text[word.end : day.start], text[day.end : day.end + 1]
        bracketed = between == " (" and after == ")"
        apposed = between == ", " and after in {",", ""} and _TOLD_YEAR.search(day.text)
        if bracketed or apposed:
            night = "TNI" if word.text.casefold() == "tonight" else ""
            out[i] = replace(word, value=day.value + night)
    return out


_SCHEDULE_HEADING = re.compile(
    r"\b(?:tours?|dates|schedule|fixtures|concerts|shows|itinerary)\b", re.IGNORECASE
)
_SCHEDULE_LEAST = 3  # lines opening on a date that make a list


def _schedule_lists(text: str, found: list[Timex], dct: date | None) -> list[Timex]:
    """A list of lines that each open on a day with no year ("June 9 -- Coral Sky
    Amphitheatre, West Palm Beach, FL"), three or more, is a schedule: under a heading that
    gives a year ("The Doobie Brothers 50th Anniversary Tour 2020 dates:") its days are of that
    year; under one that names tour dates, a schedule or fixtures with no year, they are the
    coming ones (the next of each on or after publication), not the nearest."""
    opening = [
        i
        for i, t in enumerate(found)
        if (t.start == 0 or text[t.start - 1] == "\n")
        and t.value
        and _ANY_YEAR_DAY.fullmatch(t.value[:10])
        and not _TOLD_YEAR.search(t.text)
    ]
    runs: list[list[int]] = []
    for i in opening:
        if runs and text[found[runs[-1][-1]].end : found[i].start].strip("\n").count("\n") == 0:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = list(found)
    for run in runs:
        if len(run) < _SCHEDULE_LEAST:
            continue
        before = text[: found[run[0]].start].rstrip("\n")
        heading = before[before.rfind("\n") + 1 :]
        told = _TOLD_YEAR.search(heading)
        if told is None and (dct is None or not _SCHEDULE_HEADING.search(heading)):
            continue
        for i in run:
            value = found[i].value or ""
            if told is not None:
                year = int(told.group(0))
            elif dct is not None:
                year = dct.year + (value[5:10] < dct.isoformat()[5:])
            else:
                continue
            out[i] = replace(found[i], value=f"{year:04d}{value[4:]}")
    return out


def _ordered_weekdays(text: str, found: list[Timex], dct: date | None) -> list[Timex]:
    """`from Monday to Friday`: a range of weekdays runs forward, as do a day and the next
    told together ("on Saturday and Sunday", "late on Saturday or early Sunday"; not "made
    Friday and Thursday"). When each end was resolved on its own and the second falls before
    the first, the range lies ahead of the first end if that is after publication ("will
    close from Monday to Friday"), else before the second ("were closed from Monday to
    Friday")."""
    out = list(found)
    for i, first, second in _range_ends(text, out, _BARE_WEEKDAY, _FULL_DAY, _DAY_LINK):
        if second >= first or not _BARE_WEEKDAY.fullmatch(out[i + 1].text):
            continue
        begin, end = date.fromisoformat(first), date.fromisoformat(second)
        if (
            not _RANGE_LINK.fullmatch(text, out[i].end, out[i + 1].start)
            and (end - begin).days % 7 != 1
        ):
            continue
        if dct is not None and begin > dct:
            while end < begin:
                end += timedelta(days=7)
            out[i + 1] = replace(out[i + 1], value=end.isoformat())
        else:
            while begin > end:
                begin -= timedelta(days=7)
            out[i] = replace(out[i], value=begin.isoformat())
    return out


def _ordered_months(text: str, found: list[Timex], dct: date | None) -> list[Timex]:
    """`between April and June`: a range of months (or of their days) runs forward. A year
    written at the second end is the first's too ("from April to June 2023", "from April 3 to
    June 5, 2023"; "from November to February 2024": the November before). Two ends without a
    year put out of order by the month slack take their year from an end already gone by
    ("the ban ran between April and June", told in March: last year's April), else from the
    first ("will close from November to February")."""
    out = list(found)
    for i, first, second in _range_ends(text, out, _BARE_MONTH, _YEAR_MONTH):
        if second.startswith("X"):
            continue  # no year at either end, nor a DCT
        month, end_year = first[5:], int(second[:4])
        if not _BARE_MONTH.fullmatch(out[i + 1].text):
            year = end_year - (month > second[5:])
            out[i] = replace(out[i], value=f"{year:04d}-{month}")
        elif second >= first:
            continue
        elif dct is not None and second <= dct.isoformat()[: len(second)]:
            out[i] = replace(out[i], value=f"{int(first[:4]) - 1:04d}-{month}")
        else:
            out[i + 1] = replace(out[i + 1], value=f"{end_year + 1:04d}-{second[5:]}")
    return out


_UNTIL = re.compile(r"\b(?:until|till|untill)\s+(?:the\s+)?$", re.IGNORECASE)
_PUT_OFF = re.compile(
    r"\b(?:postpon|delay|adjourn|defer|put off|pushed back|extend|recess|gave|give)\w*\b"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
_TO = re.compile(r"\b(?:to|for|through|thru)\s+(?:the\s+)?$", re.IGNORECASE)
# moved to a day: "the hearing has been moved to February", "rescheduled for Monday"
_MOVED = re.compile(r"\b(?:moved|moving|rescheduled|pushed)\b[^.;]{0,40}$", re.IGNORECASE)
# the day a reported period ends on: "in the year to October", "the 12 months to the end of
# September", "the quarter ended Sept. 30"
_PERIOD_END = re.compile(
    r"\b(?:year|months|weeks|quarter|period|days)\s+(?:to|ending|(?P<ended>ended)|through)\s+"
    r"(?:the\s+(?:end|start|middle)\s+of\s+)?$",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\bsince\s+(?:(?:shortly|just|soon|right)\s+)?(?:(?:after|before)\s+)?"
    r"(?:(?:the|their|his|her|its|our|my|your)\s+)?$",  # "since their Oct. 13 debate"
    re.IGNORECASE,
)


def _cue_tense(text: str, start: int, doc: Doc | None) -> Tense | None:
    """A preposition that overrides the verb's tense: "since Dec. 2" lies behind; "until
    Friday" lies where the state its verb tells does (`_until_tense`), except after a verb of
    putting off ("was adjourned until Friday", "postponed until Tuesday"), which looks ahead,
    as does a day something is put off or moved to ("postponed to March", "has been moved to
    February"). The day a reported period ends on ("the year to October") is the nearest one;
    one it "ended" on has gone by, as has the month of a forecast a figure is compared with
    ("less than forecast in July"), as has one "most recently" or "as recently as" something
    happened. "Come November" and "going into November" are the November ahead."""
    before = text[max(0, start - 40) : start]
    if found := _UNTIL.search(before):
        # put off until a day: a day still ahead ("postponed until Tuesday"); else its verb
        # tells where it lies
        return "future" if _PUT_OFF.search(before[: found.start()]) else _until_tense(doc, start)
    if period := _PERIOD_END.search(before):
        # a figure's period ends on the nearest such day, whatever the verb that reports it
        # ("the figures cover the 12 months to the end of September", told in November),
        # and one that "ended" on it is over
        return "strictly past" if period.group("ended") else "none"
    if found := _TO.search(before):
        # put off or moved to a day: "postponed to March", "extended through May"
        verb_part = before[: found.start()]
        if _PUT_OFF.search(verb_part) or _MOVED.search(verb_part):
            return "future"
    if _SINCE.search(before):
        return "strictly past"
    if _THAN_FORECAST.search(before):
        return "past"  # "less than forecast in July": a forecast already made, whatever the verb
    if _RECENTLY.search(before):
        return "past"  # "elections are held every four years, most recently in May"
    if _COME.search(before):
        return "future"  # "the votes she will need come November": when November comes
    if _GOING_INTO.search(before) and _MONTH_NEXT.match(text, start):
        return "future"  # "not a 51 percent pathway going into November", told in March
    return None


# "going into" or "heading into" a month: the one ahead ("Going into Tuesday's contests" is read
# by the weekday's own rules, and may be today)
_GOING_INTO = re.compile(r"\b(?:going|heading) into\s+$", re.IGNORECASE)
_MONTH_NEXT = re.compile(rf"(?:early |late |mid-?)?{_MONTH}\b", re.IGNORECASE)
# "come" as a preposition, "when it comes": not "had come Monday"
_COME = re.compile(r"(?<!\bhad )(?<!\bhas )(?<!\bhave )\bcome\s+$", re.IGNORECASE)


_RECENTLY = re.compile(
    r"\b(?:most|as) recently(?: as)?,?\s+(?:(?:in|on|during)\s+)?$", re.IGNORECASE
)
_THAN_FORECAST = re.compile(
    r"\bthan (?:(?:previously|earlier|originally|initially) )?"
    r"(?:forecast|predicted|projected|estimated) (?:in|on) $",
    re.IGNORECASE,
)


_JOINER = re.compile(rf"^,? ?(?:(?:{_ZONE}|local time),? )?(?:on |at )?$", re.IGNORECASE)


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
    if previous.type == "TIME" and "T" in first and kind == "DATE" and _CLOCK_DAY.match(second):
        if _NAMES_A_DAY.search(previous.text) and first.split("T", 1)[0] != second:
            return None  # "on Wednesday night, New Year's Eve celebrations": two days
        clock = first.split("T", 1)[1]
    elif kind == "TIME" and "T" in second and previous.type == "DATE" and _CLOCK_DAY.match(first):
        clock, second = second.split("T", 1)[1], first
    else:
        return None
    return Timex(text[previous.start : end], previous.start, end, "TIME", f"{second}T{clock}")


# a clock with a day of its own ("Wednesday night", "Nov. 9 at 5 p.m."), not a bare clock
_NAMES_A_DAY = re.compile(rf"\b(?:{_WEEKDAY}|{_MONTH})\b", re.IGNORECASE)
# a day a clock can sit on: a calendar day, or a weekday with no publication date to place it
_CLOCK_DAY = re.compile(rf"^(?:{_A_DAY.pattern}|XXXX-WXX-[1-7])$")


# between a clock and the day that dates it: "(0735 GMT) ", " local time (1700 GMT) on ", " ("
_ASIDE = re.compile(r"(?: local time)?(?: \(\d{3,4} (?:GMT|UTC)\))?(?: \(| (?:on )?)")


def _redate_clock(text: str, previous: Timex, start: int, value: str | None) -> Timex | None:
    """A clock time whose day an aside gives: `10:35 a.m. (0735 GMT) Friday`, `8 p.m. local
    time (1700 GMT) on Friday`, `at 4 in the morning (4 a.m. EDT Thursday)`. Both stay
    expressions of their own."""
    if previous.type != "TIME" or not previous.value or "T" not in previous.value or not value:
        return None
    day = value.split("T", 1)[0]  # "Thursday" or, from a clock of its own, "4 a.m. Thursday"
    if not _ASIDE.fullmatch(text, previous.end, start) or not _CLOCK_DAY.match(day):
        return None
    clock = previous.value.split("T", 1)[1]
    return Timex(previous.text, previous.start, previous.end, previous.type, f"{day}T{clock}")


# a month or season, of an unknown year too (no publication date: "early June of that year")
_MONTH_OR_SEASON = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|SP|SU|FA|WI)")
_YEAR_JOINER = re.compile(r",? (?:of )?")


# a year told, then "the year" in apposition to it or as its complement
_YEAR_IS_THE = re.compile(
    r",(?: which (?:is|was))? | (?:is|was|will be|would be|could be|became|becomes) "
)


def _is_the_year_of(text: str, previous: Timex, start: int) -> bool:
    """Whether "the year" at `start` is the year `previous` told ("in 2008, the year he
    returned", "Perhaps 2016 will be the year", "not 2014, which is the year he joined")."""
    return bool(
        _YEAR_ONLY.fullmatch(previous.value or "")
        and _YEAR_IS_THE.fullmatch(text, previous.end, start)
    )


_THAT_YEAR = re.compile(r"that (?:same )?year", re.IGNORECASE)
# a year, month or week told before: "that year", "later that month", "that same week"
_THAT_UNIT = re.compile(r"(?:(?:earlier|later) )?that (?:same )?(?:year|month|week)", re.I)
_TODAY = re.compile(r"today|tonight", re.IGNORECASE)


def _is_today(timex: Timex, dct: date | None) -> bool:
    """Whether `timex` is "today" or "tonight" read as the publication day."""
    return dct is not None and timex.value == dct.isoformat() and bool(_TODAY.fullmatch(timex.text))


def _of_a_month(text: str, previous: Timex, start: int) -> bool:
    """Whether `previous` is a month or season the year starting at `start` is joined to."""
    value = previous.value or ""
    return bool(
        _MONTH_OR_SEASON.fullmatch(value) and _YEAR_JOINER.fullmatch(text, previous.end, start)
    )


def _merge_year(
    text: str, previous: Timex | None, start: int, end: int, kind: str, value: str | None
) -> Timex | None:
    """`January nineteen ninety-seven`, `the winter of nineteen ninety-four`: the month or
    season of the spelled year that follows (a year in digits joins in the rule itself)."""
    if previous is None or kind != "DATE" or not value or not _YEAR_ONLY.fullmatch(value):
        return None
    if not previous.value or not _MONTH_OR_SEASON.fullmatch(previous.value):
        return None
    if not _YEAR_JOINER.fullmatch(text, previous.end, start):
        return None
    return Timex(
        text[previous.start : end], previous.start, end, "DATE", value + previous.value[4:]
    )


_DAY_NEXT_TO = re.compile(r"the day (before|after)", re.IGNORECASE)


def _merge_day_next_to(
    text: str, previous: Timex | None, start: int, end: int, kind: str, value: str | None
) -> Timex | None:
    """`the day before last Tuesday('s hearing)`: one day from the date that follows."""
    if previous is None or kind != "DATE" or not value or not _FULL_DAY.fullmatch(value):
        return None
    said = _DAY_NEXT_TO.fullmatch(previous.text)
    if said is None or text[previous.end : start] != " ":
        return None
    day = _day_next_to(value, said.group(1))
    return Timex(text[previous.start : end], previous.start, end, "DATE", day)


_FRACTION = re.compile(r"(?:quarters?|half|halves)$", re.IGNORECASE)
# a count of times or a span of time per unit: "twice a week", "24 hours a day"
_COUNT_OF_TIMES = r"times|twice|once|(?:minute|hour|day|night|week|month)s?"
_TIMES = re.compile(rf"\b(?:{_COUNT_OF_TIMES})\s+$", re.I)
# an amount ends in a digit: "1998. A year later" closes a sentence with a year
_AMOUNT = r"\d(?:[\d,.]*\d)?%?"
_RATE_BEFORE = re.compile(
    rf"(?:{_AMOUNT}|million|billion|trillion|percent|{_COUNT_OF_TIMES})\s+$"
    # "24 hours a day, seven days a week"
    # "9 million euros a year", "500 people a day", "20 magazines and supplements a year"
    rf"|{_AMOUNT}(?: [a-z]+){{1,2}}(?: and [a-z]+)?\s+$",
    re.IGNORECASE,
)


# capitalized words inside a sentence: after a quote mark ("''" too, as some papers write it), a
# possessive or a lower-case word
_IN_TITLE = re.compile(r"(?:[“\"‘']|'s |’s |[a-z,] )\Z")


# a quarter of a game, which the words of a match report around it tell
_GAME_PERIOD = re.compile(
    r"(?:the )?(?:first|second|third|fourth|final|1st|2nd|3rd|4th) quarter", re.I
)
_GAME_CUE = re.compile(
    r"\b(?:touchdowns?|TD (?:pass|run)\w*|field goals?|half-?time|overtime|quarterback|rebounds"
    r"|free throws?|three-pointers?|rush(?:ed|ing) for|scor(?:ed|ing|es)|intercept\w*"
    r"|\d+-\d+ (?:lead|win|victory|bulge|deficit|halftime))\b"
)
_GAME_REACH = 200  # characters either side of a quarter where a match report's words are sought


def _not_time(text: str, surface: str, start: int, end: int) -> bool:
    """A match that its context says is not time: a reference word out of place (see
    `_contextual_ok`), a fraction ("three-quarters of its food", "a quarter of the market"), a
    title (NBC's "Today", USA TODAY, "60 Minutes", "Fox News Sunday", "a Constructive
    Tomorrow"), a collapse ("the fall of Kabul"), a periodical ("the daily Granma") or its
    label, a name in capitals ("APRIL Group"), a figure ("closed at 2082.1",
    "version 1.2.2024") or part of one ("41/2 years", "just over a quarter, 26 percent"),
    part of a web address, "the year" a year names ("the year was 1968"), an ordinal ("a
    second group"), a thing named for a feast ("Christmas trees") or an idiom ("high noon", "in
    some quarters")."""
    if _URL_SO_FAR.search(text, max(0, start - 200), start):
        return True  # "https://example.com/2024/02/01/story": part of an address
    if _COUNT.match(surface) and _SLASH_BEFORE.fullmatch(text, max(0, start - 2), start):
        return True  # "41/2 years" (4½ with the fraction typed out): not two years
    share = _share_at(surface)
    if share is not None and not _SPAN_BEFORE.search(text, max(0, start - 12), start + share):
        # a share, unless a span's preposition comes first: "just over a quarter, 26 percent",
        # "between a quarter and a third", "three-quarters said the same"
        return True
    if surface.casefold() == "quarter" and _NAMED_QUARTER.search(text, max(0, start - 30), start):
        return True  # "its centuries-old Armenian quarter", "the French Quarter": a district
    if _GAME_PERIOD.fullmatch(surface) and _GAME_CUE.search(
        text, max(0, start - _GAME_REACH), end + _GAME_REACH
    ):
        return True  # "scoring 24 points in the third quarter", "a touchdown in the fourth quarter"
    if _SOME_QUARTERS.fullmatch(surface) and _IN_FROM.search(text, max(0, start - 6), start):
        # "the backlash has been fierce in some quarters": among some people (not "in some
        # quarters of 2019")
        return not text.startswith(" of ", end)
    if surface.casefold() in _CONTEXTUAL:
        return not _contextual_ok(text, start, end)
    if _FRACTION.search(surface) and text[end : end + 4].casefold() == " of ":
        return re.split(r"[- ]", surface.casefold())[0] in {"a", "one", "two", "three"}
    if surface.casefold().removesuffix("'s").removesuffix("’s") in {"today", "tonight"}:
        quoted = bool(_OPEN_QUOTE.search(text, max(0, start - 2), start)) and bool(
            _CLOSE_QUOTE.match(text, end)
        )  # "the ''Today'' show", "in charge of ''Today,''" (two apostrophes: a double quote)
        if _NOWADAYS.match(text, end) and surface.casefold().startswith("today"):
            return True  # "today's youth": the present age, not the day
        if surface in {"Today", "Tonight"} and (
            text.startswith(" Show", end) or _NAME_BEFORE.search(text, max(0, start - 40), start)
        ):
            return True  # "The Tonight Show", "his show “Lopez Tonight”": a programme
        return start > 0 and (quoted or text[max(0, start - 4) : start] == "USA ")
    if _TITLE_UNIT.fullmatch(surface):
        return True  # CBS's "60 Minutes", "48 Hours": a programme
    if surface == "This Week" and _IN_TITLE.search(text, max(0, start - 8), start):
        return True  # ABC's "This Week": a programme, capitalized inside a sentence
    if surface == "This Morning" and _CBS.search(text, max(0, start - 12), start):
        return True  # "CBS This Morning", CBS's "This Morning": a programme
    if any(surface == day and text.endswith(network, 0, start) for network, day in _DAY_SHOWS):
        return True  # "Fox News Sunday", "CBS Sunday Morning": weekly programmes
    if surface.isdigit() and (
        _DECIMALS.match(text, end) or _DIGIT_DOT.fullmatch(text, max(0, start - 2), start)
    ):
        return True  # "closed at 2082.1", "2019,5", "version 1.2.2024": a figure, not a year
    if surface == "Tomorrow" and _NAME_BEFORE.search(text, max(0, start - 40), start):
        return True  # "the Committee for a Constructive Tomorrow": a name
    if surface.casefold() == "the fall" and _FALL_OF.match(text, end):
        return True  # "the fall of the Soviet Union": its collapse, not the season
    if surface.casefold() == "the year" and _YEAR_IS.match(text, end):
        return True  # "The year is 2023": the year that follows says which
    if surface.casefold() in _THE_UNITS and _TITLE_OF.search(text, max(0, start - 30), start):
        return True  # "Time's Person of the Year", "the flavor of the week": a title or idiom
    if surface.casefold() in _PERIODICAL:
        if _PAPER.match(text, end) and (surface[0].isupper() or surface == "daily"):
            # "the Communist Party daily Granma", "the Weekly Standard": a paper; not "the
            # weekly GOP Power Rankings"
            return True
        if surface[0].isupper() and _NAME_WORD_BEFORE.search(text, max(0, start - 40), start):
            return True  # "Publishers Weekly", "Breitbart News Daily", "People's Daily"
        if text[start - 1 : start] in {"", "\n"} and text[end : end + 1] in {"", "\n"}:
            return True  # "DAILY" on a line of its own: a newsletter's label
    if surface.isupper() and surface.casefold() in MONTHS and _LOWER_NEXT.match(text, end):
        return True  # "APRIL is proud", "APRIL Group": a name in capitals, not the month
    if surface.casefold() in {"a second", "one second"} and (
        _ORDINAL_NEXT.match(text, end) or surface.endswith("Second")
    ):
        return True  # "a second betrayal", "a second group", "a Second Circuit judge": ordinals
    if _FEAST.search(surface) and _FEAST_THING.match(text, end):
        return True  # "Christmas trees", "Easter eggs": things named for a feast, not its day
    return surface.casefold() == "noon" and text[max(0, start - 5) : start].casefold() == "high "


def _share_at(surface: str) -> int | None:
    """Where in `surface` a fraction begins ("a quarter", "the first three-quarters"); None
    when it names none."""
    if surface.casefold() in _A_QUARTER:
        return 0
    fraction = _HYPHEN_FRACTION.search(surface)
    return None if fraction is None else fraction.start()


# a capitalized word after a word in lower case, before a capitalized expression: a name's
# first part ("of Russia Today"; not a headline's "Order Yours Today")
_NAME_BEFORE = re.compile(r"(?<![A-Za-z])[a-z]+,? [“\"']?[A-Z][a-z]+ \Z")
_FEAST = re.compile(r"(?:christmas|easter|thanksgiving)$", re.IGNORECASE)
# weekly programmes named for their day, as (the network before it, the day)
_DAY_SHOWS = (("Fox News ", "Sunday"), ("CBS ", "Sunday Morning"))
_FEAST_THING = re.compile(
    r" (?:trees?|cards?|presents?|gifts?|carols?|lights|decorations?|ornaments?|eggs?|bunny|"
    r"puddings?|cakes?|stockings?|jumpers?|sweaters?|songs?|music|movies?|films?|markets?|"
    r"shopping|turkeys?|hams?|islands?)\b",
    re.IGNORECASE,
)
_DECIMALS = re.compile(r"[.,]\d")
# "the fall of" anything but a year: a collapse ("the fall of Kabul"), not the season
_FALL_OF = re.compile(r" of (?!(?:the )?(?:\d|'\d|that|this|last|next|the year|the same year))")
_CBS = re.compile(r"CBS\W{0,3}(?:s\W{0,3})?\Z")
_THE_UNITS = {"the year", "the month", "the week"}
# a title given for a year, month or week ("Person of the Year", "Chart of the Week", "Liar of
# the Year") or the idiom "the flavor of the week": no time of the story
_TITLE_OF = re.compile(
    r"\b(?:person|man|woman|people|player|coach|rookie|athlete|teacher|citizen|newsmaker|liar|"
    r"flavou?r|chart|stat|photo|picture|quote|tweet)s?[- ]of[- ]\Z",
    re.IGNORECASE,
)
_DIGIT_DOT = re.compile(r"\d[.,]")
_YEAR_IS = re.compile(r" (?:is|was|will be) (?:now )?\d{4}\b")
_PERIODICAL = {"daily", "weekly", "monthly"}
_A_QUARTER = {"a quarter", "one quarter"}  # a fraction, unless a span's preposition comes first
# "three-quarters", "one-quarter", "three-quarter": a share; "a two-quarter slump" is a span
_HYPHEN_FRACTION = re.compile(r"\b(?:(?:one|two|three)-quarters|(?:one|three)-quarter)$", re.I)
# a capitalized word not a month before "quarter": a district of a town
_NAMED_QUARTER = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|First|Second|Third|Fourth|Last|Next|This|That|The|Fiscal)\b)[A-Z][a-z]+ \Z"
)
_SOME_QUARTERS = re.compile(r"(?:some|many|certain|various) quarters", re.IGNORECASE)
_IN_FROM = re.compile(r"\b(?:in|from)\s+\Z", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:in|for|within|during|each|per|every)\s+\Z", re.IGNORECASE)
_URL_SO_FAR = re.compile(r"(?:https?://|www\.)\S*\Z", re.IGNORECASE)
_COUNT = re.compile(r"\d+ [a-z]")
_SLASH_BEFORE = re.compile(r"\d/")
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'\u2019]*\s+\Z")  # a capitalized word, no full stop
_LOWER_NEXT = re.compile(r"\s+[A-Z]*[a-z]")  # the next word has a lower-case letter
_PAPER = re.compile(r"(?: [A-Z]\w+| (?:said|reported|wrote|quoted|published)\b)")
_TITLE_UNIT = re.compile(r"\d+ (?:Seconds|Minutes|Hours|Days|Weeks|Months|Years)")
_OPEN_QUOTE = re.compile(r"(?:[“\"]|'')\Z")
_CLOSE_QUOTE = re.compile(r"[.,]?(?:[”\"]|'')")
_ORDINAL_NEXT = re.compile(
    r" (?!(?:later|earlier|ago|after|before|of|or|and|in|to|for|longer|more|each|per|a|the)\b)"
    r"[a-z]+"
    r"|-"  # "a second-place finish", "a second- or third-tier issue"
    r"| (?:[A-Z][a-z]*[A-Z]|\d)"  # "A second CIA officer", "A second 2,000-acre project"
)
_NOWADAYS = re.compile(
    r" (?:modern |young |fast-changing |global )?(?:world|youth|society|generation|children|kids|"
    r"young|teenagers|economy|culture|standards|technology|politics|personal computers|"
    r"consumers?|families|workplace|media|life)\b",
    re.IGNORECASE,
)


def _rate(text: str, surface: str, start: int) -> str | None:
    """`a year` / `per week` after a count of times or a span of time ("twice a week", "24 hours
    a day": a "frequency") or after an amount ("$2 million a year", "700 seats a week": an
    "amount"); None for a span of time."""
    words = surface.casefold().split()
    if len(words) != 2 or words[0] not in {"a", "an", "per"}:
        return None
    if text[start + len(surface) : start + len(surface) + 4].casefold() in {" of ", " of,"}:
        return None  # "in 2010 a year of protests began": a span, whatever comes before
    if _COUNTED_FROM.match(text, start + len(surface)):
        return None  # "for 20 years and a year later retired": a span counted from a time
    if _SPAN_PREPOSITION.search(text, max(0, start - 12), start):
        return None  # "stole $3 million over a decade": a span after its preposition
    found = _RATE_BEFORE.search(text[max(0, start - 30) : start])
    if found is None:
        return None
    return "frequency" if _TIMES.search(found.group(0)) else "amount"


_COUNTED_FROM = re.compile(r" (?:later|earlier|ago)\b", re.IGNORECASE)
_SPAN_PREPOSITION = re.compile(
    r"\b(?:over|for|in|within|during|across|throughout|after|before|than|about|nearly|almost)\s+$",
    re.IGNORECASE,
)
_EVERY = re.compile(r"\b(?:every|each) $", re.IGNORECASE)
# a clock of a recurring day ("weekdays from 6:00 a.m. to 9:00 a.m.", "nightly at 11 p.m."),
# found within the characters before the clock (a search from the text's start would cost a
# live blog's every clock a pass over all before it)
_EVERY_CLOCK_REACH = 120
_EVERY_CLOCK = re.compile(
    r"\b(?:weekdays|weeknights|daily|nightly|(?:every|each) (?:day|night|morning|evening|"
    r"afternoon|weekday)|(?:mon|tues|wednes|thurs|fri|satur|sun)days)"
    r" (?:from|at|between|until|till|starting at|beginning at) "
    r"(?:[\d:.]+\s?(?:[ap]\.?m\.?|AM|PM)?\s?(?:to|and|until|till|-|\u2013)\s?)?\Z",
    re.IGNORECASE,
)
# "one day" as "some day to come": after a modal or a hope ("could one day stretch", "hope one
# day to"), or ending a clause whose verb has a modal ("I hope I can be like that one day.")
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|can|may|might|should|shall|hopes?|hoped|hoping|dreams?|dreamed|"
    r"wish(?:es)?)(?: (?:not|also|still|even|really|then))? (?:(?:to|that) )?\Z",
    re.IGNORECASE,
)
_HOPE = {"hope", "dream", "wish"}
# where the clause that "one day" ends goes on no further: a mark, "and", "but" or the end
_SOMEDAY_END = re.compile(r"(?:[.,;:!?\"\u201d)]| and\b| but\b|\Z)")
_NOT_SOMEDAY_BEFORE = re.compile(
    r"\b(?:in|for|within|than|with|just|only|about|after|before|of|the|every|each|to|by|at|"
    r"over|least|first|last|barely|nearly|almost|per|a|one|same|on)\s+\Z",
    re.IGNORECASE,
)


def _someday(text: str, start: int, doc: Doc | None) -> bool:
    """Whether "one day" at `start` is some day to come rather than a day's span."""
    before = text[max(0, start - 40) : start]
    if _MODAL_BEFORE.search(before):
        return True
    if _NOT_SOMEDAY_BEFORE.search(before) or not _SOMEDAY_END.match(text, start + 7):
        return False
    one = _token_at(doc, start)
    if one is None or one.i == 0 or one.doc[one.i - 1].pos_ in {"VERB", "AUX", "ADP"}:
        return False  # "would stay one day", "will need one day": a span the verb takes
    verb = _verb_above(one.head)  # "can benefit this country one day": what may come
    return _lemma(verb) in _HOPE or any(c.tag_ == "MD" for c in verb.children if c.dep_ == "aux")


_AHEAD = re.compile(r"\b(?:will|'ll|shall|may|might|can|could|would|to|enough)\b[^.;,]*$", re.I)
_AHEAD_REACH = 120  # characters before "soon" where a modal of its clause is looked for
# a present progressive, or a headline's bare "coming" ("Challenges coming soon")
_PROGRESSIVE_BEFORE = re.compile(r"(?:\b(?:is|are|am|be|['\u2019][sr]e?) [a-z]+ing|\bcoming) $")


def _contextual_ok(text: str, start: int, end: int) -> bool:
    word = text[start:end].casefold()
    after = text[end : end + 12].casefold()
    before = text[max(0, start - 40) : start].casefold()
    if word == "earlier":
        return after.startswith((" this", " in"))
    if word == "soon":
        # a time ahead ("will soon begin", "may soon seek"), not "as soon as", "soon after"
        # or a step in a story told ("was soon released")
        if before.endswith("as ") or after.startswith((" after", " before", " as")):
            return False
        # "any time soon" looks ahead with no modal ("hopeful of it improving any time soon"),
        # as does a progressive ("Challenges coming soon", "is launching soon")
        if before.endswith(("any time ", "anytime ")) or _PROGRESSIVE_BEFORE.search(before):
            return True
        # a modal anywhere in the clause before ("can work the kinks out and offer a true
        # high-end experience soon")
        return bool(_AHEAD.search(text, max(0, start - _AHEAD_REACH), start))
    if word == "once":
        return False
    if word == "formerly":
        # "X, formerly Twitter", "(formerly known as ...)": a former name, not a time told
        return not (before.rstrip().endswith((",", "(")) or after.startswith((" known", " called")))
    if word == "current":
        return not after.startswith((" account", " events", " affairs"))
    if word == "so far":
        return True
    if word == "recently":
        # "as recently as March": a comparison, the time is the date that follows
        return not (before.endswith("as ") and after.startswith(" as "))
    return not after.startswith(" year")


# what happens on a day, or is done then: "today" with these is that day, not nowadays
_HAPPENING = {
    "come", "begin", "start", "open", "close", "end", "mark", "take", "arrive", "leave",
    "meet", "vote", "go", "hold", "release", "announce", "say", "tell", "report", "expect",
    "face", "head", "return", "celebrate", "turn", "become", "launch", "issue", "sign",
    "happen", "occur", "depart", "strike", "attack", "rule", "decide", "die",
}  # fmt: skip
# what is said or done on a day: "his comments today", "the decision today"
_DAYS_DEED = {
    "comment", "announcement", "decision", "statement", "remark", "speech", "ruling", "vote",
    "meeting", "testimony", "hearing", "visit", "interview", "report", "move", "news",
}  # fmt: skip
# a day named beside it: "celebrated yesterday, and today there is ...", "Today, July 29"
_OTHER_DAY = re.compile(r"\b(?:yesterday|tomorrow|tonight)\b", re.IGNORECASE)
_DATE_AFTER = re.compile(rf",? {_MONTH}(?!\w)", re.IGNORECASE)
# "Today only, Amazon offers ...": a one-day offer, that day's
_ONLY = re.compile(r",? only\b", re.IGNORECASE)


def _nowadays(text: str, doc: Doc | None, found: list[Timex]) -> list[Timex]:
    """`Today, there are 11 million undocumented people`, `Clinton defenders today argue`:
    "today" with a present simple of a third person is nowadays (PRESENT_REF), as TimeML's
    guidelines have it. Not a day's deed or happening ("his comments today", "the vote comes
    today", "departs today"), a plan or a modal ("is meeting today"), a first person ("we
    today accept"), "today" as the subject ("Today is a sad day") or after a preposition ("by
    today"), nor beside another day ("yesterday ..., and today"), a date ("Today, July 29") or
    "only" ("Today only, the store offers": a one-day offer)."""
    if doc is None:
        return found
    out = list(found)
    for i, timex in enumerate(found):
        # a day, or none with no publication date: nowadays needs none
        if timex.text.casefold() != "today":
            continue
        if timex.value is not None and not _FULL_DAY.match(timex.value):
            continue
        token = _token_at(doc, timex.start)
        if token is None or token.dep_ in {"nsubj", "nsubjpass", "poss", "pobj"}:
            continue
        if token.head.lemma_ in _DAYS_DEED or _OTHER_DAY.search(token.sent.text):
            continue
        if _DATE_AFTER.match(text, timex.end) or _ONLY.match(text, timex.end):
            continue
        verb = _verb_above(token.head if token.head.i != token.i else token)
        if not _is_verb(verb):
            continue
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        finite = auxes[0] if auxes else verb
        if finite.tag_ not in {"VBZ", "VBP"} or (verb.tag_ in {"VBG", "VB"} and auxes):
            continue
        if verb.tag_ == "VBN" and not any(a.lemma_ == "be" for a in auxes):
            continue
        if verb.lemma_ in _HAPPENING or any(a.tag_ == "MD" for a in auxes):
            continue
        # not a clausal subject: "What Washington wants is a deal today" is a day's deal
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT - {"csubj"}]
        if not subjects or any(c.lower_ in {"i", "we"} or c.lemma_ in _DAYS_DEED for c in subjects):
            continue  # "Today is a sad day": today is the subject
        out[i] = replace(timex, value="PRESENT_REF")
    return out
