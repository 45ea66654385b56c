"""The benchmarks as an Excel workbook: one row per measure and year, and a notes sheet."""

from __future__ import annotations

from pledgekit.render.benchmark.lines import notes
from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.xlsx_book import titled_sheet, workbook_bytes
from pledgekit.score.benchmarks import FLAT_COLUMNS, Benchmarks, flat_rows


def render_xlsx(bench: Benchmarks) -> bytes:
    """Workbook bytes; text from inputs passes through :func:`safe_cell`."""
    from openpyxl.utils import get_column_letter

    book, sheet = titled_sheet(
        "Benchmarks", f"{bench.council}: benchmarks from published statistics", FLAT_COLUMNS
    )
    for row in flat_rows(bench):
        sheet.append([safe_cell(row[c]) for c in FLAT_COLUMNS])
    for index, name in enumerate(FLAT_COLUMNS, start=1):
        width = 48 if name == "title" else (26 if name.startswith("vs_") else 12)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "D3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(FLAT_COLUMNS))}{sheet.max_row}"
    notes_sheet = book.create_sheet("Notes")
    for line in notes(bench):
        notes_sheet.append([safe_cell(line)])
    notes_sheet.column_dimensions["A"].width = 120
    return workbook_bytes(book)
