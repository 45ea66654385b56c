"""The SSDA903 sheet as a rich terminal table."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pledgekit.model.records_sheet import RecordsSheet
from pledgekit.render.ssda903.sheet_lines import HEADERS, heading, notes, row_cells
from pledgekit.render.terminal import captured

_RIGHT = {"Value", "Numerator", "Denominator", "Cohort", "Published"}


def render_table(sheet: RecordsSheet, console: Console) -> None:
    """Print the sheet to ``console``, then its notes."""
    # Text, not str: nothing from the inputs may be read as rich markup.
    table = Table(title=Text(heading(sheet)), title_justify="left", title_style="bold")
    for name in HEADERS:
        table.add_column(name, justify="right" if name in _RIGHT else "left", overflow="fold")
    for figure in sheet.figures:
        table.add_row(*(Text(cell) for cell in row_cells(figure)))
    console.print(table)
    for line in notes(sheet):
        console.print(Text(line, style="dim"), soft_wrap=True)


def render_text(sheet: RecordsSheet) -> str:
    """The table as plain text, for writing to a file."""
    return captured(lambda console: render_table(sheet, console))
