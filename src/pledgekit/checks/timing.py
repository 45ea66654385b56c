"""Checks on periods: figures dated after the period the rest of the data reports."""

from __future__ import annotations

from collections.abc import Iterator

from pledgekit.checks.base import Context, check
from pledgekit.model.codes import PERIOD_IN_FUTURE
from pledgekit.model.findings import Finding
from pledgekit.model.periods import Period


def _after(period: Period, reporting: Period) -> bool:
    # Annual figures are judged by year: '2019-20' in a 2019-20 Q2 return may be a year to date.
    if period.is_annual:
        return period.year > reporting.year
    return period > reporting


@check(codes=(PERIOD_IN_FUTURE,))
def future_periods(context: Context) -> Iterator[Finding]:
    """Rows dated after the reporting period, judged against the data and never the clock.

    Tests, archives and late re-runs must give the same answer on any day, so "the future" is
    whatever lies beyond the latest period that most measures report.
    """
    reporting = context.period
    if reporting is None or context.home is None:
        return
    for obs in context.home:
        if _after(obs.period, reporting):
            yield obs.finding(
                PERIOD_IN_FUTURE,
                f"measure {obs.measure} has a row for {obs.period.label}, later than "
                f"{reporting.label} which the other measures report; is the period mistyped?",
                cell="period",
                found=obs.period.label,
                expected=f"{reporting.label} or earlier",
            )
