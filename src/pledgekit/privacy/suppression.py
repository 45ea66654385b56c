"""Small-number suppression: hide counts, and rates resting on counts, below the threshold.

Applied to observations before anything is rated, charted or rendered, so no output can show or
derive a hidden number. Zero is shown (it identifies nobody), as in DfE practice.

Primary suppression hides a small count, or a rate whose numerator or denominator is small, with
its numerator and denominator (a rate with its denominator gives the numerator back). Secondary
suppression hides more parts while any hidden figure can still be worked out from the shown ones
by the ``part_of`` group sums (nested groups included), to a fixed point; :func:`derivable` is
the checker it uses, and the one tests and ``validate`` use too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from pledgekit.config.pledge import Definition, Measure
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period
from pledgekit.model.values import MISSING, Reading, ValueState

SUPPRESSED = Reading(ValueState.SUPPRESSED, raw="c")


def _small(reading: Reading, threshold: int) -> bool:
    return reading.is_number and reading.number is not None and 0 < reading.number < threshold


def suppression_reason(observation: Observation, measure: Measure, threshold: int) -> str | None:
    """Why this observation must be hidden, or None when it is safe to show."""
    if not measure.suppress_small or threshold <= 0:
        return None
    if measure.unit is Unit.COUNT and _small(observation.value, threshold):
        return f"a count below {threshold}"
    for name in ("numerator", "denominator"):
        if _small(getattr(observation, name), threshold):
            return f"the {name} is below {threshold}"
    return None


def hide(observation: Observation) -> Observation:
    """The observation with value, numerator and denominator all suppressed."""
    return replace(observation, value=SUPPRESSED, numerator=SUPPRESSED, denominator=SUPPRESSED)


def suppress(
    observation: Observation, measure: Measure, threshold: int
) -> tuple[Observation, str | None]:
    """Primary suppression of one observation: the (possibly) hidden observation and why."""
    reason = suppression_reason(observation, measure, threshold)
    if reason is None:
        return observation, None
    return hide(observation), reason


def suppress_all(
    definition: Definition, observations: Iterable[Observation], threshold: int
) -> tuple[dict[str, dict[Period, Observation]], dict[tuple[str, Period], str]]:
    """Primary then secondary suppression over every observation of known measures.

    Returns observations by measure and period, and the reason for each hidden figure.
    """
    table: dict[str, dict[Period, Observation]] = defaultdict(dict)
    reasons: dict[tuple[str, Period], str] = {}
    for obs in observations:
        measure = definition.measure(obs.measure)
        if measure is None:
            continue
        safe, reason = suppress(obs, measure, threshold)
        if reason:
            reasons[(obs.measure, obs.period)] = f"suppressed: {reason}"
        table[obs.measure][obs.period] = safe
    if threshold > 0:
        _secondary(definition, table, reasons)
    return dict(table), reasons


def group_equations(definition: Definition) -> list[tuple[str, tuple[str, ...]]]:
    """Each ``part_of`` group as (total, parts): the total's figure is the sum of its parts'.

    Nested groups are separate equations (a part can be the total of its own parts).
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for _, measure in definition.measures():
        if measure.part_of:
            groups[measure.part_of].append(measure.id)
    return [(total, tuple(parts)) for total, parts in groups.items()]


def _known(reading: Reading) -> Fraction | None:
    """A published figure as an exact number, or None when it is not published."""
    if reading.is_number and reading.number is not None and math.isfinite(reading.number):
        return Fraction(reading.number)
    return None


def derivable(
    equations: Sequence[tuple[str, tuple[str, ...]]], figures: Mapping[str, Reading]
) -> set[str]:
    """The suppressed figures (of one period) that the published ones give back.

    ``figures`` maps measure ids to readings; every member of an equation without a published
    number is an unknown (suppressed, missing, not available). The equations ``total = sum of
    parts`` are reduced by exact Gaussian elimination (which finds whatever repeated subtraction
    across nested groups would, and more); a suppressed unknown is derivable when the reduced
    system pins it to one value.
    """
    rows: list[tuple[dict[str, Fraction], Fraction]] = []
    for total, parts in equations:
        coefficients: dict[str, Fraction] = defaultdict(Fraction)
        constant = Fraction(0)
        for member, sign in ((total, 1), *((p, -1) for p in parts)):
            value = _known(figures.get(member, MISSING))
            if value is None:
                coefficients[member] += sign
            else:
                constant -= sign * value
        kept = {m: c for m, c in coefficients.items() if c}
        if kept:
            rows.append((kept, constant))
    pinned = _pinned(rows)
    return {m for m in pinned if figures.get(m, MISSING).state is ValueState.SUPPRESSED}


