"""The sample report's web page checked by axe-core in real headless Chromium (WCAG 2.2 AA).

At 1280 CSS px (a desktop) and 320 CSS px (400% zoom, WCAG 1.4.10 Reflow) the page must have no
axe violation (WCAG 2.0 to 2.2 A and AA, and best practice), must not scroll sideways (a wide
table scrolls inside its own box instead) and must fetch nothing. Needs node, Debian's chromium
and the npm packages of tests/a11y (``npm ci`` there); without them the test is skipped saying
so, except in CI (``CI=true``), where it fails: .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pledgekit.render.report.markup import render_html

from .sample_report import sample_report

A11Y = Path(__file__).parent / "a11y"
WIDTHS = (1280, 320)


def _chromium() -> str | None:
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def _missing() -> list[str]:
    missing = []
    if shutil.which("node") is None:
        missing.append("node (apt-get install nodejs npm)")
    if _chromium() is None:
        missing.append("chromium (apt-get install chromium)")
    for package in ("axe-core", "puppeteer-core"):
        if not (A11Y / "node_modules" / package / "package.json").is_file():
            missing.append(f"the npm package {package} (run 'npm ci' in tests/a11y)")
    return missing


def _need_tools() -> str:
    missing = _missing()
    if missing:
        reason = "the accessibility check needs " + ", ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    chromium = _chromium()
    assert chromium is not None
    return chromium


@pytest.fixture(scope="module")
def sample_html() -> str:
    return render_html(sample_report())


def test_every_table_scrolls_in_a_labelled_focusable_box(sample_html: str) -> None:
    captions = dict(re.findall(r'<caption id="([^"]+)">([^<]+)</caption>', sample_html))
    boxes = re.findall(r"<div ([^>]*)>\s*<table", sample_html)
    assert len(boxes) == sample_html.count("<table") == len(captions) > 20
    for attributes in boxes:
        assert 'class="table-wrap"' in attributes and 'role="region"' in attributes
        assert 'tabindex="0"' in attributes
        label = re.search(r'aria-labelledby="([^"]+)"', attributes)
        assert label is not None and label.group(1) in captions
    # No fixed sizes that cannot shrink: charts are inline SVG scaled to the column.
    assert "<img" not in sample_html
    for svg in re.findall(r"<svg [^>]*>", sample_html):
        assert "width=" not in svg and "height=" not in svg and "viewBox=" in svg


def axe_results(page: Path) -> dict[str, Any]:
    """axe-core's findings on the page at each of :data:`WIDTHS` (skips without the tools)."""
    chromium = _need_tools()
    done = subprocess.run(
        ["node", str(A11Y / "check.js"), str(page), *map(str, WIDTHS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "CHROMIUM": chromium},
    )
    assert done.returncode == 0, done.stderr
    results: dict[str, Any] = json.loads(done.stdout)
    return results


def test_sample_report_passes_axe_at_1280_and_320_px(sample_html: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(sample_html, encoding="utf-8")
    results = axe_results(page)
    assert results["fetched"] == []  # offline: not a font, not a script
    for width in WIDTHS:
        found = results[str(width)]
        assert found["violations"] == [], f"axe at {width} px: {found['violations']}"
        overflow = found["overflow"]
        assert overflow["scrollWidth"] <= overflow["clientWidth"] == width, overflow
        assert overflow["elements"] == [], f"wider than {width} px: {overflow['elements']}"
    # At 1280 px every table fits; at 320 px the wide ones scroll inside their boxes.
    assert results["1280"]["scrollingTables"] == 0
    assert results["320"]["scrollingTables"] > 0
