"""The scorecard's output formats (see :mod:`pledgekit.render.registry`).

Each renderer here imports the module that does the work when it is called, so listing the
formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import OutputFormat, Registry

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
    OutputFormat("json", "the documented pledgekit.scorecard/1 shape", _json, suffixes=(".json",))
)
FORMATS.add(OutputFormat("csv", "one row per measure", _csv, suffixes=(".csv",)))
FORMATS.add(
    OutputFormat(
        "md",
        "Markdown pipe tables, one per pledge",
        _markdown,
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "an Excel workbook with RAG cells shaded (needs -o)",
        _xlsx,
        suffixes=(".xlsx",),
        binary=True,
    )
)
