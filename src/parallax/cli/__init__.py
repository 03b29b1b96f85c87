"""The `parallax` command: a thin Typer shell over the library (parse, call, render).

Commands live by subject in `articles`, `stories` and `evaluate`; importing them registers them.
"""

from __future__ import annotations

import sys

from parallax.cli import articles, evaluate, framing, stories
from parallax.cli.common import app, err
from parallax.errors import ParallaxError

__all__ = ["app", "main"]
_COMMANDS = (articles, evaluate, framing, stories)


def main() -> None:
    """Console entry point: a library error becomes one line and exit code 2, never a traceback."""
    try:
        app()
    except ParallaxError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        sys.exit(2)
