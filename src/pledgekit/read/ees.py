"""DfE's published data files: Explore Education Statistics (EES) tidy CSV.

One row per area, period and filter combination. Fixed columns name the period
(``time_period``: ``2025`` for a reporting year, ``202425`` for an academic or financial year)
and the area (``geographic_level`` National, Regional or Local authority, with country, region and
LA codes and names); then filter columns (``cla_group``, ``placement_stability`` ...) and
indicator columns (``children_count``, ``children_percent`` ...). Values may be statistical
symbols. Files often begin with a UTF-8 byte-order mark.

A file is read once, streaming, within the bounds of :mod:`pledgekit.read.bounded_text`; only the
rows some measure's filters pick are kept (a 177 MB file is read in well under 400 MB), with the
distinct values of each filter column for "did you mean" messages.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path

from pledgekit.model.errors import InputError
from pledgekit.model.published_figures import LOCAL, NATIONAL, REGIONAL, Year, parse_year
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.read.bounded_text import printable_names, text_lines
from pledgekit.read.cells import parse_value

__all__ = [
    "GEOGRAPHY_COLUMNS",
    "LOCAL",
    "NATIONAL",
    "REGIONAL",
    "TIME_COLUMNS",
    "EesFile",
    "Year",
    "ees_value",
    "looks_like_header",
    "parse_year",
    "read_ees",
]

#: Columns every EES file has (the area columns only where the level needs them).
TIME_COLUMNS = ("time_period", "time_identifier")
GEOGRAPHY_COLUMNS = (
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "la_name",
    "new_la_code",
)
REQUIRED = ("time_period", "geographic_level")
#: A column with more distinct values than this is an indicator, not a filter: its values are
#: not collected for messages.
DISTINCT_CAP = 200

#: EES symbols the workbook reader does not know: ``low`` (rounds to zero but is not zero) and a
#: bare ``u`` (withheld as of low reliability). ``raw`` keeps them apart from ``k`` and ``x``.
_EES_SYMBOLS = {
    "low": Reading(ValueState.BELOW_HALF, raw="low"),
    "u": Reading(ValueState.NOT_AVAILABLE, raw="u", unreliable=True),
}
#: What a header cell of a data file looks like: a name, not a sentence or a line of another file.
_NAME = re.compile(r"^[^\W\d][\w .()%/+&-]{0,99}$")


def ees_value(text: str) -> Reading:
    """One EES cell: a number, or a symbol (c, z, x, k, u, low, and the older .. and :)."""
    cleaned = text.strip()
    if not cleaned:
        return MISSING
    special = _EES_SYMBOLS.get(cleaned.lower())
    if special is not None:
        return special
    return parse_value(cleaned)


def looks_like_header(fields: Sequence[str]) -> bool:
    """True when a first row reads as a CSV header: two or more names, none empty or odd."""
    return len(fields) >= 2 and all(_NAME.match(f.strip()) for f in fields)


@dataclass
class EesFile:
    """The rows of a published data file that were asked for, held as columns of text.

    ``lines`` gives each kept row's line in the file; ``values`` the distinct values of each
    filter-like column over the whole file (trimmed, first seen first); ``duplicated`` the names
    the header repeats (the first such column is the one used).
    """

    path: str
    header: list[str]
    columns: dict[str, list[str]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)
    duplicated: list[str] = field(default_factory=list)
    total_rows: int = 0
    _trimmed: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def rows(self) -> int:
        """How many rows were kept."""
        return len(self.lines)

    def has(self, column: str) -> bool:
        """True when the file has this column."""
        return column in self.columns

    def distinct(self, column: str) -> list[str]:
        """The values found in ``column`` over the whole file (spaces trimmed), first seen first;
        for an indicator column, those of the kept rows."""
        found = self.values.get(column)
        return found if found is not None else list(dict.fromkeys(self.trimmed(column)))

    def trimmed(self, column: str) -> list[str]:
        """The column with surrounding spaces removed, worked out once per column."""
        found = self._trimmed.get(column)
        if found is None:
            found = [v.strip() for v in self.columns[column]]
            self._trimmed[column] = found
        return found

    @cached_property
    def levels(self) -> list[str]:
        """Each row's geographic level, lower-cased."""
        return [v.strip().casefold() for v in self.columns["geographic_level"]]

    def matching(self, where: Mapping[str, str], rows: list[int] | None = None) -> list[int]:
        """Indices of the rows whose filter columns hold every value of ``where``."""
        chosen: list[int] | range = range(self.rows) if rows is None else rows
        # One column at a time: each pass narrows the rows the next one looks at.
        for column, value in where.items():
            values, wanted = self.trimmed(column), value.strip()
            chosen = [i for i in chosen if values[i] == wanted]
        return list(chosen)

    def cell(self, column: str, row: int) -> str:
        """The text of one cell ('' for a column the file does not have)."""
        values = self.columns.get(column)
        return values[row] if values is not None else ""


