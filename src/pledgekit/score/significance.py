"""Whether a local figure differs from a benchmark by more than chance, as OHID Fingertips does it.

A proportion (a percentage with its numerator and denominator) gets a Wilson score interval; a
count or a rate (events per so many of a population) gets Byar's approximation to the Poisson
interval, divided by the denominator for a rate. The benchmark (England, the neighbours' average)
is then compared with the local interval: outside it is "Significantly better" or "Significantly
worse" by the measure's polarity ("higher"/"lower" where neither way is better); inside it is "Not
significantly different". Without a numerator and denominator nothing is tested.

Sources: Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical
inference", JASA 22; Breslow & Day (1987) "Statistical methods in cancer research" vol. II (Byar's
method); OHID/PHE "Technical guide: confidence intervals" (Fingertips).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.status import Significance


class Level(str, Enum):
    """The confidence levels Fingertips uses, with their z values."""

    P95 = "95"
    P99_8 = "99.8"

    @property
    def z(self) -> float:
        """The two-sided standard normal quantile (1.96 and 3.0902, as Fingertips rounds them)."""
        return 1.96 if self is Level.P95 else 3.0902

    @property
    def label(self) -> str:
        """As written in footnotes: '95%'."""
        return f"{self.value}%"


class Method(str, Enum):
    """How an interval was worked out."""

    WILSON = "wilson"
    BYAR = "byar"

    @property
    def label(self) -> str:
        """The method's name in a footnote."""
        return "Wilson score interval" if self is Method.WILSON else "Byar's method"


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
    return max(0.0, centre - half), min(1.0, centre + half)


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

    Percentages use Wilson on numerator/denominator; rates use Byar on the numerator, scaled as
    the value is (per 10,000, per 100 ...). Other units, or a missing or impossible numerator or
    denominator, give None.
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
        low, high = byar(numerator, level.z)
        return Interval(low / denominator * per, high / denominator * per, level, Method.BYAR)
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
    if found.lower <= benchmark <= found.upper:
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
        "council's figure (Wilson score interval for percentages, Byar's method for rates), as "
        "OHID Fingertips does; 'Not tested' where no numerator and denominator are known."
    )
