"""Every ``validate`` output format against a golden file, plus the formats' own rules.

Refresh the golden files after an intended change with ``PLEDGEKIT_UPDATE_GOLDEN=1 pytest
tests/test_validate_render.py`` and review the diff (see tests/golden/README.md).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from pledgekit.api import validate
from pledgekit.checks import ValidationReport
from pledgekit.model.findings import Finding, Severity, finding
from pledgekit.model.location import Location
from pledgekit.render.findings.common import render_json
from pledgekit.render.findings.github import escape_data, escape_property, render_github
from pledgekit.render.findings.junit import render_junit
from pledgekit.render.findings.markdown import render_markdown
from pledgekit.render.findings.text import render_text
from pledgekit.render.findings.xlsx import render_xlsx
from tests import golden

from .validate_fixtures import CLEAN, PLANTED, project


def assert_golden(name: str, text: str) -> None:
    golden.assert_golden("validate", name, text)


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ValidationReport:
    monkeypatch.chdir(tmp_path)
    rows = [*PLANTED, ["1.3", "2019-20 Q1", "c", None, None, None]]
    # Last quarter's return, clean apart from repeating 1.2 (a duplicate across files).
    previous = [[m, "2019-20 Q1", *rest] for m, _, *rest in CLEAN if m != "1.3"]
    project(tmp_path, planted=rows, previous=previous)
    return validate(["planted.xlsx", "previous.xlsx"])


def test_text_golden(report: ValidationReport) -> None:
    assert_golden("report.txt", render_text(report))


def test_text_in_colour_is_the_same_text_with_ansi_codes(report: ValidationReport) -> None:
    coloured = render_text(report, colour=True)
    assert "\x1b[1;31m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_text(report)


def test_json_golden(report: ValidationReport) -> None:
    text = render_json(report)
    assert json.loads(text) == report.to_dict()
    assert_golden("report.json", text)


def test_github_golden(report: ValidationReport) -> None:
    assert_golden("report.github.txt", render_github(report))


def test_markdown_golden(report: ValidationReport) -> None:
    assert_golden("report.md", render_markdown(report))


def test_junit_golden(report: ValidationReport) -> None:
    text = render_junit(report)
    ET.fromstring(text.encode("utf-8"))
    assert_golden("report.junit.xml", text)


def _dump_xlsx(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data))
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## {sheet.title}")
        lines.append(f"freeze={sheet.freeze_panes} filter={sheet.auto_filter.ref}")
        widths = [
            f"{letter}={sheet.column_dimensions[letter].width:g}"
            for letter in sorted(sheet.column_dimensions)
        ]
        lines.append("widths " + " ".join(widths))
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if v is None else str(v) for v in row).rstrip("\t"))
    return "\n".join(lines) + "\n"


def test_xlsx_golden(report: ValidationReport) -> None:
    data = render_xlsx(report)
    assert data == render_xlsx(report)  # byte-stable: no timestamps
    assert_golden("report.xlsx.txt", _dump_xlsx(data))


# --- rules of the formats ---------------------------------------------------------------------


def _many(errors: int, warnings: int, infos: int, omitted: int = 0) -> ValidationReport:
    items: list[Finding] = []
    for severity, count in (
        (Severity.ERROR, errors),
        (Severity.WARNING, warnings),
        (Severity.INFO, infos),
    ):
        items += [
            finding("not-a-number", f"n{i}", Location("q.xlsx", "S", i + 2, "C"), severity=severity)
            for i in range(count)
        ]
    report = ValidationReport.build(
        items, files=["q.xlsx"], max_findings=len(items) - omitted or None
    )
    return report


def test_github_emits_at_most_ten_of_each_and_says_how_many_were_left_out() -> None:
    lines = render_github(_many(12, 3, 10)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 3
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == 10  # 9 info + the closing one, within GitHub's 10
    assert notices[-1].startswith("::notice title=pledgekit validate::3 more finding(s)")
    assert "step summary" in notices[-1]


def test_github_no_closing_notice_when_everything_fits() -> None:
    lines = render_github(_many(10, 10, 10)).splitlines()
    assert not any("more finding(s)" in line for line in lines)


def test_github_counts_findings_cut_by_max_findings() -> None:
    report = _many(2, 0, 0, omitted=1)
    assert "1 more finding(s)" in render_github(report)


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    item = finding(
        "not-a-number",
        "bad\nvalue",
        Location("dir,with:odd.xlsx", "My sheet", 3, "C"),
    )
    line = render_github(ValidationReport.build([item], files=["dir,with:odd.xlsx"])).splitlines()[
        0
    ]
    assert line.startswith("::error file=dir%2Cwith%3Aodd.xlsx,line=3,title='My sheet'!C3::")
    assert line.endswith("not-a-number: bad%0Avalue")


def test_markdown_stays_under_the_limit_with_a_note() -> None:
    report = _many(3000, 0, 0)
    text = render_markdown(report, limit=20_000)
    assert len(text.encode("utf-8")) <= 20_000
    assert "more finding(s) not shown here" in text
    full = render_markdown(report)
    assert len(full.encode("utf-8")) < 1024 * 1024 and "not shown" not in full


def test_markdown_escapes_table_cells() -> None:
    item = finding("not-a-number", "a | b", Location("q.xlsx", "S", 2, "C"))
    assert "a \\| b" in render_markdown(ValidationReport.build([item], files=["q.xlsx"]))


def test_junit_strict_turns_warnings_into_failures() -> None:
    report = _many(0, 2, 0)
    loose = ET.fromstring(render_junit(report))
    assert loose.get("failures") == "0"
    strict = ValidationReport.build(report.findings, files=["q.xlsx"], strict=True)
    assert ET.fromstring(render_junit(strict)).get("failures") == "1"


def test_xlsx_text_is_made_safe() -> None:
    item = finding("not-a-number", '=HYPERLINK("x")', Location("q.xlsx", "S", 2, "C"), found="=1+1")
    data = render_xlsx(ValidationReport.build([item], files=["q.xlsx"]))
    sheet = load_workbook(io.BytesIO(data))["Findings"]
    assert sheet["H2"].value == "'=1+1" and sheet["J2"].value.startswith("'=")


def test_text_findings_are_written_in_bulk_without_a_console_render_per_finding(
    report: ValidationReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13, item 13: a million findings must not go through rich one by one."""
    from rich.console import Console
    from typer.testing import CliRunner

    from pledgekit.cli import app

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a rich console render per finding")

    monkeypatch.setattr(Console, "print", refuse)
    many = ValidationReport.build(
        list(report.findings) * 2000, files=list(report.files), pledge=report.pledge
    )
    text = render_text(many)
    assert text.count("\n") > len(many.findings)
    result = CliRunner().invoke(app, ["validate", "planted.xlsx", "previous.xlsx"])
    assert result.exit_code == 1 and "errors" in result.stdout
