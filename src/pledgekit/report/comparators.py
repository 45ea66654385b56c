"""Comparators in words: England and statistical neighbours with their year, and the reference.

Shown in the exceptions, the watch list and the scorecard appendix, from the figures the
scorecard row carries (``Row.comparisons``) and the years pledge.yaml gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pledgekit.model.status import Position, Significance
from pledgekit.score.comparator_text import neighbours_caution, row_rank
from pledgekit.score.formatting import format_quantity
from pledgekit.score.ratings import Comparison
from pledgekit.score.scorecard import Row

_NAMES = {
    "england": "England",
    "statistical_neighbours": "Statistical neighbours",
    "region": "Region",
}
_PUBLISHED = re.compile(r"DfE published ([^\s,]+)")
_PACK = re.compile(r"\(England (\S+)\)")


def origin(key: str, comparison: Comparison, row: Row) -> tuple[str | None, str | None]:
    """The year and source of a comparator figure: the published year for DfE's figures,
    the year pledge.yaml gives a typed-in one (never carried over to a published figure)."""
    source = comparison.source or ""
    if found := _PUBLISHED.match(source):
        return found.group(1), "DfE"
    if found := _PACK.search(source):
        return found.group(1), "DfE"
    if source.startswith("workbook"):
        return None, "workbook"
    return row.measure.comparator_years.get(key), None


def display_name(key: str) -> str:
    """``statistical_neighbours`` -> ``Statistical neighbours``; ``england`` -> ``England``."""
    return _NAMES.get(key, key.replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class ComparatorView:
    """One comparator figure: whose, how much, for which year, and how ours compares."""

    name: str
    figure: str
    year: str | None
    position: str | None
    source: str | None = None

    @property
    def label(self) -> str:
        """E.g. "England 83.0% (2025, DfE)": the figure with its year and source."""
        about = ", ".join(x for x in (self.year, self.source) if x)
        return f"{self.name} {self.figure}" + (f" ({about})" if about else "")

    @property
    def text(self) -> str:
        """E.g. "England 83.0% (2025, DfE): Significantly better"."""
        where = f": {self.position}" if self.position else ""
        return f"{self.label}{where}"


def _verdict(comparison: Comparison) -> str | None:
    """Fingertips' words where significance was tested ("Significantly worse"), else plainly
    "Higher", "Lower" or "Similar" (ours against the comparator)."""
    if comparison.significance is not Significance.NOT_TESTED:
        return comparison.significance.label
    if comparison.position is Position.SIMILAR:
        return "Similar"
    if comparison.value is None or comparison.comparator is None:
        return None
    if comparison.value == comparison.comparator:
        return "Similar"
    return "Higher" if comparison.value > comparison.comparator else "Lower"


def comparator_views(row: Row) -> tuple[ComparatorView, ...]:
    """The row's comparators, England first, then neighbours, then any others by name."""
    order = {key: i for i, key in enumerate(_NAMES)}
    keys = sorted(row.comparisons, key=lambda k: (order.get(k, len(order)), k))
    views = []
    for key in keys:
        comparison = row.comparisons[key]
        if comparison.comparator is None:
            continue
        year, source = origin(key, comparison, row)
        views.append(
            ComparatorView(
                name=display_name(key),
                figure=format_quantity(comparison.comparator, row.measure),
                year=year,
                position=_verdict(comparison),
                source=source,
            )
        )
    # The rank and quartile among councils, and a caution on a thin neighbours' average.
    caution = neighbours_caution(row)
    if caution:
        views = [
            replace(v, position=f"{v.position}; {caution}" if v.position else caution)
            if v.name == "Statistical neighbours"
            else v
            for v in views
        ]
    ranked = row_rank(row)
    if ranked is not None:
        rank, where = ranked
        year, _, _ = where.removeprefix("DfE published ").partition(" ")
        published = where.startswith("DfE published")
        views.append(
            ComparatorView(
                name="Rank among councils",
                figure=f"{rank.position} of {rank.ranked}",
                year=year if published else None,
                position=rank.quartile_label,
                source="DfE" if published else "workbook",
            )
        )
    return tuple(views)


def figure_for(views: tuple[ComparatorView, ...], name: str) -> str:
    """One comparator's figure with its year, for a table cell ("" when there is none)."""
    for view in views:
        if view.name == name:
            return view.label.removeprefix(f"{view.name} ")
    return ""
