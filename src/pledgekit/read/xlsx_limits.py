"""Sane limits on spreadsheet files, checked before the reader allocates anything.

python-calamine holds a sheet as a dense rectangle from its first to its last cell, 32 bytes a
cell, and aborts the whole process (no exception) when that does not fit in memory: one cell at
``XFD1048576`` in a 5 KB file asks for 512 GB. A zip bomb (a part that inflates a thousandfold)
or a bloated styles part costs gigabytes the same way. So before calamine sees a file:

- the zip's parts are checked: each part's inflated size against its compressed size
  (:data:`MAX_RATIO`), the styles part (:data:`MAX_STYLES_BYTES`), shared strings
  (:data:`MAX_STRINGS_BYTES`) and the total (:data:`MAX_TOTAL_BYTES`);
- before a sheet is read, its XML is scanned (streamed, in chunks, with byte searches that skip
  the common case) for the largest row number and column in a cell reference. A row past
  1,048,576 or a column past XFD cannot come from Excel; a rectangle of more than
  :data:`MAX_CELLS` cells (1,048,576 rows by 15 columns) is more than any council's return and
  more than fits comfortably in memory.

Each refusal is one :class:`InputError` naming the file, the sheet or part, and what was found.
Why these numbers: a council's indicator workbook has hundreds of rows and a dozen columns; the
largest national table we read (every council, every quarter, 40 measures) has 120,000 rows and
7 columns, 36 MB of sheet XML compressed about 11 to 1. The limits leave a wide margin above that
and keep peak memory under 1 GB (a sheet at the limit peaks at about 700 MB).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pledgekit.model.errors import InputError
from pledgekit.model.location import column_index, column_letter

#: Excel's own limits: nothing beyond them comes from a real spreadsheet.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
#: Largest rectangle of cells (first to last row, A to the last column) a sheet may span.
MAX_CELLS = 16_000_000
#: Largest inflated-to-compressed ratio for a part bigger than :data:`_RATIO_FLOOR` bytes.
MAX_RATIO = 150
_RATIO_FLOOR = 5_000_000
#: Largest inflated sizes.
MAX_TOTAL_BYTES = 1_500_000_000
MAX_STYLES_BYTES = 20_000_000
MAX_STRINGS_BYTES = 300_000_000

_CHUNK = 8 * 1024 * 1024
#: Where a workbook keeps its sheets: each is inflated when it is read (check_sheet), not at open.
_SHEETS = "xl/worksheets/"
_OVERLAP = 64
# Cell and row references (` r="B7"`, ` r="7"`) worth a look, as (letters, digits): a column of
# two letters or more (past Z) or a single letter past O (with at most 1,048,576 rows, A to O
# always fits the limit), a row number of seven digits or more. One search for all: in an
# ordinary sheet it finds nothing. The leading space keeps `sqref="..."` of a selection out.
_NOTABLE = re.compile(rb' r="(?=[A-Z]{2}|[P-Z]|[A-Z]{0,3}\d{7})([A-Z]*)(\d*)')
_QUICK_COLUMNS = 15
# A cell without a reference, or with another attribute before it: its column is its place.
_UNREFERENCED_START = re.compile(rb'<c(?:>| (?!r="))')
# The careful pass: every cell reference, and whether the cell has content (not `<c .../>`).
_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(/?)>')
_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*?\br="(\d+)"')
# Cells with no reference are placed one after another in their row.
_UNREFERENCED = re.compile(rb"<(?:\w+:)?c(?:>|\s(?![^>]*\br=)[^>]*>)")


def check_archive(path: Path) -> None:
    """Refuse a zip-based spreadsheet whose parts would inflate beyond the limits above.

    A file that is not a zip is left for the reader to report as damaged.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    total = 0
    for part in parts:
        size, packed = part.file_size, max(part.compress_size, 1)
        total += size
        name = part.filename
        if size > _RATIO_FLOOR and size / packed > MAX_RATIO:
            raise InputError(
                f"{path}: the part {name} inflates from {packed:,} to {size:,} bytes "
                f"({size // packed:,} to 1; a spreadsheet is rarely above 20 to 1): refused as "
                "a zip bomb; open and save the file in Excel or LibreOffice if it is genuine"
            )
        if name.endswith("styles.xml") and size > MAX_STYLES_BYTES:
            raise InputError(
                f"{path}: the styles part {name} is {size:,} bytes (at most "
                f"{MAX_STYLES_BYTES:,}); too many cell styles: clear the unused ones"
            )
        if name.endswith("sharedStrings.xml") and size > MAX_STRINGS_BYTES:
            raise InputError(
                f"{path}: the text of the workbook ({name}) is {size:,} bytes, more than "
                f"{MAX_STRINGS_BYTES:,}"
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"{path}: the file inflates to {total:,} bytes, more than {MAX_TOTAL_BYTES:,}"
        )
    # The sizes above are what the zip says; a part that inflates beyond its own is a lie the
    # reader would believe, so each part is inflated once here, stopping where it overruns.
    # Sheets are left to check_sheet, which inflates each before it is read (the reader opens
    # a sheet only when asked for it): a large sheet is inflated once for both checks.
    with path.open("rb") as raw:
        for part in parts:
            if part.filename.startswith(_SHEETS):
                continue
            if part.compress_type == zipfile.ZIP_DEFLATED and _overruns(raw, part):
                raise _overrun(path, part)


