"""Confidence intervals and significance as OHID Fingertips computes them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.status import Significance
from pledgekit.score.significance import (
    Interval,
    Level,
    Method,
    byar,
    gamma_p,
    gamma_quantile,
    interval,
    judge,
    poisson_exact,
    wilson,
)

# Newcombe, R. G. (1998) "Two-sided confidence intervals for the single proportion: comparison of
# seven methods", Statistics in Medicine 17, 857-872, Table II, method 3 (Wilson score interval
# without continuity correction), 95%: the four worked examples of the paper.
NEWCOMBE = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("num", "den", "low", "high"), NEWCOMBE)
def test_wilson_agrees_with_newcombes_worked_examples(
    num: int, den: int, low: float, high: float
) -> None:
    found = wilson(num, den, 1.96)
    assert round(found[0], 4) == low
    assert round(found[1], 4) == high


def _wilson_closed_form(num: int, den: int, z: float) -> tuple[float, float]:
    """Wilson's interval as the roots of (p - x)^2 = z^2 x (1 - x) / n, solved independently."""
    p = num / den
    # (1 + z²/n) x² - (2p + z²/n) x + p² = 0
    a = 1 + z * z / den
    b = -(2 * p + z * z / den)
    c = p * p
    disc = math.sqrt(b * b - 4 * a * c)
    return (-b - disc) / (2 * a), (-b + disc) / (2 * a)


@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_matches_the_quadratic_it_solves(pair: tuple[int, int]) -> None:
    num, den = pair
    for level in Level:
        ours = wilson(num, den, level.z)
        theirs = _wilson_closed_form(num, den, level.z)
        assert ours[0] == pytest.approx(max(0.0, theirs[0]), abs=5e-5)
        assert ours[1] == pytest.approx(min(1.0, theirs[1]), abs=5e-5)


def _chi2_wilson_hilferty(dof: float, z: float) -> float:
    """Wilson-Hilferty approximation to a chi-squared quantile (Breslow & Day 1987, vol. II)."""
    return dof * (1 - 2 / (9 * dof) + z * math.sqrt(2 / (9 * dof))) ** 3


# Byar's limits are half the Wilson-Hilferty chi-squared quantiles with 2O and 2(O+1) degrees of
# freedom: Breslow, N. E. and Day, N. E. (1987) "Statistical methods in cancer research", vol. II,
# IARC, p. 69; the form OHID uses is in PHE's "Technical Guide: Confidence Intervals" (2018),
# Appendix 1. Values to four places, checked below against the chi-squared form as well:
_PRINTED_Z = {Level.P95: 1.96, Level.P99_8: 3.0902}
BYAR = [
    (15, Level.P95, 8.3892, 24.7418),
    (10, Level.P95, 4.7874, 18.3916),
    (100, Level.P95, 81.3618, 121.6283),
    (15, Level.P99_8, 5.7548, 31.2929),
]


@pytest.mark.parametrize(("observed", "level", "low", "high"), BYAR)
def test_byar_agrees_with_worked_examples(
    observed: int, level: Level, low: float, high: float
) -> None:
    # The worked examples use the quantiles rounded as the guide prints them.
    z = _PRINTED_Z[level]
    found = byar(observed, z)
    assert round(found[0], 4) == low
    assert round(found[1], 4) == high
    assert found[0] == pytest.approx(_chi2_wilson_hilferty(2 * observed, -z) / 2, abs=5e-5)
    assert found[1] == pytest.approx(_chi2_wilson_hilferty(2 * (observed + 1), z) / 2, abs=5e-5)


def _poisson_cdf(k: int, mean: float) -> float:
    term = total = math.exp(-mean)
    for i in range(1, k + 1):
        term *= mean / i
        total += term
    return total


def _exact_poisson(observed: int, alpha: float) -> tuple[float, float]:
    """Exact (Garwood) Poisson limits by bisection on the Poisson distribution function."""

    def solve(target: float, k: int) -> float:
        low, high = 0.0, 10.0 * (observed + 10)
        for _ in range(200):
            mid = (low + high) / 2
            if _poisson_cdf(k, mid) > target:
                low = mid
            else:
                high = mid
        return (low + high) / 2

    lower = 0.0 if observed == 0 else solve(1 - alpha / 2, observed - 1)
    return lower, solve(alpha / 2, observed)


@given(st.integers(10, 400))
def test_byar_is_within_point_two_percent_of_exact_for_ten_or_more(observed: int) -> None:
    # PHE, "Technical Guide: Confidence Intervals" (2018), Appendix 1: for 95% intervals Byar's
    # method is within 0.2% of the exact value for numerators of 10 or more.
    exact = _exact_poisson(observed, 0.05)
    found = byar(observed, Level.P95.z)
    assert found[0] == pytest.approx(exact[0], rel=2e-3)
    assert found[1] == pytest.approx(exact[1], rel=2e-3)


