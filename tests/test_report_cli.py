"""``pledgekit report`` and ``pledgekit templates export`` through the CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook
from typer.testing import CliRunner

from pledgekit.api import load_report, validate
from pledgekit.cli import app
from pledgekit.render.report.markup import render_markdown
from pledgekit.render.resources import sample_data_dir, templates_dir

from .docx_text import docx_text
from .report_fixtures import MEETING, REPORT_DEFINITION

runner = CliRunner()


def project(
    folder: Path,
    *,
    commentary: str = "Explained.",
    sheets: bool = True,
    meeting: str = MEETING,
    silent_red: bool = False,
) -> Path:
    """pledge.yaml, meeting.yaml and q.xlsx (two quarters, optional extra sheets) in ``folder``.

    Both reds (1.2 and 2.1) have commentary, unless ``silent_red`` leaves 2.1 without.
    """
    (folder / "pledge.yaml").write_text(REPORT_DEFINITION, encoding="utf-8")
    (folder / "meeting.yaml").write_text(meeting, encoding="utf-8")
    book = Workbook()
    ws = book.active
    ws.title = "Indicators"
    ws.append(["Measure", "Period", "Value", "Commentary"])
    for period, values in (("2026-27 Q1", (88, 9, 96)), ("2026-27 Q2", (91, 14.8, 85))):
        for measure, value in zip(("1.1", "1.2", "2.1"), values, strict=True):
            note = commentary if (measure, period) == ("1.2", "2026-27 Q2") else None
            if (measure, period) == ("2.1", "2026-27 Q2") and not silent_red:
                note = "PEP audits are under way."
            ws.append([measure, period, value, note])
    if sheets:
        book.create_sheet("Updates").append(["Pledge", "Update"])
        book["Updates"].append(["2", "PEP audits continue."])
        commitments = book.create_sheet("Commitments")
        commitments.append(["Directorate", "Pledge", "Commitment", "Status", "Update"])
        commitments.append(["Housing", "2", "Council tax exemption", "Delayed", "Awaiting budget."])
    book.save(folder / "q.xlsx")
    return folder / "q.xlsx"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    project(tmp_path)
    return tmp_path


def test_markdown_to_stdout_equals_the_library(here: Path) -> None:
    result = runner.invoke(app, ["report", "q.xlsx", "--meeting", "meeting.yaml"])
    assert result.exit_code == 0, result.output
    report, _, blocking = load_report([Path("q.xlsx")], meeting=Path("meeting.yaml"))
    assert blocking == []
    assert result.stdout == render_markdown(report)
    assert "## 5. Exceptions: measures rated red" in result.stdout
    assert "| Housing | Council tax exemption |" in result.stdout  # one table of commitments


@pytest.mark.parametrize(("name", "marker"), [("r.docx", b"PK"), ("r.html", b"<!DOCTYPE html>")])
def test_format_follows_the_extension(here: Path, name: str, marker: bytes) -> None:
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "meeting.yaml", "-o", name])
    assert result.exit_code == 0, result.output
    assert (here / name).read_bytes().startswith(marker)
    assert f"Wrote {name}" in result.stderr


def test_docx_needs_a_file_and_unknown_extensions_need_a_format(here: Path) -> None:
    result = runner.invoke(app, ["report", "q.xlsx", "--format", "docx"])
    assert (
        result.exit_code == 2
        and "Error: the docx format is written only to a file: pass --output report.docx"
        in result.stderr
    )
    result = runner.invoke(app, ["report", "q.xlsx", "-o", "report.rtf"])
    assert result.exit_code == 2 and "cannot tell the format from 'report.rtf'" in result.stderr
    assert not (here / "report.rtf").exists()


def test_existing_output_is_kept_without_force(here: Path) -> None:
    (here / "report.md").write_text("keep me")
    result = runner.invoke(app, ["report", "q.xlsx", "-o", "report.md"])
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr
    assert (here / "report.md").read_text() == "keep me"
    result = runner.invoke(app, ["report", "q.xlsx", "-o", "report.md", "--force"])
    assert result.exit_code == 0
    assert (here / "report.md").read_text().startswith("# DRAFT: Example Borough Council")
    assert [p.name for p in here.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_without_meeting_placeholders_and_a_note(here: Path) -> None:
    result = runner.invoke(app, ["report", "q.xlsx"])
    assert result.exit_code == 0
    assert "\\[to be completed\\]" in result.stdout
    assert "no --meeting file" in result.stderr


def test_without_optional_sheets_the_sections_are_left_out(tmp_path: Path) -> None:
    workbook = project(tmp_path, sheets=False)
    result = runner.invoke(app, ["report", str(workbook), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    text = docx_text((tmp_path / "r.docx").read_bytes())
    assert "Commitments by directorate" not in text and "Performance by pledge" in text


def test_personal_data_blocks_writing(tmp_path: Path) -> None:
    meeting = MEETING.replace("in **Quarter 2** of 2026-27.", "after Jamie Smith (14) moved.")
    workbook = project(tmp_path, commentary="Call 07700 900123 for details.", meeting=meeting)
    out = tmp_path / "r.docx"
    args = ["report", str(workbook), "-m", str(tmp_path / "meeting.yaml"), "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert not out.exists()
    assert "meeting.yaml, line 12, column 1, purpose: purpose may identify a child" in result.stderr
    assert (
        "q.xlsx, sheet 'Indicators' cell D6, commentary: commentary may identify" in result.stderr
    )
    assert "Jamie" not in result.stderr and "900123" not in result.stderr
    assert "2 piece(s) of personal data found; nothing was written" in result.stderr
    result = runner.invoke(app, [*args, "--redact"])
    assert result.exit_code == 0, result.output
    text = docx_text(out.read_bytes())
    assert "Jamie" not in text and "07700" not in text and text.count("[redacted]") == 2


@pytest.mark.parametrize(
    ("name", "body"),
    [
        (
            "t.md.j2",
            "# {{ report.council }}\n{% for x in report.sections %}\n{{ x.nope }}\n{% endfor %}\n",
        ),
        ("t.html.j2", "<p>{{ report.council }}</p>\n{% if report.exceptions %}\n"),
    ],
)
def test_broken_templates_exit_2_naming_template_and_line(here: Path, name: str, body: str) -> None:
    (here / name).write_text(body)
    result = runner.invoke(app, ["report", "q.xlsx", "--template", name])
    assert result.exit_code == 2
    line = 3 if "nope" in body else 2
    assert result.stderr.startswith(f"Error: {name}, line {line}: ")
    assert "Traceback" not in result.output


def test_templates_export_then_use_a_restyled_copy(here: Path) -> None:
    result = runner.invoke(app, ["templates", "export", "mine"])
    assert result.exit_code == 0, result.output
    exported = sorted(p.name for p in (here / "mine").iterdir() if p.is_file())
    assert exported == sorted(p.name for p in templates_dir().iterdir() if p.is_file())
    assert (here / "mine" / "sections" / "exceptions.html.j2").is_file()  # each section's block
    assert {"report.md.j2", "report.html.j2", "report.docx"} <= set(exported)
    again = runner.invoke(app, ["templates", "export", "mine"])
    assert again.exit_code == 2 and "use --force" in again.stderr
    assert runner.invoke(app, ["templates", "export", "mine", "--force"]).exit_code == 0
    # A council's restyle: a different font in Normal, a line of its own.
    doc = Document(str(here / "mine" / "report.docx"))
    doc.styles["Normal"].font.name = "Verdana"
    doc.paragraphs[0].insert_paragraph_before("OFFICIAL")
    doc.save(str(here / "mine" / "report.docx"))
    args = ["report", "q.xlsx", "-m", "meeting.yaml", "-t", "mine/report.docx", "-o", "r.docx"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rendered = Document(io.BytesIO((here / "r.docx").read_bytes()))
    assert rendered.paragraphs[0].text == "OFFICIAL"
    assert rendered.styles["Normal"].font.name == "Verdana"
    mismatch = runner.invoke(app, ["report", "q.xlsx", "-t", "mine/report.md.j2", "-o", "x.docx"])
    assert mismatch.exit_code == 2 and "not a docx template" in mismatch.stderr


def test_sample_data_end_to_end(tmp_path: Path) -> None:
    sample = sample_data_dir()
    if not sorted(sample.glob("*.xlsx")):
        pytest.skip("sample data not generated yet")
    books = [str(p) for p in sorted(sample.glob("*.xlsx"))]
    out = tmp_path / "report.docx"
    result = runner.invoke(
        app, ["report", *books, "--meeting", str(sample / "meeting.yaml"), "-o", str(out)]
    )
    # Written as a DRAFT, but the run fails as validate does: red 4.5 has no commentary.
    assert result.exit_code == 1, result.output
    assert "red measure(s) without commentary: 4.5" in result.stderr
    text = docx_text(out.read_bytes())
    assert "TITLE: DRAFT: Corporate Parenting Performance Update, 2026-27 Q2" in text
    assert "Commentary missing: the measure owner" in text  # 4.5 has no commentary
    assert "# Appendix C: Commitments by directorate" in text
    assert "# Appendix D: Profile of children in care" in text
    assert "[to be completed]" not in text
    shutil.copy(out, tmp_path / "copy.docx")


def test_a_typo_in_meeting_yaml_is_located(here: Path) -> None:
    (here / "meeting.yaml").write_text("title: Update\nrecomendations:\n  - Note it.\n")
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "meeting.yaml", "-o", "r.md"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: meeting.yaml, line 2, column 1: the meeting file: unknown key 'recomendations' "
        "in the top level; did you mean 'recommendations'?\n"
    )
    assert not (here / "r.md").exists()


def test_impossible_meeting_date_exits_2_naming_the_line(here: Path) -> None:
    (here / "bad.yaml").write_text("title: Update\ndate: 2026-13-45\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "bad.yaml", "-o", "r.md"])
    assert result.exit_code == 2, result.output
    assert "bad.yaml" in result.stderr and "line 2" in result.stderr
    assert "Traceback" not in result.output and not (here / "r.md").exists()


@pytest.mark.parametrize(
    ("silent_red", "settings", "exit_code"),
    [
        (False, "", 0),
        (True, "", 1),  # missing-commentary-for-red is an error in validate
        (True, "validation:\n  ignore: [missing-commentary-for-red]\n", 0),
        (False, "validation:\n  strict: true\n", 1),  # strict: validate fails on warnings too
    ],
)
def test_the_report_exits_as_validate_does_on_the_same_inputs(
    here: Path, silent_red: bool, settings: str, exit_code: int
) -> None:
    """The run's verdict is validate's result on what the report read, settings and all."""
    project(here, silent_red=silent_red)
    with (here / "pledge.yaml").open("a", encoding="utf-8") as handle:
        handle.write(settings)
    verdict = validate(["q.xlsx"])
    result = runner.invoke(app, ["report", "q.xlsx", "-m", "meeting.yaml", "-o", "r.md"])
    assert result.exit_code == verdict.exit_code() == exit_code, result.output
    assert (here / "r.md").exists()  # written either way: the verdict is on the data
    if exit_code:
        assert f"fails as 'pledgekit validate' does ({verdict.summary()})" in result.stderr
    if silent_red and not settings:
        assert "red measure(s) without commentary: 2.1" in result.stderr
