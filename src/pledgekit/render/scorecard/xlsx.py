"""The scorecard as an Excel workbook: one sheet, RAG cells shaded and labelled in words."""

from __future__ import annotations

from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.scorecard.flat import identity_cells, previous_display
from pledgekit.render.xlsx_book import titled_sheet, workbook_bytes
from pledgekit.score.comparator_text import rank_text
from pledgekit.score.scorecard import Scorecard
from pledgekit.score.trend import trend_text

HEADERS = [
    "Pledge",
    "Ref",
    "Measure",
    "Period",
    "Value",
    "Numerator",
    "Denominator",
    "Target",
    "Status",
    "Previous",
    "Trend",
    "Why",
    "Commentary",
    "Rank among councils",
]
WIDTHS = [8, 7, 48, 11, 10, 11, 12, 10, 14, 10, 16, 60, 60, 30]


def render_xlsx(card: Scorecard) -> bytes:
    """Workbook bytes. Text from inputs passes through :func:`safe_cell` (no formula injection)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    heading = f"{card.council}: {card.committee} scorecard, {card.period.label}"
    book, sheet = titled_sheet("Scorecard", heading, HEADERS)
    for row in card.rows:
        values = [
            *identity_cells(row),
            f"{row.status.symbol} {row.status.label}",
            previous_display(row),
            trend_text(row.short_term),
            row.rating.reason,
            row.commentary.text if row.commentary else "",
            rank_text(row).removeprefix("rank "),
        ]
        sheet.append([safe_cell(v) for v in values])
        status_cell = sheet.cell(row=sheet.max_row, column=HEADERS.index("Status") + 1)
        status_cell.fill = PatternFill("solid", start_color=row.status.colour)
        if row.status.value == "red":
            status_cell.font = Font(color="FFFFFF", bold=True)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=3):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=(cell.column or 0) > 11)
    sheet.freeze_panes = "D3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(HEADERS))}{sheet.max_row}"
    if any(r.notes for r in card.rows):
        sheet.append([])
        sheet.append([f"c = suppressed to protect small numbers (below {card.threshold})."])
    return workbook_bytes(book)
