"""Each validation check, on datasets built in memory: the exact codes and cells it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgekit.checks import CHECKS, build_context, run_checks
from pledgekit.checks.base import reporting_period
from pledgekit.checks.ratios import rounding_allowance
from pledgekit.config.pledge import Definition, load_definition
from pledgekit.model.codes import CATALOGUE
from pledgekit.model.findings import Finding, Severity
from pledgekit.model.location import Location
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period, parse_period
from pledgekit.model.values import Reading, ValueState

PLEDGE = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {id: "1.1", title: Health assessments, unit: percent, polarity: higher, target: 90, tolerance: 5}
      - {id: "1.2", title: Missing from care, unit: percent, polarity: lower, target: 10, tolerance: 2}
      - {id: "1.3", title: Children in care, unit: count, polarity: none, suppress_small: false}
  - id: "2"
    title: Education
    measures:
      - {id: "2.1", title: Care leavers in higher education, unit: count, polarity: higher, target: 10}
      - {id: "2.2", title: Days to adoption, unit: days, polarity: lower, target: {"2019-20": 200}}
      - {id: "2.3", title: Children in care per 10000, unit: rate, polarity: none}
"""
PERIOD = "2019-20 Q2"
COLUMNS = {"measure": "A", "period": "B", "value": "C", "numerator": "D", "denominator": "E"}


@pytest.fixture
def definition(tmp_path: Path) -> Definition:
    path = tmp_path / "pledge.yaml"
    path.write_text(PLEDGE, encoding="utf-8")
    return load_definition(path)


def reading(value: float | str | Reading | None) -> Reading:
    if isinstance(value, Reading):
        return value
    if value is None:
        return Reading(ValueState.MISSING)
    if isinstance(value, str):
        return Reading(ValueState.INVALID, raw=value)
    return Reading(ValueState.NUMBER, float(value))


def ob(
    measure: str,
    value: float | str | Reading | None = None,
    *,
    period: str = PERIOD,
    row: int = 2,
    numerator: float | None = None,
    denominator: float | None = None,
    commentary: str | None = None,
    area: str | None = None,
    file: str = "q.xlsx",
    sheet: str = "Indicators",
) -> Observation:
    """An observation as ingest makes one, every field's cell on ``row``."""
    cells = {name: f"{col}{row}" for name, col in COLUMNS.items()}
    cells["commentary"] = f"F{row}"
    cells["area"] = f"G{row}"
    return Observation(
        measure=measure,
        period=parse_period(period),
        location=Location(file, sheet, row, "C"),
        value=reading(value),
        numerator=reading(numerator),
        denominator=reading(denominator),
        commentary=commentary,
        area=area,
        cells=cells,
    )


def complete(*extra: Observation, skip: tuple[str, ...] = ()) -> Dataset:
    """Every measure on target for the period (rows 2-7), plus ``extra`` rows."""
    rows = [
        ob("1.1", 92, numerator=92, denominator=100, row=2),
        ob("1.2", 8, numerator=8, denominator=100, row=3),
        ob("1.3", 300, row=4),
        ob("2.1", 12, row=5),
        ob("2.2", 180, row=6),
        ob("2.3", 71.5, numerator=143, denominator=20000, row=7),
    ]
    kept = [o for o in rows if o.measure not in skip]
    return Dataset(observations=[*kept, *extra], files=["q.xlsx"])


def found(findings: list[Finding], code: str) -> list[tuple[str | None, str | None]]:
    """(cell, measure) of each finding with ``code``."""
    return [(f.location.a1, f.measure) for f in findings if f.code == code]


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


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
    data = complete(ob("2.1", 13, row=4, file="other.xlsx"))
    [item] = [f for f in run_checks(definition, data) if f.code == "duplicate-observation"]
    assert item.location.file == "other.xlsx" and "q.xlsx Indicators!C5" in item.message


