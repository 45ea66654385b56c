"""``pledgekit scorecard``: the RAG scorecard in the terminal or as md/csv/json."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from pledgekit.commands.common import (
    FilesArgument,
    ForceOption,
    OutputOption,
    PeriodOption,
    PledgeOption,
    RedactOption,
    ThresholdOption,
    fail,
    handle_errors,
)


class ScorecardFormat(str, Enum):
    """Output formats of the scorecard."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    XLSX = "xlsx"


@handle_errors
def scorecard(
    files: FilesArgument,
    pledge: PledgeOption = None,
    period: PeriodOption = None,
    output_format: Annotated[
        ScorecardFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ScorecardFormat.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
    threshold: ThresholdOption = None,
    redact: RedactOption = False,
) -> None:
    """Show the RAG scorecard: every measure's value, target, status, trend and why.

    Several files (or a file with several periods) give the history; the latest period is shown.

    Example: pledgekit scorecard sample_data/*.xlsx --format md -o scorecard.md
    """
    if output_format is ScorecardFormat.XLSX and output is None:
        raise fail("--format xlsx needs --output FILE.xlsx")
    from pledgekit.pipeline import load_scorecard
    from pledgekit.report_findings import print_data_findings

    card, blocking = load_scorecard(
        files, pledge=pledge, period=period, threshold=threshold, redact=redact
    )
    print_data_findings(card.findings, blocking)
    if blocking:
        raise typer.Exit(1)
    if output_format is ScorecardFormat.TABLE and output is None:
        from pledgekit.render.scorecard_text import render_table
        from pledgekit.terminal import console_for

        render_table(card, console_for())
    else:
        from pledgekit.outputs import emit
        from pledgekit.render.scorecard_formats import render_scorecard

        emit(render_scorecard(card, output_format.value), output, force=force)
    from pledgekit.findings import has_errors

    # The scorecard is shown, but errors met in the data fail the run.
    if has_errors(card.findings):
        raise typer.Exit(1)
