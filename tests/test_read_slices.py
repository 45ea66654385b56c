"""A sheet read a slice of rows at a time reads exactly as the whole sheet at once would.

The indicator table's body is read in slices (:data:`pledgekit.read.books.CHUNK_ROWS` rows) so
that a national sheet's rows are never all Python lists at once; merged cells are filled and
columns coded slice by slice. Here every way of slicing is checked against doing it whole.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import python_calamine
from hypothesis import given
from hypothesis import strategies as st

from pledgekit.api import validate
from pledgekit.read import books
from pledgekit.read.column_codes import ColumnCodes
from pledgekit.read.input_formats import open_book
from pledgekit.read.merged_cells import MergeFill
from tests import golden
from tests.national_fixture import write
from tests.workbooks import write_xlsx

WIDTH, HEIGHT = 4, 12
cells = st.one_of(
    st.sampled_from(["", "a", "b", "1"]), st.none(), st.sampled_from([1.0, 0.0, -0.0, 2.5])
)
odd_cells = st.one_of(cells, st.booleans(), st.integers(-1, 2))


def grid(values: list[object]) -> list[list[object]]:
    return [values[r * WIDTH : (r + 1) * WIDTH] for r in range(HEIGHT)]


def slices(rows: list[list[object]], size: int) -> list[list[list[object]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


merges = st.lists(
    st.tuples(
        st.integers(0, HEIGHT - 1), st.integers(0, WIDTH), st.integers(0, 4), st.integers(0, 2)
    ).map(lambda m: ((m[0], m[1]), (m[0] + m[2], m[1] + m[3]))),
    max_size=6,
)


@given(
    st.lists(cells, min_size=WIDTH * HEIGHT, max_size=WIDTH * HEIGHT),
    merges,
    st.integers(-1, 3),
    st.sets(st.integers(0, WIDTH - 1)),
    st.integers(1, HEIGHT + 1),
)
def test_merged_cells_fill_the_same_in_slices(
    values: list[object],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    below: int,
    columns: set[int],
    size: int,
) -> None:
    """Overlapping merges, merges past the last row or column and merges crossing slices
    included: each merge copies the value its first cell holds after the merges before it."""
    whole = grid(values)
    sliced = copy.deepcopy(whole)
    MergeFill(merged, below, columns).fill(whole, 0)
    fill = MergeFill(merged, below, columns)
    for index, part in enumerate(slices(sliced, size)):
        fill.fill(part, index * size)
    assert sliced == whole


def coded_whole(values: list[object]) -> tuple[list[int], list[object]]:
    """Codes in order of first appearance, values of different types kept apart."""
    index: dict[tuple[type, object], int] = {}
    codes = [index.setdefault((type(v), v), len(index)) for v in values]
    return codes, [value for _, value in index]


@given(st.lists(st.lists(odd_cells, min_size=2, max_size=2), max_size=30), st.integers(1, 31))
def test_columns_are_coded_the_same_in_slices(rows: list[list[object]], size: int) -> None:
    columns = ColumnCodes([0, 1])
    for part in slices(rows, size):
        columns.add(part)
    assert columns.count == len(rows)
    for col in (0, 1):
        codes, values = columns.column(col)
        expected_codes, expected_values = coded_whole([row[col] for row in rows])
        assert codes.tolist() == expected_codes
        assert [(type(v), v) for v in values] == [(type(v), v) for v in expected_values]


@pytest.mark.parametrize("size", [1, 7])
def test_the_national_workbook_validates_the_same_in_small_slices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """Slices of one row put every merge across a boundary; the findings stay the golden ones."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path)
    monkeypatch.setattr(books, "CHUNK_ROWS", size)
    report = validate(["national.xlsx"], pledge="pledge.yaml", max_findings=10_000)
    text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    golden.assert_golden("national", "validation.json", text)


def test_rows_start_at_a1_when_the_cells_do_not(tmp_path: Path) -> None:
    """calamine's row iterator starts at the first column with a cell; rows are read from A1,
    as its whole-sheet read gives them, in slices too."""
    rows: list[list[object]] = [
        [None] * 4,
        [None, None, "Measure", "Value"],
        [None, None, "1.1", 5],
        [None] * 4,
        [None, None, "1.2", None],
        [None, None, None, 7],
    ]
    path = write_xlsx(tmp_path / "offset.xlsx", rows)
    whole = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Indicators")
    expected = whole.to_python(skip_empty_area=False)
    assert expected[1] == ["", "", "Measure", "Value"]
    with open_book(path) as book:
        sheet = book.sheet("Indicators")
        assert sheet.rows == expected
        assert sheet.head == expected
        assert [row for part in sheet.chunks_below(1, [2]) for row in part] == expected[2:]
