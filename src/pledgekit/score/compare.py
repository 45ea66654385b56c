"""Comparator position: a value against England, statistical neighbours or another area.

Where the value's numerator and denominator are known, the position comes from a significance
test (the comparator against the value's confidence interval, as OHID Fingertips does): better or
worse only when the difference is more than chance. Without them, a fixed band decides.
"""

from __future__ import annotations

from pledgekit.model.measure_kinds import Band, Polarity
from pledgekit.model.status import Position, Significance
from pledgekit.score.ratings import EPSILON as _EPSILON
from pledgekit.score.ratings import Comparison, goodness
from pledgekit.score.significance import Interval, judge


def position(
    value: float | None,
    comparator: float | None,
    *,
    polarity: Polarity,
    similar_within: float,
    band: Band | None = None,
    interval: Interval | None = None,
    source: str | None = None,
) -> Comparison:
    """Whether ``value`` is better than, similar to or worse than ``comparator``.

    With ``interval`` (the value's confidence interval) the comparison is a significance test,
    and its result decides the position for polarity higher and lower.
    """
    significance = judge(interval, comparator, polarity) if value is not None else None
    tested = significance or Significance.NOT_TESTED
    if value is None or comparator is None or polarity is Polarity.NONE:
        return Comparison(Position.NOT_COMPARABLE, value, comparator, None, tested, source)
    if polarity is Polarity.BAND and band is None:
        return Comparison(Position.NOT_COMPARABLE, value, comparator, None, tested, source)
    difference = value - comparator
    if tested is not Significance.NOT_TESTED and polarity is not Polarity.BAND:
        return Comparison(tested.position, value, comparator, difference, tested, source)
    better = goodness(value, polarity, band) - goodness(comparator, polarity, band)
    if abs(better) <= similar_within + _EPSILON:
        return Comparison(Position.SIMILAR, value, comparator, difference, tested, source)
    found = Position.BETTER if better > 0 else Position.WORSE
    return Comparison(found, value, comparator, difference, tested, source)
