"""Entities on small hand-written texts: canonical names, type votes, descriptors, keys."""

from __future__ import annotations

from parallax.model import Entity
from parallax.nlp.entities import entity_key, extract_entities
from parallax.nlp.pipeline import load_nlp


def entities_of(text: str) -> list[Entity]:
    return extract_entities(load_nlp()(text)).entities


def by_name(text: str) -> dict[str, Entity]:
    return {e.name: e for e in entities_of(text)}


def test_surname_and_titled_mentions_join_the_full_name() -> None:
    found = by_name(
        "UN Secretary-General António Guterres arrived on Monday. Guterres met the minister. "
        "Mr. Guterres left on Tuesday."
    )
    person = found["António Guterres"]
    assert person.type == "PERSON"
    assert len(person.mentions) == 3
    assert [n for n, e in found.items() if e.type == "PERSON"] == ["António Guterres"]


def test_descriptors_from_titles_and_appositions() -> None:
    found = by_name(
        "White House press secretary Jane Doe spoke first. John Roe, a senator from Ohio and "
        "chair of the banking committee, spoke next."
    )
    assert "White House press secretary" in found["Jane Doe"].descriptors
    assert "senator from Ohio and chair of the banking committee" in found["John Roe"].descriptors


def test_two_people_with_one_surname_stay_apart() -> None:
    found = by_name("Hillary Clinton and Bill Clinton arrived together. Hillary Clinton spoke.")
    assert {"Hillary Clinton", "Bill Clinton"} <= set(found)


def test_mentions_point_into_the_text() -> None:
    text = "Tomas Reyes opened the gates. Reyes said little."
    for entity in entities_of(text):
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text


def test_possessive_and_article_are_stripped() -> None:
    found = by_name("The United Nations' envoy met Ann Lee's team.")
    assert "Ann Lee" in found


def test_acronym_joins_its_long_form() -> None:
    found = by_name(
        "The International Monetary Fund cut its forecast. The IMF said growth would slow."
    )
    imf = found["International Monetary Fund"]
    assert {m.text for m in imf.mentions} == {"International Monetary Fund", "IMF"}


def test_transliteration_variants_share_a_key() -> None:
    assert entity_key("Muammar al-Qaddafi", "PERSON") == entity_key("Muammar Gaddafi", "PERSON")
    assert entity_key("Gaddafi", "PERSON") == entity_key("Qaddafi", "PERSON")
    assert entity_key("Ann Lee", "PERSON") != entity_key("Ann Lee", "ORG")
