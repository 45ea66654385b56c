"""The benchmark table's output formats: one council's or (``--areas``) many councils'
benchmarks, through renderers imported when called (:mod:`pledgekit.render.registry`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.render.benchmark import html, terminal_tables, text_formats, xlsx
    from pledgekit.score.benchmarks import Benchmarks, BenchmarkSet
else:
    html, terminal_tables, text_formats, xlsx = registry.lazy_modules(
        "pledgekit.render.benchmark", "html", "terminal_tables", "text_formats", "xlsx"
    )

T = TypeVar("T")

#: A benchmark renderer: one council's benchmarks (or, for json, csv, xlsx and html, a set of
#: councils' from ``--areas``) in, text or bytes out.
BenchmarkRenderer = Callable[["Benchmarks | BenchmarkSet"], "str | bytes"]
#: The formats that take a set of councils (``benchmark --areas``).
AREA_FORMATS = ("json", "csv", "xlsx", "html")


def one_council(render: Callable[[Benchmarks], T]) -> Callable[[Benchmarks | BenchmarkSet], T]:
    """``render``, which draws one council's benchmarks, refusing a set of councils (exit 2)."""

    def render_one(bench: Benchmarks | BenchmarkSet) -> T:
        from pledgekit.model.errors import UsageError
        from pledgekit.score.benchmarks import BenchmarkSet

        if isinstance(bench, BenchmarkSet):
            raise UsageError(f"--areas writes only {', '.join(AREA_FORMATS)}")
        return render(bench)

    # ``__wrapped__`` names the renderer inside, for tests/test_registry.py to resolve.
    return functools.update_wrapper(render_one, render, assigned=(), updated=())


FORMATS: registry.Registry[BenchmarkRenderer] = registry.Registry("benchmark", default="table")

FORMATS.add(
    registry.table_format(
        "a table per measure for the terminal (plain text in a file)",
        one_council(terminal_tables.render_text),
    )
)
FORMATS.add(
    registry.json_format("the documented pledgekit.benchmark/1 shape", text_formats.render_json)
)
FORMATS.add(registry.csv_format("one row per council, measure and year", text_formats.render_csv))
FORMATS.add(
    registry.markdown_format(
        "Markdown pipe tables, one per measure", one_council(text_formats.render_markdown)
    )
)
FORMATS.add(
    registry.xlsx_format(
        "an Excel workbook, one row per council, measure and year (needs -o)", xlsx.render_xlsx
    )
)
FORMATS.add(
    registry.OutputFormat(
        "html",
        "a web page: a table and a funnel chart per measure and year",
        html.render_html,
        suffixes=(".html", ".htm"),
    )
)
