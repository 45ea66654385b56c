"""The words a scorecard speaks: RAG status, direction of travel, position against a comparator.

Each carries its label, and a shape or arrow, so colour is never the only signal.
"""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """RAG status of a value against its target."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_DATA = "no_data"
    SUPPRESSED = "suppressed"
    NOT_RATED = "not_rated"

    @property
    def label(self) -> str:
        """Word shown next to the colour (colour is never the only signal)."""
        return _STATUS_LABEL[self]

    @property
    def symbol(self) -> str:
        """Shape that reads in black and white: circle, triangle, cross."""
        return _STATUS_SYMBOL[self]

    @property
    def colour(self) -> str:
        """Conventional RGB hex colour."""
        return _STATUS_COLOUR[self]


_STATUS_LABEL = {
    Status.GREEN: "Green",
    Status.AMBER: "Amber",
    Status.RED: "Red",
    Status.NO_DATA: "No data",
    Status.SUPPRESSED: "Suppressed",
    Status.NOT_RATED: "Not rated",
}
_STATUS_SYMBOL = {
    Status.GREEN: "●",
    Status.AMBER: "▲",
    Status.RED: "✖",
    Status.NO_DATA: "○",
    Status.SUPPRESSED: "◌",
    Status.NOT_RATED: "–",
}
_STATUS_COLOUR = {
    Status.GREEN: "00B050",
    Status.AMBER: "FFC000",
    Status.RED: "C00000",
    Status.NO_DATA: "BFBFBF",
    Status.SUPPRESSED: "BFBFBF",
    Status.NOT_RATED: "D9D9D9",
}


class Direction(str, Enum):
    """Direction of travel against an earlier period.

    ``increased`` and ``decreased`` describe measures that are not rated (polarity none), where
    neither way is better.
    """

    IMPROVED = "improved"
    DECLINED = "declined"
    NO_CHANGE = "no_change"
    INCREASED = "increased"
    DECREASED = "decreased"
    NOT_COMPARABLE = "not_comparable"

    @property
    def label(self) -> str:
        """Human word (shown after an arrow for the value's own direction: see
        :func:`pledgekit.score.trend.trend_text`)."""
        return self.value.replace("_", " ").capitalize()


class Position(str, Enum):
    """Where a value stands against a comparator (England, statistical neighbours, ...)."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    NOT_COMPARABLE = "not_comparable"


class Significance(str, Enum):
    """A local figure against a benchmark, judged by the local figure's confidence interval.

    As OHID Fingertips words it: better or worse by the measure's polarity when the benchmark
    lies outside the interval, higher or lower for measures where neither way is better.
    """

    BETTER = "better"
    NOT_DIFFERENT = "not_different"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_TESTED = "not_tested"

    @property
    def label(self) -> str:
        """The words shown in tables and reports."""
        return _SIGNIFICANCE_LABEL[self]

    @property
    def position(self) -> Position:
        """The comparator position this judgement amounts to."""
        return _SIGNIFICANCE_POSITION[self]


_SIGNIFICANCE_LABEL = {
    Significance.BETTER: "Significantly better",
    Significance.NOT_DIFFERENT: "Not significantly different",
    Significance.WORSE: "Significantly worse",
    Significance.HIGHER: "Significantly higher",
    Significance.LOWER: "Significantly lower",
    Significance.NOT_TESTED: "Not tested",
}
_SIGNIFICANCE_POSITION = {
    Significance.BETTER: Position.BETTER,
    Significance.NOT_DIFFERENT: Position.SIMILAR,
    Significance.WORSE: Position.WORSE,
    Significance.HIGHER: Position.NOT_COMPARABLE,
    Significance.LOWER: Position.NOT_COMPARABLE,
    Significance.NOT_TESTED: Position.NOT_COMPARABLE,
}
