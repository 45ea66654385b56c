"""Numbers beyond what pledgekit can compute with are located findings, never inf (#19 item 7).

Also booleans where numbers are expected (#19 item 13: ``target: true`` is not 1.0).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.values import LARGEST_FIGURE, ValueState
from pledgekit.read.cells import parse_value

from .workbooks import write_csv, write_xlsx

runner = CliRunner()
BIG = "1" + "0" * 400
NINES = "9" * 400
PLEDGE = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {{id: "1.1", title: Health, unit: percent, polarity: higher, target: 90}}
      - {{id: "1.2", title: Count, unit: count, polarity: higher, {setting}}}
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "q.csv", [["Measure", "Period", "Value"], ["1.2", "2025-26 Q2", 12]])
    return tmp_path


@pytest.mark.parametrize(
    "setting",
    [
        f"target: 10, tolerance: {BIG}",
        f'target: 10, tolerance: "{NINES}%"',
        'target: 10, tolerance: "1e400%"',
        f"target: {BIG}",
        "target: 1e16",
        "target: -1.7E+308",
        f"target: [1, {BIG}]",
        f'target: {{"2025-26": {BIG}}}',
        "target: 10, comparators: {england: 1.7E+308}",
        "target: 10, stable_within: 1e300",
        "target: true",
        "target: false",
        "target: [true, 5]",
        'target: {"2025-26": true}',
        "target: 10, tolerance: true",
        "target: 10, comparators: {england: true}",
    ],
)
def test_a_number_no_float_holds_or_a_boolean_is_a_located_definition_error(
    here: Path, setting: str
) -> None:
    (here / "pledge.yaml").write_text(PLEDGE.format(setting=setting), encoding="utf-8")
    # scorecard stops (exit 2); validate lists it with the rest of its findings (exit 1).
    for command, code in (("scorecard", 2), ("validate", 1)):
        result = runner.invoke(app, [command, "q.csv", "--format", "json"])
        assert result.exit_code == code, (command, result.stdout, result.stderr)
        assert not isinstance(result.exception, (OverflowError, ValueError)), result.exception
        assert "pledge.yaml, line 7" in result.stderr or '"line": 7' in result.stdout
        assert "Traceback" not in result.stderr
        assert BIG not in result.stderr + result.stdout  # long input is cut in the message


@pytest.mark.parametrize("value", ["1e309", "1.7E+308%", "-1e400", BIG, f"{NINES}%", "1e16"])
def test_a_figure_no_float_holds_is_a_finding_and_never_infinity(here: Path, value: str) -> None:
    (here / "pledge.yaml").write_text(
        PLEDGE.format(setting="target: 10, tolerance: 1"), encoding="utf-8"
    )
    write_csv(here / "q.csv", [["Measure", "Period", "Value"], ["1.1", "2025-26 Q2", value]])
    result = runner.invoke(app, ["validate", "q.csv", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert any(f["location"]["cell"] == "C2" for f in findings)
    result = runner.invoke(app, ["scorecard", "q.csv", "--format", "json"])
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    card = json.loads(result.stdout)
    assert all(r["status"] != "green" for r in card["rows"] if r["measure"] == "1.1")


def test_a_percent_formatted_cell_at_the_float_limit(here: Path) -> None:
    (here / "pledge.yaml").write_text(PLEDGE.format(setting="target: 10"), encoding="utf-8")
    rows = [["Measure", "Period", "Value"], ["1.1", "2025-26 Q2", 1.7e308]]
    write_xlsx(here / "q.xlsx", rows, formats={"C2": "0%"})
    result = runner.invoke(app, ["validate", "q.xlsx", "--format", "json"])
    assert result.exit_code == 1 and not isinstance(result.exception, OverflowError)
    result = runner.invoke(app, ["scorecard", "q.xlsx", "--format", "json"])
    assert result.exit_code in (0, 1) and "Infinity" not in result.stdout


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(10**500), max_value=10**500),
    ),
    st.booleans(),
)
def test_any_number_read_is_finite_and_within_bounds(raw: float | int, percent: bool) -> None:
    reading = parse_value(raw, percent_format=percent)
    if reading.state is ValueState.NUMBER:
        assert reading.number is not None and math.isfinite(reading.number)
        assert abs(reading.number) <= LARGEST_FIGURE
    else:
        assert reading.state is ValueState.INVALID and len(reading.raw or "") <= 80
    text = parse_value(repr(raw) + ("%" if percent else ""))
    assert text.number is None or (math.isfinite(text.number) and abs(text.number) <= 1e15)
