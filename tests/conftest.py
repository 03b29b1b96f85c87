from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "data" / "sample"


def shared_data(name: str) -> Path:
    """A ../shared/data folder, or a clean skip where it is absent."""
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"../shared/data/{name} is not present")
    return path
