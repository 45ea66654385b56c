"""What every workbook pledgekit writes shares: a titled sheet, fixed properties, stable bytes.

The same input gives the same bytes: the creation time is fixed and :func:`stable_zip` fixes the
rest, so a workbook can be compared with a golden file or checked into a repository.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.stablezip import stable_zip

EPOCH = datetime(2000, 1, 1)


def titled_sheet(title: str, heading: str, headers: Sequence[str]) -> tuple[Workbook, Worksheet]:
    """A new workbook whose first sheet is ``title``: a bold heading in A1, headers in row 2."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    sheet.append([safe_cell(heading)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    return book, sheet


def workbook_bytes(book: Workbook, *, title: str | None = None) -> bytes:
    """The workbook saved, with pledgekit as creator and fixed times (stable bytes)."""
    book.properties.creator = "pledgekit"
    if title is not None:
        book.properties.title = title
    book.properties.created = book.properties.modified = EPOCH
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())
