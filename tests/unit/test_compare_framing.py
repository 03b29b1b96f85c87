"""Comparison of framing across outlets: narratives one outlet alone pushed, actors cast apart."""

from __future__ import annotations

import json
from dataclasses import asdict

from parallax.model import Article, Entity, Evidence, Mention, Narrative, Role
from parallax.report.compare import comparison_html, comparison_markdown
from parallax.stories.compare import compare_articles

from ..conftest import UnalignedEmbedder

LEVY = "CC: Criticism of climate policies"
HOAX = "CC: Criticism of institutions and authorities"


def _article(outlet: str, body: str, role: str, narratives: list[str]) -> Article:
    start = body.index("Olaf Strand")
    end = start + len("Olaf Strand")
    sentence_end = body.index(".", end) + 1
    evidence = Evidence(body[:sentence_end], 0, sentence_end, 1.0)
    return Article(
        id=outlet[:4].lower(),
        source=f"{outlet}.txt",
        title="Wind levy signed",
        paragraphs=[body],
        outlet=outlet,
        entities=[
            Entity(
                "e1",
                "Olaf Strand",
                "PERSON",
                "olaf strand",
                [],
                [Mention("Olaf Strand", start, end)],
            )
        ],
        quotes=[],
        roles=[Role("Olaf Strand", start, end, "Olaf Strand", role, [], 0.8, [evidence])],
        narratives=[Narrative(n, [f"{n}: Other"], 0.7, [evidence], "") for n in narratives],
    )


def test_comparison_shows_framing_one_outlet_alone_carried() -> None:
    ledger = _article(
        "Ledger", "Minister Olaf Strand signed the wind levy on Monday.", "Protagonist", [LEVY]
    )
    wire = _article(
        "Wire",
        "Olaf Strand forced the wind levy through to please his donors.",
        "Antagonist",
        [LEVY, HOAX],
    )
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder())
    by_label = {n.label: n for n in result.narratives["Wire"]}
    assert by_label[HOAX].elsewhere == ()  # only Wire pushed it
    assert by_label[LEVY].elsewhere == ("Ledger",)
    assert by_label[HOAX].evidence is not None
    assert by_label[HOAX].evidence.text.startswith("Olaf Strand forced")
    assert result.roles["Olaf Strand"]["Ledger"].main_role == "Protagonist"
    assert result.roles["Olaf Strand"]["Wire"].main_role == "Antagonist"
    for column, cast in result.roles["Olaf Strand"].items():  # each with its own sentence
        assert cast.evidence is not None and cast.evidence.column == column
        assert "Olaf Strand" in cast.evidence.text
    assert result.cast_differently == ["Olaf Strand"]
    md = comparison_markdown("Levy", result)
    assert f"**{HOAX}** (CC: Criticism of institutions and authorities: Other) (only here)" in md
    assert "**Olaf Strand** (cast differently): Ledger: Protagonist" in md
    json.dumps(asdict(result))  # the JSON output serializes it


def test_unframed_articles_give_no_framing_sections() -> None:
    article = _article("Ledger", "Minister Olaf Strand signed the wind levy.", "Protagonist", [])
    article.roles = article.narratives = None
    other = _article("Wire", "Olaf Strand signed the levy on Monday.", "Protagonist", [])
    other.roles = other.narratives = None
    result = compare_articles([article, other], embedder=UnalignedEmbedder())
    assert result.roles == {} and result.cast_differently == []
    assert result.narratives == {"Ledger": [], "Wire": []}
    assert "casts the actors" not in comparison_markdown("Levy", result)


def test_an_outlet_whose_roles_were_withheld_is_named() -> None:
    ledger = _article("Ledger", "Minister Olaf Strand signed the wind levy.", "Protagonist", [])
    wire = _article("Wire", "Olaf Strand signed the levy on Monday.", "Protagonist", [])
    wire.roles, wire.roles_withheld = [], True
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder())
    assert result.roles_withheld == ["Wire"]
    assert list(result.roles["Olaf Strand"]) == ["Ledger"]
    assert "Roles withheld, as the articles are unlike" in comparison_markdown("Levy", result)
    ledger.roles, ledger.roles_withheld = [], True
    result = compare_articles([ledger, wire], embedder=UnalignedEmbedder())
    assert result.roles == {} and result.roles_withheld == ["Ledger", "Wire"]
    page = comparison_html("Levy", result, [ledger, wire])
    assert "How each outlet casts the actors" in page and "Ledger, Wire." in page
