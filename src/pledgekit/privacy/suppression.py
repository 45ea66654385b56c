"""Small-number suppression: hide counts, and rates resting on counts, below the threshold.

Applied to observations before anything is rated, charted or rendered, so no output can show or
derive a hidden number. Zero is shown (it identifies nobody), as in DfE practice.

Primary suppression hides a small count, or a rate whose numerator or denominator is small, with
its numerator and denominator (a rate with its denominator gives the numerator back). Secondary
suppression hides one more part of a total when exactly one figure of the group is hidden, since
the total minus the shown parts would give the hidden one back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

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


def _secondary(
    definition: Definition,
    table: dict[str, dict[Period, Observation]],
    reasons: dict[tuple[str, Period], str],
) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for _, measure in definition.measures():
        if measure.part_of:
            groups[measure.part_of].append(measure.id)
    for total, parts in groups.items():
        periods = {p for m in (total, *parts) for p in table.get(m, {})}
        for period in periods:
            members = [total, *parts]
            states = {
                m: table[m][period].value if period in table.get(m, {}) else MISSING
                for m in members
            }
            hidden = [m for m, r in states.items() if r.state is ValueState.SUPPRESSED]
            if total not in states or len(hidden) != 1:
                continue
            # With the total and every other part shown, the hidden figure can be worked out.
            others = [m for m in members if m != hidden[0]]
            if not all(states[m].is_number for m in others):
                continue
            parts_shown = sorted(
                (m for m in others if m != total), key=lambda m: states[m].number or 0.0
            )
            if parts_shown:
                smallest = parts_shown[0]
                table[smallest][period] = hide(table[smallest][period])
                reasons[(smallest, period)] = (
                    f"suppressed: otherwise {hidden[0]} could be worked out from the total"
                )
