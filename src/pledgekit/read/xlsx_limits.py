"""Sane limits on spreadsheet files, checked before the reader allocates anything.

python-calamine holds a sheet as a dense rectangle from its first to its last cell, 32 bytes a
cell, and aborts the whole process (no exception) when that does not fit in memory: one cell at
``XFD1048576`` in a 5 KB file asks for 512 GB. A zip bomb (a part that inflates a thousandfold)
or a bloated styles part costs gigabytes the same way. So before calamine sees a file:

- the zip's parts are checked: each part's inflated size against its compressed size
  (:data:`MAX_RATIO`), the styles part (:data:`MAX_STYLES_BYTES`), shared strings
  (:data:`MAX_STRINGS_BYTES`) and the total (:data:`MAX_TOTAL_BYTES`);
- before a sheet is read, the largest row and column holding a cell are found: the sheet's XML
  is parsed as it is inflated (:mod:`~pledgekit.read.xml_stream`), unless a look at its bytes
  proves it ordinary first (see :func:`check_sheet`). A row past 1,048,576 or a column past
  XFD cannot come from Excel; a rectangle of more than :data:`MAX_CELLS` cells (1,048,576 rows
  by 15 columns) is more than any council's return and more than fits comfortably in memory;
- an .ods is parsed for its repeated rows and cells, and for merged cells spanning beyond
  Excel's last row or column (:func:`check_ods`).

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
from typing import BinaryIO, NamedTuple

from pledgekit.model.errors import InputError
from pledgekit.model.location import column_index, column_letter
from pledgekit.read import xml_stream

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
# The byte look that spares ordinary sheets the parse (_plain_bound). Cell and row references
# (` r="B7"`, ` r="7"`) that are not plainly small: not one letter A to O (with at most 1,048,576
# rows, A to O always fits the limit) or none, and up to six digits. In an ordinary sheet it
# finds nothing. The leading space keeps `sqref="..."` of a selection out.
# (A value runs to its closing quote: a `>` in it, which XML allows, makes it not plain.)
_NOTABLE = re.compile(rb' r="(?![A-O]?\d{1,6}")([^"<]*)')
_PLAIN_REF = re.compile(rb"([A-Z]{0,3})(\d{1,7})")
_QUICK_COLUMNS = 15
# A cell tag not written `<c r="` and a capital letter (its place by position, its reference
# written otherwise or without a column), and a cell or row tag with a namespace prefix (`<x:c`):
# both are left to the parser.
_ODD_CELL = re.compile(rb'<c(?:[\t\n\r/>]| (?!r="[A-Z]))')
_PREFIXED_CELL = re.compile(rb":(?:c|row)[\t\n\r />]")
# Likewise a row tag with attributes but not written `<row r="`: a row number written otherwise
# (`r= "7"`, `r='7'`, after another attribute) would escape the look at references.
_ODD_ROW = re.compile(rb'<row(?:[\t\n\r/]| (?!r="))')
# The part's first tag, when the bytes are UTF-8 as Excel writes them: an XML declaration naming
# no encoding or UTF-8, or a tag (`<` then neither `?` nor a NUL: UTF-16 writes a NUL beside every
# ASCII character, and its byte-order mark comes before the `<`). Any other encoding is for the
# parser, which decodes it: the byte look reads ASCII bytes only.
_PSEUDO = rb"""\s+(?:version|standalone)\s*=\s*(?:"[^"]*"|'[^']*')"""
_UTF8 = rb"""\s+encoding\s*=\s*(?:"(?i:utf-8)"|'(?i:utf-8)')"""
_UTF8_START = re.compile(rb"<[^?\0]|<\?xml(?:%s)*(?:%s)?(?:%s)*\s*\?>" % (_PSEUDO, _UTF8, _PSEUDO))
_UTF8_BOM = b"\xef\xbb\xbf"
# A cell reference once parsed (any case; spaces around are allowed in XML's eyes).
_CELL_CONTENT = frozenset({"v", "f", "is"})
_REFERENCE = re.compile(r"\s*([A-Za-z]+)(\d+)\s*")


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


