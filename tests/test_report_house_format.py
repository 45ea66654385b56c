"""The house format's rules: DRAFT and --final, numbered paragraphs, trend arrows, the symbol
key, annual comparisons, persistent reds, overdue actions, inspection and appendices."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from pledgekit.api import earlier_scorecards, load_report
from pledgekit.cli import app
from pledgekit.model.errors import DefinitionError
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.status import Direction
from pledgekit.read.workbooks import read_workbook
from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_html, render_markdown
from pledgekit.render.resources import sample_data_dir
from pledgekit.report.assembly import build_report
from pledgekit.report.model import Report
from pledgekit.report.plans import ActionSource, action_lines
from pledgekit.report.streaks import red_streaks
from pledgekit.score.ratings import Movement
from pledgekit.score.scoring import build_scorecard
from pledgekit.score.travel import direction
from pledgekit.score.trend import trend_text, value_arrow

from .docx_text import docx_text
from .report_fixtures import MEETING, report_dataset, report_definition, report_meeting
from .report_parts import items, part
from .test_report_cli import project

runner = CliRunner()
SAMPLE = sample_data_dir()
BOOKS = sorted(SAMPLE.glob("*.xlsx"))

COMPLETE_MEETING = (
    MEETING
    + """\
voice_of_children:
  summary: The Children in Care Council met six times.
  items:
    - {date: 2026-08-01, you_said: More say in reviews., we_did: Children can chair part of it.}
inspection:
  framework: ILACS
  date: 2025-07-18
  judgements: {overall_effectiveness: Good, care_leavers: Requires improvement to be good}
  recommendations:
    - {text: Improve PEP timeliness., actions: [A1]}
actions:
  - action: Audit every overdue PEP
    pledge: "2"
    measures: ["2.1"]
    lead: Virtual School Head
    milestone: 2026-10-01
    status: In progress
  - action: Recruit a missing-from-care coordinator
    measures: ["1.2"]
    milestone: 2026-12-01
    status: On track
