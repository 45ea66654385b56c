"""Checks on single figures: is each a possible one for the measure's unit?"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from pledgekit.checks.base import Context, check

# Cell-level problems (not-a-number, formula-without-value, ...) are found by ingest as it reads;
# percent-scale-unclear (a fraction among percentages) is ingest's; a % sign where the measure is
# not a percentage is found here.
from pledgekit.model.codes import (
    COUNT_NOT_WHOLE,
    LOW_RELIABILITY,
    NEGATIVE_COUNT,
    NOT_AVAILABLE,
    PERCENT_OUT_OF_RANGE,
    PERCENT_SIGN_NOT_PERCENTAGE,
    SUPPRESSED_AT_SOURCE,
    VALUE_OUT_OF_RANGE,
    WILL_BE_SUPPRESSED,
)
from pledgekit.model.findings import Finding
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading, ValueState, format_number
from pledgekit.privacy.suppression import suppression_reason

_UNIT_NOUN = {
    Unit.COUNT: "a count",
    Unit.RATE: "a rate",
    Unit.DAYS: "a number of days",
    Unit.SCORE: "a score",
    Unit.RATIO: "a ratio",
    Unit.PERCENT: "a percentage",
}


def shown(reading: Reading) -> str:
    """The figure as the user wrote it, for the 'found' field."""
    if reading.raw is not None:
        return reading.raw
    if reading.number is not None:
        return format_number(reading.number, 6).rstrip("0").rstrip(".")
    return reading.display()


_COUNTED = ("value", "numerator", "denominator")


def _fraction(numbers: Any) -> Any:
    """A boolean array: the number has a fractional part (NaN, no number, has none)."""
    with np.errstate(invalid="ignore"):
        return ~np.isnan(numbers) & (numbers != np.floor(numbers))


def _about_value(obs: Observation, code: str, message: str, expected: str) -> Finding:
    """A finding at the row's value cell, quoting the value as written."""
    return obs.finding(code, message, found=shown(obs.value), expected=expected)


def _about_cells(
    context: Context, masks: dict[str, Any], code: str, says: str, expected: str
) -> Iterator[Finding]:
    """A finding at each cell a mask picks (the masks named for the columns), quoting the cell:
    "the <column> of measure <id> for <period> ``says``"."""
    for obs, names in context.flagged(masks):
        for name in names:
            message = f"the {name} of measure {obs.measure} for {obs.period.label} {says}"
            yield obs.finding(
                code, message, cell=name, found=shown(getattr(obs, name)), expected=expected
            )


@check(codes=(PERCENT_OUT_OF_RANGE,))
def percent_ranges(context: Context) -> Iterator[Finding]:
    """A percentage must lie between 0 and 100."""
    value = context.table.numbers("value")
    with np.errstate(invalid="ignore"):
        outside = (value < 0) | (value > 100)
    for obs in context.where(context.of_units(Unit.PERCENT) & outside):
        number = format_number(obs.value.number or 0.0)
        message = f"measure {obs.measure} is a percentage but {obs.period.label} has {number}"
        yield _about_value(obs, PERCENT_OUT_OF_RANGE, message, "a percentage from 0 to 100")


@check(codes=(NEGATIVE_COUNT,))
def negative_counts(context: Context) -> Iterator[Finding]:
    """Counts of children, and the numerators and denominators of rates, cannot be negative.

    A negative value in another unit is for :func:`value_ranges`, in that unit's terms.
    """
    with np.errstate(invalid="ignore"):
        negative = {name: context.table.numbers(name) < 0 for name in _COUNTED}
    negative["value"] &= context.of_units(Unit.COUNT)
    yield from _about_cells(context, negative, NEGATIVE_COUNT, "is negative", "zero or more")


@check(codes=(COUNT_NOT_WHOLE,))
def whole_counts(context: Context) -> Iterator[Finding]:
    """Children come whole: a count, or a percentage's numerator or denominator, has no fraction."""
    counts, percents = context.of_units(Unit.COUNT), context.of_units(Unit.PERCENT)
    whole = {
        name: _fraction(context.table.numbers(name)) & (counts if name == "value" else percents)
        for name in _COUNTED
    }
    says = "counts children but is not a whole number"
    yield from _about_cells(context, whole, COUNT_NOT_WHOLE, says, "a whole number")


@check(codes=(VALUE_OUT_OF_RANGE,))
def value_ranges(context: Context) -> Iterator[Finding]:
    """Days, rates, scores and ratios cannot be negative."""
    with np.errstate(invalid="ignore"):
        negative = context.table.numbers("value") < 0
    units = context.of_units(Unit.DAYS, Unit.RATE, Unit.SCORE, Unit.RATIO)
    for obs in context.where(units & negative):
        noun = _UNIT_NOUN[context.measures[obs.measure].unit]
        message = f"measure {obs.measure} is {noun} and cannot be negative ({obs.period.label})"
        yield _about_value(obs, VALUE_OUT_OF_RANGE, message, "zero or more")


@check(codes=(PERCENT_SIGN_NOT_PERCENTAGE,))
def percent_signs(context: Context) -> Iterator[Finding]:
    """36% written in a measure that is not a percentage (ingest finds 0.36 in one that is)."""
    others = context.of_units(*(u for u in Unit if u is not Unit.PERCENT))
    marked = context.table.flags("value", lambda r: r.percent)
    for obs in context.where(others & marked):
        unit = context.measures[obs.measure].unit
        yield obs.finding(
            PERCENT_SIGN_NOT_PERCENTAGE,
            f"measure {obs.measure} is {_UNIT_NOUN[unit]}, but the figure is written "
            "as a percentage",
            found=shown(obs.value),
            expected=f"{_UNIT_NOUN[unit]}, without %",
        )


@check(codes=(SUPPRESSED_AT_SOURCE, NOT_AVAILABLE, LOW_RELIABILITY))
def symbols(context: Context) -> Iterator[Finding]:
    """Say (as information) which home figures are suppressed, unavailable or unreliable."""
    for obs in context.known_home():
        state = obs.value.state
        said: list[tuple[str, str]] = []
        if state is ValueState.SUPPRESSED:
            said.append((SUPPRESSED_AT_SOURCE, "was suppressed in the source"))
        elif state in (ValueState.NOT_AVAILABLE, ValueState.NOT_APPLICABLE):
            kind = "not applicable" if state is ValueState.NOT_APPLICABLE else "not available"
            said.append((NOT_AVAILABLE, f"is marked {kind}"))
        if obs.value.unreliable:
            said.append((LOW_RELIABILITY, "is flagged as low reliability (u)"))
        for code, says in said:
            message = f"measure {obs.measure} for {obs.period.label} {says}"
            yield obs.finding(code, message, found=obs.value.raw)


@check(codes=(WILL_BE_SUPPRESSED,))
def small_numbers(context: Context) -> Iterator[Finding]:
    """Home figures that publishing will hide, so nobody is surprised by a 'c' in the report."""
    if context.definition is None:
        return
    threshold = context.definition.defaults.suppression_threshold
    for obs in context.known_home():
        measure = context.measures[obs.measure]
        reason = suppression_reason(obs, measure, threshold)
        if reason:
            name = next((n for n in ("numerator", "denominator") if n in reason), "value")
            yield obs.finding(
                WILL_BE_SUPPRESSED,
                f"measure {obs.measure} for {obs.period.label} will be shown as suppressed in "
                f"published output: {reason}",
                cell=name,
                found=shown(getattr(obs, name)),
            )
