"""Odd text in workbooks (issue 13, items 7, 8, 9, 11, 12): read, reported, never a crash."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.errors import InputError
from pledgekit.read.workbooks import read_workbook

from .factories import DEFINITION
from .workbooks import patch_sheet_xml, write_xlsx

runner = CliRunner()
HEADER = ["Measure", "Period", "Value", "Commentary"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def codes(path: Path) -> list[str]:
    return [f.code for f in read_workbook(path).findings]


# --- item 7: control characters ---------------------------------------------------------------


def test_item7_control_characters_are_cleaned_in_every_export(here: Path) -> None:
    path = write_xlsx(
        here / "q.xlsx",
        [
            HEADER,
            ["1.1", "2025-26 Q1", 92, "ImprovedVTsee the planBEL"],
            ["1.2VT", "2025-26 Q1", "8ESC[31m", "Better."],
        ],
    )
    # As Excel stores them: openpyxl refuses to write control characters at all.
    patch_sheet_xml(path, {"VT": "_x000B_", "BEL": "_x0007_", "ESC": "_x001B_"})
    data = read_workbook(here / "q.xlsx")
    assert data.observations()[0].commentary == "Improved\nsee the plan"
    assert {f.code for f in data.findings} >= {"control-characters"}
    code, _, err = run("scorecard", "q.xlsx", "-f", "xlsx", "-o", "card.xlsx")
    assert code in (0, 1) and "Traceback" not in err
    cells = [c.value for row in load_workbook(here / "card.xlsx").active.iter_rows() for c in row]
    assert "Improved\nsee the plan" in cells
    assert not any(isinstance(c, str) and ("\x0b" in c or "\x1b" in c) for c in cells)
    assert run("validate", "q.xlsx", "-f", "xlsx", "-o", "findings.xlsx")[0] == 1
    load_workbook(here / "findings.xlsx")
    assert run("validate", "q.xlsx", "-f", "junit", "-o", "findings.xml")[0] == 1
    root = ElementTree.parse(here / "findings.xml").getroot()
    assert "control-characters" in {case.get("name") for case in root.iter("testcase")}
    _, text, _ = run("validate", "q.xlsx")
    assert "\x1b" not in text and "\x0b" not in text


# --- item 8: footnote marks -------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["¹", "²", "*", "†", " ‡"])
def test_item8_a_footnote_mark_on_an_id_is_read_off_and_reported(here: Path, mark: str) -> None:
    write_xlsx(
        here / "q.xlsx", [HEADER, [f"1.1{mark}", "2025-26 Q1", 92], ["1.2", "2025-26 Q1", 8]]
    )
    data = read_workbook(here / "q.xlsx")
    assert [o.measure for o in data.observations()] == ["1.1", "1.2"]
    (note,) = [f for f in data.findings if f.code == "footnote-mark"]
    assert note.location.a1 == "A2" and note.measure == "1.1"
    code, out, _ = run("validate", "q.xlsx", "-f", "json")
    assert code == 0 and "footnote-mark" in out  # a warning


def test_item8_sorting_survives_superscripts_anywhere(here: Path) -> None:
    text = DEFINITION.replace('id: "1.3"', 'id: "1.3²"')
    (here / "pledge.yaml").write_text(text, encoding="utf-8")
    write_xlsx(here / "q.xlsx", [HEADER, ["1.3²", "2025-26 Q1", 4], ["9¹x", "2025-26 Q1", 1]])
    code, out, err = run("validate", "q.xlsx")
    assert code == 1 and "Traceback" not in err and "unknown-measure" in out


# --- item 9: numbers beyond float range -------------------------------------------------------


def test_item9_a_400_digit_number_is_refused_not_rated_inf(here: Path) -> None:
    huge = "9" * 400
    (here / "q.csv").write_text(f"Measure,Period,Value\n1.1,2025-26 Q1,{huge}\n", encoding="utf-8")
    code, out, err = run("scorecard", "q.csv", "-f", "json")
    assert code == 1 and "too large" in err
    row = next(r for r in json.loads(out)["rows"] if r["measure"] == "1.1")
    assert row["status"] == "no_data" and "inf" not in json.dumps(row)
    code, out, _ = run("validate", "q.csv", "-f", "json")
    assert code == 1 and "too large to be a figure" in out


# --- item 11: encodings, stray quotes, long cells ---------------------------------------------

ROWS = "Measure,Period,Value,Commentary\n1.1,2025-26 Q1,92,Spend £1,200 – up\n"


def test_item11_windows_1252_is_read_and_reported(here: Path) -> None:
    (here / "q.csv").write_bytes(ROWS.replace("£1,200", "£1200").encode("cp1252"))
    data = read_workbook(here / "q.csv")
    assert data.observations()[0].commentary == "Spend £1200 – up"
    assert [f.code for f in data.findings] == ["text-encoding"]
    assert "Windows-1252" in data.findings[0].message


@pytest.mark.parametrize("bom", ["utf-16-le", "utf-16-be"])
def test_item11_utf16_with_a_bom_is_read(here: Path, bom: str) -> None:
    mark = codecs.BOM_UTF16_LE if bom.endswith("le") else codecs.BOM_UTF16_BE
    text = ROWS.replace("£1,200", "£1200").replace(",", "\t")
    (here / "q.csv").write_bytes(mark + text.encode(bom))
    data = read_workbook(here / "q.csv")
    assert data.observations()[0].commentary == "Spend £1200 – up"
    assert [f.code for f in data.findings] == ["text-encoding"]


def test_item11_utf8_with_and_without_bom_is_silent(here: Path) -> None:
    text = ROWS.replace("£1,200", "£1200")
    for data in (text.encode(), codecs.BOM_UTF8 + text.encode()):
        (here / "q.csv").write_bytes(data)
        assert codes(here / "q.csv") == []


def test_item11_mixed_encodings_are_reported_with_the_line(here: Path) -> None:
    data = (
        b"Measure,Period,Value,Commentary\n1.1,2025-26 Q1,92,Spend \xc2\xa3100\n"
        b"1.2,2025-26 Q1,8,Spend \xa3200\n"
    )
    (here / "q.csv").write_bytes(data)
    read = read_workbook(here / "q.csv")
    (mixed,) = [f for f in read.findings if f.code == "mixed-encoding"]
    assert mixed.location.row == 3
    assert [o.commentary for o in read.observations()] == ["Spend £100", "Spend £200"]


def test_item11_a_stray_quote_is_reported_with_its_row(here: Path) -> None:
    (here / "q.csv").write_text(
        "Measure,Period,Value,Commentary\n"
        '1.1,2025-26 Q1,92,"Fell because\n'
        "1.2,2025-26 Q1,8,fine\n"
        "2.1,2025-26 Q1,3,ok\n",
        encoding="utf-8",
    )
    read = read_workbook(here / "q.csv")
    (stray,) = [f for f in read.findings if f.code == "stray-quote"]
    assert stray.location.row == 2 and "runs over 3 lines" in stray.message
    code, out, _ = run("validate", "q.csv", "-f", "json")
    assert code == 1 and '"stray-quote"' in out


def test_item11_a_multiline_comment_is_not_a_stray_quote(here: Path) -> None:
    (here / "q.csv").write_text(
        'Measure,Period,Value,Commentary\n1.1,2025-26 Q1,92,"First line\nsecond, line"\n',
        encoding="utf-8",
    )
    assert codes(here / "q.csv") == []


def test_item11_a_huge_cell_names_its_line(here: Path) -> None:
    (here / "q.csv").write_text(
        "Measure,Period,Value,Commentary\n1.1,2025-26 Q1,92,ok\n"
        f'1.2,2025-26 Q1,8,"{"x" * 10_000_000}"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"q.csv, line 3: .*longer than"):
        read_workbook(here / "q.csv")
    code, _, err = run("scorecard", "q.csv")
    assert code == 2 and err.count("\n") == 1 and "line 3" in err


# --- item 12: hidden sheets -------------------------------------------------------------------


def _hide(path: Path, sheet: str, state: str) -> None:
    book = load_workbook(path)
    book[sheet].sheet_state = state
    book.save(path)


def test_item12_a_visible_sheet_is_preferred_to_a_very_hidden_indicators(here: Path) -> None:
    stale = [HEADER, ["1.1", "2025-26 Q1", 10]]
    fresh = [HEADER, ["1.1", "2025-26 Q1", 92]]
    path = write_xlsx(here / "q.xlsx", stale, sheet="Indicators", sheets={"Q1 return": fresh})
    _hide(path, "Indicators", "veryHidden")
    data = read_workbook(path)
    assert [o.value.number for o in data.observations()] == [92]
    assert not [f for f in data.findings if f.code == "hidden-sheet"]


def test_item12_reading_a_hidden_sheet_is_a_warning(here: Path) -> None:
    path = write_xlsx(
        here / "q.xlsx", [HEADER, ["1.1", "2025-26 Q1", 10]], sheets={"Commitments": [["x"]]}
    )
    _hide(path, "Indicators", "hidden")
    data = read_workbook(path)
    assert [o.value.number for o in data.observations()] == [10]
    (hidden,) = [f for f in data.findings if f.code == "hidden-sheet"]
    assert hidden.location.sheet == "Indicators" and hidden.severity.value == "warning"


def test_item11_utf16_without_its_mark_is_named(here: Path) -> None:
    (here / "q.csv").write_bytes(ROWS.replace(",", "\t").encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 text without the mark"):
        read_workbook(here / "q.csv")
