"""Scraping debris: find the blocks that are not the article, each with a reason.

Hand-written rules, because no maintained library classifies *paragraphs of already-extracted
text* (trafilatura and justext work on the HTML tree, before this point). The rules are
conservative by design: a pattern must be specific to site furniture (calls to action,
link lists, credit lines), and whole-paragraph patterns are anchored, so that an article
*about* subscriptions or donations keeps its paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from parallax.model import normalize_for_hash

__all__ = ["DebrisMatch", "find_debris"]


@dataclass(frozen=True, slots=True)
class DebrisMatch:
    index: int
    reason: str


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|da|di|le|la)){0,3}"

# Whole-paragraph rules, tried in order; the first match gives the reason.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "byline",
        re.compile(
            rf"^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Ss]tory by)\s+(?:[\w ]{{0,30}}\bwriter\s+)?"
            rf"(?:(?:Prof|Dr|Mr|Mrs|Ms)\.?\s+)?{_NAME}"
            rf"(?:\s*(?:,|and|&)\s*(?:[\w'’.&-]+\s?){{1,6}})*\s*[:|]?$"
        ),
    ),
    (
        "byline",
        re.compile(r"^(?:author|authors|byline|written by|reporter)\s*:\s*\S.{0,80}$", re.I),
    ),
    (
        "related",
        _rx(
            r"^\(?(?:read more|also read|see also|see related|related(?: stories| content| articles"
            r"| coverage| news| posts)?|must read|must watch|don[’']t miss|recommended|more from"
            r"|more on this|trending)\b\s*(?:on|in|at|about|:|\||-|–|—|@|$)",
            r"^(?:read|watch|listen|related)\s*(?::|\|)",
            r"^(?:read|watch)$",
            r"^most read in\b",
            r"^read more (?:sun|news) stories$",
            r"^more related news about\b",
            r"^sources? for this article include",
            r"^read all the latest news\b",
            r"^(?:top|latest) stories\b.{0,40}$",
        ),
    ),
    (
        "newsletter",
        _rx(
            r"\bsign up (?:for|to) (?:our|the|get)\b.{0,80}\b(?:newsletter|inbox|emails?|updates)\b",
            r"\byou can unsubscribe (?:at )?any ?time\b",
            r"\bby subscribing,? you agree\b",
            r"^join our (?:mailing )?list$",
            r"\bsubscribe to our (?:mailing list|newsletter)\b",
            r"^today[’']s top stories curated\b",
            r"\bdaily newsletter\b.{0,60}\bclick here\b",
            r"^(?:get|receive) (?:our|the) .{0,40}newsletter\b",
            r"^subscribe (?:to|for) (?:the |our )?[\w .&'’-]{2,60}?(?:newsletter|unlimited access|"
            r"full access|only \S+ a (?:month|week))\b",
        ),
    ),
    (
        "solicitation",
        _rx(
            r"^(?:do you have|got) a (?:story|tip|news tip)\b",
            r"^email us at\b",
            r"^we pay for (?:your )?(?:stories|videos|pictures)\b",
            r"^share your (?:experiences|thoughts|story)\b.{0,120}$",
            r"^thank you for sharing your thoughts\b",
            r"^(?:have|got) (?:a )?(?:news )?tip\b.{0,80}$",
            r"^.{0,120}\b(?:contact|email|e-mail) (?:us|the newsroom) at \S+@\S+.{0,80}$",
        ),
    ),
    (
        "social",
        _rx(
            r"^follow (?:us|[\w .]{2,40}) on (?:facebook|twitter|x|instagram|telegram|tiktok|youtube)\b",
            r"^subscribe to [\w .]{2,40} (?:telegram|youtube|whatsapp) channel",
            r"^(?:quickly )?share this (?:news|article|story)\b",
            r"^click the share button\b",
            r"^.{0,160}\bfollow us on (?:facebook|twitter|instagram)\b.{0,80}$",
        ),
    ),
    (
        "promo",
        _rx(
            r"^truth lives on at\b",
            r"\bjoin the conversation as a\b",
            r"\bpaid members get access\b",
            r"\bsubscribe to the channel\b",
            r"^help keep .{1,40} free\b",
            r"\bbut we need your help\b",
            r"\bclick here to (?:get|upload|subscribe|download|donate)\b",
            r"\bdelivered for free\b",
            r"\blive blog for the (?:very )?latest\b",
            r"^tune your .{1,40} to \S+\.\w+",
            r"\bbookmark this site\b",
            r"\bcheck out our friends\b",
            r"\bthe .{1,40} project is now expanding\b",
            r"^we are building the infrastructure\b",
            r"\byou can make a donation\b",
            r"\bor you can make a donation here\b",
            r"^(?:please )?(?:consider )?(?:support|donate to) (?:us|our (?:work|journalism))\b",
            r"\bturn your back on big tech\b",
            r"\bsupport us today\b",
            r"^.{0,60}\bis committed to (?:independent|quality|fearless) journalism\b",
            r"\bgive a middle finger to\b",
            r"\bas a subscriber, you can gift\b",
            r"^all [\w ]{2,40} articles can be read in \d+ languages",
            r"^(?:download|get) (?:the|our) .{1,30} app\b",
        ),
    ),
    (
        "caption",
        _rx(
            r"^(?:photo|image|picture|file photo|pictured|credit|photograph)\s*(?::|by)\s*.{0,120}$",
            r"\((?:photo|image|picture)s? (?:by|credit|courtesy)[^)]{1,80}\)\s*$",
            r"\s/\s?(?:reuters|afp|ap|cfp|getty images|getty|epa|xinhua|anadolu|pa|bloomberg)\s*$",
            r"^(?:top|main|featured|header) (?:photo|image)\b.{0,120}$",
            r"^screenshot (?:of|from)\b.{0,160}$",
            r"\bfile photo:\s*\S.{0,40}$",
            r"^photo:\s.{0,80}$",
        ),
    ),
    (
        "credit",
        _rx(
            r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.{0,80}$",
            r"^©\s*\w.{0,80}$",
            r"^(?:with )?inputs? from (?:agencies|\w+)\.?$",
            r"^\(?with inputs from .{0,60}\)?\.?$",
            r"^h/t\b.{0,60}$",
            r"^(?:additional )?reporting by .{0,120}(?:editing by .{0,80})?$",
            r"^all rights reserved\.?$",
            r"^(?:the )?(?:associated press|australian associated press|agence france-presse|reuters"
            r"|afp|ap|aap|dpa|xinhua|pti|ians|ani)\.?$",
        ),
    ),
    (
        "author_bio",
        _rx(
            r"^about the (?:author|writer|reporter)s?:?$",
            rf"^(?:editor[’']s note:\s*)?{_NAME} is an? (?:[\w'’.-]+\s+){{0,6}}"
            r"(?:reporter|correspondent|writer|journalist|editor|columnist|contributor|meteorologist"
            r"|author|podcaster|freelancer|analyst|professor|fellow|producer)\b",
        ),
    ),
    (
        "disclaimer",
        _rx(
            r"\b(?:views|opinions) (?:expressed|of the (?:author|interviewees?))\b.{0,80}"
            r"(?:do not|don[’']t|does not) necessarily reflect\b",
            r"^the (?:article|views|opinions) reflects? the author[’']s opinions?\b",
            r"^disclaimer:",
        ),
    ),
    (
        "republication",
        _rx(
            r"^(?:this (?:article|story|piece) (?:was|is) )?(?:originally|first) (?:published|appeared)"
            r" (?:in|on|at|by)\b.{0,120}$",
            r"^cross-?posted (?:with|from|at)\b.{0,80}$",
            r"^republished (?:with permission )?from\b.{0,80}$",
        ),
    ),
    (
        "correction",
        _rx(
            r"^(?:correction|clarification|update|updated|editor[’']s note)\s*(?:\(|:|—|–|-)\s*.{0,400}$",
            r"^this (?:article|story|report) (?:has been|was) (?:updated|corrected|amended)\b.{0,300}$",
        ),
    ),
    (
        "cookie",
        _rx(
            r"\bwe (?:use|need your consent to (?:load|use)) [\w -]{0,40}cookies?\b",
            r"\bthis (?:site|website) uses cookies\b",
            r"^we need your consent to load\b",
            r"\baccept (?:all )?cookies\b",
        ),
    ),
    (
        "comments",
        _rx(
            r"^please let us know if you[’']re having issues with commenting",
            r"^comment policy:",
            r"^(?:\d+\s+)?comments?$",
            r"^leave a (?:comment|reply)$",
            r"^join the discussion\b.{0,40}$",
            r"^show comments$",
        ),
    ),
    (
        "timestamp",  # a line that only dates the article: "Published: April 10, 2007"
        re.compile(
            r"^(?:(?:published|posted|updated|last updated|first published|date)(?:\s+(?:on|at))?"
            r"\s*[:—–-]?\s*)?"
            r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
            rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d"
            r"|\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
            r"(?:[\s,@|-]+(?:at\s+)?\d{1,2}\s?[:.]\s?\d\d(?:\s?[:.]\s?\d\d)?\s?(?:[ap]\.?\s?m\.?)?"
            r"(?:\s+[a-z]{2,5}(?:[+-]\d\d?(?::?\s?\d\d?)?)?)?)?\s*[.|]?$",
            re.IGNORECASE,
        ),
    ),
    (
        "signature",
        re.compile(
            rf"^{_NAME},\s*(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?\d{{4}}(?:,\s*(?:updated|revised)\b.{{0,80}})?$"
        ),
    ),
]

# A label that only makes sense as site furniture when it stands next to other debris.
_SHORT_LABEL = re.compile(r"^[^.!?]{1,32}:?$")
_COMMENT_SECTION = re.compile(r"^(?:\d+\s+)?comments?$|^comment policy:", re.I)
_COMMENT_AUTHOR = re.compile(r"^.{1,40}\s(?:says|said|wrote|replied)(?::)?$")
_BULLET = re.compile(r"^[-•·*▪►]\s+\S")
_NO_WORDS = re.compile(r"^[\W_]*$")
_SECTION_LABEL = re.compile(r"^[A-Z0-9 '’&:-]{3,40}$")
_LIST_HEADERS = {"related", "promo"}
# Site furniture is short; a paragraph longer than this is never removed by a pattern alone.
_MAX_RULE_LENGTH = 700
_MIN_DUPLICATE_LENGTH = 100
_SENTENCE_END = re.compile(r"[.!?][\"”’']?$")


def _match_rule(text: str) -> str | None:
    if len(text) > _MAX_RULE_LENGTH:
        return None
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason
    return None


def _similar_title(text: str, title: str | None) -> bool:
    """The headline repeated at the top of the body (verbatim, inside a label, or reworded)."""
    if not title:
        return False
    a, b = normalize_for_hash(text), normalize_for_hash(title)
    if not a or not b:
        return False
    if a == b or (0.6 * len(b) <= len(a) <= 1.67 * len(b) and (b in a or a in b)):
        return True
    ta, tb = set(a.split()), set(b.split())
    return (
        len(text) < 250
        and not _SENTENCE_END.search(text.strip())
        and len(ta & tb) / len(ta | tb) >= 0.6
    )


def find_debris(paragraphs: Sequence[str], title: str | None = None) -> list[DebrisMatch]:
    """Indices of debris paragraphs with their reasons, in order.

    >>> find_debris(["Rain fell.", "Most read in The Daily Wire"])
    [DebrisMatch(index=1, reason='related')]
    """
    reasons: dict[int, str] = {}
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        text = text.strip()
        if _NO_WORDS.match(text):
            reasons[i] = "separator"
        elif i <= 1 and _similar_title(text, title):
            reasons[i] = "title"
        elif (reason := _match_rule(text)) is not None:
            reasons[i] = reason
        elif i <= 1 and _SECTION_LABEL.match(text) and len(text.split()) <= 5 and n > 3:
            reasons[i] = "section_label"
    _mark_comment_sections(paragraphs, reasons)
    _mark_lists(paragraphs, reasons)
    _mark_duplicates(paragraphs, reasons)
    _mark_adjacent_labels(paragraphs, reasons)
    _mark_tail_lists(paragraphs, reasons)
    return [DebrisMatch(i, reasons[i]) for i in sorted(reasons)]


def _mark_comment_sections(paragraphs: Sequence[str], reasons: dict[int, str]) -> None:
    """A comments header in the last part of a page: everything after it is reader comments."""
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        following = paragraphs[i + 1].strip() if i + 1 < n else ""
        late = i >= n // 3 or _COMMENT_AUTHOR.match(following) is not None
        if late and _COMMENT_SECTION.match(text.strip()):
            for j in range(i, n):
                reasons[j] = "comments"
            return


def _mark_lists(paragraphs: Sequence[str], reasons: dict[int, str]) -> None:
    """Items right after a related-links or promo header belong to that block.

    Bullets continue the block; a header ending in a colon ("Read more:") also takes the one
    headline-like line (no closing punctuation) that follows it.
    """
    for i in range(len(paragraphs)):
        if reasons.get(i) not in _LIST_HEADERS:
            continue
        j = i + 1
        if paragraphs[i].rstrip().endswith(":") and j < len(paragraphs) and j not in reasons:
            item = paragraphs[j].strip()
            if len(item) <= 200 and not _SENTENCE_END.search(item):
                reasons[j] = reasons[i]
                j += 1
        while j < len(paragraphs) and (j in reasons or _BULLET.match(paragraphs[j].strip())):
            reasons.setdefault(j, reasons[i])
            j += 1


def _mark_duplicates(paragraphs: Sequence[str], reasons: dict[int, str]) -> None:
    """Repeated sentences: an exact repeat goes; of two near-copies the shorter goes.

    Only long, sentence-like paragraphs count: short lines and list items ("1 cup rice,
    2 eggs") repeat legitimately in recipes, tables and interviews.
    """
    seen: dict[str, int] = {}
    kept: list[tuple[int, list[str]]] = []
    for i, text in enumerate(paragraphs):
        text = text.strip()
        if i in reasons or len(text) < _MIN_DUPLICATE_LENGTH or not _SENTENCE_END.search(text):
            continue
        key = normalize_for_hash(text)
        if key in seen:
            reasons[i] = "duplicate"
            continue
        seen[key] = i
        tokens = key.split()
        for j, other in kept:
            if j not in reasons and _near_copy(tokens, other):
                reasons[i if len(text) < len(paragraphs[j]) else j] = "duplicate"
                break
        kept.append((i, tokens))


def _near_copy(a: list[str], b: list[str]) -> bool:
    sa, sb = set(a), set(b)
    if len(sa & sb) / len(sa | sb) < 0.7:  # cheap filter before the order-aware ratio
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def _mark_adjacent_labels(paragraphs: Sequence[str], reasons: dict[int, str]) -> None:
    """Short headings ("DAILY", "About the writer", "Photos") glued to a debris block.

    A heading takes the reason of the block right after it, or of the block before it when
    nothing follows (the page's tail); never of a duplicate, title or separator.
    """
    last = len(paragraphs) - 1
    for i in range(last, -1, -1):  # backwards, so a run of labels before a block all go
        text = paragraphs[i].strip()
        if i in reasons or not _SHORT_LABEL.match(text) or len(text.split()) > 4:
            continue
        neighbour = reasons.get(i + 1) or (reasons.get(i - 1) if i == last else None)
        if neighbour and neighbour not in {"duplicate", "title", "separator"}:
            reasons[i] = neighbour


def _mark_tail_lists(paragraphs: Sequence[str], reasons: dict[int, str]) -> None:
    """A bullet list (with its "Header:" lines) that ends the page right after debris is furniture."""
    i = len(paragraphs) - 1
    run: list[int] = []
    while i >= 0 and i not in reasons:
        text = paragraphs[i].strip()
        if not (_BULLET.match(text) or (text.endswith(":") and len(text) <= 60)):
            return
        run.append(i)
        i -= 1
    if run and i >= 0 and any(_BULLET.match(paragraphs[j].strip()) for j in run):
        for j in run:
            reasons[j] = "promo"