def _overrun(path: Path, part: zipfile.ZipInfo) -> InputError:
    return InputError(
        f"{path}: the part {part.filename} inflates beyond the {part.file_size:,} "
        "bytes the file declares: refused as a zip bomb (or a damaged file)"
    )


class _Overrun(Exception):
    """A deflated part gives more bytes than its declared size."""


def _inflated(raw: BinaryIO, part: zipfile.ZipInfo) -> Iterator[bytes]:
    """The deflated part's bytes, in pieces of at most about :data:`_CHUNK`, read from its local
    header on; raises :class:`_Overrun` as soon as it gives more than its declared size. A
    damaged part just ends (the reader says it is damaged)."""
    raw.seek(part.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return  # not a local header: left for the reader to call damaged
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    raw.seek(part.header_offset + 30 + name_length + extra_length)
    inflate = zlib.decompressobj(-15)
    left, produced = part.compress_size, 0
    limit = part.file_size
    try:
        while left > 0:
            packed = raw.read(min(left, 1 << 20))
            if not packed:
                return
            left -= len(packed)
            data = inflate.decompress(packed, min(_CHUNK, limit + 1 - produced))
            while True:
                produced += len(data)
                if produced > limit:
                    raise _Overrun
                if data:
                    yield data
                if not inflate.unconsumed_tail:
                    break
                data = inflate.decompress(
                    inflate.unconsumed_tail, min(_CHUNK, limit + 1 - produced)
                )
    except zlib.error:
        return  # damaged: the reader says so


def _overruns(raw: BinaryIO, part: zipfile.ZipInfo) -> bool:
    """True when the part's deflated data gives more bytes than its declared size."""
    try:
        for _ in _inflated(raw, part):
            pass
    except _Overrun:
        return True
    return False


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's bytes in chunks that overlap by a little, so no reference is cut in two.

    A deflated part is inflated here from the file itself, refusing one that gives more than
    its declared size (see :func:`check_archive`, which leaves sheets to this)."""
    info = archive.getinfo(part)
    tail = b""
    if info.compress_type != zipfile.ZIP_DEFLATED or archive.filename is None:
        with archive.open(part) as handle:
            while chunk := handle.read(_CHUNK):
                yield tail + chunk
                tail = chunk[-_OVERLAP:]
        return
    path = Path(archive.filename)
    with path.open("rb") as raw:
        try:
            for chunk in _inflated(raw, info):
                yield tail + chunk
                tail = chunk[-_OVERLAP:]
        except _Overrun:
            raise _overrun(path, info) from None


def check_sheet(path: Path, archive: zipfile.ZipFile, part: str, sheet: str) -> None:
    """Refuse a sheet whose cells span more than the limits above (see the module notes).

    A quick pass bounds the rectangle with two searches: rows below 1,000,000
    unless a reference has seven digits, columns A to O unless one names a later column. Only
    when that bound is too large (a hostile file, or a wide and tall one) does a careful pass
    look at every cell, leaving out the empty ones (``<c r="XFD9" s="1"/>``, formatting only)
    that the reader skips too.
    """
    where = f"{path}, sheet {sheet!r}"
    rows, columns, late, odd = 0, 1, False, False
    for chunk in _chunks(archive, part):
        for letters, digits in set(_NOTABLE.findall(chunk)):
            if len(digits) >= 7 and len(letters) <= 3:
                rows = max(rows, int(digits))
            if len(letters) >= 2:
                columns = max(columns, column_index(letters) + 1 if len(letters) <= 3 else 1 << 20)
            elif letters > b"O":  # one letter, past O
                late = True
        # Cheap sign of cells without a reference (or with it not first): look closer later.
        # A cell start in the chunk's last bytes may be cut short (`<c r=`): it is judged at
        # the start of the next chunk (the overlap), where it is whole. Judged here, it looked
        # unreferenced, and a chunk boundary falling there (likely in a sheet of hundreds of MB)
        # sent the sheet through the careful pass, which takes longer than reading it.
        if not odd:
            first = _UNREFERENCED_START.search(chunk)
            odd = first is not None and first.start() <= len(chunk) - len(b'<c r="')
    row_bound = rows or 999_999
    column_bound = columns if columns > 26 else (26 if late else _QUICK_COLUMNS)
    if (
        rows <= EXCEL_ROWS
        and columns <= EXCEL_COLUMNS
        and row_bound * column_bound <= MAX_CELLS
        and not odd
    ):
        return
    rows, columns = _careful_extent(archive, part)
    if columns > EXCEL_COLUMNS:
        raise InputError(
            f"{where}: a cell is beyond Excel's last column (XFD); the file was not written "
            "by a spreadsheet program"
        )
    if rows > EXCEL_ROWS:
        raise InputError(
            f"{where}: a cell is on row {rows:,}, beyond Excel's last row ({EXCEL_ROWS:,}); "
            "the file was not written by a spreadsheet program"
        )
    if rows * columns > MAX_CELLS:
        last = column_letter(columns - 1)
        raise InputError(
            f"{where}: the cells span rows 1 to {rows:,} and columns A to {last} "
            f"({rows * columns:,} cells; at most {MAX_CELLS:,}); delete the rows and columns "
            "beyond the table, or split the sheet"
        )


def _careful_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The last row and column holding a cell with content, looking at every cell."""
    rows, columns, unreferenced, row_numbers, counted = 0, 0, 0, 0, 0
    for chunk in _chunks(archive, part):
        for letters, row, empty in _CELL.findall(chunk):
            if not empty:
                rows = max(rows, int(row))
                columns = max(columns, column_index(letters) + 1 if len(letters) <= 3 else 1 << 20)
        if _UNREFERENCED.search(chunk):
            # Placed by position: as wide as the most cells in a row, as tall as the last row.
            unreferenced = max(unreferenced, len(_UNREFERENCED.findall(chunk)))
            row_numbers = max([row_numbers, *map(int, _ROW.findall(chunk))])
        counted += chunk.count(b"<row")  # rows without a number follow on from the last
    if unreferenced:
        row_numbers = max(row_numbers, counted)
    return max(rows, row_numbers), max(columns, unreferenced)


# --- OpenDocument (.ods): rows and cells repeated by count ------------------------------------
_ODS_ROW_END = b"</table:table-row>"
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*)>", re.S)
_ODS_TABLE = re.compile(rb"<table:table\b[^-]")
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>", re.S)
_ODS_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_ODS_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')


