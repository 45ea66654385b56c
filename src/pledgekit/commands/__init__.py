"""One module per command; :func:`register_all` adds them to the app."""

from __future__ import annotations

import typer

from pledgekit.commands import report as report_command
from pledgekit.commands import schema, scorecard
from pledgekit.commands import template as template_command
from pledgekit.commands import templates as templates_command
from pledgekit.commands import validate as validate_command


def register_all(app: typer.Typer) -> None:
    """Register every command on ``app``."""
    app.command("scorecard", no_args_is_help=True)(scorecard.scorecard)
    app.command("report", no_args_is_help=True)(report_command.report)
    app.command("validate", no_args_is_help=True)(validate_command.validate)
    app.command("template")(template_command.template)
    app.add_typer(templates_command.app, name="templates")
    app.command("schema")(schema.schema)
