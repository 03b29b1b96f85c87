"""Render a story comparison as Markdown or as a self-contained HTML page (side-by-side columns)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from parallax.framing.heads import OUT_OF_DOMAIN
from parallax.model import Article
from parallax.report.chart import timeline_svg
from parallax.stories.compare import Comparison, Evidence
from parallax.timeline import merge_timeline

__all__ = ["comparison_html", "comparison_markdown"]

_env = Environment(
    loader=PackageLoader("parallax", "report/templates"), autoescape=select_autoescape(["html"])
)


_WITHHELD = f"Roles withheld, as the articles are {OUT_OF_DOMAIN}"


def _cite(evidence: Evidence) -> str:
    part = " title" if evidence.part == "title" else ""
    return f"[{evidence.article_id}{part} {evidence.start}-{evidence.end}]"


def comparison_markdown(title: str, comparison: Comparison) -> str:
    """One section per outlet; every item ends with its evidence (article id and span)."""
    lines = [f"# {title}", ""]
    for column in comparison.columns:
        lines += [f"## {column}", ""]
        sections = [
            ("Facts only this outlet reported", comparison.unique[column]),
            ("Facts most others carried that this outlet left out", comparison.omitted[column]),
        ]
        for heading, items in sections:
            lines.append(f"### {heading}")
            lines += [f"- {e.text} {_cite(e)}" for e in items] or ["- (none)"]
            lines.append("")
        lines.append("### Quotes")
        for q in comparison.quotes[column]:
            used = f" (also in {', '.join(q.elsewhere)})" if q.elsewhere else " (only here)"
            lines.append(f"- **{q.speaker or '?'}** ({q.kind}): {q.text}{used} {_cite(q.evidence)}")
        lines.append("")
        lines.append("### Loaded terms no other outlet used")
        lines += [f"- *{term}*: {e.text} {_cite(e)}" for term, e in comparison.loaded[column]] or [
            "- (none)"
        ]
        lines.append("")
        lines.append("### Evaluative words no other outlet used (model, not in the lexicon)")
        lines += [
            f"- *{term}* ({score:.2f}): {e.text} {_cite(e)}"
            for term, score, e in comparison.loaded_model.get(column, [])
        ] or ["- (none)"]
        lines.append("")
        if comparison.narratives.get(column):
            lines.append("### Narratives pushed")
            for n in comparison.narratives[column]:
                subs = f" ({'; '.join(n.subnarratives)})" if n.subnarratives else ""
                used = f" (also in {', '.join(n.elsewhere)})" if n.elsewhere else " (only here)"
                cite = f": {n.evidence.text} {_cite(n.evidence)}" if n.evidence else ""
                lines.append(f"- **{n.label}**{subs}{used}{cite}")
            lines.append("")
    if comparison.roles or comparison.roles_withheld:
        lines += ["## How each outlet casts the actors (framing model, experimental)", ""]
        if comparison.roles_withheld:
            lines += [f"{_WITHHELD}: {', '.join(comparison.roles_withheld)}.", ""]
        for name, casts in comparison.roles.items():
            cast = "; ".join(
                f"{c}: {r.main_role}"
                + (f" ({', '.join(r.fine_roles)})" if r.fine_roles else "")
                + (f" {_cite(r.evidence)}" if r.evidence else "")
                for c, r in casts.items()
            )
            differs = " (cast differently)" if name in comparison.cast_differently else ""
            lines.append(f"- **{name}**{differs}: {cast}")
        lines.append("")
    if comparison.descriptors:
        lines += ["## How each outlet describes people", ""]
        for name, by_column in comparison.descriptors.items():
            described = "; ".join(f"{c}: {', '.join(d)}" for c, d in by_column.items())
            lines.append(f"- **{name}**: {described}")
    return "\n".join(lines) + "\n"


def comparison_html(
    title: str, comparison: Comparison, articles: Sequence[Article], *, home: str | None = None
) -> str:
    """A readable page: one column per outlet, each item linking to its sentence in the article."""
    events = merge_timeline(articles)
    starts: dict[str, list[int]] = {}
    for article in articles:
        offsets, at = [], 0
        for paragraph in article.paragraphs:
            offsets.append(at)
            at += len(paragraph) + 2
        starts[article.id] = offsets

    def anchor(article_id: str, offset: int, part: str = "body") -> str:
        """The id of the paragraph holding a character offset of an article's body (or of its
        headline)."""
        if part == "title":
            return f"{article_id}-title"
        index = max(0, bisect.bisect_right(starts.get(article_id, [0]), offset) - 1)
        return f"{article_id}-p{index}"

    return _env.get_template("compare.html").render(
        title=title,
        home=home,
        comparison=comparison,
        anchor=anchor,
        withheld_note=_WITHHELD,
        articles={a.id: a for a in articles},
        timeline_svg=Markup(timeline_svg(events)),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
