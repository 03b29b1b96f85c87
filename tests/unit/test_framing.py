"""Framing: task files, the model file, training on a tiny corpus, user taxonomies, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from parallax.cli import app
from parallax.errors import ConfigError, ParallaxError
from parallax.framing.classify import Framer, NarrativeDecision
from parallax.framing.encoder import (
    MentionSpan,
    load_encoder,
    sentence_at,
    sentence_spans,
)
from parallax.framing.heads import FramingModel, LinearHead, ModelError
from parallax.framing.semeval import (
    fold_documents,
    format_subtask2,
    load_documents,
    read_document,
    read_mentions,
    split_documents,
)
from parallax.framing.taxonomy import UserTaxonomy
from parallax.framing.train import decision_scores, featurize, mention_span
from parallax.model import Article

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "semeval"


def test_task_document_offsets_match_the_annotations() -> None:
    docs = {d.name: d for d in load_documents(FIXTURES)}
    assert len(docs) == 6
    doc = docs["EN_CC_900001.txt"]
    assert doc.title.startswith("Wind levy")
    assert doc.narratives == ["CC: Criticism of climate policies"]
    assert docs["EN_CC_900004.txt"].narratives == []  # "Other" is no label
    for mention in doc.mentions:
        span = mention_span(doc, mention)
        assert doc.body[span.start : span.end] == mention.text


def test_split_is_stratified_and_reproducible() -> None:
    docs = load_documents(FIXTURES)
    train, dev = split_documents(docs, 0.34, seed=3)
    again = split_documents(docs, 0.34, seed=3)
    assert [d.name for d in dev] == [d.name for d in again[1]]
    assert len(dev) == 2 and len(train) == 4


def test_folds_put_every_document_in_dev_once() -> None:
    docs = load_documents(FIXTURES)
    folds = fold_documents(docs, 3, seed=3)
    assert folds == fold_documents(docs, 3, seed=3)
    devs = [d.name for _, dev in folds for d in dev]
    assert sorted(devs) == sorted(d.name for d in docs)
    for train, dev in folds:
        assert {d.name for d in train}.isdisjoint(d.name for d in dev)
        assert len(train) + len(dev) == len(docs)
        # stratified: each domain's documents are spread over the folds
        assert {d.domain for d in dev} == {d.domain for d in docs}


def test_bad_task_inputs_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "EN_CC_1.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(ParallaxError, match="empty document"):
        read_document(empty)
    bad = tmp_path / "mentions.txt"
    bad.write_text("EN_CC_1.txt\tBrennick\tten\t20\n", encoding="utf-8")
    with pytest.raises(ParallaxError, match=r"mentions\.txt:1"):
        read_mentions(bad)


def test_subtask2_line_format() -> None:
    assert format_subtask2("a.txt", {}) == "a.txt\tOther\tOther"
    line = format_subtask2("a.txt", {"CC: X": ["CC: X: Y", "CC: X: Other"]})
    assert line == "a.txt\tCC: X\tCC: X: Y;CC: X: Other"


def test_sentence_spans_point_into_the_text() -> None:
    text = "Ships left the port. Cranes stood still.\n\nWorkers went home"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Ships left the port.",
        "Cranes stood still.",
        "Workers went home",
    ]


def test_reading_paragraph_by_paragraph_splits_as_the_whole_text_does() -> None:
    """The first sentences and a mention's sentence are found without splitting the rest of
    the body: the same spans a split of the whole text gives, and nothing is split twice."""
    import spacy

    text = (
        'Mr. Oduya spoke first. "We will not yield," he said.\n\n'
        "A paragraph with no stop\n \n"
        "U.S. officials met at 9 a.m. on Friday! Was it late? Yes.\n\n\n\n"
        '"Enough."\n\nThe end.'
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    whole = []  # the whole text split at once, then cut at blank lines
    for sent in nlp(text).sents:
        for part in re.split(r"\n\s*\n", sent.text):
            if part.strip():
                at = text.index(part.strip(), sent.start_char)
                whole.append((at, at + len(part.strip())))
    assert sentence_spans(text) == whole and len(whole) == 8
    for limit in range(1, 11):
        assert sentence_spans(text, limit) == whole[:limit]
    for offset in range(len(text)):
        inside = next(((a, b) for a, b in whole if a <= offset < b), None)
        assert sentence_at(text, offset) == inside, offset


def test_model_file_round_trip_and_errors(tmp_path: Path) -> None:
    head = LinearHead(
        ["a", "b"], np.eye(2, 3, dtype=np.float32), np.zeros(2, np.float32), "softmax"
    )
    domain = np.eye(2, 3, dtype=np.float32)  # the training documents' vectors
    model = FramingModel(
        {"main_role": head}, {"gate_threshold": 0.4}, {"documents": 2}, None, domain
    )
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = FramingModel.load(path)
    assert loaded.settings == {"gate_threshold": 0.4}
    assert loaded.domain is not None and np.array_equal(loaded.domain, domain)
    probs = loaded.head("main_role").scores(np.array([[5.0, 0.0, 0.0]], np.float32))
    assert probs.shape == (1, 2) and probs[0, 0] > 0.99
    with pytest.raises(ModelError, match="no 'fine' head"):
        loaded.head("fine")
    (tmp_path / "junk.npz").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not a Parallax framing model"):
        FramingModel.load(tmp_path / "junk.npz")
    with pytest.raises(ModelError, match="no framing model there"):
        FramingModel.load(tmp_path / "missing.npz")
    old = tmp_path / "old.npz"  # an earlier format: its role heads read other features
    np.savez(old, meta=np.array(json.dumps({"format": 1, "heads": {}})))
    with pytest.raises(ModelError, match=r"format 1.*retrain"):
        FramingModel.load(old)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained by the CLI on the six fictional task documents."""
    path = tmp_path_factory.mktemp("framing") / "tiny.npz"
    result = CliRunner().invoke(
        app, ["train", "framing", "--data", str(FIXTURES), "--output", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "trained on 6 documents and 8 mentions" in result.output
    return path


def test_training_learns_the_tiny_corpus(tiny_model: Path) -> None:
    model = FramingModel.load(tiny_model)
    assert model.head("coarse").labels == ["CC: Criticism of climate policies"]
    assert set(model.head("main_role").labels) == {"Antagonist", "Innocent", "Protagonist"}
    docs = load_documents(FIXTURES)
    framer = Framer(model, load_encoder())
    vectors = framer.encoder.documents([(d.title, d.body) for d in docs])
    coarse, _fine = decision_scores(docs, framer.decide_narratives(vectors))
    assert coarse == 1.0  # it fits its own training documents
    doc = docs[0]
    roles = framer.roles(vectors[0], [mention_span(doc, m) for m in doc.mentions])
    assert [r.main_role for r in roles] == [m.main_role for m in doc.mentions]
    assert all(r.evidence and r.mention in r.evidence[0].sentence for r in roles)


def test_a_subset_of_featurized_documents_is_theirs_alone() -> None:
    """`eval framing` featurizes every document once and gives each split its rows: they must
    be what featurizing those documents alone gives."""
    docs = load_documents(FIXTURES)
    whole = featurize(docs)
    part = whole.subset([3, 1])
    alone = featurize([docs[3], docs[1]])
    assert [d.name for d in part.docs] == [docs[3].name, docs[1].name]
    assert part.mentions == alone.mentions and len(part.mentions) > 0
    np.testing.assert_allclose(part.mention_rows, alone.mention_rows, atol=1e-6)
    assert (part.cast_labels, part.cast_docs) == (alone.cast_labels, alone.cast_docs)
    np.testing.assert_allclose(part.cast_rows, alone.cast_rows, atol=1e-6)
    for a, b in zip(part.vectors, alone.vectors, strict=True):
        np.testing.assert_allclose(a.document, b.document, atol=1e-6)


def test_export_semeval_subtasks(tiny_model: Path) -> None:
    docs = sorted(str(p) for p in (FIXTURES / "raw-documents").glob("*.txt"))
    runner = CliRunner()
    two = runner.invoke(
        app, ["export", "semeval", "--subtask", "2", "--framing-model", str(tiny_model), *docs]
    )
    assert two.exit_code == 0, two.output
    lines = [line.split("\t") for line in two.output.strip().splitlines()]
    assert len(lines) == 6 and all(len(cols) == 3 for cols in lines)
    assert lines[0][1] == "CC: Criticism of climate policies"
    one = runner.invoke(
        app,
        [
            "export", "semeval", "--subtask", "1", "--framing-model", str(tiny_model),
            "--mentions", str(FIXTURES / "subtask-1-annotations.txt"), *docs,
        ],
    )  # fmt: skip
    assert one.exit_code == 0, one.output
    first = one.output.splitlines()[0].split("\t")
    assert first[:4] == ["EN_CC_900001.txt", "Olaf Strand", "230", "240"]
    assert first[4] in {"Antagonist", "Protagonist", "Innocent"} and len(first) >= 6
    three = runner.invoke(
        app,
        ["export", "semeval", "--subtask", "3", "--framing-model", str(tiny_model), docs[0]],
    )
    assert three.exit_code == 0
    cols = three.output.rstrip("\n").split("\t")
    assert "Criticism of climate policies" in cols[3]
    # the dominant subnarrative is one of the narrative's, or "none" as the task writes it
    assert cols[2] == "none" or cols[2].startswith(cols[1] + ": ")
    assert not cols[2].endswith(": Other")


def test_export_reports_a_broken_document_and_goes_on(tiny_model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "EN_CC_0.txt"
    broken.write_bytes(b"\xff\xfe\x00binary")
    good = str(FIXTURES / "raw-documents" / "EN_CC_900004.txt")
    result = CliRunner().invoke(
        app, ["export", "semeval", "--framing-model", str(tiny_model), str(broken), good]
    )
    assert result.exit_code == 1
    assert "EN_CC_0.txt: cannot read" in result.output
    assert "EN_CC_900004.txt\t" in result.output


TAXONOMY = """
name: Transit disputes
threshold: 0.3
labels:
  - label: "Transit: Strikers hold the city hostage"
    description: Striking transport workers are blamed for stranding commuters.
    examples:
      - "Commuters were stranded when the tram drivers walked out."
  - label: "Transit: Strikers hold the city hostage: Union leaders are selfish"
    parent: "Transit: Strikers hold the city hostage"
    description: Union leaders are said to care for themselves, not the public.
  - label: "Health: Hospitals hide data breaches"
    description: A hospital kept a cyberattack on patient records secret.
"""


def test_user_taxonomy_classifies_with_no_training(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    taxonomy = UserTaxonomy.from_file(path)
    body = (
        "Thousands of commuters were stranded on Monday as tram drivers stayed at home. "
        "The union says the walkout will last all week.\n\nShops near the depots stayed empty."
    )
    doc = taxonomy.encoder.documents([("Tram strike strands the city", body)])[0]
    found = taxonomy.narratives(doc)
    assert [n.label for n in found] == ["Transit: Strikers hold the city hostage"]
    evidence = found[0].evidence[0]
    assert body[evidence.start : evidence.end] == evidence.sentence
    assert "stranded" in found[0].explanation or "walkout" in found[0].explanation


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("labels: []", "non-empty 'labels'"),
        ("labels:\n  - description: no name", "needs a 'label'"),
        ("labels:\n  - label: A\n    parent: B", "parent 'B' is not a label"),
        ("labels: [", "not valid YAML"),
        ("threshold: high\nlabels:\n  - label: A", "must be numbers"),
    ],
)
def test_bad_taxonomy_files_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        UserTaxonomy.from_file(path)


def test_framer_attaches_roles_and_narratives_to_articles(tiny_model: Path) -> None:
    from parallax.nlp import analyze_article

    article = Article(
        id="x",
        source="x.txt",
        title="Wind levy will only fatten the energy barons",
        paragraphs=[
            "Minister Olaf Strand signed the wind levy after a dinner with energy firms.",
            "Households in Varrow will pay more while the firms count their profits.",
        ],
    )
    analyze_article(article)
    Framer(FramingModel.load(tiny_model)).frame([article])
    assert article.roles and article.narratives is not None
    strand = next(r for r in article.roles if r.entity and "Strand" in r.entity)
    assert article.body[strand.start : strand.end] == strand.mention
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data).roles == article.roles


def test_decision_scores_count_other_as_a_label() -> None:
    docs = load_documents(FIXTURES)[3:5]  # two "Other" documents
    none = [NarrativeDecision({}, {}), NarrativeDecision({}, {})]
    assert decision_scores(docs, none) == (1.0, 1.0)


def test_mention_vectors_read_each_entity_in_its_sentence() -> None:
    encoder = load_encoder()
    body = "Ostrava ships grain to Velna.\n\nVelna thanks its neighbour."
    ostrava = MentionSpan("Ostrava", 0, 7)
    velna_first = MentionSpan("Velna", 23, 28)
    velna_later = MentionSpan("Velna", 31, 36)
    title_mention = MentionSpan("Velna", -10, -5)
    doc = encoder.documents(
        [("Grain for Velna", body)], [[ostrava, velna_first, velna_later, title_mention]]
    )[0]
    assert set(doc.mentions) == {(0, 7), (23, 28), (31, 36), (-10, -5)}
    vectors = encoder.mention_vectors(doc, [ostrava, velna_first, velna_later, title_mention])
    assert vectors.shape == (4, encoder.dimensions)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # one sentence, two entities: two different readings
    assert float(vectors[0] @ vectors[1]) < 0.95
    # the same name read in two sentences is closer to itself than to the other entity
    assert float(vectors[1] @ vectors[2]) > float(vectors[0] @ vectors[2])
    assert doc.reading_of(title_mention) == ("Grain for Velna", 10, 15)
    assert doc.reading_of(velna_later) == ("Velna thanks its neighbour.", 0, 5)
    # asked later without `documents` knowing them, the vectors are computed on demand
    fresh = encoder.documents([("Grain for Velna", body)])[0]
    assert not fresh.mentions
    # a document `reads` turns down (one whose roles are withheld) has no mention read
    kept, skipped = encoder.documents(
        [("Grain for Velna", body), ("Velna thanks Ostrava", body)],
        [[ostrava], [ostrava]],
        reads=lambda d: d.title_text == "Grain for Velna",
    )
    assert set(kept.mentions) == {(0, 7)} and not skipped.mentions
    assert skipped.document.shape == kept.document.shape
    again = encoder.mention_vectors(fresh, [ostrava])
    assert float(again[0] @ vectors[0]) > 0.99


def test_casting_head_keeps_roles_for_the_entities_an_article_casts() -> None:
    encoder = load_encoder()
    body = "Ostrava blocked the grain ships. Velna says Ostrava lies. Ostrava denies it."
    ostrava = MentionSpan("Ostrava", 0, 7, "Ostrava", 3, "GPE")
    velna = MentionSpan("Velna", 33, 38, "Velna", 1, "GPE")
    width = encoder.dimensions + 6  # mention vector, log count, position, four types
    cast_w = np.zeros((1, width), np.float32)
    cast_w[0, encoder.dimensions] = 10.0  # cast only what the article names three times
    roles_w = np.zeros((3, encoder.dimensions), np.float32)
    model = FramingModel(
        {
            "main_role": LinearHead(
                ["Antagonist", "Innocent", "Protagonist"], roles_w, np.zeros(3, np.float32),
                "softmax",
            ),
            "fine_role": LinearHead(
                ["Tyrant"], roles_w[:1], np.zeros(1, np.float32), "softmax"
            ),
            "cast": LinearHead(["cast"], cast_w, np.array([-10.0], np.float32)),
        },
        {"cast_threshold": 0.5, "fine_parent": {"Tyrant": "Antagonist"}},
    )  # fmt: skip
    framer = Framer(model, encoder)
    doc = encoder.documents([(None, body)], [[ostrava, velna]])[0]
    assert [r.mention for r in framer.roles(doc, [ostrava, velna], cast_only=True)] == ["Ostrava"]
    # given mentions (the task's subtask 1) are all cast
    assert len(framer.roles(doc, [ostrava, velna])) == 2
    del model.heads["cast"]  # a model without the head casts every entity
    assert len(framer.roles(doc, [ostrava, velna], cast_only=True)) == 2
    # an article unlike every training document gets no roles of its own; one like them
    # does, and one that names nobody has none to withhold
    model.settings["domain_threshold"] = 0.0
    model.domain = -doc.document[None, :]
    assert framer.withholds(doc, [ostrava, velna])
    assert not framer.withholds(doc, [])
    model.domain = doc.document[None, :]
    assert not framer.withholds(doc, [ostrava, velna])


def test_explanation_names_the_narrative_and_ends_once() -> None:
    from parallax.framing.classify import _explain
    from parallax.model import Evidence

    said = Evidence("Ports are closing because of the new tax.", 0, 41, 0.9)
    text = _explain(
        "CC: Criticism of climate policies",
        ["CC: Criticism of climate policies: Climate policies have negative impact on the economy"],
        [said],
    )
    assert text == (
        "The article pushes the narrative \u201cCriticism of climate policies\u201d (Climate "
        "policies have negative impact on the economy), for instance where it says: "
        "\u201cPorts are closing because of the new tax.\u201d"
    )
    bare = _explain("URW: Praise of Russia", ["URW: Praise of Russia: Other"], [])
    assert bare == "The article pushes the narrative \u201cPraise of Russia\u201d."


def test_role_heads_c_is_chosen_by_grouped_cross_validation() -> None:
    from parallax.framing.semeval import GoldMention, TaskDocument
    from parallax.framing.train import ROLE_GRID, Featurized, _tune_roles

    rng = np.random.default_rng(0)
    roles = [("Antagonist", ("Tyrant",)), ("Protagonist", ("Guardian",)), ("Innocent", ("Victim",))]
    docs, rows = [], []
    for i in range(30):
        mentions = []
        for j in range(3):
            main, fine = roles[(i + j) % 3]
            mentions.append(GoldMention(f"d{i}", "X", 0, 0, main, fine))
            rows.append(np.eye(8)[(i + j) % 3] + rng.normal(0, 0.1, 8))
        docs.append(TaskDocument(f"d{i}", "t", "b", 0, mentions=mentions))
    data = Featurized(
        docs, [], np.array(rows, np.float32), [m for d in docs for m in d.mentions],
        np.zeros((0, 8), np.float32), [], [],
    )  # fmt: skip
    c_main, c_fine, report = _tune_roles(data, folds=5, seed=7)
    assert c_main in ROLE_GRID and c_fine in ROLE_GRID
    # the roles are separable: every held-out mention is read right, fine roles included
    assert report[f"main {c_main}"] == 1.0 and report[f"fine {c_fine}"] == 1.0


def test_eval_framing_cross_validates_over_folds() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "framing", "--data", str(FIXTURES), "--folds", "3"])
    assert result.exit_code == 0, result.output
    # every document is dev once: the counts are summed over the folds
    assert "dev documents: 6" in result.output and "train documents: 12" in result.output
    assert "Parallax" in result.output  # the table (wrapped to the terminal)
    bad = runner.invoke(app, ["eval", "framing", "--data", str(FIXTURES), "--folds", "1"])
    assert isinstance(bad.exception, ConfigError) and "between 2 and 20" in str(bad.exception)
