"""The ``ssda903`` command's output formats: its sheet as a table, JSON, CSV, Markdown or a
workbook the scorecard reads (renderers load lazily: :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.model.records_sheet import RecordsSheet
    from pledgekit.render.ssda903 import sheet_table, sheet_text, xlsx
else:
    sheet_table, sheet_text, xlsx = registry.lazy_modules(
        "pledgekit.render.ssda903", "sheet_table", "sheet_text", "xlsx"
    )

#: A renderer of the SSDA903 sheet: the sheet in, text or bytes out.
SheetRenderer = Callable[["RecordsSheet"], "str | bytes"]

FORMATS: registry.Registry[SheetRenderer] = registry.Registry("ssda903", default="table")

FORMATS.add(registry.table_format(registry.TERMINAL_TABLE, sheet_table.render_text))
FORMATS.add(
    registry.json_format(
        "the documented pledgekit.ssda903/1 shape: one entry per measure and year",
        sheet_text.render_json,
    )
)
FORMATS.add(
    registry.csv_format(
        "the indicator sheet: measure, period, value, numerator, denominator",
        sheet_text.render_csv,
    )
)
FORMATS.add(
    registry.markdown_format("a Markdown pipe table and the rules", sheet_text.render_markdown)
)
FORMATS.add(
    registry.xlsx_format(
        "an indicator workbook that pledgekit scorecard reads (needs -o)", xlsx.render_xlsx
    )
)
