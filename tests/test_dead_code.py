"""No dead code: vulture finds nothing in src/ beyond the names vulture_whitelist.py explains.

Skipped without vulture (it is in the ``dev`` extra), except in CI (``CI=true``), which
installs the dev extra and must run it.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_vulture_finds_no_unexplained_dead_code() -> None:
    if importlib.util.find_spec("vulture") is None:
        reason = "vulture is not installed (pip install '.[dev]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    # The settings (paths, the whitelist, decorators that register) are pyproject's.
    done = subprocess.run(
        [sys.executable, "-m", "vulture"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
