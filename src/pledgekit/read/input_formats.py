"""The input formats pledgekit reads: one reader per format, registered here by suffix.

Each reader is a :class:`~pledgekit.read.books.Book` subclass in a module of its own
(``csv_reader``, ``xlsx_reader``, ``ods_reader``), registered below through a small function that
imports it when a file of its format is opened: the CLI takes its help on the files it reads
from :data:`SUFFIXES` without loading any reader (or calamine). :func:`open_book` picks the reader
by the file's suffix. A new format is a reader module, one :class:`InputFormat` below, and its
tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pledgekit.model.errors import InputError
from pledgekit.model.input_files import check_regular

if TYPE_CHECKING:
    from pledgekit.read.books import Book


@dataclass(frozen=True)
class InputFormat:
    """One input format: the suffixes it is known by and the reader that opens it."""

    name: str
    suffixes: tuple[str, ...]
    reader: Callable[[Path], Book]


def _xlsx(path: Path) -> Book:
    from pledgekit.read.xlsx_reader import XlsxBook

    return XlsxBook(path)


def _ods(path: Path) -> Book:
    from pledgekit.read.ods_reader import OdsBook

    return OdsBook(path)


def _csv(path: Path) -> Book:
    from pledgekit.read.csv_reader import CsvBook

    return CsvBook(path)


#: Every input format, in the order the help names them.
INPUT_FORMATS = (
    InputFormat("Excel workbook", (".xlsx", ".xlsm"), _xlsx),
    InputFormat("OpenDocument spreadsheet", (".ods",), _ods),
    InputFormat("CSV file", (".csv",), _csv),
)
#: The reader for each suffix.
READERS: dict[str, Callable[[Path], Book]] = {
    suffix: fmt.reader for fmt in INPUT_FORMATS for suffix in fmt.suffixes
}
#: File kinds pledgekit reads, by suffix.
SUFFIXES = tuple(READERS)
#: What to do with a file of a suffix that is not read, where there is something to say.
_HINTS = {".xls": "; save it as .xlsx"}


def open_book(path: Path) -> Book:
    """Open ``path`` with the reader for its suffix.

    Raises :class:`InputError` when the file is missing, a folder, of a suffix no reader takes,
    or unreadable by its reader.
    """
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: file not found")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a spreadsheet")
    check_regular(path, InputError, name)  # a FIFO would hang, /dev/zero never end
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        listed = ", ".join(SUFFIXES[:-1]) + f" or {SUFFIXES[-1]}"
        raise InputError(
            f"{name}: not a spreadsheet pledgekit can read (expected {listed})"
            + _HINTS.get(suffix, "")
        )
    return reader(path)
