"""What python-calamine does not tell: percent-formatted cells, formulas without results, errors.

calamine gives cell values only. A cell showing 36% holds 0.36, a formula saved by a program that
does not calculate (openpyxl, many exporters) holds no result, and an Excel error (``#DIV/0!``)
comes back as a blank. All three would be read wrongly without a look at the file itself.

For .xlsx/.xlsm the styles part is parsed to find the cell styles with a percent number format;
the sheet XML (possibly hundreds of MB) is parsed as it is inflated
(:mod:`~pledgekit.read.xml_stream`), once per sheet and only when it can hold what is looked
for: percent-styled cells when the styles have a percent format, formulas and errors when the
bytes show a formula or an error type. A cell is placed by its ``r`` reference wherever that
is written in the tag, or by its position when it has none, as the reader places it.

The same for .ods files is in :mod:`pledgekit.read.ods_cells`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from pledgekit.model.values import Reading, ValueState
from pledgekit.read import xml_stream
from pledgekit.read.xlsx_limits import SheetCursor, check_sheet, inflate, whole_tags

Cell = tuple[int, int]  # 0-based (row, column)
MergedRange = tuple[Cell, Cell]  # top-left and bottom-right, inclusive

_BUILTIN_PERCENT = frozenset({9, 10})  # 0% and 0.00% in the OOXML built-in formats
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
# Bytes without which a sheet holds no formula (`<f>`, `<x:f>`) and no error type (`t="e"`,
# however quoted or spaced; `&#` for one written as a character reference): no parse needed.
_FORMULA_MARKS = (b"<f", b":f", b'"e"', b"'e'", b"&#")


class FormatsError(ValueError):
    """The file's XML cannot be read: it is damaged."""


def is_percent_format(code: str) -> bool:
    """True when an Excel number format shows numbers times 100 with a percent sign.

    A ``%`` in quotes, escaped with a backslash or inside ``[...]`` is literal text, not scaling.
    """
    return "%" in _FORMAT_LITERALS.sub("", code)


def _local(name: str) -> str:
    return name.rpartition(":")[2]


@dataclass
class _SheetCells:
    """What one parse of a sheet found: percent-styled cells and cells calamine reads blank."""

    percent: dict[int, set[int]] = field(default_factory=dict)
    hidden: dict[Cell, Reading] = field(default_factory=dict)


