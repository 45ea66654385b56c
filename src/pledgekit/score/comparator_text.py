"""Comparators in words, for tables and footnotes: figure, significance, where it came from."""

from __future__ import annotations

import re

from pledgekit.model.status import Significance
from pledgekit.score.benchmarks import Rank
from pledgekit.score.formatting import format_quantity
from pledgekit.score.scorecard import Row, Scorecard
from pledgekit.score.significance import method_note

#: The comparators a report names, in order, with the words it uses for them.
_COMPARATORS = (("england", "England"), ("statistical_neighbours", "Neighbours"))


def row_rank(row: Row) -> tuple[Rank, str] | None:
    """The row's rank among councils and where it comes from: DfE's published year (with the
    councils left out counted), else the workbook's other areas; None without one."""
    year = row.published_year
    if year is not None and year.rank is not None:
        return year.rank, f"DfE published {year.year.label}"
    if row.rank is not None and row.ranked_areas:
        return Rank(row.rank, row.ranked_areas, 0, 0), "areas in the workbook"
    return None


def rank_text(row: Row) -> str:
    """ "rank 5 of 21 councils, 1st quartile (best)" ('' without a rank)."""
    found = row_rank(row)
    if found is None:
        return ""
    rank, _ = found
    return f"rank {rank.position} of {rank.ranked} councils, {rank.quartile_label}"


def neighbours_caution(row: Row) -> str:
    """ "caution: 3 of 10 neighbours have a figure" when the neighbours' average rests on fewer
    than 5 published figures ('' otherwise)."""
    year = row.published_year
    if year is None or not year.few_neighbours:
        return ""
    return (
        f"caution: {year.neighbours_contributed} of {year.neighbours_total} neighbours have a "
        "figure"
    )


def compared_text(row: Row) -> str:
    """England and the neighbours with the significance of the difference, then the rank, in
    words.

    "England 10.0%: Significantly worse; Neighbours 12.0%: Not significantly different; rank 5
    of 21 councils, 1st quartile (best)". Where no numerator and denominator allow a test, the
    figure is given with "not tested"; a neighbours' average on fewer than 5 figures carries a
    caution.
    """
    parts = []
    for key, word in _COMPARATORS:
        found = row.comparisons.get(key)
        if found is None or found.comparator is None:
            continue
        judged = found.significance
        verdict = judged.label if judged is not Significance.NOT_TESTED else "not tested"
        caution = neighbours_caution(row) if key == "statistical_neighbours" else ""
        parts.append(
            f"{word} {format_quantity(found.comparator, row.measure)}"
            + (f" ({caution})" if caution else "")
            + f": {verdict}"
        )
    ranked = rank_text(row)
    if ranked:
        parts.append(ranked)
    return "; ".join(parts)


_MEDIAN = re.compile(r"^(?P<source>.+), median of (?P<used>\d+) of (?P<total>\d+) neighbours$")
#: How the note names each comparator (others by their key, as pledge.yaml gives them).
_NAMES = {"england": "England", "statistical_neighbours": "statistical neighbours"}


def _sources_of(found: set[str]) -> str:
    """One comparator's sources in words: the same source with different counts of neighbours
    said once ("DfE published 2025, the median of 8 to 10 of 10 neighbours")."""
    medians: dict[tuple[str, str], list[int]] = {}
    plain: set[str] = set()
    for source in found:
        median = _MEDIAN.match(source)
        if median is None:
            plain.add(source)
        else:
            key = (median["source"], median["total"])
            medians.setdefault(key, []).append(int(median["used"]))
    words = sorted(plain)
    for (source, total), used in sorted(medians.items()):
        low, high = min(used), max(used)
        counted = f"{low}" if low == high else f"{low} to {high}"
        words.append(f"{source}, the median of {counted} of {total} neighbours")
    return " or ".join(words)


def comparison_note(card: Scorecard) -> str:
    """The footnote naming the significance method, when any comparison was tested, and where
    each comparator came from (each said once)."""
    tested = [
        c
        for row in card.rows
        for c in row.comparisons.values()
        if c.significance is not Significance.NOT_TESTED
    ]
    if not tested:
        return ""
    by_kind: dict[str, set[str]] = {}
    for row in card.rows:
        for key, c in row.comparisons.items():
            if c.source:
                by_kind.setdefault(key, set()).add(c.source)
    order = [key for key, _ in _COMPARATORS if key in by_kind]
    order += sorted(set(by_kind) - set(order))
    named = [
        f"{_NAMES.get(key, key.replace('_', ' '))}, {_sources_of(by_kind[key])}" for key in order
    ]
    rounded = any(s.startswith("DfE published") for found in by_kind.values() for s in found)
    return (
        method_note(card.level)
        + (f" Comparators: {'; '.join(named)}." if named else "")
        + (f" {ROUNDING_NOTE}" if rounded else "")
    )


#: Said wherever DfE's published figures are shown.
ROUNDING_NOTE = (
    "DfE publishes percentages rounded to whole numbers and national and regional counts "
    "rounded to the nearest 10; council counts are not rounded."
)
