"""No dead code: vulture finds nothing in src/ beyond the names vulture_whitelist.py explains.

What the report templates read (``report.contents``, ``line.trend_from``) is used though no
Python reads it: the names the templates, the Word template's builder and the documented
template fields (templates/README.md) use are added to the whitelist for the run. Skipped without vulture (it is in the ``dev`` extra), except in CI
(``CI=true``), which installs the dev extra and must run it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The report templates (the frames and each section's blocks), the Word template's builder, and the names offered to councils' own
#: templates (templates/README.md): the attribute names in them are used names.
TEMPLATE_SOURCES = [
    *sorted((ROOT / "templates").glob("*.j2")),
    *sorted((ROOT / "src" / "pledgekit" / "report" / "sections").glob("*.py")),  # their blocks
    ROOT / "templates" / "README.md",
    ROOT / "scripts" / "build_docx_template.py",
]


def _template_names(folder: Path) -> Path:
    """A whitelist file naming every ``.attribute`` the templates read."""
    names: set[str] = set()
    for source in TEMPLATE_SOURCES:
        names.update(re.findall(r"\.([A-Za-z_]\w*)", source.read_text(encoding="utf-8")))
    path = folder / "template_names.py"
    path.write_text("".join(f"_.{name}\n" for name in sorted(names)), encoding="utf-8")
    return path


def test_vulture_finds_no_unexplained_dead_code(tmp_path: Path) -> None:
    if importlib.util.find_spec("vulture") is None:
        reason = "vulture is not installed (pip install '.[dev]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    # The settings (decorators that register, names expat calls) are pyproject's.
    paths = ["src/pledgekit", "vulture_whitelist.py", str(_template_names(tmp_path))]
    done = subprocess.run(
        [sys.executable, "-m", "vulture", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
