"""The benchmark table's output formats (see :mod:`pledgekit.render.registry`).

Each renderer here imports the module that does the work when it is called, so listing the
formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import OutputFormat, Registry

if TYPE_CHECKING:
    from pledgekit.score.benchmarks import Benchmarks

#: A benchmark renderer: the benchmarks in, text or bytes out.
BenchmarkRenderer = Callable[["Benchmarks"], "str | bytes"]


def _table(bench: Benchmarks) -> str:
    from pledgekit.render.benchmark.terminal_tables import render_text

    return render_text(bench)


def _json(bench: Benchmarks) -> str:
    from pledgekit.render.benchmark.text_formats import render_json

    return render_json(bench)


def _csv(bench: Benchmarks) -> str:
    from pledgekit.render.benchmark.text_formats import render_csv

    return render_csv(bench)


def _markdown(bench: Benchmarks) -> str:
    from pledgekit.render.benchmark.text_formats import render_markdown

    return render_markdown(bench)


def _xlsx(bench: Benchmarks) -> bytes:
    from pledgekit.render.benchmark.xlsx import render_xlsx

    return render_xlsx(bench)


FORMATS: Registry[BenchmarkRenderer] = Registry("benchmark", default="table")

FORMATS.add(
    OutputFormat(
        "table",
        "a table per measure for the terminal (plain text in a file)",
        _table,
        suffixes=(".txt",),
        aliases=("text",),
    )
)
FORMATS.add(
    OutputFormat("json", "the documented pledgekit.benchmark/1 shape", _json, suffixes=(".json",))
)
FORMATS.add(OutputFormat("csv", "one row per measure and year", _csv, suffixes=(".csv",)))
FORMATS.add(
    OutputFormat(
        "md",
        "Markdown pipe tables, one per measure",
        _markdown,
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "an Excel workbook, one row per measure and year (needs -o)",
        _xlsx,
        suffixes=(".xlsx",),
        binary=True,
    )
)
