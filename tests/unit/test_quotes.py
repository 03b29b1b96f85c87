"""Quotes on small hand-written texts: every pattern the extractor promises."""

from __future__ import annotations

import pytest

from parallax.model import Quote
from parallax.nlp.entities import extract_entities
from parallax.nlp.pipeline import load_nlp
from parallax.nlp.quotes import extract_quotes, find_quoted_spans


def quotes_of(text: str) -> list[Quote]:
    doc = load_nlp()(text)
    return extract_quotes(doc, extract_entities(doc))


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


def test_quoted_spans_pair_curly_straight_and_doubled_marks() -> None:
    text = "“One,” he said. \"Two.\" ''Three.'' “Open"
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == [
        "One,",
        "Two.",
        "Three.",
        "Open",
    ]
    assert find_quoted_spans(text)[-1].closed is False


def test_direct_quote_with_trailing_cue() -> None:
    q = only("Ann Lee runs the port. “We will reopen the north quay on Monday,” Lee said.")
    assert q.kind == "direct"
    assert q.text == "We will reopen the north quay on Monday,"
    assert (q.cue, q.speaker, q.speaker_text) == ("said", "Ann Lee", "Lee")


def test_every_span_points_into_the_body() -> None:
    text = "Mayor Ilse Brandt said the city would open two shelters in the Lowmarsh district."
    q = only(text)
    assert text[q.start : q.end] == q.text
    assert q.cue_start is not None and text[q.cue_start : q.cue_end] == "said"
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_quote_split_by_its_cue_is_one_quote_with_two_parts() -> None:
    q = only(
        "“We had no choice,” said Tomas Reyes, the chief engineer. “The old town is safe "
        "because we acted early.”"
    )
    assert q.speaker == "Tomas Reyes"
    assert len(q.parts) == 2
    assert q.text == "We had no choice, … The old town is safe because we acted early."


def test_cue_before_the_quote_with_a_colon() -> None:
    q = only("The minister was blunt. Greta Holm said: “The offer on the table is generous.”")
    assert (q.kind, q.speaker) == ("direct", "Greta Holm")


def test_partial_quote_inside_reported_speech_keeps_the_whole_clause() -> None:
    q = only('The plan was "dead on arrival," Senator John Roe told reporters on Monday.')
    assert q.kind == "indirect"
    assert q.text.startswith("The plan was")
    assert q.speaker == "John Roe"


def test_according_to() -> None:
    q = only("According to the fire brigade, the blaze started in a kitchen on the third floor.")
    assert q.cue == "According to"
    assert q.speaker == "the fire brigade"
    assert q.text == "the blaze started in a kitchen on the third floor"


def test_quote_only_paragraph_continues_the_previous_speaker() -> None:
    found = quotes_of(
        "“The strike will go on,” said Pavel Lind, the union leader.\n\n"
        "“Drivers have waited three years for this raise and they will not wait longer.”"
    )
    assert [q.speaker for q in found] == ["Pavel Lind", "Pavel Lind"]
    assert found[1].cue is None


def test_reported_speech_with_that_clause_and_organisation_speaker() -> None:
    q = only("The ministry said on Monday that the talks would resume next week.")
    assert (q.kind, q.speaker) == ("indirect", "The ministry")
    assert q.text == "that the talks would resume next week"


def test_trailing_attribution_of_reported_speech() -> None:
    q = only("The bridge will stay closed until the inspection ends, officials said.")
    assert q.text == "The bridge will stay closed until the inspection ends"
    assert q.speaker == "officials"


def test_pronoun_speaker_resolves_to_the_person() -> None:
    found = quotes_of(
        "Maria Santos leads the campaign group River First. She said the flooding showed "
        "the dam was run for the capital."
    )
    assert [q.speaker for q in found] == ["Maria Santos"]
    assert found[0].speaker_text == "She"


def test_definite_role_resolves_to_the_person_it_describes() -> None:
    found = quotes_of(
        "John Roe, a senator from Ohio, spoke after the vote. The senator said the bill "
        "would not survive the winter."
    )
    assert [q.speaker for q in found] == ["John Roe"]


def test_parenthetical_cue() -> None:
    q = only("The museum, Mr. Obama said, would make visitors face uncomfortable truths.")
    assert q.speaker == "Obama"
    assert "would make visitors face uncomfortable truths" in q.text


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes_of("The company launched its “green” range of kettles in May.") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No quotes here at all.",
        "“Unclosed quote at the end of the body",
        "He said.",
    ],
)
def test_degenerate_texts_do_not_crash(text: str) -> None:
    quotes_of(text)


def test_a_body_named_by_a_descriptors_modifier_is_not_that_person() -> None:
    text = (
        "Authority chair Miriam Osei defended the plan on Tuesday. "
        "The authority said dredging would begin in March."
    )
    said = [q for q in quotes_of(text) if "dredging" in q.text]
    assert [q.speaker for q in said] == ["The authority"]


def test_a_quote_ending_a_paragraph_does_not_run_into_the_next() -> None:
    text = '"Nobody asked us first," said Ana Lindqvist.\n\n"It is too late now."\n\nThe board met.'
    doc = load_nlp()(text)
    assert [s.text.strip() for s in doc.sents] == [
        '"Nobody asked us first," said Ana Lindqvist.',
        '"It is too late now."',
        "The board met.",
    ]
