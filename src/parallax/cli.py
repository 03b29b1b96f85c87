"""The `parallax` command: a thin Typer shell over the library (parse, call, render)."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parallax.errors import ConfigError, InputError, ParallaxError
from parallax.export import FORMATS, write_articles
from parallax.ingest import ReadOptions, expand_inputs
from parallax.jobs import ingest_into, run_demo
from parallax.model import Article
from parallax.nlp import NlpSettings, analyze_articles
from parallax.nlp.aliases import load_aliases
from parallax.pipeline import analyze_inputs
from parallax.store import Store
from parallax.store.database import QuoteRow
from parallax.stories.compare import Comparison

__all__ = ["app", "main"]

app = typer.Typer(
    help="Parallax: turn news articles into an auditable record (who said what, when, and how "
    "each outlet framed it). Exit codes: 0 success, 1 some inputs failed, 2 usage or store error.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(
    help="Score Parallax stages against gold data, beside a baseline run in the same process."
)
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str, typer.Option("--db", help="Store: a SQLite file path or an SQLAlchemy URL.")
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Record field mapping for JSON/JSONL/CSV, e.g. --field body=article_text "
        "(attributes: title, subtitle, body, url, published, updated, authors, outlet, id, language).",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy pipeline for entities and quotes (default en_core_web_sm, or the "
        "PARALLAX_SPACY_MODEL environment variable); en_core_web_md/lg/trf where installed.",
    ),
]
NoNlpOption = Annotated[
    bool, typer.Option("--no-nlp", help="Skip entities and quotes (read and clean only).")
]
AliasOption = Annotated[
    Path | None,
    typer.Option(
        "--aliases",
        help="TOML file of [[merge]] and [[forbid]] name groups for cross-article entity identity.",
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse single-document inputs larger than this.")
]


def _options(fields: list[str] | None, max_bytes: int) -> ReadOptions:
    mapping: dict[str, str] = {}
    for item in fields or []:
        key, sep, value = item.partition("=")
        if not sep or not value:
            raise ConfigError(f"--field expects ATTRIBUTE=FIELD, got {item!r}")
        mapping[key.strip()] = value.strip()
    return ReadOptions(fields=mapping, max_bytes=max_bytes)


def _nlp_settings(model: str | None) -> NlpSettings:
    return NlpSettings(model=model) if model else NlpSettings()


def _report_error(error: InputError) -> None:
    err.print(f"[red]error[/red] {error.path}: {error.reason}", highlight=False, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


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
) -> None:
    """Read, clean, analyze (entities, quotes), de-duplicate and store articles.

    Re-running on the same inputs changes nothing.
    """
    options = _options(field, max_bytes)
    store = Store(db, aliases=load_aliases(aliases))
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
) -> None:
    """Analyze articles without a store: one JSON object per article with its entities and
    quotes (schema: parallax/schema/article.schema.json)."""
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

    def articles() -> Any:
        return cleaned() if no_nlp else analyze_articles(cleaned(), _nlp_settings(model))

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
    raise typer.Exit(1 if failures else 0)


@app.command("ls")
def list_articles(
    db: DbOption = "parallax.db",
    limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows.")] = 0,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List stored articles, newest first."""
    rows = Store(db).list_articles(limit=limit, offset=offset, outlet=outlet)
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
    store = Store(db)
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
    hits = Store(db).search(query, limit=limit)
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


def _write_records(records: list[Any], kind: type, fmt: str) -> None:
    """Dataclass rows to stdout as JSON Lines or CSV (one column per field)."""
    if fmt == "jsonl":
        for record in records:
            print(json.dumps(dataclasses.asdict(record), ensure_ascii=False))
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=[f.name for f in dataclasses.fields(kind)])
    writer.writeheader()
    for record in records:
        writer.writerow(dataclasses.asdict(record))


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
    rows = Store(db).quotes(speaker=speaker, outlet=outlet, kind=kind, limit=limit)
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
    rows = Store(db).entities(type_=type, limit=limit)
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


