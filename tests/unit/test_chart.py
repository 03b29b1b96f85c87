"""The timeline chart: an SVG that names from articles cannot break out of."""

from __future__ import annotations

from parallax.report.chart import timeline_svg
from parallax.timeline import TimelineEntry


def entry(outlet: str, day: str, precision: str = "day") -> TimelineEntry:
    return TimelineEntry(day, precision, day, "A sentence.", None, outlet, "id", "src", None, 0, 1)


def test_one_row_per_outlet_and_a_series_per_precision() -> None:
    svg = timeline_svg([entry("Civic Wire", "2026-03-02"), entry("Ledger", "2026-03-04", "month")])
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert svg.count('id="ytick_') == 2  # one row per outlet
    assert svg.count('id="PathCollection_') == 4  # a series per precision, each in the legend too


def test_hostile_outlet_names_are_escaped() -> None:
    svg = timeline_svg([entry("--><script>alert(1)</script><!--", "2026-03-02")])
    assert "<script" not in svg


def test_no_events_no_chart() -> None:
    assert timeline_svg([]) == ""
