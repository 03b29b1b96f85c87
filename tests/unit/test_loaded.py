"""The loaded-language model: words read as evaluative beyond the lexicon, per outlet."""

from __future__ import annotations

import pytest

from parallax.eval.loaded import evaluate_loaded, load_labels
from parallax.model import Article
from parallax.stories.compare import compare_articles
from parallax.stories.loaded import LoadedTermModel

from ..conftest import UnalignedEmbedder

LOADED = ["brutal", "savage", "disgraceful", "shameful", "heroic"]
PLAIN = ["annual", "local", "monthly", "said", "regional"]


@pytest.fixture(scope="module")
def model() -> LoadedTermModel:
    return LoadedTermModel(LOADED, PLAIN)


def test_model_reads_unlisted_words_by_meaning(model: LoadedTermModel) -> None:
    scores = model.scores(["Vicious", "quarterly", "brutal", "annual"])
    assert scores["brutal"] == 1.0 and scores["annual"] == -1.0  # the lists score as listed
    assert scores["vicious"] > model.threshold > scores["quarterly"]
    assert set(model.evaluative(["vicious", "quarterly", "brutal"])) == {"vicious"}


def _article(outlet: str, body: str) -> Article:
    return Article(
        id=outlet.lower(),
        source=f"{outlet}.txt",
        title="Budget passed",
        paragraphs=[body],
        outlet=outlet,
        entities=[],
        quotes=[],
    )


def test_comparison_lists_evaluative_words_one_outlet_alone_used(model: LoadedTermModel) -> None:
    ledger = _article(
        "Ledger",
        "The council passed a vicious budget on Monday. The regional vote was close as usual.",
    )
    wire = _article("Wire", "The council passed the budget on Monday. The regional vote was close.")
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder(), loaded_model=model)
    [(term, score, evidence)] = result.loaded_model["Ledger"]
    assert term == "vicious" and score >= model.threshold
    assert evidence.text == "The council passed a vicious budget on Monday."
    assert result.loaded_model["Wire"] == []
    both = _article("Wire", "Wire staff called the budget vicious on Monday evening.")
    shared = compare_articles([ledger, both], embedder=UnalignedEmbedder(), loaded_model=model)
    assert shared.loaded_model["Ledger"] == []  # the other outlet used it too
    plain = compare_articles([ledger, wire], embedder=UnalignedEmbedder(), use_model=False)
    assert plain.loaded_model == {"Ledger": [], "Wire": []}


def test_labelled_words_score_above_flagging_every_adjective() -> None:
    rows = load_labels()
    assert len(rows) >= 150 and any(r.loaded for r in rows) and not all(r.loaded for r in rows)
    (_name, ours), _stricter, (_every, every) = evaluate_loaded()
    assert every.recall == 1.0
    assert ours.precision > 2 * every.precision and ours.f1 > every.f1


def test_two_forms_of_one_lexicon_word_are_one_term() -> None:
    """ "slams" and "slammed" are one loaded term: neither outlet used it alone."""
    ledger = _article("Ledger", "The mayor slammed the budget plan on Monday morning.")
    wire = _article("Wire", "The mayor slams the budget plan in a letter.")
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder(), use_model=False)
    assert result.loaded == {"Ledger": [], "Wire": []}
    calm = _article("Wire", "The mayor criticised the budget plan in a letter.")
    alone = compare_articles([ledger, calm], embedder=UnalignedEmbedder(), use_model=False)
    assert [term for term, _ in alone.loaded["Ledger"]] == ["slammed"]
    twice = _article("Ledger", "The mayor slammed the plan on Monday. He slams it again today.")
    once = compare_articles([twice, calm], embedder=UnalignedEmbedder(), use_model=False)
    [(term, evidence)] = once.loaded["Ledger"]  # one term, at its first use
    assert term == "slammed" and evidence.text == "The mayor slammed the plan on Monday."


def test_a_loaded_word_in_one_headline_is_cited_in_that_headline() -> None:
    from parallax.report.compare import comparison_html, comparison_markdown

    ledger = _article("Ledger", "The council passed the budget on Monday after a long debate.")
    ledger.title = "Militant councillors ram budget through"
    wire = _article("Wire", "The council passed the budget on Monday after a long debate.")
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder(), use_model=False)
    [(term, evidence)] = result.loaded["Ledger"]
    assert term == "militant" and evidence.part == "title"
    assert (evidence.text, evidence.start, evidence.end) == (ledger.title, 0, len(ledger.title))
    assert result.loaded["Wire"] == []
    assert "[ledger title 0-39]" in comparison_markdown("Budget", result)
    assert 'href="#ledger-title"' in comparison_html("Budget", result, [ledger, wire])
    assert 'id="ledger-title"' in comparison_html("Budget", result, [ledger, wire])


def test_a_listed_past_verb_counts_in_any_form_used_as_a_verb() -> None:
    """The lexicon lists "caved" and "attacked": "cave in" is the term, the noun "attack" not."""
    ledger = _article("Ledger", "Union leaders cave in to the port after a long standoff.")
    wire = _article("Wire", "Union leaders accepted the offer after a long standoff.")
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder(), use_model=False)
    assert [term for term, _ in result.loaded["Ledger"]] == ["cave"]
    noun = _article("Ledger", "The attack on the port came after a long standoff.")
    plain = compare_articles([noun, wire], embedder=UnalignedEmbedder(), use_model=False)
    assert plain.loaded["Ledger"] == []
