"""What every check sees (:class:`Context`) and the registry the check modules add themselves to.

A check is a function ``(Context) -> Iterable[Finding]``; it looks at one thing and yields a finding
per problem. Checks that need the pledge definition yield nothing when it could not be loaded, so a
broken ``pledge.yaml`` still leaves the workbook-only checks running.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from pledgekit.checks.rows import RowTest, TableRows, each_row, table_rows
from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import area_key
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Frequency, Unit
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period


@dataclass(frozen=True)
class Context:
    """The inputs of one validation run, with what several checks need worked out once.

    ``home`` holds the home council's observations, or None when the workbooks carry several
    areas and the definition does not say which is home (a finding says so). ``period`` is the
    reporting period: the latest one that most measures report (see :func:`reporting_period`).
    """

    definition: Definition | None
    dataset: Dataset
    measures: dict[str, Measure]
    home: tuple[Observation, ...] | None
    period: Period | None
    by_unit: dict[Unit, list[tuple[Observation, Measure]]] = field(default_factory=dict)
    #: The dataset's rows as columns (None when it was given as a list of observations).
    columns: list[TableRows] | None = None

    def measure(self, observation: Observation) -> Measure | None:
        """The definition's measure for an observation, or None (unknown, or no definition)."""
        return self.measures.get(observation.measure)

    def of_units(
        self, *units: Unit, where: RowTest | None = None
    ) -> Iterator[tuple[Observation, Measure]]:
        """Observations (every area) of known measures in these units, with their measure.

        ``where`` narrows a columnar dataset to the rows that can break the caller's rule (the
        caller still tests each row it gets); over a list of observations it is not needed.
        Grouped by unit once, so a check about percentages does not walk a national file's
        other 100,000 rows.
        """
        if self.columns is None:
            for unit in units or tuple(Unit):
                yield from self.by_unit.get(unit, ())
            return
        for unit in units or tuple(Unit):
            for rows in self.columns:
                if not len(rows):
                    continue
                mask = rows.of_units((unit,))
                if where is not None:
                    mask &= where(rows)
                for obs in rows.observations(mask):
                    yield obs, self.measures[obs.measure]

    def observations(self, where: RowTest | None = None) -> Iterator[Observation]:
        """Every observation (every area, known measure or not), in reading order.

        ``where`` narrows a columnar dataset as for :meth:`of_units`.
        """
        if self.columns is None:
            yield from self.dataset.observations
        else:
            yield from each_row(self.columns, where or (lambda rows: np.ones(len(rows), bool)))

    def known_home(self) -> Iterator[Observation]:
        """Home-area observations of measures the definition knows."""
        return (o for o in self.home or () if o.measure in self.measures)


Check = Callable[[Context], Iterable[Finding]]
CHECKS: list[Check] = []
#: Codes the checks report, in registration order. Unlike the whole catalogue (which grows with
#: whatever else the process imported) this is fixed, so reports list the same checks every run.
CHECK_CODES: list[str] = []


def uses_codes(*codes: str) -> None:
    """Record catalogued codes the checks report (their own, and readers' and the guard's)."""
    for code in codes:
        if code not in CHECK_CODES:
            CHECK_CODES.append(code)


def check(func: Check) -> Check:
    """Register a check; the order of registration is the order they run in."""
    CHECKS.append(func)
    return func


def _home_key(definition: Definition | None, areas: set[str]) -> str | None:
    """The home area among ``areas`` (compared keys): the definition's ``area:``, or the only
    area there is; None when there are several and none is named, or the named one is absent.
    """
    wanted = area_key(definition.area) if definition and definition.area else None
    if wanted is None:
        return next(iter(areas)) if len(areas) == 1 else None
    return wanted if wanted in areas else None


def home_observations(
    definition: Definition | None, observations: list[Observation]
) -> tuple[Observation, ...] | None:
    """The home council's rows, chosen as :func:`~pledgekit.score.area_figures.split_areas` does.

    Never raises.

    Rows without an area belong to the home council. None when there are several areas and no
    ``area:`` in the definition to pick one, or when the named area has no rows.
    """
    areas = {area_key(o.area) for o in observations if o.area is not None}
    if not areas:
        return tuple(observations)
    wanted = _home_key(definition, areas)
    if wanted is None:
        return None
    return tuple(o for o in observations if o.area is None or area_key(o.area) == wanted)


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
    """Work out the home rows and reporting period once for every check.

    Over a columnar dataset only the home council's rows become observations here; the checks
    that look at every row pick theirs from the columns.
    """
    measures = {m.id: m for _, m in definition.measures()} if definition else {}
    columns = table_rows(dataset.columnar(), measures)
    by_unit: dict[Unit, list[tuple[Observation, Measure]]] = {}
    if columns is None:
        home = home_observations(definition, dataset.observations)
        for obs in dataset.observations:
            measure = measures.get(obs.measure)
            if measure is not None:
                by_unit.setdefault(measure.unit, []).append((obs, measure))
    else:
        home = _columnar_home(definition, columns)
    known = [o for o in home or () if not measures or o.measure in measures]
    period = reporting_period(definition, known)
    return Context(definition, dataset, measures, home, period, by_unit, columns)


def _columnar_home(
    definition: Definition | None, columns: list[TableRows]
) -> tuple[Observation, ...] | None:
    """:func:`home_observations` over the columns: objects for the home rows only."""
    present = [
        {c: a for c in np.unique(t.table.area).tolist() if (a := t.table.areas[c]) is not None}
        if t.table.area is not None and len(t)
        else {}
        for t in columns
    ]
    areas = {area_key(a) for found in present for a in found.values()}
    if not areas:
        return tuple(o for t in columns for o in t.table.observations())
    wanted = _home_key(definition, areas)
    if wanted is None:
        return None
    home: list[Observation] = []
    for rows in columns:
        table = rows.table
        if table.area is None:
            home.extend(table.observations())
            continue
        mine = np.array([a is None or area_key(a) == wanted for a in table.areas], dtype=bool)
        home.extend(rows.observations(mine[table.area]))
    return tuple(home)


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


def run_checks(definition: Definition | None, dataset: Dataset) -> list[Finding]:
    """Run every registered check over ``dataset`` and return their findings, in check order.

    ``definition`` may be None (it failed to load): only the checks that need no definition run.
    Findings met while reading (``dataset.findings``) are not included; :func:`validate` adds them.
    """
    context = build_context(definition, dataset)
    found: list[Finding] = []
    for run in CHECKS:
        found.extend(run(context))
    return found
