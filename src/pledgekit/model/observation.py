"""One row of the indicator table as an object: a measure's figures for one period (and area).

Rows are held as columns (:mod:`pledgekit.model.indicator_table`); an observation is the per-row
view built from them where a check words a finding or the scorecard rates a measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.periods import Period
from pledgekit.model.values import MISSING, Reading


@dataclass(frozen=True, slots=True)
class Observation:
    """One row of the indicator table: a measure's figures for one period (and area).

    ``location`` points at the value cell (or the row when there is no value column); ``cells``
    maps each field read (``value``, ``numerator``, ...) to its A1 reference on the same sheet.
    """

    measure: str
    period: Period
    location: Location
    value: Reading = MISSING
    numerator: Reading = MISSING
    denominator: Reading = MISSING
    commentary: str | None = None
    target: float | None = None
    comparators: dict[str, float] = field(default_factory=dict)
    area: str | None = None
    cells: dict[str, str] = field(default_factory=dict)

    def cell_location(self, name: str) -> Location:
        """Location of one field's cell, falling back to the row's location."""
        cell = self.cells.get(name)
        if cell is None:
            return self.location
        column = "".join(ch for ch in cell if ch.isalpha())
        return Location(self.location.file, self.location.sheet, int(cell[len(column) :]), column)

    def finding(
        self,
        code: str,
        message: str,
        *,
        cell: str = "value",
        found: object = None,
        expected: str | None = None,
    ) -> Finding:
        """A finding about this row, located at one of its cells and naming its measure."""
        return finding(
            code,
            message,
            self.cell_location(cell),
            found=found,
            expected=expected,
            measure=self.measure,
        )
