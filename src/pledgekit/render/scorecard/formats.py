"""The scorecard's output formats (see :mod:`pledgekit.render.registry`).

Each renderer here imports the module that does the work when it is called, so listing the
formats stays light.
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
    from pledgekit.score.scorecard import Scorecard

#: A scorecard renderer: the scorecard in, text or bytes out.
ScorecardRenderer = Callable[["Scorecard"], "str | bytes"]


def _table(card: Scorecard) -> str:
    from pledgekit.render.scorecard.table import render_text

    return render_text(card)


def _json(card: Scorecard) -> str:
    from pledgekit.render.scorecard.flat import render_json

    return render_json(card)


def _csv(card: Scorecard) -> str:
    from pledgekit.render.scorecard.flat import render_csv

    return render_csv(card)


def _markdown(card: Scorecard) -> str:
    from pledgekit.render.scorecard.flat import render_markdown

    return render_markdown(card)


def _xlsx(card: Scorecard) -> bytes:
    from pledgekit.render.scorecard.xlsx import render_xlsx

    return render_xlsx(card)


FORMATS: Registry[ScorecardRenderer] = Registry("scorecard", default="table")

FORMATS.add(table_format(TERMINAL_TABLE, _table))
FORMATS.add(json_format("the documented pledgekit.scorecard/1 shape", _json))
FORMATS.add(csv_format("one row per measure", _csv))
FORMATS.add(markdown_format("Markdown pipe tables, one per pledge", _markdown))
FORMATS.add(xlsx_format("an Excel workbook with RAG cells shaded (needs -o)", _xlsx))
