"""``pledgekit template``: the collection workbook, its protections, and the round trip through
ingest and validate once a data owner has filled it in."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.config.pledge import load_definition
from pledgekit.model.periods import Period
from pledgekit.read.workbooks import read_workbooks
from pledgekit.render.workbook.collection import (
    COLUMNS,
    NEEDED,
    build_collection,
    needed_formula,
    row_period,
)

from .validate_fixtures import PLEDGE, write_pledge

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
INGEST_HEADERS = {"Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_pledge(tmp_path)
    return tmp_path


def make(*args: str) -> Any:
    return runner.invoke(app, ["collection-workbook", *args])


def headers(sheet: Any) -> dict[str, str]:
    """Header text -> column letter."""
    return {cell.value: cell.column_letter for cell in sheet[1]}


def fill(path: Path, figures: dict[str, tuple[object, object, object, str | None]]) -> None:
    """Type figures into the input cells as a data owner would (value, num, den, commentary)."""
    book = load_workbook(path)
    sheet = book["Indicators"]
    cols = headers(sheet)
    for row in range(2, sheet.max_row + 1):
        measure = sheet[f"{cols['Measure']}{row}"].value
        if measure in figures:
            for name, value in zip(
                ("Value", "Numerator", "Denominator", "Commentary"), figures[measure], strict=True
            ):
                sheet[f"{cols[name]}{row}"] = value
    book.save(path)


def validate_json(*files: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["validate", *files, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_the_workbook_has_one_locked_row_per_measure(here: Path) -> None:
    result = make("--period", "2019-20 Q2", "-o", "collection.xlsx")
    assert result.exit_code == 0, result.output
    assert "6 measures for 2019-20 Q2" in result.stdout
    book = load_workbook(here / "collection.xlsx")
    assert book.sheetnames == ["Indicators", "Instructions"]
    sheet = book["Indicators"]
    cols = headers(sheet)
    assert list(cols) == [c.header for c in COLUMNS]
    assert set(cols) >= INGEST_HEADERS
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert {r[3] for r in rows} == {"2019-20 Q2"}
    first = dict(zip(cols, rows[0], strict=True))
    assert first["Title"] == "Health assessments" and first["Unit"] == "percent (0 to 100)"
    assert first["Better is"] == "higher" and first["Pledge target"] == "≥ 90.0%"
    assert first["Owner"] == "Designated Nurse"
    assert dict(zip(cols, rows[2], strict=True))["Better is"] == "not rated"
    # Locked sheet without a password; only the input cells are unlocked.
    assert sheet.protection.sheet and not sheet.protection.password
    for header, letter in cols.items():
        locked = sheet[f"{letter}2"].protection.locked
        assert locked is (header not in {"Value", "Numerator", "Denominator", "Commentary"}), header
    assert sheet.freeze_panes == "D2" and sheet.auto_filter.ref == "A1:M7"
    assert sheet.column_dimensions["C"].width == 50


def test_data_validation_fits_each_unit(here: Path) -> None:
    make("--period", "2019-20 Q2", "-o", "c.xlsx")
    sheet = load_workbook(here / "c.xlsx")["Indicators"]
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    percent, count = rules["I2"], rules["I4"]
    assert percent.type == "custom" and "I2<=100" in percent.formula1
    assert (
        'I2="c"' in percent.formula1
        and 'I2="x"' in percent.formula1
        and 'I2="z"' in percent.formula1
    )
    assert "I4=INT(I4)" in count.formula1 and "I4>=0" in count.formula1
    whole = next(dv for dv in rules.values() if dv.type == "whole")
    assert whole.operator == "greaterThanOrEqual" and "J2:K2" in str(whole.sqref)
    assert len(sheet.conditional_formatting) >= 1


def test_commentary_needed_formula_follows_the_rag_rule(tmp_path: Path) -> None:
    definition = load_definition(write_pledge(tmp_path))
    period = Period(2019, 2)
    health = definition.measure("1.1")
    missing = definition.measure("1.2")
    assert health is not None and missing is not None
    assert needed_formula(definition, health, period, 2) == (
        f'=IF(AND(ISNUMBER(I2),LEN(TRIM(L2))=0),IF((I2-90)<(-5.000000001),"{NEEDED}",'
        'IF((I2-90)<=(-0.000000001),"Commentary advised","")),"")'
    )
    assert "IF((10-I3)<(-2.000000001)," in needed_formula(definition, missing, period, 3)
    not_rated = definition.measure("1.3")
    assert not_rated is not None and needed_formula(definition, not_rated, period, 4) == ""


def test_instructions_name_symbols_and_owners(here: Path) -> None:
    make("--period", "2019-20 Q2", "-o", "c.xlsx")
    text = "\n".join(
        str(row[0])
        for row in load_workbook(here / "c.xlsx")["Instructions"].iter_rows(values_only=True)
        if row[0]
    )
    assert "Reporting period: 2019-20 Q2" in text
    for symbol in ("c  -  suppressed", "x  -  not available", "z  -  not applicable"):
        assert symbol in text
    assert "Designated Nurse: measures 1.1" in text and "Head of Adoption: measures 2.2" in text
    assert "pledgekit validate" in text


def test_filled_in_workbook_reads_back_and_validates_clean(here: Path) -> None:
    make("--period", "2019-20 Q2", "-o", "collection.xlsx")
    fill(
        here / "collection.xlsx",
        {
            "1.1": (70, 70, 100, "Backlog after a staffing gap; recovery plan agreed."),  # red
            "1.2": (8, 8, 100, None),
            "1.3": (300, None, None, None),
            "2.1": (12, None, None, None),
            "2.2": ("x", None, None, None),
            "2.3": (71.5, 143, 20000, None),
        },
    )
    definition = load_definition(here / "pledge.yaml")
    data = read_workbooks([Path("collection.xlsx")], definition=definition)
    assert data.findings == []
    assert [o.measure for o in data.observations()] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    # "Pledge target" is shown, never read as a per-period Target override.
    assert all(o.target is None for o in data.observations())
    assert data.observations()[0].commentary.startswith("Backlog")  # type: ignore[union-attr]
    code, report = validate_json("collection.xlsx")
    assert code == 0, report["findings"]
    assert {f["code"] for f in report["findings"]} <= {"not-available"}


def test_a_red_left_without_commentary_fails_validation(here: Path) -> None:
    make("--period", "2019-20 Q2", "-o", "collection.xlsx")
    fill(here / "collection.xlsx", {"1.1": (70, 70, 100, None)})
    code, report = validate_json("collection.xlsx")
    assert code == 1
    found = {(f["code"], f["location"]["cell"]) for f in report["findings"]}
    assert ("missing-commentary-for-red", "L2") in found
    assert ("missing-measure", "I3") in found  # left blank


def test_annual_measures_ask_for_the_last_complete_year(here: Path) -> None:
    write_pledge(
        here, PLEDGE.replace("target: 200, owner", "target: 200, frequency: annual, owner")
    )
    make("--period", "2019-20 Q2", "-o", "c.xlsx")
    sheet = load_workbook(here / "c.xlsx")["Indicators"]
    assert sheet["D6"].value == "2018-19"
    definition = load_definition(here / "pledge.yaml")
    measure = definition.measure("2.2")
    assert measure is not None and row_period(measure, Period(2019)) == Period(2019)


def test_sample_definition_builds(tmp_path: Path) -> None:
    definition = load_definition(ROOT / "sample_data" / "pledge.yaml")
    data = build_collection(definition, Period(2026, 3))
    assert data == build_collection(definition, Period(2026, 3))  # byte-stable
    sheet = load_workbook(io.BytesIO(data))["Indicators"]
    assert sheet.max_row == len(definition.measure_ids()) + 1


def test_usage_errors(here: Path) -> None:
    assert make("--period", "2019-20 Q9", "-o", "c.xlsx").exit_code == 2
    bad = make("--period", "2019-20 Q2", "-o", "c.csv")
    assert bad.exit_code == 2 and "xlsx" in bad.stderr
    assert make("--period", "2019-20 Q2", "-o", "c.xlsx").exit_code == 0
    again = make("--period", "2019-20 Q2", "-o", "c.xlsx")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert make("--period", "2019-20 Q2", "-o", "c.xlsx", "--force").exit_code == 0
    assert make("-o", "d.xlsx").exit_code == 2  # --period is required
