"""Whether a local figure differs from a benchmark by more than chance, as OHID Fingertips does it.

A proportion (a percentage with its numerator and denominator) gets a Wilson score interval
(exactly 0 at no events, exactly 100% when every one is); a count or a rate (events per so many
of a population) gets the exact Poisson interval below 10 events and Byar's approximation from
10, divided by the denominator for a rate. The normal quantiles are exact
(``statistics.NormalDist().inv_cdf``: 1.959964 and 3.090232, not 1.96 and 3.0902). The
benchmark (England, the neighbours' average) is then compared with the local interval, with a
tolerance of :data:`TOLERANCE` so that floating noise never decides a judgement: outside it is
"Significantly better" or "Significantly worse" by the measure's polarity ("higher"/"lower" where
neither way is better); inside it is "Not significantly different". Without a numerator and
denominator, or where the figure is withheld, nothing is tested.

Sources: Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical
inference", JASA 22; Breslow & Day (1987) "Statistical methods in cancer research" vol. II (Byar's
method); OHID/PHE "Technical guide: confidence intervals" (Fingertips).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from functools import cache
from statistics import NormalDist

from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.status import Significance


class Level(str, Enum):
    """The confidence levels Fingertips uses, with their z values."""

    P95 = "95"
    P99_8 = "99.8"

    @property
    def z(self) -> float:
        """The exact two-sided standard normal quantile (1.959964..., 3.090232...)."""
        return _quantile(1 - (1 - float(self.value) / 100) / 2)

    @property
    def alpha(self) -> float:
        """The two-sided tail probability: 0.05 or 0.002."""
        return round(1 - float(self.value) / 100, 6)

    @property
    def label(self) -> str:
        """As written in footnotes: '95%'."""
        return f"{self.value}%"


@cache
def _quantile(p: float) -> float:
    return NormalDist().inv_cdf(p)


#: Two figures closer than this (relative to their size, or absolutely below 1) are equal in a
#: judgement: rounding noise such as a lower limit of 8.7e-17 never makes a difference.
TOLERANCE = 1e-9
#: Below this many events the exact Poisson interval is used, as Fingertips does.
EXACT_BELOW = 10


class Method(str, Enum):
    """How an interval was worked out."""

    WILSON = "wilson"
    BYAR = "byar"
    EXACT_POISSON = "exact_poisson"

    @property
    def label(self) -> str:
        """The method's name in a footnote."""
        return _METHOD_LABEL[self]


_METHOD_LABEL = {
    Method.WILSON: "Wilson score interval",
    Method.BYAR: "Byar's method",
    Method.EXACT_POISSON: "exact Poisson interval",
}


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval in the measure's unit (percentage points for a percentage)."""

    lower: float
    upper: float
    level: Level
    method: Method


def wilson(numerator: float, denominator: float, z: float) -> tuple[float, float]:
    """Wilson score interval for the proportion ``numerator / denominator`` (as a fraction).

    centre = (p + z²/2n) / (1 + z²/n); half-width = z √(p(1-p)/n + z²/4n²) / (1 + z²/n).
    Raises ValueError unless 0 <= numerator <= denominator and denominator > 0.
    """
    if denominator <= 0 or numerator < 0 or numerator > denominator:
        raise ValueError(f"a proportion needs 0 <= {numerator} <= {denominator} and n > 0")
    n = float(denominator)
    p = numerator / n
    z2 = z * z
    scale = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / scale
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / scale
    # At the edges the formula's limit is exactly 0 or 1; floating point leaves 8.7e-17.
    lower = 0.0 if numerator == 0 else max(0.0, centre - half)
    upper = 1.0 if numerator == denominator else min(1.0, centre + half)
    return lower, upper


def gamma_p(a: float, x: float) -> float:
    """The regularized lower incomplete gamma function P(a, x), for a > 0 and x >= 0.

    A series below x = a + 1 and a continued fraction (Lentz) above, as in Press et al.,
    "Numerical Recipes" 6.2; accurate to about 1e-14.
    """
    if a <= 0 or x < 0:
        raise ValueError(f"gamma_p needs a > 0 and x >= 0 (a={a}, x={x})")
    if x == 0:
        return 0.0
    log_front = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        shape = a
        for _ in range(10_000):
            shape += 1
            term *= x / shape
            total += term
            if abs(term) < abs(total) * 1e-16:
                break
        return min(1.0, total * math.exp(log_front))
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        step = d * c
        h *= step
        if abs(step - 1) < 1e-16:
            break
    return max(0.0, 1.0 - math.exp(log_front) * h)


