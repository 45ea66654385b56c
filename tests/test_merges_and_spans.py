"""Merges and spans are bounded by the sheet's cells (issue 19, item 8): a file listing
200,000 merges, or an .ods cell spanning two billion columns, is read or refused at once,
never worked through cell by cell beyond what the sheet holds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.errors import InputError
from pledgekit.read.merged_cells import MergeFill, bounded_merges
from pledgekit.read.workbooks import read_workbook

from .factories import DEFINITION
from .workbooks import write_ods, write_xlsx

runner = CliRunner()
ROWS = [["Measure", "Period", "Value"], ["1.1", "2025-26 Q1", 92], ["1.2", "2025-26 Q1", 8]]
SHEET = "xl/worksheets/sheet1.xml"


def _with_merges(path: Path, refs: list[str]) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    merges = f'</sheetData><mergeCells count="{len(refs)}">{cells}</mergeCells>'
    parts[SHEET] = parts[SHEET].replace(b"</sheetData>", merges.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def here(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    return tmp_path


def _one_error(path: Path) -> str:
    result = runner.invoke(app, ["scorecard", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {path}") and result.stderr.count("\n") == 1
    return result.stderr


def test_200000_row_wide_merges_below_the_table_are_read_past(here: Path) -> None:
    """Each merge A:XFD on its own row, 200,000 rows below a three-row table (a 935 KB file):
    the merges beyond the cells are dropped, the table read as without them (it took 109 s,
    listing 16,384 columns for each merge)."""
    refs = [f"A{row}:XFD{row}" for row in range(5, 200_005)]
    path = _with_merges(write_xlsx(here / "merges.xlsx", ROWS), refs)
    data = read_workbook(path)
    assert [(o.measure, o.value.number) for o in data.observations()] == [
        ("1.1", 92.0),
        ("1.2", 8.0),
    ]


def test_overlapping_merges_over_the_table_are_refused(here: Path) -> None:
    """200,000 copies of a merge over the table's cells: filling each in turn costs the sheet's
    cells 200,000 times over. They cover more cells than the sheet holds, so they overlap,
    which no spreadsheet program writes: one located refusal."""
    refs = [f"A2:{'B' if n % 2 else 'C'}3" for n in range(200_000)]
    path = _with_merges(write_xlsx(here / "overlap.xlsx", ROWS), refs)
    error = _one_error(path)
    assert "sheet 'Indicators'" in error and "merged ranges" in error and "overlap" in error


def test_an_ods_cell_spanning_two_billion_columns_is_refused(here: Path) -> None:
    path = write_ods(here / "span.ods", {"Indicators": ROWS}, spans={"A2": 2})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    spans = b'table:number-rows-spanned="2"'
    assert spans in parts["content.xml"]
    parts["content.xml"] = parts["content.xml"].replace(
        spans, spans + b' table:number-columns-spanned="2000000000"'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    error = _one_error(path)
    assert "sheet 'Indicators' cell A2" in error and "2,000,000,000 columns" in error


def test_an_ods_span_within_excel_but_beyond_the_cells_is_cut_to_them(here: Path) -> None:
    path = write_ods(here / "tall.ods", {"Indicators": ROWS}, spans={"A2": 2})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b'table:number-rows-spanned="2"',
        b'table:number-rows-spanned="1000000"',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = read_workbook(path)
    assert [o.measure for o in data.observations()] == ["1.1", "1.1"]


def test_bounded_merges_cut_drop_and_refuse() -> None:
    merged = [((1, 0), (1_000_000, 16_383)), ((50, 0), (60, 2)), ((2, 1), (2, 1))]
    assert bounded_merges(merged, (9, 2), "f.xlsx, sheet 'S'") == [
        ((1, 0), (9, 2)),
        ((2, 1), (2, 1)),
    ]
    assert bounded_merges(merged, None, "f.xlsx, sheet 'S'") == []
    with pytest.raises(InputError, match=r"f.xlsx, sheet 'S': the 2 merged ranges cover 4 cells"):
        bounded_merges([((0, 0), (0, 1)), ((0, 0), (0, 1))], (0, 2), "f.xlsx, sheet 'S'")


def test_a_merge_across_every_column_fills_only_the_wanted_ones() -> None:
    rows: list[list[object]] = [["a", "x", "y"], ["", "", ""]]
    MergeFill([((0, 0), (1, 16_383))], -1, [0, 2]).fill(rows, 0)
    assert rows == [["a", "x", "y"], ["a", "", "a"]]
