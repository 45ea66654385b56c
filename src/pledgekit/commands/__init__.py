"""One module per command; :func:`register_all` adds them to the app."""

from __future__ import annotations

import typer

from pledgekit.commands import schema, scorecard


def register_all(app: typer.Typer) -> None:
    """Register every command on ``app``."""
    app.command("scorecard", no_args_is_help=True)(scorecard.scorecard)
    app.command("schema")(schema.schema)
