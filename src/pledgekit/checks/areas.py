"""Checks on the area column of multi-council workbooks, and on whole workbooks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np

from pledgekit.checks.base import Context, check, uses_codes
from pledgekit.checks.rows import TableRows
from pledgekit.model.codes import EMPTY_WORKBOOK, HOME_AREA_MISSING, INCONSISTENT_AREA
from pledgekit.model.findings import Finding, finding
from pledgekit.model.indicator_table import area_key
from pledgekit.model.location import Location
from pledgekit.model.observations import Observation

uses_codes(INCONSISTENT_AREA, HOME_AREA_MISSING, EMPTY_WORKBOOK)


def _mixed_areas(rows: TableRows) -> Any:
    """Rows that may matter to :func:`consistent_areas`: on a sheet where some rows name an area,
    the rows without one and the first row of each spelling of an area."""
    table = rows.table
    if table.area is None:
        return np.zeros(len(rows), dtype=bool)
    named = np.array([a is not None for a in table.areas], dtype=bool)[table.area]
    if not named.any():
        return named
    picked = ~named
    _, first = np.unique(table.area, return_index=True)
    picked[first] = True
    return picked


def _areas(context: Context) -> set[str]:
    if context.columns is None:
        return {o.area for o in context.dataset.observations if o.area is not None}
    return {
        area
        for rows in context.columns
        if rows.table.area is not None and len(rows)
        for code in np.unique(rows.table.area).tolist()
        if (area := rows.table.areas[code]) is not None
    }


@check
def consistent_areas(context: Context) -> Iterator[Finding]:
    """On one sheet, either every row names its area or none does; one spelling per area."""
    by_sheet: dict[tuple[str, str | None], list[Observation]] = defaultdict(list)
    for obs in context.observations(where=_mixed_areas):
        by_sheet[(obs.location.file, obs.location.sheet)].append(obs)
    for rows in by_sheet.values():
        named = [o for o in rows if o.area is not None]
        if not named:
            continue
        for obs in rows:
            if obs.area is None:
                yield obs.finding(
                    INCONSISTENT_AREA,
                    f"the row for measure {obs.measure} ({obs.period.label}) has no area, "
                    "while other rows on the sheet do",
                    cell="area",
                    found="a blank area",
                    expected="the area's code or name",
                )
        spellings: dict[str, dict[str, Observation]] = defaultdict(dict)
        for obs in named:
            assert obs.area is not None
            spellings[area_key(obs.area)].setdefault(obs.area, obs)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            first, *others = variants
            for other in others:
                obs = variants[other]
                yield obs.finding(
                    INCONSISTENT_AREA,
                    f"area {other!r} is also written {first!r} on this sheet; use one spelling",
                    cell="area",
                    found=other,
                    expected=first,
                )


@check
def home_area(context: Context) -> Iterator[Finding]:
    """With several areas, pledge.yaml must name this council's (``area:``) and it must be there."""
    if context.home is not None or context.definition is None:
        return
    areas = sorted(_areas(context))
    shown = ", ".join(areas[:5]) + (" ..." if len(areas) > 5 else "")
    files = context.dataset.files
    where = Location(files[0] if files else "")
    definition = context.definition
    if definition.area:
        message = (
            f"no rows for area {definition.area!r} (the 'area:' in pledge.yaml); "
            f"the workbook has {shown}"
        )
        found = definition.area
    else:
        message = (
            f"the workbook has figures for {len(areas)} areas ({shown}); set 'area:' in "
            "pledge.yaml to the code or name of this council"
        )
        found = f"{len(areas)} areas"
    yield finding(
        HOME_AREA_MISSING, message, where, found=found, expected="this council's area code or name"
    )


@check
def empty_workbooks(context: Context) -> Iterator[Finding]:
    """A file that gave no rows and no other explanation (a blank or wrong-sheet workbook)."""
    if context.columns is None:
        used = {o.location.file for o in context.dataset.observations}
    else:
        used = {rows.table.file for rows in context.columns if len(rows)}
    explained = {f.location.file for f in context.dataset.findings}
    for file in context.dataset.files:
        if file not in used and file not in explained:
            yield finding(
                EMPTY_WORKBOOK,
                "the workbook has no indicator rows (is the table on another sheet?)",
                Location(file),
                found="no rows",
                expected="a table with Measure, Period and Value columns",
            )
