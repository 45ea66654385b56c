"""Spreadsheet cells that cannot run: text a spreadsheet would take for a formula is neutralised."""

from __future__ import annotations

from pledgekit.model.plain_text import without_controls

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV/XLSX injection).

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe;
    control characters, which a workbook's XML cannot hold, are removed (see
    :mod:`pledgekit.model.plain_text`); numbers and plain text pass through unchanged.
    """
    if isinstance(value, str):
        value = without_controls(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value
