"""RAG rules: examples for every edge, and properties that must hold for any numbers."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pledgekit.model.measure_kinds import Polarity, RagRule
from pledgekit.model.status import Direction, Position, Status
from pledgekit.model.values import Reading, ValueState
from pledgekit.score.compare import position
from pledgekit.score.rules import rate
from pledgekit.score.travel import direction

ORDER = {Status.RED: 0, Status.AMBER: 1, Status.GREEN: 2}


def num(x: float) -> Reading:
    return Reading(ValueState.NUMBER, x)


def status(
    value: float, polarity: Polarity, target: float | tuple[float, float], tol: float = 5
) -> Status:
    return rate(num(value), polarity=polarity, target=target, tolerance=tol).status


@pytest.mark.parametrize(
    ("value", "polarity", "target", "expected"),
    [
        (90, Polarity.HIGHER, 90, Status.GREEN),  # exactly on target meets it
        (85, Polarity.HIGHER, 90, Status.AMBER),  # misses by exactly the tolerance
        (84.9, Polarity.HIGHER, 90, Status.RED),
        (20, Polarity.LOWER, 20, Status.GREEN),
        (25, Polarity.LOWER, 20, Status.AMBER),
        (25.1, Polarity.LOWER, 20, Status.RED),
        (10, Polarity.LOWER, 20, Status.GREEN),  # the classic bug: lower is better, on target
        (0, Polarity.LOWER, 0, Status.GREEN),  # target 0
        (3, Polarity.LOWER, 0, Status.AMBER),
        (6, Polarity.LOWER, 0, Status.RED),
        (95, Polarity.BAND, (90, 100), Status.GREEN),
        (100, Polarity.BAND, (90, 100), Status.GREEN),
        (87, Polarity.BAND, (90, 100), Status.AMBER),
        (106, Polarity.BAND, (90, 100), Status.RED),
    ],
)
def test_status_examples(value: float, polarity: Polarity, target: float, expected: Status) -> None:
    assert status(value, polarity, target) is expected


def test_floating_point_noise_does_not_miss_target() -> None:
    assert status(0.1 + 0.2, Polarity.HIGHER, 0.3, tol=0) is Status.GREEN


def test_reason_carries_the_numbers() -> None:
    rating = rate(num(36), polarity=Polarity.LOWER, target=20, tolerance=3)
    assert rating.status is Status.RED
    assert (rating.value, rating.target, rating.tolerance, rating.gap) == (36, 20, 3, -16)
    assert rating.reason == "36 misses a target of 20 or less by 16, beyond the tolerance of 3"


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        (Reading(ValueState.MISSING), Status.NO_DATA),
        (Reading(ValueState.NOT_AVAILABLE, raw="x"), Status.NO_DATA),
        (Reading(ValueState.INVALID, raw="tbc"), Status.NO_DATA),
        (Reading(ValueState.NO_CACHED_VALUE), Status.NO_DATA),
        (Reading(ValueState.SUPPRESSED, raw="c"), Status.SUPPRESSED),
        (Reading(ValueState.NOT_APPLICABLE, raw="z"), Status.NOT_RATED),
    ],
)
def test_values_that_are_not_numbers(reading: Reading, expected: Status) -> None:
    assert rate(reading, polarity=Polarity.HIGHER, target=90, tolerance=5).status is expected


def test_polarity_none_and_missing_target_are_not_rated() -> None:
    assert (
        rate(num(71), polarity=Polarity.NONE, target=None, tolerance=5).status is Status.NOT_RATED
    )
    assert (
        rate(num(71), polarity=Polarity.HIGHER, target=None, tolerance=5).status is Status.NOT_RATED
    )


def test_below_half_rated_only_when_unambiguous() -> None:
    k = Reading(ValueState.BELOW_HALF, raw="k")
    assert rate(k, polarity=Polarity.LOWER, target=5, tolerance=1).status is Status.GREEN
    assert rate(k, polarity=Polarity.HIGHER, target=10, tolerance=1).status is Status.RED
    assert rate(k, polarity=Polarity.LOWER, target=0.2, tolerance=0).status is Status.NO_DATA


def test_trend_rule_amber_when_improved_on_year_ago() -> None:
    kwargs = {"polarity": Polarity.HIGHER, "target": 90, "tolerance": 5, "rule": RagRule.TREND}
    assert rate(num(70), year_ago=60, stable_within=0.5, **kwargs).status is Status.AMBER  # type: ignore[arg-type]
    assert rate(num(70), year_ago=75, stable_within=0.5, **kwargs).status is Status.RED  # type: ignore[arg-type]
    assert rate(num(70), year_ago=69.8, stable_within=0.5, **kwargs).status is Status.RED  # type: ignore[arg-type]
    assert rate(num(70), year_ago=None, **kwargs).status is Status.RED  # type: ignore[arg-type]
    assert rate(num(95), year_ago=99, **kwargs).status is Status.GREEN  # type: ignore[arg-type]


def test_direction_by_polarity() -> None:
    assert (
        direction(12, 10, polarity=Polarity.HIGHER, stable_within=0.5).direction
        is Direction.IMPROVED
    )
    assert (
        direction(12, 10, polarity=Polarity.LOWER, stable_within=0.5).direction
        is Direction.DECLINED
    )
    assert (
        direction(10.4, 10, polarity=Polarity.LOWER, stable_within=0.5).direction
        is Direction.NO_CHANGE
    )
    assert (
        direction(None, 10, polarity=Polarity.LOWER, stable_within=0.5).direction
        is Direction.NOT_COMPARABLE
    )
    assert (
        direction(80, 71, polarity=Polarity.NONE, stable_within=0.5).direction
        is Direction.INCREASED
    )
    moved = direction(95, 85, polarity=Polarity.BAND, stable_within=0.5, band=(90, 100))
    assert moved.direction is Direction.IMPROVED and moved.change == 10
    inside = direction(99, 91, polarity=Polarity.BAND, stable_within=0.5, band=(90, 100))
    assert inside.direction is Direction.NO_CHANGE


def test_position_against_comparators() -> None:
    assert position(30, 25, polarity=Polarity.LOWER, similar_within=1).position is Position.WORSE
    assert (
        position(24.5, 25, polarity=Polarity.LOWER, similar_within=1).position is Position.SIMILAR
    )
    assert position(60, 50, polarity=Polarity.HIGHER, similar_within=1).position is Position.BETTER
    assert (
        position(None, 50, polarity=Polarity.HIGHER, similar_within=1).position
        is Position.NOT_COMPARABLE
    )


values = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
tolerances = st.floats(0, 1e3, allow_nan=False)
polarities = st.sampled_from([Polarity.HIGHER, Polarity.LOWER])


@given(values, values, values, tolerances, polarities)
def test_moving_the_better_way_never_worsens_status(
    a: float, b: float, target: float, tol: float, polarity: Polarity
) -> None:
    worse, better = sorted((a, b)) if polarity is Polarity.HIGHER else sorted((a, b), reverse=True)
    assert (
        ORDER[status(better, polarity, target, tol)] >= ORDER[status(worse, polarity, target, tol)]
    )


@given(values, values, tolerances, polarities)
def test_meeting_target_is_always_green(
    value: float, target: float, tol: float, polarity: Polarity
) -> None:
    assume(
        abs(value - target) > 1e-6
    )  # values within float noise of the target count as meeting it
    meets = value >= target if polarity is Polarity.HIGHER else value <= target
    assert (status(value, polarity, target, tol) is Status.GREEN) == meets


@given(values, values, tolerances)
def test_higher_and_lower_mirror_each_other(value: float, target: float, tol: float) -> None:
    assert status(value, Polarity.HIGHER, target, tol) is status(
        -value, Polarity.LOWER, -target, tol
    )


@given(values, values, tolerances, tolerances, polarities)
def test_wider_tolerance_never_worsens_status(
    value: float, target: float, t1: float, t2: float, polarity: Polarity
) -> None:
    narrow, wide = sorted((t1, t2))
    assert (
        ORDER[status(value, polarity, target, wide)]
        >= ORDER[status(value, polarity, target, narrow)]
    )


@given(values, st.floats(-1e3, 1e3), st.floats(0, 1e3), tolerances)
def test_band_is_green_exactly_inside(value: float, low: float, width: float, tol: float) -> None:
    band = (low, low + width)
    assume(min(abs(value - band[0]), abs(value - band[1])) > 1e-6)
    inside = band[0] <= value <= band[1]
    assert (status(value, Polarity.BAND, band, tol) is Status.GREEN) == inside


@given(values, values, st.floats(0, 100), polarities)
def test_direction_is_antisymmetric(a: float, b: float, stable: float, polarity: Polarity) -> None:
    forward = direction(a, b, polarity=polarity, stable_within=stable).direction
    back = direction(b, a, polarity=polarity, stable_within=stable).direction
    flip = {Direction.IMPROVED: Direction.DECLINED, Direction.DECLINED: Direction.IMPROVED}
    assert back is flip.get(forward, forward)


@given(values, values, st.floats(0, 100), polarities)
def test_small_changes_are_no_change(
    a: float, delta: float, stable: float, polarity: Polarity
) -> None:
    assume(abs(delta) <= stable)
    assert (
        direction(a + delta, a, polarity=polarity, stable_within=stable).direction
        is Direction.NO_CHANGE
    )
