"""Checks that a value agrees with its numerator and denominator (why figures "don't add up")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from pledgekit.checks.base import Context, check
from pledgekit.checks.units import shown
from pledgekit.model.codes import (
    NUMERATOR_EXCEEDS_DENOMINATOR,
    VALUE_DISAGREES_WITH_RATIO,
    ZERO_DENOMINATOR,
    ZERO_OF_ZERO,
)
from pledgekit.model.findings import Finding
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.values import format_number

# Rates are "per 100", "per 1,000", "per 10,000 children" ...: any power of ten is a fair scale.
_RATE_SCALES = tuple(10.0**k for k in range(7))
_SCALES = {Unit.PERCENT: (100.0,), Unit.RATIO: (1.0,), Unit.RATE: _RATE_SCALES}


def rounding_allowance(number: float) -> float:
    """Half a unit in the last decimal place written: 36 may be 35.5-36.5, 36.4 is 36.35-36.45."""
    for places in range(7):
        scaled = number * 10.0**places
        if abs(scaled - round(scaled)) < 1e-9 * max(1.0, abs(scaled)):  # float noise
            return 0.5 * 10.0**-places + 1e-9
    return 0.5e-6 + 1e-9


def _nonzero(numbers: Any) -> Any:
    return ~np.isnan(numbers) & (numbers != 0)


def _disagrees(context: Context) -> Any:
    """Rows whose value no scale of their unit makes agree with numerator / denominator.

    A value agrees when it is ``ratio x scale`` within the rounding of the value as written
    (:func:`rounding_allowance`, worked out once per distinct value). A percentage written as
    the proportion (0.36 for 36 of 100) is left to ingest's percent-scale rule, which reports
    it (``percent-scale-unclear``, with this evidence).
    """
    table = context.table
    num, den, value = (
        table.numbers("numerator"),
        table.numbers("denominator"),
        table.numbers("value"),
    )
    per_reading = np.array(
        [rounding_allowance(r.number) if r.number is not None else np.nan for r in table.readings]
    )
    codes = table.figures.get("value")
    allowance = per_reading[codes] if codes is not None else np.full(len(table), np.nan)
    usable = ~np.isnan(num) & ~np.isnan(den) & ~np.isnan(value) & (den != 0)
    agrees = np.zeros(len(table), dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = num / den

        def near(exact: Any) -> Any:
            gap = np.abs(value - exact)
            return (gap <= 1e-9) | ((gap <= 0.5 + 1e-9) & (gap <= allowance))

        for unit, scales in _SCALES.items():
            ours = context.of_units(unit)
            for scale in scales:
                agrees |= ours & near(ratio * scale)
        proportion = context.of_units(Unit.PERCENT) & (np.abs(value - ratio) <= allowance)
    return usable & ~agrees & ~proportion & context.of_units(*_SCALES)


@check(codes=(NUMERATOR_EXCEEDS_DENOMINATOR,))
def numerators_within_denominators(context: Context) -> Iterator[Finding]:
    """A percentage of a group cannot count more children than the group holds."""
    num, den = context.table.numbers("numerator"), context.table.numbers("denominator")
    with np.errstate(invalid="ignore"):
        above = (num > den) & (den >= 0)
    for obs in context.where(context.of_units(Unit.PERCENT) & above):
        n, d = (
            format_number(obs.numerator.number or 0.0),
            format_number(obs.denominator.number or 0.0),
        )
        yield obs.finding(
            NUMERATOR_EXCEEDS_DENOMINATOR,
            f"measure {obs.measure} for {obs.period.label}: the numerator {n} is larger than "
            f"the denominator {d}",
            cell="numerator",
            found=f"{n} of {d}",
            expected="a numerator no larger than the denominator",
        )


@check(codes=(ZERO_DENOMINATOR, ZERO_OF_ZERO))
def zero_denominators(context: Context) -> Iterator[Finding]:
    """A rate over nobody is not a number; 0 of 0 is no figure at all, not a zero."""
    table = context.table
    num, den, value = (
        table.numbers("numerator"),
        table.numbers("denominator"),
        table.numbers("value"),
    )
    zero = den == 0
    under = zero & (_nonzero(num) | _nonzero(value))
    nobody = zero & (num == 0) & ~_nonzero(value)
    for obs, names in context.flagged({"under": under, "nobody": nobody}):
        if names == ["under"]:
            yield obs.finding(
                ZERO_DENOMINATOR,
                f"measure {obs.measure} for {obs.period.label} has a denominator of 0 under a "
                "non-zero figure",
                cell="denominator",
                found="0",
                expected="a denominator above 0",
            )
        else:
            yield obs.finding(
                ZERO_OF_ZERO,
                f"measure {obs.measure} for {obs.period.label} is 0 of 0: there is no figure "
                "to rate, and it will show as no data; write z (not applicable) if there was "
                "nobody to count",
                cell="denominator",
                found="0 of 0",
                expected="a denominator above 0, or z (not applicable)",
            )


@check(codes=(VALUE_DISAGREES_WITH_RATIO,))
def values_match_ratios(context: Context) -> Iterator[Finding]:
    """The value must be what the numerator and denominator give, within its rounding."""
    for obs in context.where(_disagrees(context)):
        unit = context.measures[obs.measure].unit
        num, den = obs.numerator.number or 0.0, obs.denominator.number or 1.0
        ratio = num / den
        expected = {
            Unit.PERCENT: f"{format_number(100 * ratio)} (100 x {format_number(num)} / "
            f"{format_number(den)})",
            Unit.RATIO: f"{format_number(ratio, 2)} ({format_number(num)} / {format_number(den)})",
        }.get(unit, f"{format_number(ratio, 4)} times a power of ten")
        yield obs.finding(
            VALUE_DISAGREES_WITH_RATIO,
            f"measure {obs.measure} for {obs.period.label}: the value {shown(obs.value)} does "
            f"not match the numerator {format_number(num)} and denominator {format_number(den)}",
            found=shown(obs.value),
            expected=expected,
        )
