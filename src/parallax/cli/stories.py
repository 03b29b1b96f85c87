"""Commands over stories: list, show, compare outlets, timelines, and the web server."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from parallax.cli.common import (
    DbOption,
    _existing_store,
    _write_records,
    app,
    out,
)
from parallax.errors import ConfigError
from parallax.stories.compare import Comparison


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
    found = _existing_store(db).stories(limit=limit, offset=offset)
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
    found = _existing_store(db).stories(story_id=story_id)
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
    named and how, loaded terms, narratives pushed and how each outlet casts the actors; every
    item with the sentence that supports it."""
    from parallax.report.compare import comparison_html, comparison_markdown
    from parallax.stories.compare import compare_articles

    if format not in {"table", "json", "md", "html"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, json, md, html")
    store = _existing_store(db)
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

    def row(label: str, lines: Callable[[str], Iterable[str]], sep: str = "\n") -> None:
        table.add_row(label, *(escape(sep.join(lines(c))) or "—" for c in result.columns))

    def only(elsewhere: tuple[str, ...]) -> str:
        return "" if elsewhere else "  (only here)"

    row("only here", lambda c: (f"• {e.text}" for e in result.unique[c]))
    row("left out", lambda c: (f"• {e.text}" for e in result.omitted[c]))
    row(
        "quotes",
        lambda c: (f"• {q.speaker or '?'}: {q.text}{only(q.elsewhere)}" for q in result.quotes[c]),
    )
    row("loaded terms", lambda c: (t for t, _ in result.loaded[c]), ", ")
    row("evaluative (model)", lambda c: (t for t, _, _ in result.loaded_model.get(c, [])), ", ")
    row("named most", lambda c: list(result.entities[c])[:6], ", ")
    if any(result.narratives.values()):
        row(
            "narratives",
            lambda c: (f"• {n.label}{only(n.elsewhere)}" for n in result.narratives[c]),
        )
    if result.cast_differently:
        row(
            "cast differently",
            lambda c: (
                f"• {name}: {result.roles[name][c].main_role}"
                for name in result.cast_differently
                if c in result.roles[name]
            ),
        )
    if result.roles_withheld:
        withheld = "withheld: unlike the texts the role model learned from"
        row("roles", lambda c: [withheld] if c in result.roles_withheld else [])
    out.print(table)


@app.command()
def timeline(
    db: DbOption = "parallax.db",
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Only articles matching this full-text query."),
    ] = None,
    story: Annotated[
        int | None,
        typer.Option("--story", help="Only this story's articles (needs stories in the store)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """Dated events (sentences with a resolved date) of the stored articles, on one axis.

    The table gives each event's date (its precision is how much it names: 2023, 2026-03,
    2026-03-10), outlet, speaker when it is a quote, sentence, and article (title and id
    prefix, for `parallax show`); jsonl and csv add the precision, the full article id, the
    source and the sentence's character span in the body."""
    from parallax.timeline import TimelineEntry, merge_timeline

    if format not in {"table", "jsonl", "csv"}:
        raise ConfigError(f"unknown format {format!r}; choose from table, jsonl, csv")
    store = _existing_store(db)
    chosen = store.timeline_articles(query, story)
    if chosen is None:
        raise ConfigError(f"no story {story} in {db}")
    entries = merge_timeline(chosen)
    if format in {"jsonl", "csv"}:
        _write_records(entries, TimelineEntry, format)
        return
    table = Table("date", "outlet", "speaker", "sentence", "article")
    for entry in entries:
        table.add_row(
            entry.date,
            entry.outlet or entry.source,
            entry.speaker or "",
            entry.sentence,
            f"{entry.title or '(untitled)'} [{entry.article_id[:8]}]",
        )
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
    store = _existing_store(db)
    out.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="warning")
