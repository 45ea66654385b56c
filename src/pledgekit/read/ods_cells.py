"""What python-calamine does not tell about an .ods sheet.

The content part is walked once for percentage-typed cells, merged (spanned) cells and error or
result-less formula cells, which calamine does not report for ODS (see
:mod:`pledgekit.read.xlsx_styles` for the same in .xlsx).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from pledgekit.model.values import Reading, ValueState
from pledgekit.read.xlsx_styles import Cell, FormatsError, MergedRange

_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_T = f"{{{_ODS_TABLE}}}"
_O = f"{{{_ODS_OFFICE}}}"
_C = f"{{{_ODS_CALCEXT}}}"


@dataclass
class OdsExtras:
    """What calamine does not say about an .ods sheet.

    ``percent``: percentage-typed cells (column -> 0-based rows); ``merged``: spanned cells;
    ``hidden``: cells calamine reads as blank that hold an error (``#DIV/0!``, which
    LibreOffice saves with an empty value) or a formula saved without a result.
    """

    percent: dict[int, set[int]] = field(default_factory=dict)
    merged: list[MergedRange] = field(default_factory=list)
    hidden: dict[Cell, Reading] = field(default_factory=dict)


def ods_cells(path: Path, sheet: str) -> OdsExtras:
    """Walk an .ods sheet's cells once for what calamine does not report (:class:`OdsExtras`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, zlib.error, OSError) as exc:
        raise FormatsError(str(exc)) from exc
    found = OdsExtras()
    if not any(mark in xml for mark in (b'"percentage"', b"-spanned=", b"table:formula=")):
        return found
    inside, row, col = False, 0, 0
    try:
        for event, el in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
            if el.tag == f"{_T}table":
                if event == "end" and inside:
                    break
                inside = event == "start" and el.get(f"{_T}name") == sheet
                continue
            if not inside or event != "end":
                continue
            if el.tag == f"{_T}table-row":
                row += int(el.get(f"{_T}number-rows-repeated", "1"))
                col = 0
                el.clear()
            elif el.tag in (f"{_T}table-cell", f"{_T}covered-table-cell"):
                repeat = int(el.get(f"{_T}number-columns-repeated", "1"))
                _ods_cell(el, row, col, repeat, found)
                col += repeat
    except (ElementTree.ParseError, ValueError) as exc:
        raise FormatsError(f"content.xml: {exc}") from exc
    return found


def _ods_cell(el: ElementTree.Element, row: int, col: int, repeat: int, found: OdsExtras) -> None:
    if el.get(f"{_O}value-type") == "percentage":
        for c in range(col, col + repeat):
            found.percent.setdefault(c, set()).add(row)
    rows = int(el.get(f"{_T}number-rows-spanned", "1"))
    spread = int(el.get(f"{_T}number-columns-spanned", "1"))
    if rows > 1 or spread > 1:
        found.merged.append(((row, col), (row + rows - 1, col + spread - 1)))
    formula = el.get(f"{_T}formula")
    if formula is None:
        return
    reading = None
    if el.get(f"{_C}value-type") == "error":
        reading = Reading(ValueState.INVALID, raw="".join(el.itertext()).strip() or "#VALUE!")
    elif el.get(f"{_O}value-type") is None:
        shown = "=" + formula.partition(":")[2] if formula.startswith("of:") else formula
        reading = Reading(ValueState.NO_CACHED_VALUE, raw=shown)
    if reading is not None:
        for c in range(col, col + repeat):
            found.hidden[row, c] = reading
