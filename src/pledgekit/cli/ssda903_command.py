"""``pledgekit ssda903``: DfE's headline measures computed from the council's SSDA903 files.

Only aggregates leave: counts, numerators, denominators and figures, with DfE's disclosure
control applied. The 903 files are read in memory and never copied, cached or written; the
findings printed name files, rows and columns, never a value.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from pledgekit.records.frames import CARE_LEAVER_AGE_RULES
from pledgekit.render.ssda903.formats import FORMATS


@handle_errors
def ssda903(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="SSDA903 CSV files (any names: each table is known by its columns), folders of "
            "them, or the XML return.",
            show_default=False,
        ),
    ],
    year: Annotated[
        list[str] | None,
        typer.Option(
            "--year",
            help="Collection year: 2024-25, 2025 (DfE's label) or 202425; repeat for a series "
            "(default: the latest year the files cover).",
            show_default=False,
        ),
    ] = None,
    years: Annotated[
        str | None,
        typer.Option("--years", help="'all': every year the files cover.", show_default=False),
    ] = None,
    pledge: PledgeOption = None,
    population: Annotated[
        str | None,
        typer.Option(
            "--population",
            help="Children aged under 18 for cla-rate: a number, or a CSV with 'year' and "
            "'population' columns (ONS mid-year estimates).",
            show_default=False,
        ),
    ] = None,
    file_year: Annotated[
        list[str] | None,
        typer.Option(
            "--file-year",
            help="FILE=YEAR: the collection year of a file or folder whose name and dates do "
            "not tell it (e.g. 903/oc2.csv=2024-25).",
            show_default=False,
        ),
    ] = None,
    temporary_moves: Annotated[
        bool,
        typer.Option(
            "--temporary-placements-are-moves/--no-temporary-placements-are-moves",
            help="Count temporary placements (T0-T4) as placements for the placement measures.",
        ),
    ] = True,
    same_carer: Annotated[
        bool,
        typer.Option(
            "--stability-same-carer/--stability-same-placement",
            help="Long-term stability by DfE's newer 'same carer' wording (RNE T/U keeps the "
            "two years) instead of 'same placement'.",
        ),
    ] = False,
    care_leaver_age: Annotated[
        str,
        typer.Option(
            "--care-leaver-age-at",
            help="How a care leaver's age is taken (default: at the birthday that falls in the "
            "year, DfE's rule): " + ", ".join(CARE_LEAVER_AGE_RULES) + ".",
        ),
    ] = "birthday-in-year",
    transferred: Annotated[
        bool,
        typer.Option(
            "--include-transferred-e3/--exclude-transferred-e3",
            help="Count among care leavers those whose care was transferred to another council "
            "(REC E3).",
        ),
    ] = False,
    output_format: Annotated[str | None, format_option(FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Compute DfE's headline children-in-care measures from SSDA903 files.

    Output is the indicator sheet the scorecard reads (measure, period, value, numerator,
    denominator), keyed to the pledge's measures through their 'reference' with --pledge, else
    every computable measure by reference id. Counts of 1 to 5 children, and figures resting on
    them, are shown as c; zero is shown. Findings (files, rows and columns: never a value) go
    to standard error. Exit code 0, 1 when a finding is an error, 2 when a file is unreadable.

    Example: pledgekit ssda903 903/ --pledge pledge.yaml -o q.xlsx && pledgekit scorecard q.xlsx
    """
    from pledgekit.api import parse_years_option
    from pledgekit.api import ssda903 as compute_sheet
    from pledgekit.cli.output import choose_output, emit, stdout_errors
    from pledgekit.model.errors import UsageError
    from pledgekit.model.findings import has_errors
    from pledgekit.records.frames import CountingOptions

    inputs = [*files, pledge]
    chosen = choose_output(FORMATS, output_format, output, force=force, inputs=inputs)
    if years is not None and years.strip().lower() != "all":
        raise UsageError("--years takes 'all'; give single years with --year")
    try:
        options = CountingOptions(
            temporary_placements_are_moves=temporary_moves,
            stability_same_carer=same_carer,
            care_leaver_age_at=care_leaver_age,
            include_transferred_e3=transferred,
        )
    except ValueError as exc:
        raise UsageError(f"--care-leaver-age-at: {exc}") from exc
    with _progress(files) as tick:
        sheet = compute_sheet(
            files,
            years=parse_years_option(year),
            all_years=years is not None,
            pledge=pledge,
            options=options,
            population=population,
            file_years=_file_years(file_year),
            progress=tick,
        )
    for item in sheet.findings:
        typer.echo(str(item), err=True)
    if sheet.unreadable:
        raise typer.Exit(2)
    if chosen.name == "table" and output is None:
        from pledgekit.render.ssda903.sheet_table import render_table
        from pledgekit.render.terminal import console_for

        with stdout_errors():
            render_table(sheet, console_for())
    else:
        emit(chosen.renderer(sheet), output, force=force, inputs=inputs)
    if has_errors(sheet.findings):
        raise typer.Exit(1)


def _file_years(given: list[str] | None) -> dict[Path, int]:
    """``--file-year FILE=YEAR`` options as paths and ending years."""
    from pledgekit.api import parse_years_option
    from pledgekit.model.errors import UsageError

    found: dict[Path, int] = {}
    for text in given or []:
        name, sep, when = text.rpartition("=")
        if not sep or not name:
            raise UsageError(f"--file-year {text!r}: write FILE=YEAR, e.g. 903/oc2.csv=2024-25")
        (found[Path(name)],) = parse_years_option([when]) or [0]
    return found


@contextmanager
def _progress(paths: list[Path]) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on standard error while the files are read, only on a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from pledgekit.read.ssda903.read_returns import find_903_files
    from pledgekit.render.terminal import console_for

    total = len(find_903_files(paths)[0])
    columns = (TextColumn("reading SSDA903 files"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console_for(stderr=True), transient=True) as bar:
        task = bar.add_task("read", total=total)

        def tick(_name: str) -> None:
            bar.advance(task)

        yield tick
