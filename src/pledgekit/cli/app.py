"""The ``pledgekit`` command line: a thin Typer app over the library.

Each command lives in :mod:`pledgekit.cli`; this module wires them up and turns library
exceptions into a one-line ``Error: ...`` on stderr with exit code 2 (1 for blocked output).
Heavy modules are imported inside the commands so ``pledgekit --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pledgekit import __version__
from pledgekit.cli import (
    benchmark_command,
    collection_workbook_command,
    report_command,
    schema_command,
    scorecard_command,
    ssda903_command,
    templates_command,
    validate_command,
)

app = typer.Typer(
    name="pledgekit",
    help=(
        "Corporate-parenting indicator workbooks to RAG scorecards, committee reports and CI "
        "checks.\n\nExample: pledgekit scorecard sample_data/*.xlsx"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pledgekit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    allow_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--allow-dir",
            metavar="FOLDER",
            help="Also allow files named in pledge.yaml and meeting.yaml (published files, "
            "neighbour tables, appendices) inside FOLDER; by default only the folder of the "
            "YAML file naming them. Give it before the command; repeat for more folders.",
        ),
    ] = None,
) -> None:
    """Corporate-parenting indicator workbooks to scorecards, reports and checks."""
    from pledgekit.config.references import allow_folders

    allow_folders(allow_dir or [])  # every run sets it: nothing carries over between runs
    from pledgekit.render.terminal import fit_console

    fit_console(sys.stdout)
    fit_console(sys.stderr)


app.command("scorecard", no_args_is_help=True)(scorecard_command.scorecard)
app.command("report", no_args_is_help=True)(report_command.report)
app.command("validate", no_args_is_help=True)(validate_command.validate)
app.command("benchmark", no_args_is_help=True)(benchmark_command.benchmark)
app.command("ssda903", no_args_is_help=True)(ssda903_command.ssda903)
app.command("collection-workbook", no_args_is_help=True)(
    collection_workbook_command.collection_workbook
)
app.add_typer(templates_command.app, name="templates")
app.command("schema")(schema_command.schema)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="pledgekit")


if __name__ == "__main__":  # pragma: no cover
    main()
