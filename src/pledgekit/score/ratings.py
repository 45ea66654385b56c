"""What rating produces: a status, a movement or a comparison, with the numbers that decided it.

Also :func:`goodness`, the one place that knows which way is better for a polarity.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.measure_kinds import Band, Polarity, RagRule, TargetValue
from pledgekit.model.status import Direction, Position, Significance, Status

#: Floating-point noise must not turn "exactly on target" into a miss.
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Rating:
    """A RAG status with the numbers that decided it.

    ``gap`` is how far the value is on the good side of the target (negative: it misses by that
    much); for a band, minus the distance outside the band.
    """

    status: Status
    reason: str
    value: float | None = None
    target: TargetValue | None = None
    tolerance: float | None = None
    gap: float | None = None
    rule: RagRule = RagRule.TOLERANCE


@dataclass(frozen=True, slots=True)
class Movement:
    """Direction of travel from ``previous`` to ``current`` (``change`` = current - previous)."""

    direction: Direction
    current: float | None = None
    previous: float | None = None
    change: float | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Position of a value against one comparator figure.

    ``significance`` says whether the difference is more than chance (Not tested without a
    numerator and denominator); where it was tested it decides ``position``. ``source`` says
    where the comparator came from (e.g. "DfE published 2025, median of 8 of 10 neighbours").
    """

    position: Position
    value: float | None
    comparator: float | None
    difference: float | None = None
    significance: Significance = Significance.NOT_TESTED
    source: str | None = None


def goodness(value: float, polarity: Polarity, band: Band | None = None) -> float:
    """A number that is larger when ``value`` is better, for comparing two values of a measure.

    For ``band``, minus the distance outside the band (0 anywhere inside it). Not defined for
    polarity ``none``.
    """
    if polarity is Polarity.HIGHER:
        return value
    if polarity is Polarity.LOWER:
        return -value
    if polarity is Polarity.BAND:
        if band is None:
            raise ValueError("a band measure needs its band to compare values")
        low, high = band
        return -max(low - value, value - high, 0.0)
    raise ValueError("polarity 'none' has no better or worse")
