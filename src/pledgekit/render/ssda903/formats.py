"""The ``ssda903`` command's output formats (see :mod:`pledgekit.render.registry`).

Each renderer imports the module that does the work when it is called, so listing the formats
stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import OutputFormat, Registry

if TYPE_CHECKING:
    from pledgekit.model.records_sheet import RecordsSheet

#: A renderer of the SSDA903 sheet: the sheet in, text or bytes out.
SheetRenderer = Callable[["RecordsSheet"], "str | bytes"]


def _table(sheet: RecordsSheet) -> str:
    from pledgekit.render.ssda903.sheet_table import render_text

    return render_text(sheet)


def _json(sheet: RecordsSheet) -> str:
    from pledgekit.render.ssda903.sheet_text import render_json

    return render_json(sheet)


def _csv(sheet: RecordsSheet) -> str:
    from pledgekit.render.ssda903.sheet_text import render_csv

    return render_csv(sheet)


def _markdown(sheet: RecordsSheet) -> str:
    from pledgekit.render.ssda903.sheet_text import render_markdown

    return render_markdown(sheet)


def _xlsx(sheet: RecordsSheet) -> bytes:
    from pledgekit.render.ssda903.xlsx import render_xlsx

    return render_xlsx(sheet)


FORMATS: Registry[SheetRenderer] = Registry("ssda903", default="table")

FORMATS.add(
    OutputFormat(
        "table",
        "a table for the terminal (plain text in a file)",
        _table,
        suffixes=(".txt",),
        aliases=("text",),
    )
)
FORMATS.add(
    OutputFormat(
        "json",
        "the documented pledgekit.ssda903/1 shape: one entry per measure and year",
        _json,
        suffixes=(".json",),
    )
)
FORMATS.add(
    OutputFormat(
        "csv",
        "the indicator sheet: measure, period, value, numerator, denominator",
        _csv,
        suffixes=(".csv",),
    )
)
FORMATS.add(
    OutputFormat(
        "md",
        "a Markdown pipe table and the rules",
        _markdown,
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "an indicator workbook that pledgekit scorecard reads (needs -o)",
        _xlsx,
        suffixes=(".xlsx",),
        binary=True,
    )
)
