"""The scorecard's output formats (see :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from pledgekit.render.registry import OutputFormat, Registry

FORMATS: Registry[object] = Registry("scorecard", default="table")
_HERE = "pledgekit.render.scorecard"

FORMATS.add(
    OutputFormat(
        "table",
        "a table for the terminal (plain text in a file)",
        f"{_HERE}.table:render_text",
        suffixes=(".txt",),
        aliases=("text",),
    )
)
FORMATS.add(
    OutputFormat(
        "json",
        "the documented pledgekit.scorecard/1 shape",
        f"{_HERE}.flat:render_json",
        suffixes=(".json",),
    )
)
FORMATS.add(
    OutputFormat("csv", "one row per measure", f"{_HERE}.flat:render_csv", suffixes=(".csv",))
)
FORMATS.add(
    OutputFormat(
        "md",
        "Markdown pipe tables, one per pledge",
        f"{_HERE}.flat:render_markdown",
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "an Excel workbook with RAG cells shaded (needs -o)",
        f"{_HERE}.xlsx:render_xlsx",
        suffixes=(".xlsx",),
        binary=True,
    )
)
