from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from parallax.cli import app

from ..conftest import ROOT, SAMPLE

runner = CliRunner()
SCHEMA = json.loads((ROOT / "src/parallax/schema/article.schema.json").read_text("utf-8"))


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in (
        "ingest",
        "analyze",
        "ls",
        "show",
        "search",
        "quotes",
        "entities",
        "demo",
        "eval",
    ):
        assert command in result.output


def test_analyze_jsonl_matches_the_schema() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 12
    for record in records:
        jsonschema.validate(record, SCHEMA)
    # local news unlike the role model's training documents: said, not silently empty
    withheld = [r for r in records if r["roles_withheld"]]
    assert withheld and all(r["roles"] == [] for r in withheld)
    assert f"no roles for {len(withheld)} article(s)" in result.stderr


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Good title\n\nA good paragraph of text.\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "cut.json").write_text('{"title": "x", "body": "y', encoding="utf-8")
    db = str(tmp_path / "p.db")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty input" in result.stderr
    assert f"{tmp_path / 'binary.txt'}: binary data" in result.stderr
    assert f"{tmp_path / 'cut.json'}: invalid or truncated JSON" in result.stderr
    assert "stored 1 new" in result.stdout
    again = runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db])
    assert again.exit_code == 0 and "1 already stored" in again.stdout


def test_ingest_ls_show_search_round_trip(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    ingested = runner.invoke(app, ["ingest", str(SAMPLE), "--db", db])
    assert ingested.exit_code == 0 and "no roles for" in ingested.stderr
    listing = runner.invoke(app, ["ls", "--db", db, "--json", "--limit", "100"])
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert len(rows) == 12
    shown = runner.invoke(app, ["show", rows[0]["id"], "--db", db, "--json"])
    stored = json.loads(shown.stdout)
    assert stored["id"] == rows[0]["id"]
    assert isinstance(stored["roles"], list) and isinstance(stored["narratives"], list)
    plain = str(tmp_path / "plain.db")
    one = str(SAMPLE / "ledger-tram-strike.html")
    assert runner.invoke(app, ["ingest", one, "--db", plain, "--no-framing"]).exit_code == 0
    listed = runner.invoke(app, ["ls", "--db", plain, "--json"]).stdout.splitlines()
    unframed = runner.invoke(app, ["show", json.loads(listed[0])["id"], "--db", plain, "--json"])
    assert json.loads(unframed.stdout)["roles"] is None  # framing did not run
    found = runner.invoke(app, ["search", "oyster", "--db", db, "--json"])
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert found.exit_code == 0 and hits and all("[oyster]" in h["snippet"] for h in hits)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_other_output_formats(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(
        app, ["analyze", str(SAMPLE / "civic-wire.jsonl"), "-f", fmt, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(target)
        assert table.num_rows == 3
        assert set(table.column("roles_withheld").to_pylist()) <= {"true", "false"}
    elif fmt == "json":
        assert len(json.loads(target.read_text("utf-8"))) == 3
    else:
        assert target.read_text("utf-8").count("civic-wire.jsonl#") == 3


def test_demo_writes_a_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text("utf-8")
    assert "Northwind Daily" in html and "The Varrow Ledger" in html and "Removed debris" in html


def test_analyze_reports_quotes_and_entities_with_spans() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE / "ledger-kessel-dam.html")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    body = record["body"]
    reyes = next(q for q in record["quotes"] if q["speaker"] == "Tomas Reyes")
    assert reyes["kind"] == "direct" and len(reyes["parts"]) == 2
    assert all(body[a:b] in reyes["text"] for a, b in reyes["parts"])
    names = {e["name"]: e for e in record["entities"]}
    assert names["Tomas Reyes"]["type"] == "PERSON"
    assert all(body[m["start"] : m["end"]] == m["text"] for m in names["Tomas Reyes"]["mentions"])


def test_no_nlp_leaves_analyses_out() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE / "ledger-kessel-dam.html"), "--no-nlp"])
    record = json.loads(result.stdout)
    assert record["quotes"] is None and record["entities"] is None


