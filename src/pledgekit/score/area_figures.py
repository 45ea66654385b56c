"""Workbooks with an ``area`` column: the home council's rows, and the others as comparators."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

import numpy as np

from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.errors import InputError
from pledgekit.model.indicator_table import IndicatorTable, area_key
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period
from pledgekit.model.published_figures import NeighbourAverage
from pledgekit.score.ranking import neighbour_average, rank_of

ENGLAND = {"england", "e92000001"}


@dataclass
class AreaFigures:
    """Other areas' numeric values per (measure, period), for comparators and national rank."""

    values: dict[tuple[str, Period], dict[str, float]] = field(default_factory=dict)
    neighbours: set[str] = field(default_factory=set)
    average: NeighbourAverage = NeighbourAverage.MEDIAN

    def comparators(self, measure: str, period: Period | None) -> dict[str, float]:
        """England, the statistical neighbours' median (or mean, as configured) and the
        all-areas average, where present."""
        if period is None:
            return {}
        figures = self.values.get((measure, period), {})
        result: dict[str, float] = {}
        england = [v for a, v in figures.items() if a in ENGLAND]
        if england:
            result["england"] = england[0]
        near = neighbour_average(
            [v for a, v in figures.items() if a in self.neighbours], self.average
        )
        if near is not None:
            result["statistical_neighbours"] = near
        councils = [v for a, v in figures.items() if a not in ENGLAND]
        if councils:
            result["all_areas"] = round(mean(councils), 2)
        return result

    def rank(
        self, measure: Measure, period: Period | None, value: float | None
    ) -> tuple[int | None, int | None]:
        """Rank of ``value`` among all councils (1 is best) and how many were ranked."""
        if period is None or value is None or measure.polarity in (Polarity.NONE, Polarity.BAND):
            return None, None
        figures = self.values.get((measure.id, period), {})
        councils = [v for a, v in figures.items() if a not in ENGLAND]
        if not councils:
            return None, None
        return rank_of(value, [*councils, value], measure.polarity), len(councils) + 1


def split_dataset(
    definition: Definition, dataset: Dataset
) -> tuple[list[Observation], AreaFigures]:
    """:func:`split_areas` over a dataset, building observations for the home council's rows only.

    A national file holds 150 councils: the other 149 are needed only as numbers per measure and
    period, which the columns give without an object per row.
    """
    sources = dataset.columnar()
    if sources is None or not all(isinstance(s, IndicatorTable) for s in sources):
        return split_areas(definition, dataset.observations)
    tables = [s for s in sources if isinstance(s, IndicatorTable)]
    areas = {a for t in tables if t.area is not None for a in _areas_present(t)}
    if not areas:
        return [o for t in tables for o in t.observations()], AreaFigures()
    home_key = _home_key(definition, areas)
    home: list[Observation] = []
    values: dict[tuple[str, Period], dict[str, float]] = defaultdict(dict)
    for table in tables:
        keys = [home_key if a is None else area_key(a) for a in table.areas]
        if table.area is None:
            home.extend(table.observations())
            continue
        is_home = np.array([k == home_key for k in keys], dtype=bool)[table.area]
        home.extend(table.observations(np.flatnonzero(is_home).tolist()))
        number = table.flags("value", lambda r: r.is_number and r.number is not None)
        others = np.flatnonzero(~is_home & number)
        readings, measures, periods = table.readings, table.measures, table.periods
        for m, p, a, v in zip(
            table.measure[others].tolist(),
            table.period[others].tolist(),
            table.area[others].tolist(),
            table.figures["value"][others].tolist(),
            strict=True,
        ):
            values[(measures[m], periods[p])][keys[a]] = readings[v].number
    return home, AreaFigures(
        dict(values),
        {area_key(n) for n in definition.neighbours},
        definition.benchmarks.neighbour_average,
    )


def _areas_present(table: IndicatorTable) -> set[str]:
    assert table.area is not None
    return {a for c in np.unique(table.area).tolist() if (a := table.areas[c]) is not None}


def _home_key(definition: Definition, areas: set[str]) -> str:
    """The home council's area key; raises when it cannot be told or has no rows."""
    home_key = area_key(definition.area) if definition.area else None
    if home_key is None:
        if len(areas) > 1:
            shown = ", ".join(sorted(areas)[:5]) + (" ..." if len(areas) > 5 else "")
            raise InputError(
                f"the workbook has figures for {len(areas)} areas ({shown}); set 'area:' in "
                "pledge.yaml to the code or name of this council"
            )
        home_key = area_key(next(iter(areas)))
    if home_key not in {area_key(a) for a in areas}:
        raise InputError(
            f"no rows for area {definition.area!r} (from pledge.yaml) in the workbook's area column"
        )
    return home_key


def split_areas(
    definition: Definition, observations: list[Observation]
) -> tuple[list[Observation], AreaFigures]:
    """Separate the home council's observations from other areas' figures.

    Without an area column every observation is the home council's. With one, ``area:`` in the
    definition names the home council; a workbook with a single area needs no setting.
    """
    areas = {o.area for o in observations if o.area is not None}
    if not areas:
        return observations, AreaFigures()
    home_key = _home_key(definition, areas)
    home: list[Observation] = []
    values: dict[tuple[str, Period], dict[str, float]] = defaultdict(dict)
    for obs in observations:
        key = area_key(obs.area) if obs.area is not None else home_key
        if key == home_key:
            home.append(obs)
        elif obs.value.is_number and obs.value.number is not None:
            values[(obs.measure, obs.period)][key] = obs.value.number
    return home, AreaFigures(
        dict(values),
        {area_key(n) for n in definition.neighbours},
        definition.benchmarks.neighbour_average,
    )
