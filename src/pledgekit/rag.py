"""RAG rules as pure functions: status against target, direction of travel, comparator position.

Every result carries the numbers that decided it and a plain-English ``reason``, so a report can
say why a measure is red. Polarity says which way is better; nothing here assumes higher is better.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pledgekit.definition import Band, Polarity, RagRule, TargetValue
from pledgekit.values import Reading, ValueState, format_number

# Floating-point noise must not turn "exactly on target" into a miss.
_EPSILON = 1e-9


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
    def symbol(self) -> str:
        """Arrow shown with the word."""
        return _DIRECTION_SYMBOL[self]

    @property
    def label(self) -> str:
        """Human word."""
        return self.value.replace("_", " ").capitalize()


_DIRECTION_SYMBOL = {
    Direction.IMPROVED: "↑",
    Direction.DECLINED: "↓",
    Direction.NO_CHANGE: "→",
    Direction.INCREASED: "↗",
    Direction.DECREASED: "↘",
    Direction.NOT_COMPARABLE: "·",
}


class Position(str, Enum):
    """Where a value stands against a comparator (England, statistical neighbours, ...)."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    NOT_COMPARABLE = "not_comparable"


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
    """Position of a value against one comparator figure."""

    position: Position
    value: float | None
    comparator: float | None
    difference: float | None = None


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


Formatter = Callable[[float], str]


def _describe_target(target: TargetValue, polarity: Polarity, fmt: Formatter) -> str:
    if isinstance(target, tuple):
        return f"the band {fmt(target[0])} to {fmt(target[1])}"
    sign = {Polarity.HIGHER: " or more", Polarity.LOWER: " or less"}.get(polarity, "")
    return f"a target of {fmt(target)}{sign}"


def rate(
    value: Reading,
    *,
    polarity: Polarity,
    target: TargetValue | None,
    tolerance: float,
    rule: RagRule = RagRule.TOLERANCE,
    year_ago: float | None = None,
    stable_within: float = 0.0,
    fmt: Formatter = format_number,
    fmt_gap: Formatter = format_number,
) -> Rating:
    """Rate ``value`` against ``target``.

    Green meets the target; amber misses by no more than ``tolerance`` (rule ``tolerance``) or
    misses but improved on ``year_ago`` by more than ``stable_within`` (rule ``trend``); red
    otherwise. Values that are not numbers give ``no_data``, ``suppressed`` or ``not_rated``.
    ``fmt`` and ``fmt_gap`` write values and differences in the reason (e.g. ``36.0%``, ``4.0 pp``).
    """
    if polarity is Polarity.NONE:
        return Rating(Status.NOT_RATED, "context measure: shown, not rated", value.number, target)
    if value.state is ValueState.SUPPRESSED:
        return Rating(Status.SUPPRESSED, "suppressed to protect small numbers", None, target)
    if value.state is ValueState.NOT_APPLICABLE:
        return Rating(Status.NOT_RATED, "not applicable this period", None, target)
    if value.state is not ValueState.BELOW_HALF and (not value.is_number or value.number is None):
        return Rating(Status.NO_DATA, _NO_DATA_REASON[value.state], None, target)
    if target is None:
        return Rating(Status.NOT_RATED, "no target set for this period", value.number, None)
    if value.state is ValueState.BELOW_HALF:
        # 'k' is some value in [0, 0.5): rate it only when both ends give the same status.
        low, high = (
            rate(
                Reading(ValueState.NUMBER, bound),
                polarity=polarity,
                target=target,
                tolerance=tolerance,
                rule=rule,
                year_ago=year_ago,
                stable_within=stable_within,
                fmt=fmt,
                fmt_gap=fmt_gap,
            )
            for bound in (0.0, 0.5)
        )
        if low.status is high.status:
            return Rating(low.status, f"below 0.5 (k): {low.reason}", None, target, tolerance)
        return Rating(
            Status.NO_DATA, "below 0.5 (k): too close to the target to rate", None, target
        )

    number = value.number
    assert number is not None
    band = target if isinstance(target, tuple) else None
    if band is not None:
        gap = goodness(number, Polarity.BAND, band)
    else:
        assert not isinstance(target, tuple)
        gap = number - target if polarity is Polarity.HIGHER else target - number
    gap = 0.0 if abs(gap) < _EPSILON else gap
    shown = fmt(number)
    aim = _describe_target(target, polarity, fmt)
    if gap >= 0:
        verb = "inside" if band else "meets"
        return Rating(Status.GREEN, f"{shown} {verb} {aim}", number, target, tolerance, gap, rule)
    miss = fmt_gap(-gap)
    if rule is RagRule.TREND:
        if year_ago is None:
            reason = f"{shown} misses {aim} by {miss}; no figure a year earlier to show improvement"
            return Rating(Status.RED, reason, number, target, tolerance, gap, rule)
        judged = Polarity.BAND if band is not None else polarity
        improvement = goodness(number, judged, band) - goodness(year_ago, judged, band)
        was = fmt(year_ago)
        if improvement > stable_within + _EPSILON:
            reason = f"{shown} misses {aim} by {miss} but improved on {was} a year earlier"
            return Rating(Status.AMBER, reason, number, target, tolerance, gap, rule)
        reason = f"{shown} misses {aim} by {miss} and has not improved on {was} a year earlier"
        return Rating(Status.RED, reason, number, target, tolerance, gap, rule)
    if -gap <= tolerance + _EPSILON:
        reason = f"{shown} misses {aim} by {miss}, within the tolerance of {fmt_gap(tolerance)}"
        return Rating(Status.AMBER, reason, number, target, tolerance, gap, rule)
    reason = f"{shown} misses {aim} by {miss}, beyond the tolerance of {fmt_gap(tolerance)}"
    return Rating(Status.RED, reason, number, target, tolerance, gap, rule)


_NO_DATA_REASON = {
    ValueState.MISSING: "no figure given",
    ValueState.NOT_AVAILABLE: "figure not available (x)",
    ValueState.NO_CACHED_VALUE: "formula with no saved result: open and save the file in Excel",
    ValueState.INVALID: "the figure is not a number",
    ValueState.NUMBER: "no figure given",
}


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
