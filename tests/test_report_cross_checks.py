"""What the prose says against what the tables show: each disagreement a gap --final refuses."""

from __future__ import annotations

from pledgekit.api import load_report
from pledgekit.model.status import Direction, Status
from pledgekit.render.resources import sample_data_dir
from pledgekit.report.cross_checks import count_gaps, narrative_gaps, profile_gaps
from pledgekit.report.measure_lines import MeasureLine


def _line(ref: str, title: str, short: str, status: Status, direction: Direction) -> MeasureLine:
    return MeasureLine(
        ref=ref, title=title, short=short, reference="", value="", target="", status=status,
        previous="", previous_label="", period_label="", trend="", direction=direction,
        owner=None, moved="", annual=False, why="", rule_note="", commentary=None,
        comparators=(), england="16.0% (2025, DfE)", neighbours="",
    )  # fmt: skip


MILES = _line(
    "3.3",
    "Children in care placed more than 20 miles from home",
    "placements more than 20 miles from home",
    Status.RED,
    Direction.DECLINED,
)
HEALTH = _line(
    "1.2",
    "Annual health assessments on time",
    "annual health assessments",
    Status.AMBER,
    Direction.IMPROVED,
)


def test_a_profile_england_figure_must_match_the_measures() -> None:
    (gap,) = profile_gaps([("Placed more than 20 miles from home", "22%")], [MILES, HEALTH])
    assert "England 22%" in gap and "measure 3.3" in gap and "16.0%" in gap
    assert profile_gaps([("Placed more than 20 miles from home", "16%")], [MILES]) == []
    assert profile_gaps([("Children in care", "81,770")], [MILES]) == []  # not the same thing


def test_a_narrative_may_not_contradict_the_status_or_direction() -> None:
    text = (
        "Annual health assessments now meet the higher target. Placements more than 20 miles "
        "from home improved this quarter. Annual health assessments are still below target."
    )
    gaps = narrative_gaps("narrative for pledge 1", text, [MILES, HEALTH])
    assert len(gaps) == 2
    assert "measure 1.2 meets its target, but it is amber" in gaps[0]
    assert "measure 3.3 improved, but it declined" in gaps[1]
    # A sentence naming two measures, or none, is not judged.
    both = "Annual health assessments and placements more than 20 miles from home improved."
    assert narrative_gaps("x", both, [MILES, HEALTH]) == []


def test_counts_in_the_meeting_prose_must_be_the_scorecards() -> None:
    statuses = {"red": 7, "amber": 6, "green": 18}
    text = "That the Committee notes the five measures rated red and the 6 amber measures."
    (gap,) = count_gaps("recommendation 2", text, statuses, overdue=2)
    assert gap == "recommendation 2: says 'five measures rated red', but 7 measures are red"
    assert count_gaps("conclusion", "the two actions that are overdue", statuses, 2) == []
    (late,) = count_gaps("conclusion", "the two actions that are overdue", statuses, 0)
    assert late.endswith("but 0 actions are overdue")


def test_the_shipped_q1_paper_lists_what_its_prose_gets_wrong() -> None:
    folder = sample_data_dir()
    files = sorted(folder.glob("*.xlsx"))
    q1, _, _ = load_report(files, meeting=folder / "meeting.yaml", period="2026-27 Q1")
    assert (
        "narrative for pledge 1: 'Annual health assessments now meet the higher target set for "
        "this year.' says measure 1.2 meets its target, but it is amber"
    ) in q1.gaps
    assert "recommendation 2: says 'five measures rated red', but 7 measures are red" in q1.gaps
    q2, _, _ = load_report(files, meeting=folder / "meeting.yaml")
    found = [g for g in q2.gaps if g.startswith(("profile", "narrative", "recommendation"))]
    assert found == []  # the latest paper's prose agrees with its tables


def test_the_paper_names_no_configuration_file() -> None:
    from pledgekit.render.report.markup import render_html, render_markdown

    folder = sample_data_dir()
    report, _, _ = load_report(sorted(folder.glob("*.xlsx")), meeting=folder / "meeting.yaml")
    for text in (render_markdown(report), render_html(report)):
        assert "pledge.yaml" not in text and "meeting.yaml" not in text
        assert " pp" not in text  # percentage points in words
