"""CSV output that neither splits a row nor runs a formula, read back by LibreOffice (#19 item 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.render.formula_guard import csv_text, safe_cell

from .factories import DEFINITION
from .libreoffice import convert, find_soffice
from .workbooks import write_csv, write_xlsx

runner = CliRunner()
HEADER = ["Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]
ATTACKS = [
    "Late\r=cmd|' /C calc'!A0",
    "Late\n=cmd|' /C calc'!A0",
    "Late\r\n+SUM(1,2)",
    "Late\r-2+3",
    "Late\n@SUM(1,2)",
    "Late\n\t=1+1",
    "=1+1",
    "a, b; c\r=2+2",
    'quote " then\r=3+3',
]


def _scorecard_csv(folder: Path, source: Path) -> str:
    result = runner.invoke(app, ["scorecard", str(source), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION.replace("area: HOME\n", ""), encoding="utf-8")
    return tmp_path


def _rows_with(commentaries: list[str]) -> list[list[object]]:
    return [HEADER] + [["1.1", "2025-26 Q2", 70, 70, 100, text] for text in commentaries]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_line_break_in_commentary_neither_splits_the_row_nor_starts_a_formula(
    folder: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    source = write_csv(folder / "q2.csv", _rows_with([text]))
    out = _scorecard_csv(folder, source)
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 7 and all(len(row) == len(rows[0]) for row in rows)  # six measures
    assert [row[1] for row in rows[1:]] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    commentary = rows[1][rows[0].index("commentary")]
    for line in commentary.replace("\r", "\n").split("\n"):
        assert not line.startswith(("=", "+", "-", "@", "\t")), commentary
    # Nothing is lost: the words survive, only an apostrophe is added.
    assert commentary.replace("'", "").replace("\n", "") == text.replace("\r", "").replace(
        "\n", ""
    ).replace("'", "")
    # No bare carriage return outside a quoted field: a naive line split keeps the row whole.
    assert out.count("\r") == 0


def test_an_xlsx_carriage_return_is_quoted_too(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    source = write_xlsx(folder / "q2.xlsx", _rows_with(["Late\r=cmd|' /C calc'!A0"]))
    rows = list(csv.reader(io.StringIO(_scorecard_csv(folder, source))))
    assert len(rows) == 7
    assert rows[1][rows[0].index("commentary")] == "Late\n'=cmd|' /C calc'!A0"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="=+-@\t\r\n,;\"'ab 1", max_size=12), min_size=1, max_size=4))
def test_any_field_round_trips_as_one_row_with_no_line_starting_a_formula(
    cells: list[str],
) -> None:
    text = csv_text(["h"] * len(cells), [cells])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2 and len(rows[1]) == len(cells)
    for cell in rows[1]:
        for line in cell.split("\n"):
            assert "\r" not in line
            assert not line.startswith(("=", "+", "-", "@", "\t")), cell
    assert safe_cell(3.5) == 3.5


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_each_cell_back_as_text_on_its_own_row(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    # The scorecard's own CSV with the first attack, then the shared writer with every one.
    source = write_csv(folder / "q2.csv", _rows_with(ATTACKS[:1]))
    (folder / "card.csv").write_text(_scorecard_csv(folder, source), encoding="utf-8")
    sheet = _through_libreoffice(folder / "card.csv")
    rows = list(sheet.iter_rows())
    assert len(rows) == 7 and all(c.data_type != "f" for row in rows for c in row)
    assert rows[1][[c.value for c in rows[0]].index("commentary")].value == (
        "Late\n'=cmd|' /C calc'!A0"
    )
    target = folder / "all.csv"
    target.write_text(
        csv_text(["n", "text", "after"], [[i, a, "x"] for i, a in enumerate(ATTACKS)])
    )
    rows = list(_through_libreoffice(target).iter_rows())
    assert len(rows) == 1 + len(ATTACKS)
    for number, row in enumerate(rows[1:]):
        assert all(cell.data_type != "f" for cell in row), [c.value for c in row]
        assert (row[0].value, row[2].value) == (number, "x")  # no cell moved: the row is whole
        assert str(row[1].value).replace("'", "") == ATTACKS[number].replace("\r\n", "\n").replace(
            "\r", "\n"
        ).replace("'", "")


def _through_libreoffice(target: Path) -> Any:
    """The CSV at ``target`` opened by LibreOffice and saved as xlsx: its first sheet."""
    # Comma-separated, double quotes, UTF-8, formulas evaluated as a user opening it would.
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    done = convert(target, "xlsx", target.parent, infilter="CSV:" + options)
    assert done.returncode == 0, done.stdout + done.stderr
    return load_workbook(target.with_suffix(".xlsx")).active
