"""``pledgekit report``: the committee update report as Markdown, HTML or Word."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
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
    handle_errors,
)


class ReportFormat(str, Enum):
    """Output formats of the report."""

    MD = "md"
    DOCX = "docx"
    HTML = "html"


_EXTENSIONS = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".docx": ReportFormat.DOCX,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
}


def choose_format(
    explicit: ReportFormat | None, output: Path | None, template: Path | None
) -> ReportFormat:
    """``--format``, else the output's extension, else the template's, else Markdown."""
    from pledgekit.errors import UsageError

    if explicit is not None:
        chosen = explicit
    elif output is not None and str(output) != "-":
        found = _EXTENSIONS.get(output.suffix.lower())
        if found is None:
            raise UsageError(
                f"cannot tell the format from {output.name!r}; "
                "pass --format md, docx or html (or name the file .md, .docx or .html)"
            )
        chosen = found
    elif template is not None:
        chosen = _template_format(template) or ReportFormat.MD
    else:
        chosen = ReportFormat.MD
    if chosen is ReportFormat.DOCX and (output is None or str(output) == "-"):
        raise UsageError("a Word report needs a file: pass -o report.docx")
    if template is not None and _template_format(template) not in (None, chosen):
        raise UsageError(f"--template {template.name} is not a {chosen.value} template")
    return chosen


def _template_format(template: Path) -> ReportFormat | None:
    name = template.name.lower().removesuffix(".j2").removesuffix(".jinja")
    return _EXTENSIONS.get(Path(name).suffix)


@handle_errors
def report(
    files: FilesArgument,
    meeting: Annotated[
        Path | None,
        typer.Option(
            "--meeting",
            "-m",
            help="meeting.yaml with the cover details and prose (without: placeholders).",
            dir_okay=False,
            exists=True,
        ),
    ] = None,
    pledge: PledgeOption = None,
    period: PeriodOption = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="md, docx or html (default: from -o, else md)."),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            "-t",
            help="Your own template (see 'pledgekit templates export').",
            dir_okay=False,
            exists=True,
        ),
    ] = None,
    redact: RedactOption = False,
    threshold: ThresholdOption = None,
) -> None:
    """Write the committee update report for the latest period (or --period).

    Cover details, purpose, recommendations, narratives and implications come from
    --meeting; what it leaves out is marked [to be completed]. Nothing is written while free
    text holds personal data (exit 1), unless --redact.

    Example: pledgekit report sample_data/*.xlsx --meeting sample_data/meeting.yaml -o report.docx
    """
    from pledgekit.outputs import emit
    from pledgekit.render.report_any import render_report
    from pledgekit.report import load_report
    from pledgekit.report_findings import print_data_findings

    chosen = choose_format(output_format, output, template)
    built, data_findings, blocking = load_report(
        files,
        meeting=meeting,
        pledge=pledge,
        period=period,
        threshold=threshold,
        redact=redact,
    )
    print_data_findings(data_findings, blocking)
    if blocking:
        raise typer.Exit(1)
    emit(render_report(built, chosen.value, template=template), output, force=force)
    if meeting is None:
        typer.echo(
            "Note: no --meeting file; meeting details are marked [to be completed].", err=True
        )
    if output is not None and str(output) != "-":
        typer.echo(f"Wrote {output}", err=True)
    from pledgekit.findings import has_errors

    # As for the scorecard: the report is written, but errors in the data fail the run.
    if has_errors(data_findings):
        raise typer.Exit(1)
