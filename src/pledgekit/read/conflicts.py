"""Two files giving one figure differently: the same measure, period and area, other figures.

Quarterly returns are often re-sent: q2.xlsx and q2-revised.xlsx both hold 2019-20 Q2. When they
agree nothing is lost; when they disagree, which one is right cannot be told, and taking the one
given last would make the scorecard depend on the order of the file names typed. So the rows are
replaced by one whose figures are not numbers (it is not rated, and shows as "?"), kept from the
file whose name sorts first (for its commentary and place), and every row involved is reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pledgekit.model.codes import CONFLICTING_FIGURES
from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable, row_identities
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading, ValueState

#: What a row's figures become when two files disagree on them.
CONFLICT = Reading(ValueState.INVALID, raw="conflicting figures")


def _figures(obs: Observation) -> tuple[object, ...]:
    return tuple((r.state, r.number) for r in (obs.value, obs.numerator, obs.denominator))


def resolve_conflicts(
    tables: Sequence[IndicatorTable],
) -> tuple[list[IndicatorTable], list[Finding]]:
    """The tables with conflicting rows resolved as the module says, and a finding per row.

    Only rows whose (measure, period, area) appears in more than one file are looked at, so a
    single national file costs nothing here. The result is the same in any order of ``tables``.
    """
    import numpy as np

    files = {t.file for t in tables if len(t)}
    if len(files) < 2:
        return list(tables), []
    keys = row_identities(tables)
    file_of = {file: n for n, file in enumerate(sorted(files))}
    joined = np.concatenate(keys)
    owner = np.concatenate([np.full(len(t), file_of.get(t.file, 0)) for t in tables])
    pairs = np.unique(np.stack([joined, owner]), axis=1)
    shared, counts = np.unique(pairs[0], return_counts=True)
    shared = shared[counts > 1]
    if not len(shared):
        return list(tables), []
    groups: dict[int, list[tuple[int, int, Observation]]] = defaultdict(list)
    for n, (table, key) in enumerate(zip(tables, keys, strict=True)):
        rows = np.flatnonzero(np.isin(key, shared)).tolist()
        for index, obs in zip(rows, table.observations(rows), strict=True):
            groups[int(key[index])].append((n, index, obs))
    drop: dict[int, list[int]] = defaultdict(list)
    unsure: dict[int, list[int]] = defaultdict(list)
    found: list[Finding] = []
    for members in groups.values():
        if len({_figures(obs) for *_, obs in members}) < 2:
            continue
        members.sort(key=lambda m: (m[2].location.file, m[2].location.sheet or "", m[1]))
        (n, index, _), *others = members
        unsure[n].append(index)
        for m, other, _ in others:
            drop[m].append(other)
        found.extend(_report(members))
    resolved = [
        _revised(table, drop.get(n, []), unsure.get(n, [])) if n in drop or n in unsure else table
        for n, table in enumerate(tables)
    ]
    return resolved, found


def _revised(table: IndicatorTable, drop: list[int], unsure: list[int]) -> IndicatorTable:
    import numpy as np

    keep: Any = np.ones(len(table), dtype=bool)
    keep[drop] = False
    # Indices of the unsure rows among the rows kept.
    return table.revised(keep, np.cumsum(keep)[unsure] - 1, CONFLICT)


def _report(members: list[tuple[int, int, Observation]]) -> list[Finding]:
    """One finding per row of a conflict, naming the other figures and where they are."""
    found = []
    for _, _, obs in members:
        others = ", ".join(
            f"{_shown(o)} in {o.cell_location('value')}" for *_, o in members if o is not obs
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
