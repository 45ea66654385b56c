"""Checks that a value agrees with its numerator and denominator (why figures "don't add up")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from pledgekit.checks.base import Context, check, uses_codes
from pledgekit.checks.rows import TableRows
from pledgekit.checks.units import shown
from pledgekit.model.codes import (
    NUMERATOR_EXCEEDS_DENOMINATOR,
    VALUE_DISAGREES_WITH_RATIO,
    ZERO_DENOMINATOR,
)
from pledgekit.model.findings import Finding
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.values import format_number

uses_codes(NUMERATOR_EXCEEDS_DENOMINATOR, ZERO_DENOMINATOR, VALUE_DISAGREES_WITH_RATIO)


# Rates are "per 100", "per 1,000", "per 10,000 children" ...: any power of ten is a fair scale.
_RATE_SCALES = tuple(10.0**k for k in range(7))


def _pair(obs: Observation) -> tuple[float, float] | None:
    num, den = obs.numerator.number, obs.denominator.number  # set only for numbers
    if num is not None and den is not None:
        return num, den
    return None


_SCALES = {Unit.PERCENT: (100.0,), Unit.RATIO: (1.0,), Unit.RATE: _RATE_SCALES}


def _agrees(value: float, exact: float) -> bool:
    """``value`` is ``exact`` as written, within rounding (checked cheaply before exactly)."""
    gap = abs(value - exact)
    if gap <= 1e-9:
        return True
    return gap <= 0.5 + 1e-9 and gap <= rounding_allowance(value)


def rounding_allowance(number: float) -> float:
    """Half a unit in the last decimal place written: 36 may be 35.5-36.5, 36.4 is 36.35-36.45."""
    for places in range(7):
        scaled = number * 10.0**places
        if abs(scaled - round(scaled)) < 1e-9 * max(1.0, abs(scaled)):  # float noise
            return 0.5 * 10.0**-places + 1e-9
    return 0.5e-6 + 1e-9


def _numerator_above(rows: TableRows) -> Any:
    num, den = rows.number("numerator"), rows.number("denominator")
    with np.errstate(invalid="ignore"):
        return (num > den) & (den >= 0)


def _disagrees(rows: TableRows) -> Any:
    """Rows whose value no scale of their unit makes agree with numerator / denominator.

    The same float arithmetic as :func:`_agrees`, over arrays; the rounding allowance is worked
    out once per distinct value.
    """
    num, den, value = rows.number("numerator"), rows.number("denominator"), rows.number("value")
    per_reading = np.array(
        [rounding_allowance(r.number) if r.number is not None else np.nan for r in rows.readings]
    )
    codes = rows.table.figures.get("value")
    allowance = per_reading[codes] if codes is not None else np.full(len(rows), np.nan)
    usable = ~np.isnan(num) & ~np.isnan(den) & ~np.isnan(value) & (den != 0)
    agrees = np.zeros(len(rows), dtype=bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = num / den
        for unit, scales in _SCALES.items():
            ours = rows.of_units((unit,))
            for scale in scales:
                gap = np.abs(value - ratio * scale)
                agrees |= ours & ((gap <= 1e-9) | ((gap <= 0.5 + 1e-9) & (gap <= allowance)))
    return usable & ~agrees


@check
def numerators_within_denominators(context: Context) -> Iterator[Finding]:
    """A percentage of a group cannot count more children than the group holds."""
    for obs, _ in context.of_units(Unit.PERCENT, where=_numerator_above):
        pair = _pair(obs)
        if pair is None:
            continue
        num, den = pair
        if num > den >= 0:
            yield obs.finding(
                NUMERATOR_EXCEEDS_DENOMINATOR,
                f"measure {obs.measure} for {obs.period.label}: the numerator "
                f"{format_number(num)} is larger than the denominator {format_number(den)}",
                cell="numerator",
                found=f"{format_number(num)} of {format_number(den)}",
                expected="a numerator no larger than the denominator",
            )


@check
def zero_denominators(context: Context) -> Iterator[Finding]:
    """A rate over nobody is not a number; 0 of 0 is fine (nothing to report, nothing wrong)."""
    for obs in context.observations(where=lambda rows: rows.number("denominator") == 0):
        den = obs.denominator
        if not den.is_number or den.number != 0:
            continue
        num = obs.numerator.number if obs.numerator.is_number else None
        value = obs.value.number if obs.value.is_number else None
        if (num is None or num == 0) and (value is None or value == 0):
            continue
        yield obs.finding(
            ZERO_DENOMINATOR,
            f"measure {obs.measure} for {obs.period.label} has a denominator of 0 under a "
            "non-zero figure",
            cell="denominator",
            found="0",
            expected="a denominator above 0",
        )


@check
def values_match_ratios(context: Context) -> Iterator[Finding]:
    """The value must be what the numerator and denominator give, within its rounding."""
    for obs, measure in context.of_units(Unit.PERCENT, Unit.RATIO, Unit.RATE, where=_disagrees):
        pair = _pair(obs)
        value = obs.value.number
        if pair is None or value is None or pair[1] == 0:
            continue
        ratio = pair[0] / pair[1]
        scales = _SCALES[measure.unit]
        if any(_agrees(value, ratio * scale) for scale in scales):
            continue
        if measure.unit is Unit.PERCENT and abs(value - ratio) <= rounding_allowance(value):
            # A percentage written as the proportion (0.36 for 36 of 100): ingest's percent-scale
            # rule reports it (percent-scale-unclear, with this evidence), so not again here.
            continue
        expected = {
            Unit.PERCENT: f"{format_number(100 * ratio)} (100 x {format_number(pair[0])} / "
            f"{format_number(pair[1])})",
            Unit.RATIO: f"{format_number(ratio, 2)} ({format_number(pair[0])} / "
            f"{format_number(pair[1])})",
        }.get(measure.unit, f"{format_number(ratio, 4)} times a power of ten")
        yield obs.finding(
            VALUE_DISAGREES_WITH_RATIO,
            f"measure {obs.measure} for {obs.period.label}: the value {shown(obs.value)} does "
            f"not match the numerator {format_number(pair[0])} and denominator "
            f"{format_number(pair[1])}",
            found=shown(obs.value),
            expected=expected,
        )
