"""The one ranking function and the one neighbours' average, for benchmarks and workbook areas.

A rank is a competition rank (1 is best by the measure's polarity; councils with the same figure,
within floating noise, share a rank; the next rank skips). The neighbours' average is DfE's
median (or the mean, as pledge.yaml asks), never rounded here: rounding is for display.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from statistics import mean, median

from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.published_figures import NeighbourAverage
from pledgekit.score.ratings import EPSILON, goodness


def ranks_by(polarity: Polarity, values: Sequence[float]) -> list[int]:
    """Each value's competition rank among ``values`` (1 best), ties within noise shared."""
    table = RankTable(polarity, values)
    return [table.rank(v) for v in values]


class RankTable:
    """All councils' figures for one measure and year, sorted once so each rank is a lookup."""

    def __init__(self, polarity: Polarity, values: Sequence[float]) -> None:
        if polarity not in (Polarity.HIGHER, Polarity.LOWER):
            raise ValueError(f"figures are ranked only where a direction is better ({polarity})")
        self.polarity = polarity
        #: Worst first, so the number strictly better than a figure is a count from the end.
        self.goodness = sorted(goodness(v, polarity) for v in values)

    def __len__(self) -> int:
        return len(self.goodness)

    def rank(self, value: float) -> int:
        """1 + how many figures are better than ``value`` by more than floating noise."""
        mine = goodness(value, self.polarity)
        scale = EPSILON * max(1.0, abs(mine))
        return len(self.goodness) - bisect_left(self.goodness, mine + scale) + 1


def rank_of(value: float, others: Sequence[float], polarity: Polarity) -> int:
    """Competition rank of ``value`` among ``others`` (which include it): ties share a rank."""
    return RankTable(polarity, others).rank(value)


def neighbour_average(values: Sequence[float], how: NeighbourAverage) -> float | None:
    """The median (DfE's convention) or mean of the neighbours' figures; None without any."""
    if not values:
        return None
    return float(median(values) if how is NeighbourAverage.MEDIAN else mean(values))
