"""The ``pledgekit`` command line: a thin Typer app over :mod:`pledgekit.api`.

One module per command; :mod:`pledgekit.cli.app` wires them up. Commands parse options, call the
API, render through the output registries and set exit codes; nothing else.
"""

from __future__ import annotations

from pledgekit.cli.app import app, main

__all__ = ["app", "main"]
