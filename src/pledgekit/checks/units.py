"""Checks on single figures: is each a possible one for the measure's unit?"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pledgekit.checks.base import Context, check, uses_codes
from pledgekit.checks.rows import RowTest, TableRows

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
from pledgekit.model.findings import Finding, finding
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading, ValueState, format_number
from pledgekit.privacy.suppression import suppression_reason

uses_codes(
    PERCENT_OUT_OF_RANGE,
    NEGATIVE_COUNT,
    COUNT_NOT_WHOLE,
    VALUE_OUT_OF_RANGE,
    SUPPRESSED_AT_SOURCE,
    NOT_AVAILABLE,
    LOW_RELIABILITY,
    WILL_BE_SUPPRESSED,
)

uses_codes(PERCENT_SIGN_NOT_PERCENTAGE)

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


def _readings(obs: Observation) -> Iterator[tuple[str, Reading]]:
    yield "value", obs.value
    yield "numerator", obs.numerator
    yield "denominator", obs.denominator


# Which rows of a columnar dataset could break each rule: the checks below still test every row
# they get, so these only have to let through every row that might.


def _outside_0_100(rows: TableRows) -> Any:
    return rows.flags("value", lambda r: r.number is not None and not 0 <= r.number <= 100)


def _negative(slot: str) -> RowTest:
    return lambda rows: rows.flags(slot, lambda r: r.number is not None and r.number < 0)


def _any_negative(rows: TableRows) -> Any:
    return _negative("value")(rows) | _negative("numerator")(rows) | _negative("denominator")(rows)


def _fraction(reading: Reading) -> bool:
    return reading.number is not None and not float(reading.number).is_integer()


def _any_fraction(rows: TableRows) -> Any:
    counted = rows.flags("numerator", _fraction) | rows.flags("denominator", _fraction)
    return (rows.of_units((Unit.COUNT,)) & rows.flags("value", _fraction)) | (
        rows.of_units((Unit.PERCENT,)) & counted
    )


def _marked_percent(rows: TableRows) -> Any:
    return rows.flags("value", lambda r: r.percent)


@check
def percent_ranges(context: Context) -> Iterator[Finding]:
    """A percentage must lie between 0 and 100."""
    for obs, _ in context.of_units(Unit.PERCENT, where=_outside_0_100):
        number = obs.value.number  # set only for numbers
        if number is not None and not 0 <= number <= 100:
            yield obs.finding(
                PERCENT_OUT_OF_RANGE,
                f"measure {obs.measure} is a percentage but {obs.period.label} has "
                f"{format_number(number)}",
                found=shown(obs.value),
                expected="a percentage from 0 to 100",
            )


@check
def negative_counts(context: Context) -> Iterator[Finding]:
    """Counts of children, and the numerators and denominators of rates, cannot be negative.

    A negative value in another unit is for :func:`value_ranges`, in that unit's terms.
    """
    for obs in context.observations(where=_any_negative):
        for name, reading in _readings(obs):
            number = reading.number
            if number is None or number >= 0:
                continue
            measure = context.measures.get(obs.measure)
            if name == "value" and (measure is None or measure.unit is not Unit.COUNT):
                continue
            yield finding(
                NEGATIVE_COUNT,
                f"the {name} of measure {obs.measure} for {obs.period.label} is negative",
                obs.cell_location(name),
                found=shown(reading),
                expected="zero or more",
                measure=obs.measure,
            )


@check
def whole_counts(context: Context) -> Iterator[Finding]:
    """Children come whole: a count, or a percentage's numerator or denominator, has no fraction."""
    for obs, measure in context.of_units(Unit.COUNT, Unit.PERCENT, where=_any_fraction):
        names = ("value",) if measure.unit is Unit.COUNT else ("numerator", "denominator")
        for name in names:
            reading = getattr(obs, name)
            if reading.number is not None and not float(reading.number).is_integer():
                yield finding(
                    COUNT_NOT_WHOLE,
                    f"the {name} of measure {obs.measure} for {obs.period.label} counts children "
                    "but is not a whole number",
                    obs.cell_location(name),
                    found=shown(reading),
                    expected="a whole number",
                    measure=obs.measure,
                )


@check
def value_ranges(context: Context) -> Iterator[Finding]:
    """Days, rates, scores and ratios cannot be negative."""
    negative = _negative("value")
    for obs, measure in context.of_units(
        Unit.DAYS, Unit.RATE, Unit.SCORE, Unit.RATIO, where=negative
    ):
        number = obs.value.number
        if number is None or number >= 0:
            continue
        yield obs.finding(
            VALUE_OUT_OF_RANGE,
            f"measure {obs.measure} is {_UNIT_NOUN[measure.unit]} and cannot be negative "
            f"({obs.period.label})",
            found=shown(obs.value),
            expected="zero or more",
        )


@check
def percent_signs(context: Context) -> Iterator[Finding]:
    """36% written in a measure that is not a percentage (ingest finds 0.36 in one that is)."""
    others = [u for u in Unit if u is not Unit.PERCENT]
    marked = _marked_percent
    for obs, measure in context.of_units(*others, where=marked):
        if not obs.value.percent:
            continue
        yield obs.finding(
            PERCENT_SIGN_NOT_PERCENTAGE,
            f"measure {obs.measure} is {_UNIT_NOUN[measure.unit]}, but the figure is written "
            "as a percentage",
            found=shown(obs.value),
            expected=f"{_UNIT_NOUN[measure.unit]}, without %",
        )


@check
def symbols(context: Context) -> Iterator[Finding]:
    """Say (as information) which home figures are suppressed, unavailable or unreliable."""
    for obs in context.known_home():
        state = obs.value.state
        where = obs.cell_location("value")
        if state is ValueState.SUPPRESSED:
            yield finding(
                SUPPRESSED_AT_SOURCE,
                f"measure {obs.measure} for {obs.period.label} was suppressed in the source",
                where,
                found=obs.value.raw,
                measure=obs.measure,
            )
        elif state in (ValueState.NOT_AVAILABLE, ValueState.NOT_APPLICABLE):
            kind = "not applicable" if state is ValueState.NOT_APPLICABLE else "not available"
            yield finding(
                NOT_AVAILABLE,
                f"measure {obs.measure} for {obs.period.label} is marked {kind}",
                where,
                found=obs.value.raw,
                measure=obs.measure,
            )
        if obs.value.unreliable:
            yield finding(
                LOW_RELIABILITY,
                f"measure {obs.measure} for {obs.period.label} is flagged as low reliability (u)",
                where,
                found=obs.value.raw,
                measure=obs.measure,
            )


@check
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
            yield finding(
                WILL_BE_SUPPRESSED,
                f"measure {obs.measure} for {obs.period.label} will be shown as suppressed in "
                f"published output: {reason}",
                obs.cell_location(name),
                found=shown(getattr(obs, name)),
                measure=obs.measure,
            )