def test_the_same_measure_for_different_areas_is_no_duplicate(definition: Definition) -> None:
    data = Dataset(
        observations=[ob("1.1", 90, area="A", row=2), ob("1.1", 91, area="B", row=3)],
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
        for i, o in enumerate(complete().observations)
    ]
    findings = run_checks(definition, Dataset(observations=later, files=["q.xlsx"]))
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
    assert "target-missing" not in codes(run_checks(definition, Dataset([row], files=["q.xlsx"])))


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
            ob("1.1", 0.4, numerator=40, denominator=100, row=9, period="2019-20 Q1"),
            "percent-scale-unclear",
            "C9",
        ),
        (
            ob(
                "2.1",
                Reading(ValueState.NUMBER, 12, raw="12%", percent=True),
                row=9,
                period="2019-20 Q1",
            ),
            "percent-scale-unclear",
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


@pytest.mark.parametrize(
    ("value", "numerator", "denominator"),
    [
        (36, 359, 1000),  # 35.9 written as a whole number
        (36.4, 40, 110),  # 36.36... to one decimal
        (36.36, 40, 110),
        (0, 0, 0),  # nobody in the cohort: nothing wrong
        (100, 50, 50),
    ],
)
def test_rounded_values_agree_with_their_ratio(
    definition: Definition, value: float, numerator: float, denominator: float
) -> None:
    row = ob("1.1", value, numerator=numerator, denominator=denominator, row=9, period="2019-20 Q1")
    assert run_checks(definition, complete(row)) == []


def test_rounding_allowance_is_half_the_last_place() -> None:
    assert rounding_allowance(36) == pytest.approx(0.5)
    assert rounding_allowance(36.4) == pytest.approx(0.05)
    assert rounding_allowance(36.36) == pytest.approx(0.005)


def test_rates_may_be_per_any_power_of_ten(definition: Definition) -> None:
    per_thousand = ob("2.3", 7.15, numerator=143, denominator=20000, row=9, period="2019-20 Q1")
    assert run_checks(definition, complete(per_thousand)) == []


def test_red_without_commentary_is_an_error_at_the_commentary_cell(
    definition: Definition,
) -> None:
    data = complete(ob("1.1", 70, numerator=70, denominator=100, row=2), skip=("1.1",))
    findings = run_checks(definition, data)
    assert found(findings, "missing-commentary-for-red") == [("F2", "1.1")]
    assert "70.0% misses a target of 90.0% or more" in findings[0].message
    assert findings[0].severity is Severity.ERROR


def test_red_with_commentary_amber_and_history_need_none(definition: Definition) -> None:
    data = complete(
        ob("1.1", 70, numerator=70, denominator=100, row=2, commentary="Recovery plan agreed."),
        ob("1.2", 11, numerator=11, denominator=100, row=3),  # amber: within tolerance 2
        ob("2.1", 1, row=8, period="2019-20 Q1"),  # red, but last quarter's
        skip=("1.1", "1.2"),
    )
    assert "missing-commentary-for-red" not in codes(run_checks(definition, data))


def test_a_mistyped_future_period_is_flagged_and_does_not_move_the_quarter(
    definition: Definition,
) -> None:
    data = complete(ob("2.1", 12, row=9, period="2029-30 Q2"))
    findings = run_checks(definition, data)
    assert found(findings, "period-in-future") == [("B9", "2.1")]
    assert "missing-measure" not in codes(findings)
    context = build_context(definition, data)
    assert context.period == Period(2019, 2)


def test_reporting_period_is_the_latest_most_measures_report() -> None:
    rows = [ob(m, 1, period="2019-20 Q1") for m in ("a", "b", "c", "d")]
    rows += [ob(m, 1, period="2019-20 Q2") for m in ("a", "b")]
    rows += [ob("a", 1, period="2019-20 Q3")]
    assert reporting_period(None, rows) == Period(2019, 2)
    assert reporting_period(None, []) is None


def test_annual_figures_in_a_quarterly_return_are_not_in_the_future(
    definition: Definition,
) -> None:
    data = complete(ob("1.3", 300, row=9, period="2019-20"))
    assert "period-in-future" not in codes(run_checks(definition, data))


def test_areas_blank_and_respelled(definition: Definition) -> None:
    data = Dataset(
        observations=[
            ob("1.1", 92, area="Northbridge", row=2),
            ob("1.2", 8, area="northbridge ", row=3),
            ob("2.1", 12, row=4),
        ],
        files=["q.xlsx"],
    )
    findings = run_checks(definition, data)
    assert sorted(found(findings, "inconsistent-area")) == [("G3", "1.2"), ("G4", "2.1")]


def test_several_areas_need_the_home_area(definition: Definition, tmp_path: Path) -> None:
    data = Dataset(
        observations=[ob("1.1", 92, area="E1", row=2), ob("1.1", 80, area="E2", row=3)],
        files=["q.xlsx"],
    )
    findings = run_checks(definition, data)
    assert found(findings, "home-area-missing") == [(None, None)]
    assert "set 'area:'" in findings[0].message
    named = definition.model_copy(update={"area": "E3"})
    [item] = [f for f in run_checks(named, data) if f.code == "home-area-missing"]
    assert "no rows for area 'E3'" in item.message


def test_home_area_rows_are_checked_against_the_definition(definition: Definition) -> None:
    home = definition.model_copy(update={"area": "E1"})
    data = Dataset(
        observations=[
            *(
                ob(
                    o.measure,
                    o.value,
                    numerator=o.numerator.number,
                    denominator=o.denominator.number,
                    area="E1",
                    row=i + 2,
                )
                for i, o in enumerate(complete().observations)
            ),
            ob("1.1", 50, area="E2", row=20),  # a neighbour's figure: no commentary asked of it
        ],
        files=["q.xlsx"],
    )
    assert run_checks(home, data) == []


def test_empty_workbook(definition: Definition) -> None:
    data = complete()
    data.files.append("blank.xlsx")
    findings = run_checks(definition, data)
    assert [(f.code, f.location.file) for f in findings] == [("empty-workbook", "blank.xlsx")]


def test_information_on_symbols_and_small_numbers(definition: Definition) -> None:
    data = complete(
        ob("2.1", Reading(ValueState.SUPPRESSED, raw="c"), row=5),
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


def test_personal_data_in_commentary(definition: Definition) -> None:
    data = complete(
        ob("1.1", 70, numerator=70, denominator=100, row=2, commentary="Jamie Smith (14) moved."),
        skip=("1.1",),
    )
    findings = run_checks(definition, data)
    [item] = [f for f in findings if f.code.startswith("personal-data-")]
    assert item.location.a1 == "F2" and item.measure == "1.1"
    assert "Jamie Smith" not in (item.found or "") + item.message


def test_without_a_definition_only_workbook_checks_run() -> None:
    data = complete(ob("2.1", 13, row=9), ob("x", 1, row=10))
    findings = run_checks(None, data)
    assert codes(findings) == {"duplicate-observation"}


def test_every_check_has_a_docstring_and_every_code_a_summary() -> None:
    assert all(check.__doc__ for check in CHECKS)
    assert all(info.summary.endswith(".") for info in CATALOGUE)
