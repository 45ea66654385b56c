"""What a measure is, as every layer sees it: its unit, polarity, frequency, RAG rule and target.

These are the vocabulary of the pledge definition, but rating, suppression and rendering all
speak it, so it lives here rather than with the YAML models.
"""

from __future__ import annotations

from enum import Enum


class Unit(str, Enum):
    """What a measure's number counts."""

    PERCENT = "percent"
    COUNT = "count"
    RATE = "rate"
    DAYS = "days"
    SCORE = "score"
    RATIO = "ratio"


class Polarity(str, Enum):
    """Which way is better: higher, lower, inside a band, or not rated at all."""

    HIGHER = "higher"
    LOWER = "lower"
    BAND = "band"
    NONE = "none"


class RagRule(str, Enum):
    """How off-target values are rated.

    ``tolerance``: amber within the tolerance, red beyond it. ``trend``: off target is amber when it
    improved on the same period a year earlier, red when it did not (as some councils rate).
    """

    TOLERANCE = "tolerance"
    TREND = "trend"


class Frequency(str, Enum):
    """How often a measure is reported."""

    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    MONTHLY = "monthly"


Band = tuple[float, float]
TargetValue = float | Band
