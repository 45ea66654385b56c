"""What was known at a reporting period: the one rule every part of the report is built from.

A paper for period P shows what the Council knew when P's workbook came in, and nothing later:

- A workbook is dated by the latest quarter it carries (``2026-27-Q2.xlsx`` holding 2026-27 Q2
  figures and the 2025-26 annual results is a 2026-27 Q2 workbook). A workbook holding one
  quarter is a quarterly return: everything in it, annual results included, became known in
  that quarter. A workbook holding several quarters is a history, whose rows are dated by their
  own period.
- A figure is known at P when its period is not after P (a year sorts after its fourth
  quarter, so a year's results are never in a paper for one of its own quarters) and it
  arrived no later than P.
- The Commitments, Updates, Actions and Profile sheets come from P's own workbook, or else
  from the latest workbook no later than P that has the sheet; a sheet taken from an earlier
  workbook, or missing while a later workbook has one, is a :data:`SECTION_NOT_OF_PERIOD`
  finding, and the report lists it as a gap (it stays a DRAFT).

:func:`known_at` applies the rule; the API builds the scorecard from its ``dataset`` and
:func:`pledgekit.report.assembly.build_report` takes every sheet from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from pledgekit.model.codes import SECTION_NOT_OF_PERIOD
from pledgekit.model.findings import Finding, finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.location import Location
from pledgekit.model.observations import (
    ActionItem,
    Commitment,
    Dataset,
    PledgeUpdate,
    ProfileItem,
)
from pledgekit.model.periods import Period

T = TypeVar("T", Commitment, PledgeUpdate, ProfileItem, ActionItem)

#: The optional sheets, by the Dataset field that holds them and the name a reader knows.
SHEETS = (
    ("commitments", "Commitments"),
    ("updates", "Updates"),
    ("actions", "Actions"),
    ("profile", "Profile"),
)


@dataclass(frozen=True, slots=True)
class Known:
    """What was known at ``period``.

    ``dataset`` holds only the figures known then and each sheet from the workbook chosen for
    it; ``sources`` names that workbook per sheet (``{"commitments": "q2.xlsx"}``);
    ``findings`` say where a sheet is not of the period's own workbook; ``trimmed`` is True when
    any figure was set aside as later than the period.
    """

    period: Period
    dataset: Dataset
    sources: dict[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    trimmed: bool = False
    #: The latest workbook's period in the whole data (``period`` when there is no figure).
    latest: Period | None = None

    @property
    def gaps(self) -> tuple[str, ...]:
        """The findings as lines of the report's gap list."""
        return tuple(f.message for f in self.findings)


def workbook_periods(pairs: Iterable[tuple[str, Period]]) -> dict[str, Period]:
    """Each workbook's date: the latest quarter (else period) among its figures' (file, period)
    ``pairs``."""
    found: dict[str, set[Period]] = {}
    for file, period in pairs:
        found.setdefault(file, set()).add(period)
    dates = {}
    for name, periods in found.items():
        quarters = [p for p in periods if not p.is_annual]
        dates[name] = max(quarters or periods)
    return dates


def _quarterly_returns(pairs: Iterable[tuple[str, Period]]) -> set[str]:
    """Workbooks that hold one quarter only: all their rows arrived in that quarter."""
    quarters: dict[str, set[Period]] = {}
    for file, period in pairs:
        quarters.setdefault(file, set())
        if not period.is_annual:
            quarters[file].add(period)
    return {name for name, found in quarters.items() if len(found) == 1}


def arrived(file: str, period: Period, dated: dict[str, Period], returns: set[str]) -> Period:
    """When a figure of ``period`` in ``file`` became known: its workbook's quarter for a
    quarterly return, else its period."""
    if file in returns:
        return max(dated[file], period)
    return period


