"""Comparator position: a value against England, statistical neighbours or another area."""

from __future__ import annotations

from pledgekit.model.measure_kinds import Band, Polarity
from pledgekit.model.status import Position
from pledgekit.score.ratings import EPSILON as _EPSILON
from pledgekit.score.ratings import Comparison, goodness


def position(
    value: float | None,
    comparator: float | None,
    *,
    polarity: Polarity,
    similar_within: float,
    band: Band | None = None,
) -> Comparison:
    """Whether ``value`` is better than, similar to or worse than ``comparator``."""
    if value is None or comparator is None or polarity is Polarity.NONE:
        return Comparison(Position.NOT_COMPARABLE, value, comparator)
    if polarity is Polarity.BAND and band is None:
        return Comparison(Position.NOT_COMPARABLE, value, comparator)
    difference = value - comparator
    better = goodness(value, polarity, band) - goodness(comparator, polarity, band)
    if abs(better) <= similar_within + _EPSILON:
        return Comparison(Position.SIMILAR, value, comparator, difference)
    return Comparison(
        Position.BETTER if better > 0 else Position.WORSE, value, comparator, difference
    )
