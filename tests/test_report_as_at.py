"""A paper for an earlier period shows what was known then, and nothing later (issue 18).

Each section of an earlier paper is checked against a multi-period sample: the shipped one and
a second council's (``second_council``), whose sheets name the quarter they were written in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.api import load_report
from pledgekit.cli import app
from pledgekit.model.periods import parse_period
from pledgekit.render.report.markup import render_markdown
from pledgekit.render.resources import sample_data_dir
from pledgekit.report.model import Report

from .report_parts import items, part
from .second_council import CHILDREN, QUARTERS, write_second_council

runner = CliRunner()


@pytest.fixture(scope="module")
def eastmere(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("eastmere")
    return folder, write_second_council(folder)


def _paper(folder: Path, books: list[Path], period: str, *, meeting: bool = False) -> Report:
    report, _, blocking = load_report(
        books,
        pledge=folder / "pledge.yaml",
        period=period,
        meeting=folder / "meeting.yaml" if meeting else None,
    )
    assert blocking == []
    return report


def _later(period: str) -> list[str]:
    return [q for q in QUARTERS if parse_period(q) > parse_period(period)]


@pytest.mark.parametrize("period", QUARTERS)
def test_every_section_of_an_earlier_paper_is_of_its_own_period(
    eastmere: tuple[Path, list[Path]], period: str
) -> None:
    folder, books = eastmere
    report = _paper(folder, books, period)
    i = QUARTERS.index(period)
    assert report.period == period
    text = render_markdown(report)
    for later in _later(period):
        assert later not in text, f"{later} appears in the {period} paper"
    # Figures and charts stop at the period.
    for ex in part(report, "exceptions").items:
        assert ex.chart.labels[-1] == period
        assert ex.commentary.text == f"Commentary written in {period}."
    lines = {line.ref: line for p in part(report, "pledges").pledges for line in p.lines}
    # The 2025-26 dental checks arrived with the 2026-27 Q2 workbook, not before.
    assert lines["1.2"].period_label == ("2025-26" if period == "2026-27 Q2" else "2024-25")
    assert ("Results of 2025-26" in text) is (period == "2026-27 Q2")
    # Sheets come from the period's own workbook.
    (directorate,) = items(report, "commitments")
    assert directorate.commitments[0].commitment.text == f"Recruit foster carers ({period})"
    assert [a.action.text for a in items(report, "actions")] == [f"Extra clinics ({period})"]
    assert items(report, "profile")[0].value.text == str(CHILDREN[i])
    assert items(report, "profile")[0].previous == (str(CHILDREN[i - 1]) if i else "")
    narrative = part(report, "pledges").pledges[0].narrative.text
    if period == "2026-27 Q1":  # no Updates sheet that quarter: Q4's, said to be Q4's
        assert narrative == "Health update written in 2025-26 Q4."
        assert any(g.startswith("Updates: no Updates sheet for 2026-27 Q1") for g in report.gaps)
    else:
        assert narrative == f"Health update written in {period}."
        assert not any(g.startswith("Updates:") for g in report.gaps)


def test_the_meeting_period_must_be_the_report_period(eastmere: tuple[Path, list[Path]]) -> None:
    folder, books = eastmere
    ok = _paper(folder, books, "2026-27 Q1", meeting=True)
    assert not any(g.startswith("meeting details") for g in ok.gaps)
    assert ok.meeting.title.text == (
        "Corporate parenting performance update, 2026-27 Q1 (April to June 2026)"
    )
    wrong = _paper(folder, books, "2026-27 Q2", meeting=True)
    assert "meeting details: written for 2026-27 Q1, but the report is for 2026-27 Q2" in wrong.gaps
    assert wrong.draft


def test_final_refuses_a_paper_whose_meeting_is_for_another_period(
    eastmere: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    folder, books = eastmere
    out = tmp_path / "paper.md"
    args = ["report", *map(str, books), "--pledge", str(folder / "pledge.yaml")]
    args += ["--meeting", str(folder / "meeting.yaml"), "--final", "-o", str(out)]
    result = runner.invoke(app, [*args, "--period", "2026-27 Q2"])
    assert result.exit_code == 1
    assert "written for 2026-27 Q1, but the report is for 2026-27 Q2" in result.stderr
    assert not out.exists()


def test_a_meeting_without_a_period_fits_only_the_latest_paper(
    eastmere: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    folder, books = eastmere
    meeting = tmp_path / "meeting.yaml"
    meeting.write_text("purpose: To report performance.\n", encoding="utf-8")
    latest, _, _ = load_report(books, pledge=folder / "pledge.yaml", meeting=meeting)
    assert not any(g.startswith("meeting details") for g in latest.gaps)
    earlier, _, _ = load_report(
        books, pledge=folder / "pledge.yaml", meeting=meeting, period="2025-26 Q4"
    )
    assert any(
        g.startswith("meeting details: no period is given, and the report is for 2025-26 Q4")
        for g in earlier.gaps
    )


def test_an_earlier_paper_failing_on_later_data_says_so(tmp_path: Path) -> None:
    # The sample's 2026-27 Q2 has a red without commentary: validate fails on every file given,
    # so the Q1 paper's run does too, and says the paper itself shows only Q1.
    folder = sample_data_dir()
    out = tmp_path / "q1.md"
    args = ["report", *map(str, sorted(folder.glob("*.xlsx"))), "-o", str(out)]
    result = runner.invoke(app, [*args, "--meeting", str(folder / "meeting.yaml")])
    assert result.exit_code == 1 and "Note: 'pledgekit validate' judges" not in result.stderr
    earlier = runner.invoke(app, [*args, "--period", "2026-27 Q1", "--force"])
    assert earlier.exit_code == 1 and out.exists()
    assert (
        "Note: 'pledgekit validate' judges every file given, later periods' too; the paper "
        "shows only what was known at 2026-27 Q1." in earlier.stderr
    )


def test_the_shipped_sample_q1_paper_stops_at_q1() -> None:
    folder = sample_data_dir()
    report, _, _ = load_report(
        sorted(folder.glob("*.xlsx")), meeting=folder / "meeting.yaml", period="2026-27 Q1"
    )
    (ihA,) = [ex for ex in part(report, "exceptions").items if ex.line.ref == "1.4"]
    assert ihA.line.value == "56.4%"
    assert ihA.chart.labels[-1] == "2026-27 Q1"
    assert ihA.chart.texts[-1] == "56.4%"
    assert "2026-27 Q2" not in ihA.history
    generated = [p.text for p in part(report, "summary").paras] + [
        ex.trend for ex in part(report, "exceptions").items
    ]
    generated += [line.moved for p in part(report, "pledges").pledges for line in p.lines]
    assert not any("2026-27 Q2" in text for text in generated)
    assert "meeting details: written for 2026-27 Q2, but the report is for 2026-27 Q1" in (
        report.gaps
    )
    # The Commitments, Updates and Actions sheets arrived with Q2: none of them is shown.
    assert items(report, "commitments") == () and items(report, "actions") == ()
    assert any(g.startswith("Commitments: no Commitments sheet") for g in report.gaps)


def test_the_shipped_sample_q3_paper_has_no_annual_results_of_its_own_year() -> None:
    folder = sample_data_dir()
    report, _, _ = load_report(sorted(folder.glob("*.xlsx")), period="2025-26 Q3")
    annual = [line for p in part(report, "pledges").pledges for line in p.lines if line.annual]
    assert annual and all(line.period_label == "2024-25" for line in annual)
    assert items(report, "profile") == ()
