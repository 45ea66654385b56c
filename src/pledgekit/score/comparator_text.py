"""Comparators in words, for tables and footnotes: figure, significance, where it came from."""

from __future__ import annotations

from pledgekit.model.status import Significance
from pledgekit.score.formatting import format_quantity
from pledgekit.score.scorecard import Row, Scorecard
from pledgekit.score.significance import method_note

#: The comparators a report names, in order, with the words it uses for them.
_COMPARATORS = (("england", "England"), ("statistical_neighbours", "Neighbours"))


def compared_text(row: Row) -> str:
    """England and the neighbours with the significance of the difference, in words.

    "England 10.0%: Significantly worse; Neighbours 12.0%: Not significantly different". Where
    no numerator and denominator allow a test, the figure is given with "not tested".
    """
    parts = []
    for key, word in _COMPARATORS:
        found = row.comparisons.get(key)
        if found is None or found.comparator is None:
            continue
        judged = found.significance
        verdict = judged.label if judged is not Significance.NOT_TESTED else "not tested"
        parts.append(f"{word} {format_quantity(found.comparator, row.measure)}: {verdict}")
    return "; ".join(parts)


def comparison_note(card: Scorecard) -> str:
    """The footnote naming the significance method, when any comparison was tested."""
    tested = [
        c
        for row in card.rows
        for c in row.comparisons.values()
        if c.significance is not Significance.NOT_TESTED
    ]
    if not tested:
        return ""
    sources = sorted({c.source for row in card.rows for c in row.comparisons.values() if c.source})
    return method_note(card.level) + (f" Comparators: {'; '.join(sources)}." if sources else "")
