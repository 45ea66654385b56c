"""Percentages that may have been written as fractions: 0.36 where a measure's figures are near 40.

Every rule compares a value with figures of its own measure (its own area's other periods, other
areas', its numerator and denominator, its target). The figures are read
from the table's columns, only those of the suspects' measures and areas (a few thousand rows of
a million), and observations are built only for the suspect values. numpy is imported where it
is first used, after a workbook is read: not loaded under calamine's parse, where a read peaks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from statistics import median
from typing import Any

from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.codes import PERCENT_SCALE_UNCLEAR
from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observation import Observation
from pledgekit.model.values import Reading, format_number


def percent_scale_findings(table: IndicatorTable, definition: Definition | None) -> list[Finding]:
    """Warn about percentages that may be fractions: 0.36 where the measure's figures are near 40.

    A measure counts as a percentage when the definition says so, or (without one) when any of
    its figures was written or formatted as a percentage. A value ``x`` in (0, 1] not marked as a
    percentage is suspect when its numerator / denominator give ``x`` rather than ``100x``, or when
    a reference is nearer ``100x`` than ``x`` (above ``10x``, the midpoint on a log scale): the
    median of the same area's other periods, else of other areas; or, when all of those are
    fractions too (or there are none), the target.
    """
    suspect = table.flags("value", _suspect)
    if not suspect.any():
        return []
    marked = table.measures_where(table.flags("value", lambda r: r.percent))
    return _findings(table, table.where(suspect), marked, definition)


def _figures(
    table: IndicatorTable,
    pairs: Collection[tuple[str, str | None]],
    wanted: Collection[str],
) -> Iterator[tuple[str, str | None, float]]:
    import numpy as np

    numbers = table.numbers("value")
    rows = np.flatnonzero(~np.isnan(numbers) & _rows_of(table, pairs, wanted)).tolist()
    measures, areas = table.measures, table.areas
    for m, a, v in zip(
        table.measure[rows].tolist(), table.area[rows].tolist(), numbers[rows].tolist(), strict=True
    ):
        yield measures[m], areas[a], v


def _rows_of(
    table: IndicatorTable, pairs: Collection[tuple[str, str | None]], wanted: Collection[str]
) -> Any:
    """A boolean array: the row's (measure, area) is one of ``pairs`` or its measure is
    ``wanted``; judged once per distinct pair of codes, so only the rows that count are read."""
    import numpy as np

    names = table.areas
    width = max(len(names), 1)
    groups, inverse = np.unique(
        table.measure.astype(np.int64) * width + table.area, return_inverse=True
    )
    keep = [
        (table.measures[m], names[a]) in pairs or table.measures[m] in wanted
        for m, a in (divmod(group, width) for group in groups.tolist())
    ]
    return np.array(keep, dtype=bool)[inverse]


def _suspect(reading: Reading) -> bool:
    return not reading.percent and 0 < (reading.number or 0) <= 1


def _findings(
    table: IndicatorTable,
    suspects: list[Observation],
    marked: set[str],
    definition: Definition | None,
) -> list[Finding]:
    measures = {m.id: m for _, m in definition.measures()} if definition else {}
    suspects = [
        obs
        for obs in suspects
        if (obs.measure in marked if obs.measure not in measures else _is_percent(measures, obs))
    ]
    # Figures to compare with: the suspects' own series, and other areas' only when needed.
    series: dict[tuple[str, str | None], list[float]] = {(o.measure, o.area): [] for o in suspects}
    for measure, area, number in _figures(table, series.keys(), ()):
        series[measure, area].append(number)
    lonely = {key[0] for key, values in series.items() if len(values) < 2}
    across: dict[str, list[float]] = defaultdict(list)
    for measure, _, number in _figures(table, (), lonely) if lonely else ():
        across[measure].append(number)
    # (median, largest) of each group with more than the one figure; the suspect itself barely
    # moves a median, and leaving it in keeps this linear however many suspects there are.
    stats = {key: (median(v), max(v)) for key, v in series.items() if len(v) > 1}
    wide = {m: (median(v), max(v)) for m, v in across.items() if len(v) > 1}
    found = []
    for obs in suspects:
        evidence = _fraction_evidence(obs, measures.get(obs.measure), stats, wide)
        if evidence is None:
            continue
        number = obs.value.number or 0.0
        shown = format_number(round(number * 100, 9))
        found.append(
            obs.finding(
                PERCENT_SCALE_UNCLEAR,
                f"the value {number:.10g} may be a fraction meaning {shown}%: "
                f"{evidence}; write it as {shown}, or format the cell as a percentage",
                found=f"{number:.10g}",
                expected="a percentage from 0 to 100",
            )
        )
    return found


def _is_percent(measures: dict[str, Measure], obs: Observation) -> bool:
    return measures[obs.measure].unit is Unit.PERCENT


def _fraction_evidence(
    obs: Observation,
    measure: Measure | None,
    stats: dict[tuple[str, str | None], tuple[float, float]],
    wide: dict[str, tuple[float, float]],
) -> str | None:
    """Why ``obs.value`` looks like a fraction of 1, or None when it does not."""
    number = obs.value.number or 0.0
    num, den = obs.numerator.number, obs.denominator.number
    if num is not None and den:
        ratio = num / den
        if abs(number - ratio) < abs(number - 100 * ratio):
            return f"its numerator / denominator is {ratio:.4g}"
        return None
    own = stats.get((obs.measure, obs.area))
    context = own or wide.get(obs.measure)
    if context is not None:
        reference, largest = context
        if reference > 10 * number:
            where = "other periods" if own else "other areas' figures"
            return f"the measure's {where} are around {format_number(reference)}"
        if largest > 1:
            return None  # the measure's own figures put it on the 0-100 scale
    target = obs.target
    if target is None and measure is not None:
        planned = measure.target_for(obs.period)
        target = float(planned) if isinstance(planned, (int, float)) else None
    if target is not None and target > 10 * number:
        alone = "its figures are all between 0 and 1 but" if context else ""
        return f"{alone} its target is {format_number(target)}".strip()
    return None
