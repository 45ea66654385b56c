"""``pledgekit template``: the data collection workbook for a period, from the definition."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pledgekit.commands.common import ForceOption, PledgeOption, handle_errors


@handle_errors
def template(
    period: Annotated[str, typer.Option("--period", help="Period to collect, e.g. '2019-20 Q2'.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Workbook to write (.xlsx).", dir_okay=False)
    ],
    pledge: PledgeOption = None,
    force: ForceOption = False,
) -> None:
    """Write the collection workbook: one row per measure, locked except the cells to fill in.

    Data owners fill in Value, Numerator, Denominator and Commentary; Excel checks each figure
    as it is typed and flags red measures that need commentary. The filled-in file is an
    ordinary indicator workbook: check it with `pledgekit validate`.

    Example: pledgekit template --period "2019-20 Q2" -o collection.xlsx
    """
    from pledgekit.collection import build_collection
    from pledgekit.definition import find_definition, load_definition
    from pledgekit.errors import UsageError
    from pledgekit.outputs import write_atomic
    from pledgekit.pipeline import parse_period_option

    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"--output: the collection workbook is .xlsx, not {output.name!r}")
    chosen = parse_period_option(period)
    assert chosen is not None
    definition = load_definition(find_definition(pledge, []))
    write_atomic(output, build_collection(definition, chosen), force=force)
    typer.echo(f"Wrote {output}: {len(definition.measure_ids())} measures for {chosen.label}.")