def _file_periods(table: IndicatorTable) -> tuple[list[tuple[str, Period]], Any]:
    """The distinct (file, period) of the table's rows, and each row's index among them."""
    width = len(table.periods) + 1
    codes, inverse = np.unique(
        table.source.astype(np.int64) * width + table.period, return_inverse=True
    )
    pairs = [
        (table.sources[code // width].file, table.periods[code % width]) for code in codes.tolist()
    ]
    return pairs, inverse


def _choose(
    items: Sequence[T], dated: dict[str, Period], order: dict[str, int], period: Period
) -> tuple[list[T], str | None, Period | None]:
    """The items of the latest workbook no later than ``period`` that has any.

    A workbook with no figures cannot be dated; it counts as known, ordered as given.
    """
    files = {item.location.file for item in items}
    eligible = [f for f in files if f not in dated or dated[f] <= period]
    if not eligible:
        return [], None, None
    best = max(eligible, key=lambda f: (dated.get(f, Period(0)), order.get(f, -1)))
    return [i for i in items if i.location.file == best], best, dated.get(best)


def known_at(dataset: Dataset, period: Period) -> Known:
    """What was known at ``period`` in ``dataset`` (see the module's rule)."""
    pairs, row_pair = _file_periods(dataset.table)
    dated = workbook_periods(pairs)
    returns = _quarterly_returns(pairs)
    known = np.array(
        [p <= period and arrived(f, p, dated, returns) <= period for f, p in pairs], dtype=bool
    )
    kept = known[row_pair] if len(pairs) else np.ones(len(dataset.table), dtype=bool)
    order = {name: i for i, name in enumerate(dataset.files)}
    sheets: dict[str, list[object]] = {}
    sources: dict[str, str] = {}
    findings: list[Finding] = []
    for name, sheet in SHEETS:
        every = getattr(dataset, name)
        items = every
        if name == "profile":
            # A dated profile line is known from its own period on; undated ones by workbook.
            items = [i for i in items if i.period is None or i.period <= period]
        chosen, source, when = _choose(items, dated, order, period)
        sheets[name] = chosen
        if name == "profile":
            # Earlier periods' dated lines too: the profile shows last period's figure beside.
            sheets[name] = chosen + [
                i
                for i in items
                if i not in chosen
                and i.period is not None
                and (i.location.file not in dated or dated[i.location.file] <= period)
            ]
        if source is not None:
            sources[name] = source
        problem = _sheet_problem(sheet, name, chosen, source, when, period, every)
        if problem is not None:
            findings.append(problem)
    files = [f for f in dataset.files if f not in dated or dated[f] <= period]
    known_then = Dataset(
        dataset.table.take(kept),
        commitments=sheets["commitments"],  # type: ignore[arg-type]
        updates=sheets["updates"],  # type: ignore[arg-type]
        profile=sheets["profile"],  # type: ignore[arg-type]
        actions=sheets["actions"],  # type: ignore[arg-type]
        findings=list(dataset.findings),
        files=files,
    )
    return Known(
        period,
        known_then,
        sources,
        tuple(findings),
        trimmed=not kept.all(),
        latest=max(dated.values(), default=period),
    )


def _sheet_problem(
    sheet: str,
    name: str,
    chosen: Sequence[object],
    source: str | None,
    when: Period | None,
    period: Period,
    every: Sequence[T],
) -> Finding | None:
    if name == "profile" and any(getattr(i, "period", None) == period for i in chosen):
        return None
    if source is not None and (when is None or when == period):
        return None
    if source is not None and when is not None:
        return finding(
            SECTION_NOT_OF_PERIOD,
            f"{sheet}: no {sheet} sheet for {period.label}; the report shows the one of "
            f"{when.label} (the latest workbook no later than {period.label})",
            Location(source, sheet),
        )
    later = sorted({i.location.file for i in every}) if every else []
    if not later:
        return None  # the data has no such sheet at all: the section is simply left out
    return finding(
        SECTION_NOT_OF_PERIOD,
        f"{sheet}: no {sheet} sheet for {period.label} or earlier; only a later workbook has "
        f"one, which this report cannot use",
        Location(later[0], sheet),
    )
