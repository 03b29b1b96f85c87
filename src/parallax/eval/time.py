"""Score temporal expressions on TimeML (TempEval-3 TBAQ-cleaned: TimeBank, AQUAINT), and on
real news checked by hand (`data/gold/time-*.tsv`).

Definitions follow the TempEval-3 task A scorer: a predicted expression matches a gold one
strictly when the spans are identical and relaxedly when they overlap (one-to-one, greedy in
text order); type accuracy is the share of relaxed matches with the gold type; value F1 counts
a relaxed match as correct only when the normalized value is identical too. Each document's
creation time (DCT) is the anchor, as in the task. On the real news checked by hand, each
checked expression counts as found when a predicted one overlaps it, and as right when that
one's value is identical (an expression checked as having no value is right when the
predicted one has none; one checked as no time expression at all, `not-time`, is right when
no predicted one overlaps it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.eval.metrics import PRF
from parallax.model import Timex, TimexType

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "CHECKED_SETS",
    "CheckedScore",
    "CheckedTimex",
    "GoldTimex",
    "TimeDoc",
    "TimeScore",
    "canonical_value",
    "checked_corpus",
    "checked_sources",
    "dateparser_timexes",
    "load_checked",
    "load_timeml",
    "score_checked",
    "score_checked_systems",
    "score_time",
]


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeDoc:
    name: str
    text: str
    dct: datetime
    timexes: list[GoldTimex]


def _walk(node: ET.Element, parts: list[str], found: list[GoldTimex], offset: list[int]) -> None:
    if node.text:
        parts.append(node.text)
        offset[0] += len(node.text)
    for child in node:
        start = offset[0]
        _walk(child, parts, found, offset)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start : offset[0]]
            found.append(
                GoldTimex(start, offset[0], text, child.get("type", ""), child.get("value", ""))
            )
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def parse_timeml(name: str, xml: str) -> TimeDoc:
    root = ET.fromstring(xml)
    dct_node = root.find("DCT/TIMEX3")
    value = dct_node.get("value", "") if dct_node is not None else ""
    dct = datetime.fromisoformat(value[:10]) if re.match(r"\d{4}-\d\d-\d\d", value) else None
    text_node = root.find("TEXT")
    if dct is None or text_node is None:
        raise ValueError(f"{name}: no creation time or no TEXT")
    parts: list[str] = []
    found: list[GoldTimex] = []
    _walk(text_node, parts, found, [0])
    return TimeDoc(name, "".join(parts), dct, found)


def load_timeml(folder: Path, limit: int | None = None) -> list[TimeDoc]:
    """Every `.tml` document of a folder, with its text, DCT and gold TIMEX3 (DCT excluded)."""
    paths = sorted(folder.glob("*.tml"))
    return [parse_timeml(p.stem, p.read_text(encoding="utf-8")) for p in paths[:limit] if p]


@dataclass
class TimeScore:
    name: str
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    valued_canonical: int = 0
    errors: list[str] = field(default_factory=list)

    def _prf(self, hits: int) -> PRF:
        return PRF(
            hits / self.predicted if self.predicted else 0.0,
            hits / self.gold if self.gold else 0.0,
        )

    @property
    def strict_prf(self) -> PRF:
        return self._prf(self.strict)

    @property
    def relaxed_prf(self) -> PRF:
        return self._prf(self.relaxed)

    @property
    def value_prf(self) -> PRF:
        return self._prf(self.valued)

    @property
    def value_canonical_prf(self) -> PRF:
        return self._prf(self.valued_canonical)

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.relaxed if self.relaxed else 0.0


def canonical_value(value: str | None) -> str | None:
    """One spelling for TimeML values that mean the same: unspecified trailing parts dropped
    (`1968-XX` = `1968`, `198X` = `198`), week numbers padded (`2000-W7` = `2000-W07`), a
    whole hour written either way (`T17:00` = `T17`).

    >>> [canonical_value(v) for v in ["1968-XX", "1998-XX-XX", "196X", "2000-W7", "P3D"]]
    ['1968', '1998', '196', '2000-W07', 'P3D']
    """
    if value is None:
        return None
    value = re.sub(r"(?:-XX)+$", "", value)
    value = re.sub(r"^(\d{3})X$", r"\1", value)
    value = re.sub(r"T(\d\d):00$", r"T\1", value)
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def score_time(name: str, docs: Iterable[tuple[TimeDoc, list[Timex]]]) -> TimeScore:
    score = TimeScore(name)
    for doc, predicted in docs:
        score.gold += len(doc.timexes)
        score.predicted += len(predicted)
        used: set[int] = set()
        for gold in doc.timexes:
            match = next(
                (
                    (i, p)
                    for i, p in enumerate(predicted)
                    if i not in used and p.start < gold.end and gold.start < p.end
                ),
                None,
            )
            if match is None:
                score.errors.append(f"{doc.name}: missed {gold.text!r} {gold.type} {gold.value}")
                continue
            i, pred = match
            used.add(i)
            score.relaxed += 1
            score.strict += (pred.start, pred.end) == (gold.start, gold.end)
            score.typed += pred.type == gold.type
            score.valued_canonical += canonical_value(pred.value) == canonical_value(gold.value)
            if pred.value == gold.value:
                score.valued += 1
            else:
                score.errors.append(
                    f"{doc.name}: value {gold.text!r} gold {gold.value} ({gold.type}) "
                    f"got {pred.text!r} {pred.value} ({pred.type})"
                )
        for i, pred in enumerate(predicted):
            if i not in used:
                score.errors.append(f"{doc.name}: spurious {pred.text!r} {pred.value}")
    return score


def dateparser_timexes(text: str, dct: datetime | None) -> list[Timex]:
    """The same-run baseline of `parallax eval time`: dateparser's `search_dates` finds the
    strings (in text order; each is looked up after the previous one), and its parser reads
    each one's period against the creation time: a year, a month, an ISO week, a day, or a
    time of day. It finds no durations or sets, so none are given."""
    import warnings

    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, object] = {"RETURN_TIME_AS_PERIOD": True}
    if dct is not None:
        settings["RELATIVE_BASE"] = dct
    with warnings.catch_warnings():  # dateparser warns about pytz and time zones it reads
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        out: list[Timex] = []
        at = 0
        for string, when in found:
            start = text.find(string, at)
            if start < 0:
                continue
            at = start + len(string)
            period = parser.get_date_data(string).period or "day"
            out.append(Timex(string, start, at, *_period_value(when, period)))
    return out


def _period_value(when: datetime, period: str) -> tuple[TimexType, str]:
    """A dateparser date and period as a TIMEX3 type and value.

    >>> _period_value(datetime(1998, 8, 14, 10, 30), "time")
    ('TIME', '1998-08-14T10:30')
    >>> [_period_value(datetime(1998, 8, 14), p)[1] for p in ("year", "month", "week", "day")]
    ['1998', '1998-08', '1998-W33', '1998-08-14']
    """
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", f"{when.year:04d}"
    if period == "month":
        return "DATE", f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    return "DATE", when.date().isoformat()


# The sets of real news checked by hand, `data/gold/time-{name}.tsv`, with what each holds:
# each drawn at random from the PolNeAR dev (or train) articles, from the SemEval-2022 T8
# English news excerpts whose address carries their date, or from the pages of the article
# extraction benchmark whose markup gives their date, and given its value by hand from the
# article and its publication date (the README says how each was drawn).
CHECKED_SETS: dict[str, str] = {
    "polnear-dev": "weekdays and months with no year beside them",
    "polnear-dev-relative": "relative weeks, years and durations, and an article read undated",
    "polnear-train": "weekdays and months with no year beside them",
    "polnear-train-relative": "relative weeks, years and durations, and two articles read undated",
    "polnear-train-seasons": 'seasons ("this fall", "last summer")',
    "polnear-train-months": 'relative months ("last month", "a month ago")',
    "polnear-train-holidays": 'named days ("Election Day", "Labor Day")',
    "polnear-train-weekends": '"the weekend", "this weekend", "last weekend"',
    "polnear-train-ago": '"two years ago", "eight years ago this month"',
    "polnear-train-undated": "every expression of four articles read with no publication date",
    "polnear-train-deictic": '"today", "tonight", "last night" of a day',
    "polnear-train-nowadays": '"today" meaning nowadays (PRESENT_REF)',
    "polnear-train-dayparts": '"Tuesday night", "Monday afternoon"',
    "polnear-train-clock": '"8:40 p.m.", "noon", live blogs\' time stamps',
    "polnear-train-decades": '"the 1990s", "the early 2000s", "the 21st century"',
    "polnear-train-thisyear": '"earlier this year", "later that month", "this year\'s"',
    "polnear-train-sets": '"every day", "annually", "every two years"',
    "polnear-train-durations": '"four years", "the next two days", "the past 12 months", "a two-day"',
    "polnear-train-since": '"since 2013", "since June of last year", and events after "since"',
    "polnear-train-dates": '"Feb. 27", "March 4, 2016", "March 17-20", "from 1973 to 2001"',
    "polnear-train-quarters": '"the first quarter", "the second half of July", "the end of the year"',
    "polnear-train-weekdays": '"on Tuesday", "said Friday", "Tuesday\'s primary", drawn anew',
    "polnear-train-monthnames": '"in July", "the November election", "next January", drawn anew',
    "polnear-train-anaphora": '"that year", "the next morning", "two days earlier", "four years later"',
    "polnear-train-output": "expressions Parallax found, drawn from its own output (a check of precision)",
    "polnear-articles": "every expression of the opening of 24 whole articles, drawn anew (PolNeAR train and dev)",
    "semeval22-news": "every expression of 129 world news excerpts of 2019-2020 (SemEval-2022 T8)",
    "semeval25-documents": "every expression of the opening of 20 SemEval-2025 T10 documents (war, climate), read undated",
    "semeval25-output": "expressions Parallax found in SemEval-2025 T10 documents read undated, drawn from its own output",
    "web-pages": "every expression of the opening of web pages of 2014-2019 (news, sport, blogs)",
    "web-pages-output": "expressions Parallax found past the openings of the dated web pages, drawn from its own output",
}


@dataclass(frozen=True, slots=True)
class CheckedTimex:
    """A time expression in a real article, with the value a reader gave it from the article
    and its publication date (or from the article alone, when it is read undated)."""

    # under the PolNeAR folder, "dev/text/....txt"; "semeval2022t8-en/PAIR/1"; or
    # "article-extraction-benchmark/ID", a page of that benchmark; or
    # "semeval2025t10-en/EN_UA_300009.txt", a SemEval-2025 T10 raw document
    file: str
    published: date | None  # None: the article is read with no publication date
    start: int
    end: int
    text: str
    value: str | None  # None: no value can be given (a relative expression, undated)
    time: bool = True  # False: no time expression ("a current of discontent")

    @property
    def article(self) -> str:
        """The article as it is read: its file, and "(undated)" when read with no date."""
        return self.file if self.published is not None else f"{self.file} (undated)"


_NONE = "-"  # in a checked file: no publication date, or no value
_NOT_TIME = "not-time"  # in a checked file's value column: no time expression at all


def load_checked(path: Path) -> list[CheckedTimex]:
    """The hand-checked expressions of a tab-separated file with a header (file, published,
    start, end, text, value, note); "-" as the date reads the article undated, "-" as the
    value says the expression has none, "not-time" that the words are no time expression."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        next(lines)
        for number, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            try:
                file, published, start, end, text, value = line.rstrip("\n").split("\t")[:6]
                day = None if published == _NONE else date.fromisoformat(published)
                rows.append(
                    CheckedTimex(
                        file,
                        day,
                        int(start),
                        int(end),
                        text,
                        None if value in {_NONE, _NOT_TIME} else value,
                        time=value != _NOT_TIME,
                    )
                )
            except ValueError as error:
                raise ValueError(f"{path}:{number}: not a checked expression ({error})") from None
    return rows


