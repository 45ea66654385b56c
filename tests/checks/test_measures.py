"""Checks on measures and targets: unknown, duplicate and missing measures, targets."""

from __future__ import annotations

from pledgekit.checks import run_checks
from pledgekit.config.pledge import Definition
from pledgekit.model.findings import Severity
from pledgekit.model.location import Location
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import parse_period
from pledgekit.model.values import Reading, ValueState

from .support import codes, complete, found, ob, reading


def test_complete_return_on_target_has_no_findings(definition: Definition) -> None:
    assert run_checks(definition, complete()) == []


def test_unknown_measure_once_per_sheet_with_a_suggestion(definition: Definition) -> None:
    findings = run_checks(definition, complete(ob("1.10", 5, row=9), ob("1.10", 6, row=10)))
    [item] = [f for f in findings if f.code == "unknown-measure"]
    assert item.location.a1 == "A9" and item.measure == "1.10"
    assert "(2 rows)" in item.message
    assert item.expected is not None and "1.1" in item.expected
    assert item.severity is Severity.ERROR


def test_duplicate_observation_points_at_the_second_row(definition: Definition) -> None:
    findings = run_checks(definition, complete(ob("2.1", 13, row=9)))
    assert found(findings, "duplicate-observation") == [("C9", "2.1")]
    assert "Indicators!C5" in findings[0].message


def test_duplicates_across_files_name_the_other_file(definition: Definition) -> None:
    # The same figure twice (different figures in two files are conflicting-figures, found
    # when the files are read).
    data = complete(ob("2.1", 12, row=4, file="other.xlsx"))
    [item] = [f for f in run_checks(definition, data) if f.code == "duplicate-observation"]
    assert item.location.file == "other.xlsx" and "q.xlsx Indicators!C5" in item.message


def test_the_same_measure_for_different_areas_is_no_duplicate(definition: Definition) -> None:
    data = Dataset.of(
        [ob("1.1", 90, area="A", row=2), ob("1.1", 91, area="B", row=3)],
        files=["q.xlsx"],
    )
    assert "duplicate-observation" not in codes(run_checks(definition, data))


def test_missing_measure_absent_row_and_blank_value(definition: Definition) -> None:
    data = complete(ob("2.2", None, row=6), skip=("2.2", "2.3"))
    findings = run_checks(definition, data)
    assert found(findings, "missing-measure") == [("C6", "2.2"), (None, "2.3")]
    absent = next(f for f in findings if f.measure == "2.3")
    assert absent.location == Location("q.xlsx", "Indicators")
    assert absent.severity is Severity.WARNING


def test_a_symbol_is_a_figure_not_a_missing_one(definition: Definition) -> None:
    data = complete(ob("2.3", Reading(ValueState.NOT_AVAILABLE, raw="x"), row=7), skip=("2.3",))
    findings = run_checks(definition, data)
    assert "missing-measure" not in codes(findings)
    assert found(findings, "not-available") == [("C7", "2.3")]


def test_target_missing_for_the_reporting_year(definition: Definition) -> None:
    later = [
        ob(o.measure, 1, period="2020-21 Q1", row=20 + i)
        for i, o in enumerate(complete().observations())
    ]
    findings = run_checks(definition, Dataset.of(later, files=["q.xlsx"]))
    # 2.2 has a target for 2019-20 only; 1.3 and 2.3 are not rated so need none.
    assert found(findings, "target-missing") == [("C24", "2.2")]


def test_target_column_in_the_workbook_counts_as_a_target(definition: Definition) -> None:
    row = Observation(
        measure="2.2",
        period=parse_period("2020-21 Q1"),
        location=Location("q.xlsx", "Indicators", 2, "C"),
        value=reading(100),
        target=120.0,
    )
    assert "target-missing" not in codes(
        run_checks(definition, Dataset.of([row], files=["q.xlsx"]))
    )
