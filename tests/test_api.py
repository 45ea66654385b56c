"""The API module: what the commands call, DataFrames for analysts, one read path for all."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import pledgekit
from pledgekit import api
from pledgekit.checks.result import FRAME_COLUMNS as FINDING_COLUMNS
from pledgekit.model.status import Status
from pledgekit.score.scorecard import FRAME_COLUMNS as SCORECARD_COLUMNS

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
FILES = sorted(SAMPLE.glob("*.xlsx"))


def test_package_exports_the_api() -> None:
    assert pledgekit.load_scorecard is api.load_scorecard
    assert pledgekit.load_report is api.load_report
    assert pledgekit.validate is api.validate


def test_scorecard_frame_has_a_row_per_measure_with_numbers_as_numbers() -> None:
    card, blocking = api.load_scorecard(FILES)
    assert blocking == []
    frame = card.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(SCORECARD_COLUMNS)
    assert len(frame) == len(card.rows)
    by_id = frame.set_index("measure")
    for row in card.rows:
        got = by_id.loc[row.measure.id]
        assert got["status"] == row.status.value and got["display"] == row.display
        if row.value.is_number:
            assert got["value"] == pytest.approx(row.value.number)
        else:  # suppressed and missing figures never leak as numbers
            assert got["value"] is None or math.isnan(got["value"])
    assert (frame["status"] == "red").sum() == card.summary.statuses[Status.RED]


def test_validation_frame_lists_every_finding_shown() -> None:
    report = api.validate(FILES)
    frame = report.to_frame()
    assert list(frame.columns) == list(FINDING_COLUMNS)
    assert len(frame) == len(report.findings)
    assert set(frame["code"]) == {f.code for f in report.findings}
    red = frame[frame["code"] == "missing-commentary-for-red"]
    assert len(red) == 1 and red["cell"].iloc[0]


def test_validate_and_scorecard_read_the_same_data() -> None:
    """One read path: validate sees exactly the findings the scorecard met while reading."""
    card, _ = api.load_scorecard(FILES)
    inputs = api.read_inputs(FILES, pledgekit.load_definition(SAMPLE / "pledge.yaml"))
    assert [f.to_dict() for f in inputs.dataset.findings] == [f.to_dict() for f in card.findings]


def test_read_inputs_keeps_going_past_an_unreadable_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    definition = pledgekit.load_definition(SAMPLE / "pledge.yaml")
    inputs = api.read_inputs([broken, FILES[-1]], definition, keep_going=True)
    assert inputs.unreadable == [str(broken)]
    assert inputs.dataset.observations()
    assert inputs.dataset.findings[0].code == "unreadable-file"
