"""What reading workbooks gives: observations (one per measure, period, area), optional sheets."""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgekit.model.findings import Finding
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


@dataclass(frozen=True, slots=True)
class Commitment:
    """A directorate's commitment and its progress (sheet ``Commitments``)."""

    directorate: str
    pledge: str | None
    commitment: str
    status: str | None
    update: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class PledgeUpdate:
    """Narrative text for a pledge (sheet ``Updates``)."""

    pledge: str
    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class ProfileItem:
    """One line of the cohort profile (sheet ``Profile``), e.g. children in care: 412."""

    label: str
    value: str
    location: Location
    period: Period | None = None


@dataclass
class Dataset:
    """Everything read from one or more workbooks, with the problems met on the way."""

    observations: list[Observation] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    updates: list[PledgeUpdate] = field(default_factory=list)
    profile: list[ProfileItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def extend(self, other: Dataset) -> None:
        """Add another dataset's contents to this one."""
        self.observations.extend(other.observations)
        self.commitments.extend(other.commitments)
        self.updates.extend(other.updates)
        self.profile.extend(other.profile)
        self.findings.extend(other.findings)
        self.files.extend(other.files)

    def periods(self) -> list[Period]:
        """Distinct periods with observations, oldest first."""
        return sorted({o.period for o in self.observations})
