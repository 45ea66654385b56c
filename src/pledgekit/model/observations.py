"""What reading workbooks gives: the indicator rows as one table, the optional sheets, findings.

:class:`Observation` (one indicator row as an object) is defined in
:mod:`pledgekit.model.observation` and named here too, as readers and checks know it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.location import Location
from pledgekit.model.observation import Observation
from pledgekit.model.periods import Period
from pledgekit.model.table_making import combine, empty_table, table_of

__all__ = [
    "ActionItem",
    "Commitment",
    "Dataset",
    "Observation",
    "PledgeUpdate",
    "ProfileItem",
]


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


@dataclass
class Dataset:
    """Everything read from one or more workbooks, with the problems met on the way.

    The indicator rows of every file are one columnar :class:`IndicatorTable` (``table``);
    :meth:`observations` builds the per-row view of all of them, for small data and tests.
    Python users with observations in hand make a dataset with :meth:`of`.
    """

    table: IndicatorTable = field(default_factory=empty_table)
    commitments: list[Commitment] = field(default_factory=list)
    updates: list[PledgeUpdate] = field(default_factory=list)
    profile: list[ProfileItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)

    @classmethod
    def of(cls, observations: Sequence[Observation], **parts: Any) -> Dataset:
        """A dataset holding ``observations`` (and any other field by name)."""
        return cls(table_of(observations), **parts)

    def __len__(self) -> int:
        """The number of indicator rows."""
        return len(self.table)

    def observations(self) -> list[Observation]:
        """Every indicator row as an observation, in reading order."""
        return self.table.observations()

    def extend(self, other: Dataset) -> None:
        """Add another dataset's contents to this one."""
        self.table = combine([self.table, other.table])
        self.commitments.extend(other.commitments)
        self.actions.extend(other.actions)
        self.updates.extend(other.updates)
        self.profile.extend(other.profile)
        self.findings.extend(other.findings)
        self.files.extend(other.files)
