"""Every command reads its files through one function that sees them all together.

A rule that compares files (a percentage among other quarters' figures, two files giving one
figure differently) must find the same in ``validate`` as in ``scorecard`` and ``report``, and
what it finds must not depend on the order the files are given in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit import api
from pledgekit.cli import app
from pledgekit.model.findings import Finding
from pledgekit.model.status import Status

from .validate_fixtures import write_workbook

# No target: the only evidence that 0.37 is a fraction is the other quarters' figures.
PLEDGE = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {id: "1.1", title: Health assessments, unit: percent, polarity: none}
      - {id: "1.2", title: Missing from care, unit: percent, polarity: lower, target: 10, tolerance: 2}
"""


def _key(f: Finding) -> tuple[str, str, str | None]:
    return f.code, f.location.file, f.location.a1


@pytest.fixture
def quarters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    for name, period, value in (
        ("q1", "2019-20 Q1", 38),
        ("q2", "2019-20 Q2", 40),
        ("q3", "2019-20 Q3", 0.37),
    ):
        write_workbook(
            tmp_path / f"{name}.xlsx",
            [["1.1", period, value, None, None, None], ["1.2", period, 8, 8, 100, None]],
        )
    return ["q1.xlsx", "q2.xlsx", "q3.xlsx"]


def test_validate_sees_a_fraction_among_quarterly_files_as_scorecard_does(
    quarters: list[str],
) -> None:
    card, _ = api.load_scorecard(quarters)
    report = api.validate(quarters)
    flagged = ("percent-scale-unclear", "q3.xlsx", "C2")
    assert flagged in {_key(f) for f in card.findings}
    assert flagged in {_key(f) for f in report.findings}
    # Every finding met while reading is in validate's report too, at the same cell.
    assert {_key(f) for f in card.findings} <= {_key(f) for f in report.findings}
    assert report.exit_code() == 0  # a warning: only --strict fails on it
    assert api.validate(quarters, strict=True).exit_code() == 1


def test_each_file_alone_shows_nothing_to_compare(quarters: list[str]) -> None:
    """The finding above needs the other files: q3.xlsx alone has no evidence either way."""
    assert not [f for f in api.validate(["q3.xlsx"]).findings if f.code == "percent-scale-unclear"]


def _conflicting(tmp_path: Path) -> list[str]:
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    write_workbook(
        tmp_path / "a.xlsx",
        [["1.1", "2019-20 Q2", 40, None, None, None], ["1.2", "2019-20 Q2", 8, 8, 100, "On plan"]],
    )
    write_workbook(
        tmp_path / "b.xlsx",
        [["1.2", "2019-20 Q2", 30, 30, 100, "Worse"], ["1.1", "2019-20 Q1", 41, None, None, None]],
    )
    return ["a.xlsx", "b.xlsx"]


@pytest.mark.parametrize("reverse", [False, True])
def test_two_files_giving_one_figure_differently_are_not_rated_in_any_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reverse: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _conflicting(tmp_path)[:: -1 if reverse else 1]
    card, _ = api.load_scorecard(files)
    row = next(r for r in card.rows if r.measure.id == "1.2")
    # Neither 8 (green) nor 30 (red) is rated: which is right cannot be told.
    assert row.status not in (Status.GREEN, Status.AMBER, Status.RED)
    assert not row.value.is_number
    conflicts = sorted(_key(f) for f in card.findings if f.code == "conflicting-figures")
    assert conflicts == [
        ("conflicting-figures", "a.xlsx", "C3"),
        ("conflicting-figures", "b.xlsx", "C2"),
    ]
    message = next(f.message for f in card.findings if f.code == "conflicting-figures")
    assert "neither figure is rated" in message
    report = api.validate(files)
    assert conflicts == sorted(_key(f) for f in report.findings if f.code == "conflicting-figures")
    assert report.exit_code() == 1
    # The same rows are not also reported as duplicates, nor the measure as missing.
    assert not {"duplicate-observation", "missing-measure"} & {f.code for f in report.findings}


def test_conflicting_figures_give_the_same_scorecard_in_either_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _conflicting(tmp_path)
    outputs = []
    for order in (files, files[::-1]):
        result = CliRunner().invoke(app, ["scorecard", *order, "--format", "json"])
        assert result.exit_code == 1, result.output  # an error in the data fails the run
        assert "neither figure is rated" in result.stderr
        card = json.loads(result.stdout)
        assert sorted(card.pop("files")) == files
        outputs.append(card)
    assert outputs[0] == outputs[1]


def test_equal_figures_in_two_files_are_no_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    rows: list[list[object]] = [["1.2", "2019-20 Q2", 8, 8, 100, None]]
    write_workbook(tmp_path / "a.xlsx", rows)
    write_workbook(tmp_path / "b.xlsx", rows)
    card, _ = api.load_scorecard(["a.xlsx", "b.xlsx"])
    assert "conflicting-figures" not in {f.code for f in card.findings}
    assert next(r for r in card.rows if r.measure.id == "1.2").status is Status.GREEN


def test_the_report_says_so_too_and_is_the_same_in_either_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _conflicting(tmp_path)
    papers = []
    for n, order in enumerate((files, files[::-1])):
        out = f"paper{n}.md"
        result = CliRunner().invoke(app, ["report", *order, "--format", "md", "-o", out])
        assert result.exit_code == 1, result.output  # validate fails on the same inputs
        assert "neither figure is rated" in result.stderr
        papers.append((tmp_path / out).read_text(encoding="utf-8"))
    assert papers[0] == papers[1]
