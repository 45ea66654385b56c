"""No input of a run can be its output, with --force or without (#19 item 10).

Workbooks were protected already; the files pledge.yaml and meeting.yaml name (published data,
the neighbour table, appendices) and a pledge.yaml found without --pledge are inputs too.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()
PUBLISHED = "published/la_care_leavers_activity.csv"
NEIGHBOURS = "published/sn_model_2025_wide.csv"
APPENDIX = "ccc-survey-summer-2026.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    monkeypatch.chdir(tmp_path / "s")
    return tmp_path / "s"


CASES = {
    "published file, scorecard": (PUBLISHED, ["scorecard", "2026-27-Q2.xlsx", "-f", "csv"]),
    "published file, benchmark": (PUBLISHED, ["benchmark", "--pledge", "pledge.yaml", "-f", "csv"]),
    "neighbour table, benchmark": (
        NEIGHBOURS,
        ["benchmark", "--pledge", "pledge.yaml", "-f", "csv"],
    ),
    "appendix, report": (APPENDIX, ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"]),
    "appendix, other spelling": (
        f"published/../{APPENDIX}",
        ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"],
    ),
}


@pytest.mark.parametrize("force", [True, False], ids=["force", "no-force"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_file_named_by_pledge_or_meeting_yaml_is_never_the_output(
    project: Path, case: str, force: bool
) -> None:
    target, args = CASES[case]
    before = (project / target).read_bytes()
    result = runner.invoke(app, [*args, "-o", target, *(["--force"] if force else [])])
    assert result.exit_code == 2, result.stdout + result.stderr
    if force:
        assert "is also an input" in result.stderr
    assert (project / target).read_bytes() == before


def test_a_hard_link_to_a_published_file_is_the_same_file(project: Path) -> None:
    os.link(project / PUBLISHED, project / "copy.csv")
    before = (project / PUBLISHED).read_bytes()
    args = ["scorecard", "2026-27-Q2.xlsx", "-f", "csv", "-o", "copy.csv", "--force"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "is also an input" in result.stderr
    assert (project / PUBLISHED).read_bytes() == before


def test_a_pledge_yaml_found_beside_the_workbook_is_protected(project: Path) -> None:
    other = project / "out"
    other.mkdir()
    shutil.move(project / "2026-27-Q2.xlsx", other / "q2.xlsx")
    shutil.copy(project / "pledge.yaml", other / "pledge.yaml")
    # The published files it names resolve beside it: protected through it.
    (other / "published").symlink_to(project / "published")
    result = runner.invoke(
        app, ["scorecard", "out/q2.xlsx", "-f", "csv", "-o", f"out/{PUBLISHED}", "--force"]
    )
    assert result.exit_code == 2 and "is also an input" in result.stderr


def test_an_ordinary_output_with_force_still_works(project: Path) -> None:
    (project / "card.csv").write_text("old\n")
    args = ["scorecard", "2026-27-Q2.xlsx", "-f", "csv", "-o", "card.csv", "--force"]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.stderr
    assert (project / "card.csv").read_text().startswith("pledge,measure")
