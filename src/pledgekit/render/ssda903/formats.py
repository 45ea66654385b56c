"""The ``ssda903`` command's output formats (see :mod:`pledgekit.render.registry`).

Each renderer imports the module that does the work when it is called, so listing the formats
stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import (
    TERMINAL_TABLE,
    Registry,
    csv_format,
    json_format,
    markdown_format,
    table_format,
    xlsx_format,
)

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

FORMATS.add(table_format(TERMINAL_TABLE, _table))
FORMATS.add(
    json_format("the documented pledgekit.ssda903/1 shape: one entry per measure and year", _json)
)
FORMATS.add(csv_format("the indicator sheet: measure, period, value, numerator, denominator", _csv))
FORMATS.add(markdown_format("a Markdown pipe table and the rules", _markdown))
FORMATS.add(xlsx_format("an indicator workbook that pledgekit scorecard reads (needs -o)", _xlsx))