@app.command("stories")
def list_stories(
    db: DbOption = "parallax.db",
    limit: Annotated[int, typer.Option(help="How many stories.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Stories, newest first: title, span of dates, outlets, article count (copies included).

    With --format json: a list of stories, each with `id` and `articles` (each article with its
    `source`, `outlet`, `title`, and `copies`: the duplicates linked to it).
    """
    if format not in {"table", "json"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, json")
    found = Store(db).stories(limit=limit, offset=offset)
    if format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    table = Table("id", "dates", "articles", "outlets", "title")
    for story in found:
        dates = " … ".join(
            sorted({(d or "")[:10] for d in (story["first_date"], story["last_date"]) if d})
        )
        table.add_row(
            str(story["id"]),
            dates,
            str(story["article_count"]),
            ", ".join(story["outlets"]),
            story["title"] or "",
        )
    out.print(table)


@app.command("story")
def show_story(
    story_id: Annotated[int, typer.Argument(help="Story id (see `parallax stories`).")],
    db: DbOption = "parallax.db",
    as_json: Annotated[bool, typer.Option("--json", help="The story as JSON.")] = False,
) -> None:
    """One story: its articles by date, and the copies (duplicates) linked to each."""
    found = Store(db).stories(story_id=story_id)
    if not found:
        raise ConfigError(f"no story {story_id} in {db}")
    story = found[0]
    if as_json:
        print(json.dumps(story, ensure_ascii=False, indent=2))
        return
    out.rule(f"story {story['id']}: {story['title'] or '(untitled)'}")
    table = Table("published", "outlet", "title", "source", "copies")
    for article in story["articles"]:
        table.add_row(
            (article["published"] or "")[:10],
            article["outlet"] or "",
            article["title"] or "",
            article["source"],
            "; ".join(f"{c['kind']}: {c['source']}" for c in article["copies"]),
        )
    out.print(table)


@app.command()
def compare(
    story_id: Annotated[int, typer.Argument(help="Story id (see `parallax stories`).")],
    db: DbOption = "parallax.db",
    format: Annotated[
        str, typer.Option("--format", "-f", help="table (terminal), json, md or html.")
    ] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Compare the outlets of one story: facts shared, unique and left out, quotes used, people
    named and how, loaded terms; every item with the sentence that supports it."""
    from parallax.report.compare import comparison_html, comparison_markdown
    from parallax.stories.compare import compare_articles

    if format not in {"table", "json", "md", "html"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, json, md, html")
    store = Store(db)
    found = store.stories(story_id=story_id)
    if not found:
        raise ConfigError(f"no story {story_id} in {db}")
    articles = store.story_articles(story_id)
    result = compare_articles(articles)
    title = f"Story {story_id}: {found[0]['title'] or '(untitled)'}"
    if format == "table":
        _render_comparison(title, result)
        return
    if format == "json":
        text = json.dumps(
            {"story": story_id, **dataclasses.asdict(result)}, ensure_ascii=False, indent=2
        )
    elif format == "md":
        text = comparison_markdown(title, result)
    else:
        text = comparison_html(title, result, articles)
    if output is None:
        print(text)
    else:
        output.write_text(text, encoding="utf-8")
        out.print(f"wrote {output}")


def _render_comparison(title: str, result: Comparison) -> None:
    out.rule(title)
    table = Table("", *result.columns, show_lines=True)
    for label, facts in (("only here", result.unique), ("left out", result.omitted)):
        table.add_row(
            label, *("\n".join(f"• {e.text}" for e in facts[c]) or "—" for c in result.columns)
        )
    table.add_row(
        "quotes",
        *(
            "\n".join(
                f"• {q.speaker or '?'}: {q.text}" + ("" if q.elsewhere else "  [only here]")
                for q in result.quotes[c]
            )
            or "—"
            for c in result.columns
        ),
    )
    table.add_row(
        "loaded terms",
        *(", ".join(t for t, _ in result.loaded[c]) or "—" for c in result.columns),
    )
    table.add_row(
        "named most",
        *(", ".join(list(result.entities[c])[:6]) or "—" for c in result.columns),
    )
    out.print(table)


@app.command()
def timeline(
    db: DbOption = "parallax.db",
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Only articles matching this full-text query."),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option("--story", help="Only this story's articles (needs stories in the store)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """Dated events (sentences with a resolved date) of the stored articles, on one axis."""
    from parallax.timeline import TimelineEntry, merge_timeline

    if format not in {"table", "jsonl", "csv"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, jsonl, csv")
    store = Store(db)
    chosen = store.articles_matching(query)
    if story is not None:
        members = {a.id for a in store.story_articles(int(story))}
        if not members:
            raise ConfigError(f"no story {story} in {db}")
        chosen = [a for a in chosen if a.id in members]
    entries = merge_timeline(chosen)
    if format in {"jsonl", "csv"}:
        _write_records(entries, TimelineEntry, format)
        return
    table = Table("date", "outlet", "speaker", "sentence")
    for entry in entries:
        table.add_row(entry.date, entry.outlet or entry.source, entry.speaker or "", entry.sentence)
    out.print(table)


_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    db: DbOption = "parallax.db",
    host: Annotated[
        str, typer.Option(help="Address to bind. Anything but the loopback needs a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="PARALLAX_API_TOKEN",
            help="API token every request must carry (Authorization: Bearer TOKEN, or ?token=).",
        ),
    ] = None,
) -> None:
    """Serve the web pages (stories, outlets side by side, people, search) and the REST API
    (OpenAPI schema at /openapi.json) over a store."""
    import uvicorn

    from parallax.api import create_app

    if host not in _LOOPBACK and not token:
        raise ConfigError(f"binding to {host} needs an API token (--token or PARALLAX_API_TOKEN)")
    if not Path(db).exists() and "://" not in db:
        raise ConfigError(f"no store at {db} (create one with `parallax ingest --db {db} ...`)")
    out.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


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


@eval_app.command("extraction")
def eval_extraction(
    data: Annotated[Path, typer.Option(help="Benchmark folder (ground-truth.json, html/).")] = Path(
        "../shared/data/article-extraction-benchmark"
    ),
    limit: Annotated[int | None, typer.Option(help="Score only the first N pages.")] = None,
) -> None:
    """HTML body extraction: Parallax vs plain trafilatura on the same pages, same run."""
    from parallax.eval.extraction import evaluate_extraction

    if not (data / "ground-truth.json").is_file():
        raise ConfigError(f"benchmark not found at {data}")
    table = Table("system", "pages", "precision", "recall", "F1", "exact")
    for result in evaluate_extraction(data, limit=limit):
        s = result.score
        table.add_row(
            result.name,
            str(len(result.pages)),
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.f1:.4f}",
            f"{result.accuracy:.3f}",
        )
    out.print(table)


@eval_app.command("cleaning")
def eval_cleaning(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List lost content and missed debris.")
    ] = False,
) -> None:
    """Debris removal on hand-labelled paragraphs: real scraped documents and the sample corpus."""
    from parallax.eval.cleaning import gold_sets, score_cleaning

    table = Table(
        "gold set",
        "docs",
        "content",
        "debris",
        "content kept (P)",
        "debris removed (R)",
        "removal precision",
    )
    scores = []
    for name, gold, root in gold_sets(shared):
        score = score_cleaning(name, gold, root)
        scores.append(score)
        table.add_row(
            name,
            str(score.documents),
            str(score.content),
            str(score.debris),
            f"{score.content_precision:.4f}",
            f"{score.debris_recall:.4f}",
            f"{score.removal_precision:.4f}",
        )
    out.print(table)
    if verbose:
        for score in scores:
            _print_lines("[red]lost[/red]", [f"{score.name}: {line}" for line in score.lost])
            _print_lines("[yellow]missed[/yellow]", [f"{score.name}: {x}" for x in score.missed])


def _print_lines(label: str, lines: list[str]) -> None:
    """Evaluation detail for `--verbose`: one labelled line per error."""
    for line in lines:
        out.print(f"{label} {line}", highlight=False)


@eval_app.command("quotes")
def eval_quotes(
    data: Annotated[Path, typer.Option(help="The PolNeAR folder.")] = Path(
        "../shared/data/polnear"
    ),
    split: Annotated[str, typer.Option(help="train or dev.")] = "dev",
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    model: ModelOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses, false alarms, wrong speakers.")
    ] = False,
) -> None:
    """Quote extraction on PolNeAR: Parallax vs textacy's direct_quotations, same parses."""
    from parallax.eval.quotes import (
        load_polnear,
        parallax_system,
        parse_all,
        score_system,
        textacy_system,
    )
    from parallax.nlp import load_nlp

    if not (data / split / "text").is_dir():
        raise ConfigError(f"PolNeAR {split} split not found under {data}")
    docs = load_polnear(data, split, limit)
    with _progress() as bar:
        bar.add_task(f"parsing {len(docs)} articles", total=None)
        parsed = parse_all(load_nlp(_nlp_settings(model).model), docs)
    table = Table("system", "overlap", "kind", "gold", "precision", "recall", "F1", "speaker acc.")
    results = []
    for name, system in (("parallax", parallax_system), ("textacy", textacy_system)):
        for threshold in (0.3, 0.8):
            score = score_system(name, system, parsed, threshold)
            results.append(score)
            for kind in ("all", "direct", "indirect"):
                prf = score.prf(kind)
                table.add_row(
                    name,
                    f"\u2265{threshold:.0%}",
                    kind,
                    str(score.gold[kind]),
                    f"{prf.precision:.3f}",
                    f"{prf.recall:.3f}",
                    f"{prf.f1:.3f}",
                    f"{score.speaker_accuracy:.3f} ({score.speakers_scored})"
                    if kind == "all"
                    else "",
                )
    out.print(
        f"PolNeAR {split}: {len(docs)} articles; recall on speech-like gold attributions; "
        "baseline: textacy direct_quotations on the same parses"
    )
    out.print(table)
    ours, theirs = results[0].prf().f1, results[2].prf().f1
    out.print(
        f"overall F1 at \u226530%: parallax {ours:.3f}, textacy {theirs:.3f}, margin {ours - theirs:+.3f}"
    )
    if verbose:
        _print_lines("[yellow]missed[/yellow]", results[0].misses)
        _print_lines("[red]false alarm[/red]", results[0].false_alarms)
        _print_lines("[magenta]speaker[/magenta]", results[0].wrong_speakers)


@eval_app.command("entities")
def eval_entities(
    data: Annotated[
        Path, typer.Option(help="The PolNeAR folder (texts of the gold articles).")
    ] = Path("../shared/data/polnear"),
    model: ModelOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List wrong and spurious persons.")
    ] = False,
) -> None:
    """Person canonicalization on 20 hand-labelled real articles (data/gold/entities-polnear-dev.tsv)."""
    from parallax.eval.cleaning import GOLD_DIR
    from parallax.eval.entities import load_entity_gold, score_entities
    from parallax.nlp import load_nlp

    texts = data / "dev" / "text"
    if not texts.is_dir():
        raise ConfigError(f"PolNeAR dev texts not found under {data}")
    gold = load_entity_gold(GOLD_DIR / "entities-polnear-dev.tsv")
    score = score_entities(load_nlp(_nlp_settings(model).model), gold, texts)
    table = Table(
        "articles", "gold persons", "once, full name, PERSON", "accuracy", "PERSON precision"
    )
    table.add_row(
        str(score.articles),
        str(score.persons),
        str(score.once_full),
        f"{score.accuracy:.3f}",
        f"{score.precision:.3f}",
    )
    out.print(table)
    if verbose:
        _print_lines("[yellow]wrong[/yellow]", score.errors)
        _print_lines("[red]spurious[/red]", score.spurious)


@eval_app.command("time")
def eval_time(
    data: Annotated[Path, typer.Option(help="The TempEval-3 folder.")] = Path(
        "../shared/data/tempeval3"
    ),
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N documents each.")
    ] = None,
    model: ModelOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every error.")] = False,
) -> None:
    """Temporal expressions on TimeML gold (AQUAINT, the dev set, and TimeBank), TempEval-3 metrics."""
    from parallax.eval.time import load_timeml, score_time
    from parallax.nlp import load_nlp
    from parallax.nlp.time import extract_timexes

    root = data / "Training" / "TBAQ-cleaned"
    if not root.is_dir():
        raise ConfigError(f"TempEval-3 TBAQ-cleaned not found under {data}")
    nlp = load_nlp(_nlp_settings(model).model)
    table = Table(
        "corpus", "docs", "gold", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
        "type acc.", "value F1", "value F1 (canonical)",
    )  # fmt: skip
    for corpus in ("AQUAINT", "TimeBank"):
        docs = load_timeml(root / corpus, limit)
        parsed = nlp.pipe(d.text for d in docs)
        pairs = [
            (d, extract_timexes(d.text, d.dct, doc=p)) for d, p in zip(docs, parsed, strict=True)
        ]
        score = score_time(corpus, pairs)
        relaxed = score.relaxed_prf
        table.add_row(
            corpus,
            str(len(docs)),
            str(score.gold),
            f"{score.strict_prf.f1:.3f}",
            f"{relaxed.precision:.3f}",
            f"{relaxed.recall:.3f}",
            f"{relaxed.f1:.3f}",
            f"{score.type_accuracy:.3f}",
            f"{score.value_prf.f1:.3f}",
            f"{score.value_canonical_prf.f1:.3f}",
        )
        if verbose:
            _print_lines(f"[yellow]{corpus}[/yellow]", score.errors)
    out.print(table)
    out.print(
        "value F1: exact TIMEX3 strings; canonical: unspecified tails (1968-XX = 1968) and "
        "week padding (W7 = W07) read as the same value"
    )


