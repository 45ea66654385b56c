"""Figures for nested periods whose difference discloses a small count.

A count published for a period and another for a period inside it (a quarter beside the year
holding it, a quarter beside a year to date or a rolling year that covers it) lets a reader
subtract one from the other: the children counted in the rest of the longer period. When that
difference is 1 to 5 children (below the threshold), the pair discloses what suppression hides,
so the longer period's figure must be hidden too. Each figure is a :class:`Span`: a count over
an explicit start and end, so any basis (quarter, year to date, rolling year, collection year)
can be compared; :func:`period_span` gives the span of a reporting period (a quarter is its
three months, a year its twelve). Overlapping spans that do not nest are not differenced: their
difference is not a count of children.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from pledgekit.model.codes import SSDA903_DISCLOSURE_BY_DIFFERENCE
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period


@dataclass(frozen=True)
class Span:
    """A count published for ``measure`` over ``start`` to ``end`` (both days included)."""

    measure: str
    label: str
    start: date
    end: date
    count: float


def period_span(period: Period) -> tuple[date, date]:
    """The days a reporting period covers: a quarter its three months (Q1 = April to June),
    a financial year 1 April to 31 March."""
    if period.quarter is None:
        return date(period.year, 4, 1), date(period.year + 1, 3, 31)
    first = 4 + 3 * (period.quarter - 1)
    year = period.year + (1 if first > 12 else 0)
    month = (first - 1) % 12 + 1
    end_month = month + 2
    last_day = {6: 30, 9: 30, 12: 31, 3: 31}[end_month]
    return date(year, month, 1), date(year, end_month, last_day)


def nested_differences(spans: Iterable[Span], threshold: int) -> list[tuple[Span, Span]]:
    """Pairs (longer, shorter) of one measure where the shorter span lies inside the longer and
    their counts differ by 1 to ``threshold - 1``."""
    by_measure: dict[str, list[Span]] = {}
    for span in spans:
        by_measure.setdefault(span.measure, []).append(span)
    found = []
    for group in by_measure.values():
        for outer in group:
            for inner in group:
                inside = outer.start <= inner.start and inner.end <= outer.end
                same = (outer.start, outer.end) == (inner.start, inner.end)
                if inside and not same and 0 < outer.count - inner.count < threshold:
                    found.append((outer, inner))
    return found


def differencing_findings(
    observations: Iterable[Observation], units: Mapping[str, Unit], threshold: int
) -> tuple[set[tuple[str, Period]], list[Finding]]:
    """Counts (measures in ``units`` as COUNT) of nested reporting periods that subtract down
    to 1 to ``threshold - 1``: the (measure, period) figures to hide (the longer of each pair)
    and a finding per pair naming both periods, never the counts."""
    spans: list[Span] = []
    periods: dict[tuple[str, str], Period] = {}
    where: dict[tuple[str, str], Location] = {}
    for obs in observations:
        if units.get(obs.measure) is not Unit.COUNT or not obs.value.is_number:
            continue
        start, end = period_span(obs.period)
        spans.append(Span(obs.measure, obs.period.label, start, end, float(obs.value.number or 0)))
        periods[(obs.measure, obs.period.label)] = obs.period
        where[(obs.measure, obs.period.label)] = obs.location
    hide: set[tuple[str, Period]] = set()
    findings = []
    for outer, inner in nested_differences(spans, threshold):
        hide.add((outer.measure, periods[(outer.measure, outer.label)]))
        findings.append(
            finding(
                SSDA903_DISCLOSURE_BY_DIFFERENCE,
                f"{outer.measure}: {outer.label} and {inner.label} differ by 1 to "
                f"{threshold - 1} children, which subtraction would show; {outer.label} is "
                "shown as c",
                where[(outer.measure, outer.label)],
                measure=outer.measure,
            )
        )
    return hide, findings
