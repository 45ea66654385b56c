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
        (0, 0, 0),  # nobody in the cohort: nothing wrong
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
