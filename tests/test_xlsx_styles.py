"""The style and formula scan of an .xlsx sheet parses the XML: a cell is found however its tag
is written (the byte scan it replaced saw only cells written ``<c r="B7"`` first)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from pledgekit.model.values import ValueState
from pledgekit.read.xlsx_styles import FormatsError, XlsxFile

from .workbooks import write_xlsx

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [["Measure", "Period", "Value"], ["1.1", "2025-26 Q1", 0.5], ["1.2", "2025-26 Q1", 0.25]]


def _rewrite(path: Path, change: dict[str, str]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[SHEET].decode()
    for pattern, replacement in change.items():
        xml, count = re.subn(pattern, replacement, xml)
        assert count, pattern
    parts[SHEET] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "q.xlsx", ROWS, formats={"C2": "0%", "C3": "0.0%"})


def test_percent_cells_are_found_with_their_reference_last_or_missing(book: Path) -> None:
    _rewrite(
        book,
        {
            r'<c r="C2"( [^>]*?)>': r'<c\1 r="C2">',  # the reference after the style
            r'<c r="C3"( [^>]*?)>': r"<c\1>",  # no reference: placed after B3
        },
    )
    with XlsxFile(book) as xlsx:
        assert xlsx.percent_cells("Indicators", [2]) == {2: {1, 2}}
        assert xlsx.percent_cells("Indicators", [0, 1]) == {}


def test_formulas_and_errors_are_found_however_the_cell_is_written(book: Path) -> None:
    _rewrite(
        book,
        {
            r'<c r="C2"[^>]*>.*?</c>': "<c t='e' r='C2'><f>1/0</f><v>#DIV/0!</v></c>",
            r'<c r="C3"[^>]*>.*?</c>': '<c\tr="C3"><f>A3&amp;B3</f></c>',
        },
    )
    with XlsxFile(book) as xlsx:
        hidden = xlsx.hidden_cells("Indicators", [2])
    assert {cell: (r.state, r.raw) for cell, r in hidden.items()} == {
        (1, 2): (ValueState.INVALID, "#DIV/0!"),
        (2, 2): (ValueState.NO_CACHED_VALUE, "=A3&B3"),
    }


def test_damaged_sheet_xml_is_a_formats_error(book: Path) -> None:
    _rewrite(book, {r"</sheetData>": "<c></sheetData>"})
    with XlsxFile(book) as xlsx, pytest.raises(FormatsError, match="damaged"):
        xlsx.percent_cells("Indicators", [2])
