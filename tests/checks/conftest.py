"""The definition every check test runs against (see support.PLEDGE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgekit.config.pledge import Definition, load_definition

from .support import PLEDGE


@pytest.fixture
def definition(tmp_path: Path) -> Definition:
    path = tmp_path / "pledge.yaml"
    path.write_text(PLEDGE, encoding="utf-8")
    return load_definition(path)
