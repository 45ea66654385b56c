"""The .ods reader: values from calamine, merged cells and formats from content.xml.

calamine reports no merged cells or number formats for OpenDocument, so
:func:`~pledgekit.read.ods_cells.ods_cells` reads them (and formulas without a result) from the
sheet's XML, once the file has passed the OpenDocument limits.
"""

from __future__ import annotations

from functools import partial

from pledgekit.read.books import Sheet, input_errors
from pledgekit.read.calamine_reader import CalamineBook, calamine_rows
from pledgekit.read.merged_cells import bounded_merges
from pledgekit.read.ods_cells import ods_cells
from pledgekit.read.xlsx_limits import check_ods


class OdsBook(CalamineBook):
    """An OpenDocument spreadsheet (LibreOffice Calc)."""

    def check_limits(self) -> None:
        check_ods(self.path)

    def sheet(self, name: str) -> Sheet:
        """The named sheet, its merged cells, percentage cells and formulas without a result."""
        raw = self.raw_sheet(name)
        with input_errors(self.path):
            ods = ods_cells(self.path, name)
            merged = bounded_merges(ods.merged, raw.end, f"{self.path}, sheet {name!r}")
        return Sheet(
            name,
            partial(calamine_rows, raw),
            merged,
            lambda cols: {c: ods.percent[c] for c in set(cols) & set(ods.percent)},
            lambda cols: {k: r for k, r in ods.hidden.items() if k[1] in set(cols)},
        )
