"""Commands over articles: ingest, analyze, list, show, search, quotes, entities, demo."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from parallax.cli.common import (
    AliasOption,
    DbOption,
    FieldOption,
    FramingModelOption,
    LLMModelOption,
    LLMOption,
    MaxBytesOption,
    ModelOption,
    NoFramingOption,
    NoNlpOption,
    TaxonomyOption,
    _existing_store,
    _nlp_settings,
    _options,
    _progress,
    _report_error,
    _write_records,
    app,
    err,
    out,
)
from parallax.errors import ConfigError, InputError
from parallax.export import FORMATS, write_articles
from parallax.framing.classify import Framer, frame_articles
from parallax.framing.heads import OUT_OF_DOMAIN
from parallax.ingest import expand_inputs
from parallax.jobs import ingest_into, run_demo
from parallax.model import Article
from parallax.nlp import analyze_articles
from parallax.nlp.aliases import load_aliases
from parallax.pipeline import analyze_inputs
from parallax.store import Store
from parallax.store.database import QuoteRow


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")
    ],
    db: DbOption = "parallax.db",
    field: FieldOption = None,
    max_bytes: MaxBytesOption = 50 * 1024 * 1024,
    model: ModelOption = None,
    no_nlp: NoNlpOption = False,
    no_stories: Annotated[
        bool, typer.Option("--no-stories", help="Store without assigning stories (no embedding).")
    ] = False,
    aliases: AliasOption = None,
    no_framing: NoFramingOption = False,
    taxonomy: TaxonomyOption = None,
    framing_model: FramingModelOption = None,
    llm: LLMOption = None,
    llm_model: LLMModelOption = None,
) -> None:
    """Read, clean, analyze (entities, quotes, time, entity roles and narratives),
    de-duplicate and store articles, assigning each to a story.

    Re-running on the same inputs changes nothing.
    """
    options = _options(field, max_bytes)
    store = Store(db, aliases=load_aliases(aliases))
    framer = (
        None
        if no_nlp or no_framing
        else Framer.from_options(framing_model, taxonomy, llm, llm_model)
    )
    total = sum(isinstance(f, str) for f in expand_inputs(paths))
    with _progress() as bar:
        task = bar.add_task("ingesting", total=total)

        def advance(path: str, outcomes: Counter[str]) -> None:
            bar.update(
                task, advance=1, description=f"ingesting ({sum(outcomes.values())} articles)"
            )

        report = ingest_into(
            store,
            paths,
            options,
            on_file=advance,
            nlp=_nlp_settings(model),
            analyze=not no_nlp,
            stories=not no_stories,
            framer=framer,
        )
    for error in report.errors:
        _report_error(error)
    outcomes = report.outcomes
    out.print(
        f"stored {outcomes['added']} new, {outcomes['exact']} exact and {outcomes['near']} near "
        f"duplicates linked, {outcomes['unchanged']} already stored, {report.failed} failed "
        f"· {store.count()} articles in {db}",
        highlight=False,
    )
    _note_withheld(framer)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    field: FieldOption = None,
    max_bytes: MaxBytesOption = 50 * 1024 * 1024,
    model: ModelOption = None,
    no_nlp: NoNlpOption = False,
    no_framing: NoFramingOption = False,
    taxonomy: TaxonomyOption = None,
    framing_model: FramingModelOption = None,
    llm: LLMOption = None,
    llm_model: LLMModelOption = None,
) -> None:
    """Analyze articles without a store: one JSON object per article with its entities,
    quotes, time expressions, dated events, entity roles and narratives
    (schema: parallax/schema/article.schema.json)."""
    if format not in FORMATS:
        raise ConfigError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    if format == "parquet" and output is None:
        raise ConfigError("parquet output needs --output FILE")
    options = _options(field, max_bytes)
    failures: list[InputError] = []

    def cleaned() -> Any:
        for result in analyze_inputs(paths, options):
            if isinstance(result, InputError):
                failures.append(result)
                _report_error(result)
            else:
                yield result

    framer = (
        None
        if no_nlp or no_framing
        else Framer.from_options(framing_model, taxonomy, llm, llm_model)
    )

    def articles() -> Any:
        if no_nlp:
            return cleaned()
        analyzed = analyze_articles(cleaned(), _nlp_settings(model))
        return frame_articles(analyzed, framer) if framer else analyzed

    binary = format == "parquet"
    target = (
        output.open(
            "wb" if binary else "w",
            encoding=None if binary else "utf-8",
            newline="" if format == "csv" else None,
        )
        if output
        else None
    )
    with target or nullcontext():
        stream = target or sys.stdout
        write_articles(articles(), stream, format)
    _note_withheld(framer)
    raise typer.Exit(1 if failures else 0)


def _note_withheld(framer: Framer | None) -> None:
    """Say how many articles the framing stage gave no roles as out of its model's domain."""
    if framer is not None and framer.withheld:
        err.print(
            f"note: no roles for {framer.withheld} article(s) {OUT_OF_DOMAIN} (README: Framing)",
            highlight=False,
        )


