"""The executive summary agrees with the scorecard: every count in it recomputed from the JSON.

The sample report's summary is checked against ``pledgekit scorecard --format json`` for the
latest quarter and the quarters before it (for how long a measure has been red), and against
the latest workbook's Commitments and Actions sheets, so a wrong count fails here whatever the
wording.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from pledgekit.api import load_report
from pledgekit.cli import app
from pledgekit.render.resources import sample_data_dir
from pledgekit.report.model import Report

from .report_parts import items, part

SAMPLE = sample_data_dir()
BOOKS = sorted(SAMPLE.glob("*.xlsx"))
MEETING_DATE = date(2026, 11, 12)  # sample_data/meeting.yaml
RATED = ("green", "amber", "red")
ORDINAL = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


def scorecard_json(period: str | None = None) -> dict[str, Any]:
    args = ["scorecard", *map(str, BOOKS), "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--period", period] if period else args)
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def card() -> dict[str, Any]:
    return scorecard_json()


@pytest.fixture(scope="module")
def report() -> Report:
    built, _, _ = load_report(BOOKS, meeting=SAMPLE / "meeting.yaml")
    return built


@pytest.fixture(scope="module")
def summary(report: Report) -> str:
    return " ".join(p.text for p in part(report, "summary").paras)


def _earlier(period: str) -> str:
    year, quarter = period.split(" Q")
    start = int(year[:4])
    if quarter == "1":
        return f"{start - 1}-{start % 100:02d} Q4"
    return f"{year} Q{int(quarter) - 1}"


def test_status_counts_come_from_the_scorecard(card: dict[str, Any], summary: str) -> None:
    statuses = Counter(row["status"] for row in card["rows"])
    rated = sum(statuses[s] for s in RATED)
    # 30 of 35: no data, the suppressed figure that could be either and context are not rated.
    assert rated == card["summary"]["rated"] == 30
    assert (
        f"Of the {rated} measures rated against a target, {statuses['green']} are green, "
        f"{statuses['amber']} amber and {statuses['red']} red." in summary
    )
    others = statuses["no_data"] + statuses["suppressed"] + statuses["not_rated"]
    assert f"A further {others} measures are not rated this quarter: " in summary
    assert f"{statuses['no_data']} has no figure yet" in summary
    assert f"{statuses['suppressed']} is suppressed to protect small numbers" in summary
    assert f"{statuses['not_rated']} are shown for context without a target" in summary


def test_reds_are_named_and_counted(card: dict[str, Any], summary: str) -> None:
    reds = [row for row in card["rows"] if row["status"] == "red"]
    assert f"The {len(reds)} red measures are " in summary
    for row in reds:
        assert f"({row['measure']})" in summary
    silent = [row["measure"] for row in reds if not row["commentary"]]
    assert silent == ["4.5"]
    assert (
        f"Commentary has been given for {len(reds) - len(silent)} of the {len(reds)} red "
        f"measures, but not yet for {silent[0]}." in summary
    )


def test_persistent_reds_are_counted_from_earlier_scorecards(
    card: dict[str, Any], summary: str
) -> None:
    status = {card["period"]: {r["measure"]: r["status"] for r in card["rows"]}}
    period = card["period"]
    for _ in range(len(card["periods"])):
        period = _earlier(period)
        if period not in card["periods"]:
            break
        status[period] = {r["measure"]: r["status"] for r in scorecard_json(period)["rows"]}
    for row in card["rows"]:
        if row["status"] != "red":
            continue
        count, period = 0, card["period"]
        while status.get(period, {}).get(row["measure"]) == "red":
            count, period = count + 1, _earlier(period)
        # One sentence says every streak: "A and B have been red for the sixth quarter
        # running, C for the fourth ...": each measure sits in the clause of its count.
        (said,) = [s for s in re.split(r"\.\s+", summary) if "been red" in s]
        clauses = re.split(r", | and (?=[a-z].* for the )", said)
        mine = [c for c in clauses if f"({row['measure']})" in c]
        assert mine, row["measure"]
        rest = said[said.index(mine[0]) :]
        assert re.search(rf"for the {ORDINAL[count]}( quarter running)?\b", rest), row["measure"]
    # Persistent absence: red in 2025-26 Q4, 2026-27 Q1 and Q2, amber before.
    assert "persistent absence (2.4) for the third" in summary


def test_movement_counts_quarterly_and_annual_measures_apart(
    card: dict[str, Any], summary: str
) -> None:
    quarterly = [r for r in card["rows"] if r["period"] == card["period"]]
    annual = [r for r in card["rows"] if r["period"] and " Q" not in r["period"]]
    moved = Counter(r["short_term"]["direction"] for r in quarterly)
    assert (
        f"Compared with April to June 2026, {moved['improved']} measures improved, "
        f"{moved['declined']} declined and {moved['no_change']} did not change." in summary
    )
    years = Counter(r["short_term"]["direction"] for r in annual)
    assert {r["short_term"]["period"] for r in annual} == {"2024-25"}  # their own last year
    assert (
        f"of the {len(annual)} published for 2025-26 and set against 2024-25, "
        f"{years['improved']} improved and {years['not_comparable']} could not be compared."
        in summary
    )


def test_children_in_care_change(card: dict[str, Any], summary: str) -> None:
    row = next(r for r in card["rows"] if r["measure"] == "3.7")
    was, now = int(row["short_term"]["previous"]), int(row["short_term"]["current"])
    assert (was, now) == (414, 421)
    assert f"The number of children in care rose from {was} to {now} over the quarter." in summary


def test_commitments_and_actions_come_from_the_sheets(summary: str) -> None:
    book = openpyxl.load_workbook(BOOKS[-1])
    commitments = list(book["Commitments"].iter_rows(min_row=2, values_only=True))
    status = Counter(r[5] for r in commitments)
    directorates = {r[0] for r in commitments}
    assert (
        f"Of the {len(commitments)} commitments made by {len(directorates)} directorates, "
        f"{status['Complete']} are complete, {status['On track']} are on track, "
        f"{status['Delayed']} are delayed" in summary
    )
    assert f"and {status['Not started']} has not started" in summary
    due = [r for r in commitments if r[5] != "Complete" and r[4].date() < MEETING_DATE]
    flagged = [r for r in commitments if r in due or r[5] in ("Delayed", "Not started")]
    assert len(due) == 2
    assert f"and {len(flagged)} commitments are late or at risk" in summary
    actions = list(book["Actions"].iter_rows(min_row=2, values_only=True))
    late = [
        r[0]
        for r in actions
        if isinstance(r[7], datetime) and r[7].date() < MEETING_DATE and r[8] != "Complete"
    ]
    assert late == ["A3", "A6"]
    assert f"The action plan has {len(actions)} actions. In all, 2 actions and" in summary


def test_every_number_in_the_summary_is_accounted_for(card: dict[str, Any], summary: str) -> None:
    """No count slips in that the tests above do not recompute."""
    text = summary.replace("more than 20 miles", "")  # a measure's name, not a count
    text = re.sub(r"\b\d+\.\d+\b", "", text)  # measure refs
    text = re.sub(r"\b20\d\d(-\d\d)?\b", "", text)  # years
    text = re.sub(r"\bA\d+\b", "", text)  # action refs
    numbers = sorted(int(n) for n in re.findall(r"\b\d+\b", text))
    statuses = Counter(row["status"] for row in card["rows"])
    expected = [30, 19, 6, 5, 5, 1, 1, 3]  # rated, G, A, R, not rated, no data, suppr., context
    expected += [5, 4, 5]  # reds named; with commentary, of
    expected += [14, 6, 6, 3, 2, 1]  # quarterly moves; annual published, improved, not compared
    expected += [414, 421, 13, 6, 4, 6, 2, 1]  # children in care; commitments
    expected += [7, 2, 4, 7]  # actions; late or at risk: actions, commitments, in section 7
    assert statuses["green"] == 19 and statuses["red"] == 5
    assert numbers == sorted(expected)


def test_written_as_an_officer_writes(report: Report, summary: str) -> None:
    assert summary.startswith("This report covers July to September 2026, the second quarter")
    sentences = re.split(r"(?<=\.)\s+", summary)
    assert not [s for s in sentences if s[:1].isdigit()], "a sentence starts with a digit"
    words = len(summary.split())
    assert 200 <= words <= 320, words
    assert "Since 2026-27 Q1" not in summary and "2026-27 Q1" not in summary
    # Reds are named by a short phrase, not the full indicator title.
    assert "persistent absence (2.4)" in summary
    assert "Children looked after for 12 months or more who are persistently" not in summary


def test_every_generated_paragraph_avoids_a_leading_digit(report: Report) -> None:
    generated = [
        *part(report, "introduction").paras,
        part(report, "exceptions").intro,
        part(report, "watch").intro,
        part(report, "actions").intro,
        *(
            p
            for p in (part(report, "commitments").intro, part(report, "profile").intro)
            if p is not None
        ),
    ]
    for para in generated:
        for sentence in re.split(r"(?<=\.)\s+", para.text):
            assert not sentence[:1].isdigit(), sentence
    for directorate in items(report, "commitments"):
        assert not directorate.summary[:1].isdigit(), directorate.summary


def test_the_sample_narratives_agree_with_the_figures(card: dict[str, Any]) -> None:
    """Claims in meeting.yaml's narratives, checked against the figures they describe."""
    text = " ".join((SAMPLE / "meeting.yaml").read_text(encoding="utf-8").split())
    history = {r["measure"]: [h["number"] for h in r["history"]] for r in card["rows"]}
    stability = history["3.2"]  # "improved in each of the last two quarters, after a dip"
    assert stability[-1] > stability[-2] > stability[-3] < stability[-4]
    assert "long-term stability has improved in each of the last two quarters" in text
    assert "third quarter running" not in text
    far = history["3.3"]  # "risen for the fifth quarter running"
    assert all(b > a for a, b in itertools.pairwise(far)) and len(far) == 6
    reds = sum(1 for r in card["rows"] if r["status"] == "red")
    assert reds == 5 and "the five measures rated red" in text
    assert "the two actions that are overdue" in text
    path = Path(SAMPLE / "ccc-survey-summer-2026.md")
    assert path.is_file()
