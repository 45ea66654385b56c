"""The report model: summary in words, exceptions, pledge sections, optional sheets, the guard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pledgekit.model.errors import DefinitionError
from pledgekit.model.location import Location
from pledgekit.model.observations import Commitment, PledgeUpdate, ProfileItem
from pledgekit.model.prose import PLACEHOLDER
from pledgekit.model.status import Status
from pledgekit.privacy.guard import guard as guard_report
from pledgekit.report.assembly import build_report

from .report_fixtures import (
    FILE,
    MEETING,
    fixed_report,
    report_meeting,
    report_scorecard,
)
from .report_parts import items, part


def test_summary_says_counts_and_movement_in_words(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    assert [p.number for p in part(report, "summary").paras] == ["4.1", "4.2", "4.3", "4.4", "4.5"]
    assert [p.text for p in part(report, "summary").paras] == [
        "This report covers July to September 2026, the second quarter of 2026-27. Of the 4 "
        "measures rated against a target, 1 is green and 3 red. A further 3 measures "
        "are not rated this quarter: 1 has no figure yet, 1 is suppressed to protect small "
        "numbers and 1 is shown for context without a target.",
        "The 3 red measures are children missing from care (1.2), PEPs up to date (2.1) and "
        "persistent absence (2.3). Commentary has been given for 1 of the 3 red measures, but "
        "not yet for 2.1 and 2.3.",
        "Compared with April to June 2026, 1 measure improved and 3 declined.",
        "Of the 3 commitments made by 2 directorates, 1 is complete, 1 is on track and 1 is "
        "delayed.",
        "In all, 1 commitment is late or at risk; it is listed in section 7.",
    ]
    assert part(report, "exceptions").intro.text.endswith(
        "Commentary has been given for 1 of the 3 red measures, but not yet for 2.1 and 2.3."
    )
    assert [(c.status, c.count) for c in part(report, "pledges").counts][:2] == [
        (Status.GREEN, 1),
        (Status.RED, 3),
    ]


def test_every_red_measure_is_an_exception_with_figures_and_trend(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    assert [ex.line.ref for ex in part(report, "exceptions").items] == ["1.2", "2.1", "2.3"]
    missing = part(report, "exceptions").items[0]
    assert [ex.number for ex in part(report, "exceptions").items] == ["5.2", "5.3", "5.4"]
    assert missing.against == "14.8% against a target of ≤ 10.0%"
    assert missing.trend == (
        "↑ Declined from 12.5% in 2026-27 Q1. No figure a year earlier (2025-26 Q2)."
    )
    assert missing.commentary.location == Location(FILE, "Indicators", 5, "C")
    assert not missing.commentary_missing


def test_missing_commentary_is_said_plainly_with_the_owner(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    peps, absence = part(report, "exceptions").items[1], part(report, "exceptions").items[2]
    assert peps.commentary_missing and peps.commentary.placeholder
    assert peps.commentary.text == (
        "Commentary missing: the measure owner (Virtual School Head) has not yet explained "
        "this result."
    )
    assert "(not named in the pledge definition)" in absence.commentary.text


def test_charts_leave_suppressed_figures_out(tmp_path: Path) -> None:
    chart = part(fixed_report(tmp_path), "exceptions").items[1].chart
    assert chart.values == (92.0, None, 88.0, 85.0)
    assert "2025-26 Q4 suppressed" in chart.alt and "1 figure not shown" in chart.alt


def test_narrative_comes_from_meeting_then_updates_sheet_then_placeholder(tmp_path: Path) -> None:
    card, data = report_scorecard(tmp_path)
    report = build_report(card, data, report_meeting(tmp_path))
    health, education = part(report, "pledges").pledges
    assert health.narrative.text.startswith("Health assessments recovered")
    assert health.narrative.markdown
    assert education.narrative.text.startswith("Tutoring for Year 11")
    assert not education.narrative.markdown  # spreadsheet text: * is not emphasis
    no_updates = replace(data, updates=[])
    assert part(build_report(card, no_updates, None), "pledges").pledges[1].narrative.placeholder


def test_older_workbooks_sheets_are_not_repeated(tmp_path: Path) -> None:
    card, data = report_scorecard(tmp_path)
    old = Location("2026-27-Q1.xlsx", "Updates", 2, "B")
    data = replace(
        data,
        files=["2026-27-Q1.xlsx", FILE],
        updates=[PledgeUpdate("2", "Last quarter's news.", old), *data.updates],
    )
    report = build_report(card, data, None)
    assert "Last quarter" not in part(report, "pledges").pledges[1].narrative.text


def test_sections_without_sheets_are_empty(tmp_path: Path) -> None:
    report = fixed_report(tmp_path, sheets=False)
    assert items(report, "commitments") == () and items(report, "profile") == ()


def test_commitments_grouped_by_directorate_with_a_count(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    assert [str(d.name) for d in items(report, "commitments")] == [
        "Children's Services",
        "Housing",
    ]
    assert items(report, "commitments")[0].summary == "Commitments: 2 (1 on track, 1 complete)."
    assert [d.number for d in items(report, "commitments")] == [
        "B.2",
        "B.3",
    ]  # Appendix B
    assert [str(p.label) for p in items(report, "profile")] == [
        "Children in care",
        "Placed more than 20 miles away",
    ]


def test_without_a_meeting_everything_is_marked(tmp_path: Path) -> None:
    report = fixed_report(tmp_path, meeting=False)
    m = report.meeting
    assert m.purpose.placeholder and m.conclusion.placeholder
    assert m.recommendations[0].text == PLACEHOLDER
    assert m.date.placeholder and m.author.text == PLACEHOLDER
    assert str(m.title) == (
        "Corporate parenting performance update, 2026-27 Q2 (July to September 2026)"
    )
    # The scorecard, the commitments and the profile: the detail goes to the appendices.
    assert [a.title.split(":")[0] for a in part(report, "appendices").items] == [
        "Performance by pledge",
        "Commitments by directorate",
        "Profile of children in care, 2026-27 Q2",
    ]
    assert all(i.text.placeholder for i in part(report, "implications").items)


def test_meeting_details_on_the_cover(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    m = report.meeting
    cover = {d.label: d.text for d in m.cover}
    assert cover["Date of meeting"] == "12 November 2026"
    assert cover["Key decision"] == "No"
    assert cover["Report author"] == (
        "Sam Analyst, Performance Analyst, performance@example.gov.uk, 01632 960000"
    )
    hr = part(report, "implications").items[2]
    assert hr.heading == "Human resources implications" and hr.text.placeholder


def test_narrative_for_an_unknown_pledge_is_a_located_error(tmp_path: Path) -> None:
    card, data = report_scorecard(tmp_path)
    meeting = report_meeting(tmp_path, MEETING.replace('  "1": |', '  "9": |'))
    with pytest.raises(DefinitionError, match=r"meeting.yaml, line 19, column 3: .*pledge '9'"):
        build_report(card, data, meeting)


PERSONAL = "Jamie Smith (14) was seen by the nurse."


@pytest.mark.parametrize("where", ["meeting", "updates", "commitments", "profile"])
def test_guard_finds_personal_data_in_every_free_text(tmp_path: Path, where: str) -> None:
    card, data = report_scorecard(tmp_path)
    meeting_text = MEETING
    if where == "meeting":
        meeting_text = MEETING.replace("in **Quarter 2** of 2026-27.", PERSONAL)
    elif where == "updates":
        data.updates = [PledgeUpdate("2", PERSONAL, Location(FILE, "Updates", 3, "B"))]
    elif where == "commitments":
        data.commitments = [
            Commitment(
                "Housing", "2", "Homes", "Done", PERSONAL, Location(FILE, "Commitments", 2, "E")
            )
        ]
    else:
        data.profile = [ProfileItem(PERSONAL, "1", Location(FILE, "Profile", 2, "A"))]
    report = build_report(card, data, report_meeting(tmp_path, meeting_text))
    guarded, findings = guard_report(report)
    assert [f.code for f in findings] == ["personal-data-name-with-age"]
    assert "Jamie" not in findings[0].message  # the finding never repeats what it found
    assert guarded is report
    redacted, none = guard_report(report, redact=True)
    assert none == []
    assert "Jamie" not in repr(redacted) and "[redacted]" in repr(redacted)


def test_guard_locates_meeting_text_by_line(tmp_path: Path) -> None:
    card, data = report_scorecard(tmp_path)
    meeting = report_meeting(tmp_path, MEETING.replace("in **Quarter 2** of 2026-27.", PERSONAL))
    _, [found] = guard_report(build_report(card, data, meeting))
    assert found.location.file.endswith("meeting.yaml") and found.location.line == 12
    assert found.location.field == "purpose"


def test_officer_contact_details_are_not_flagged(tmp_path: Path) -> None:
    # The author's work email and phone belong on the cover of every committee paper.
    _, findings = guard_report(fixed_report(tmp_path))
    assert findings == []
