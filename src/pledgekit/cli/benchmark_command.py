"""``pledgekit benchmark``: the council against England, region and neighbours, from DfE files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pledgekit.cli.options import (
    ForceOption,
    OutputOption,
    PledgeOption,
    format_option,
    handle_errors,
)
from pledgekit.model.findings import Finding
from pledgekit.render.benchmark.formats import FORMATS

WorkbooksArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Indicator workbooks (optional): each is read and checked, once, and pledge.yaml "
        "is looked for beside the first (else --pledge, else in the current folder).",
        show_default=False,
    ),
]
AreasOption = Annotated[
    str | None,
    typer.Option(
        "--areas",
        help="Benchmark many councils in one pass: 'all', or council codes or names separated "
        "by commas (formats json, csv, xlsx, html: one row per council, measure and year).",
        show_default=False,
    ),
]


@handle_errors
def benchmark(
    files: WorkbooksArgument = None,
    pledge: PledgeOption = None,
    output_format: Annotated[str | None, format_option(FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    areas: AreasOption = None,
) -> None:
    """Benchmark each measure with a 'published:' entry against DfE's published figures.

    For every published year: the council's figure, England, its region, the statistical
    neighbours' median (and how many had a figure), the rank among all councils (1 = best),
    the quartile band, and whether the council differs significantly from England and from its
    neighbours (Wilson score intervals for percentages; exact Poisson below 10 events and Byar's
    method from 10 for rates).

    England and the region are DfE's published percentages unless pledge.yaml's benchmarks
    set national_from: counts; a London borough is compared with London unless region: file.

    Example: pledgekit benchmark --pledge sample_data/pledge.yaml -o benchmarks.md
    """
    from pledgekit.cli.output import choose_output, emit, stdout_errors
    from pledgekit.model.errors import UsageError
    from pledgekit.render.benchmark.formats import AREA_FORMATS

    inputs = [*(files or []), pledge]
    chosen = choose_output(FORMATS, output_format, output, force=force, inputs=inputs)
    if areas is not None and chosen.name not in AREA_FORMATS:
        raise UsageError(f"--areas writes {', '.join(AREA_FORMATS)}; give --format with one")
    if areas is not None:
        from pledgekit.api import benchmark_areas

        wanted = (
            None
            if areas.strip().casefold() == "all"
            else [a.strip() for a in areas.split(",") if a.strip()]
        )
        found = benchmark_areas(wanted, files or [], pledge=pledge)
        _warn(list(found.councils[0].warnings) if found.councils else [])
        emit(chosen.renderer(found), output, force=force, inputs=inputs)
        return
    from pledgekit.api import benchmark as load_benchmarks

    bench = load_benchmarks(files or [], pledge=pledge)
    _warn(list(bench.warnings))
    if chosen.name == "table" and output is None:
        from pledgekit.render.benchmark.terminal_tables import render_table
        from pledgekit.render.terminal import console_for

        with stdout_errors():
            render_table(bench, console_for())
    else:
        emit(chosen.renderer(bench), output, force=force, inputs=inputs)


def _warn(found: list[Finding]) -> None:
    """Warnings (a file given twice, impossible published figures) on standard error."""
    for item in found:
        typer.echo(f"warning: {item.location}: {item.message} [{item.code}]", err=True)
