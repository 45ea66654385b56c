"""Which SSDA903 table a file holds, told from its column headers alone.

A 903 table is known by its set of columns (``model.ssda903_tables.TABLES``), never by its
file name.
Headers are compared with case, spaces, hyphens and underscores forgiven ("Place provider",
"place_provider" and "PLACE PROVIDER" are one column). A file with a table's columns and more
is that table (the extra columns are ignored); the table with the most columns wins, so a
Header carrying a UASC column is still a Header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgekit.model.ssda903_tables import TABLES

_SEPARATORS = re.compile(r"[^0-9A-Z]+")


def header_key(name: str) -> str:
    """A header with case and separators removed: "Place provider" -> "PLACEPROVIDER"."""
    return _SEPARATORS.sub("", name.upper())


#: Every 903 column by its key, to its canonical name.
CANONICAL: dict[str, str] = {
    header_key(column): column for columns in TABLES.values() for column in columns
}


@dataclass(frozen=True)
class TableMatch:
    """What a file's headers say: the table (None when none fits) and how it fell short.

    ``columns`` maps each canonical column found to its 0-based position in the file;
    ``closest`` is the table sharing most columns with the file, ``missing`` that table's
    columns the file lacks, ``known`` the file's headers that are 903 column names (any other
    header is only counted, as a file without a header row would show child-level values
    there) and ``others`` how many headers are not.
    """

    table: str | None
    closest: str | None
    columns: dict[str, int]
    missing: tuple[str, ...]
    known: tuple[str, ...]
    others: int


def match_table(headers: list[str]) -> TableMatch:
    """The 903 table whose columns ``headers`` hold (see :class:`TableMatch`)."""
    columns: dict[str, int] = {}
    others = 0
    for position, header in enumerate(headers):
        canonical = CANONICAL.get(header_key(str(header)))
        if canonical is None:
            others += 1
        elif canonical not in columns:
            columns[canonical] = position
    found = set(columns)
    complete = [name for name, cols in TABLES.items() if found.issuperset(cols)]
    if complete:
        table = max(complete, key=lambda name: len(TABLES[name]))
        return TableMatch(table, table, columns, (), tuple(columns), others)
    closest = max(TABLES, key=lambda name: (len(found & set(TABLES[name])), -len(TABLES[name])))
    shared = found & set(TABLES[closest])
    missing = tuple(c for c in TABLES[closest] if c not in found)
    return TableMatch(
        None,
        closest if shared else None,
        columns,
        missing if shared else (),
        tuple(columns),
        others,
    )