def _header(path: Path, first: list[str] | None) -> list[str]:
    if first is None:
        raise InputError(f"{path}: the file is empty")
    if not looks_like_header(first):
        # Never quote the line: the file may be anything (a password file, a key).
        raise InputError(
            f"{path}: not a CSV data file with a header row (an Explore Education Statistics "
            f"file begins with {', '.join(REQUIRED)})"
        )
    header = [h.strip() for h in first]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{path}: not an Explore Education Statistics data file: no column "
            f"{', '.join(repr(c) for c in missing)} (columns: {printable_names(header)})"
        )
    return header


_Pick = tuple[Callable[[list[str]], object], set[object]]


def _picks(selections: list[Mapping[str, str]], at: dict[str, int]) -> list[_Pick] | None:
    """For each set of filter columns, a getter of a row's values and the values wanted; None
    when a selection has no filter (every row is wanted). Selections naming a column the file
    lacks pick nothing."""
    groups: dict[tuple[int, ...], set[object]] = {}
    for selection in selections:
        if not all(c in at for c in selection):
            continue
        if not selection:
            return None
        ordered = sorted(selection.items(), key=lambda item: at[item[0]])
        index = tuple(at[c] for c, _ in ordered)
        values = tuple(v.strip() for _, v in ordered)
        groups.setdefault(index, set()).add(values if len(values) > 1 else values[0])
    return [(itemgetter(*index), values) for index, values in groups.items()]


def _picked(got: object, values: set[object]) -> bool:
    """True when a row's filter values (one text or a tuple) are wanted, spaces aside."""
    if got in values:
        return True
    if isinstance(got, str):
        return got.strip() in values
    assert isinstance(got, tuple)
    return tuple(map(str.strip, got)) in values


def read_ees(path: Path, selections: Iterable[Mapping[str, str]] | None = None) -> EesFile:
    """Read an EES tidy CSV, keeping the rows any of ``selections`` picks (all rows with None).

    A selection is a set of filter values ({column: value}); one naming a column the file lacks
    picks nothing. Raises :class:`InputError` naming the file (never quoting its content) when it
    cannot be used: not a regular file, too large, a line too long, not UTF-8, not a CSV with an
    EES header, or a row with more or fewer values than the header.
    """
    lines = text_lines(path)
    try:
        reader = csv.reader(lines)
        header = _header(path, next(reader, None))
        width = len(header)
        at = {name: header.index(name) for name in header}
        duplicated = sorted({h for h in header if header.count(h) > 1})
        chosen = list(selections) if selections is not None else None
        picks = None if chosen is None else _picks(chosen, at)
        fixed = set(TIME_COLUMNS) | set(GEOGRAPHY_COLUMNS)
        # The values messages need: the filter columns a selection names (every column that
        # is not an area column when all rows are kept), raw here and trimmed once at the end.
        named = {c for s in chosen for c in s} if chosen is not None else None
        tracked: dict[int, dict[str, None]] = {
            i: {}
            for i, h in enumerate(header)
            if h not in fixed and at[h] == i and (named is None or h in named)
        }
        kept: list[list[str]] = []
        numbers: list[int] = []
        total = 0
        for row in reader:
            total += 1
            if len(row) != width:
                if not any(cell.strip() for cell in row):
                    continue
                raise InputError(
                    f"{path}, line {reader.line_num}: {len(row)} values where the header has "
                    f"{width} columns"
                )
            for index in list(tracked):
                seen = tracked[index]
                seen.setdefault(row[index])
                if len(seen) > DISTINCT_CAP:
                    del tracked[index]
            if picks is None or any(_picked(get(row), values) for get, values in picks):
                kept.append(row)
                numbers.append(reader.line_num)
    except csv.Error as exc:
        raise InputError(f"{path}: cannot read the file as CSV ({exc})") from exc
    # Transposed in one go: much faster than a list per column built row by row.
    transposed = list(zip(*kept, strict=True)) if kept else [() for _ in header]
    columns = {name: list(transposed[at[name]]) for name in at}
    values = {
        header[i]: list(dict.fromkeys(v.strip() for v in seen)) for i, seen in tracked.items()
    }
    return EesFile(str(path), header, columns, numbers, values, duplicated, total)
