"""The types of the records layer: counting options, a computed count, a measure's rule.

The 903 tables themselves (:data:`TABLES`, :class:`YearTables`, :class:`Records903`, the typed
column sets) are defined in :mod:`pledgekit.model.ssda903_tables`, where the reader below this
layer can import them, and are re-exported here so that callers above import one module.
"""

from __future__ import annotations

__all__ = [
    "CARE_LEAVER_AGE_RULES",
    "DATE_COLUMNS",
    "NUMBER_COLUMNS",
    "TABLES",
    "ComputeResult",
    "Count",
    "CountingOptions",
    "MeasureRule",
    "Records903",
    "Unavailable",
    "YearTables",
]

from collections.abc import Callable
from dataclasses import dataclass, field

from pledgekit.model.ssda903_tables import (
    DATE_COLUMNS,
    NUMBER_COLUMNS,
    TABLES,
    Records903,
    YearTables,
)

# How a care leaver's age is taken (OC3): at the birthday that falls in the collection year
# (DfE's rule: born 1 April 2005 is 19 in 2024-25; the same as the age at 31 March), or at the
# 1 April the year starts (a reading some councils use, which moves a birthday-year down a band).
CARE_LEAVER_AGE_RULES = ("birthday-in-year", "1-april")


@dataclass(frozen=True)
class CountingOptions:
    """The open points of DfE's counting rules, each with the shared note's default.

    - ``temporary_placements_are_moves``: a new episode into a temporary placement (PLACE
      T0-T4) counts as a placement for the placement-count measures (placements-3plus and
      placements-3plus-2-years). Default True (the project's note: every placement counts).
    - ``stability_same_carer``: long-term stability read as DfE's newer wording "living with the
      same carer for at least 2 years": a change of placement with the same carer (RNE T or U)
      does not break the two years. Default False (the older "same placement" wording).
    - ``care_leaver_age_at``: ``"birthday-in-year"`` (default: the age at the birthday that
      falls in the collection year, which is always the age at 31 March) or ``"1-april"`` (the
      age on the 1 April the year starts: a year younger for everyone not born on 1 April).
    - ``include_transferred_e3``: count among care leavers (OC3) a young person whose last period
      of care in the files ended with REC E3 (care transferred to another council). Default
      False: after a transfer the other council is the responsible authority.
    - ``population_under_18``: the council's population aged under 18 (e.g. ONS mid-year
      estimate) for ``cla-rate``; without it the rate cannot be computed.
    """

    temporary_placements_are_moves: bool = True
    stability_same_carer: bool = False
    care_leaver_age_at: str = "birthday-in-year"
    include_transferred_e3: bool = False
    population_under_18: int | None = None

    def __post_init__(self) -> None:
        if self.care_leaver_age_at not in CARE_LEAVER_AGE_RULES:
            raise ValueError(
                f"care_leaver_age_at must be one of {', '.join(CARE_LEAVER_AGE_RULES)}"
            )
        if self.population_under_18 is not None and self.population_under_18 <= 0:
            raise ValueError("population_under_18 must be a positive number of children")


@dataclass(frozen=True)
class Count:
    """One measure computed for one collection year: numerator, denominator and the figure.

    ``numerator`` is a count of children, or for ``sdq-average`` the sum of the scores;
    ``denominator`` is None for a plain count; ``value`` is the figure as DfE publishes it (a
    count, a percent 0-100, a rate per 10,000 or a mean score), None when the denominator is 0;
    ``cohort`` is the size of the group the rule starts from (before any age band or score).
    """

    reference: str
    year: int
    numerator: float
    denominator: int | None
    value: float | None
    cohort: int
    unit: str


@dataclass(frozen=True)
class MeasureRule:
    """One DfE measure: its wording for docs/ssda903.md, what it needs, and its function."""

    reference: str
    title: str
    unit: str
    rule: str
    cohort: str
    exclusions: str
    source: str
    tables: frozenset[str]
    history_years: int
    compute: Callable[[Records903, int, CountingOptions], Count]


@dataclass(frozen=True)
class Unavailable:
    """A measure that could not be computed for a year, and why (a missing table or history)."""

    reference: str
    year: int
    reason: str


@dataclass(frozen=True)
class ComputeResult:
    """What :func:`pledgekit.records.catalogue.compute` returns."""

    counts: list[Count] = field(default_factory=list)
    unavailable: list[Unavailable] = field(default_factory=list)
