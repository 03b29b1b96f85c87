"""What every command shares: the Typer apps, consoles, options and small helpers."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parallax.errors import ConfigError, InputError
from parallax.ingest import ReadOptions
from parallax.nlp import NlpSettings
from parallax.store import Store

__all__ = [
    "AliasOption",
    "DbOption",
    "FieldOption",
    "FramingModelOption",
    "LLMModelOption",
    "LLMOption",
    "MaxBytesOption",
    "ModelOption",
    "NoFramingOption",
    "NoNlpOption",
    "TaxonomyOption",
    "app",
    "err",
    "eval_app",
    "out",
]

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
NoFramingOption = Annotated[
    bool,
    typer.Option("--no-framing", help="Skip entity roles and narratives (the framing stage)."),
]
TaxonomyOption = Annotated[
    Path | None,
    typer.Option(
        "--taxonomy",
        help="YAML file of your own narrative labels (descriptions, examples): narratives "
        "come from it, with no training, instead of the SemEval-2025 model.",
    ),
]
FramingModelOption = Annotated[
    Path | None,
    typer.Option(
        "--framing-model",
        help="A framing model trained by `parallax train framing` (default: the shipped one).",
    ),
]
LLMOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        help="Base URL of an OpenAI-compatible chat endpoint (llama.cpp server, Ollama, vLLM; "
        "e.g. http://localhost:8080/v1) to read roles and narratives instead of the shipped "
        "model (default: $PARALLAX_LLM_URL; none: the shipped model).",
    ),
]
LLMModelOption = Annotated[
    str | None,
    typer.Option(
        "--llm-model",
        help="The model name that endpoint expects (default: $PARALLAX_LLM_MODEL or 'default').",
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


def _existing_store(db: str) -> Store:
    """The store a reading command opens: a file path must exist (a mistyped path would
    otherwise create an empty store and show nothing); a database URL is opened as given."""
    if "://" not in db and db != ":memory:" and not Path(db).exists():
        raise ConfigError(f"no store at {db} (create one with `parallax ingest --db {db} ...`)")
    return Store(db)


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
