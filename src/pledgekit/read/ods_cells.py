"""What python-calamine does not tell about an .ods sheet.

The content part is parsed once, as it is inflated (:mod:`~pledgekit.read.xml_stream`), for
percentage-typed cells, merged (spanned) cells and error or result-less formula cells, which
calamine does not report for ODS (see :mod:`pledgekit.read.xlsx_styles` for the same in .xlsx).
Repeat and span counts were bounded before calamine opened the file
(:func:`~pledgekit.read.xlsx_limits.check_ods`).
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pledgekit.model.values import Reading, ValueState
from pledgekit.read import xml_stream
from pledgekit.read.xlsx_limits import inflate, ods_count
from pledgekit.read.xlsx_styles import Cell, FormatsError, MergedRange

_TABLE, _ROW = "table:table", "table:table-row"
_CELLS = frozenset({"table:table-cell", "table:covered-table-cell"})


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


class _Done(Exception):
    """The sheet asked for has ended: the rest of the file is not parsed."""


def ods_cells(path: Path, sheet: str) -> OdsExtras:
    """Walk an .ods sheet's cells once for what calamine does not report (:class:`OdsExtras`)."""
    walk = _OdsWalk(sheet, f"{path}, sheet {sheet!r}")
    try:
        with zipfile.ZipFile(path) as archive:
            xml_stream.parse(inflate(archive, "content.xml"), walk.start, walk.end, walk.text)
    except _Done:
        pass
    except (zipfile.BadZipFile, KeyError, zlib.error, OSError) as exc:
        raise FormatsError(str(exc)) from exc
    except xml_stream.XmlError as exc:
        raise FormatsError(f"content.xml: {exc}") from exc
    return walk.found


class _OdsWalk:
    """Handlers for the parse: the cells of the table named ``sheet``, into :attr:`found`."""

    def __init__(self, sheet: str, where: str) -> None:
        self.sheet, self.where = sheet, where
        self.found = OdsExtras()
        self.inside = False
        self.row = self.col = 0
        self.rows_repeated = 1
        self.cell: dict[str, str] | None = None  # the open cell's attributes
        self.words: list[str] = []  # the open cell's text

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _TABLE:
            self.inside = attrs.get("table:name") == self.sheet
        elif not self.inside:
            return
        elif name in _CELLS:
            self.cell, self.words = attrs, []
        elif name == _ROW:
            self.rows_repeated = ods_count(attrs, "table:number-rows-repeated", self.where)
            self.col = 0

    def text(self, characters: str) -> None:
        if self.cell is not None:
            self.words.append(characters)

    def end(self, name: str) -> None:
        if not self.inside:
            return
        if name in _CELLS and self.cell is not None:
            repeat = ods_count(self.cell, "table:number-columns-repeated", self.where)
            self._cell(self.cell, repeat)
            self.col += repeat
            self.cell = None
        elif name == _ROW:
            self.row += self.rows_repeated
        elif name == _TABLE:
            raise _Done

    def _cell(self, attrs: dict[str, str], repeat: int) -> None:
        row, col, found = self.row, self.col, self.found
        if attrs.get("office:value-type") == "percentage":
            for c in range(col, col + repeat):
                found.percent.setdefault(c, set()).add(row)
        down = ods_count(attrs, "table:number-rows-spanned", self.where)
        spread = ods_count(attrs, "table:number-columns-spanned", self.where)
        if down > 1 or spread > 1:
            found.merged.append(((row, col), (row + down - 1, col + spread - 1)))
        formula = attrs.get("table:formula")
        if formula is None:
            return
        reading = None
        if attrs.get("calcext:value-type") == "error":
            reading = Reading(ValueState.INVALID, raw="".join(self.words).strip() or "#VALUE!")
        elif attrs.get("office:value-type") is None:
            shown = "=" + formula.partition(":")[2] if formula.startswith("of:") else formula
            reading = Reading(ValueState.NO_CACHED_VALUE, raw=shown)
        if reading is not None:
            for c in range(col, col + repeat):
                found.hidden[row, c] = reading
