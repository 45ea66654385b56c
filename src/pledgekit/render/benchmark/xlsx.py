"""The benchmarks as an Excel workbook: one row per measure and year, and a notes sheet."""

from __future__ import annotations

from pledgekit.render.benchmark.lines import notes
from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.xlsx_book import titled_sheet, workbook_bytes
from pledgekit.score.benchmarks import FLAT_COLUMNS, Benchmarks, BenchmarkSet, all_flat_rows


def render_xlsx(found: Benchmarks | BenchmarkSet) -> bytes:
    """Workbook bytes, one row per council, measure and year; text from inputs passes through
    :func:`safe_cell`."""
    from openpyxl.utils import get_column_letter

    if isinstance(found, BenchmarkSet):
        bench = found.marked or found.councils[0]
        title = f"Benchmarks from published statistics: {len(found.councils)} councils"
    else:
        bench = found
        title = f"{bench.council}: benchmarks from published statistics"
    book, sheet = titled_sheet("Benchmarks", title, FLAT_COLUMNS)
    for row in all_flat_rows(found):
        sheet.append([safe_cell(row[c]) for c in FLAT_COLUMNS])
    for index, name in enumerate(FLAT_COLUMNS, start=1):
        width = 48 if name == "title" else (26 if name.startswith("vs_") else 12)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "F3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(FLAT_COLUMNS))}{sheet.max_row}"
    notes_sheet = book.create_sheet("Notes")
    for line in notes(bench):
        notes_sheet.append([safe_cell(line)])
    notes_sheet.column_dimensions["A"].width = 120
    return workbook_bytes(book)
