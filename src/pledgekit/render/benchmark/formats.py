"""The benchmark table's output formats (see :mod:`pledgekit.render.registry`).

Each renderer here imports the module that does the work when it is called, so listing the
formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import (
    OutputFormat,
    Registry,
    csv_format,
    json_format,
    markdown_format,
    table_format,
    xlsx_format,
)

if TYPE_CHECKING:
    from pledgekit.score.benchmarks import Benchmarks, BenchmarkSet

#: A benchmark renderer: one council's benchmarks (or, for json, csv, xlsx and html, a set of
#: councils' from ``--areas``) in, text or bytes out.
BenchmarkRenderer = Callable[["Benchmarks | BenchmarkSet"], "str | bytes"]
#: The formats that take a set of councils (``benchmark --areas``).
AREA_FORMATS = ("json", "csv", "xlsx", "html")


def _one(bench: Benchmarks | BenchmarkSet) -> Benchmarks:
    from pledgekit.model.errors import UsageError
    from pledgekit.score.benchmarks import BenchmarkSet

    if isinstance(bench, BenchmarkSet):
        raise UsageError(f"--areas writes only {', '.join(AREA_FORMATS)}")
    return bench


def _table(bench: Benchmarks | BenchmarkSet) -> str:
    from pledgekit.render.benchmark.terminal_tables import render_text

    return render_text(_one(bench))


def _json(bench: Benchmarks | BenchmarkSet) -> str:
    from pledgekit.render.benchmark.text_formats import render_json

    return render_json(bench)


def _csv(bench: Benchmarks | BenchmarkSet) -> str:
    from pledgekit.render.benchmark.text_formats import render_csv

    return render_csv(bench)


def _markdown(bench: Benchmarks | BenchmarkSet) -> str:
    from pledgekit.render.benchmark.text_formats import render_markdown

    return render_markdown(_one(bench))


def _xlsx(bench: Benchmarks | BenchmarkSet) -> bytes:
    from pledgekit.render.benchmark.xlsx import render_xlsx

    return render_xlsx(bench)


def _html(bench: Benchmarks | BenchmarkSet) -> str:
    from pledgekit.render.benchmark.html import render_html

    return render_html(bench)


FORMATS: Registry[BenchmarkRenderer] = Registry("benchmark", default="table")

FORMATS.add(table_format("a table per measure for the terminal (plain text in a file)", _table))
FORMATS.add(json_format("the documented pledgekit.benchmark/1 shape", _json))
FORMATS.add(csv_format("one row per council, measure and year", _csv))
FORMATS.add(markdown_format("Markdown pipe tables, one per measure", _markdown))
FORMATS.add(
    xlsx_format("an Excel workbook, one row per council, measure and year (needs -o)", _xlsx)
)
FORMATS.add(
    OutputFormat(
        "html",
        "a web page: a table and a funnel chart per measure and year",
        _html,
        suffixes=(".html", ".htm"),
    )
)
