"""``pledgekit benchmark``: the council against England, region and neighbours, from DfE files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pledgekit.cli.options import (
    ForceOption,
    OutputOption,
    PledgeOption,
    choose_format,
    format_option,
    handle_errors,
)
from pledgekit.render.benchmark.formats import FORMATS

WorkbooksArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Indicator workbooks: pledge.yaml is looked for beside the first (optional with "
        "--pledge).",
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
) -> None:
    """Benchmark each measure with a 'published:' entry against DfE's published figures.

    For every published year: the council's figure, England, its region, the statistical
    neighbours' median (and how many had a figure), the rank among all councils (1 = best),
    the quartile band, and whether the council differs significantly from England and from its
    neighbours (Wilson score intervals for percentages, Byar's method for rates).

    Example: pledgekit benchmark --pledge sample_data/pledge.yaml --format md -o benchmarks.md
    """
    from pledgekit.model.errors import UsageError

    chosen = choose_format(FORMATS, output_format, output, from_output=False)
    if chosen.binary and (output is None or str(output) == "-"):
        raise UsageError(f"--format {chosen.name} needs --output FILE{chosen.suffixes[0]}")
    if not files and pledge is None:
        raise UsageError("give --pledge FILE, or a workbook with pledge.yaml beside it")
    from pledgekit.api import benchmark as load_benchmarks
    from pledgekit.cli.output import emit, prepare, stdout_errors

    inputs = [*(files or []), pledge]
    prepare(output, force=force, inputs=inputs, fmt=chosen, formats=FORMATS)
    bench = load_benchmarks(files or [], pledge=pledge)
    if chosen.name == "table" and output is None:
        from pledgekit.render.benchmark.terminal_tables import render_table
        from pledgekit.render.terminal import console_for

        with stdout_errors():
            render_table(bench, console_for())
    else:
        emit(chosen.renderer(bench), output, force=force, inputs=inputs)
