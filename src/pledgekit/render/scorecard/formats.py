"""The scorecard's output formats, each a renderer module's function imported only when
called (see :func:`pledgekit.render.registry.lazy_modules`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.render.scorecard import flat, table, xlsx
    from pledgekit.score.scorecard import Scorecard
else:
    flat, table, xlsx = registry.lazy_modules("pledgekit.render.scorecard", "flat", "table", "xlsx")

#: A scorecard renderer: the scorecard in, text or bytes out.
ScorecardRenderer = Callable[["Scorecard"], "str | bytes"]

FORMATS: registry.Registry[ScorecardRenderer] = registry.Registry("scorecard", default="table")

FORMATS.add(registry.table_format(registry.TERMINAL_TABLE, table.render_text))
FORMATS.add(registry.json_format("the documented pledgekit.scorecard/1 shape", flat.render_json))
FORMATS.add(registry.csv_format("one row per measure", flat.render_csv))
FORMATS.add(registry.markdown_format("Markdown pipe tables, one per pledge", flat.render_markdown))
FORMATS.add(
    registry.xlsx_format("an Excel workbook with RAG cells shaded (needs -o)", xlsx.render_xlsx)
)
