"""Open a spreadsheet file as named sheets of cell rows, whatever its format.

.xlsx, .xlsm and .ods are read with python-calamine (fast, values only), with
:mod:`~pledgekit.read.xlsx_styles` and :mod:`~pledgekit.read.ods_cells` for what calamine does
not expose; .csv with the csv module. Anything that makes a file unreadable
becomes one :class:`InputError` line naming the file; no reader's own exception escapes.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import cast

import python_calamine

from pledgekit.model.codes import MIXED_ENCODING, STRAY_QUOTE, TEXT_ENCODING
from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.values import Reading
from pledgekit.read.columns import HEADER_SEARCH_ROWS
from pledgekit.read.merged_cells import MergeFill
from pledgekit.read.ods_cells import ods_cells
from pledgekit.read.xlsx_limits import check_archive, check_ods
from pledgekit.read.xlsx_styles import Cell, MergedRange, XlsxFile

#: File kinds pledgekit reads, by suffix.
SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and Office's encrypted files
_DELIMITERS = (",", ";", "\t", "|")
# A UTF-8 sequence of two to four bytes: its presence in a file that is not all UTF-8 means mixed.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

Rows = list[list[object]]
#: Rows of a table's body read at a time: a few MB as Python lists, and faster than larger slices.
CHUNK_ROWS = 10_000


def _no_percent(columns: Iterable[int]) -> dict[int, set[int]]:
    return {}


def _no_hidden(columns: Iterable[int]) -> dict[Cell, Reading]:
    return {}


@dataclass
class Sheet:
    """One sheet's cells as a rectangle of rows from A1, with what the values alone do not say.

    ``read_rows()`` gives the rows from the top, afresh at each call; a sheet is read through
    :attr:`head` (the rows where a header may be), :attr:`rows` (every row, kept: for the small
    sheets) or :meth:`chunks_below` (a table's body a slice at a time: the rows of a national
    sheet are never all Python lists at once).
    ``percent_cells(columns)`` gives the cells shown as percentages (column -> 0-based rows);
    ``hidden_cells(columns)`` the cells read as blank that hold a formula without a result or an
    error value.
    """

    name: str
    read_rows: Callable[[], Iterator[list[object]]]
    merged: list[MergedRange] = field(default_factory=list)
    percent_cells: Callable[[Iterable[int]], dict[int, set[int]]] = _no_percent
    hidden_cells: Callable[[Iterable[int]], dict[Cell, Reading]] = _no_hidden

    @cached_property
    def head(self) -> Rows:
        """The first rows, as far down as a header is looked for (and the titles above it)."""
        return list(islice(self.read_rows(), HEADER_SEARCH_ROWS))

    @cached_property
    def rows(self) -> Rows:
        """Every row of the sheet."""
        return list(self.read_rows())

    def fill_merged(self, below: int, columns: Iterable[int]) -> None:
        """Copy each merged cell's value into the :attr:`rows` it spans, in ``columns`` only.

        Only merges starting below row ``below`` (the header) count (see :class:`MergeFill`).
        """
        MergeFill(self.merged, below, columns).fill(self.rows, 0)

    def chunks_below(self, header: int, fill: Iterable[int]) -> Iterator[Rows]:
        """The rows below row ``header`` (0-based), :data:`CHUNK_ROWS` at a time, each merged
        cell's value copied into the rows it spans in the ``fill`` columns (as
        :meth:`fill_merged` does)."""
        merges = MergeFill(self.merged, header, fill)
        rows = islice(self.read_rows(), header + 1, None)
        first = header + 1
        while chunk := list(islice(rows, CHUNK_ROWS)):
            merges.fill(chunk, first)
            yield chunk
            first += len(chunk)


class Book:
    """An open spreadsheet file. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = str(path)
        self.is_csv = path.suffix.lower() == ".csv"
        self._xlsx: XlsxFile | None = None
        self._workbook: python_calamine.CalamineWorkbook | None = None
        #: Sheets hidden in Excel (lookup tables and the like), never chosen by default.
        self.hidden: set[str] = set()
        #: What was odd about the file as a whole (its encoding, a stray quote).
        self.findings: list[Finding] = []
        if self.is_csv:
            self.names = [path.stem]
            self._csv_rows = _read_csv(path, self.findings)
            return
        check_archive(path)  # a zip bomb or a bloated part is refused before calamine opens it
        if path.suffix.lower() == ".ods":
            check_ods(path)
        with input_errors(path):
            self._workbook = python_calamine.CalamineWorkbook.from_path(str(path))
            self.names = list(self._workbook.sheet_names)
            self.hidden = {
                sheet.name
                for sheet in self._workbook.sheets_metadata
                if sheet.visible is not python_calamine.SheetVisibleEnum.Visible
            }
            if path.suffix.lower() in (".xlsx", ".xlsm"):
                self._xlsx = XlsxFile(path)

    def __enter__(self) -> Book:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._xlsx is not None:
            self._xlsx.__exit__(None, None, None)
        if self._workbook is not None:
            self._workbook.close()

    def sheet(self, name: str) -> Sheet:
        """The named sheet (one of :attr:`names`)."""
        if self.is_csv:
            rows = self._csv_rows
            return Sheet(name, lambda: iter(rows))
        assert self._workbook is not None
        path = self.path
        if self._xlsx is not None:
            with input_errors(path):
                self._xlsx.check_size(name)  # before calamine allocates the sheet's rectangle
        with input_errors(path):
            raw = self._workbook.get_sheet_by_name(name)
            read_rows = partial(_calamine_rows, raw)
            if self._xlsx is None:  # .ods: calamine reports no merged cells or formats
                ods = ods_cells(path, name)
                return Sheet(
                    name,
                    read_rows,
                    ods.merged,
                    lambda cols: {c: ods.percent[c] for c in set(cols) & set(ods.percent)},
                    lambda cols: {k: r for k, r in ods.hidden.items() if k[1] in set(cols)},
                )
            merged = list(raw.merged_cell_ranges or [])
        xlsx = self._xlsx

        def percent_cells(cols: Iterable[int]) -> dict[int, set[int]]:
            with input_errors(path):
                return xlsx.percent_cells(name, cols)

        def hidden_cells(cols: Iterable[int]) -> dict[Cell, Reading]:
            with input_errors(path):
                return xlsx.hidden_cells(name, cols)

        return Sheet(name, read_rows, merged, percent_cells, hidden_cells)


