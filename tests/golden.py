"""Golden-file comparison shared by the renderer tests.

Run with ``PLEDGEKIT_UPDATE_GOLDEN=1`` to rewrite the files after an intended change, then read
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).parent / "golden"


def assert_golden(folder: str, name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/<folder>/<name>; rewrite it when asked to."""
    path = ROOT / folder / name
    if os.environ.get("PLEDGEKIT_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with PLEDGEKIT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
