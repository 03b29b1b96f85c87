"""The error hierarchy: every user-facing failure is one of these, rendered as one line."""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "ParallaxError", "StoreError"]


class ParallaxError(Exception):
    """Base class for errors Parallax reports to its user as a single line."""


class InputError(ParallaxError):
    """An input (file, record, stream) that cannot be read as an article.

    >>> str(InputError("a.json", "truncated JSON at line 3"))
    'a.json: truncated JSON at line 3'
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(ParallaxError):
    """The article store cannot be opened, migrated or written."""


class ConfigError(ParallaxError):
    """A setting or option has a value Parallax cannot use."""
