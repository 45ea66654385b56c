"""An open spreadsheet file as named sheets of cell rows, whatever its format.

:class:`Book` is what every reader gives (its sheets by name, which are hidden, what was odd about
the file as a whole) and :class:`Sheet` one sheet's rows with what the values alone do not say.
The readers, one module per format, are listed in :mod:`~pledgekit.read.input_formats`, which
opens a file by its suffix. Anything that makes a file unreadable becomes one
:class:`InputError` line naming the file (:func:`input_errors`); no reader's own exception escapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from pathlib import Path
from types import TracebackType

from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding
from pledgekit.model.values import Reading
from pledgekit.read.columns import HEADER_SEARCH_ROWS
from pledgekit.read.merged_cells import MergeFill
from pledgekit.read.xlsx_styles import Cell, MergedRange

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and Office's encrypted files

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
    """An open spreadsheet file: its sheets by name. Use as a context manager.

    A reader (one per format, see :mod:`~pledgekit.read.input_formats`) subclasses it: its
    constructor opens ``path`` (raising :class:`InputError` for a file it cannot read) and fills
    :attr:`names`; :meth:`sheet` gives one sheet; :meth:`close` lets go of the file.
    """

    #: A flat file (CSV): one sheet, named after the file, and no sheet names to choose from.
    is_csv = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = str(path)
        #: The sheets, in the file's order.
        self.names: list[str] = []
        #: Sheets hidden in Excel (lookup tables and the like), never chosen by default.
        self.hidden: set[str] = set()
        #: What was odd about the file as a whole (its encoding, a stray quote).
        self.findings: list[Finding] = []

    def sheet(self, name: str) -> Sheet:
        """The named sheet (one of :attr:`names`)."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the file (nothing to do for a reader that read it whole)."""

    def __enter__(self) -> Book:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


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
