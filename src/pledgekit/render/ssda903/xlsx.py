"""The SSDA903 sheet as an indicator workbook that ``pledgekit scorecard`` reads.

The first sheet, ``Indicators``, has the scorecard's columns (measure, period, value,
numerator, denominator) and the reference, unit and cohort beside them; ``c`` where disclosure
control hid a figure. A ``Notes`` sheet gives the rules and the counting options.
"""

from __future__ import annotations

from pledgekit.model.records_sheet import SHEET_COLUMNS, RecordsSheet
from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.ssda903.sheet_lines import heading, notes
from pledgekit.render.xlsx_book import titled_sheet, workbook_bytes


def render_xlsx(sheet: RecordsSheet) -> bytes:
    """Workbook bytes; text passes through :func:`safe_cell`."""
    from openpyxl.utils import get_column_letter

    book, page = titled_sheet("Indicators", heading(sheet), SHEET_COLUMNS)
    for figure in sheet.figures:
        page.append([safe_cell(v) for v in figure.cells().values()])
    for index, name in enumerate(SHEET_COLUMNS, start=1):
        width = 40 if name in ("measure", "reference") else 13
        page.column_dimensions[get_column_letter(index)].width = width
    page.freeze_panes = "A3"
    notes_sheet = book.create_sheet("Notes")
    for line in notes(sheet):
        notes_sheet.append([safe_cell(line)])
    notes_sheet.column_dimensions["A"].width = 120
    return workbook_bytes(book, title=heading(sheet))
