"""What the .xlsx, .xlsm and .ods readers share: python-calamine (fast, values only).

:class:`CalamineBook` opens the file with calamine once its archive has passed the limits
(:func:`~pledgekit.read.xlsx_limits.check_archive`: a zip bomb or a bloated part is refused before
calamine opens it), and gives each sheet's rows from A1; each format's reader adds what calamine
does not say about its cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import python_calamine

from pledgekit.read.books import Book, input_errors
from pledgekit.read.xlsx_limits import check_archive


class CalamineBook(Book):
    """A workbook opened with calamine; subclasses build each :class:`~pledgekit.read.books.Sheet`
    from :meth:`raw_sheet` and :func:`calamine_rows`."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        check_archive(path)
        self.check_limits()
        with input_errors(path):
            self._workbook = python_calamine.CalamineWorkbook.from_path(str(path))
            self.names = list(self._workbook.sheet_names)
            self.hidden = {
                sheet.name
                for sheet in self._workbook.sheets_metadata
                if sheet.visible is not python_calamine.SheetVisibleEnum.Visible
            }

    def check_limits(self) -> None:
        """The format's own limits, checked before calamine opens the file (none by default)."""

    def raw_sheet(self, name: str) -> python_calamine.CalamineSheet:
        """The named sheet as calamine reads it (its values are read now)."""
        with input_errors(self.path):
            return self._workbook.get_sheet_by_name(name)

    def close(self) -> None:
        self._workbook.close()


def calamine_rows(raw: python_calamine.CalamineSheet) -> Iterator[list[object]]:
    """The sheet's rows from A1, one at a time, as ``raw.to_python(skip_empty_area=False)``
    gives them all at once (calamine's iterator leaves out the empty columns left of the data).

    The values are already read (``get_sheet_by_name``); iterating only converts them, in C: no
    Python frame runs per row."""
    if raw.start is None:
        return iter(())  # an empty sheet (older python-calamine fails to iterate one)
    rows = cast(Iterator[list[object]], raw.iter_rows())
    left = raw.start[1]
    if not left:
        return rows
    blank: list[object] = [""] * left
    return map(blank.__add__, rows)