def test_quotes_by_speaker_across_outlets(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["quotes", "--speaker", "holm", "--db", db, "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["speaker"] for r in rows} == {"Greta Holm"}
    assert {r["outlet"] for r in rows} == {"Civic Wire", "The Varrow Ledger"}
    assert all(r["published"] for r in rows)
    table = runner.invoke(app, ["entities", "--db", db, "--json", "--type", "PERSON"])
    people = {json.loads(line)["name"]: json.loads(line) for line in table.stdout.splitlines()}
    assert people["Pavel Lind"]["article_count"] == 3


def test_alias_file_forces_a_merge(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[merge]]\nnames = ["Pavel Lind", "Greta Holm"]\n', encoding="utf-8")
    db = str(tmp_path / "p.db")
    args = ["ingest", str(SAMPLE), "--db", db, "--aliases", str(aliases)]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["quotes", "--speaker", "Pavel Lind", "--db", db, "-f", "jsonl"])
    speakers = {json.loads(line)["speaker"] for line in result.stdout.splitlines()}
    assert speakers == {"Pavel Lind", "Greta Holm"}


def test_bad_alias_file_is_one_clear_error(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text("[[merge]\n", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(SAMPLE), "--db", str(tmp_path / "p.db"), "--aliases", str(aliases)]
    )
    assert result.exit_code != 0
    assert "cannot read the alias file" in str(result.exception)


def test_timeline_of_a_query_is_in_date_order(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--db", db, "-q", "tram", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert entries and [e["sort_start"] for e in entries] == sorted(
        e["sort_start"] for e in entries
    )
    assert {e["outlet"] for e in entries} >= {"Civic Wire", "The Varrow Ledger"}
    assert all(
        "tram" in e["title"].casefold() or "strike" in e["title"].casefold() for e in entries
    )


def test_timeline_table_names_each_events_article(sample_db: str) -> None:
    result = runner.invoke(
        app, ["timeline", "--db", sample_db, "-q", "tram"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "Tram drivers walk out over night-shift pay" in result.stdout
    shown = runner.invoke(app, ["timeline", "--db", sample_db, "-q", "tram", "-f", "jsonl"])
    first = json.loads(shown.stdout.splitlines()[0])
    assert f"[{first['article_id'][:8]}]" in result.stdout


def test_analyze_reports_timexes_and_events() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE / "ledger-kessel-dam.html")])
    record = json.loads(result.stdout)
    body = record["body"]
    assert all(body[t["start"] : t["end"]] == t["text"] for t in record["timexes"])
    monday = next(t for t in record["timexes"] if t["text"].startswith("Monday"))
    # the article is dated Tuesday 3 March 2026: "Monday night" is the night before
    assert (monday["type"], monday["value"]) == ("TIME", "2026-03-02TNI")
    assert any(e["date"] == "2026-03-02TNI" and e["precision"] == "day" for e in record["events"])


def test_report_draws_the_timeline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text("utf-8")
    assert "<svg" in html and "<script" not in html


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("stories") / "p.db")
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db]).exit_code == 0
    return db


def _story_with(db: str, word: str) -> dict[str, object]:
    result = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    stories = json.loads(result.stdout)
    return next(s for s in stories if any(word in (a["title"] or "") for a in s["articles"]))


def test_every_sample_story_gathers_its_three_outlets(sample_db: str) -> None:
    result = runner.invoke(app, ["stories", "--db", sample_db, "--format", "json"])
    stories = json.loads(result.stdout)
    assert sorted(len(s["articles"]) for s in stories) == [3, 3, 3, 3]
    for story in stories:
        assert {"id", "articles"} <= set(story)
        assert all({"source", "outlet", "title"} <= set(a) for a in story["articles"])
    again = runner.invoke(app, ["ingest", str(SAMPLE), "--db", sample_db])
    assert "12 already stored" in again.stdout
    assert (
        len(json.loads(runner.invoke(app, ["stories", "--db", sample_db, "-f", "json"]).stdout))
        == 4
    )


def test_near_duplicate_is_a_copy_in_its_story(tmp_path: Path, sample_db: str) -> None:
    original = (SAMPLE / "ledger-tram-strike.html").read_text("utf-8")
    copy = tmp_path / "wire-copy.html"
    copy.write_text(original.replace("Varrow Ledger", "Harbour Courier"), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(copy), "--db", sample_db]).exit_code == 0
    story = _story_with(sample_db, "Tram drivers walk out")
    copies = [c for a in story["articles"] for c in a["copies"]]  # type: ignore[attr-defined]
    assert any(c["source"] == str(copy) for c in copies)


