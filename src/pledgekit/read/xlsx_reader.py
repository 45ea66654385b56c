"""The .xlsx and .xlsm reader: values from calamine, the rest from the sheet's XML.

calamine gives the values; :class:`~pledgekit.read.xlsx_styles.XlsxFile` what it does not say
(which cells are shown as percentages, formulas without a result), and each sheet's size is
checked before calamine allocates its rectangle.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from pledgekit.model.values import Reading
from pledgekit.read.books import Sheet, input_errors
from pledgekit.read.calamine_reader import CalamineBook, calamine_rows
from pledgekit.read.merged_cells import bounded_merges
from pledgekit.read.xlsx_styles import Cell, XlsxFile


class XlsxBook(CalamineBook):
    """An Excel workbook (.xlsx, or .xlsm: its macros are never run)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        with input_errors(path):
            self._xlsx = XlsxFile(path)

    def sheet(self, name: str) -> Sheet:
        """The named sheet, its merged cells, percentage cells and formulas without a result."""
        path, xlsx = self.path, self._xlsx
        with input_errors(path):
            xlsx.check_size(name)  # before calamine allocates the sheet's rectangle
        raw = self.raw_sheet(name)
        with input_errors(path):
            merged = bounded_merges(
                raw.merged_cell_ranges or [], raw.end, f"{path}, sheet {name!r}"
            )

        def percent_cells(cols: Iterable[int]) -> dict[int, set[int]]:
            with input_errors(path):
                return xlsx.percent_cells(name, cols)

        def hidden_cells(cols: Iterable[int]) -> dict[Cell, Reading]:
            with input_errors(path):
                return xlsx.hidden_cells(name, cols)

        return Sheet(name, partial(calamine_rows, raw), merged, percent_cells, hidden_cells)

    def close(self) -> None:
        self._xlsx.__exit__(None, None, None)
        super().close()
