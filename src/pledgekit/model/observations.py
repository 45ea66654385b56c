"""What reading workbooks gives: observations (one per measure, period, area), optional sheets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, overload

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


@dataclass(frozen=True, slots=True)
class Commitment:
    """A directorate's commitment and its progress (sheet ``Commitments``)."""

    directorate: str
    pledge: str | None
    commitment: str
    status: str | None
    update: str | None
    location: Location
    lead: str | None = None
    due: date | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One action of the action plan (sheet ``Actions``, or ``actions:`` in meeting.yaml).

    ``ref`` is the action's reference (``A3``), or None to be numbered in order; ``measures``
    the ids of the measures it should move; ``milestone`` the date it is due.
    """

    action: str
    location: Location
    ref: str | None = None
    pledge: str | None = None
    promise: str | None = None
    measures: tuple[str, ...] = ()
    lead: str | None = None
    partners: str | None = None
    resources: str | None = None
    milestone: date | None = None
    status: str | None = None
    update: str | None = None


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
    england: str | None = None


class ObservationSource(Protocol):
    """Rows that can be turned into observations on demand (a columnar indicator table)."""

    def __len__(self) -> int: ...

    def observations(self, which: Sequence[int] | None = None) -> list[Observation]: ...


class _BuiltOnFirstUse:
    """The ``observations`` field of :class:`Dataset`: built from its sources when first read.

    A dataclass field with this as its default takes None (the default) to mean "build from the
    sources", and a list to mean exactly that list.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, obj: None, owner: type) -> None: ...

    @overload
    def __get__(self, obj: Dataset, owner: type) -> list[Observation]: ...

    def __get__(self, obj: Dataset | None, owner: type) -> list[Observation] | None:
        if obj is None:
            return None  # the field's default: build from the sources
        built: list[Observation] | None = obj.__dict__.get(self.slot)
        if built is None:
            built = [o for source in obj.sources for o in source.observations()]
            obj.__dict__[self.slot] = built
            obj.sources = []
        return built

    def __set__(self, obj: Dataset, value: list[Observation] | None) -> None:
        obj.__dict__[self.slot] = value


@dataclass
class Dataset:
    """Everything read from one or more workbooks, with the problems met on the way.

    Readers hand over their indicator rows as columnar ``sources``; ``observations`` is built
    from them the first time it is read, and is an ordinary list from then on. Code that can work
    on columns (the scorecard's area split, the row checks) reads :meth:`columnar` and builds
    objects only for the rows it shows or reports.
    """

    observations: _BuiltOnFirstUse = _BuiltOnFirstUse()
    commitments: list[Commitment] = field(default_factory=list)
    updates: list[PledgeUpdate] = field(default_factory=list)
    profile: list[ProfileItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    sources: list[ObservationSource] = field(default_factory=list, repr=False)

    def columnar(self) -> list[ObservationSource] | None:
        """The columnar sources when the observations have not been built (or given); else None."""
        if self.__dict__.get("_observations") is None:
            return self.sources
        return None

    def __len__(self) -> int:
        """The number of observations, without building them."""
        sources = self.columnar()
        if sources is not None:
            return sum(len(source) for source in sources)
        return len(self.observations)

    def extend(self, other: Dataset) -> None:
        """Add another dataset's contents to this one."""
        mine, theirs = self.columnar(), other.columnar()
        if mine is not None and theirs is not None:
            mine.extend(theirs)
        else:
            self.observations.extend(other.observations)
        self.commitments.extend(other.commitments)
        self.actions.extend(other.actions)
        self.updates.extend(other.updates)
        self.profile.extend(other.profile)
        self.findings.extend(other.findings)
        self.files.extend(other.files)

    def periods(self) -> list[Period]:
        """Distinct periods with observations, oldest first."""
        return sorted({o.period for o in self.observations})
