"""Two files giving one figure differently: the same measure, period and area, other figures.

Quarterly returns are often re-sent: q2.xlsx and q2-revised.xlsx both hold 2019-20 Q2. When they
agree nothing is lost; when they disagree, which one is right cannot be told, and taking the one
given last would make the scorecard depend on the order of the file names typed. So every row
involved is reported when the files are read (:func:`conflict_findings`), the rows stay as read
for the checks, and what is rated (:func:`without_conflicts`) keeps one row, from the file whose
name sorts first (for its commentary and place), with figures that are not numbers: not rated,
shown as "?".
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pledgekit.model.codes import CONFLICTING_FIGURES
from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading, ValueState

#: What a row's figures become when two files disagree on them.
CONFLICT = Reading(ValueState.INVALID, raw="conflicting figures")


def _figures(obs: Observation) -> tuple[object, ...]:
    return tuple((r.state, r.number) for r in (obs.value, obs.numerator, obs.denominator))


def conflicts(table: IndicatorTable) -> list[list[int]]:
    """Row indices of each (measure, period, area) that files give different figures for, the
    row of the file whose name sorts first (then sheet, then row) first in each group.

    Only rows whose (measure, period, area) appears in more than one file are looked at, so a
    single national file costs nothing here. The result is the same in any order of the files.
    """
    import numpy as np

    names = sorted({source.file for source in table.sources})
    if len(names) < 2:
        return []
    file_of = np.array([names.index(s.file) for s in table.sources], dtype=np.int64)
    keys = table.identities()
    pairs = np.unique(np.stack([keys, file_of[table.source]]), axis=1)
    shared, counts = np.unique(pairs[0], return_counts=True)
    rows = np.flatnonzero(np.isin(keys, shared[counts > 1])).tolist()
    groups: dict[int, list[tuple[int, Observation]]] = defaultdict(list)
    for index, obs in zip(rows, table.observations(rows), strict=True):
        groups[int(keys[index])].append((index, obs))
    found = []
    for members in groups.values():
        if len({_figures(obs) for _, obs in members}) > 1:
            members.sort(key=lambda m: (m[1].location.file, m[1].location.sheet or "", m[0]))
            found.append([index for index, _ in members])
    return found


def conflict_findings(table: IndicatorTable) -> list[Finding]:
    """A ``conflicting-figures`` finding for every row of every conflict."""
    return [item for group in conflicts(table) for item in _report(table.observations(group))]


def without_conflicts(table: IndicatorTable) -> IndicatorTable:
    """The table as rated: each conflict one row (the first of its group) whose figures are not
    numbers."""
    import numpy as np

    groups = conflicts(table)
    if not groups:
        return table
    keep: Any = np.ones(len(table), dtype=bool)
    for group in groups:
        keep[group[1:]] = False
    return table.with_figures([group[0] for group in groups], CONFLICT).take(keep)


def _report(members: list[Observation]) -> list[Finding]:
    """One finding per row of a conflict, naming the other figures and where they are."""
    found = []
    for obs in members:
        others = ", ".join(
            f"{_shown(o)} in {o.cell_location('value')}" for o in members if o is not obs
        )
        area = f" for {obs.area}" if obs.area else ""
        found.append(
            obs.finding(
                CONFLICTING_FIGURES,
                f"measure {obs.measure}{area} for {obs.period.label} is {_shown(obs)} here but "
                f"{others}; neither figure is rated until the files agree",
                found=_shown(obs),
                expected="the same figures in every file that gives this measure and period",
            )
        )
    return found


def _shown(obs: Observation) -> str:
    value = obs.value.raw or obs.value.display() or "blank"
    num, den = obs.numerator, obs.denominator
    if num.is_number and den.is_number:
        return f"{value} ({num.display()} of {den.display()})"
    return value
