"""Findings as an Excel workbook to send to data owners: a Summary sheet and a Findings sheet."""

from __future__ import annotations

from typing import Any

from pledgekit.checks.result import ValidationReport
from pledgekit.model.codes import CATALOGUE
from pledgekit.model.findings import Severity
from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.xlsx_book import workbook_bytes

SUMMARY_HEADERS = ["Code", "Severity", "Count", "What it means"]
SUMMARY_WIDTHS = [30, 10, 8, 90]
FINDINGS_HEADERS = [
    "File",
    "Sheet",
    "Cell",
    "Line",
    "Measure",
    "Code",
    "Severity",
    "Found",
    "Expected",
    "Message",
]
FINDINGS_WIDTHS = [28, 14, 8, 6, 9, 30, 10, 24, 36, 90]
_FILL = {Severity.ERROR: "F4CCCC", Severity.WARNING: "FFE699", Severity.INFO: "DDEBF7"}
# Fixed workbook timestamps keep the output byte-stable for the same input.


def _table(sheet: Any, headers: list[str], widths: list[int], rows: list[list[object]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, sheet.max_row)}"


def render_xlsx(report: ValidationReport) -> bytes:
    """Workbook bytes: counts per code and severity, then one row per finding (safe cells)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

    meaning = {info.code: info.summary for info in CATALOGUE}
    book = Workbook()
    summary = book.active
    assert isinstance(summary, Worksheet)
    summary.title = "Summary"
    _table(
        summary,
        SUMMARY_HEADERS,
        SUMMARY_WIDTHS,
        [[c.code, c.severity.value, c.count, meaning.get(c.code, "")] for c in report.by_code],
    )
    for cells in summary.iter_rows(min_row=2, max_col=2):
        cells[1].fill = PatternFill("solid", start_color=_FILL[Severity(cells[1].value)])
    summary.append([])
    summary.append([report.summary()])
    summary.cell(row=summary.max_row, column=1).font = Font(bold=True)
    if report.omitted:
        summary.append([f"{report.omitted} finding(s) left out by --max-findings."])
    summary.append(["Files checked:"])
    for name in ([report.pledge] if report.pledge else []) + list(report.files):
        summary.append([safe_cell(name)])

    findings = book.create_sheet("Findings")
    rows: list[list[object]] = []
    for item in report.findings:
        loc = item.location
        rows.append(
            [
                loc.file,
                loc.sheet or "",
                loc.a1 or (f"row {loc.row}" if loc.row else ""),
                loc.line,
                item.measure or "",
                item.code,
                item.severity.value,
                item.found or "",
                item.expected or "",
                item.message,
            ]
        )
    _table(findings, FINDINGS_HEADERS, FINDINGS_WIDTHS, rows)
    severity_column = FINDINGS_HEADERS.index("Severity")
    for cells in findings.iter_rows(min_row=2):
        cell = cells[severity_column]
        cell.fill = PatternFill("solid", start_color=_FILL[Severity(cell.value)])
    return workbook_bytes(book)
