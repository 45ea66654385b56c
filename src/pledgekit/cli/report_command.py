"""``pledgekit report``: the committee update report as Markdown, HTML, Word or PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
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
from pledgekit.render.registry import OutputFormat
from pledgekit.render.report.formats import FORMATS, ReportRenderer


def report_format(
    explicit: str | None,
    output: Path | None,
    template: Path | None,
    *,
    force: bool,
    inputs: Sequence[Path | None],
) -> OutputFormat[ReportRenderer]:
    """``--format``, else the output's extension, else the template's, else Markdown; the
    output checked as every command's is (:func:`~pledgekit.cli.output.choose_output`)."""
    from pledgekit.cli.output import choose_output, is_stdout
    from pledgekit.model.errors import UsageError

    if explicit is None and is_stdout(output) and template is not None:
        explicit = (_template_format(template) or FORMATS.get(FORMATS.default)).name
    chosen = choose_output(FORMATS, explicit, output, force=force, inputs=inputs)
    wanted = FORMATS.get(chosen.template_format) if chosen.template_format else chosen
    if template is not None and _template_format(template) not in (None, wanted):
        raise UsageError(f"--template {template.name} is not a {wanted.name} template")
    return chosen


def _template_format(template: Path) -> OutputFormat[ReportRenderer] | None:
    name = template.name.lower().removesuffix(".j2").removesuffix(".jinja")
    return FORMATS.for_suffix(Path(name).suffix)


@handle_errors
def report(
    files: FilesArgument,
    meeting: Annotated[
        Path | None,
        typer.Option(
            "--meeting",
            "-m",
            help="meeting.yaml with the cover details and prose (without: placeholders).",
        ),
    ] = None,
    pledge: PledgeOption = None,
    period: PeriodOption = None,
    output_format: Annotated[str | None, format_option(FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            "-t",
            help="Your own template (see 'pledgekit templates export').",
        ),
    ] = None,
    redact: RedactOption = False,
    threshold: ThresholdOption = None,
    final: Annotated[
        bool,
        typer.Option(
            "--final",
            help="Refuse (exit 1, nothing written) while any red lacks commentary or any "
            "[to be completed] gap remains; each gap is listed.",
        ),
    ] = False,
) -> None:
    """Write the committee update report for the latest period (or --period).

    Cover details, purpose, recommendations, narratives, actions, inspection, the voice of
    children and implications come from --meeting; what it leaves out is marked [to be
    completed]. Until every red has commentary and no gap remains the report is marked DRAFT
    in every format, and the gaps are listed on stderr. Once the report is written, the run
    exits as 'pledgekit validate' would on the same inputs and settings: 1 for a red without
    commentary or any other error in the data; --final writes nothing until the report is
    complete. Nothing is written while free text
    holds personal data (exit 1), unless --redact.

    Example: pledgekit report sample_data/*.xlsx --meeting sample_data/meeting.yaml -o report.docx
    """
    from pledgekit.api import load_report
    from pledgekit.cli.data_findings import print_data_findings
    from pledgekit.cli.output import emit

    inputs = [*files, meeting, pledge, template]
    chosen = report_format(output_format, output, template, force=force, inputs=inputs)
    built, verdict, blocking = load_report(
        files,
        meeting=meeting,
        pledge=pledge,
        period=period,
        threshold=threshold,
        redact=redact,
    )
    print_data_findings([], blocking)
    if blocking:
        raise typer.Exit(1)
    if final and built.gaps:
        typer.echo(
            f"Error: --final: the report is not final; {len(built.gaps)} gap(s) remain, "
            "so nothing was written:",
            err=True,
        )
        for gap in built.gaps:
            typer.echo(f"  {gap}", err=True)
        raise typer.Exit(1)
    emit(chosen.renderer(built, template=template), output, force=force, inputs=inputs)
    if meeting is None:
        typer.echo(
            "Note: no --meeting file; meeting details are marked [to be completed].", err=True
        )
    if output is not None and str(output) != "-":
        typer.echo(f"Wrote {output}", err=True)
    if meeting is not None:  # control characters removed from meeting.yaml's text, and where
        from pledgekit.config.meeting import check_meeting

        for note in check_meeting(meeting)[1]:
            typer.echo(f"Warning: {note.location}: {note.message}", err=True)
    if built.draft:
        typer.echo(
            f"Note: the report is marked DRAFT: {len(built.gaps)} gap(s) remain "
            "(--final refuses until none do):",
            err=True,
        )
        for gap in built.gaps:
            typer.echo(f"  {gap}", err=True)
    # The report is written, but the run fails as `pledgekit validate` would on the same inputs
    # (a red without commentary is an error there): its result says so, not a rule of ours.
    code = verdict.exit_code()
    if code:
        print_data_findings(verdict.findings, [])
        from pledgekit.report.sections.exceptions import Exceptions

        reds = built.find(Exceptions)
        silent = [ex.line.ref for ex in reds.items if ex.commentary_missing] if reds else []
        why = f"red measure(s) without commentary: {', '.join(silent)}; " if silent else ""
        typer.echo(
            f"Error: {why}the report was written{' as a DRAFT' if built.draft else ''}, but the "
            f"run fails as 'pledgekit validate' does ({verdict.summary()}).",
            err=True,
        )
        if period is not None:
            typer.echo(
                "Note: 'pledgekit validate' judges every file given, later periods' too; the "
                f"paper shows only what was known at {built.period}.",
                err=True,
            )
        raise typer.Exit(code)
