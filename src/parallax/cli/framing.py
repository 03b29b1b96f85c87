"""`parallax train framing`, `parallax export semeval` and `parallax eval framing`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from parallax.cli.common import (
    FramingModelOption,
    LLMModelOption,
    LLMOption,
    app,
    err,
    eval_app,
    out,
)
from parallax.errors import ConfigError, ParallaxError

train_app = typer.Typer(help="Train Parallax models from labelled data.")
export_app = typer.Typer(help="Write analyses in the formats of shared tasks.")
app.add_typer(train_app, name="train")
app.add_typer(export_app, name="export")

_SEMEVAL = Path("../shared/data/semeval2025t10-en/train")
DataOption = Annotated[
    Path,
    typer.Option(
        "--data",
        help="A SemEval-2025 Task 10 English split: raw-documents/ and subtask-1/2-annotations.txt.",
    ),
]


def _say(message: str) -> None:
    err.print(f"[dim]{message}[/dim]", highlight=False)


@train_app.command("framing")
def train_framing(
    data: DataOption = _SEMEVAL,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the model (.npz).")
    ] = Path("src/parallax/framing/models/semeval2025-en.npz"),
    dev_fraction: Annotated[
        float,
        typer.Option(help="Hold this share out (domain-stratified, seed 7); 0 trains on all."),
    ] = 0.0,
    seed: Annotated[int, typer.Option(help="Split and cross-validation seed.")] = 7,
) -> None:
    """Train the entity-role and narrative heads on SemEval-2025 Task 10 documents.

    The default trains on every document of `--data` and overwrites the model shipped in the
    package; `parallax eval framing` trains its own model on the train split instead."""
    from parallax.framing.semeval import load_documents, split_documents
    from parallax.framing.train import train_model

    if not 0 <= dev_fraction < 1:
        raise ConfigError("--dev-fraction must be in [0, 1)")
    docs = load_documents(data)
    if dev_fraction:
        docs, _ = split_documents(docs, dev_fraction, seed)
    if not docs:
        raise ConfigError(f"{data}: no documents to train on")
    model = train_model(docs, seed=seed, progress=_say)
    model.save(output)
    settings = {k: v for k, v in model.settings.items() if k != "fine_parent"}
    out.print(
        f"trained on {model.info['documents']} documents and {model.info['mentions']} "
        f"mentions; decision {settings}; role heads' C {model.info['role_C']}; wrote {output} "
        f"({output.stat().st_size:,} bytes)"
    )


@export_app.command("semeval")
def export_semeval(
    docs: Annotated[list[Path], typer.Argument(help="Task documents (title line, blank, body).")],
    subtask: Annotated[int, typer.Option(help="1: roles, 2: narratives, 3: explanations.")] = 2,
    mentions: Annotated[
        Path | None,
        typer.Option(help="Subtask 1: tab-separated 'file mention start end' lines."),
    ] = None,
    framing_model: FramingModelOption = None,
    llm: LLMOption = None,
    llm_model: LLMModelOption = None,
) -> None:
    """Print predictions in the official SemEval-2025 Task 10 submission format.

    A document that cannot be read is reported on stderr with its path and skipped; the exit
    code is then 1."""
    from parallax.framing.classify import Framer
    from parallax.framing.semeval import (
        GoldMention,
        TaskDocument,
        format_subtask1,
        format_subtask2,
        format_subtask3,
        read_document,
        read_mentions,
    )
    from parallax.framing.train import mention_span

    if subtask not in (1, 2, 3):
        raise ConfigError("--subtask is 1, 2 or 3")
    if subtask == 1 and mentions is None:
        raise ConfigError("subtask 1 needs --mentions FILE (the given entity mentions)")
    framer = Framer.from_options(framing_model, llm=llm, llm_model=llm_model)
    loaded: list[TaskDocument] = []
    failed = False
    for path in docs:
        try:
            loaded.append(read_document(path))
        except ParallaxError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
            failed = True
    wanted = read_mentions(mentions) if subtask == 1 and mentions is not None else []
    given: dict[str, list[GoldMention]] = {}
    for mention in wanted:
        given.setdefault(mention.file, []).append(mention)
    spans = [[mention_span(d, m) for m in given.get(d.name, [])] for d in loaded]
    # the given mentions are encoded in the same batch as the documents, not one call each
    vectors = framer.encoder.documents([(d.title, d.body) for d in loaded], spans)
    if subtask == 1:
        by_file = {d.name: (d, v) for d, v in zip(loaded, vectors, strict=True)}
        rows = []
        for mention in wanted:
            if mention.file not in by_file:
                err.print(f"[yellow]skip[/yellow] {mention.file}: not among the documents")
                continue
            doc, vec = by_file[mention.file]
            role = framer.roles(vec, [mention_span(doc, mention)])[0]
            rows.append((mention, role.main_role, role.fine_roles))
        for line in format_subtask1(rows):
            print(line)
    else:
        for doc, vec, decision in zip(
            loaded, vectors, framer.decide_narratives(vectors), strict=True
        ):
            if subtask == 2:
                print(format_subtask2(doc.name, decision.labels))
                continue
            narratives = framer.narratives(vec, decision)
            if not narratives:
                print(format_subtask3(doc.name, "Other", "Other", "No narrative of the taxonomy."))
                continue
            top = max(narratives, key=lambda n: n.confidence)
            dominant = top.subnarratives[0] if top.subnarratives else "none"
            if dominant.endswith(": Other"):
                dominant = "none"  # the task's files write no specific subnarrative as "none"
            print(format_subtask3(doc.name, top.label, dominant, top.explanation))
    raise typer.Exit(1 if failed else 0)


@eval_app.command("framing")
def eval_framing(
    data: DataOption = _SEMEVAL,
    dev_fraction: Annotated[float, typer.Option(help="Dev share (domain-stratified).")] = 0.2,
    seed: Annotated[int, typer.Option(help="Split seed.")] = 7,
    folds: Annotated[
        int | None,
        typer.Option(
            help="Cross-validate instead: this many domain-stratified folds, every document dev "
            "once; the figures are the means over the folds (one model trained per fold)."
        ),
    ] = None,
    llm: LLMOption = None,
    llm_model: LLMModelOption = None,
) -> None:
    """Entity roles and narratives (SemEval-2025 T10 subtasks 1 and 2) on a dev split, beside
    a frequency baseline and the no-training user-taxonomy classifier, same run; with --llm,
    a chat model's reading of the same documents too. One 20% split is noisy (60 documents):
    --folds 5 gives a steadier figure."""
    from parallax.eval.framing import evaluate_framing
    from parallax.framing.llm import LLMSettings

    if not (data / "raw-documents").is_dir():
        raise ConfigError(f"SemEval-2025 T10 data not found at {data}")
    if folds is not None and not 2 <= folds <= 20:
        raise ConfigError("--folds must be between 2 and 20")
    settings = LLMSettings.from_env(llm, llm_model)
    results, counts = evaluate_framing(
        data, dev_fraction, seed, say=_say, llm=settings, folds=folds
    )
    table = Table(
        "system",
        "ST2 F1 coarse",
        "ST2 F1 fine",
        "ST1 main-role acc",
        "ST1 EMR (fine roles)",
        "casting P / R / F1",
    )

    def cell(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    for r in results:
        casting = "-"
        if r.casting is not None:
            c = r.casting
            casting = f"{c.precision:.3f} / {c.recall:.3f} / {c.f1:.3f}"
        table.add_row(
            r.system,
            cell(r.coarse_f1),
            cell(r.fine_f1),
            cell(r.main_accuracy),
            cell(r.emr),
            casting,
        )
    out.print(table)
    out.print(", ".join(f"{k}: {v}" for k, v in counts.items()))
