"""The rows of a columnar dataset as the row-level checks see them: numbers and flags as arrays.

A check over 120,000 rows asks for the rows that could break its rule (a numerator above its
denominator, a percentage outside 0-100, a value its ratio does not give) as a boolean array over
the columns, and gets observations for those rows only; its own per-row code then decides, and
words the finding, exactly as it would over every row. Each test on a reading runs once per
distinct reading, not once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from pledgekit.config.pledge import Measure
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading

#: A test over one table's rows: a boolean array, True for the rows worth a closer look.
RowTest = Callable[["TableRows"], Any]


class TableRows:
    """One indicator table with the definition's measures: per-row arrays, computed once."""

    def __init__(self, table: IndicatorTable, measures: dict[str, Measure]) -> None:
        self.table = table
        self._numbers: dict[str, Any] = {}
        known = [measures.get(m) for m in table.measures]
        self._units = np.array(
            [list(Unit).index(m.unit) if m is not None else -1 for m in known], dtype=np.int8
        )[table.measure]

    def __len__(self) -> int:
        return len(self.table)

    @property
    def readings(self) -> Sequence[Reading]:
        """The table's distinct readings (what the figure codes point at)."""
        return self.table.readings

    def number(self, slot: str) -> Any:
        """The slot's numbers per row as floats, NaN where the reading is not a number."""
        found = self._numbers.get(slot)
        if found is None:
            codes = self.table.figures.get(slot)
            if codes is None:
                found = np.full(len(self.table), np.nan)
            else:
                per_reading = np.array(
                    [np.nan if r.number is None else r.number for r in self.table.readings],
                    dtype=float,
                )
                found = per_reading[codes]
            self._numbers[slot] = found
        return found

    def flags(self, slot: str, test: Callable[[Reading], bool]) -> Any:
        """``test`` on the slot's reading, row by row (run once per distinct reading)."""
        return self.table.flags(slot, test)

    def of_units(self, units: Sequence[Unit]) -> Any:
        """Rows of known measures in one of ``units``."""
        wanted = [list(Unit).index(u) for u in units]
        return np.isin(self._units, wanted)

    def known(self) -> Any:
        """Rows of measures the definition knows."""
        return self._units >= 0

    def observations(self, mask: Any) -> list[Observation]:
        """Observations for the rows where ``mask`` is true, in sheet order."""
        return self.table.observations(np.flatnonzero(mask).tolist())


def table_rows(
    sources: Sequence[object] | None, measures: dict[str, Measure]
) -> list[TableRows] | None:
    """The columnar view of a dataset's sources, or None when they are not all tables."""
    if sources is None or not all(isinstance(s, IndicatorTable) for s in sources):
        return None
    return [TableRows(s, measures) for s in sources if isinstance(s, IndicatorTable)]


def each_row(tables: Sequence[TableRows], test: RowTest) -> Iterator[Observation]:
    """Observations of the rows ``test`` picks, table by table."""
    for rows in tables:
        if len(rows):
            yield from rows.observations(test(rows))
