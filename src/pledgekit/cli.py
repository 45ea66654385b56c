"""The ``pledgekit`` command line: a thin Typer app over the library.

Each command lives in :mod:`pledgekit.commands`; this module wires them up and turns library
exceptions into a one-line ``Error: ...`` on stderr with exit code 2 (1 for blocked output).
Heavy modules are imported inside the commands so ``pledgekit --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from pledgekit import __version__
from pledgekit.commands import register_all

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
) -> None:
    """Corporate-parenting indicator workbooks to scorecards, reports and checks."""


register_all(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="pledgekit")


if __name__ == "__main__":  # pragma: no cover
    main()