@given(
    st.integers(1, 2000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
    st.sampled_from(list(Level)),
)
def test_a_wilson_interval_contains_its_estimate(pair: tuple[int, int], level: Level) -> None:
    num, den = pair
    found = interval(Unit.PERCENT, 100 * num / den, num, den, level)
    assert found is not None and found.method is Method.WILSON
    assert found.lower - 1e-9 <= 100 * num / den <= found.upper + 1e-9
    assert 0 <= found.lower <= found.upper <= 100


@given(st.integers(1, 500), st.integers(1, 1000), st.sampled_from(list(Level)))
def test_a_rate_interval_contains_its_estimate(events: int, population: int, level: Level) -> None:
    rate = 10_000 * events / (events + population)
    found = interval(Unit.RATE, rate, events, events + population, level)
    assert found is not None
    assert found.method is (Method.EXACT_POISSON if events < 10 else Method.BYAR)
    assert found.lower <= rate <= found.upper


@given(st.integers(1, 500), st.integers(1, 50), st.integers(2, 20))
def test_intervals_narrow_as_the_denominator_grows(num: int, extra: int, factor: int) -> None:
    """The same share from more children, or the same rate from a larger population, is surer."""
    den = num + extra
    small = interval(Unit.PERCENT, 100 * num / den, num, den)
    large = interval(Unit.PERCENT, 100 * num / den, num * factor, den * factor)
    assert small is not None and large is not None
    assert large.upper - large.lower < small.upper - small.lower
    rate = 10_000 * num / den
    small_rate = interval(Unit.RATE, rate, num, den)
    large_rate = interval(Unit.RATE, rate, num * factor, den * factor)
    assert small_rate is not None and large_rate is not None
    assert large_rate.upper - large_rate.lower < small_rate.upper - small_rate.lower


def test_the_wider_level_gives_the_wider_interval() -> None:
    narrow = interval(Unit.PERCENT, 25.0, 10, 40, Level.P95)
    wide = interval(Unit.PERCENT, 25.0, 10, 40, Level.P99_8)
    assert narrow is not None and wide is not None
    assert wide.lower < narrow.lower and wide.upper > narrow.upper


def test_no_interval_without_counts_or_for_averages() -> None:
    assert interval(Unit.PERCENT, 25.0, None, 40) is None
    assert interval(Unit.PERCENT, 25.0, 10, None) is None
    assert interval(Unit.PERCENT, 25.0, 50, 40) is None
    assert interval(Unit.SCORE, 14.2, 10, 40) is None
    assert interval(Unit.DAYS, 300, 10, 40) is None


def test_judgement_words_follow_polarity() -> None:
    found = Interval(20.0, 30.0, Level.P95, Method.WILSON)
    assert judge(found, 10.0, Polarity.HIGHER) is Significance.BETTER
    assert judge(found, 10.0, Polarity.LOWER) is Significance.WORSE
    assert judge(found, 40.0, Polarity.HIGHER) is Significance.WORSE
    assert judge(found, 40.0, Polarity.LOWER) is Significance.BETTER
    assert judge(found, 25.0, Polarity.HIGHER) is Significance.NOT_DIFFERENT
    assert judge(found, 30.0, Polarity.LOWER) is Significance.NOT_DIFFERENT
    assert judge(found, 10.0, Polarity.NONE) is Significance.HIGHER
    assert judge(found, 40.0, Polarity.NONE) is Significance.LOWER
    assert judge(None, 40.0, Polarity.HIGHER) is Significance.NOT_TESTED
    assert judge(found, None, Polarity.HIGHER) is Significance.NOT_TESTED


def test_labels_are_fingertips_words() -> None:
    assert [s.label for s in Significance] == [
        "Significantly better",
        "Not significantly different",
        "Significantly worse",
        "Significantly higher",
        "Significantly lower",
        "Not tested",
    ]


def test_a_small_cohort_is_not_significantly_different_where_a_large_one_is() -> None:
    """12 of 40 (30%) against England's 22% is within chance; 300 of 1,000 is not."""
    small = interval(Unit.PERCENT, 30.0, 12, 40)
    large = interval(Unit.PERCENT, 30.0, 300, 1000)
    assert judge(small, 22.0, Polarity.LOWER) is Significance.NOT_DIFFERENT
    assert judge(large, 22.0, Polarity.LOWER) is Significance.WORSE


def test_a_rounded_rate_keeps_its_multiplier() -> None:
    """72.3 per 10,000 from 421 of 58,240: the interval is per 10,000, not per 10,001.7."""
    found = interval(Unit.RATE, 72.3, 421, 58_240)
    assert found is not None
    low, high = byar(421, Level.P95.z)
    assert found.method is Method.BYAR
    assert found.lower == pytest.approx(low / 58_240 * 10_000)
    assert found.upper == pytest.approx(high / 58_240 * 10_000)


# --- exact quantiles, exact Poisson limits, the edges --------------------------------------


def test_the_quantiles_are_exact() -> None:
    assert Level.P95.z == pytest.approx(1.959963984540054, abs=1e-12)
    assert Level.P99_8.z == pytest.approx(3.090232306167813, abs=1e-12)


# Exact Poisson limits are half the chi-squared quantiles with 2O and 2(O+1) degrees of freedom
# (Garwood 1936); the values are tabled chi-squared quantiles (to 3 places) halved.
EXACT = [
    (0, Level.P95, 0.0, 7.378 / 2),
    (1, Level.P95, 0.0506 / 2, 11.143 / 2),
    (2, Level.P95, 0.484 / 2, 14.449 / 2),
    (5, Level.P95, 3.247 / 2, 23.337 / 2),
    (9, Level.P95, 8.231 / 2, 34.170 / 2),
    (0, Level.P99_8, 0.0, 13.816 / 2),
    (3, Level.P99_8, 0.381 / 2, 26.124 / 2),
]


@pytest.mark.parametrize(("observed", "level", "low", "high"), EXACT)
def test_exact_poisson_agrees_with_tables(
    observed: int, level: Level, low: float, high: float
) -> None:
    found = poisson_exact(observed, level)
    assert found[0] == pytest.approx(low, abs=6e-4)
    assert found[1] == pytest.approx(high, abs=6e-4)


@given(st.integers(0, 60), st.sampled_from(list(Level)))
def test_exact_poisson_agrees_with_the_poisson_distribution(observed: int, level: Level) -> None:
    """The gamma quantiles agree with bisection on the Poisson distribution function itself."""
    found = poisson_exact(observed, level)
    theirs = _exact_poisson(observed, level.alpha)
    assert found[0] == pytest.approx(theirs[0], rel=1e-9, abs=1e-12)
    assert found[1] == pytest.approx(theirs[1], rel=1e-9)


@given(st.floats(1, 200), st.floats(1e-6, 1 - 1e-6))
def test_gamma_quantile_inverts_gamma_p(a: float, p: float) -> None:
    assert gamma_p(a, gamma_quantile(a, p)) == pytest.approx(p, abs=1e-9)


def test_below_ten_events_a_rate_uses_the_exact_interval() -> None:
    found = interval(Unit.RATE, 50.0, 5, 1_000)
    assert found is not None and found.method is Method.EXACT_POISSON
    assert found.lower == pytest.approx(1.62348639 / 1_000 * 10_000)
    assert found.upper == pytest.approx(11.66833208 / 1_000 * 10_000)


@given(st.integers(1, 100_000), st.sampled_from(list(Level)))
def test_no_events_has_a_lower_limit_of_exactly_zero(den: int, level: Level) -> None:
    found = interval(Unit.PERCENT, 0.0, 0, den, level)
    assert found is not None and found.lower == 0.0
    # A median of 0.0 is never significantly different from 0 of n.
    assert judge(found, 0.0, Polarity.HIGHER) is Significance.NOT_DIFFERENT
    assert judge(found, 0.0, Polarity.LOWER) is Significance.NOT_DIFFERENT


@given(st.integers(1, 100_000), st.sampled_from(list(Level)))
def test_every_event_has_an_upper_limit_of_exactly_100(den: int, level: Level) -> None:
    found = interval(Unit.PERCENT, 100.0, den, den, level)
    assert found is not None and found.upper == 100.0
    assert judge(found, 100.0, Polarity.HIGHER) is Significance.NOT_DIFFERENT


def test_zero_of_332_is_not_worse_than_a_median_of_zero() -> None:
    """The case from the independent recomputation: 8.7e-17 must not decide a judgement."""
    found = interval(Unit.PERCENT, 0.0, 0, 332)
    assert found is not None and found.lower == 0.0
    assert judge(found, 0.0, Polarity.HIGHER) is Significance.NOT_DIFFERENT


@given(st.floats(-1e6, 1e6), st.floats(0, 1e3))
def test_noise_at_a_limit_never_decides(edge: float, width: float) -> None:
    found = Interval(edge, edge + width, Level.P95, Method.WILSON)
    noise = 1e-12 * max(1.0, abs(edge))
    assert judge(found, edge - noise, Polarity.HIGHER) is Significance.NOT_DIFFERENT
    assert judge(found, edge + width + noise, Polarity.HIGHER) is Significance.NOT_DIFFERENT
