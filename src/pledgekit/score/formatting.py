"""How a measure's numbers are written: ``36.0%``, ``1,234``, ``121 days``, ``≥ 80%``."""

from __future__ import annotations

from pledgekit.config.pledge import Measure
from pledgekit.model.measure_kinds import Polarity, TargetValue, Unit
from pledgekit.model.values import Reading, format_number

_DECIMALS = {
    Unit.PERCENT: 1,
    Unit.COUNT: 0,
    Unit.RATE: 1,
    Unit.DAYS: 0,
    Unit.SCORE: 1,
    Unit.RATIO: 1,  # "19.1 children per social worker": one decimal unless the measure says more
}
_SUFFIX = {Unit.PERCENT: "%", Unit.DAYS: " days"}


def decimals(measure: Measure) -> int:
    """Decimal places for ``measure``: its own setting, else the unit's usual."""
    return measure.decimals if measure.decimals is not None else _DECIMALS[measure.unit]


def format_quantity(number: float, measure: Measure) -> str:
    """A number in the measure's unit, e.g. ``36.0%``."""
    return f"{format_number(number, decimals(measure))}{_SUFFIX.get(measure.unit, '')}"


def format_reading(reading: Reading, measure: Measure) -> str:
    """A reading as shown in tables: the number with its unit, or the statistical symbol."""
    if reading.is_number and reading.number is not None:
        return format_quantity(reading.number, measure)
    return reading.display()


def format_target(target: TargetValue | None, measure: Measure) -> str:
    """The target with the side that is good: ``≥ 80%``, ``≤ 20%``, ``90%–100%``."""
    if target is None:
        return ""
    if isinstance(target, tuple):
        return f"{format_quantity(target[0], measure)}–{format_quantity(target[1], measure)}"
    prefix = {Polarity.HIGHER: "≥ ", Polarity.LOWER: "≤ "}.get(measure.polarity, "")
    return prefix + format_quantity(target, measure)


def format_difference(difference: float, measure: Measure) -> str:
    """An unsigned difference in the measure's unit: ``4.0 pp`` for percentages, ``12 days``."""
    text = format_number(abs(difference), decimals(measure))
    unit = {Unit.PERCENT: " pp", Unit.DAYS: " days"}.get(measure.unit, "")
    return f"{text}{unit}"
