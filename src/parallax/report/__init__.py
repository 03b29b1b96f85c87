"""Reports: HTML rendering of stored articles."""

from parallax.report.html import render_report

__all__ = ["render_report"]
