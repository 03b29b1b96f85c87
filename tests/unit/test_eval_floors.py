"""Quality gates: evaluation figures may not fall below the floors recorded in eval_floors.json."""

from __future__ import annotations

import json

import pytest

from parallax.eval.cleaning import GOLD_DIR, load_gold, score_cleaning
from parallax.eval.extraction import evaluate_extraction

from ..conftest import ROOT, SAMPLE, SHARED, shared_data

FLOORS = json.loads((ROOT / "benchmarks" / "eval_floors.json").read_text("utf-8"))


def test_cleaning_floors_on_real_scraped_documents() -> None:
    root = shared_data("semeval2025t10-en") / "train" / "raw-documents"
    score = score_cleaning("semeval", load_gold(GOLD_DIR / "cleaning-semeval2025t10.tsv"), root)
    assert score.content >= 300 and score.debris >= 60
    assert score.content_precision >= FLOORS["cleaning_semeval_content_precision"], score.lost
    assert score.debris_recall >= FLOORS["cleaning_semeval_debris_recall"], score.missed


def test_cleaning_floors_on_sample_corpus() -> None:
    score = score_cleaning("sample", load_gold(GOLD_DIR / "cleaning-sample.tsv"), SAMPLE)
    assert score.content_precision == 1.0, score.lost
    assert score.debris_recall >= FLOORS["cleaning_sample_debris_recall"], score.missed


def test_extraction_beats_plain_trafilatura() -> None:
    parallax, baseline = evaluate_extraction(shared_data("article-extraction-benchmark"))
    assert parallax.score.f1 >= baseline.score.f1
    assert parallax.score.f1 >= FLOORS["extraction_f1"]


def test_quote_floors_on_polnear_dev() -> None:
    from parallax.eval.quotes import (
        load_polnear,
        parallax_system,
        parse_all,
        score_system,
        textacy_system,
    )
    from parallax.nlp import load_nlp

    parsed = parse_all(load_nlp(), load_polnear(shared_data("polnear"), "dev"))
    ours = score_system("parallax", parallax_system, parsed, 0.3)
    theirs = score_system("textacy", textacy_system, parsed, 0.3)
    assert ours.prf("direct").f1 >= FLOORS["quotes_polnear_dev_direct_f1"]
    assert ours.prf("indirect").f1 >= FLOORS["quotes_polnear_dev_indirect_f1"]
    assert ours.speaker_accuracy >= FLOORS["quotes_polnear_dev_speaker_accuracy"]
    margin = ours.prf().f1 - theirs.prf().f1
    assert margin >= FLOORS["quotes_polnear_dev_margin_over_textacy"]


def test_person_canonicalization_floor() -> None:
    from parallax.eval.entities import load_entity_gold, score_entities
    from parallax.nlp import load_nlp

    gold = load_entity_gold(GOLD_DIR / "entities-polnear-dev.tsv")
    assert len(gold) >= 20
    score = score_entities(load_nlp(), gold, shared_data("polnear") / "dev" / "text")
    assert score.articles >= 20
    assert score.accuracy >= FLOORS["entities_polnear_dev_person_accuracy"], score.errors


def test_time_floors_on_tempeval3() -> None:
    from parallax.eval.time import dateparser_timexes, load_timeml, score_time
    from parallax.nlp import load_nlp
    from parallax.nlp.time import extract_timexes

    root = shared_data("tempeval3") / "Training" / "TBAQ-cleaned"
    nlp = load_nlp()
    for corpus, floor in (
        ("AQUAINT", FLOORS["time_value_f1_aquaint"]),
        ("TimeBank", FLOORS["time_value_f1_timebank"]),
    ):
        docs = load_timeml(root / corpus)
        pairs = [
            (d, extract_timexes(d.text, d.dct, doc=p))
            for d, p in zip(docs, nlp.pipe(d.text for d in docs), strict=True)
        ]
        score = score_time(corpus, pairs)
        assert score.relaxed_prf.f1 >= FLOORS["time_relaxed_f1"], corpus
        assert score.value_prf.f1 >= floor, corpus
        baseline = score_time(corpus, [(d, dateparser_timexes(d.text, d.dct)) for d in docs])
        assert score.value_prf.f1 > baseline.value_prf.f1 + 0.2, corpus


