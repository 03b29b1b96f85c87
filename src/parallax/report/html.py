"""A self-contained HTML report: the timeline chart, every article with its metadata, clean
body, quotes and removed debris."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from parallax.model import Article
from parallax.report.chart import timeline_svg
from parallax.timeline import merge_timeline

__all__ = ["render_report"]

_env = Environment(
    loader=PackageLoader("parallax", "report/templates"), autoescape=select_autoescape(["html"])
)


def render_report(
    articles: Iterable[Article],
    *,
    title: str = "Parallax report",
    failures: Iterable[str] = (),
    stories: Iterable[tuple[str, str]] = (),
) -> str:
    """Render articles grouped by outlet, with counts of debris removed by reason."""
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    reasons: Counter[str] = Counter()
    total = 0
    articles = list(articles)
    events = merge_timeline(articles)
    for article in articles:
        by_outlet[article.outlet or "(unknown outlet)"].append(article)
        reasons.update(block.reason for block in article.removed)
        total += 1
    for group in by_outlet.values():
        group.sort(key=lambda a: (a.published.isoformat() if a.published else "", a.title or ""))
    return _env.get_template("report.html").render(
        title=title,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        outlets=sorted(by_outlet.items()),
        total=total,
        reasons=reasons.most_common(),
        failures=list(failures),
        events=events,
        stories=list(stories),
        timeline_svg=Markup(timeline_svg(events)),
    )
