"""Small-number suppression: hide counts, and rates resting on counts, below the threshold.

Applied to observations before anything is rated, charted or rendered, so no output can show or
derive a hidden number. Zero is shown (it identifies nobody), as in DfE practice.
"""

from __future__ import annotations

from dataclasses import replace

from pledgekit.definition import Measure, Unit
from pledgekit.observations import Observation
from pledgekit.values import Reading, ValueState

SUPPRESSED = Reading(ValueState.SUPPRESSED, raw="c")


def _small(reading: Reading, threshold: int) -> bool:
    return reading.is_number and reading.number is not None and 0 < reading.number < threshold


def suppression_reason(observation: Observation, measure: Measure, threshold: int) -> str | None:
    """Why this observation must be hidden, or None when it is safe to show."""
    if not measure.suppress_small or threshold <= 0:
        return None
    if measure.unit is Unit.COUNT and _small(observation.value, threshold):
        return f"a count below {threshold}"
    for name in ("numerator", "denominator"):
        if _small(getattr(observation, name), threshold):
            return f"the {name} is below {threshold}"
    return None


def suppress(
    observation: Observation, measure: Measure, threshold: int
) -> tuple[Observation, str | None]:
    """The observation with value, numerator and denominator hidden when any is disclosive.

    All three go together: a value with its denominator would give the numerator back.
    Returns the (possibly) new observation and the reason, or None if nothing was hidden.
    """
    reason = suppression_reason(observation, measure, threshold)
    if reason is None:
        return observation, None
    hidden = replace(observation, value=SUPPRESSED, numerator=SUPPRESSED, denominator=SUPPRESSED)
    return hidden, reason
