"""Scorecard and validation JSON of a national-style workbook and of the sample data, pinned.

The golden files were written by the row-by-row reader before the columnar dataset (issue #9)
replaced it: reading faster must not change a single finding, figure or location. Refresh only
after an intended change in what is read (``PLEDGEKIT_UPDATE_GOLDEN=1``), and read the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pledgekit.api import load_scorecard, validate
from pledgekit.render.scorecard.flat import render_json
from tests import golden
from tests.national_fixture import write

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture
def national(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    write(tmp_path)
    return "national.xlsx", "pledge.yaml"


def test_national_scorecard_json_is_unchanged(national: tuple[str, str]) -> None:
    book, pledge = national
    card, blocking = load_scorecard([book], pledge=pledge)
    assert not blocking
    text = render_json(card)
    assert len(json.loads(text)["rows"]) == 16
    golden.assert_golden("national", "scorecard.json", text)


def test_national_validation_json_is_unchanged(national: tuple[str, str]) -> None:
    book, pledge = national
    report = validate([book], pledge=pledge, max_findings=10_000)
    text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    codes = {f["code"] for f in report.to_dict()["findings"]}
    # The fixture plants each of these; a reader that lost one would fail here before the diff.
    assert {
        "not-a-number",
        "bad-period",
        "duplicate-observation",
        "unknown-measure",
        "numerator-exceeds-denominator",
        "value-disagrees-with-ratio",
        "missing-id",
        "formula-without-value",
        "ambiguous-measure-id",
        "measure-id-from-number",
        "percent-out-of-range",
        "percent-scale-unclear",
    } <= codes
    golden.assert_golden("national", "validation.json", text)


def test_sample_data_json_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLE)
    books = sorted(p.name for p in SAMPLE.glob("*.xlsx"))
    card, _ = load_scorecard(books)
    golden.assert_golden("national", "sample_scorecard.json", render_json(card))
    report = validate(books)
    text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    golden.assert_golden("national", "sample_validation.json", text)


def test_rules_over_a_national_table_build_objects_for_few_rows(national: tuple[str, str]) -> None:
    """The checks, the percent-scale rule and the area split state their rules over the columns:
    observations are built for the rows they report and the home council's rows only, and
    the same objects are rebuilt for nobody (each row is built at most once)."""
    from pledgekit.checks import run_checks
    from pledgekit.config.pledge import load_definition
    from pledgekit.model.observations import Dataset
    from pledgekit.read.percent_scale import percent_scale_findings
    from pledgekit.read.workbooks import read_workbooks
    from pledgekit.score.scoring import build_scorecard

    book, pledge = national
    definition = load_definition(pledge)
    dataset = read_workbooks([Path(book)], definition=definition)
    table = dataset.table
    found = run_checks(definition, dataset)
    assert {f.code for f in found} >= {"value-disagrees-with-ratio", "duplicate-observation"}
    assert percent_scale_findings(table, definition)
    card = build_scorecard(definition, dataset)
    assert len(table) > 1000 and len(table._built) < len(table) / 4
    # The same rows given as observations (as a Python user builds a dataset) rate the same.
    again = Dataset.of(dataset.observations(), files=dataset.files, findings=dataset.findings)
    assert run_checks(definition, again) == found
    assert render_json(build_scorecard(definition, again)) == render_json(card)
