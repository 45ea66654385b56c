"""``pledgekit scorecard``: the RAG scorecard in the terminal, or in any scorecard format."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pledgekit.cli.options import (
    FilesArgument,
    ForceOption,
    OutputOption,
    PeriodOption,
    PledgeOption,
    RedactOption,
    ThresholdOption,
    format_option,
    handle_errors,
)
from pledgekit.render.scorecard.formats import FORMATS


@handle_errors
def scorecard(
    files: FilesArgument,
    pledge: PledgeOption = None,
    period: PeriodOption = None,
    output_format: Annotated[str | None, format_option(FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    threshold: ThresholdOption = None,
    redact: RedactOption = False,
    as_at: Annotated[
        bool,
        typer.Option(
            "--as-at",
            help="Rate the period from what was known at it, as its report does: figures that "
            "arrived in a later workbook (such as an annual result that came with the next "
            "quarter's return) are set aside.",
        ),
    ] = False,
) -> None:
    """Show the RAG scorecard: every measure's value, target, status, trend and why.

    Several files (or a file with several periods) give the history; the latest period is shown.

    Example: pledgekit scorecard sample_data/*.xlsx -o scorecard.md
    """
    from pledgekit.api import load_scorecard
    from pledgekit.cli.data_findings import print_data_findings
    from pledgekit.cli.output import choose_output, emit, stdout_errors

    inputs = [*files, pledge]
    chosen = choose_output(FORMATS, output_format, output, force=force, inputs=inputs)

    card, blocking = load_scorecard(
        files, pledge=pledge, period=period, threshold=threshold, redact=redact, as_at=as_at
    )
    print_data_findings(card.findings, blocking)
    if blocking:
        raise typer.Exit(1)
    if chosen.name == "table" and output is None:
        from pledgekit.render.scorecard.table import render_table
        from pledgekit.render.terminal import console_for

        with stdout_errors():
            render_table(card, console_for())
    else:
        emit(chosen.renderer(card), output, force=force, inputs=inputs)
    if card.arrived_later:
        named = ", ".join(card.arrived_later)
        print(
            f"Note: {len(card.arrived_later)} measure(s) ({named}) show figures that arrived "
            f"after {card.period.label}, in a later workbook; the report for {card.period.label} "
            "shows them as known then (--as-at rates the scorecard that way).",
            file=sys.stderr,
        )
    from pledgekit.model.findings import has_errors

    # The scorecard is shown, but errors met in the data fail the run.
    if has_errors(card.findings):
        raise typer.Exit(1)