@app.command("ls")
def list_articles(
    db: DbOption = "parallax.db",
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows.")] = 0,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List stored articles, newest first."""
    rows = _existing_store(db).list_articles(limit=limit, offset=offset, outlet=outlet)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "published", "outlet", "title")
    for row in rows:
        table.add_row(
            row["id"], (row["published"] or "")[:10], row["outlet"] or "", row["title"] or ""
        )
    out.print(table)


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(help="Article id or a unique prefix of it (4+ characters).")
    ],
    db: DbOption = "parallax.db",
    as_json: Annotated[bool, typer.Option("--json", help="The article's JSON object.")] = False,
) -> None:
    """Show one stored article: metadata, clean body, removed debris, linked duplicates."""
    store = _existing_store(db)
    article = store.get(article_id)
    if article is None:
        raise ConfigError(f"no single article with id {article_id!r} in {db}")
    if as_json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    _render_article(article, store.duplicates_of(article.id))


def _render_article(article: Article, duplicates: list[dict[str, Any]]) -> None:
    out.rule(article.title or "(untitled)")
    if article.subtitle:
        out.print(f"[italic]{article.subtitle}[/italic]")
    published = article.published.isoformat() if article.published else "unknown date"
    out.print(
        f"[dim]{article.outlet or 'unknown outlet'} · {', '.join(article.authors) or 'no author'} · "
        f"{published} · {article.source} · id {article.id}[/dim]",
        highlight=False,
    )
    for paragraph in article.paragraphs:
        out.print(paragraph, highlight=False)
        out.print()
    for block in article.removed:
        out.print(f"[red]removed[/red] ({block.reason}): {block.text}", highlight=False)
    for dup in duplicates:
        out.print(
            f"[yellow]{dup['kind']} duplicate[/yellow] {dup['source']} ({dup['similarity']:.2f})",
            highlight=False,
        )


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='Full-text query: words, "exact phrases", OR, NOT, prefix*.')
    ],
    db: DbOption = "parallax.db",
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """Full-text search over titles and bodies, best match first."""
    hits = _existing_store(db).search(query, limit=limit)
    if as_json:
        for hit in hits:
            print(json.dumps(dataclasses.asdict(hit), ensure_ascii=False))
        return
    table = Table("id", "published", "outlet", "title", "snippet")
    for hit in hits:
        table.add_row(
            hit.id, (hit.published or "")[:10], hit.outlet or "", hit.title or "", hit.snippet
        )
    out.print(table)


@app.command("quotes")
def list_quotes(
    speaker: Annotated[
        str | None,
        typer.Option(help="Who said it: any part of a canonical name or alias (case-insensitive)."),
    ] = None,
    db: DbOption = "parallax.db",
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct or indirect.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 100,
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """Everything a person (or organisation) said across the stored corpus, with outlet and date."""
    if format not in {"table", "jsonl", "csv"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, jsonl, csv")
    rows = _existing_store(db).quotes(speaker=speaker, outlet=outlet, kind=kind, limit=limit)
    if format in {"jsonl", "csv"}:
        _write_records(rows, QuoteRow, format)
        return
    table = Table("published", "outlet", "speaker", "kind", "quote")
    for row in rows:
        table.add_row(
            (row.published or "")[:10], row.outlet or "", row.speaker or "?", row.kind, row.text
        )
    out.print(table)


@app.command("entities")
def list_entities(
    db: DbOption = "parallax.db",
    type: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, GPE, LOC, NORP or FAC.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """The corpus entity table: canonical name, type, aliases, descriptors, article count."""
    rows = _existing_store(db).entities(type_=type, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("name", "type", "articles", "aliases", "descriptors")
    for row in rows:
        table.add_row(
            row["name"],
            row["type"],
            str(row["article_count"]),
            "; ".join(row["aliases"]),
            "; ".join(row["descriptors"]),
        )
    out.print(table)


@app.command()
def demo(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for demo.db and report.html.")
    ] = Path("out/demo"),
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: the bundled data/sample).")
    ] = None,
) -> None:
    """Run the main job on the bundled fictional corpus and write an HTML report."""
    with _progress() as bar:
        task = bar.add_task("demo", total=None)
        result = run_demo(out_dir, corpus, on_file=lambda path, _: bar.update(task, advance=1))
    for error in result.ingest.errors:
        _report_error(error)
    out.print(f"{result.articles} articles stored in {result.db}")
    out.print(f"report: {result.report.resolve()}")
    raise typer.Exit(1 if result.ingest.failed else 0)