def inflate(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's bytes, in chunks of at most about :data:`_CHUNK`.

    A deflated part is inflated here from the file itself, refusing one that gives more than
    its declared size (see :func:`check_archive`, which leaves sheets to this)."""
    info = archive.getinfo(part)
    if info.compress_type != zipfile.ZIP_DEFLATED or archive.filename is None:
        with archive.open(part) as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk
        return
    path = Path(archive.filename)
    with path.open("rb") as raw:
        try:
            yield from _inflated(raw, info)
        except _Overrun:
            raise _overrun(path, info) from None


#: A stretch of the part's bytes, ``data[start:end]``, holding whole tags only.
Region = tuple[bytes, int, int]


def whole_tags(archive: zipfile.ZipFile, part: str) -> Iterator[Region | None]:
    """The part's bytes as regions that begin and end just before a ``<`` (or at the part's
    ends), so that no tag is ever cut in two: ``<`` cannot occur inside a tag of well-formed
    XML. ``None`` for a stretch of more than two chunks without one, which no byte test can
    judge. Each chunk is looked at where it lies (``pos``/``endpos`` of a search), not copied;
    only the few bytes around each chunk boundary are."""
    carry = b""
    for chunk in inflate(archive, part):
        first = chunk.find(b"<")
        if first < 0:
            carry += chunk
            if len(carry) > 2 * _CHUNK:
                yield None
                return
            continue
        last = chunk.rfind(b"<")
        seam = carry + chunk[:first]
        yield seam, 0, len(seam)
        yield chunk, first, last
        carry = chunk[last:]
    yield carry, 0, len(carry)


class Extent(NamedTuple):
    """The last row and column (1-based) holding a cell, with where that cell is."""

    rows: int
    columns: int


def check_sheet(path: Path, archive: zipfile.ZipFile, part: str, sheet: str) -> None:
    """Refuse a sheet whose cells span more than the limits above (see the module notes).

    The sheet's XML is parsed (:func:`sheet_extent`) unless a look at its bytes proves it
    ordinary (:func:`_plain_bound`): every cell tag written ``<c r="...`` and every reference
    within rows 1 to 999,999 and columns A to O, or a bound that is within the limits anyway.
    That look costs a fraction of a parse on the national tables; a file it cannot vouch for
    (a far cell, a cell without its reference first, a reference in single quotes, a tag cut
    by nothing but its own length) is parsed, and the parse decides.
    """
    if _plain_bound(archive, part):
        return
    where = f"{path}, sheet {sheet!r}"
    try:
        extent = _careful_extent(archive, part)
    except xml_stream.XmlError as exc:
        raise InputError(f"{where}: {exc}") from None
    check_extent(where, extent)


def check_extent(where: str, extent: Extent) -> None:
    """Raise :class:`InputError` when ``extent`` is beyond Excel or beyond :data:`MAX_CELLS`."""
    rows, columns = extent
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


def _plain_bound(archive: zipfile.ZipFile, part: str) -> bool:
    """True when the sheet's bytes alone prove its cells within the limits.

    Sound, not exact: the part must be UTF-8 (it starts with ``<``, after UTF-8's byte-order
    mark at most, and an XML declaration names no other encoding), every cell start tag (``<c``,
    or ``<x:c`` with a prefix) must be ``<c r="`` followed by a reference that starts with a
    column letter, and each reference (of a cell or row) that is not plainly small (``[A-O]?``
    and up to six digits) must be letters and up to seven digits: from those the rectangle is
    bounded. Anything else (another encoding, a cell placed by position, a reference in single
    quotes, with spaces, entities, ``>`` or lower case, a prefixed cell) is for the parser.
    The regions begin and end before a ``<`` (:func:`whole_tags`): no chunk boundary hides a tag.
    tests/test_xlsx_byte_look.py checks this claim against the parse, differentially.
    """
    rows, columns, late, started = 0, 1, False, False
    for index, region in enumerate(whole_tags(archive, part)):
        if region is None:
            return False
        data, start, end = region
        # The first region is what comes before the first `<` (nothing, or UTF-8's byte-order
        # mark), the second starts at it: the encoding shows there.
        if index == 0 and data[start:end] not in (b"", _UTF8_BOM):
            return False
        if index == 1:
            started = _UTF8_START.match(data, start) is not None
            if not started:
                return False
        if (
            data.find(b"<!", start, end) >= 0  # a DTD (entities), a comment or CDATA
            or _ODD_CELL.search(data, start, end)
            or _ODD_ROW.search(data, start, end)
            or _PREFIXED_CELL.search(data, start, end)
        ):
            return False
        for value in _NOTABLE.findall(data, start, end):
            found = _PLAIN_REF.fullmatch(value)
            if found is None:
                return False
            letters, digits = found.groups()
            rows = max(rows, int(digits))
            if len(letters) >= 2:
                columns = max(columns, column_index(letters) + 1)
            elif letters > b"O":  # one letter, past O
                late = True
    row_bound = max(rows, 999_999)
    column_bound = columns if columns > 26 else (26 if late else _QUICK_COLUMNS)
    return (
        started
        and rows <= EXCEL_ROWS
        and columns <= EXCEL_COLUMNS
        and row_bound * column_bound <= MAX_CELLS
    )


def _careful_extent(archive: zipfile.ZipFile, part: str) -> Extent:
    """The last row and column holding a cell with content, the sheet's XML parsed.

    A cell is placed by its ``r`` reference or, without one, just after the cell before it in
    its row (a row by its own ``r`` or just below the row before). A cell with nothing inside
    (``<c r="XFD9" s="1"/>``, formatting only) is left out, as the reader skips it too.
    Raises :class:`~pledgekit.read.xml_stream.XmlError` for damaged XML or references.
    """
    cursor = SheetCursor()
    rows = columns = 0
    pending: tuple[int, int] | None = None  # the cell just opened, until something is in it

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal rows, columns, pending
        tag = name.rpartition(":")[2]
        if tag == "c":
            pending = cursor.cell(attrs)
        elif tag == "row":
            cursor.row(attrs)
            pending = None
        elif pending is not None:
            if tag in _CELL_CONTENT:  # a value, formula or text inside the cell
                rows, columns = max(rows, pending[0]), max(columns, pending[1])
            pending = None

    xml_stream.parse(inflate(archive, part), start)
    return Extent(rows, columns)


class SheetCursor:
    """Where each cell of a sheet's XML goes, as a reader places it: 1-based (row, column).

    Give it each ``<row>`` (:meth:`row`) and each ``<c>`` (:meth:`cell`) in order; a
    reference that is not one raises :class:`~pledgekit.read.xml_stream.XmlError`.
    """

    def __init__(self) -> None:
        self.current_row = 0
        self.current_column = 0

    def row(self, attrs: dict[str, str]) -> None:
        """A ``<row>`` starts: at its ``r``, or just below the row before."""
        number = attrs.get("r")
        if number is None:
            self.current_row += 1
        elif number.isascii() and number.isdigit():  # not `²`, which int() cannot read
            self.current_row = int(number)
        else:
            raise xml_stream.XmlError(f"a row numbered {number[:20]!r}, not a row number")
        self.current_column = 0

    def cell(self, attrs: dict[str, str]) -> tuple[int, int]:
        """A ``<c>`` starts: its place, from its ``r`` or just after the cell before."""
        ref = attrs.get("r")
        if ref is None:
            self.current_column += 1
            return self.current_row, self.current_column
        found = _REFERENCE.fullmatch(ref)
        if found is None:
            raise xml_stream.XmlError(f"a cell at {ref[:20]!r}, not a cell reference")
        letters, digits = found.groups()
        self.current_column = column_index(letters.upper()) + 1 if len(letters) <= 3 else 1 << 20
        return int(digits), self.current_column


# --- OpenDocument (.ods): rows and cells repeated by count ------------------------------------
_TABLE, _ROW_TAG = "table:table", "table:table-row"
_CELL_TAGS = frozenset({"table:table-cell", "table:covered-table-cell"})


def ods_count(attrs: dict[str, str], name: str, where: str) -> int:
    """The whole-number attribute ``name`` of an .ods element (a repeat or span count; 1 when
    absent); raises :class:`InputError` for one that is not a count."""
    value = attrs.get(name)
    if value is None:
        return 1
    if not value.isdigit() or len(value) > 12:
        raise InputError(f"{where}: {name}={value[:20]!r} is not a count")
    return max(int(value), 1)


def check_ods(path: Path) -> None:
    """Refuse an .ods whose repeated rows and cells span more than :data:`MAX_CELLS`, or whose
    merged (spanned) cell reaches beyond Excel's last row or column.

    LibreOffice writes a run of identical rows or cells once with a repeat count; the reader
    expands runs that hold content, so a count of a million on a cell with a value is a sheet
    of a million cells. Empty runs (the usual trailing ones) are not counted. The content part
    is parsed as it is inflated (:mod:`~pledgekit.read.xml_stream`).
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        if "content.xml" not in archive.namelist():
            return
        walk = _OdsExtent(path)
        try:
            xml_stream.parse(inflate(archive, "content.xml"), walk.start, walk.end)
        except xml_stream.XmlError as exc:
            raise InputError(f"{path}: content.xml: {exc}") from None