"""
).replace(
    "  equality:",
    """  hr: {text: None., verified_by: Hal Resources}
  risk: {text: On the risk register., verified_by: Rita Risk, contact: risk@example.gov.uk}
  corporate_priorities: {text: Serves the Council Plan., verified_by: Cora Plan}
  other: {text: None., verified_by: Otto Other}
  equality:""",
)


@pytest.fixture
def complete(tmp_path: Path) -> Path:
    """A project whose report has no gap: reds explained, every part of meeting.yaml given."""
    return project(tmp_path, meeting=COMPLETE_MEETING)


@pytest.fixture(scope="module")
def sample() -> Report:
    built, _, _ = load_report(BOOKS, meeting=SAMPLE / "meeting.yaml")
    return built


# --- DRAFT and --final -----------------------------------------------------------------------


def test_a_gap_makes_every_format_a_draft(sample: Report) -> None:
    assert sample.gaps == ("measure 4.5 is red but has no commentary",)
    assert render_markdown(sample).startswith("# DRAFT: Northbridge")
    html = render_html(sample)
    assert "<title>DRAFT: Northbridge" in html and "<h1>DRAFT: Corporate Parenting" in html
    assert "measure 4.5 is red but has no commentary" in html
    data = render_docx(sample)
    text = docx_text(data)
    assert text.startswith("DRAFT: not for publication. 1 gap remains")
    assert "TITLE: DRAFT: Corporate Parenting Performance Update" in text
    assert _footer(data).startswith("DRAFT · Northbridge")  # on every printed page


def test_final_refuses_listing_every_gap_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    args = ["report", *map(str, BOOKS), "-m", str(SAMPLE / "meeting.yaml"), "-o", str(out)]
    result = runner.invoke(app, [*args, "--final"])
    assert result.exit_code == 1
    assert not out.exists()
    assert "Error: --final: the report is not final; 1 gap(s) remain" in result.stderr
    assert "  measure 4.5 is red but has no commentary" in result.stderr
    # Without a meeting file every placeholder is listed too.
    bare = runner.invoke(app, ["report", *map(str, BOOKS), "--final", "-o", str(out)])
    assert bare.exit_code == 1 and not out.exists()
    assert "  cover, date of meeting: [to be completed]" in bare.stderr
    assert "  inspection: [to be completed]" in bare.stderr
    assert "  Risk implications: [to be completed]" in bare.stderr


def test_a_red_without_commentary_fails_the_run_as_validate_does(tmp_path: Path) -> None:
    workbook = project(tmp_path, meeting=COMPLETE_MEETING, silent_red=True)
    out = tmp_path / "r.md"
    result = runner.invoke(
        app, ["report", str(workbook), "-m", str(tmp_path / "meeting.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("# DRAFT: ")  # written, as a draft
    assert "red measure(s) without commentary: 2.1" in result.stderr
    check = runner.invoke(app, ["validate", str(workbook)])
    assert check.exit_code == 1 and "missing-commentary-for-red" in check.stdout


def test_a_complete_report_is_final_and_not_marked(complete: Path, tmp_path: Path) -> None:
    out = tmp_path / "final.docx"
    args = ["report", str(complete), "-m", str(tmp_path / "meeting.yaml"), "-o", str(out)]
    result = runner.invoke(app, [*args, "--final"])
    assert result.exit_code == 0, result.output
    text = docx_text(out.read_bytes())
    assert "DRAFT" not in text and "[to be completed]" not in text
    md = runner.invoke(app, ["report", str(complete), "-m", str(tmp_path / "meeting.yaml")])
    assert md.exit_code == 0 and "DRAFT" not in md.stdout
    assert "Note: the report is marked DRAFT" not in md.stderr


# --- numbered paragraphs -----------------------------------------------------------------------


def _numbers(text: str) -> list[str]:
    """Paragraph numbers opening a line (after heading marks), in reading order."""
    lines = (
        re.sub(r"^(#+ |> )", "", line.strip()) for line in text.splitlines() if " | " not in line
    )
    number = r"(\d{1,2}\.\d{1,2})\s+(?=[A-Za-z“]|\d{1,2}\.\d{1,2} [A-Z])"
    found = (re.match(number, line) for line in lines)
    return [m[1] for m in found if m]


def test_paragraph_numbers_are_the_same_in_every_format(sample: Report) -> None:
    md = _numbers(re.sub(r"\*\*", "", render_markdown(sample)))
    blocks = re.findall(r"<(p|h[1-6])[^>]*>(.*?)</\1>", render_html(sample), flags=re.DOTALL)
    html = _numbers("\n".join(re.sub(r"<[^>]+>", "", body) for _, body in blocks))
    docx = _numbers(docx_text(render_docx(sample)))
    assert md == html == docx
    heads = [n for n in md if n.endswith(".1")]
    assert heads[:6] == ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"]
    assert [ex.number for ex in part(sample, "exceptions").items] == [
        "5.2",
        "5.3",
        "5.4",
        "5.5",
        "5.6",
    ]
    assert (
        part(sample, "implications").items[4].number == "10.5"
    )  # risk implications, cited as 10.5


# --- trend arrows ------------------------------------------------------------------------------


def test_a_lower_is_better_measure_that_fell_shows_a_down_arrow(sample: Report) -> None:
    neet = next(
        line for p in part(sample, "pledges").pledges for line in p.lines if line.ref == "2.8"
    )
    assert neet.previous == "38.2%" and neet.value == "36.5%"
    assert neet.trend == "↓ Improved"
    absence = next(
        line for p in part(sample, "pledges").pledges for line in p.lines if line.ref == "2.4"
    )
    assert absence.trend == "↑ Declined"  # lower is better and it rose
    caseload = next(
        line for p in part(sample, "pledges").pledges for line in p.lines if line.ref == "3.8"
    )
    assert caseload.trend == "↑ Declined"  # above its band and rising
    assert "| 2.8 | Care leavers aged 19 to 21 not in education" in render_markdown(sample)
    assert "| ↓ Improved (from " in render_markdown(sample)


@given(
    current=st.floats(-1000, 1000, allow_nan=False),
    previous=st.floats(-1000, 1000, allow_nan=False),
    polarity=st.sampled_from([Polarity.HIGHER, Polarity.LOWER, Polarity.NONE]),
    stable=st.floats(0, 5),
)
def test_the_arrow_follows_the_value_never_the_verdict(
    current: float, previous: float, polarity: Polarity, stable: float
) -> None:
    moved = direction(current, previous, polarity=polarity, stable_within=stable)
    arrow = value_arrow(moved)
    if moved.direction is Direction.NO_CHANGE:
        assert arrow == "→"
    elif current < previous:
        assert arrow == "↓"
    elif current > previous:
        assert arrow == "↑"
    assert trend_text(moved).endswith(
        {"↑": "", "↓": "", "→": ""}.get(arrow, "")
        + {
            Direction.IMPROVED: "Improved",
            Direction.DECLINED: "Declined",
            Direction.NO_CHANGE: "No change",
            Direction.INCREASED: "Increased",
            Direction.DECREASED: "Decreased",
            Direction.NOT_COMPARABLE: "Not comparable",
        }[moved.direction]
    )


def test_nothing_to_compare_has_no_arrow() -> None:
    assert trend_text(Movement(Direction.NOT_COMPARABLE, 5.0, None)) == "Not comparable"


# --- symbol key --------------------------------------------------------------------------------


def test_the_symbol_key_lists_the_symbols_used_and_only_those(
    sample: Report, tmp_path: Path
) -> None:
    keys = [k.symbol for k in part(sample, "pledges").symbols]
    assert keys == ["●", "▲", "✖", "○", "◌", "–", "↑", "↓", "→", "c", "x"]
    md = render_markdown(sample)
    tables = "\n".join(line for line in md.splitlines() if line.startswith("|"))
    for symbol in keys:
        assert symbol in tables, symbol
    cells = {c.strip() for line in tables.splitlines() for c in line.split("|")}
    assert "z" not in keys and "z" not in cells and "k" not in keys and "k" not in cells
    assert "- x not available" in md and "- c suppressed to protect small numbers (below 5)" in md
    # A report with no "x" and nothing level has neither in its key.
    card = build_scorecard(report_definition(tmp_path), report_dataset())
    small = build_report(card, report_dataset(), None)
    assert [k.symbol for k in part(small, "pledges").symbols] == [
        "●",
        "✖",
        "○",
        "◌",
        "–",
        "↑",
        "↓",
        "c",
    ]


# --- annual measures ---------------------------------------------------------------------------


def test_annual_measures_are_compared_with_their_own_previous_year(sample: Report) -> None:
    lines = {line.ref: line for p in part(sample, "pledges").pledges for line in p.lines}
    immunisation = lines["1.5"]
    assert immunisation.annual and immunisation.period_label == "2025-26"
    assert immunisation.previous_label == "2024-25"
    assert immunisation.moved == "88.6% in 2024-25 to 92.5% in 2025-26"
    assert not lines["1.2"].annual
    md = render_markdown(sample)
    assert "(from 88.6% in 2024-25) |" in md  # the appendix names the year it is compared with
    assert "Since 2026-27 Q1" not in md and "(2024-25) to" not in md
    summary = " ".join(p.text for p in part(sample, "summary").paras)
    assert "Annual measures are compared only with their own previous year" in summary


# --- persistent reds ---------------------------------------------------------------------------


def test_persistent_reds_count_the_quarters_running(tmp_path: Path) -> None:
    definition, data = report_definition(tmp_path), report_dataset()
    card = build_scorecard(definition, data)
    earlier = earlier_scorecards(definition, data, card)
    assert [c.period.label for c in earlier] == ["2026-27 Q1", "2025-26 Q4", "2025-26 Q3"]
    # 1.2 (missing from care, lower is better, target 10, tolerance 2): 9, 11, 12.5, 14.8.
    # 2.1 (PEPs, target 95, tolerance 3): 92, c, 88, 85 -> red in Q1 and Q2.
    # 2.3 (persistent absence, target 15, tolerance 3): 16, 17, 17.5, 20.5 -> red once.
    assert red_streaks(card, earlier) == {"1.2": 2, "2.1": 2, "2.3": 1}
    report = build_report(card, data, None, earlier=earlier)
    assert part(report, "exceptions").items[0].persistence == "Red for the second quarter running."
    assert part(report, "exceptions").items[2].persistence == "Red this quarter only."
    assert (
        "Children missing from care (1.2) and PEPs up to date (2.1) have been red for the second "
        "quarter running." in " ".join(p.text for p in part(report, "summary").paras)
    )
    assert red_streaks(card, []) == {"1.2": 1, "2.1": 1, "2.3": 1}  # no history, no streak


# --- actions, commitments, inspection, appendices ---------------------------------------------


def _source(ref: str | None, milestone: date | None, status: str) -> ActionSource:
    return ActionSource(
        ref, "Do it", None, "1", None, ("1.2",), "Lead", None, None, milestone, status, None, True
    )


def test_an_action_past_its_milestone_and_not_complete_is_overdue() -> None:
    meeting = date(2026, 11, 12)
    lines = action_lines(
        [
            _source(None, date(2026, 10, 31), "In progress"),
            _source(None, date(2026, 10, 31), "Complete"),
            _source("A1", date(2026, 11, 12), "On track"),
            _source(None, date(2026, 9, 1), "Delayed"),
            _source(None, None, "Not started"),
        ],
        today=meeting,
        pledge_titles={"1": "Health"},
    )
    assert [a.ref for a in lines] == ["A2", "A3", "A1", "A4", "A5"]  # given refs kept
    # One status a line: overdue wins over what the lead reports.
    assert [a.flag for a in lines] == ["Overdue", "", "", "Overdue", "Not started"]
    assert [a.overdue for a in lines] == [True, False, False, True, False]
    assert lines[0].pledge == "1: Health" and lines[0].milestone == "31 October 2026"


def test_exceptions_link_their_actions_and_the_plan_flags_overdue(
    complete: Path, tmp_path: Path
) -> None:
    report, _, _ = load_report([complete], meeting=tmp_path / "meeting.yaml")
    assert [(a.ref, a.flag) for a in items(report, "actions")] == [("A1", "Overdue"), ("A2", "")]
    by_ref = {ex.line.ref: ex for ex in part(report, "exceptions").items}
    assert [a.ref for a in by_ref["2.1"].actions] == ["A1"]
    assert "A1 Audit every overdue PEP (Virtual School Head, by 1 October 2026; Overdue)" in (
        by_ref["2.1"].action_text
    )
    assert part(report, "actions").intro.text.endswith("A1 is overdue.")
    assert part(report, "inspection").inspection is not None
    assert (
        part(report, "inspection").inspection.heading
        == "Ofsted ILACS inspection, published 18 July 2025"
    )
    assert [(j.area, j.grade) for j in part(report, "inspection").inspection.judgements] == [
        ("Overall effectiveness", "Good"),
        ("The experiences and progress of care leavers", "Requires improvement to be good"),
    ]
    [recommendation] = part(report, "inspection").inspection.recommendations
    assert recommendation.number == "9.2"  # no summary given, so it follows the intro
    assert recommendation.text == "Recommendation: Improve PEP timeliness. (actions: A1)"


def test_an_inspection_recommendation_must_link_to_a_real_action(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path, COMPLETE_MEETING.replace("actions: [A1]", "actions: [A9]"))
    card = build_scorecard(report_definition(tmp_path), report_dataset())
    with pytest.raises(DefinitionError, match=r"meeting.yaml, line \d+.*action 'A9'"):
        build_report(card, report_dataset(), meeting)


def test_appendix_files_are_included_or_listed(tmp_path: Path) -> None:
    (tmp_path / "survey.md").write_text("**Results**\n\n- Most felt listened to.\n", "utf-8")
    (tmp_path / "strategy.pdf").write_bytes(b"%PDF-1.4")
    text = MEETING.replace(
        "appendices:\n  - Children in Care Council survey results\n",
        "appendices:\n  - {title: Survey, file: survey.md}\n  - {title: Strategy, file: "
        "strategy.pdf}\n  - {title: Plan, where: On the intranet}\n",
    )
    meeting = report_meeting(tmp_path, text)
    card = build_scorecard(report_definition(tmp_path), report_dataset())
    report = build_report(card, report_dataset(), meeting)
    b, c, d = part(report, "appendices").items[-3:]  # after the scorecard, commitments and profile
    assert (b.letter, b.title) == ("D", "Survey") and b.text is not None
    assert c.text is None and c.where == "Supplied with this report as strategy.pdf"
    assert d.where == "On the intranet"
    md = render_markdown(report)
    assert "## Appendix D: Survey\n\n**Results**\n\n- Most felt listened to." in md
    assert "- Appendix E: Strategy (Supplied with this report as strategy.pdf)" in md
    missing = report_meeting(tmp_path, text.replace("survey.md", "nope.md"))
    with pytest.raises(DefinitionError, match=r"appendix file 'nope.md' not found"):
        build_report(card, report_dataset(), missing)


def test_an_included_appendix_is_guarded_for_personal_data(tmp_path: Path) -> None:
    from pledgekit.privacy.guard import guard

    (tmp_path / "survey.md").write_text("Jamie Smith (14) said it was good.\n", "utf-8")
    text = MEETING.replace(
        "  - Children in Care Council survey results", "  - {title: Survey, file: survey.md}"
    )
    card = build_scorecard(report_definition(tmp_path), report_dataset())
    report = build_report(card, report_dataset(), report_meeting(tmp_path, text))
    _, found = guard(report)
    assert [f.code for f in found] == ["personal-data-name-with-age"]


def test_commitments_show_lead_due_date_and_flags(sample: Report) -> None:
    lines = {c.commitment.text[:20]: c for d in items(sample, "commitments") for c in d.commitments}
    home = lines["Open a children's ho"]
    assert (home.lead, home.due, home.flag) == (
        "Head of Service, Children in Care",
        "30 September 2026",
        "Overdue",  # delayed and past its date: one status, the one that needs action
    )
    assert home.pledge == "3: Stability and a place to call home"  # not a bare "3"
    assert lines["Run a health and wel"].flag == "Not started"
    assert lines["Commission an emotio"].flag == "Overdue"  # on track, but late
    assert lines["Exempt care leavers "].flag == ""  # complete


def test_the_actions_sheet_is_read_and_a_bad_date_is_located(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Indicators"
    book.active.append(["Measure", "Period", "Value"])
    book.active.append(["1.1", "2026-27 Q2", 90])
    sheet = book.create_sheet("Actions")
    sheet.append(["Ref", "Action", "Measures", "Lead", "Milestone", "Status"])
    sheet.append(["A1", "Extra clinics", "1.1, 1.2", "Nurse", datetime(2026, 10, 1), "On track"])
    sheet.append([None, "Audit PEPs", 2.1, "VSH", "end of term", "Delayed"])
    path = tmp_path / "q.xlsx"
    book.save(path)
    data = read_workbook(path)
    first, second = data.actions
    assert (first.ref, first.measures, first.milestone) == ("A1", ("1.1", "1.2"), date(2026, 10, 1))
    assert (second.ref, second.measures, second.milestone) == (None, ("2.1",), None)
    [bad] = [f for f in data.findings if f.code == "bad-date"]
    assert bad.location.a1 == "E3" and "'end of term' is not a date" in bad.message


def test_watch_list_gives_the_reason_and_commentary_for_each_amber(sample: Report) -> None:
    assert [w.line.ref for w in part(sample, "watch").items] == [
        "1.3",
        "2.7",
        "3.1",
        "3.8",
        "4.2",
        "5.3",
    ]
    dental = part(sample, "watch").items[0]
    assert "Amber by the trend rule" in dental.line.rule_note
    assert dental.commentary.text.startswith("Still below target but better than")
    # Tested for significance where the counts allow (79.8% is inside the interval of 78.5%).
    assert dental.line.comparator_text == (
        "England 85.0% (2005-06): Significantly worse; "
        "Statistical neighbours 79.8%: Not significantly different"
    )
    notes = {line.ref for p in part(sample, "pledges").pledges for line in p.notes}
    assert "3.7" in notes  # a context measure's commentary is shown too


def test_exceptions_show_comparators_with_their_year_and_reference(sample: Report) -> None:
    by_ref = {ex.line.ref: ex for ex in part(sample, "exceptions").items}
    assert by_ref["2.4"].line.comparator_text.startswith(
        "England 19.1% (2021-22): Not significantly different"
    )
    # Without counts there is no test, and the position is said in words.
    assert by_ref["3.5"].line.comparator_text == (
        "England 201 days: Higher; Statistical neighbours 196 days: Higher"
    )
    assert by_ref["3.5"].line.reference == "A2"
    appendix = render_markdown(sample).split("## Appendix A")[1]
    assert "| 1.1 (NI 58) |" in appendix
    assert "| 1.1 | England 14.1; Statistical neighbours 14.4 |" in appendix


def test_the_draft_marker_goes_when_the_gaps_are_filled(sample: Report) -> None:
    final = replace(sample, gaps=())
    assert not final.draft
    assert "DRAFT" not in render_markdown(final)
    assert "DRAFT" not in render_html(final)
    assert "DRAFT" not in docx_text(render_docx(final))
    assert "DRAFT" not in _footer(render_docx(final))


def _footer(data: bytes) -> str:
    import io

    from docx import Document

    return str(Document(io.BytesIO(data)).sections[0].footer.paragraphs[0].text)


def test_an_action_linked_to_an_unknown_measure_is_a_located_error(tmp_path: Path) -> None:
    meeting = report_meeting(
        tmp_path, COMPLETE_MEETING.replace('measures: ["1.2"]', 'measures: ["9.9"]')
    )
    card = build_scorecard(report_definition(tmp_path), report_dataset())
    with pytest.raises(DefinitionError, match=r"meeting.yaml, line \d+, column \d+: .*'9.9'"):
        build_report(card, report_dataset(), meeting)


def test_a_first_quarter_with_nothing_before_says_so() -> None:
    report, _, _ = load_report([BOOKS[0]])
    summary = " ".join(p.text for p in part(report, "summary").paras)
    assert "There are no figures for January to March 2025 to compare with." in summary
    assert "0 measures improved" not in summary


def test_the_action_plans_short_fields_are_masked_like_other_cells() -> None:
    from pledgekit.model.location import Location
    from pledgekit.model.observations import ActionItem, Commitment, Dataset
    from pledgekit.privacy.cell_guard import guard_cells

    where = Location("q.xlsx", "Actions", 2, "B")
    data = Dataset(
        actions=[ActionItem("Extra clinics", where, lead="Call 07700 900123")],
        commitments=[
            Commitment("Housing", "5", "Homes", "On track", None, where, lead="jo@example.org")
        ],
    )
    found = guard_cells(data, redact=True)
    assert {f.code for f in found} == {"personal-data-phone", "personal-data-email"}
    assert "900123" not in (data.actions[0].lead or "")
    assert "jo@example.org" not in (data.commitments[0].lead or "")


def test_a_ratio_is_written_with_its_unit_phrase(sample: Report) -> None:
    # Measure 3.8 sets unit_label in the sample's pledge.yaml: in the body's watch list its
    # figure reads as a ratio with one decimal; the scorecard's narrow column keeps the number.
    lines = {line.ref: line for p in part(sample, "pledges").pledges for line in p.lines}
    assert lines["3.8"].value_with_unit == "19.1 children per social worker"
    assert (lines["3.8"].value, lines["3.8"].target) == ("19.1", "12.0–18.0")
    watched = [w.line.value_with_unit for w in part(sample, "watch").items if w.line.ref == "3.8"]
    assert watched == ["19.1 children per social worker"]
    # A measure without a unit_label is unchanged.
    assert lines["1.2"].value_with_unit == "91.2%"
