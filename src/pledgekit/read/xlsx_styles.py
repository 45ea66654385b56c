"""What python-calamine does not tell: percent-formatted cells, formulas without results, errors.

calamine gives cell values only. A cell showing 36% holds 0.36, a formula saved by a program that
does not calculate (openpyxl, many exporters) holds no result, and an Excel error (``#DIV/0!``)
comes back as a blank. All three would be read wrongly without a look at the file itself.

For .xlsx/.xlsm the styles part (small) is parsed to find the cell styles with a percent number
format; the sheet XML (possibly tens of MB) is only scanned with byte regexes restricted to the
columns asked about, and only when the styles or markers it looks for exist at all.
Limitation: cells are found by their ``r="B7"`` attribute written first in ``<c>``, as Excel,
LibreOffice, openpyxl and XlsxWriter write it; a writer that omits ``r`` or reorders it is not seen.

The same for .ods files is in :mod:`pledgekit.read.ods_cells`.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from xml.etree import ElementTree

from pledgekit.model.location import column_index, column_letter
from pledgekit.model.values import Reading, ValueState
from pledgekit.read.xlsx_limits import check_sheet

Cell = tuple[int, int]  # 0-based (row, column)
MergedRange = tuple[Cell, Cell]  # top-left and bottom-right, inclusive

_BUILTIN_PERCENT = frozenset({9, 10})  # 0% and 0.00% in the OOXML built-in formats
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b")


class FormatsError(ValueError):
    """The file's XML cannot be read: it is damaged."""


def is_percent_format(code: str) -> bool:
    """True when an Excel number format shows numbers times 100 with a percent sign.

    A ``%`` in quotes, escaped with a backslash or inside ``[...]`` is literal text, not scaling.
    """
    return "%" in _FORMAT_LITERALS.sub("", code)


def _letters(index: int) -> bytes:
    return column_letter(index).encode()


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class XlsxFile:
    """The parts of an .xlsx/.xlsm that calamine does not expose. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
            self._percent_styles = self._read_percent_styles()
            self._sheet_parts = self._read_sheet_parts()
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError) as exc:
            raise FormatsError(str(exc)) from exc
        self._xml: dict[str, bytes] = {}

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

    def _read_percent_styles(self) -> list[bytes]:
        if "xl/styles.xml" not in self._zip.namelist():
            return []  # the styles part is optional: everything is General
        root = ElementTree.fromstring(self._zip.read("xl/styles.xml"))
        custom = {
            int(el.get("numFmtId", "-1")): el.get("formatCode", "")
            for el in root.iter()
            if _local(el.tag) == "numFmt"
        }
        styles: list[bytes] = []
        for group in root:
            if _local(group.tag) != "cellXfs":
                continue
            for index, xf in enumerate(el for el in group if _local(el.tag) == "xf"):
                fmt = int(xf.get("numFmtId", "0"))
                if fmt in _BUILTIN_PERCENT or is_percent_format(custom.get(fmt, "")):
                    styles.append(str(index).encode())
        return styles

    def _read_sheet_parts(self) -> dict[str, str]:
        book = ElementTree.fromstring(self._zip.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(self._zip.read("xl/_rels/workbook.xml.rels"))
        targets = {el.get("Id"): el.get("Target", "") for el in rels}
        parts: dict[str, str] = {}
        for el in book.iter():
            if _local(el.tag) == "sheet":
                # r:id, whichever relationships namespace (transitional or strict) it is in.
                rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
                target = targets.get(rid, "")
                if target.startswith("/"):
                    parts[el.get("name", "")] = target.lstrip("/")
                elif target:
                    parts[el.get("name", "")] = posixpath.normpath(posixpath.join("xl", target))
        return parts

    def _sheet_xml(self, sheet: str) -> bytes:
        if sheet not in self._xml:
            part = self._sheet_parts.get(sheet)
            try:
                self._xml[sheet] = self._zip.read(part) if part else b""
            except (KeyError, zipfile.BadZipFile, zlib.error, OSError) as exc:
                raise FormatsError(f"sheet {sheet!r}: {exc}") from exc
        return self._xml[sheet]

    def _prefix(self, sheet: str) -> bytes:
        """``<c r="`` as this sheet writes it (some writers use a namespace prefix, ``<x:c``).

        A literal start lets the regex engine skip ahead quickly through tens of MB of XML.
        """
        xml = self._sheet_xml(sheet)
        match = _SHEET_DATA.search(xml)
        return b"<" + ((match[1] if match else None) or b"") + b'c r="'

    def percent_cells(self, sheet: str, columns: Iterable[int]) -> dict[int, set[int]]:
        """Cells of ``sheet`` in ``columns`` whose number format is a percentage.

        Returns column -> set of 0-based rows, for the columns that have any.
        """
        if not self._percent_styles:
            return {}
        xml, start = self._sheet_xml(sheet), re.escape(self._prefix(sheet))
        styles = b"|".join(self._percent_styles)
        found: dict[int, set[int]] = {}
        for col in sorted(set(columns)):
            # One scan per column: findall and int() over plain matches stay in C.
            pattern = re.compile(start + _letters(col) + rb'(\d+)"[^>]*?\ss="(?:' + styles + rb')"')
            rows = {n - 1 for n in map(int, pattern.findall(xml))}
            if rows:
                found[col] = rows
        return found

    def hidden_cells(self, sheet: str, columns: Iterable[int]) -> dict[Cell, Reading]:
        """Cells in ``columns`` that calamine reads as blank but are not.

        A formula with no saved result becomes ``NO_CACHED_VALUE`` (raw: the formula), an Excel
        error value becomes ``INVALID`` (raw: ``#DIV/0!`` ...). Formulas whose saved result is an
        empty string are really blank and are left out.
        """
        cols = sorted(set(columns))
        xml = self._sheet_xml(sheet)
        found: dict[Cell, Reading] = {}
        if not cols or (b"<f" not in xml and b":f" not in xml and b't="e"' not in xml):
            return found
        start = re.escape(self._prefix(sheet)) + b"(" + b"|".join(map(_letters, cols)) + rb')(\d+)"'
        formula = re.compile(
            start + rb"([^>]*)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)"
            rb"\s*(?:<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>|<(?:\w+:)?v\s*/>)?"
        )
        for m in formula.finditer(xml):
            cell = (int(m[2]) - 1, column_index(m[1]))
            attrs, text, cached = m[3], m[4], m[5]
            if b't="e"' in attrs and cached:
                found[cell] = Reading(ValueState.INVALID, raw=cached.decode())
            elif not cached and b't="str"' not in attrs:
                shown = (
                    "=" + html.unescape(text.decode())
                    if text
                    else "(formula shared from another cell)"
                )
                found[cell] = Reading(ValueState.NO_CACHED_VALUE, raw=shown)
        if b't="e"' in xml:
            error = re.compile(start + rb'[^>]*?\st="e"[^>]*>\s*<(?:\w+:)?v>([^<]*)</')
            for m in error.finditer(xml):
                cell = (int(m[2]) - 1, column_index(m[1]))
                found[cell] = Reading(ValueState.INVALID, raw=html.unescape(m[3].decode()))
        return found
