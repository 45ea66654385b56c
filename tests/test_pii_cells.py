"""Personal data outside the commentary (issue 13, item 6): found in every text cell that can
reach an output, named by its cell, masked in every format of every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.api import load_scorecard, validate
from pledgekit.cli import app

from .factories import DEFINITION
from .workbooks import write_xlsx

runner = CliRunner()
HEADER = ["Measure", "Period", "Area", "Value", "Numerator", "Denominator", "Commentary"]
CLEAN = ["1.2", "2025-26 Q1", "HOME", 8, None, None, None]
NAME = "Jamie Smith (14)"
PHONE = "07700 900123"

# Where the identifier is typed, and the cell it must be reported at.
PLACES = {
    "value": (["1.1", "2025-26 Q1", "HOME", NAME, None, None, None], "D2"),
    "numerator": (["1.1", "2025-26 Q1", "HOME", 90, NAME, 100, None], "E2"),
    "period": (["1.1", NAME, "HOME", 90, None, None, None], "B2"),
    "measure": ([f"1.1 {NAME}", "2025-26 Q1", "HOME", 90, None, None, None], "A2"),
    "area": (["1.1", "2025-26 Q1", f"Call {PHONE}", 90, None, None, None], "C2"),
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    return tmp_path


def leaks(text: str) -> bool:
    return "Jamie" in text or "Smith" in text or "900123" in text


def workbook(here: Path, place: str) -> Path:
    row, _ = PLACES[place]
    return write_xlsx(here / "q.xlsx", [HEADER, row, CLEAN])


@pytest.mark.parametrize("place", sorted(PLACES))
def test_scorecard_blocks_and_names_the_cell(here: Path, place: str) -> None:
    workbook(here, place)
    for fmt, name in (("json", "card.json"), ("csv", "card.csv"), ("md", "card.md")):
        result = runner.invoke(app, ["scorecard", "q.xlsx", "-f", fmt, "-o", name])
        assert result.exit_code == 1
        assert not (here / name).exists()
        assert f"cell {PLACES[place][1]}" in result.stderr
        assert "nothing was written" in result.stderr and not leaks(result.stderr)
    result = runner.invoke(app, ["scorecard", "q.xlsx", "-f", "json"])
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("place", sorted(PLACES))
def test_report_blocks_too(here: Path, place: str) -> None:
    workbook(here, place)
    result = runner.invoke(app, ["report", "q.xlsx", "-o", "r.md"])
    assert result.exit_code == 1 and not (here / "r.md").exists() and not leaks(result.stderr)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_redact_writes_the_scorecard_without_the_identifier(here: Path, place: str) -> None:
    workbook(here, place)
    result = runner.invoke(app, ["scorecard", "q.xlsx", "-f", "json", "--redact"])
    assert result.exit_code in (0, 1)
    assert not leaks(result.stdout) and not leaks(result.stderr)
    _, blocking = load_scorecard(["q.xlsx"], redact=True)
    assert blocking == []


@pytest.mark.parametrize("place", sorted(PLACES))
def test_validate_masks_it_in_every_format(here: Path, place: str) -> None:
    workbook(here, place)
    report = validate(["q.xlsx"])
    personal = [f for f in report.findings if f.code.startswith("personal-data-")]
    assert personal and personal[0].location.a1 == PLACES[place][1]
    assert not any(leaks(json.dumps(f.to_dict())) for f in report.findings)
    for fmt in ("text", "json", "github", "md", "junit"):
        result = runner.invoke(app, ["validate", "q.xlsx", "-f", fmt])
        assert result.exit_code == 1, fmt
        assert not leaks(result.stdout) and not leaks(result.stderr), fmt
    result = runner.invoke(app, ["validate", "q.xlsx", "-f", "xlsx", "-o", "findings.xlsx"])
    assert result.exit_code == 1
    book = load_workbook(here / "findings.xlsx")
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row]
    assert not any(leaks(c) for c in cells)
    assert any("may identify a child" in c for c in cells)


def test_github_annotations_point_at_the_cell_without_the_identifier(here: Path) -> None:
    workbook(here, "area")
    result = runner.invoke(app, ["validate", "q.xlsx", "-f", "github"])
    lines = [line for line in result.stdout.splitlines() if "personal-data-phone" in line]
    assert lines and not leaks(result.stdout)
