"""Spreadsheet cells that cannot run: text a spreadsheet would take for a formula is neutralised.

Every CSV pledgekit writes goes through :func:`csv_text`, so a commentary holding a carriage
return and ``=cmd|...`` can neither split its row nor start a live formula on the next line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from pledgekit.model.plain_text import without_controls

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A line inside a field that a spreadsheet (or a careless split on line breaks) could run.
_LINE_START = re.compile(r"(?<=\n)(?=[=+\-@\t])")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV/XLSX injection).

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe,
    and so does every line after a line break inside the text; carriage returns become line
    feeds (so a CSV writer quotes the field); control characters, which a workbook's XML cannot
    hold, are removed (see :mod:`pledgekit.model.plain_text`). Numbers and plain text pass
    through unchanged.
    """
    if isinstance(value, str):
        starts = value.startswith(_FORMULA_START)
        value = without_controls(value).replace("\r\n", "\n").replace("\r", "\n")
        value = _LINE_START.sub("'", value)
        if starts or value.startswith(_FORMULA_START):
            return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document: ``header`` then ``rows``, each cell through :func:`safe_cell`.

    Fields holding a line break, the delimiter or a quote are quoted (after :func:`safe_cell` a
    carriage return is a line feed, which Python's writer always quotes), so no row can split.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(c) for c in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()