class XlsxFile:
    """The parts of an .xlsx/.xlsm that calamine does not expose. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
            self._percent_styles = self._read_percent_styles()
            self._sheet_parts = self._read_sheet_parts()
        except (zipfile.BadZipFile, KeyError, xml_stream.XmlError, OSError, ValueError) as exc:
            raise FormatsError(str(exc)) from exc
        self._cells: dict[str, _SheetCells] = {}

    def __enter__(self) -> XlsxFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._zip.close()

    def check_size(self, sheet: str) -> None:
        """Refuse the sheet before it is read if its cells span more than is sane.

        See :mod:`pledgekit.read.xlsx_limits`; raises :class:`InputError`.
        """
        part = self._sheet_parts.get(sheet)
        if part is not None and part in self._zip.namelist():
            check_sheet(self.path, self._zip, part, sheet)

    def _part(self, name: str) -> Iterator[bytes]:
        return inflate(self._zip, name)

    def _read_percent_styles(self) -> frozenset[str]:
        """The indices (as written in ``s="..."``) of the cell styles showing percentages."""
        if "xl/styles.xml" not in self._zip.namelist():
            return frozenset()  # the styles part is optional: everything is General
        custom: dict[str, str] = {}
        formats: list[str] = []  # each cell style's number format, in order
        depth = 0  # inside <cellXfs> while positive

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal depth
            tag = _local(name)
            if tag == "numFmt":
                custom[attrs.get("numFmtId", "")] = attrs.get("formatCode", "")
            elif tag == "cellXfs":
                depth = 1
            elif depth:
                depth += 1
                if tag == "xf" and depth == 2:
                    formats.append(attrs.get("numFmtId", "0"))

        def end(name: str) -> None:
            nonlocal depth
            if depth:
                depth -= 1

        xml_stream.parse(self._part("xl/styles.xml"), start, end)
        return frozenset(
            str(index)
            for index, fmt in enumerate(formats)
            if (fmt.isdigit() and int(fmt) in _BUILTIN_PERCENT)
            or is_percent_format(custom.get(fmt, ""))
        )

    def _read_sheet_parts(self) -> dict[str, str]:
        targets: dict[str, str] = {}
        sheets: list[tuple[str, str | None]] = []

        def relationship(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship":
                targets[attrs.get("Id", "")] = attrs.get("Target", "")

        def sheet(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "sheet":
                # r:id, whichever relationships namespace (transitional or strict) it is in.
                rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
                sheets.append((attrs.get("name", ""), rid))

        xml_stream.parse(self._part("xl/_rels/workbook.xml.rels"), relationship)
        xml_stream.parse(self._part("xl/workbook.xml"), sheet)
        parts: dict[str, str] = {}
        for title, rid in sheets:
            target = targets.get(rid or "", "")
            if target.startswith("/"):
                parts[title] = target.lstrip("/")
            elif target:
                parts[title] = posixpath.normpath(posixpath.join("xl", target))
        return parts

    def _sheet_cells(self, sheet: str) -> _SheetCells:
        """The sheet parsed once (when it can hold anything looked for), kept for the next ask."""
        if sheet not in self._cells:
            part = self._sheet_parts.get(sheet)
            try:
                self._cells[sheet] = self._scan(part) if part else _SheetCells()
            except (KeyError, zipfile.BadZipFile, zlib.error, OSError) as exc:
                raise FormatsError(f"sheet {sheet!r}: {exc}") from exc
            except xml_stream.XmlError as exc:
                raise FormatsError(f"sheet {sheet!r}: {exc}") from exc
        return self._cells[sheet]

    def _scan(self, part: str) -> _SheetCells:
        # Regions that begin and end before a `<` (whole_tags): no mark is cut in two; None is
        # a stretch too long to judge, so the sheet is parsed.
        formulas = any(
            region is None or any(region[0].find(mark, *region[1:]) >= 0 for mark in _FORMULA_MARKS)
            for region in whole_tags(self._zip, part)
        )
        found = _SheetCells()
        if not self._percent_styles and not formulas:
            return found
        scan = _CellScan(self._percent_styles, found)
        if formulas:
            xml_stream.parse(self._part(part), scan.start, scan.end, scan.text)
        else:
            xml_stream.parse(self._part(part), scan.start)
        return found

    def percent_cells(self, sheet: str, columns: Iterable[int]) -> dict[int, set[int]]:
        """Cells of ``sheet`` in ``columns`` whose number format is a percentage.

        Returns column -> set of 0-based rows, for the columns that have any.
        """
        if not self._percent_styles:
            return {}
        percent = self._sheet_cells(sheet).percent
        return {col: percent[col] for col in set(columns) if col in percent}

    def hidden_cells(self, sheet: str, columns: Iterable[int]) -> dict[Cell, Reading]:
        """Cells in ``columns`` that calamine reads as blank but are not.

        A formula with no saved result becomes ``NO_CACHED_VALUE`` (raw: the formula), an Excel
        error value becomes ``INVALID`` (raw: ``#DIV/0!`` ...). Formulas whose saved result is an
        empty string are really blank and are left out.
        """
        cols = set(columns)
        if not cols:
            return {}
        hidden = self._sheet_cells(sheet).hidden
        return {cell: reading for cell, reading in hidden.items() if cell[1] in cols}


class _CellScan:
    """Handlers for one parse of a sheet, filling a :class:`_SheetCells`."""

    def __init__(self, percent_styles: frozenset[str], found: _SheetCells) -> None:
        self.styles, self.found = percent_styles, found
        self.cursor = SheetCursor()
        self.cell: Cell = (0, 0)
        self.kind: str | None = None  # the cell's t="..." type
        self.formula: list[str] | None = None  # the formula's text, when the cell has one
        self.cached: list[str] | None = None  # the saved value's text, when it has one
        self.into: list[str] | None = None  # where text goes now

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "c":
            row, col = self.cursor.cell(attrs)
            self.cell = (row - 1, col - 1)
            self.kind, self.formula, self.cached, self.into = attrs.get("t"), None, None, None
            if attrs.get("s") in self.styles:
                self.found.percent.setdefault(col - 1, set()).add(row - 1)
        elif tag == "row":
            self.cursor.row(attrs)
        elif tag == "f":
            self.formula = self.into = []
        elif tag == "v":
            self.cached = self.into = []

    def text(self, characters: str) -> None:
        if self.into is not None:
            self.into.append(characters)

    def end(self, name: str) -> None:
        tag = _local(name)
        if tag in ("f", "v"):
            self.into = None
        elif tag == "c":
            self._judge()

    def _judge(self) -> None:
        """A cell has closed: is it one calamine reads as blank but is not?"""
        cached = "".join(self.cached) if self.cached is not None else ""
        if self.kind == "e" and cached:
            self.found.hidden[self.cell] = Reading(ValueState.INVALID, raw=cached)
        elif self.formula is not None and not cached and self.kind != "str":
            text = "".join(self.formula)
            shown = "=" + text if text else "(formula shared from another cell)"
            self.found.hidden[self.cell] = Reading(ValueState.NO_CACHED_VALUE, raw=shown)
