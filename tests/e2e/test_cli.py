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
    for command in ("ingest", "analyze", "ls", "show", "search", "demo", "eval"):
        assert command in result.output


def test_analyze_jsonl_matches_the_schema() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 12
    for record in records:
        jsonschema.validate(record, SCHEMA)


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
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db]).exit_code == 0
    listing = runner.invoke(app, ["ls", "--db", db, "--json", "--limit", "100"])
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert len(rows) == 12
    shown = runner.invoke(app, ["show", rows[0]["id"], "--db", db, "--json"])
    assert json.loads(shown.stdout)["id"] == rows[0]["id"]
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

        assert pq.read_table(target).num_rows == 3
    elif fmt == "json":
        assert len(json.loads(target.read_text("utf-8"))) == 3
    else:
        assert target.read_text("utf-8").count("civic-wire.jsonl#") == 3


def test_demo_writes_a_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text("utf-8")
    assert "Northwind Daily" in html and "The Varrow Ledger" in html and "Removed debris" in html
