"""DfE's published data files: Explore Education Statistics (EES) tidy CSV.

One row per area, period and filter combination. Fixed columns name the period
(``time_period``: ``2025`` for a reporting year, ``202425`` for an academic or financial year)
and the area (``geographic_level`` National, Regional or Local authority, with country, region and
LA codes and names); then filter columns (``cla_group``, ``placement_stability`` ...) and
indicator columns (``children_count``, ``children_percent`` ...). Values may be statistical
symbols. Files often begin with a UTF-8 byte-order mark, and run to tens of thousands of rows, so
the file is read once with the csv module and kept as plain columns of text.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pledgekit.model.errors import InputError
from pledgekit.model.input_files import check_regular
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.read.cells import parse_value

NATIONAL = "national"
REGIONAL = "regional"
LOCAL = "local authority"

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

#: EES symbols the workbook reader does not know: ``low`` (rounds to zero but is not zero) and a
#: bare ``u`` (withheld as of low reliability).
_EES_SYMBOLS = {
    "low": Reading(ValueState.BELOW_HALF, raw="low"),
    "u": Reading(ValueState.NOT_AVAILABLE, raw="u", unreliable=True),
}


def ees_value(text: str) -> Reading:
    """One EES cell: a number, or a symbol (c, z, x, k, u, low, and the older .. and :)."""
    cleaned = text.strip()
    if not cleaned:
        return MISSING
    special = _EES_SYMBOLS.get(cleaned.lower())
    if special is not None:
        return special
    return parse_value(cleaned)


@dataclass(frozen=True, slots=True)
class Year:
    """A published period: ``2025`` (year to 31 March 2025) or ``202425`` (2024/25)."""

    code: str

    @property
    def end(self) -> int:
        """The calendar year the period ends in (2025 for both ``2025`` and ``202425``)."""
        return int(self.code[:4]) + (1 if len(self.code) == 6 else 0)

    @property
    def label(self) -> str:
        """As written in papers: ``2025`` or ``2024-25``."""
        if len(self.code) == 6:
            return f"{self.code[:4]}-{self.code[4:]}"
        return self.code

    def __lt__(self, other: Year) -> bool:
        return (self.end, self.code) < (other.end, other.code)


def parse_year(text: str) -> Year | None:
    """``2025`` or ``202425`` (consecutive years) to a :class:`Year`; None for anything else."""
    code = text.strip()
    if len(code) == 4 and code.isdigit():
        return Year(code)
    if len(code) == 6 and code.isdigit() and (int(code[:4]) + 1) % 100 == int(code[4:]):
        return Year(code)
    return None


@dataclass
class EesFile:
    """A published data file held as columns of text, with its header as written."""

    path: str
    header: list[str]
    columns: dict[str, list[str]] = field(default_factory=dict)
    _trimmed: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def rows(self) -> int:
        """How many data rows the file has."""
        return len(self.columns[self.header[0]]) if self.header else 0

    def has(self, column: str) -> bool:
        """True when the file has this column."""
        return column in self.columns

    def distinct(self, column: str) -> list[str]:
        """The values found in ``column`` (spaces trimmed), in first-seen order."""
        return list(dict.fromkeys(self.trimmed(column)))

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

    def matching(self, where: dict[str, str], rows: list[int] | None = None) -> list[int]:
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


def read_ees(path: Path) -> EesFile:
    """Read an EES tidy CSV; raise :class:`InputError` naming the file when it cannot be used."""
    check_regular(path, InputError)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputError(f"{path}: the file is empty")
            header = [h.strip() for h in header]
            body = list(reader)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (is it a spreadsheet saved as CSV?)") from exc
    except (OSError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read the file ({exc})") from exc
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{path}: not an Explore Education Statistics data file: no column "
            f"{', '.join(repr(c) for c in missing)} (columns: {', '.join(header[:8])}"
            f"{' ...' if len(header) > 8 else ''})"
        )
    width = len(header)
    if any(len(row) != width for row in body):
        for number, row in enumerate(body, start=2):
            if len(row) != width and any(cell.strip() for cell in row):
                raise InputError(
                    f"{path}, line {number}: {len(row)} values where the header has {width} columns"
                )
        body = [row for row in body if len(row) == width]
    # Transposed in one go: much faster than a list per column built row by row.
    transposed = zip(*body, strict=True) if body else ([] for _ in header)
    columns = {name: list(values) for name, values in zip(header, transposed, strict=True)}
    return EesFile(str(path), header, columns)