def gamma_quantile(a: float, p: float) -> float:
    """The x at which P(a, x) = p (0 < p < 1), by bisection: the gamma distribution's quantile.

    The exact Poisson limits are gamma quantiles (the chi-square relation: chi2(q, 2k) / 2).
    """
    if not 0 < p < 1:
        raise ValueError(f"a probability strictly between 0 and 1 is needed ({p})")
    low, high = 0.0, max(1.0, 2 * a)
    while gamma_p(a, high) < p:
        low, high = high, 2 * high
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if gamma_p(a, middle) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def poisson_exact(observed: float, level: Level) -> tuple[float, float]:
    """The exact (Garwood) Poisson interval for a count: lower = chi2(alpha/2, 2O) / 2,
    upper = chi2(1 - alpha/2, 2(O+1)) / 2, as gamma quantiles; 0 events have a lower limit of 0.
    """
    if observed < 0:
        raise ValueError(f"a count cannot be negative ({observed})")
    half = level.alpha / 2
    lower = 0.0 if observed == 0 else gamma_quantile(observed, half)
    return lower, gamma_quantile(observed + 1, 1 - half)


def byar(observed: float, z: float) -> tuple[float, float]:
    """Byar's approximation to the Poisson interval for an observed count ``observed``.

    lower = O (1 - 1/(9O) - z/(3√O))³; upper = (O+1) (1 - 1/(9(O+1)) + z/(3√(O+1)))³.
    A count of 0 has a lower limit of 0.
    """
    if observed < 0:
        raise ValueError(f"a count cannot be negative ({observed})")
    o = float(observed)
    lower = 0.0 if o == 0 else o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    o1 = o + 1
    upper = o1 * (1 - 1 / (9 * o1) + z / (3 * math.sqrt(o1))) ** 3
    return max(0.0, lower), upper


def interval(
    unit: Unit,
    value: float | None,
    numerator: float | None,
    denominator: float | None,
    level: Level = Level.P95,
) -> Interval | None:
    """The interval around ``value`` in the measure's unit, or None when it cannot be worked out.

    Percentages use Wilson on numerator/denominator; rates use the exact Poisson interval below
    10 events and Byar from 10, on the numerator, scaled as the value is (per 10,000, per
    100 ...). Other units, or a missing or impossible numerator or denominator, give None.
    """
    if numerator is None or denominator is None or denominator <= 0 or numerator < 0:
        return None
    if unit is Unit.PERCENT:
        if numerator > denominator:
            return None
        low, high = wilson(numerator, denominator, level.z)
        return Interval(100 * low, 100 * high, level, Method.WILSON)
    if unit is Unit.RATE:
        if value is None or numerator == 0:
            return None
        per = _multiplier(value * denominator / numerator)
        if numerator < EXACT_BELOW:
            low, high = poisson_exact(numerator, level)
            method = Method.EXACT_POISSON
        else:
            low, high = byar(numerator, level.z)
            method = Method.BYAR
        return Interval(low / denominator * per, high / denominator * per, level, method)
    return None


def _multiplier(found: float) -> float:
    """The rate's multiplier (per 100, 1,000, 10,000 ...), from a value rounded for display.

    A rate shown as 72.3 per 10,000 gives back 10,001.7; the nearest power of ten within 10% is
    what was meant, and anything else is kept as found.
    """
    if found <= 0:
        return found
    power = 10 ** round(math.log10(found))
    return float(power) if abs(found - power) <= 0.1 * power else found


def judge(found: Interval | None, benchmark: float | None, polarity: Polarity) -> Significance:
    """The local interval against a benchmark figure, in Fingertips' words."""
    if found is None or benchmark is None:
        return Significance.NOT_TESTED
    slack = TOLERANCE * max(1.0, abs(benchmark))
    if found.lower - slack <= benchmark <= found.upper + slack:
        return Significance.NOT_DIFFERENT
    local_higher = benchmark < found.lower
    if polarity is Polarity.HIGHER:
        return Significance.BETTER if local_higher else Significance.WORSE
    if polarity is Polarity.LOWER:
        return Significance.WORSE if local_higher else Significance.BETTER
    return Significance.HIGHER if local_higher else Significance.LOWER


def method_note(level: Level) -> str:
    """The footnote that names the method, for every output that shows significance."""
    return (
        f"Significance: the benchmark compared with the {level.label} confidence interval of the "
        "council's figure (Wilson score interval for percentages; for rates the exact Poisson "
        "interval below 10 events, Byar's method from 10), as OHID Fingertips does; 'Not "
        "tested' where no numerator and denominator are known or the figure is withheld."
    )