def _ods_row(attributes: bytes, body: bytes) -> tuple[int, int]:
    """(how many rows this row element stands for, columns up to its last cell with content)."""
    found = _ODS_ROWS_REPEATED.search(attributes)
    repeat = int(found[1]) if found else 1
    width = last = 0
    for match in _ODS_CELL.finditer(body):
        cells = _ODS_COLUMNS_REPEATED.search(match[1])
        width += int(cells[1]) if cells else 1
        if b"value-type" in match[1] or match[2] != b"/":
            last = width
    return repeat, last


def check_ods(path: Path, sheet: str = "") -> None:
    """Refuse an .ods whose repeated rows and cells span more than :data:`MAX_CELLS`.

    LibreOffice writes a run of identical rows or cells once with a repeat count; the reader
    expands runs that hold content, so a count of a million on a cell with a value is a sheet
    of a million cells. Empty runs (the usual trailing ones) are not counted.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        if "content.xml" not in archive.namelist():
            return
        rows = width = 0
        pending = b""
        for chunk in _chunks_plain(archive, "content.xml"):
            pending += chunk
            end = pending.rfind(_ODS_ROW_END)
            if end < 0:
                continue
            block, pending = pending[: end + len(_ODS_ROW_END)], pending[end + len(_ODS_ROW_END) :]
            for piece in block.split(_ODS_ROW_END):
                if _ODS_TABLE.search(piece):
                    rows = 0  # a new table: its rows count from the top
                start = _ODS_ROW.search(piece)
                if start is None:
                    continue
                repeat, last = _ods_row(start[1], piece[start.end() :])
                rows += repeat
                if last:
                    width = max(width, last)
                    if rows * width > MAX_CELLS or rows > EXCEL_ROWS * 16:
                        raise InputError(
                            f"{path}: repeated rows and cells make a sheet of {rows:,} rows by "
                            f"{width:,} columns (more than {MAX_CELLS:,} cells); delete the "
                            "rows and columns beyond the table"
                        )


def _chunks_plain(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    with archive.open(part) as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk
