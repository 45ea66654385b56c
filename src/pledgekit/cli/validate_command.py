"""``pledgekit validate``: check the definition and workbooks, for people and for CI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pledgekit.cli.options import (
    ForceOption,
    OutputOption,
    PledgeOption,
    format_option,
    handle_errors,
)
from pledgekit.read.input_formats import SUFFIXES
from pledgekit.render.findings.formats import FORMATS

if TYPE_CHECKING:
    from pledgekit.checks.result import ValidationReport


CodesOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Finding codes, comma-separated or repeated (replaces pledge.yaml's setting).",
        metavar="CODES",
        show_default=False,
    ),
]


@handle_errors
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help=f"Workbooks ({', '.join(SUFFIXES)}); a .yaml among them is the definition.",
            show_default=False,
        ),
    ] = None,
    pledge: PledgeOption = None,
    output_format: Annotated[str | None, format_option(FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    select: CodesOption = None,
    ignore: CodesOption = None,
    strict: Annotated[
        bool | None,
        typer.Option(
            "--strict/--no-strict",
            help="Fail on warnings too (default: pledge.yaml's validation.strict, else no).",
            show_default=False,
        ),
    ] = None,
    max_findings: Annotated[
        int | None,
        typer.Option(help="Show at most this many findings (counts include the rest).", min=1),
    ] = None,
) -> None:
    """Check the pledge definition and every workbook; list every problem with its cell.

    Exit code 0 when clean, 1 when there are errors (or warnings with --strict), 2 when an input
    cannot be read or the command is misused. Settings in the `validation:` section of
    pledge.yaml apply unless a flag here says otherwise.

    Example: pledgekit validate sample_data/*.xlsx --format github
    """
    from pledgekit.api import validate as run_validation
    from pledgekit.cli.output import choose_output
    from pledgekit.model.codes import BAD_YAML, UNREADABLE_FILE

    inputs = [*(files or []), pledge]
    chosen = choose_output(FORMATS, output_format, output, force=force, inputs=inputs)
    report = run_validation(
        files or [],
        pledge=pledge,
        select=select,
        ignore=ignore,
        strict=strict,
        max_findings=max_findings,
    )
    messages = {
        f.location.file: f.message if f.code == UNREADABLE_FILE else f"{f.location}: {f.message}"
        for f in report.findings
        if f.code in (UNREADABLE_FILE, BAD_YAML)
    }
    for name in report.unreadable:
        typer.echo(f"Error: {messages.get(name, f'{name}: cannot be read')}", err=True)
    _emit(report, chosen.name, output, force, inputs)
    raise typer.Exit(report.exit_code())


def _emit(
    report: ValidationReport,
    name: str,
    output: Path | None,
    force: bool,
    inputs: list[Path | None],
) -> None:
    from pledgekit.cli.output import emit, is_stdout

    if name == "github":
        _step_summary(report)
    if name == "text" and is_stdout(output):
        from pledgekit.render.findings.text import render_text
        from pledgekit.render.terminal import wants_colour

        emit(render_text(report, colour=wants_colour()), output)
        return
    emit(FORMATS.get(name).renderer(report), output, force=force, inputs=inputs)


def _step_summary(report: ValidationReport) -> None:
    """Inside GitHub Actions, add the full Markdown report to the job's step summary.

    The runner gives each step a file to append to ($GITHUB_STEP_SUMMARY); annotations show only
    10 findings of each kind, and the summary is where the rest are.
    """
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from pledgekit.render.findings.markdown import render_markdown

    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(render_markdown(report))
    except OSError as exc:
        typer.echo(f"warning: cannot write the step summary to {target}: {exc}", err=True)