@dataclass
class CheckedScore:
    gold: int = 0
    found: int = 0  # a predicted expression overlaps the checked one (a time expression)
    valued: int = 0  # ... with the same value
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.valued / self.gold if self.gold else 0.0


def score_checked(gold: list[CheckedTimex], predicted: dict[str, list[Timex]]) -> CheckedScore:
    """Each checked expression against the predicted one that overlaps it (by article, as
    `CheckedTimex.article` names it); words checked as no time expression are right when
    none overlaps them."""
    score = CheckedScore()
    for item in gold:
        score.gold += 1
        match = next(
            (
                t
                for t in predicted.get(item.article, [])
                if t.start < item.end and item.start < t.end
            ),
            None,
        )
        if not item.time:
            if match is None:
                score.valued += 1
            else:
                score.errors.append(
                    f"{item.article}: spurious {match.text!r} {match.value} (no time expression)"
                )
            continue
        if match is None:
            score.errors.append(f"{item.article}: missed {item.text!r} {item.value}")
            continue
        score.found += 1
        if match.value == item.value:
            score.valued += 1
        else:
            score.errors.append(
                f"{item.article}: value {item.text!r} ({item.published}) checked {item.value} "
                f"got {match.text!r} {match.value}"
            )
    return score


_EXCERPTS = "semeval2022t8-en"  # a checked file's prefix for the SemEval-2022 T8 excerpts
_PAGES = "article-extraction-benchmark"  # ... for the pages of the extraction benchmark
_NARRATIVES = "semeval2025t10-en"  # ... for the SemEval-2025 T10 documents (no dates)
# the file (or folder) under the shared data folder that holds the texts of each prefix's
# checked files
_SOURCES = {
    _EXCERPTS: Path(_EXCERPTS, "en_en_pairs_with_text.jsonl"),
    _PAGES: Path(_PAGES, "ground-truth.json"),
    _NARRATIVES: Path(_NARRATIVES, "train", "raw-documents"),
}