@eval_app.command("clustering")
def eval_clustering(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    split: Annotated[str, typer.Option(help="ECB+ split to score: dev or train.")] = "dev",
    pairs_limit: Annotated[
        int | None, typer.Option(help="Score only the first N SemEval-2022 T8 pairs.")
    ] = None,
) -> None:
    """Story clustering on ECB+ (B-cubed, pairwise) beside TF-IDF + agglomerative, and same-story
    similarity on SemEval-2022 Task 8 English pairs (Pearson r) beside TF-IDF cosine."""
    from parallax.eval.clustering import (
        load_ecbplus,
        prepare,
        run_parallax,
        run_tfidf,
        score,
        score_semeval_pairs,
        tune_tfidf,
    )
    from parallax.stories.embed import load_embedder

    ecb = data / "ecbplus"
    if not (ecb / f"ecbplus_{split}.jsonl").is_file():
        raise ConfigError(f"ECB+ {split} split not found under {ecb}")
    docs = load_ecbplus(ecb / f"ecbplus_{split}.jsonl")
    embedder = load_embedder()
    with _progress() as bar:
        bar.add_task(f"parsing and embedding {len(docs)} ECB+ documents", total=None)
        features = prepare(docs, embedder)
        threshold = tune_tfidf(load_ecbplus(ecb / "ecbplus_train.jsonl"))
    gold = [d.cluster for d in docs]
    table = Table("system", "clusters", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1")
    for result in (
        score("parallax (online)", gold, run_parallax(features)),
        score(f"TF-IDF + agglomerative (t={threshold})", gold, run_tfidf(docs, threshold)),
    ):
        b3, pw = result.b_cubed, result.pairwise
        table.add_row(
            result.name,
            str(result.clusters),
            f"{b3.precision:.3f}",
            f"{b3.recall:.3f}",
            f"{b3.f1:.3f}",
            f"{pw.precision:.3f}",
            f"{pw.recall:.3f}",
            f"{pw.f1:.3f}",
        )
    out.print(f"ECB+ {split}: {len(docs)} documents, {len(set(gold))} gold stories")
    out.print(table)
    pairs = data / "semeval2022t8-en" / "en_en_pairs_with_text.jsonl"
    if pairs.is_file():
        with _progress() as bar:
            bar.add_task("scoring SemEval-2022 T8 pairs", total=None)
            similarity = score_semeval_pairs(pairs, embedder, pairs_limit)
        out.print(
            f"SemEval-2022 T8 English pairs ({similarity.pairs}, train split): Pearson r "
            f"parallax {similarity.parallax:.3f}, TF-IDF cosine {similarity.tfidf:.3f}"
        )


def main() -> None:
    """Console entry point: a library error becomes one line and exit code 2, never a traceback."""
    try:
        app()
    except ParallaxError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