# each hand-checked set of real articles: (file, floor, least expressions, margin over
# dateparser, or None for "no loss to it"); each is scored alone, so that a set whose articles'
# folder is absent skips without taking the others with it
CHECKED_FLOORS = (
    # weekdays and months of the dev articles
    ("time-polnear-dev.tsv", "time_value_accuracy_polnear_checked", 100, 0.2),
    # relative weeks, years and durations, and an article read undated
    ("time-polnear-dev-relative.tsv", "time_value_accuracy_polnear_relative", 80, 0.2),
    # weekdays and months of the train articles, drawn after the rules were written
    ("time-polnear-train.tsv", "time_value_accuracy_polnear_train", 70, 0.2),
    # relative weeks, years and durations of the train articles, and two read undated
    ("time-polnear-train-relative.tsv", "time_value_accuracy_polnear_train", 80, 0.2),
    # seasons of the train articles ("this fall", "last summer", "the spring of 2012")
    ("time-polnear-train-seasons.tsv", "time_value_accuracy_polnear_train", 45, 0.2),
    # relative months of the train articles ("last month", "earlier this month", "a month ago")
    ("time-polnear-train-months.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    # named days of the train articles ("Election Day", "Labor Day", "New Year's Eve")
    ("time-polnear-train-holidays.tsv", "time_value_accuracy_polnear_train_holidays", 25, 0.2),
    # weekends of the train articles ("over the weekend", "this weekend", "last weekend's")
    ("time-polnear-train-weekends.tsv", "time_value_accuracy_polnear_train", 30, 0.2),
    # every expression of four more train articles, read with no publication date
    ("time-polnear-train-undated.tsv", "time_value_accuracy_polnear_relative", 20, 0.2),
    # "today", "tonight", "last night" of a day (in quotations too) in the train articles
    ("time-polnear-train-deictic.tsv", "time_value_accuracy_polnear_train_deictic", 10, 0.2),
    # drawn after the rules were written: weekdays with their part of the day, clock
    # times, decades and centuries, "earlier this year" and its kin, and frequencies
    ("time-polnear-train-dayparts.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    ("time-polnear-train-clock.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    ("time-polnear-train-decades.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    ("time-polnear-train-thisyear.tsv", "time_value_accuracy_polnear_train", 30, 0.2),
    ("time-polnear-train-sets.tsv", "time_value_accuracy_polnear_train", 20, 0.2),
    # days of a month, with or without their year, and ranges ("Feb. 27", "March 17-20")
    ("time-polnear-train-dates.tsv", "time_value_accuracy_polnear_train", 30, 0.2),
    # quarters, halves and ends ("last quarter", "the second half of July", "year-end"):
    # a development score since this session's rules were made looking at it
    ("time-polnear-train-quarters.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    # spans of time ("four years", "the next two days", "a two-day meeting")
    ("time-polnear-train-durations.tsv", "time_value_accuracy_polnear_train", 30, 0.2),
    # told from a date the text gave before ("that year", "four years later")
    ("time-polnear-train-anaphora.tsv", "time_value_accuracy_polnear_train", 25, 0.2),
    # drawn from Parallax's own output, valued with its values hidden (precision)
    ("time-polnear-train-output.tsv", "time_value_accuracy_polnear_train", 35, 0.2),
    # "two years ago", "10 months ago": dateparser reads these well too (0.952), so the
    # margin asked of the other sets is not asked here, only the floor and no loss to it
    ("time-polnear-train-ago.tsv", "time_value_accuracy_polnear_train", 20, None),
    # "since 2013", "since Thursday", and events after "since" ("since the convention"),
    # which no system should mark: dateparser marks none of them either (0.828), so again
    # only the floor and no loss to it
    ("time-polnear-train-since.tsv", "time_value_accuracy_polnear_train", 25, None),
    # months without a year drawn anew ("in July", "the November election")
    ("time-polnear-train-monthnames.tsv", "time_value_accuracy_polnear_train", 35, 0.2),
    # weekdays drawn anew: most lie a day or two before the publication date, where
    # dateparser's reading of the nearest past one is right too (0.850), so no margin
    ("time-polnear-train-weekdays.tsv", "time_value_accuracy_polnear_train", 35, None),
    # every expression of the opening of 24 whole PolNeAR articles not in any other set,
    # valued before Parallax's readings were looked at; some read undated too
    ("time-polnear-articles.tsv", "time_value_accuracy_polnear_train", 90, 0.2),
    # every expression of 129 world news excerpts of 2019-2020, outside politics too
    ("time-semeval22-news.tsv", "time_value_accuracy_semeval22_news", 100, 0.2),
    # every expression of the opening of SemEval-2025 T10 documents (war and climate news and
    # propaganda of 2022-2024), which carry no date, so all read undated
    ("time-semeval25-documents.tsv", "time_value_accuracy_semeval25_undated", 55, 0.2),
    # drawn from what Parallax finds in other T10 documents, valued with its values hidden
    ("time-semeval25-output.tsv", "time_value_accuracy_semeval25_undated", 35, 0.2),
    # every expression of the opening of web pages of 2014-2019: tech, sport, business,
    # science and blogs as well as news; those whose markup gives no date read undated
    ("time-web-pages.tsv", "time_value_accuracy_web_pages", 150, 0.2),
    # drawn from what Parallax finds past those openings, valued with its values hidden
    ("time-web-pages-output.tsv", "time_value_accuracy_web_pages", 35, 0.2),
)


def test_every_checked_set_has_a_floor_and_the_undated_ones_read_undated() -> None:
    from parallax.eval.time import CHECKED_SETS, load_checked

    # every set the CLI scores has a floor here, but "today" meaning nowadays (11 of 17, the
    # set the nowadays rule was made from); and the CLI scores every checked file in data/gold
    assert {f"time-{name}.tsv" for name in CHECKED_SETS} == {
        name for name, *_ in CHECKED_FLOORS
    } | {"time-polnear-train-nowadays.tsv"}
    assert {path.name for path in GOLD_DIR.glob("time-*.tsv")} == {
        f"time-{name}.tsv" for name in CHECKED_SETS
    }
    for name in (
        "time-polnear-articles.tsv",
        "time-polnear-dev-relative.tsv",
        "time-polnear-train-relative.tsv",
        "time-polnear-train-undated.tsv",
        "time-semeval25-documents.tsv",
        "time-semeval25-output.tsv",
        "time-web-pages.tsv",
    ):
        assert any(item.published is None for item in load_checked(GOLD_DIR / name)), name


@pytest.mark.parametrize(
    ("name", "floor", "least", "margin"), CHECKED_FLOORS, ids=[row[0] for row in CHECKED_FLOORS]
)
def test_time_floor_on_real_news_checked_by_hand(
    name: str, floor: str, least: int, margin: float | None
) -> None:
    from parallax.eval.time import checked_sources, load_checked, score_checked_systems
    from parallax.nlp import load_nlp

    gold = load_checked(GOLD_DIR / name)
    assert len(gold) >= least, name
    for source in checked_sources(gold, SHARED):
        if not source.exists():
            pytest.skip(f"{source} is not present")
    _, scores = score_checked_systems(gold, SHARED, load_nlp())
    ours, theirs = scores["Parallax"], scores["dateparser search_dates"]
    assert ours.accuracy >= FLOORS[floor], ours.errors
    if margin is None:
        assert ours.accuracy >= theirs.accuracy, name
    else:
        assert ours.accuracy > theirs.accuracy + margin, name


def test_story_clustering_floors() -> None:
    from parallax.eval.clustering import (
        b_cubed,
        load_ecbplus,
        order_spread,
        prepare,
        run_parallax,
        run_tfidf,
        score_semeval_pairs,
        tune_tfidf,
    )
    from parallax.stories.embed import load_embedder

    root = shared_data("ecbplus")
    dev = load_ecbplus(root / "ecbplus_dev.jsonl")
    gold = [d.cluster for d in dev]
    features = prepare(dev, load_embedder())
    ours = b_cubed(gold, run_parallax(features)).f1
    baseline = b_cubed(gold, run_tfidf(dev, tune_tfidf(load_ecbplus(root / "ecbplus_train.jsonl"))))
    assert ours >= FLOORS["clustering_ecbplus_dev_b3_f1"]
    assert ours > baseline.f1
    # other arrival orders of the same documents
    spread = order_spread(gold, features)
    assert spread.mean >= FLOORS["clustering_ecbplus_dev_b3_f1_order_mean"]
    pairs = shared_data("semeval2022t8-en") / "en_en_pairs_with_text.jsonl"
    assert (
        score_semeval_pairs(pairs, load_embedder()).parallax
        >= FLOORS["clustering_semeval_t8_pearson"]
    )


def test_framing_floors_on_semeval_dev() -> None:
    from parallax.eval.framing import evaluate_framing

    results, counts = evaluate_framing(shared_data("semeval2025t10-en") / "train")
    ours, baseline = results[0], results[1]
    assert counts["dev documents"] >= 50
    assert ours.coarse_f1 is not None and baseline.coarse_f1 is not None
    assert ours.fine_f1 is not None and baseline.fine_f1 is not None
    assert ours.coarse_f1 >= FLOORS["framing_semeval_dev_coarse_f1"]
    assert ours.fine_f1 >= FLOORS["framing_semeval_dev_fine_f1"]
    assert ours.coarse_f1 > baseline.coarse_f1 and ours.fine_f1 > baseline.fine_f1
    assert ours.emr is not None and baseline.emr is not None
    assert ours.emr >= FLOORS["framing_semeval_dev_role_emr"] and ours.emr > baseline.emr
    assert ours.main_accuracy is not None and baseline.main_accuracy is not None
    assert ours.main_accuracy >= FLOORS["framing_semeval_dev_main_role_accuracy"]
    assert ours.main_accuracy > baseline.main_accuracy
    assert ours.casting is not None and baseline.casting is not None
    assert ours.casting.f1 >= FLOORS["framing_semeval_dev_casting_f1"]
    assert ours.casting.f1 > baseline.casting.f1 + 0.1
