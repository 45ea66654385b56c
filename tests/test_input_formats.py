"""The input-format registry: one reader per format, chosen by suffix in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgekit.model.errors import InputError
from pledgekit.read import input_formats
from pledgekit.read.books import Book, Sheet
from pledgekit.read.csv_reader import CsvBook
from pledgekit.read.input_formats import INPUT_FORMATS, SUFFIXES, open_book
from pledgekit.read.ods_reader import OdsBook
from pledgekit.read.workbooks import read_workbook
from pledgekit.read.xlsx_reader import XlsxBook

from .workbooks import write_csv, write_ods, write_xlsx

ROWS = [["Measure", "Period", "Value"], ["M1", "2025-26 Q1", 12]]


@pytest.mark.parametrize(
    ("suffix", "reader"),
    [(".xlsx", XlsxBook), (".xlsm", XlsxBook), (".ods", OdsBook), (".csv", CsvBook)],
)
def test_each_suffix_opens_with_its_own_reader(
    tmp_path: Path, suffix: str, reader: type[Book]
) -> None:
    path = tmp_path / f"q1{suffix}"
    if suffix == ".csv":
        write_csv(path, ROWS)
    elif suffix == ".ods":
        write_ods(path, {"Indicators": ROWS})
    else:
        write_xlsx(path, ROWS)
    with open_book(path) as book:
        assert type(book) is reader
        rows = book.sheet(book.names[0]).rows
    assert rows[1][:2] == ["M1", "2025-26 Q1"]
    assert float(str(rows[1][2])) == 12


def test_every_suffix_is_registered_once_and_named_in_the_refusal(tmp_path: Path) -> None:
    listed = [s for fmt in INPUT_FORMATS for s in fmt.suffixes]
    assert len(listed) == len(set(listed)) and tuple(listed) == SUFFIXES
    path = tmp_path / "q1.numbers"
    path.write_bytes(b"not a spreadsheet")
    with pytest.raises(InputError) as caught:
        open_book(path)
    for suffix in SUFFIXES:
        assert suffix in str(caught.value)


class _TsvBook(Book):
    """A tab-separated reader, as a new format would be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.names = [path.stem]
        self._rows: list[list[object]] = [
            list(line.split("\t")) for line in path.read_text().splitlines()
        ]

    def sheet(self, name: str) -> Sheet:
        rows = self._rows
        return Sheet(name, lambda: iter(rows))


def test_a_format_registered_in_the_table_is_read_like_any_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(input_formats.READERS, ".tsv", _TsvBook)
    path = tmp_path / "q1.tsv"
    path.write_text("\n".join("\t".join(str(c) for c in row) for row in ROWS))
    data = read_workbook(path)
    assert [(o.measure, o.period.label) for o in data.observations()] == [("M1", "2025-26 Q1")]
    assert data.observations()[0].value.number == 12
