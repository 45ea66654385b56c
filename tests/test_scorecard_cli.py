"""`pledgekit scorecard` through the Typer runner: formats, exit codes, errors, safety."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.api import load_scorecard
from pledgekit.cli import app

from .factories import DEFINITION
from .workbooks import write_csv, write_xlsx

runner = CliRunner()

HEADER = ["Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION.replace("area: HOME\n", ""), encoding="utf-8")
    write_xlsx(
        tmp_path / "q1.xlsx",
        [
            HEADER,
            ["1.1", "2025-26 Q1", 80, 80, 100, None],
            ["1.2", "2025-26 Q1", 12, 12, 100, None],
            ["2.1", "2025-26 Q1", 12, None, None, None],
        ],
    )
    write_xlsx(
        tmp_path / "q2.xlsx",
        [
            HEADER,
            ["1.1", "2025-26 Q2", 70, 70, 100, 'Fell because =HYPERLINK("x") was late'],
            ["1.2", "2025-26 Q2", 9, 9, 100, "Better."],
            ["1.3", "2025-26 Q2", 412, None, None, None],
            ["2.1", "2025-26 Q2", 3, None, None, None],
            ["2.3", "2025-26 Q2", 15, None, None, None],
        ],
    )
    return tmp_path


def write_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_table_lists_every_measure_with_status_words(folder: Path) -> None:
    code, out, err = run("scorecard", folder / "q1.xlsx", folder / "q2.xlsx")
    assert code == 0, err
    assert "scorecard, 2025-26 Q2" in out
    assert "✖ Red" in out and "● Green" in out
    # 2.1 is suppressed (c) but rated: every count it could hide misses its target.
    (hidden,) = [line for line in out.splitlines() if "│ 2.1 " in line or "| 2.1 " in line]
    assert " c " in hidden and "Red" in hidden
    assert "\x1b[" not in out  # no colour codes off a terminal
    assert "2025-26 Q2: 6 measures: 2 green, 0 amber, 2 red, 1 no data, 1 not rated." in out


def test_json_equals_the_python_api(folder: Path) -> None:
    files = [folder / "q1.xlsx", folder / "q2.xlsx"]
    code, out, _ = run("scorecard", *files, "--format", "json")
    assert code == 0
    card, blocking = load_scorecard(files)
    assert blocking == []
    assert json.loads(out) == json.loads(json.dumps(card.to_dict()))
    data = json.loads(out)
    health = data["rows"][0]
    assert (health["status"], health["short_term"]["direction"]) == ("red", "declined")
    assert health["location"] == {
        "file": str(folder / "q2.xlsx"),
        "sheet": "Indicators",
        "cell": "C2",
        "row": 2,
        "column": "C",
        "line": None,
        "col": None,
        "field": None,
    }


def test_csv_neutralises_formulas_and_keeps_numbers(folder: Path) -> None:
    code, out, _ = run("scorecard", folder / "q2.xlsx", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    health = rows[0]
    assert health["value"] == "70.0" and health["status"] == "red"
    assert health["commentary"].startswith("Fell because =HYPERLINK")  # not at the start: harmless
    suppressed = next(r for r in rows if r["measure"] == "2.1")
    assert (suppressed["value"], suppressed["status"]) == ("c", "red")  # rated all the same
    assert "3" not in suppressed["value"] + suppressed["numerator"] + suppressed["denominator"]


def test_formula_injection_is_neutralised_in_csv_and_xlsx(folder: Path) -> None:
    # Text, not a formula, in the source: CSV keeps it as typed.
    write_csv(
        folder / "evil.csv",
        [HEADER, ["1.1", "2025-26 Q2", 70, 70, 100, '=HYPERLINK("http://x","y")']],
    )
    code, out, err = run("scorecard", folder / "evil.csv", "--format", "csv")
    assert code == 0, err
    assert (
        next(iter(csv.DictReader(io.StringIO(out))))["commentary"] == '\'=HYPERLINK("http://x","y")'
    )
    target = folder / "card.xlsx"
    code, _, err = run("scorecard", folder / "evil.csv", "--format", "xlsx", "-o", target)
    assert code == 0, err
    sheet = load_workbook(target).active
    commentary = [c.value for c in sheet["M"] if c.value and "HYPERLINK" in str(c.value)]
    assert commentary == ['\'=HYPERLINK("http://x","y")']
    assert sheet["I3"].value == "✖ Red" and sheet["I3"].fill.start_color.rgb.endswith("C00000")


def test_markdown_escapes_pipes_and_marks_suppression(folder: Path) -> None:
    write_xlsx(
        folder / "pipes.xlsx",
        [
            HEADER,
            ["1.1", "2025-26 Q2", 70, 70, 100, "a | b"],
            ["2.1", "2025-26 Q2", 2, None, None, None],
        ],
    )
    code, out, _ = run("scorecard", folder / "pipes.xlsx", "--format", "md")
    assert code == 0
    assert "| 2.1 | Care leavers in higher education | c | ≥ 10 | ✖ Red |  |  |" in out
    assert "c = suppressed to protect small numbers (below 5)." in out


def test_output_file_is_not_replaced_without_force(folder: Path) -> None:
    target = folder / "card.md"
    target.write_text("keep me")
    code, _, err = run("scorecard", folder / "q2.xlsx", "--format", "md", "-o", target)
    assert code == 2 and "already exists" in err and target.read_text() == "keep me"
    code, _, _ = run("scorecard", folder / "q2.xlsx", "--format", "md", "-o", target, "--force")
    assert code == 0 and target.read_text().startswith("# Test Council")


def test_personal_data_blocks_output_unless_redacted(folder: Path) -> None:
    write_xlsx(
        folder / "pii.xlsx",
        [HEADER, ["1.1", "2025-26 Q2", 70, 70, 100, "Jamie Smith (14) moved twice."]],
    )
    target = folder / "card.md"
    code, out, err = run("scorecard", folder / "pii.xlsx", "--format", "md", "-o", target)
    assert code == 1 and not target.exists() and out == ""
    assert "Indicators" in err and "F2" in err and "Jamie Smith" not in err
    code, _, _ = run("scorecard", folder / "pii.xlsx", "--format", "md", "-o", target, "--redact")
    assert (
        code == 0 and "[redacted] moved twice." not in target.read_text()
    )  # commentary is not in md table
    code, out, _ = run("scorecard", folder / "pii.xlsx", "--format", "json", "--redact")
    assert json.loads(out)["rows"][0]["commentary"] == "[redacted] moved twice."


def test_period_option(folder: Path) -> None:
    files = [folder / "q1.xlsx", folder / "q2.xlsx"]
    code, out, _ = run("scorecard", *files, "--period", "Q1 2025/26", "--format", "json")
    assert code == 0 and json.loads(out)["period"] == "2025-26 Q1"
    code, _, err = run("scorecard", *files, "--period", "Q7 2025")
    assert code == 2 and err.startswith("Error: --period:")
    code, _, err = run("scorecard", *files, "--period", "2019-20 Q1")
    assert code == 2 and "periods present: 2025-26 Q1, 2025-26 Q2" in err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.xlsx", "not found"),
        (
            lambda d: write_file(d / "broken.xlsx", b"PK\x03\x04 not a zip"),
            "broken.xlsx",
        ),
        (lambda d: write_file(d / "notes.txt", b"hello"), "notes.txt"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(folder: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("scorecard", make(folder))
    assert code == 2 and out == ""
    assert err.startswith("Error: ") and message in err and "Traceback" not in err


def test_yaml_typo_exits_2_naming_line(folder: Path) -> None:
    pledge = folder / "pledge.yaml"
    pledge.write_text(pledge.read_text().replace("polarity: lower", "polarity: lowr", 1))
    code, out, err = run("scorecard", folder / "q2.xlsx")
    assert code == 2 and out == ""
    assert "pledge.yaml, line 9, column 62" in err and "(found 'lowr')" in err


def test_missing_definition_says_where_it_looked(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "q.xlsx", [HEADER])
    code, _, err = run("scorecard", tmp_path / "q.xlsx")
    assert code == 2 and "--pledge" in err


def test_version_and_help() -> None:
    from pledgekit import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"pledgekit {__version__}"
    result = runner.invoke(app, ["scorecard", "--help"])
    assert result.exit_code == 0 and "Example: pledgekit scorecard" in result.stdout


def test_trend_arrow_follows_the_value_not_the_verdict() -> None:
    """NEET (lower is better) fell from 38.2% to 36.5%: down arrow, judged Improved, everywhere."""
    sample = Path(__file__).resolve().parent.parent / "sample_data"
    files = [str(p) for p in sorted(sample.glob("*.xlsx"))]
    runner = CliRunner()
    md = runner.invoke(app, ["scorecard", *files, "-f", "md"]).stdout
    (neet,) = [line for line in md.splitlines() if line.startswith("| 2.8 |")]
    assert "38.2%" in neet and "36.5%" in neet and "↓ Improved" in neet and "↑" not in neet
    table = runner.invoke(app, ["scorecard", *files]).stdout
    assert any("↓ Improved" in line for line in table.splitlines() if "2.8" in line)
