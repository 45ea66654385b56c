"""One SSDA903 CSV file -> the table it holds, as text with its canonical column names.

The header is read first (no data rows) and the table told from it; only a recognised table's
columns are then read (but the identifiers in :data:`NOT_READ`), every cell as text, by pandas'
C parser (no Python per row). A file that is not a 903 table is never read past its header.
Messages never quote a cell: a file without a header row would show child-level values where
the column names should be, so only headers that are 903 column names are named.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pledgekit.model.codes import (
    SSDA903_MISSING_COLUMNS,
    SSDA903_UNKNOWN_TABLE,
    UNREADABLE_FILE,
)
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.ssda903_tables import TABLES
from pledgekit.read.ssda903.table_shapes import TableMatch, match_table

#: Identifiers no measure counts and no check reads: never parsed, so a run never holds a UPN or
#: a postcode in memory, and the reader spends nothing on them (they are among the most varied
#: columns). Their columns in the frame are blank.
NOT_READ = frozenset({"UPN", "HOME_POST", "PL_POST", "URN"})
#: Columns a table shares with others; a file needs some of the table's own to be "that table".
_SHARED = frozenset({"CHILD", "DOB", "SEX"})
_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class RawTable:
    """A 903 table as read: text cells under canonical names, and each row's number in the file."""

    table: str
    frame: pd.DataFrame
    rows: np.ndarray


def read_csv_table(path: Path, shown: str) -> tuple[RawTable | None, list[Finding]]:
    """The table ``path`` holds (None when it holds none) and the findings; ``shown`` names the
    file in findings."""
    try:
        headers, encoding = _headers(path)
    except (OSError, UnicodeError, csv.Error, ValueError) as exc:
        return None, [_unreadable(shown, exc)]
    match = match_table(headers)
    if match.table is None:
        return None, [_not_a_table(shown, headers, match)]
    wanted = {
        position: column for column, position in match.columns.items() if column not in NOT_READ
    }
    try:
        frame = pd.read_csv(
            path,
            dtype=object,
            header=0,
            usecols=sorted(wanted),
            keep_default_na=False,
            na_filter=False,
            encoding=encoding,
            skip_blank_lines=True,
            engine="c",
        )
    except (OSError, UnicodeError, ValueError, pd.errors.ParserError) as exc:
        return None, [_unreadable(shown, exc)]
    frame.columns = [wanted[p] for p in sorted(wanted)]
    # The table's columns in order; those not read are given blank when the frame is typed.
    frame = frame[[column for column in TABLES[match.table] if column in frame.columns]]
    # Rows as users see them: the header is row 1. Blank lines are skipped by the parser,
    # so a file with blank lines between rows gives the position among the data rows.
    rows = np.arange(2, len(frame) + 2, dtype=np.int64)
    return RawTable(match.table, frame, rows), []


def _headers(path: Path) -> tuple[list[str], str]:
    """The first line's fields, and the encoding that reads the file (UTF-8, else Windows-1252)."""
    if not path.is_file():
        raise OSError("not a regular file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            with path.open(encoding=encoding, newline="") as handle:
                first = next(csv.reader(handle), [])
                handle.read(1 << 20)  # decode errors usually show within the first megabyte
            return first, encoding
        except UnicodeDecodeError:
            continue
    raise UnicodeError("not text in UTF-8 or Windows-1252")


def _unreadable(shown: str, exc: BaseException) -> Finding:
    # pandas' messages can quote a line of the file; only the line number is kept.
    line = _LINE.search(str(exc))
    where = f" (at line {line.group(1)})" if line else ""
    reason = (
        "not a regular file" if "regular file" in str(exc) else "not a CSV file pledgekit can read"
    )
    if isinstance(exc, UnicodeError):
        reason = "not text in UTF-8 or Windows-1252"
    elif isinstance(exc, FileNotFoundError):
        reason = "no such file"
    return finding(UNREADABLE_FILE, f"{reason}{where}", Location(shown), found=Path(shown).name)


def _not_a_table(shown: str, headers: list[str], match: TableMatch) -> Finding:
    """The finding for a file that is no 903 table: its 903 column names and the nearest table."""
    named = ", ".join(match.known) if match.known else "no SSDA903 column names"
    others = (
        f" and {match.others} other column{'s' if match.others != 1 else ''}"
        if match.others
        else ""
    )
    if not headers or not any(h.strip() for h in headers):
        return finding(
            SSDA903_UNKNOWN_TABLE, "an empty file: not an SSDA903 table", Location(shown)
        )
    if match.closest is None:
        hint = " (if the first row is data, add the header row)" if not match.known else ""
        return finding(
            SSDA903_UNKNOWN_TABLE,
            f"not an SSDA903 table: it has {named}{others}{hint}",
            Location(shown),
            expected="the columns of one of " + ", ".join(TABLES),
        )
    missing = ", ".join(match.missing)
    own = set(match.known) & (set(TABLES[match.closest]) - _SHARED)
    recognisable = own and 2 * (len(TABLES[match.closest]) - len(match.missing)) >= len(
        TABLES[match.closest]
    )
    if recognisable:
        return finding(
            SSDA903_MISSING_COLUMNS,
            f"the {match.closest} table lacks {missing}, so it is not used",
            Location(shown),
            expected=", ".join(TABLES[match.closest]),
        )
    return finding(
        SSDA903_UNKNOWN_TABLE,
        f"not an SSDA903 table: it has {named}{others}; closest is {match.closest} "
        f"(which also needs {missing})",
        Location(shown),
        expected=", ".join(TABLES[match.closest]),
    )