_POLNEAR = "polnear"  # the source of a checked file with none of the prefixes above
# each source as the eval table's corpus column names it
_LABELS = {
    _POLNEAR: "PolNeAR",
    _EXCERPTS: "SemEval-22 T8",
    _NARRATIVES: "SemEval-25 T10",
    _PAGES: "Extraction bench.",
}


def _source(file: str) -> str:
    """The source a checked file is read from: its prefix, or "polnear"."""
    prefix = file.split("/", 1)[0]
    return prefix if prefix in _SOURCES else _POLNEAR


def checked_corpus(gold: list[CheckedTimex]) -> str:
    """The corpus a checked set's articles come from, as the eval table names it (several
    joined with " + "; "other" for an empty set)."""
    names = sorted({_source(item.file) for item in gold})
    return " + ".join(_LABELS[name] for name in names) or "other"


def checked_sources(gold: list[CheckedTimex], root: Path) -> list[Path]:
    """The files under `root` (the shared data folder) that hold the checked articles' texts."""
    names = sorted({_source(item.file) for item in gold})
    return [root / _SOURCES.get(name, Path(name)) for name in names]


def _checked_texts(files: Iterable[str], root: Path) -> dict[str, str]:
    """Each checked file's text: a PolNeAR article, one side ("PAIR/1" or "PAIR/2") of a
    SemEval-2022 T8 pair, as the pairs file gives it, a page's article body as the
    extraction benchmark's ground truth gives it, or a SemEval-2025 T10 raw document."""
    import json

    texts: dict[str, str] = {}
    wanted = set(files)
    sources = {_source(file) for file in wanted}
    if _EXCERPTS in sources:
        with (root / _SOURCES[_EXCERPTS]).open(encoding="utf-8") as pairs:
            for line in pairs:
                pair = json.loads(line)
                for side in ("1", "2"):
                    key = f"{_EXCERPTS}/{pair['pair_id']}/{side}"
                    if key in wanted:
                        texts[key] = pair["text" + side]
    if _PAGES in sources:
        pages = json.loads((root / _SOURCES[_PAGES]).read_text(encoding="utf-8"))
        for page, truth in pages.items():
            if (key := f"{_PAGES}/{page}") in wanted:
                texts[key] = truth["articleBody"]
    for file in wanted - texts.keys():
        if _source(file) == _NARRATIVES:
            name = file.split("/", 1)[1]
            texts[file] = (root / _SOURCES[_NARRATIVES] / name).read_text(encoding="utf-8")
        else:
            texts[file] = (root / _POLNEAR / file).read_text(encoding="utf-8")
    return texts


def score_checked_systems(
    gold: list[CheckedTimex], root: Path, nlp: Language
) -> tuple[int, dict[str, CheckedScore]]:
    """The checked expressions' articles (under `root`, the shared data folder) read by
    Parallax and by the dateparser baseline, each anchored on its publication date (or read
    undated): the number of articles, and each system's score."""
    from parallax.nlp.time import extract_timexes

    read = sorted({(item.article, item.file, item.published) for item in gold})
    by_file = _checked_texts((file for _, file, _ in read), root)
    texts = [by_file[file] for _, file, _ in read]
    ours = {
        article: extract_timexes(text, published, doc=parsed)
        for (article, _, published), text, parsed in zip(read, texts, nlp.pipe(texts), strict=True)
    }
    theirs = {
        article: dateparser_timexes(
            text, None if published is None else datetime.combine(published, time())
        )
        for (article, _, published), text in zip(read, texts, strict=True)
    }
    return len(read), {
        "Parallax": score_checked(gold, ours),
        "dateparser search_dates": score_checked(gold, theirs),
    }
