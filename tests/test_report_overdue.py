"""Overdue judged at the lead officer's update when it is later than the due date (issue 18):
one status per line, computed in plans.flag_for, and explained in the line."""

from __future__ import annotations

import datetime

from pledgekit.config.meeting_parts import ActionEntry
from pledgekit.report.openings import actions_intro
from pledgekit.report.plans import ActionSource, action_lines, flag_for, late_lines

DUE = datetime.date(2026, 10, 15)
PERIOD_END = datetime.date(2026, 9, 30)
UPDATE = datetime.date(2026, 11, 5)


def _source(status: str, updated: datetime.date | None) -> ActionSource:
    return ActionSource(
        None, "Add clinics", None, None, None, (), "Nurse", None, None, DUE, status, "Begun",
        False, updated,
    )  # fmt: skip


def test_an_update_after_the_due_date_makes_an_unfinished_action_overdue_and_says_so() -> None:
    # Judged at the end of the period (30 September) the action is not yet due; its officer
    # wrote on 5 November that it is still on track, three weeks after it was due.
    assert flag_for("On track", DUE, PERIOD_END) == ""
    assert (
        flag_for("On track", DUE, PERIOD_END, UPDATE) == "Overdue at the update of 5 November 2026"
    )
    # Done by the update: never overdue.
    assert flag_for("Complete", DUE, PERIOD_END, UPDATE) == ""
    # An update written before the due date says nothing about lateness: the meeting decides.
    early = datetime.date(2026, 10, 1)
    assert flag_for("Delayed", DUE, PERIOD_END, early) == "Delayed"
    assert flag_for("On track", DUE, datetime.date(2026, 11, 12), early) == "Overdue"


def test_the_overdue_line_is_counted_sorted_and_explained_like_any_overdue_one() -> None:
    lines = action_lines(
        [_source("Delayed", None), _source("On track", UPDATE)],
        today=PERIOD_END,
        pledge_titles={},
    )
    delayed, late = lines
    assert (delayed.flag, delayed.overdue) == ("Delayed", False)
    assert late.overdue and late.flag == "Overdue at the update of 5 November 2026"
    assert late.summary.endswith(
        "(Nurse, by 15 October 2026; Overdue at the update of 5 November 2026)"
    )
    # Overdue first in the late-or-at-risk list, whatever its explanation.
    assert [x.ref for x in late_lines(lines, [])] == [late.ref, delayed.ref]
    intro = actions_intro(lines, PERIOD_END, dated=False)
    assert "or by the date of its lead officer's update when that is later" in intro
    assert intro.endswith(f"{late.ref} is overdue.")
    # Without an update date the intro keeps to its own rule.
    plain = action_lines([_source("Delayed", None)], today=PERIOD_END, pledge_titles={})
    assert "update" not in actions_intro(plain, PERIOD_END, dated=False)


def test_meeting_yaml_actions_take_an_update_date() -> None:
    entry = ActionEntry.model_validate(
        {"action": "Add clinics", "milestone": "2026-10-15", "updated": "2026-11-05"}
    )
    assert entry.updated == UPDATE
