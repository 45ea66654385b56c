"""A CSV row with more or fewer fields than its header is a located finding (#19 item 13).

An unquoted comma in a commentary split the text, and the part after the comma was dropped
without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.read.csv_reader import CsvBook
from pledgekit.read.workbooks import read_workbook

from .factories import DEFINITION

runner = CliRunner()


def _findings(path: Path) -> list[tuple[str, int | None, str | None]]:
    return [
        (f.location.row, f.location.column, f.found)  # type: ignore[misc]
        for f in read_workbook(path).findings
        if f.code == "csv-field-count"
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_an_unquoted_delimiter_in_commentary_is_reported_where_the_text_goes(
    tmp_path: Path, delimiter: str
) -> None:
    d = delimiter
    text = f"Measure{d}Period{d}Value{d}Commentary\n"
    text += f"1.1{d}2025-26 Q2{d}80{d}Fell because of staffing{d} then recovered\n"
    text += f"1.2{d}2025-26 Q2{d}12{d}Fine\n"
    path = tmp_path / "q.csv"
    path.write_text(text, encoding="utf-8")
    assert _findings(path) == [(2, "E", " then recovered")]


def test_a_short_row_is_reported_too(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("Measure,Period,Value,Commentary\n1.1,2025-26 Q2\n1.2,2025-26 Q2,12,ok\n")
    assert _findings(path) == [(2, None, "2 fields")]


def test_title_rows_notes_blank_rows_and_quoted_commas_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(
        "Example Council performance\n\n"
        'Measure,Period,Value,Commentary\n1.1,2025-26 Q2,80,"Fell, then rose"\n\n'
        "Source: council records\n"
    )
    assert _findings(path) == []


def test_validate_and_scorecard_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(DEFINITION.replace("area: HOME\n", ""), "utf-8")
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value,Commentary\n1.1,2025-26 Q2,80,Fell because of staffing, then rose\n"
    )
    result = runner.invoke(app, ["validate", "q.csv", "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "csv-field-count"]
    assert result.exit_code == 1 and [f["location"]["cell"] for f in found] == ["E2"]
    result = runner.invoke(app, ["scorecard", "q.csv", "--format", "csv"])
    assert result.exit_code == 1 and "validate" in result.stderr


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 6), st.lists(st.integers(0, 9), min_size=1, max_size=6))
def test_every_row_of_another_width_is_reported(width: int, widths: list[int]) -> None:
    import tempfile

    header = ",".join(f"h{i}" for i in range(width))
    rows = [",".join(f"v{j}" for j in range(n)) for n in widths]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "q.csv"
        path.write_text("\n".join([header, *rows]) + "\n")
        book = CsvBook(path)
        reported = {f.location.row for f in book.findings if f.code == "csv-field-count"}
    expected = {i + 2 for i, n in enumerate(widths) if n >= 2 and n != width}
    assert reported == expected
