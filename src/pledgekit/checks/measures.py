"""Checks on which measures a workbook reports: unknown ids, duplicates, gaps, missing targets."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from pledgekit.checks.base import Context, check, main_location
from pledgekit.config.pledge import Measure
from pledgekit.model.codes import (
    DUPLICATE_OBSERVATION,
    MISSING_MEASURE,
    TARGET_MISSING,
    UNKNOWN_MEASURE,
)
from pledgekit.model.findings import Finding, finding
from pledgekit.model.indicator_table import area_key
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Frequency
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period
from pledgekit.model.values import ValueState
from pledgekit.read.conflicts import conflicts


def _where(location: Location) -> str:
    """A short place name for messages: ``Indicators!C7`` (with the file when it matters)."""
    cell = location.a1
    if location.sheet and cell:
        return f"{location.sheet}!{cell}"
    if location.sheet and location.row:
        return f"{location.sheet} row {location.row}"
    return location.file


@check(codes=(UNKNOWN_MEASURE,))
def unknown_measures(context: Context) -> Iterator[Finding]:
    """One finding per file, sheet and unknown id (national files repeat an id for every area)."""
    if context.definition is None:
        return
    first: dict[tuple[str, str | None, str], Observation] = {}
    rows: dict[tuple[str, str | None, str], int] = {}
    table, unknown = context.table, ~context.known()
    # One row built per unknown id and sheet: its first, counted with the rest.
    pairs = table.measure.astype(np.int64) * (len(table.sources) + 1) + table.source
    _, at, many = np.unique(pairs[unknown], return_index=True, return_counts=True)
    places = np.flatnonzero(unknown)[at]
    order = np.argsort(places)
    for obs, n in zip(
        table.observations(places[order].tolist()), many[order].tolist(), strict=True
    ):
        key = (obs.location.file, obs.location.sheet, obs.measure)
        first.setdefault(key, obs)
        rows[key] = rows.get(key, 0) + n
    known = list(context.measures)
    for key, obs in first.items():
        count = rows[key]
        more = f" ({count} rows)" if count > 1 else ""
        yield obs.finding(
            UNKNOWN_MEASURE,
            f"measure {obs.measure!r} is not in the pledge definition{more}; "
            "check the id for a typo, or add the measure to pledge.yaml",
            cell="measure",
            found=obs.measure,
            expected=_closest(obs.measure, known),
        )


def _closest(measure_id: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(measure_id, known, n=3, cutoff=0.5)
    if close:
        return "one of the definition's ids, e.g. " + ", ".join(close)
    return "one of the definition's measure ids"


@check(codes=(DUPLICATE_OBSERVATION,))
def duplicate_observations(context: Context) -> Iterator[Finding]:
    """A measure reported twice for one period and area: which figure is right is anyone's guess."""
    seen: dict[tuple[str, Period, str | None], Observation] = {}
    for obs in _repeated_rows(context):
        key = (obs.measure, obs.period, area_key(obs.area) if obs.area else None)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = obs
            continue
        place = _where(earlier.location)
        if earlier.location.file != obs.location.file:
            place = f"{earlier.location.file} {place}"
        area = f" for {obs.area}" if obs.area else ""
        yield finding(
            DUPLICATE_OBSERVATION,
            f"measure {obs.measure} has a second row for {obs.period.label}{area} "
            f"(the first is at {place}); keep one",
            obs.location,
            found=obs.value.raw if obs.value.raw is not None else obs.value.display(),
            expected="one row per measure and period",
            measure=obs.measure,
        )


def _repeated_rows(context: Context) -> list[Observation]:
    """The rows whose (measure, period, area) comes more than once, first occurrences included,
    in reading order; not those files give different figures for (reported when read, as
    ``conflicting-figures``)."""
    keys = context.table.identities()
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    repeated = counts[inverse] > 1
    repeated[[index for group in conflicts(context.table) for index in group]] = False
    return context.where(repeated)


def _has_figure(obs: Observation) -> bool:
    return any(
        reading.state is not ValueState.MISSING
        for reading in (obs.value, obs.numerator, obs.denominator)
    )


def _expected_period(measure: Measure, period: Period, available: set[Period]) -> Period | None:
    """The period ``measure`` should report in a return for ``period``; None: none expected yet."""
    if measure.frequency is not Frequency.ANNUAL or period.is_annual:
        return period
    years = [p for p in available if p.is_annual and p.year <= period.year]
    return max(years) if years else None


@check(codes=(MISSING_MEASURE,))
def missing_measures(context: Context) -> Iterator[Finding]:
    """Every measure of the definition should have a figure for the reporting period."""
    if context.definition is None or context.home is None or context.period is None:
        return
    period = context.period
    rows: dict[tuple[str, Period], Observation] = {}
    for seen in context.known_home():
        rows.setdefault((seen.measure, seen.period), seen)
    available = {p for _, p in rows}
    fallback = main_location(context, period)
    for _, measure in context.definition.measures():
        wanted = _expected_period(measure, period, available)
        if wanted is None:
            yield finding(
                MISSING_MEASURE,
                f"measure {measure.id} ({measure.title}) is annual and there is no yearly figure "
                "for it",
                fallback,
                expected=f"a row for {measure.id} for a year like {period.financial_year}",
                measure=measure.id,
            )
            continue
        obs = rows.get((measure.id, wanted))
        if obs is None:
            yield finding(
                MISSING_MEASURE,
                f"measure {measure.id} ({measure.title}) has no row for {wanted.label}",
                fallback,
                expected=f"a row for {measure.id} in {wanted.label}",
                measure=measure.id,
            )
        elif not _has_figure(obs):
            yield finding(
                MISSING_MEASURE,
                f"measure {measure.id} ({measure.title}) has no figure for {wanted.label}",
                obs.cell_location("value"),
                found="a blank cell",
                expected="a number, or c (suppressed), x (not available), z (not applicable)",
                measure=measure.id,
            )


@check(codes=(TARGET_MISSING,))
def missing_targets(context: Context) -> Iterator[Finding]:
    """A rated measure needs a target for the reporting period: pledge.yaml's or a Target cell."""
    if context.definition is None or context.home is None or context.period is None:
        return
    period = context.period
    rows = {(o.measure, o.period): o for o in context.known_home()}
    available = {p for _, p in rows}  # once, not once per measure
    fallback = main_location(context, period)
    for _, measure in context.definition.measures():
        if not measure.rated:
            continue
        wanted = _expected_period(measure, period, available)
        if wanted is None:
            continue
        obs = rows.get((measure.id, wanted))
        if measure.target_for(wanted) is not None or (obs is not None and obs.target is not None):
            continue
        yield finding(
            TARGET_MISSING,
            f"measure {measure.id} ({measure.title}) has no target for {wanted.financial_year}, "
            "so it will show as not rated",
            obs.location if obs is not None else fallback,
            expected=f"target for {wanted.financial_year} in pledge.yaml, or a Target column",
            measure=measure.id,
        )
