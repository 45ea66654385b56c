"""A small fixed definition, dataset and meeting for report tests (no dates from the clock)."""

from __future__ import annotations

from pathlib import Path

from pledgekit.config.meeting import Meeting, load_meeting
from pledgekit.config.pledge import Definition
from pledgekit.model.location import Location
from pledgekit.model.observations import Commitment, Dataset, Observation, PledgeUpdate, ProfileItem
from pledgekit.model.periods import parse_period
from pledgekit.model.values import Reading, ValueState
from pledgekit.report.assembly import build_report
from pledgekit.report.model import Report
from pledgekit.score.scorecard import Scorecard
from pledgekit.score.scoring import build_scorecard

from .factories import definition, number

REPORT_DEFINITION = """\
council: Example Borough Council
committee: Corporate Parenting Committee
pledges:
  - id: "1"
    title: Health and wellbeing
    outcome: Be healthy
    promises:
      - We will make sure you have regular health and dental checks.
    measures:
      - {id: "1.1", title: Annual health assessments on time, unit: percent, polarity: higher, target: 90, tolerance: 5, owner: Designated Nurse for Children in Care}
      - {id: "1.2", title: Children missing from care, unit: percent, polarity: lower, target: 10, tolerance: 2, owner: Head of Children in Care}
      - {id: "1.3", title: "Children in care per 10,000", unit: rate, polarity: none}
  - id: "2"
    title: Education & training
    promises:
      - We will believe in you and support you to do well in education.
    measures:
      - {id: "2.1", title: PEPs up to date, unit: percent, polarity: higher, target: 95, tolerance: 3, owner: Virtual School Head}
      - {id: "2.2", title: Care leavers in higher education, unit: count, polarity: higher, target: 6}
      - {id: "2.3", title: Persistent absence, unit: percent, polarity: lower, target: 15, tolerance: 3}
      - {id: "2.4", title: Care leavers in EET, unit: percent, polarity: higher, target: 60, tolerance: 5}
"""

PERIODS = ["2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"]
FILE = "2026-27-Q2.xlsx"

# measure -> one value per period (None: no figure; "c": suppressed in the source)
SERIES: dict[str, list[float | str | None]] = {
    "1.1": [82.0, 84.0, 86.5, 91.2],
    "1.2": [9.0, 11.0, 12.5, 14.8],
    "1.3": [71.0, 72.5, 73.0, 74.1],
    "2.1": [92.0, "c", 88.0, 85.0],
    "2.2": [12, 11, 12, 3],
    "2.3": [16.0, 17.0, 17.5, 20.5],
    "2.4": [61.0, 58.0, 59.0, None],
}
COMMENTARY = {
    "1.2": 'Rise linked to three older children; <script>alert("x")</script> & a "|" pipe\nsecond line.',
    "1.1": "Back on track after the clinic backlog cleared.",
}


def _reading(value: float | str | None) -> Reading:
    if value is None:
        return Reading(ValueState.MISSING)
    if value == "c":
        return Reading(ValueState.SUPPRESSED, raw="c")
    assert not isinstance(value, str)
    return number(value)


def report_dataset(*, sheets: bool = True) -> Dataset:
    """Four quarters of figures; with ``sheets`` also Updates, Commitments and Profile."""
    observations = []
    for measure, values in SERIES.items():
        for i, (label, value) in enumerate(zip(PERIODS, values, strict=True)):
            latest = i == len(PERIODS) - 1
            observations.append(
                Observation(
                    measure=measure,
                    period=parse_period(label),
                    location=Location(FILE, "Indicators", 2 + i, "C"),
                    value=_reading(value),
                    commentary=COMMENTARY.get(measure) if latest else None,
                )
            )
    data = Dataset.of(observations, files=[FILE])
    if sheets:
        where = Location(FILE, "Updates", 2, "B")
        data.updates = [
            PledgeUpdate(
                "2",
                "Tutoring for Year 11 started in September.\nPEP quality audits continue.",
                where,
            )
        ]
        data.commitments = [
            Commitment(
                "Children's Services",
                "1",
                "Health passports for all care leavers",
                "On track",
                "Design agreed with the Children in Care Council.",
                Location(FILE, "Commitments", 2, "C"),
            ),
            Commitment(
                "Children's Services",
                "2",
                "Laptops for every Year 10 pupil in care",
                "Complete",
                "All 48 laptops delivered.",
                Location(FILE, "Commitments", 3, "C"),
            ),
            Commitment(
                "Housing",
                "2",
                "Council tax exemption to 25",
                "Delayed",
                "Awaiting budget decision <March>.",
                Location(FILE, "Commitments", 4, "C"),
            ),
        ]
        data.profile = [
            ProfileItem("Children in care", "412", Location(FILE, "Profile", 2, "B")),
            ProfileItem("Placed more than 20 miles away", "18%", Location(FILE, "Profile", 3, "B")),
        ]
    return data


MEETING = """\
committee: Corporate Parenting Committee
date: 2026-11-12
title: Corporate Parenting Performance Update, Quarter 2 2026-27
report_type: Information
version: "1.0"
portfolio_holder: {name: Councillor Alex Example, role: Cabinet Member for Children and Families}
author: {name: Sam Analyst, role: Performance Analyst, email: performance@example.gov.uk, phone: 01632 960000}
senior_officer: {name: Jo Director, role: Director of Children's Services}
wards_affected: All wards
key_decision: false
exempt: false
purpose: |
  To update the Committee on the delivery of the Pledge to children in care and care leavers
  in **Quarter 2** of 2026-27.
recommendations:
  - That the Committee notes the performance set out in this report.
  - That the Committee asks for an update on missing episodes at its next meeting.
narratives:
  "1": |
    Health assessments recovered after the backlog cleared.

    - Dental checks now booked at placement start.
    - A *new* nurse joined in August.
implications:
  financial:
    text: There are no direct financial implications.
    verified_by: Pat Money, Finance Business Partner
  legal:
    text: The Council must have regard to the corporate parenting principles (Children and Social Work Act 2017).
    verified_by: Lee Law, Senior Solicitor
  equality:
    text: The measures are monitored by age, sex and ethnicity.
    verified_by: Ali Equal, Equalities Officer
conclusion: Most measures are on target; three need the Committee's attention.
background_papers:
  - Corporate Parenting Pledge 2025-2028
appendices:
  - Children in Care Council survey results
"""


def report_definition(tmp_path: Path) -> Definition:
    return definition(tmp_path, REPORT_DEFINITION)


def report_meeting(tmp_path: Path, text: str = MEETING) -> Meeting:
    path = tmp_path / "meeting.yaml"
    path.write_text(text, encoding="utf-8")
    return load_meeting(path)


def report_scorecard(tmp_path: Path, *, sheets: bool = True) -> tuple[Scorecard, Dataset]:
    data = report_dataset(sheets=sheets)
    return build_scorecard(report_definition(tmp_path), data), data


def fixed_report(tmp_path: Path, *, sheets: bool = True, meeting: bool = True) -> Report:
    card, data = report_scorecard(tmp_path, sheets=sheets)
    return build_report(card, data, report_meeting(tmp_path) if meeting else None)
