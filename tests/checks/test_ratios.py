"""Checks on values against their numerator and denominator."""

from __future__ import annotations

import pytest

from pledgekit.checks import run_checks
from pledgekit.checks.ratios import rounding_allowance
from pledgekit.config.pledge import Definition

from .support import complete, ob


@pytest.mark.parametrize(
    ("value", "numerator", "denominator"),
    [
        (36, 359, 1000),  # 35.9 written as a whole number
        (36.4, 40, 110),  # 36.36... to one decimal
        (36.36, 40, 110),
        (100, 50, 50),
    ],
)
def test_rounded_values_agree_with_their_ratio(
    definition: Definition, value: float, numerator: float, denominator: float
) -> None:
    row = ob("1.1", value, numerator=numerator, denominator=denominator, row=9, period="2019-20 Q1")
    assert run_checks(definition, complete(row)) == []


def test_rounding_allowance_is_half_the_last_place() -> None:
    assert rounding_allowance(36) == pytest.approx(0.5)
    assert rounding_allowance(36.4) == pytest.approx(0.05)
    assert rounding_allowance(36.36) == pytest.approx(0.005)


def test_rates_may_be_per_any_power_of_ten(definition: Definition) -> None:
    per_thousand = ob("2.3", 7.15, numerator=143, denominator=20000, row=9, period="2019-20 Q1")
    assert run_checks(definition, complete(per_thousand)) == []


@pytest.mark.parametrize("value", [0, None])
def test_zero_of_zero_is_no_figure_and_fails_strict(
    definition: Definition, value: float | None
) -> None:
    """0 of 0 is not a rate of zero: it is said, at the denominator, as a warning."""
    row = ob("1.1", value, numerator=0, denominator=0, row=9, period="2019-20 Q1")
    findings = run_checks(definition, complete(row))
    assert [(f.code, f.location.a1, f.severity.value) for f in findings] == [
        ("zero-of-zero", "E9", "warning")
    ]


def test_a_figure_over_a_zero_denominator_is_an_error_not_zero_of_zero(
    definition: Definition,
) -> None:
    rows = [
        ob("1.1", 5, numerator=0, denominator=0, row=9, period="2019-20 Q1"),
        ob("1.2", None, numerator=3, denominator=0, row=10, period="2019-20 Q1"),
    ]
    findings = [f for f in run_checks(definition, complete(*rows)) if f.code.startswith("zero")]
    assert sorted((f.code, f.location.a1) for f in findings) == [
        ("zero-denominator", "E10"),
        ("zero-denominator", "E9"),
    ]


def test_a_numerator_above_its_denominator_is_located_at_the_numerator(
    definition: Definition,
) -> None:
    row = ob("1.2", 60, numerator=12, denominator=10, row=9, period="2019-20 Q1")
    findings = [f for f in run_checks(definition, complete(row)) if f.code.startswith("numerator")]
    assert [(f.code, f.location.a1, f.found) for f in findings] == [
        ("numerator-exceeds-denominator", "D9", "12 of 10")
    ]
