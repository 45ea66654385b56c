"""Figures hidden in the source that its other figures give back (secondary disclosure).

A workbook that marks a small count ``c`` but shows its group's total and every other part
publishes the hidden figure anyway: ``total - shown parts``. pledgekit's own output hides more
(:func:`pledgekit.privacy.suppression.suppress_all` works to a fixed point), but the source
itself, if shared, still leaks: this check says which figures, by the ``part_of`` groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pledgekit.checks.base import Context, check
from pledgekit.model.codes import SUPPRESSED_FIGURE_DERIVABLE
from pledgekit.model.findings import Finding, finding
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period
from pledgekit.privacy.suppression import derivable, group_equations


@check(codes=(SUPPRESSED_FIGURE_DERIVABLE,))
def derivable_suppressed(context: Context) -> Iterator[Finding]:
    """Home figures suppressed in the source that the group sums of the shown ones recover."""
    if context.definition is None:
        return
    equations = group_equations(context.definition)
    if not equations:
        return
    members = {m for total, parts in equations for m in (total, *parts)}
    by_period: dict[Period, dict[str, Observation]] = defaultdict(dict)
    for obs in context.known_home():
        if obs.measure in members:
            by_period[obs.period][obs.measure] = obs
    for period in sorted(by_period):
        rows = by_period[period]
        found = derivable(equations, {m: o.value for m, o in rows.items()})
        for measure in sorted(found):
            obs = rows[measure]
            yield finding(
                SUPPRESSED_FIGURE_DERIVABLE,
                f"measure {measure} for {period.label} is suppressed in the source, but its "
                "group's other figures give it back (the total minus the shown parts); "
                "pledgekit hides more figures in its own output",
                obs.cell_location("value"),
                found=obs.value.raw,
                measure=measure,
            )
