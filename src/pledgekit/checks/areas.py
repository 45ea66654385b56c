"""Checks on the area column of multi-council workbooks, and on whole workbooks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import numpy as np

from pledgekit.checks.base import Context, check
from pledgekit.model.codes import EMPTY_WORKBOOK, HOME_AREA_MISSING, INCONSISTENT_AREA
from pledgekit.model.findings import Finding, finding
from pledgekit.model.indicator_table import area_key
from pledgekit.model.location import Location


@check(codes=(INCONSISTENT_AREA,))
def consistent_areas(context: Context) -> Iterator[Finding]:
    """On one sheet, either every row names its area or none does; one spelling per area."""
    table = context.table
    named = np.array([a is not None for a in table.areas] or [False], dtype=bool)[table.area]
    blank = ~named & np.isin(table.source, table.source[named])
    for obs in context.where(blank):
        yield obs.finding(
            INCONSISTENT_AREA,
            f"the row for measure {obs.measure} ({obs.period.label}) has no area, "
            "while other rows on the sheet do",
            cell="area",
            found="a blank area",
            expected="the area's code or name",
        )
    # The first row of each spelling on each sheet, grouped by the area it spells.
    pairs = table.source.astype(np.int64) * (len(table.areas) + 1) + table.area
    _, first = np.unique(np.where(named, pairs, -1), return_index=True)
    spellings: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index in sorted(first.tolist()):
        area = table.areas[int(table.area[index])]
        if area is not None:
            spellings[int(table.source[index]), area_key(area)].append(index)
    for rows in spellings.values():
        if len(rows) < 2:
            continue
        first_spelling, *others = table.observations(rows)
        for obs in others:
            yield obs.finding(
                INCONSISTENT_AREA,
                f"area {obs.area!r} is also written {first_spelling.area!r} on this sheet; "
                "use one spelling",
                cell="area",
                found=obs.area,
                expected=first_spelling.area,
            )


@check(codes=(HOME_AREA_MISSING,))
def home_area(context: Context) -> Iterator[Finding]:
    """With several areas, pledge.yaml must name this council's (``area:``) and it must be there."""
    if context.home is not None or context.definition is None:
        return
    files = context.dataset.files
    area = context.definition.area
    yield finding(
        HOME_AREA_MISSING,
        context.table.home_problem(area),
        Location(files[0] if files else ""),
        found=area or f"{len(context.table.areas_present())} areas",
        expected="this council's area code or name",
    )


@check(codes=(EMPTY_WORKBOOK,))
def empty_workbooks(context: Context) -> Iterator[Finding]:
    """A file that gave no rows and no other explanation (a blank or wrong-sheet workbook)."""
    table = context.table
    used = {table.sources[code].file for code in np.unique(table.source).tolist()}
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
