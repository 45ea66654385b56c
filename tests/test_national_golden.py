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


def test_columns_and_observation_lists_give_the_same_results(national: tuple[str, str]) -> None:
    """The row checks, percent-scale rule and area split pick rows from the columns; the same
    code over plain observation lists (as Python users and older callers build datasets) must
    find exactly the same."""
    from pledgekit.checks import run_checks
    from pledgekit.config.pledge import load_definition
    from pledgekit.read.percent_scale import dataset_percent_findings, percent_scale_findings
    from pledgekit.read.workbooks import read_workbooks
    from pledgekit.score.scoring import build_scorecard

    book, pledge = national
    definition = load_definition(pledge)
    columnar = read_workbooks([Path(book)], definition=definition)
    listed = read_workbooks([Path(book)], definition=definition)
    assert columnar.columnar() and listed.columnar()
    assert len(listed.observations) == len(columnar) > 1000  # built: now a plain list
    assert listed.columnar() is None and columnar.columnar() is not None

    found = run_checks(definition, columnar)
    assert found == run_checks(definition, listed)
    assert {f.code for f in found} >= {"value-disagrees-with-ratio", "duplicate-observation"}
    scale = dataset_percent_findings(columnar, definition)
    assert scale and scale == percent_scale_findings(listed.observations, definition)
    assert render_json(build_scorecard(definition, columnar)) == render_json(
        build_scorecard(definition, listed)
    )
    assert columnar.columnar() is not None  # nothing above needed every row as an object
