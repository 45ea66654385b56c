"""Checks on figures against their units, and the symbols and small numbers noted."""

from __future__ import annotations

import pytest

from pledgekit.checks import run_checks
from pledgekit.config.pledge import Definition
from pledgekit.model.findings import Severity
from pledgekit.model.observations import Observation
from pledgekit.model.values import Reading, ValueState
from pledgekit.read.percent_scale import percent_scale_findings

from .support import complete, found, ob


@pytest.mark.parametrize(
    ("row", "code", "cell"),
    [
        (ob("1.1", 120, row=9, period="2019-20 Q1"), "percent-out-of-range", "C9"),
        (ob("1.1", -1, row=9, period="2019-20 Q1"), "percent-out-of-range", "C9"),
        (ob("2.1", -2, row=9, period="2019-20 Q1"), "negative-count", "C9"),
        (
            ob("1.1", 50, numerator=-5, denominator=10, row=9, period="2019-20 Q1"),
            "negative-count",
            "D9",
        ),
        (ob("2.1", 2.5, row=9, period="2019-20 Q1"), "count-not-whole", "C9"),
        (
            ob("1.1", 50, numerator=5.5, denominator=11, row=9, period="2019-20 Q1"),
            "count-not-whole",
            "D9",
        ),
        (ob("2.2", -4, row=9, period="2019-20 Q1"), "value-out-of-range", "C9"),
        (ob("2.3", -1, row=9, period="2019-20 Q1"), "value-out-of-range", "C9"),
        (
            ob("1.1", 60, numerator=12, denominator=10, row=9, period="2019-20 Q1"),
            "numerator-exceeds-denominator",
            "D9",
        ),
        (
            ob("1.1", 50, numerator=5, denominator=0, row=9, period="2019-20 Q1"),
            "zero-denominator",
            "E9",
        ),
        (
            ob("1.1", 50, numerator=40, denominator=100, row=9, period="2019-20 Q1"),
            "value-disagrees-with-ratio",
            "C9",
        ),
        (
            ob(
                "2.1",
                Reading(ValueState.NUMBER, 12, raw="12%", percent=True),
                row=9,
                period="2019-20 Q1",
            ),
            "percent-sign-not-percentage",
            "C9",
        ),
        (
            ob("2.3", 70, numerator=143, denominator=20000, row=9, period="2019-20 Q1"),
            "value-disagrees-with-ratio",
            "C9",
        ),
    ],
)
def test_value_checks_find_the_planted_cell(
    definition: Definition, row: Observation, code: str, cell: str
) -> None:
    findings = run_checks(definition, complete(row))
    assert found(findings, code) == [(cell, row.measure)]


def test_a_percentage_written_as_its_proportion_is_reported_once(definition: Definition) -> None:
    """0.4 for 40 of 100: ingest's percent-scale rule names it; the ratio check stays quiet
    rather than report the same cell again (or call it a disagreement)."""
    row = ob("1.1", 0.4, numerator=40, denominator=100, row=9, period="2019-20 Q1")
    data = complete(row)
    assert [f for f in run_checks(definition, data) if f.location.a1 == "C9"] == []
    flagged = percent_scale_findings(data.table, definition)
    assert [(f.code, f.location.a1) for f in flagged] == [("percent-scale-unclear", "C9")]
    assert "numerator / denominator is 0.4" in flagged[0].message


def test_information_on_symbols_and_small_numbers(definition: Definition) -> None:
    data = complete(
        # A count under 5 must miss the target of 10, so 2.1 is rated red (shown as c) and
        # carries commentary like any red.
        ob("2.1", Reading(ValueState.SUPPRESSED, raw="c"), row=5, commentary="Small cohort."),
        ob(
            "1.2",
            Reading(ValueState.NUMBER, 8, raw="8u", unreliable=True),
            numerator=4,
            denominator=50,
            row=3,
        ),
        skip=("2.1", "1.2"),
    )
    findings = run_checks(definition, data)
    assert found(findings, "suppressed-at-source") == [("C5", "2.1")]
    assert found(findings, "low-reliability") == [("C3", "1.2")]
    assert found(findings, "will-be-suppressed") == [("D3", "1.2")]
    assert {f.severity for f in findings} == {Severity.INFO}
