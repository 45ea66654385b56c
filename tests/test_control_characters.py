"""Control characters from YAML and appendix files never reach an output (#19 item 9).

"\\e[2J" in a quoted YAML string cleared the terminal, "\\x00" broke the Word document (blaming
the template) and collection-workbook, and an appendix passed NUL, ESC and BEL through.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
ESCAPES = ["\\e[31m", "\\x00", "\\a", "\\x1b]0;title\\x07", "\\x9b2J", "\\b", "\\x7f"]


@pytest.fixture(params=ESCAPES)
def project(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    escape: str = request.param
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    folder = tmp_path / "s"
    meeting = (folder / "meeting.yaml").read_text(encoding="utf-8")
    meeting = meeting.replace(
        "title: Corporate Parenting Performance Update, 2026-27 Q2",
        f'title: "Update {escape}RED{escape} end"',
    )
    meeting = meeting.replace(
        "committee: Corporate Parenting Committee", f'committee: "Corporate{escape} Parenting"'
    )
    (folder / "meeting.yaml").write_text(meeting, encoding="utf-8")
    pledge = (folder / "pledge.yaml").read_text(encoding="utf-8")
    pledge = pledge.replace("    title: Being healthy", f'    title: "Being {escape}healthy"', 1)
    (folder / "pledge.yaml").write_text(pledge, encoding="utf-8")
    with (folder / "ccc-survey-summer-2026.md").open("a", encoding="utf-8") as handle:
        handle.write("Survey \x1b[31m red \x00 nul \x07 bell \x9b2J end\n")
    monkeypatch.chdir(folder)
    return folder


def _clean(text: str) -> None:
    found = CONTROLS.findall(text)
    assert not found, sorted({f"U+{ord(c):04X}" for c in found})


def test_no_output_holds_a_control_character(project: Path) -> None:
    report = ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"]
    for fmt in ("md", "html"):
        result = runner.invoke(app, [*report, "--format", fmt])
        assert result.exit_code in (0, 1), result.stderr
        _clean(result.stdout + result.stderr)
        shown = " ".join(result.stdout.split())
        assert re.search(r"Being \S*healthy", shown) and "red nul bell 2J end" in shown
    result = runner.invoke(app, [*report, "-o", "r.docx"])
    assert result.exit_code in (0, 1) and (project / "r.docx").exists(), result.stderr
    with zipfile.ZipFile(project / "r.docx") as docx:
        _clean(docx.read("word/document.xml").decode("utf-8"))
    for args in (["scorecard", "2026-27-Q2.xlsx"], ["scorecard", "2026-27-Q2.xlsx", "-f", "md"]):
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        _clean(result.stdout + result.stderr)
        assert re.search(r"Being \S*healthy", result.stdout)
    result = runner.invoke(app, ["collection-workbook", "--period", "2026-27 Q3", "-o", "c.xlsx"])
    assert result.exit_code == 0, result.stdout + result.stderr
    book = load_workbook(project / "c.xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            _clean(" ".join(str(v) for v in row if v is not None))


def test_report_warns_where_meeting_yaml_had_them(project: Path) -> None:
    result = runner.invoke(app, ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml", "-f", "md"])
    warnings = [line for line in result.stderr.splitlines() if "control character" in line]
    assert warnings and all("meeting.yaml, line" in line for line in warnings), result.stderr
    _clean(result.stderr)


def test_validate_says_where_they_were(project: Path) -> None:
    result = runner.invoke(app, ["validate", "2026-27-Q2.xlsx", "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "control-characters"]
    assert any(
        f["location"]["file"].endswith("pledge.yaml") and f["location"]["line"] for f in found
    )
    _clean(result.stdout)
