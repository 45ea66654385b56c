"""The smaller hostile cases of issue 13, item 14: escaping, cell names, long titles, one-line
errors for files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from pledgekit.api import validate
from pledgekit.cli import app

from .factories import DEFINITION
from .workbooks import write_xlsx

runner = CliRunner()
HEADER = ["Measure", "Period", "Value", "Commentary"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    write_xlsx(tmp_path / "q.xlsx", [HEADER, ["1.1", "2025-26 Q1", 92, None]])
    return tmp_path


def test_the_markdown_scorecard_escapes_the_council_name(here: Path) -> None:
    evil = "<script>alert(1)</script> [x](javascript:alert(1))"
    (here / "pledge.yaml").write_text(
        DEFINITION.replace("council: Test Council", f'council: "{evil}"'), encoding="utf-8"
    )
    result = runner.invoke(app, ["scorecard", "q.xlsx", "-f", "md"])
    assert result.exit_code == 0, result.stderr
    heading = result.stdout.splitlines()[0]
    assert "<script>" not in heading and "[x](" not in heading
    assert r"\<script\>" in heading and r"\[x\]" in heading


def test_scorecard_and_validate_name_the_same_commentary_cell(here: Path) -> None:
    write_xlsx(here / "q.xlsx", [HEADER, ["1.1", "2025-26 Q1", 92, "Jamie Smith (14) moved."]])
    result = runner.invoke(app, ["scorecard", "q.xlsx"])
    assert result.exit_code == 1 and "cell D2, commentary" in result.stderr
    found = [f for f in validate(["q.xlsx"]).findings if f.code.startswith("personal-data")]
    assert [f.location.a1 for f in found] == ["D2"]


def test_a_title_over_255_characters_still_makes_a_word_report(here: Path) -> None:
    title = "A very long report title " * 14
    (here / "meeting.yaml").write_text(f"title: {title.strip()}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "meeting.yaml", "-o", "r.docx"])
    assert result.exit_code in (0, 1), result.stderr
    assert "Error" not in result.stderr
    properties = docx.Document(str(here / "r.docx")).core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")


def test_braces_in_a_title_are_text_not_template_code(here: Path) -> None:
    (here / "meeting.yaml").write_text("title: 'Plan {{ 7 * 7 }} {% raw %}'\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "meeting.yaml", "-o", "r.docx"])
    assert result.exit_code in (0, 1), result.stderr
    assert "{{ 7 * 7 }}" in docx.Document(str(here / "r.docx")).core_properties.title


@pytest.mark.parametrize(
    "args",
    [
        ["report", "q.xlsx", "-m", "missing.yaml", "-o", "r.md"],
        ["report", "q.xlsx", "-m", ".", "-o", "r.md"],
        ["report", "q.xlsx", "-t", "missing.md.j2", "-o", "r.md"],
        ["scorecard", "q.xlsx", "--pledge", "."],
        ["scorecard", "q.xlsx", "--pledge", "missing.yaml"],
        ["validate", "q.xlsx", "--pledge", "missing.yaml"],
    ],
)
def test_a_file_that_cannot_be_read_is_one_error_line(here: Path, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Usage:" not in result.stderr
    assert not (here / "r.md").exists()
