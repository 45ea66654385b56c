"""The ``ssda903`` command's output formats (see :mod:`pledgekit.render.registry`).

The renderer modules are imported when a renderer is called (:func:`lazy_modules`), so listing
the formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import (
    TERMINAL_TABLE,
    Registry,
    csv_format,
    json_format,
    lazy_modules,
    markdown_format,
    table_format,
    xlsx_format,
)

if TYPE_CHECKING:
    from pledgekit.model.records_sheet import RecordsSheet
    from pledgekit.render.ssda903 import sheet_table, sheet_text, xlsx
else:
    sheet_table, sheet_text, xlsx = lazy_modules(
        "pledgekit.render.ssda903", "sheet_table", "sheet_text", "xlsx"
    )

#: A renderer of the SSDA903 sheet: the sheet in, text or bytes out.
SheetRenderer = Callable[["RecordsSheet"], "str | bytes"]

FORMATS: Registry[SheetRenderer] = Registry("ssda903", default="table")

FORMATS.add(table_format(TERMINAL_TABLE, sheet_table.render_text))
FORMATS.add(
    json_format(
        "the documented pledgekit.ssda903/1 shape: one entry per measure and year",
        sheet_text.render_json,
    )
)
FORMATS.add(
    csv_format(
        "the indicator sheet: measure, period, value, numerator, denominator",
        sheet_text.render_csv,
    )
)
FORMATS.add(markdown_format("a Markdown pipe table and the rules", sheet_text.render_markdown))
FORMATS.add(
    xlsx_format("an indicator workbook that pledgekit scorecard reads (needs -o)", xlsx.render_xlsx)
)
