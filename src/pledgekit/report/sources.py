"""What the report takes from the workbooks' optional sheets and meeting.yaml, tidied for it.

The Updates, Commitments, Actions and Profile sheets known at the report's period (chosen by
:func:`pledgekit.report.as_at.known_at`), the narratives, the action plan from both sources,
the commitments with their flags, the cohort profile with last period's figures beside this
period's, and whether meeting.yaml is written for the report's period.
"""

from __future__ import annotations

import datetime

from pledgekit.config.meeting import Meeting
from pledgekit.model.errors import DefinitionError
from pledgekit.model.observations import ActionItem, Commitment, PledgeUpdate
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.report.plans import (
    ActionSource,
    CommitmentLine,
    Directorate,
    flag_for,
    long_date,
)


def _text(value: str | None, field: str, item: Commitment) -> Prose:
    return Prose(value or "", field, item.location, markdown=False)


def narrative(pledge_id: str, meeting: Meeting | None, updates: list[PledgeUpdate]) -> Prose:
    """A pledge's narrative: meeting.yaml's, else the Updates sheet's, else a placeholder."""
    if meeting is not None and pledge_id in meeting.narratives:
        where = meeting.location("narratives", pledge_id)
        return Prose(meeting.narratives[pledge_id], f"narrative for pledge {pledge_id}", where)
    mine = [u for u in updates if u.pledge == pledge_id and u.text.strip()]
    if mine:
        text = "\n".join(u.text for u in mine)
        return Prose(text, f"update for pledge {pledge_id}", mine[0].location, markdown=False)
    return Prose.missing(f"narrative for pledge {pledge_id}")


def directorates(
    commitments: list[Commitment], *, today: datetime.date, pledge_titles: dict[str, str]
) -> tuple[Directorate, ...]:
    """Commitments grouped by directorate, each with its lead, due date and flag."""
    grouped: dict[str, list[Commitment]] = {}
    for item in commitments:
        grouped.setdefault(item.directorate, []).append(item)
    return tuple(
        Directorate(
            _text(name, "directorate", items[0]),
            tuple(
                CommitmentLine(
                    pledge=_pledge_label(item.pledge, pledge_titles),
                    commitment=_text(item.commitment, "commitment", item),
                    lead=item.lead or "",
                    due=long_date(item.due),
                    status=_text(item.status, "commitment status", item),
                    update=_text(item.update, "commitment update", item),
                    flag=flag_for(item.status, item.due, today),
                )
                for item in items
            ),
        )
        for name, items in grouped.items()
    )


def _pledge_label(pledge: str | None, titles: dict[str, str]) -> str:
    if not pledge:
        return ""
    return f"{pledge}: {titles[pledge]}" if pledge in titles else pledge


def action_sources(meeting: Meeting | None, sheet: list[ActionItem]) -> list[ActionSource]:
    """The action plan: meeting.yaml's actions first, then the Actions sheet's."""
    found = []
    if meeting is not None:
        for i, a in enumerate(meeting.actions):
            found.append(
                ActionSource(
                    a.id,
                    a.action,
                    meeting.location("actions", i),
                    a.pledge,
                    a.promise,
                    tuple(a.measures),
                    a.lead,
                    a.partners,
                    a.resources,
                    a.milestone,
                    a.status,
                    a.update,
                    True,
                    a.updated,
                )
            )
    for item in sheet:
        found.append(
            ActionSource(
                item.ref,
                item.action,
                item.location,
                item.pledge,
                item.promise,
                item.measures,
                item.lead,
                item.partners,
                item.resources,
                item.milestone,
                item.status,
                item.update,
                False,
            )
        )
    return found


def check_references(meeting: Meeting | None, pledges: list[str], measures: list[str]) -> None:
    """Narratives and actions in meeting.yaml must name pledges and measures that exist.

    Raises :class:`DefinitionError` located at the key.
    """
    if meeting is None:
        return
    for key in meeting.narratives:
        if key not in pledges:
            raise DefinitionError(
                f"{meeting.location('narratives', key)}: a narrative for pledge {key!r}, which "
                f"the pledge definition does not have (pledges: {', '.join(pledges)})"
            )
    for i, action in enumerate(meeting.actions):
        if action.pledge is not None and action.pledge not in pledges:
            raise DefinitionError(
                f"{meeting.location('actions', i, 'pledge')}: action for pledge "
                f"{action.pledge!r}, which the pledge definition does not have "
                f"(pledges: {', '.join(pledges)})"
            )
        for measure in action.measures:
            if measure not in measures:
                raise DefinitionError(
                    f"{meeting.location('actions', i, 'measures')}: action linked to measure "
                    f"{measure!r}, which the pledge definition does not have"
                )


def meeting_period_gaps(meeting: Meeting | None, period: Period, latest: Period) -> list[str]:
    """A gap when meeting.yaml is for another period than the report's.

    Its ``period:`` must be ``period``; without one, a report for an earlier period than the
    data's ``latest`` cannot be assumed to match prose written for the latest.
    """
    if meeting is None:
        return []
    given = meeting.reporting_period
    if given is None:
        if period == latest:
            return []
        return [
            f"meeting details: no period is given, and the report is for {period.label}, not "
            f"the latest period in the data ({latest.label}); give the period the meeting's "
            "prose was written for"
        ]
    if given != period:
        return [f"meeting details: written for {given.label}, but the report is for {period.label}"]
    return []
