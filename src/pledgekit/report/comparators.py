"""Comparators in words: England and statistical neighbours with their year, and the reference.

Shown in the exceptions, the watch list and the scorecard appendix, from the figures the
scorecard row carries (``Row.comparisons``) and the years pledge.yaml gives them.
"""

from __future__ import annotations

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
_POSITION = {
    Position.BETTER: "ours is better",
    Position.SIMILAR: "ours is similar",
    Position.WORSE: "ours is worse",
}


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

    @property
    def text(self) -> str:
        """E.g. "England 83.0% (2005-06): ours is better"."""
        year = f" ({self.year})" if self.year else ""
        where = f": {self.position}" if self.position else ""
        return f"{self.name} {self.figure}{year}{where}"


def _verdict(comparison: Comparison) -> str | None:
    """The significance where a test was possible, else how ours compares, in words."""
    if comparison.significance is not Significance.NOT_TESTED:
        return comparison.significance.label
    return _POSITION.get(comparison.position)


def _year(row: Row, key: str, comparison: Comparison) -> str | None:
    """The comparator's year: the published year for a figure from DfE's files (pledge.yaml's
    ``comparator_years`` are for the figures typed there), else the typed year."""
    published = row.published_year
    if published is not None and (comparison.source or "").startswith("DfE published"):
        return published.year.label
    return row.measure.comparator_years.get(key)


def comparator_views(row: Row) -> tuple[ComparatorView, ...]:
    """The row's comparators, England first, then neighbours, then any others by name."""
    order = {key: i for i, key in enumerate(_NAMES)}
    keys = sorted(row.comparisons, key=lambda k: (order.get(k, len(order)), k))
    views = []
    for key in keys:
        comparison = row.comparisons[key]
        if comparison.comparator is None:
            continue
        views.append(
            ComparatorView(
                name=display_name(key),
                figure=format_quantity(comparison.comparator, row.measure),
                year=_year(row, key, comparison),
                position=_verdict(comparison),
            )
        )
    # The national rank and quartile, and a caution on a thin neighbours' average (issue #20).
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
        views.append(
            ComparatorView(
                name="Rank among councils",
                figure=f"{rank.position} of {rank.ranked}",
                year=where,
                position=rank.quartile_label,
            )
        )
    return tuple(views)


def figure_for(views: tuple[ComparatorView, ...], name: str) -> str:
    """One comparator's figure with its year, for a table cell ("" when there is none)."""
    for view in views:
        if view.name == name:
            return f"{view.figure} ({view.year})" if view.year else view.figure
    return ""
