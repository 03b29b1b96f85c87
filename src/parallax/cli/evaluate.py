"""`parallax eval ...`: score each stage against gold data beside a baseline, same run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from parallax.cli.common import (
    ModelOption,
    _nlp_settings,
    _progress,
    eval_app,
    out,
)
from parallax.errors import ConfigError


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
    checked: Annotated[
        list[Path] | None,
        typer.Option(
            help="Files of time expressions in real articles with hand-checked values, each "
            "scored as a set (when its articles' folder, PolNeAR, SemEval-2022 T8, SemEval-2025 "
            "T10 or the article extraction benchmark, is beside the TempEval-3 one); repeat the "
            "option for several. Default: every set in data/gold (time-*.tsv), listed under the "
            "table."
        ),
    ] = None,
    model: ModelOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every error.")] = False,
) -> None:
    """Temporal expressions on TimeML gold (AQUAINT, the dev set, and TimeBank), TempEval-3
    metrics; then the value accuracy on real news checked by hand."""
    from parallax.eval.cleaning import GOLD_DIR
    from parallax.eval.time import (
        CHECKED_SETS,
        TimeScore,
        checked_corpus,
        checked_sources,
        dateparser_timexes,
        load_checked,
        load_timeml,
        score_checked_systems,
        score_time,
    )
    from parallax.nlp import load_nlp
    from parallax.nlp.time import extract_timexes

    root = data / "Training" / "TBAQ-cleaned"
    if not root.is_dir():
        raise ConfigError(f"TempEval-3 TBAQ-cleaned not found under {data}")
    nlp = load_nlp(_nlp_settings(model).model)
    table = Table(
        "corpus", "system", "docs", "gold", "strict F1", "relaxed P", "relaxed R",
        "relaxed F1", "type acc.", "value F1", "value F1 (canonical)",
    )  # fmt: skip

    def row(corpus: str, system: str, docs: int, score: TimeScore) -> None:
        relaxed = score.relaxed_prf
        table.add_row(
            corpus,
            system,
            str(docs),
            str(score.gold),
            f"{score.strict_prf.f1:.3f}",
            f"{relaxed.precision:.3f}",
            f"{relaxed.recall:.3f}",
            f"{relaxed.f1:.3f}",
            f"{score.type_accuracy:.3f}",
            f"{score.value_prf.f1:.3f}",
            f"{score.value_canonical_prf.f1:.3f}",
        )

    for corpus in ("AQUAINT", "TimeBank"):
        docs = load_timeml(root / corpus, limit)
        parsed = nlp.pipe(d.text for d in docs)
        pairs = [
            (d, extract_timexes(d.text, d.dct, doc=p)) for d, p in zip(docs, parsed, strict=True)
        ]
        score = score_time(corpus, pairs)
        row(corpus, "Parallax", len(docs), score)
        found = [(d, dateparser_timexes(d.text, d.dct)) for d in docs]
        row(corpus, "dateparser search_dates", len(docs), score_time(corpus, found))
        if verbose:
            _print_lines(f"[yellow]{corpus}[/yellow]", score.errors)
    out.print(table)
    out.print(
        "value F1: exact TIMEX3 strings; canonical: unspecified tails (1968-XX = 1968) and "
        "week padding (W7 = W07) read as the same value. Baseline: dateparser's search_dates "
        "finds the strings, its parser their period (year, month, ISO week, day, time)"
    )
    files = checked or [GOLD_DIR / f"time-{name}.tsv" for name in CHECKED_SETS]
    real = Table("corpus", "set", "system", "docs", "checked", "found", "value accuracy")
    skipped = []
    for path in files:
        gold = load_checked(path) if path.exists() else []
        missing = [str(p) for p in (path, *checked_sources(gold, data.parent)) if not p.exists()]
        if missing:
            skipped.append(f"{path.stem} ({', '.join(missing)} absent)")
            continue
        articles, scores = score_checked_systems(gold, data.parent, nlp)
        corpus = checked_corpus(gold)
        for system, checked_score in scores.items():
            real.add_row(
                corpus,
                path.stem,
                system,
                str(articles),
                str(checked_score.gold),
                str(checked_score.found),
                f"{checked_score.accuracy:.3f}",
            )
            if verbose and system == "Parallax":
                _print_lines(f"[yellow]{corpus} {path.stem}[/yellow]", checked_score.errors)
    if skipped:
        out.print(f"[dim]real news checked by hand, skipped: {'; '.join(skipped)}[/dim]")
    if not real.rows:
        return
    out.print(real)
    legend = [
        f"{path.stem}: {CHECKED_SETS[name]}"
        for path in files
        if (name := path.stem.removeprefix("time-")) in CHECKED_SETS
    ]
    out.print(
        "; ".join(legend)
        + (". " if legend else "")
        + "Each drawn at random from the PolNeAR dev (or train) articles, from the "
        "SemEval-2022 T8 English excerpts whose address carries their date, or from the "
        "article extraction benchmark's pages whose markup gives their date, and given its "
        "value by hand from the article and its publication date"
    )


@eval_app.command("clustering")
def eval_clustering(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
    split: Annotated[str, typer.Option(help="ECB+ split to score: dev or train.")] = "dev",
    pairs_limit: Annotated[
        int | None, typer.Option(help="Score only the first N SemEval-2022 T8 pairs.")
    ] = None,
    orders: Annotated[
        int, typer.Option(min=1, help="Arrival orders to score the online clusterer over.")
    ] = 10,
) -> None:
    """Story clustering on ECB+ (B-cubed, pairwise) beside TF-IDF + agglomerative, and same-story
    similarity on SemEval-2022 Task 8 English pairs (Pearson r) beside TF-IDF cosine."""
    from parallax.eval.clustering import (
        load_ecbplus,
        order_spread,
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
    spread = order_spread(gold, features, orders)
    out.print(
        f"parallax over {spread.orders} arrival orders (the table's, then shuffles 1-"
        f"{spread.orders - 1}): B3 F1 mean {spread.mean:.3f} ± {spread.sd:.3f} "
        f"(min {spread.low:.3f}, max {spread.high:.3f}); the TF-IDF baseline is not online"
    )
    pairs = data / "semeval2022t8-en" / "en_en_pairs_with_text.jsonl"
    if pairs.is_file():
        with _progress() as bar:
            bar.add_task("scoring SemEval-2022 T8 pairs", total=None)
            similarity = score_semeval_pairs(pairs, embedder, pairs_limit)
        out.print(
            f"SemEval-2022 T8 English pairs ({similarity.pairs}, train split): Pearson r "
            f"parallax {similarity.parallax:.3f}, TF-IDF cosine {similarity.tfidf:.3f}"
        )


@eval_app.command("loaded")
def eval_loaded(
    gold: Annotated[Path | None, typer.Option(help="Labelled words (TSV).")] = None,
) -> None:
    """Loaded-language model on hand-labelled adjectives and adverbs of real news (PolNeAR),
    beside flagging every adjective and adverb, same run (weighted by stratum)."""
    from parallax.eval.loaded import GOLD_FILE, evaluate_loaded

    path = gold or GOLD_FILE
    if not path.is_file():
        raise ConfigError(f"loaded-term labels not found at {path}")
    from parallax.stories.loaded import load_loaded_model

    table = Table("system", "precision", "recall", "F1")
    for name, score in evaluate_loaded(path):
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    out.print(table)
    model = load_loaded_model()
    out.print(
        f"threshold from the word lists alone (lowest margin flagging held-out list words with "
        f"precision >= 0.99, 5 folds): {model.calibrate():g}; the model uses {model.threshold:g}"
    )