def _calamine_rows(raw: python_calamine.CalamineSheet) -> Iterator[list[object]]:
    """The sheet's rows from A1, one at a time, as ``raw.to_python(skip_empty_area=False)``
    gives them all at once (calamine's iterator leaves out the empty columns left of the data).

    The values are already read (``get_sheet_by_name``); iterating only converts them, in C: no
    Python frame runs per row."""
    if raw.start is None:
        return iter(())  # an empty sheet (older python-calamine fails to iterate one)
    rows = cast(Iterator[list[object]], raw.iter_rows())
    left = raw.start[1]
    if not left:
        return rows
    blank: list[object] = [""] * left
    return map(blank.__add__, rows)


@contextmanager
def input_errors(path: Path) -> Iterator[None]:
    """Turn whatever a reader raises on a bad file into one :class:`InputError` line.

    Errors that mean a bug in pledgekit itself (a TypeError, say) are left to surface as bugs.
    """
    try:
        yield
    except (InputError, KeyboardInterrupt, SystemExit, MemoryError, GeneratorExit):
        raise
    except (TypeError, AttributeError, NameError, AssertionError):
        raise
    except BaseException as exc:  # calamine's Rust panics are BaseException, not Exception
        raise _damaged(path, exc) from exc


def open_book(path: Path) -> Book:
    """Open ``path`` for reading; raise :class:`InputError` when it is not a spreadsheet we read."""
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: file not found")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a spreadsheet")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = "; save it as .xlsx" if suffix == ".xls" else ""
        raise InputError(
            f"{name}: not a spreadsheet pledgekit can read (expected .xlsx, .xlsm, .ods or .csv)"
            + hint
        )
    return Book(path)


def _damaged(path: Path, exc: BaseException) -> InputError:
    kind = path.suffix.lower().lstrip(".")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        return InputError(f"{path}: cannot read the file ({err.strerror or err})")
    if head == _OLE_MAGIC:
        return InputError(
            f"{path}: the file is password-protected or an old .xls renamed; "
            f"save it as .{kind} without a password"
        )
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return InputError(f"{path}: the file is damaged or not really an {kind} ({detail})")


