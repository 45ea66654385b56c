"""``pledgekit collection-workbook``: the data collection workbook for a period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pledgekit.cli.options import ForceOption, PledgeOption, handle_errors

CollectPeriod = Annotated[
    str, typer.Option("--period", help="Period to collect, e.g. '2019-20 Q2'.", show_default=False)
]
WorkbookOutput = Annotated[Path, typer.Option("--output", "-o", help="Workbook to write (.xlsx).")]


@handle_errors
def collection_workbook(
    period: CollectPeriod,
    output: WorkbookOutput,
    pledge: PledgeOption = None,
    force: ForceOption = False,
) -> None:
    """Write the collection workbook: one row per measure, locked except the cells to fill in.

    Data owners fill in Value, Numerator, Denominator and Commentary; Excel checks each figure
    as it is typed and flags red measures that need commentary. The filled-in file is an
    ordinary indicator workbook: check it with `pledgekit validate`.

    Example: pledgekit collection-workbook --period "2019-20 Q2" -o collection.xlsx
    """
    from pledgekit.api import load_pledge, parse_period_option
    from pledgekit.cli.output import choose_output, write_atomic
    from pledgekit.render.workbook.formats import FORMATS

    workbook = choose_output(FORMATS, None, output, force=force, inputs=[pledge])
    chosen = parse_period_option(period)
    assert chosen is not None
    definition, source = load_pledge(pledge)
    data = workbook.renderer(definition, chosen)
    write_atomic(output, data, force=force, inputs=[source])
    typer.echo(f"Wrote {output}: {len(definition.measure_ids())} measures for {chosen.label}.")
