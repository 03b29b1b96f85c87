"""Charts for reports, drawn with matplotlib into self-contained SVG (no script, no network)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from parallax.timeline import TimelineEntry

__all__ = ["timeline_svg"]

_MARKERS = {"minute": "o", "day": "o", "week": "s", "month": "D", "quarter": "^", "year": "v"}


def _days(isodates: list[str]) -> list[float]:
    """Matplotlib's date numbers (days since 1970-01-01) for ISO dates."""
    epoch = date(1970, 1, 1).toordinal()
    return [float(date.fromisoformat(d).toordinal() - epoch) for d in isodates]


def timeline_svg(entries: Sequence[TimelineEntry], *, width: float = 9.0) -> str:
    """A timeline: one row per outlet, one mark per dated event, shaped by its precision.

    Text is drawn as paths, so names from the articles cannot inject markup into the page.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if not entries:
        return ""
    outlets = sorted({e.outlet or e.source for e in entries})
    rows = {name: i for i, name in enumerate(outlets)}
    figure, axes = plt.subplots(figsize=(width, 1.2 + 0.45 * len(outlets)))
    try:
        for precision, marker in _MARKERS.items():
            chosen = [e for e in entries if e.precision == precision]
            if chosen:
                axes.scatter(
                    _days([e.sort_start for e in chosen]),
                    [rows[e.outlet or e.source] for e in chosen],
                    marker=marker,
                    s=36,
                    alpha=0.75,
                    label=precision,
                )
        others = [e for e in entries if e.precision not in _MARKERS]
        if others:
            axes.scatter(
                _days([e.sort_start for e in others]),
                [rows[e.outlet or e.source] for e in others],
                marker="x",
                s=36,
                label="coarser",
            )
        axes.set_yticks(range(len(outlets)), outlets)
        axes.set_ylim(-0.7, len(outlets) - 0.3)
        locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        axes.grid(axis="x", alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        axes.set_title("Dated events by outlet", fontsize=10)
        figure.tight_layout()
        buffer = io.StringIO()
        with matplotlib.rc_context({"svg.fonttype": "path"}):
            figure.savefig(buffer, format="svg")
    finally:
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