def _read_csv(path: Path, notes: list[Finding]) -> Rows:
    """The CSV file's rows, padded to one width; what was odd about it goes into ``notes``."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read the file ({exc.strerror or exc})") from exc
    text = decode_csv(path, data, notes)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Rows = []
    starts = array("L")  # the line each row starts on (compact: a table may have a million)
    ends: dict[int, int] = {}  # the last line of the rows that run over several
    first = 1
    try:
        for record in reader:
            rows.append(list[object](record))
            starts.append(first)
            if reader.line_num > first:
                ends[len(rows) - 1] = reader.line_num
            first = reader.line_num + 1
    except csv.Error as exc:
        hint = (
            f"a cell is longer than {csv.field_size_limit():,} characters (an unclosed quote "
            "running to the end of the file?)"
            if "field limit" in str(exc)
            else str(exc)
        )
        raise InputError(
            f"{name}, line {reader.line_num}: not a readable CSV file: {hint}"
        ) from exc
    notes.extend(_stray_quotes(path, text, rows, starts, ends, delimiter))
    width = max((len(row) for row in rows), default=0)
    for padded in rows:
        if len(padded) < width:
            padded.extend([""] * (width - len(padded)))
    return rows


def decode_csv(path: Path, data: bytes, notes: list[Finding]) -> str:
    """CSV bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
    mark (Excel's "Unicode text"), else Windows-1252 (Excel's plain "CSV" on Windows).

    Anything but UTF-8 is reported in ``notes``, and so is a file mixing UTF-8 lines with
    Windows-1252 ones. Raises :class:`InputError` for binary data.
    """
    name = str(path)
    where = Location(name, path.stem)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: the file says it is UTF-16 but is not ({exc.reason})"
                ) from exc
            notes.append(
                finding(
                    TEXT_ENCODING, "read as UTF-16 (Excel's 'Unicode text')", where, found="UTF-16"
                )
            )
            return text
    if b"\x00" in data:
        if data[1:200:2].count(0) > 40 or data[0:200:2].count(0) > 40:
            raise InputError(
                f"{name}: the file looks like UTF-16 text without the mark that says so; "
                "save it from Excel as 'CSV UTF-8' (or as 'Unicode text')"
            )
        raise InputError(
            f"{name}: not a text CSV file (it holds binary data: a spreadsheet with the wrong "
            "extension?)"
        )
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(body):
        return _mixed(path, body, notes)
    notes.append(
        finding(
            TEXT_ENCODING,
            "read as Windows-1252 (not UTF-8); check that '£' and '–' look right, or save the "
            "file as 'CSV UTF-8'",
            where,
            found="Windows-1252",
            expected="UTF-8",
        )
    )
    return body.decode("cp1252", errors="replace")


def _mixed(path: Path, body: bytes, notes: list[Finding]) -> str:
    """Decode line by line: UTF-8 where a line is UTF-8, Windows-1252 elsewhere; report it."""
    lines, odd = [], []
    for number, line in enumerate(body.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            odd.append(number)
    more = f" (and {len(odd) - 1} more lines)" if len(odd) > 1 else ""
    notes.append(
        finding(
            MIXED_ENCODING,
            f"line {odd[0]}{more} is Windows-1252 where the rest of the file is UTF-8; it was "
            "read as Windows-1252: check it, and save the whole file as 'CSV UTF-8'",
            Location(str(path), path.stem, row=odd[0]),
            found="UTF-8 and Windows-1252",
            expected="one encoding (UTF-8)",
        )
    )
    return "\n".join(lines)


def _stray_quotes(
    path: Path,
    text: str,
    rows: Rows,
    starts: Sequence[int],
    ends: dict[int, int],
    delimiter: str,
) -> list[Finding]:
    """Rows that do not add up: a quoted field swallowing what look like further rows."""
    counts = Counter(len(row) for row in rows)
    if not counts:
        return []
    width = counts.most_common(1)[0][0]
    suspects = sorted({*ends, *(i for i, row in enumerate(rows) if len(row) > width)})
    if not suspects:
        return []
    lines = io.StringIO(text, newline="").readlines()  # the lines as the CSV reader counts them
    found = []
    for index in suspects:
        row, first = rows[index], starts[index]
        last = ends.get(index, first)
        if last > first:
            # Later lines of a multi-line row that hold a whole row's worth of delimiters.
            swallowed = [
                line
                for line in lines[first:last]
                if width > 1 and line.count(delimiter) >= width - 1
            ]
            if swallowed:
                start = next((str(c) for c in row if "\n" in str(c)), "")[:30]
                found.append(
                    finding(
                        STRAY_QUOTE,
                        f"a quote opens a field that runs over {last - first + 1} lines (to line "
                        f"{last}), taking {len(swallowed)} line(s) that look like rows into one "
                        "cell: close or remove the quote",
                        Location(str(path), path.stem, row=index + 1),
                        found=start,
                        expected="a closing quote on the same line",
                    )
                )
                continue
        if len(row) > width and '"' in "".join(lines[first - 1 : last]):
            found.append(
                finding(
                    STRAY_QUOTE,
                    f"this row has {len(row)} fields where the others have {width}: a quote in "
                    "the wrong place?",
                    Location(str(path), path.stem, row=index + 1),
                    found=f"{len(row)} fields",
                    expected=f"{width} fields",
                )
            )
    return found


def _delimiter(text: str) -> str:
    """The delimiter, judged on the lines that have one (title lines above the header do not)."""
    sample = [line for line in text[:65536].splitlines() if line.strip()][:50]
    try:
        return csv.Sniffer().sniff("\n".join(sample), delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        counts = {d: sum(line.count(d) for line in sample) for d in _DELIMITERS}
        best = max(_DELIMITERS, key=lambda d: counts[d])
        return best if counts[best] else ","