def test_compare_finds_the_planted_differences(sample_db: str) -> None:
    story = _story_with(sample_db, "Tram drivers walk out")
    result = runner.invoke(app, ["compare", str(story["id"]), "--db", sample_db, "-f", "json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    post = str(SAMPLE / "morning-post-tram-strike.txt")  # no outlet known: its own column
    assert set(view["columns"]) == {"Civic Wire", "The Varrow Ledger", post}
    # unique facts
    assert any("81 percent" in e["text"] for e in view["unique"][post])
    assert any("bike-share" in e["text"] for e in view["unique"]["The Varrow Ledger"])
    # what Civic Wire left out: the 6 percent offer both others carried
    assert any("6 percent" in e["text"] for e in view["omitted"]["Civic Wire"])
    # quotes only one outlet used
    holm = [q for q in view["quotes"]["Civic Wire"] if q["speaker"] == "Greta Holm"]
    assert holm and all(q["elsewhere"] == [] for q in holm)
    # loaded terms only one outlet used
    assert "stranded" in [term for term, _ in view["loaded"]["Civic Wire"]]
    # nothing planted as shared is called unique: the 6 percent offer is in two outlets
    for column in view["columns"]:
        assert not any("6 percent" in e["text"] for e in view["unique"][column])
    # the terminal table marks them too (Rich markup must not eat the marker)
    table = runner.invoke(app, ["compare", str(story["id"]), "--db", sample_db])
    assert table.exit_code == 0 and "Greta Holm" in table.stdout
    assert "(only here)" in table.stdout
    # framing per outlet (ingest frames by default), each label with its sentence
    assert set(view["narratives"]) == set(view["columns"])
    # a tram strike is unlike the war and climate coverage the role model learned from: its
    # articles get no roles, and the view says so (tests/unit/test_compare_framing.py covers
    # roles side by side)
    assert view["roles"] == {} and view["roles_withheld"] == view["columns"]
    assert "withheld:" in table.stdout


def test_compare_page_links_every_item_to_its_sentence(sample_db: str, tmp_path: Path) -> None:
    story = _story_with(sample_db, "Kessel")
    page = tmp_path / "story.html"
    result = runner.invoke(
        app, ["compare", str(story["id"]), "--db", sample_db, "-f", "html", "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert html.count('class="column"') == 3 and "<svg" in html
    import re

    targets = set(re.findall(r'href="#([0-9a-f]{16}-p\d+)"', html))
    assert targets and all(f'id="{t}"' in html for t in targets)


def test_compare_markdown_and_unknown_story(sample_db: str) -> None:
    story = _story_with(sample_db, "900 jobs")
    md = runner.invoke(app, ["compare", str(story["id"]), "--db", sample_db, "-f", "md"])
    assert md.exit_code == 0 and md.stdout.startswith("# Story")
    missing = runner.invoke(app, ["compare", "999", "--db", sample_db])
    assert missing.exit_code != 0


@pytest.mark.parametrize(
    "command",
    [
        ["ls"],
        ["show", "abc"],
        ["search", "port"],
        ["quotes"],
        ["entities"],
        ["stories"],
        ["story", "1"],
        ["compare", "1"],
        ["timeline"],
    ],
)
def test_reading_a_missing_store_is_an_error_not_a_new_file(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code != 0
    assert "no store at" in str(result.exception)
    assert not db.exists()


def test_timeline_story_must_be_a_number(sample_db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", sample_db, "--story", "abc"])
    assert result.exit_code == 2 and "integer" in result.stderr


PORT_VOTE_A = """Port board approves dredging plan

The Calloway port board voted 5-2 on Tuesday to deepen the harbor channel.

"This is the most important investment in jobs this decade," said board chair Miriam Osei.

Work is scheduled to begin in March, according to the board.
"""
PORT_VOTE_B = """Dredging vote leaves fishermen fearing for their catch

The Calloway port board on Tuesday approved the dredging plan over the objections of fishermen.

Board chair Miriam Osei admitted the schedule had slipped. "We are behind, and I won't pretend otherwise."

"Nobody asked us," said Ana Lindqvist, who heads the fishermen's cooperative.

The board said dredging would begin in March.
"""


def test_two_outlets_one_story_with_clean_evidence(tmp_path: Path) -> None:
    """Two outlets' coverage lands in one story; quotes only one outlet used are marked, the
    same claim by the same body in both is not, and no evidence runs across a paragraph."""
    paths = []
    for name, text in (("gazette.txt", PORT_VOTE_A), ("record.txt", PORT_VOTE_B)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert runner.invoke(app, ["ingest", "--db", db, *map(str, paths)]).exit_code == 0
    stories = json.loads(runner.invoke(app, ["stories", "--db", db, "-f", "json"]).stdout)
    assert len(stories) == 1 and stories[0]["article_count"] == 2
    result = runner.invoke(app, ["compare", str(stories[0]["id"]), "--db", db, "-f", "json"])
    view = json.loads(result.stdout)
    record = str(paths[1])
    lindqvist = [q for q in view["quotes"][record] if q["speaker"] == "Ana Lindqvist"]
    assert lindqvist and lindqvist[0]["elsewhere"] == []
    march = [
        q for column in view["columns"] for q in view["quotes"][column] if "March" in q["text"]
    ]
    assert {q["speaker"].casefold() for q in march} == {"the board"}
    assert all(q["elsewhere"] for q in march)
    for column in view["columns"]:
        for item in view["unique"][column] + view["omitted"][column]:
            assert "\n\n" not in item["text"] and not item["text"].startswith('"\n')
