"""The scorecard's output formats (see :mod:`pledgekit.render.registry`).

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
    from pledgekit.render.scorecard import flat, table, xlsx
    from pledgekit.score.scorecard import Scorecard
else:
    flat, table, xlsx = lazy_modules("pledgekit.render.scorecard", "flat", "table", "xlsx")

#: A scorecard renderer: the scorecard in, text or bytes out.
ScorecardRenderer = Callable[["Scorecard"], "str | bytes"]

FORMATS: Registry[ScorecardRenderer] = Registry("scorecard", default="table")

FORMATS.add(table_format(TERMINAL_TABLE, table.render_text))
FORMATS.add(json_format("the documented pledgekit.scorecard/1 shape", flat.render_json))
FORMATS.add(csv_format("one row per measure", flat.render_csv))
FORMATS.add(markdown_format("Markdown pipe tables, one per pledge", flat.render_markdown))
FORMATS.add(xlsx_format("an Excel workbook with RAG cells shaded (needs -o)", xlsx.render_xlsx))