class _OdsExtent:
    """Counts each table's rows and the columns up to the last cell with content."""

    def __init__(self, path: Path) -> None:
        self.path, self.sheet = path, ""
        self.rows = self.width = 0
        self.repeat = self.column = self.last = 0
        self.pending = 0  # the column a cell without a value type ends on, until content shows

    def where(self, column: int | None = None) -> str:
        place = f"{self.path}, sheet {self.sheet!r}"
        if column is None:
            return place
        return f"{place} cell {column_letter(column)}{self.rows + 1}"

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in _CELL_TAGS:
            first = self.column
            self.column += ods_count(attrs, "table:number-columns-repeated", self.where(first))
            spread = ods_count(attrs, "table:number-columns-spanned", self.where(first))
            down = ods_count(attrs, "table:number-rows-spanned", self.where(first))
            if first + spread > EXCEL_COLUMNS or self.rows + down > EXCEL_ROWS:
                raise InputError(
                    f"{self.where(first)}: a merged cell spans {down:,} rows by {spread:,} "
                    f"columns, beyond Excel's last row ({EXCEL_ROWS:,}) or column (XFD); the "
                    "file was not written by a spreadsheet program"
                )
            if "office:value-type" in attrs or "table:formula" in attrs:
                self.last, self.pending = self.column, 0
            else:
                self.pending = self.column
        elif name == _ROW_TAG:
            self.repeat = ods_count(attrs, "table:number-rows-repeated", self.where())
            self.column = self.last = self.pending = 0
        elif name == _TABLE:
            self.sheet = attrs.get("table:name", "")
            self.rows = self.width = 0  # a new table: its rows count from the top
        elif self.pending:  # text inside a cell: it has content
            self.last, self.pending = self.pending, 0

    def end(self, name: str) -> None:
        if name in _CELL_TAGS:
            self.pending = 0
        elif name == _ROW_TAG:
            if self.last:
                self.width = max(self.width, self.last)
            self.rows += self.repeat
            if self.last and (self.rows * self.width > MAX_CELLS or self.rows > EXCEL_ROWS * 16):
                raise InputError(
                    f"{self.where()}: repeated rows and cells make a sheet of {self.rows:,} rows "
                    f"by {self.width:,} columns (more than {MAX_CELLS:,} cells); delete the "
                    "rows and columns beyond the table"
                )
