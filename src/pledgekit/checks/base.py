"""What every check sees (:class:`Context`) and how a check declares the codes it reports.

A check is a function ``(Context) -> Iterable[Finding]`` declared with the codes it reports
(``@check(codes=...)``, which only marks the function: :mod:`pledgekit.checks.checklist` collects
the checks); it states its rule once, as arrays over the dataset's columns, and builds an
observation only for a row it reports. Checks that need the pledge definition yield nothing
when it could not be loaded, so a broken ``pledge.yaml`` still leaves the workbook-only checks
running.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Frequency, Unit
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period


@dataclass(frozen=True)
class Context:
    """The inputs of one validation run, with what several checks need worked out once.

    ``table`` is the dataset's indicator rows (columns); ``units`` gives each row's unit as an
    index into :data:`UNITS` (-1 for a measure the definition does not know). ``home`` holds
    the home council's observations, or None when the workbooks carry several areas and the
    definition does not say which is home (a finding says so). ``period`` is the reporting
    period: the latest one that most measures report (see :func:`reporting_period`).
    """

    definition: Definition | None
    dataset: Dataset
    measures: dict[str, Measure]
    table: IndicatorTable
    units: Any
    home: tuple[Observation, ...] | None
    period: Period | None

    def measure(self, observation: Observation) -> Measure | None:
        """The definition's measure for an observation, or None (unknown, or no definition)."""
        return self.measures.get(observation.measure)

    def of_units(self, *units: Unit) -> Any:
        """A boolean array: the row's measure is known and in one of ``units``."""
        return np.isin(self.units, [UNITS.index(u) for u in units])

    def known(self) -> Any:
        """A boolean array: the row's measure is in the definition."""
        return self.units >= 0

    def where(self, mask: Any) -> list[Observation]:
        """Observations of the rows ``mask`` picks, in reading order."""
        return self.table.where(mask)

    def flagged(self, masks: dict[str, Any]) -> Iterator[tuple[Observation, list[str]]]:
        """Each row some mask picks, with the names of the masks that pick it (in order)."""
        rows = np.flatnonzero(np.logical_or.reduce(list(masks.values()))).tolist()
        for index, obs in zip(rows, self.table.observations(rows), strict=True):
            yield obs, [name for name, mask in masks.items() if mask[index]]

    def known_home(self) -> Iterator[Observation]:
        """Home-area observations of measures the definition knows."""
        return (o for o in self.home or () if o.measure in self.measures)


Check = Callable[[Context], Iterable[Finding]]
#: The units in the order :attr:`Context.units` numbers them.
UNITS = tuple(Unit)
#: The attribute :func:`check` sets on a check: the codes it declares.
_CODES = "check_codes"


def check(*, codes: Sequence[str]) -> Callable[[Check], Check]:
    """Declare a function a check reporting the catalogued ``codes``: the function is returned
    unchanged but for those codes, and nothing is registered (the checklist lists the theme
    modules and collects their checks)."""

    def declare(func: Check) -> Check:
        setattr(func, _CODES, tuple(codes))
        return func

    return declare


def declared_codes(value: object) -> tuple[str, ...] | None:
    """The codes ``value`` was declared with by :func:`check`, or None when it is not a check."""
    codes = getattr(value, _CODES, None) if callable(value) else None
    return codes if isinstance(codes, tuple) else None


def reporting_period(definition: Definition | None, home: Iterable[Observation]) -> Period | None:
    """The period being reported: the latest that at least half as many measures report as the
    busiest period does.

    Taking the plain latest period would let one mistyped row ("2029-30 Q2") redefine the quarter
    and turn every other measure into a missing one. Quarterly (and monthly) figures decide; annual
    ones only when there is nothing else.
    """
    measures_in: dict[Period, set[str]] = {}
    annual_measures = (
        {m.id for _, m in definition.measures() if m.frequency is Frequency.ANNUAL}
        if definition
        else set()
    )
    for obs in home:
        if obs.measure in annual_measures:
            continue
        measures_in.setdefault(obs.period, set()).add(obs.measure)
    quarterly = {p: len(ms) for p, ms in measures_in.items() if not p.is_annual}
    counts = quarterly or {p: len(ms) for p, ms in measures_in.items()}
    if not counts:
        return None
    busiest = max(counts.values())
    return max(p for p, n in counts.items() if 2 * n >= busiest)


def build_context(definition: Definition | None, dataset: Dataset) -> Context:
    """Work out the units, home rows and reporting period once for every check.

    Only the home council's rows become observations here; the checks that look at every row
    pick theirs from the columns.
    """
    measures = {m.id: m for _, m in definition.measures()} if definition else {}
    table = dataset.table
    known = [measures.get(m) for m in table.measures]
    units = np.array([UNITS.index(m.unit) if m else -1 for m in known] or [-1], dtype=np.int8)
    home_rows = table.home(definition.area if definition else None)
    home = tuple(table.where(home_rows)) if home_rows is not None else None
    rated = [o for o in home or () if not measures or o.measure in measures]
    period = reporting_period(definition, rated)
    return Context(definition, dataset, measures, table, units[table.measure], home, period)


def main_location(context: Context, period: Period | None) -> Location:
    """Where a figure that is absent should have been: the sheet most rows of ``period`` are on."""
    places = Counter(
        (o.location.file, o.location.sheet)
        for o in context.home or ()
        if period is None or o.period == period
    )
    if places:
        (file, sheet), _ = places.most_common(1)[0]
        return Location(file, sheet)
    files = context.dataset.files
    return Location(files[0] if files else "")
