"""The SSDA903 sheet as flat text: JSON, CSV and Markdown."""

from __future__ import annotations

import json

from pledgekit.model.records_sheet import SHEET_COLUMNS, RecordsSheet
from pledgekit.render.formula_guard import csv_text
from pledgekit.render.md_escape import md_cell
from pledgekit.render.ssda903.sheet_lines import HEADERS, heading, notes, row_cells


def render_json(sheet: RecordsSheet) -> str:
    """The documented ``pledgekit.ssda903/1`` JSON."""
    return json.dumps(sheet.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_csv(sheet: RecordsSheet) -> str:
    """The indicator sheet, one row per measure and year; ``c`` where hidden."""
    rows = (
        ["" if cell is None else cell for cell in figure.cells().values()]
        for figure in sheet.figures
    )
    return csv_text(SHEET_COLUMNS, rows)


def render_markdown(sheet: RecordsSheet) -> str:
    """A heading, a pipe table and the notes."""
    lines = [
        f"# {md_cell(heading(sheet))}",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    lines += ["| " + " | ".join(md_cell(c) for c in row_cells(f)) + " |" for f in sheet.figures]
    lines.append("")
    lines += [f"{md_cell(line)}\n" for line in notes(sheet)]
    return "\n".join(lines)