def _pinned(rows: list[tuple[dict[str, Fraction], Fraction]]) -> set[str]:
    """Unknowns a linear system fixes to one value: pivots whose reduced row has nothing else."""
    reduced: list[tuple[dict[str, Fraction], Fraction]] = []
    for coefficients, constant in rows:
        row, rhs = dict(coefficients), constant
        for pivot_row, pivot_rhs in reduced:
            pivot = next(iter(pivot_row))
            factor = row.get(pivot)
            if factor:
                for name, c in pivot_row.items():
                    row[name] = row.get(name, Fraction(0)) - factor * c
                rhs -= factor * pivot_rhs
                row = {n: c for n, c in row.items() if c}
        if not row:
            continue
        pivot = min(row)
        scale = row[pivot]
        row = {pivot: Fraction(1), **{n: c / scale for n, c in row.items() if n != pivot}}
        rhs /= scale
        # Keep earlier rows fully reduced against the new pivot.
        for index, (other, other_rhs) in enumerate(reduced):
            factor = other.get(pivot)
            if factor:
                merged = dict(other)
                for name, c in row.items():
                    merged[name] = merged.get(name, Fraction(0)) - factor * c
                reduced[index] = ({n: c for n, c in merged.items() if c}, other_rhs - factor * rhs)
        reduced.append((row, rhs))
    return {next(iter(row)) for row, _ in reduced if len(row) == 1}


def _secondary(
    definition: Definition,
    table: dict[str, dict[Period, Observation]],
    reasons: dict[tuple[str, Period], str],
) -> None:
    """Hide more figures until no suppressed one can be derived, over all groups at once.

    While some hidden figure can be worked out from the published ones, hide the smallest
    published part of a group it belongs to (the group's total when no part is published), and
    look again: a fixed point, whatever the order of the groups or how deeply they nest.
    """
    equations = group_equations(definition)
    if not equations:
        return
    members = {m for total, parts in equations for m in (total, *parts)}
    periods = {p for m in members for p in table.get(m, {})}
    for period in sorted(periods):
        while True:
            figures = {m: table[m][period].value for m in members if period in table.get(m, {})}
            found = sorted(derivable(equations, figures))
            if not found:
                break
            hidden = found[0]
            # A neighbour in one of its groups; failing that (it is pinned through a chain of
            # hidden figures), any published member of a group: each pass hides one more.
            extra = _next_to_hide(equations, figures, hidden) or _next_to_hide(
                equations, figures, None
            )
            if extra is None:  # nothing left published: nothing can be derived either
                break
            table[extra][period] = hide(table[extra][period])
            reasons[(extra, period)] = (
                f"suppressed: otherwise {hidden} could be worked out from the total"
            )


def _next_to_hide(
    equations: Sequence[tuple[str, tuple[str, ...]]],
    figures: Mapping[str, Reading],
    hidden: str | None,
) -> str | None:
    """The published figure to hide so ``hidden`` is safer: the smallest published part of a
    group holding ``hidden``, else that group's published total (``hidden`` None: any group)."""
    parts: list[tuple[float, str]] = []
    totals: list[str] = []
    for total, members in equations:
        if hidden is not None and hidden != total and hidden not in members:
            continue
        for part in members:
            number = figures.get(part, MISSING).number
            if part != hidden and _known(figures.get(part, MISSING)) is not None:
                parts.append((number or 0.0, part))
        if total != hidden and _known(figures.get(total, MISSING)) is not None:
            totals.append(total)
    if parts:
        return min(parts)[1]
    return min(totals) if totals else None
