"""The CSV reader: a .csv file as one sheet, named after the file.

Read with the csv module: the encoding judged from the bytes (:func:`decode_csv`), the delimiter
from the lines that have one, and what does not add up (a stray quote, mixed encodings) reported
as findings on the book.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pledgekit.model.codes import CSV_FIELD_COUNT, MIXED_ENCODING, STRAY_QUOTE, TEXT_ENCODING
from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location, column_letter
from pledgekit.read.books import Book, Rows, Sheet

_DELIMITERS = (",", ";", "\t", "|")
# A UTF-8 sequence of two to four bytes: its presence in a file that is not all UTF-8 means mixed.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class CsvBook(Book):
    """A CSV file, read whole when opened: one sheet named after the file."""

    is_csv = True

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.names = [path.stem]
        self._rows = _read_csv(path, self.findings)

    def sheet(self, name: str) -> Sheet:
        """The file's one sheet."""
        rows = self._rows
        return Sheet(name, lambda: iter(rows))


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
    quotes = _stray_quotes(path, text, rows, starts, ends, delimiter)
    notes.extend(quotes)
    flagged = {f.location.row for f in quotes}
    notes.extend(f for f in _field_counts(path, rows) if f.location.row not in flagged)
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


def _field_counts(path: Path, rows: Rows) -> list[Finding]:
    """Rows with more or fewer fields than the header (the first row with two or more cells).

    A row with more fields would lose the text past the header's last column (an unquoted
    comma in a commentary); each is reported with where the extra text starts, so nothing is
    dropped without a word. Blank rows and one-cell rows (notes under the table) are left alone.
    """
    header = next(
        (i for i, row in enumerate(rows) if sum(bool(str(c).strip()) for c in row) > 1), None
    )
    if header is None:
        return []
    width = len(rows[header])
    while width > 1 and not str(rows[header][width - 1]).strip():
        width -= 1  # trailing empty header cells are not columns
    found = []
    for index in range(header + 1, len(rows)):
        row = rows[index]
        filled = [i for i, c in enumerate(row) if str(c).strip()]
        if len(filled) < 2:
            continue
        where = Location(str(path), path.stem, row=index + 1)
        extra = [i for i in filled if i >= width]
        if extra:
            start = extra[0]
            text = str(row[start])
            found.append(
                finding(
                    CSV_FIELD_COUNT,
                    f"{len(row)} fields where the header (row {header + 1}) has {width}: the text "
                    f"from field {start + 1} has no column (an unquoted comma in a text?)",
                    replace(where, column=column_letter(start)),
                    found=text if len(text) <= 40 else text[:37] + "...",
                    expected=f"{width} fields, with commas inside a text quoted",
                )
            )
        elif len(row) < width:
            found.append(
                finding(
                    CSV_FIELD_COUNT,
                    f"{len(row)} fields where the header (row {header + 1}) has {width}: the last "
                    f"{width - len(row)} column(s) are read as empty",
                    where,
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
