"""Direction of travel: how a value moved since an earlier period, judged by polarity."""

from __future__ import annotations

from pledgekit.model.measure_kinds import Band, Polarity
from pledgekit.model.status import Direction
from pledgekit.score.ratings import EPSILON as _EPSILON
from pledgekit.score.ratings import Movement, goodness


def direction(
    current: float | None,
    previous: float | None,
    *,
    polarity: Polarity,
    stable_within: float,
    band: Band | None = None,
) -> Movement:
    """Direction of travel from ``previous`` to ``current``, judged by polarity.

    A change no larger than ``stable_within`` is ``no_change``. For a band measure, moving closer to
    the band improves and two values inside it are ``no_change``.
    """
    if current is None or previous is None:
        return Movement(Direction.NOT_COMPARABLE, current, previous)
    change = current - previous
    if polarity is Polarity.NONE or (polarity is Polarity.BAND and band is None):
        if abs(change) <= stable_within + _EPSILON:
            return Movement(Direction.NO_CHANGE, current, previous, change)
        moved = Direction.INCREASED if change > 0 else Direction.DECREASED
        return Movement(moved, current, previous, change)
    better = goodness(current, polarity, band) - goodness(previous, polarity, band)
    if abs(better) <= stable_within + _EPSILON:
        return Movement(Direction.NO_CHANGE, current, previous, change)
    moved = Direction.IMPROVED if better > 0 else Direction.DECLINED
    return Movement(moved, current, previous, change)
