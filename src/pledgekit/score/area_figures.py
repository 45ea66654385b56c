"""Workbooks with an ``area`` column: the home council's rows, and the others as comparators."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

import numpy as np

from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.errors import InputError
from pledgekit.model.indicator_table import area_key
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period
from pledgekit.model.published_figures import NeighbourAverage
from pledgekit.read.conflicts import without_conflicts
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
    """The home council's rows as observations, and other areas' figures as comparators.

    Figures two files give differently are not rated (:func:`without_conflicts`). The home
    council is chosen by :meth:`IndicatorTable.home` (``area:`` in the definition, or
    the only area there is); :class:`InputError` when it cannot be told. A national file holds
    150 councils: the other 149 are needed only as numbers per measure and period, which the
    columns give without an object per row.
    """
    table = without_conflicts(dataset.table)
    is_home = table.home(definition.area)
    if is_home is None:
        raise InputError(table.home_problem(definition.area))
    values: dict[tuple[str, Period], dict[str, float]] = defaultdict(dict)
    numbers = table.numbers("value")
    others = np.flatnonzero(~is_home & ~np.isnan(numbers))
    keys = [area_key(a) if a is not None else "" for a in table.areas]
    measures, periods = table.measures, table.periods
    for m, p, a, v in zip(
        table.measure[others].tolist(),
        table.period[others].tolist(),
        table.area[others].tolist(),
        numbers[others].tolist(),
        strict=True,
    ):
        values[(measures[m], periods[p])][keys[a]] = v
    return table.where(is_home), AreaFigures(
        dict(values),
        {area_key(n) for n in definition.neighbours},
        definition.benchmarks.neighbour_average,
    )
