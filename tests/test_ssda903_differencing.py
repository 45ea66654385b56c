"""Figures for nested periods that subtract down to a small count, and 903 files read beside
workbooks by scorecard and report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.periods import Period
from pledgekit.model.ssda903_tables import TABLES
from pledgekit.privacy.period_differencing import Span, nested_differences, period_span

from .workbooks import write_xlsx

runner = CliRunner()


def test_period_spans() -> None:
    assert period_span(Period(2024)) == (date(2024, 4, 1), date(2025, 3, 31))
    assert period_span(Period(2024, 1)) == (date(2024, 4, 1), date(2024, 6, 30))
    assert period_span(Period(2024, 4)) == (date(2025, 1, 1), date(2025, 3, 31))


def _span(label: str, start: date, end: date, count: float) -> Span:
    return Span("m", label, start, end, count)


YEAR = (date(2024, 4, 1), date(2025, 3, 31))
Q4 = (date(2025, 1, 1), date(2025, 3, 31))
TO_Q3 = (date(2024, 4, 1), date(2024, 12, 31))


def test_a_quarter_inside_a_year_to_date_that_differs_by_1_to_5_is_found() -> None:
    year, to_date = _span("year", *YEAR, 40), _span("to Q3", *TO_Q3, 37)
    assert nested_differences([year, to_date], 6) == [(year, to_date)]
    assert nested_differences([year, _span("to Q3", *TO_Q3, 34)], 6) == []  # 6: safe
    assert nested_differences([year, _span("to Q3", *TO_Q3, 40)], 6) == []  # 0 identifies nobody
    # Spans that overlap without nesting are not differenced.
    rolling = _span("rolling", date(2024, 7, 1), date(2025, 6, 30), 38)
    assert nested_differences([year, rolling], 6) == []


@given(st.integers(0, 500), st.integers(0, 500), st.integers(1, 10))
def test_only_differences_below_the_threshold_count(outer: int, inner: int, threshold: int) -> None:
    found = nested_differences([_span("y", *YEAR, outer), _span("q", *Q4, inner)], threshold)
    assert bool(found) == (0 < outer - inner < threshold)


PLEDGE = """\
council: Example Borough Council
pledges:
  - id: "1"
    title: Care
    measures:
      - {id: "1.1", title: Children who started to be looked after, unit: count, polarity: none, reference: cla-started}
      - {id: "1.2", title: Children looked after, unit: count, polarity: none, reference: cla-number}
"""


def test_903_files_beside_a_workbook_and_a_year_that_gives_a_quarter_away(tmp_path: Path) -> None:
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    rows = [",".join(TABLES["Episodes"])]
    rows += [f"S{n},01/06/2024,S,C2,N1,U1,PR1,,,,,,1" for n in range(40)]
    (tmp_path / "903").mkdir()
    (tmp_path / "903" / "episodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # The workbook's quarters: Q1 holds 37 of the 40 starts, so the year gives Q2-Q4's 3 away.
    write_xlsx(
        tmp_path / "q.xlsx",
        [["Measure", "Period", "Value"], ["1.1", "2024-25 Q1", 37], ["1.2", "2024-25 Q1", 30]],
    )
    result = runner.invoke(
        app,
        [
            "scorecard",
            str(tmp_path / "q.xlsx"),
            str(tmp_path / "903"),
            "-f",
            "json",
            "--period",
            "2024-25",
        ],
    )
    assert result.exit_code in (0, 1), result.output
    rows_out = {r["measure"]: r for r in json.loads(result.stdout)["rows"]}
    assert rows_out["1.1"]["value"]["state"] == "suppressed"
    assert rows_out["1.2"]["value"]["number"] == 40
    assert "records-disclosure-by-difference" in result.output + (result.stderr or "")


def test_903_files_alone_give_a_report(tmp_path: Path) -> None:
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    rows = [",".join(TABLES["Episodes"])]
    rows += [f"S{n},01/06/2024,S,C2,N1,U1,PR1,,,,,,1" for n in range(40)]
    (tmp_path / "903").mkdir()
    (tmp_path / "903" / "episodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "report.md"
    result = runner.invoke(
        app,
        [
            "report",
            str(tmp_path / "903"),
            "--pledge",
            str(tmp_path / "pledge.yaml"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert "Children looked after" in out.read_text(encoding="utf-8")
