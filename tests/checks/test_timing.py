"""Checks on periods: the reporting period, and figures dated after it."""

from __future__ import annotations

from pledgekit.checks import build_context, run_checks
from pledgekit.checks.base import reporting_period
from pledgekit.config.pledge import Definition
from pledgekit.model.periods import Period

from .support import codes, complete, found, ob


def test_a_mistyped_future_period_is_flagged_and_does_not_move_the_quarter(
    definition: Definition,
) -> None:
    data = complete(ob("2.1", 12, row=9, period="2029-30 Q2"))
    findings = run_checks(definition, data)
    assert found(findings, "period-in-future") == [("B9", "2.1")]
    assert "missing-measure" not in codes(findings)
    context = build_context(definition, data)
    assert context.period == Period(2019, 2)


def test_reporting_period_is_the_latest_most_measures_report() -> None:
    rows = [ob(m, 1, period="2019-20 Q1") for m in ("a", "b", "c", "d")]
    rows += [ob(m, 1, period="2019-20 Q2") for m in ("a", "b")]
    rows += [ob("a", 1, period="2019-20 Q3")]
    assert reporting_period(None, rows) == Period(2019, 2)
    assert reporting_period(None, []) is None


def test_annual_figures_in_a_quarterly_return_are_not_in_the_future(
    definition: Definition,
) -> None:
    data = complete(ob("1.3", 300, row=9, period="2019-20"))
    assert "period-in-future" not in codes(run_checks(definition, data))
