"""The benchmark table's output formats (see :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from pledgekit.render.registry import OutputFormat, Registry

FORMATS: Registry[object] = Registry("benchmark", default="table")
_HERE = "pledgekit.render.benchmark"

FORMATS.add(
    OutputFormat(
        "table",
        "a table per measure for the terminal (plain text in a file)",
        f"{_HERE}.terminal_tables:render_text",
        suffixes=(".txt",),
        aliases=("text",),
    )
)
FORMATS.add(
    OutputFormat(
        "json",
        "the documented pledgekit.benchmark/1 shape",
        f"{_HERE}.text_formats:render_json",
        suffixes=(".json",),
    )
)
FORMATS.add(
    OutputFormat(
        "csv",
        "one row per measure and year",
        f"{_HERE}.text_formats:render_csv",
        suffixes=(".csv",),
    )
)
FORMATS.add(
    OutputFormat(
        "md",
        "Markdown pipe tables, one per measure",
        f"{_HERE}.text_formats:render_markdown",
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "an Excel workbook, one row per measure and year (needs -o)",
        f"{_HERE}.xlsx:render_xlsx",
        suffixes=(".xlsx",),
        binary=True,
    )
)
