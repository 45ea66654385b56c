"""Rating a suppressed figure when every value the suppression could hide gives one status.

A count below the threshold (default 5) is shown as ``c``; so is a percentage whose numerator is
below it. The hidden value then lies in a known range: 0 to threshold - 1 for a count, 0 to
(threshold - 1) / denominator for a percentage with its denominator shown. When both ends of the
range (and so, the rules being monotone, every value between) give the same status, the figure
is rated: a target of 5 or more that a count under 5 must miss is red, shown as ``c``.
"""

from __future__ import annotations

from collections.abc import Callable

from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.status import Status
from pledgekit.model.values import Reading, ValueState
from pledgekit.score.ratings import Rating


def hidden_range(unit: Unit, threshold: int, denominator: Reading) -> tuple[float, float] | None:
    """The range a suppressed figure lies in, or None when it cannot be told."""
    if threshold < 1:
        return None
    if unit is Unit.COUNT:
        return 0.0, float(threshold - 1)
    if unit is Unit.PERCENT and denominator.is_number and denominator.number:
        return 0.0, min(100.0, 100.0 * (threshold - 1) / denominator.number)
    return None


def rate_hidden(
    rating: Rating,
    bounds: tuple[float, float] | None,
    polarity: Polarity,
    rate_at: Callable[[Reading], Rating],
    shown: Callable[[float], str],
) -> Rating:
    """``rating`` (a suppressed one) rated after all when both ends of ``bounds`` agree.

    ``rate_at`` rates a number as the measure's rule does; ``shown`` writes a bound.
    """
    if rating.status is not Status.SUPPRESSED or bounds is None or polarity is Polarity.BAND:
        return rating  # a band is not monotone: the ends agreeing says nothing of the middle
    low, high = (rate_at(Reading(ValueState.NUMBER, bound)) for bound in bounds)
    if low.status is not high.status or low.status not in (Status.GREEN, Status.AMBER, Status.RED):
        return rating
    span = f"{shown(bounds[0])} to {shown(bounds[1])}"
    return Rating(
        low.status,
        f"suppressed (c), but every value it could hide ({span}) is "
        f"{low.status.label.lower()}: {high.reason}",
        None,
        rating.target,
        high.tolerance,
    )
