"""The catalogue of measures computed from 903 files, and running them for given years.

Each :class:`~pledgekit.records.frames.MeasureRule` takes its title and its wording (rule,
cohort, exclusions, source) from its function's docstring, so the code, the docstring and
docs/ssda903.md say the same thing.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Collection, Iterable

from pledgekit.records import care_leavers, in_care, outcomes, placements
from pledgekit.records.collection_year import year_label
from pledgekit.records.frames import (
    ComputeResult,
    Count,
    CountingOptions,
    MeasureRule,
    Records903,
    Unavailable,
)
from pledgekit.records.history import MeasureUnavailable

Measure = Callable[[Records903, int, CountingOptions], Count]
WORDING_FIELDS = ("Rule", "Cohort", "Exclusions", "Source")


def wording(function: Measure) -> dict[str, str]:
    """The title (first line) and the Rule/Cohort/Exclusions/Source fields of a docstring.

    ValueError when a field is missing: every measure must say all four.
    """
    text = inspect.cleandoc(function.__doc__ or "")
    title, _, body = text.partition("\n")
    fields = re.split(rf"^({'|'.join(WORDING_FIELDS)}): ", body, flags=re.MULTILINE)
    found = {
        name: " ".join(value.split())
        for name, value in zip(fields[1::2], fields[2::2], strict=True)
    }
    missing = [name for name in WORDING_FIELDS if not found.get(name)]
    if missing:
        raise ValueError(f"{function.__name__}'s docstring lacks {', '.join(missing)}")
    return {"title": title.strip().rstrip("."), **found}


def rule(
    reference: str, unit: str, tables: Iterable[str], history_years: int, function: Measure
) -> MeasureRule:
    """A measure's rule, its wording read from ``function``'s docstring."""
    words = wording(function)
    return MeasureRule(
        reference=reference,
        title=words["title"],
        unit=unit,
        rule=words["Rule"],
        cohort=words["Cohort"],
        exclusions=words["Exclusions"],
        source=words["Source"],
        tables=frozenset(tables),
        history_years=history_years,
        compute=function,
    )


_EPISODES = ("Episodes",)
_HEALTH = ("Episodes", "OC2")

MEASURES: tuple[MeasureRule, ...] = (
    rule("cla-number", "count", _EPISODES, 0, in_care.cla_number),
    rule("cla-rate", "rate", _EPISODES, 0, in_care.cla_rate),
    rule("cla-started", "count", _EPISODES, 0, in_care.cla_started),
    rule("cla-ceased", "count", _EPISODES, 0, in_care.cla_ceased),
    rule("placements-3plus", "percent", _EPISODES, 0, placements.placements_3plus),
    rule("placements-3plus-2-years", "percent", _EPISODES, 1, placements.placements_3plus_2_years),
    rule(
        "long-term-stability",
        "percent",
        ("Episodes", "Header"),
        2,
        placements.long_term_stability,
    ),
    rule("foster-care", "percent", _EPISODES, 0, in_care.foster_care),
    rule("health-assessment", "percent", _HEALTH, 0, outcomes.health_assessment),
    rule("immunisations", "percent", _HEALTH, 0, outcomes.immunisations),
    rule("dental-check", "percent", _HEALTH, 0, outcomes.dental_check),
    rule("development-checks", "percent", _HEALTH, 0, outcomes.development_checks),
    rule("sdq-average", "score", _HEALTH, 0, outcomes.sdq_average),
    rule("convicted-or-cautioned", "percent", _HEALTH, 0, outcomes.convicted_or_cautioned),
    rule("care-leavers-19-21-eet", "percent", ("OC3",), 0, care_leavers.care_leavers_19_21_eet),
    rule(
        "care-leavers-19-21-suitable-accommodation",
        "percent",
        ("OC3",),
        0,
        care_leavers.care_leavers_19_21_suitable_accommodation,
    ),
    rule("care-leavers-17-18-eet", "percent", ("OC3",), 0, care_leavers.care_leavers_17_18_eet),
    rule(
        "care-leavers-17-18-suitable-accommodation",
        "percent",
        ("OC3",),
        0,
        care_leavers.care_leavers_17_18_suitable_accommodation,
    ),
    rule("missing-incidents", "percent", ("Episodes", "Missing"), 0, in_care.missing_incidents),
)

BY_REFERENCE: dict[str, MeasureRule] = {measure.reference: measure for measure in MEASURES}


def why_unavailable(measure: MeasureRule, records: Records903, year: int) -> str | None:
    """What the records lack to compute ``measure`` for ``year`` (a year or a table), or None."""
    given = records.years.get(year)
    if given is None:
        return f"no 903 files for {year_label(year)}"
    lacking = sorted(measure.tables - set(given.tables))
    if lacking:
        return f"needs the {', '.join(lacking)} table of {year_label(year)}, not given"
    earlier = range(year - measure.history_years, year)
    absent = [
        year_label(y)
        for y in earlier
        if y not in records.years or "Episodes" not in records.years[y].tables
    ]
    if absent:
        return f"needs the earlier years' Episodes for its history: {', '.join(absent)} not given"
    return None


def compute(
    records: Records903,
    years: Iterable[int],
    options: CountingOptions,
    only: Collection[str] | None = None,
) -> ComputeResult:
    """Every measure (or those of ``only``, by reference id) for each of ``years``.

    A measure that cannot be computed for a year is listed in ``unavailable`` with the reason
    (a missing table, missing history years, no population); a reference of ``only`` that no
    903 measure computes is listed there too. Nothing raises for missing data.
    """
    wanted = MEASURES if only is None else [m for m in MEASURES if m.reference in set(only)]
    unknown = [] if only is None else [r for r in only if r not in BY_REFERENCE]
    result = ComputeResult()
    for year in years:
        _compute_year(records, year, options, wanted, unknown, result)
    return result


def _compute_year(
    records: Records903,
    year: int,
    options: CountingOptions,
    wanted: Iterable[MeasureRule],
    unknown: list[str],
    result: ComputeResult,
) -> None:
    """The measures of one year into ``result``: a count, or why it cannot be had."""
    result.unavailable.extend(
        Unavailable(reference, year, "not a measure computed from 903 files")
        for reference in unknown
    )
    for measure in wanted:
        reason = why_unavailable(measure, records, year)
        if reason is None:
            try:
                result.counts.append(measure.compute(records, year, options))
                continue
            except MeasureUnavailable as missing:
                reason = str(missing)
        result.unavailable.append(Unavailable(measure.reference, year, reason))
