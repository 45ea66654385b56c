"""Checks on commentary: every red measure needs an explanation for the committee."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from pledgekit.checks.base import Context, check, main_location
from pledgekit.model.codes import MISSING_COMMENTARY_FOR_RED
from pledgekit.model.errors import PledgekitError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.status import Status
from pledgekit.privacy.detect import CODES as PERSONAL_DATA_CODES
from pledgekit.privacy.detect import pii_findings, scan_text


@check(codes=(MISSING_COMMENTARY_FOR_RED,))
def commentary_for_reds(context: Context) -> Iterator[Finding]:
    """Rate the reporting period as the scorecard would, and ask for commentary on every red."""
    if context.definition is None or context.home is None or context.period is None:
        return
    from pledgekit.score.scoring import build_scorecard

    try:
        card = build_scorecard(context.definition, context.dataset, period=context.period)
    except PledgekitError:
        return  # the area and period checks already say why the data cannot be rated
    rows = {(o.measure, o.period): o for o in context.known_home()}
    for row in card.rows_with(Status.RED):
        if row.commentary is not None:
            continue
        obs = rows.get((row.measure.id, row.period)) if row.period else None
        where = obs.cell_location("commentary") if obs else main_location(context, row.period)
        yield finding(
            MISSING_COMMENTARY_FOR_RED,
            f"measure {row.measure.id} ({row.measure.title}) is red for "
            f"{row.period.label if row.period else context.period.label} ({row.rating.reason}) "
            "and has no commentary",
            where,
            found="no commentary",
            expected="commentary: why the measure is red and what is being done",
            measure=row.measure.id,
        )


def _commentary_to_scan(context: Context) -> Any:
    """Rows whose commentary holds something the scanner matches (each distinct text once)."""
    table = context.table
    flagged = np.array([bool(text and scan_text(text)) for text in table.texts], dtype=np.bool_)
    return flagged[table.commentary] if len(flagged) else np.zeros(len(table), dtype=bool)


@check(codes=tuple(PERSONAL_DATA_CODES.values()))
def personal_data(context: Context) -> Iterator[Finding]:
    """Commentary and narrative are published: nothing in them may identify a child.

    The same guard blocks ``report`` and ``scorecard`` output; running it here lets CI catch a
    name or date of birth when the workbook is committed, not on the day the papers are due.
    """
    for obs in context.where(_commentary_to_scan(context)):
        if obs.commentary:  # a match means there is text
            for found in pii_findings(
                obs.commentary, obs.cell_location("commentary"), "commentary"
            ):
                yield replace(found, measure=obs.measure)
    for update in context.dataset.updates:
        yield from pii_findings(update.text, update.location, "update")
    for item in context.dataset.commitments:
        for name in ("commitment", "update"):
            text = getattr(item, name)
            if text:
                yield from pii_findings(text, item.location, name)
    for action in context.dataset.actions:
        for name in ("action", "update"):
            text = getattr(action, name)
            if text:
                yield from pii_findings(text, action.location, name)
