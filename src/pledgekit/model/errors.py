"""Exceptions for conditions pledgekit cannot continue from.

Only the CLI turns these into a one-line ``Error: ...`` and an exit code; the library raises them.
Problems in the data that can be listed and carried on from are findings, not exceptions.
"""

from __future__ import annotations


class PledgekitError(Exception):
    """Base class: pledgekit cannot go on with this input."""

    exit_code = 2


class UsageError(PledgekitError):
    """The command was asked for something that does not make sense."""


class DefinitionError(PledgekitError):
    """The pledge definition (or meeting file) cannot be read or is not valid."""


class InputError(PledgekitError):
    """A workbook cannot be read: missing, not a spreadsheet, or without the required columns."""


class TemplateError(PledgekitError):
    """A report template is missing or fails to render."""


class OutputError(PledgekitError):
    """An output file cannot be written (exists without --force, or the folder is not writable)."""


class ToolError(PledgekitError):
    """A program pledgekit needs (LibreOffice for a PDF) is missing or failed."""
