"""Reading workbooks: real files written into tmp_path, asserting values, states and exact cells."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pledgekit.config.pledge import Definition
from pledgekit.model.codes import CATALOGUE
from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding, Severity
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period
from pledgekit.model.values import Reading, ValueState
from pledgekit.read.workbooks import read_workbook, read_workbooks

from .factories import definition as make_definition
from .workbooks import OdsFormula, patch_sheet_xml, write_csv, write_ods, write_xlsx

Q1 = Period(2019, 1)
Q2 = Period(2019, 2)
HEADER = ["Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]

PLEDGE = """\
council: Test Council
pledges:
  - id: "2"
    title: Education
    measures:
      - {id: "2.6", title: Attendance, unit: percent, polarity: lower, target: 20}
      - {id: "2.10", title: Exclusions, unit: count, polarity: lower, target: 3}
      - {id: "3", title: Placements, unit: percent, polarity: lower, target: 12}
"""


def codes(data: Dataset) -> list[str]:
    return [f.code for f in data.findings]


def only(data: Dataset, code: str) -> Finding:
    matches = [f for f in data.findings if f.code == code]
    assert len(matches) == 1, data.findings
    return matches[0]


def by_measure(data: Dataset) -> dict[str, Observation]:
    return {o.measure: o for o in data.observations()}


def pledge(tmp_path: Path, text: str = PLEDGE) -> Definition:
    return make_definition(tmp_path, text)


# --- a realistic sheet -----------------------------------------------------------------------


def test_header_under_title_rows_with_aliases_blank_rows_and_footnotes(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "q1.xlsx",
        [
            ["Example Borough Council"],
            ["Quarter 1 2019/20 performance"],
            [],
            ["Ref", "Measure title", "Qtr", "Actual", "Num", "Denom", "Comments", "RAG"],
            ["2.6", "Attendance", "2019-20 Q1", 18.5, 37, 200, "Improving.", "G"],
            [],
            ["Pledge 3: a stable home"],
            [3, "Placements", "Q1 2019/20", "12.5", "25", "200", None, "A"],
            [],
            ["Source: school attendance tracker"],
            ["Notes:"],
            ["* suppressed where fewer than 5 children"],
        ],
    )
    data = read_workbook(path)
    assert data.files == [str(path)]
    assert data.findings == []
    assert [o.measure for o in data.observations()] == ["2.6", "3"]
    attendance, placements = data.observations()
    assert attendance.period == Q1
    assert attendance.value == Reading(ValueState.NUMBER, 18.5)
    assert attendance.numerator.number == 37
    assert attendance.denominator.number == 200
    assert attendance.commentary == "Improving."
    assert attendance.location.sheet == "Indicators"
    assert attendance.location.a1 == "D5"
    assert attendance.cells == {
        "measure": "A5",
        "period": "C5",
        "value": "D5",
        "numerator": "E5",
        "denominator": "F5",
        "commentary": "G5",
    }
    assert placements.value.number == 12.5
    assert placements.value.raw == "12.5"
    assert placements.commentary is None
    assert placements.cells["value"] == "D8"


def test_every_symbol_and_text_number_in_value_cells(tmp_path: Path) -> None:
    cells = [
        "c",
        "*",
        "<5",
        "[c]",
        "z",
        "n/a",
        "x",
        "..",
        ":",
        "-",
        "k",
        "12 u",
        "36%",
        "1,234",
        "£1,234",
        " 7 ",
        "\u22122",
    ]
    rows = [HEADER] + [[f"m{i}", "2019-20 Q1", raw] for i, raw in enumerate(cells)]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert data.findings == []
    got = {o.value.raw: o.value for o in data.observations()}
    assert got["c"].state is ValueState.SUPPRESSED
    assert got["*"].state is ValueState.SUPPRESSED
    assert got["<5"].state is ValueState.SUPPRESSED
    assert got["[c]"].state is ValueState.SUPPRESSED
    assert got["z"].state is ValueState.NOT_APPLICABLE
    assert got["n/a"].state is ValueState.NOT_APPLICABLE
    for raw in ("x", "..", ":", "-"):
        assert got[raw].state is ValueState.NOT_AVAILABLE
    assert got["k"].state is ValueState.BELOW_HALF
    assert (got["12 u"].number, got["12 u"].unreliable) == (12, True)
    assert (got["36%"].number, got["36%"].percent) == (36, True)
    assert got["1,234"].number == 1234
    assert got["£1,234"].number == 1234
    assert got[" 7 "].number == 7
    assert got["\u22122"].number == -2


def test_text_that_is_not_a_number_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", "about 20", "37", "two hundred"]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert codes(data) == ["not-a-number", "not-a-number"]
    value, denominator = data.findings
    assert value.severity is Severity.ERROR
    assert value.location.a1 == "C2"
    assert value.location.sheet == "Indicators"
    assert value.found == "about 20"
    assert value.expected is not None and "statistical symbol" in value.expected
    assert value.measure == "2.6"
    assert "'about 20' is not a number" in value.message
    assert denominator.location.a1 == "E2"
    assert "denominator" in denominator.message
    obs = data.observations()[0]
    assert obs.value == Reading(ValueState.INVALID, raw="about 20")
    assert obs.numerator.number == 37


def test_excel_error_values_are_reported_as_excel_errors(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", "#DIV/0!", "#N/A", 200]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert [(f.code, f.location.a1, f.found) for f in data.findings] == [
        ("not-a-number", "C2", "#DIV/0!"),
        ("not-a-number", "D2", "#N/A"),
    ]
    assert "Excel error #DIV/0!" in data.findings[0].message
    obs = data.observations()[0]
    assert obs.value == Reading(ValueState.INVALID, raw="#DIV/0!")
    assert obs.denominator.number == 200


def test_formula_without_a_saved_result_is_a_warning(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", "=D2/E2*100", 37, 200], ["3", "2019-20 Q1", None, 5, 50]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    finding = only(data, "formula-without-value")
    assert finding.severity is Severity.WARNING
    assert finding.location.a1 == "C2"
    assert finding.found == "=D2/E2*100"
    obs = by_measure(data)
    assert obs["2.6"].value == Reading(ValueState.NO_CACHED_VALUE, raw="=D2/E2*100")
    assert obs["3"].value.state is ValueState.MISSING


def test_formulas_with_saved_results_are_read_as_their_results(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["2.6", "2019-20 Q1", "=D2/E2*100", 37, 200],
        ["3", "2019-20 Q1", '=""', 5, 50],
        ["4", "2019-20 Q1", "=D4/E4", 5, 0],
        ["5", "2019-20 Q1", "=D4/E4", 5, 0],
    ]
    path = write_xlsx(tmp_path / "q1.xlsx", rows)
    # What Excel saves: the result next to the formula (a number, an empty string, an error),
    # and formulas copied down a column stored once and shared.
    patch_sheet_xml(
        path,
        {
            "<f>D2/E2*100</f><v></v>": "<f>D2/E2*100</f><v>18.5</v>",
            '<c r="C3"><f>""</f><v></v>': '<c r="C3" t="str"><f>""</f><v></v>',
            '<c r="C4"><f>D4/E4</f><v></v>': '<c r="C4" t="e"><f>D4/E4</f><v>#DIV/0!</v>',
            '<c r="C5"><f>D4/E4</f><v></v>': '<c r="C5"><f t="shared" si="0"/><v></v>',
        },
    )
    data = read_workbook(path)
    obs = by_measure(data)
    assert obs["2.6"].value.number == 18.5
    assert obs["3"].value.state is ValueState.MISSING
    assert obs["4"].value == Reading(ValueState.INVALID, raw="#DIV/0!")
    assert obs["5"].value.state is ValueState.NO_CACHED_VALUE
    assert [(f.code, f.location.a1) for f in data.findings] == [
        ("not-a-number", "C4"),
        ("formula-without-value", "C5"),
    ]


# --- percentages -------------------------------------------------------------------------------


def test_percent_formatted_cells_are_read_in_percentage_points(tmp_path: Path) -> None:
    rows = [
        ["Measure", "Period", "Value", "Numerator", "Target", "England", "Stat neighbours"],
        ["2.6", "2019-20 Q1", 0.36, 0.5, 0.2, 0.25, 0.271],
        ["3", "2019-20 Q1", 0.125, 5, 12, 10.5, None],
    ]
    formats = {"C2": "0%", "D2": "0%", "E2": "0.0%", "F2": "0.00%", "G2": "#,##0.0%;-#,##0.0%"}
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows, formats=formats))
    obs = by_measure(data)
    assert obs["2.6"].value == Reading(ValueState.NUMBER, 36.0, percent=True)
    # Only figures that can be percentages are scaled: a numerator is a count of children.
    assert obs["2.6"].numerator.number == 0.5
    assert obs["2.6"].target == 20.0
    assert obs["2.6"].comparators == {"england": 25.0, "statistical_neighbours": 27.1}
    assert obs["3"].value == Reading(ValueState.NUMBER, 0.125)
    assert obs["3"].target == 12.0
    assert obs["3"].comparators == {"england": 10.5}


def test_a_fraction_among_percentages_is_flagged(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["2.6", "2019-20 Q1", 41.5],
        ["2.6", "2019-20 Q2", 0.38],
        ["2.6", "2019-20 Q3", 39],
        ["3", "2019-20 Q1", 0.9],
        ["3", "2019-20 Q2", 1.4],
        ["3", "2019-20 Q3", 2.1],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    finding = only(data, "percent-scale-unclear")
    assert finding.severity is Severity.WARNING
    assert finding.location.a1 == "C3"
    assert finding.measure == "2.6"
    assert "38%" in finding.message
    # The number is left as written: the warning asks, it does not rescale.
    assert data.observations()[1].value.number == 0.38


def test_a_fraction_is_told_apart_by_its_numerator_and_denominator(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", 0.185, 37, 200], ["3", "2019-20 Q1", 0.5, 1, 200]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    finding = only(data, "percent-scale-unclear")
    assert finding.location.a1 == "C2"
    assert "numerator / denominator is 0.185" in finding.message


def test_a_whole_column_of_fractions_is_flagged_against_the_target(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", 0.21], ["2.6", "2019-20 Q2", 0.19]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    assert [f.location.a1 for f in data.findings] == ["C2", "C3"]
    assert "target is 20" in data.findings[0].message


def test_a_fraction_is_compared_with_other_areas_when_it_stands_alone(tmp_path: Path) -> None:
    rows = [
        ["Area", "Measure", "Period", "Value"],
        ["E1", "2.6", "2019-20 Q1", 0.42],
        ["E2", "2.6", "2019-20 Q1", 38],
        ["E3", "2.6", "2019-20 Q1", 45],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    finding = only(data, "percent-scale-unclear")
    assert finding.location.a1 == "D2"
    assert "other areas' figures are around 38" in finding.message


def test_without_a_definition_percent_text_marks_the_measure(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["2.6", "2019-20 Q1", "36%"],
        ["2.6", "2019-20 Q2", 0.4],
        ["9", "2019-20 Q1", 0.4],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert [f.location.a1 for f in data.findings] == ["C3"]


# --- layout ------------------------------------------------------------------------------------


def test_merged_measure_and_period_cells_apply_to_every_row(tmp_path: Path) -> None:
    rows = [
        ["Measure", "Area", "Period", "Value"],
        ["2.6", "E1", "2019-20 Q1", 18],
        [None, "E2", None, 22],
        [None, "E3", None, 25],
        ["3", "E1", "2019-20 Q2", 11],
    ]
    path = write_xlsx(tmp_path / "q1.xlsx", rows, merges=["A2:A4", "C2:C4"])
    data = read_workbook(path)
    assert data.findings == []
    assert [(o.measure, o.area, o.period, o.value.number) for o in data.observations()] == [
        ("2.6", "E1", Q1, 18),
        ("2.6", "E2", Q1, 22),
        ("2.6", "E3", Q1, 25),
        ("3", "E1", Q2, 11),
    ]
    # The cell is where the row is, even when its measure was merged from above.
    assert data.observations()[2].cells["measure"] == "A4"


def test_a_row_with_figures_but_no_measure_is_reported(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["2.6", "2019-20 Q1", 18],
        [None, "2019-20 Q1", 25],
        [None, None, None, None, None, "a note"],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    finding = only(data, "missing-id")
    assert finding.location.a1 == "A3"
    assert len(data.observations()) == 1


def test_a_second_column_for_the_same_field_is_a_warning(tmp_path: Path) -> None:
    rows = [["Measure", "Period", "Value", "Result"], ["2.6", "2019-20 Q1", 18, 99]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    finding = only(data, "duplicate-column")
    assert finding.location.a1 == "D1"
    assert data.observations()[0].value.number == 18


def test_area_target_and_comparator_columns(tmp_path: Path) -> None:
    rows = [
        ["LA code", "Measure ID", "Quarter", "Value", "Target", "England", "SN", "Region"],
        [202, "2.6", "2019-20 Q1", 18, "15", 20.1, "c", None],
        ["E09000999", "2.6", "2019-20 Q1", 19, None, 20.1, 21, 19.5],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert data.findings == []
    first, second = data.observations()
    assert (first.area, first.target, first.comparators) == ("202", 15.0, {"england": 20.1})
    assert second.area == "E09000999"
    assert second.target is None
    assert second.comparators == {"england": 20.1, "statistical_neighbours": 21, "region": 19.5}
    assert first.cells["area"] == "A2"
    assert first.cells["target"] == "E2"


def test_a_target_that_is_not_a_number_is_reported(tmp_path: Path) -> None:
    rows = [["Measure", "Period", "Value", "Target"], ["2.6", "2019-20 Q1", 18, "twenty"]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert only(data, "not-a-number").location.a1 == "D2"
    assert data.observations()[0].target is None


def test_only_numerator_and_denominator_columns_are_enough(tmp_path: Path) -> None:
    rows = [["Measure", "Period", "Numerator", "Denominator"], ["2.6", "2019-20 Q1", 37, 200]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert data.findings == []
    obs = data.observations()[0]
    assert obs.value.state is ValueState.MISSING
    # Without a value column the row is located at its measure cell.
    assert obs.location.a1 == "A2"


# --- measure ids -------------------------------------------------------------------------------


def test_numeric_measure_ids(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [3, "2019-20 Q1", 11],
        [2.6, "2019-20 Q1", 18],
        ["2.10", "2019-20 Q1", 2],
        [7.0, "2019-20 Q1", 1],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert [o.measure for o in data.observations()] == ["3", "2.6", "2.10", "7"]
    assert data.findings == []


def test_the_number_2_1_is_measure_2_10_when_that_is_the_only_match(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [2.1, "2019-20 Q1", 2],
        [2.1, "2019-20 Q2", 3],
        [2.6, "2019-20 Q1", 18],
        [9, "2019-20 Q1", 1],
    ]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    assert [o.measure for o in data.observations()] == ["2.10", "2.10", "2.6", "9"]
    finding = only(data, "measure-id-from-number")
    assert finding.severity is Severity.INFO
    assert finding.location.a1 == "A2"
    assert "'2.10'" in finding.message
    assert "1 more cells" in finding.message


def test_the_number_2_1_is_ambiguous_when_both_2_1_and_2_10_exist(tmp_path: Path) -> None:
    text = (
        PLEDGE
        + '      - {id: "2.1", title: Reading, unit: percent, polarity: higher, target: 60}\n'
    )
    rows = [HEADER, [2.1, "2019-20 Q1", 61], ["2.10", "2019-20 Q1", 2]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path, text))
    assert [o.measure for o in data.observations()] == ["2.1", "2.10"]
    finding = only(data, "ambiguous-measure-id")
    assert finding.severity is Severity.WARNING
    assert finding.location.a1 == "A2"
    assert "'2.1' or '2.10'" in finding.message


def test_measures_not_in_the_definition_are_kept(tmp_path: Path) -> None:
    rows = [HEADER, ["99.9", "2019-20 Q1", 5]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), definition=pledge(tmp_path))
    assert [o.measure for o in data.observations()] == ["99.9"]
    assert data.findings == []


# --- periods -----------------------------------------------------------------------------------


def test_period_from_the_argument(tmp_path: Path) -> None:
    rows = [["Measure", "Value"], ["2.6", 18]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), period=Q2)
    assert data.findings == []
    assert data.observations()[0].period == Q2
    assert "period" not in data.observations()[0].cells


def test_the_period_column_wins_over_the_argument_where_it_has_one(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "2019-20 Q1", 18], ["3", None, 11], ["3", datetime(2019, 9, 30), 12]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows), period=Period(2020, 4))
    assert [o.period for o in data.observations()] == [Q1, Period(2020, 4), Q2]
    assert data.findings == []


@pytest.mark.parametrize(
    "title", ["Period: 2019-20 Q2", "Quarter: Q2 2019/20", "Quarter 2 2019/20 performance"]
)
def test_period_from_a_cell_above_the_table(tmp_path: Path, title: str) -> None:
    rows = [["Example Council"], [None, title], [], ["Measure", "Value"], ["2.6", 18]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert data.observations()[0].period == Q2
    finding = only(data, "period-from-title")
    assert finding.severity is Severity.INFO
    assert finding.location.a1 == "B2"
    assert "2019-20 Q2" in finding.message


def test_a_bad_period_is_an_error_and_the_row_is_skipped(tmp_path: Path) -> None:
    rows = [HEADER, ["2.6", "Q5 2019/20", 18], ["2.6", "2019-20 Q1", 19], ["3", None, 11]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert [(f.code, f.location.a1) for f in data.findings] == [
        ("bad-period", "B2"),
        ("bad-period", "B4"),
    ]
    assert data.findings[0].found == "Q5 2019/20"
    assert "not a reporting period" in data.findings[0].message
    assert "empty" in data.findings[1].message
    assert [o.value.number for o in data.observations()] == [19]


def test_a_missing_period_column_is_an_error_and_nothing_is_read(tmp_path: Path) -> None:
    rows = [["Ref", "Value"], ["2.6", 18]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    finding = only(data, "missing-column")
    assert finding.severity is Severity.ERROR
    assert finding.location.a1 == "A1"
    assert "'period'" in finding.message and "--period" in finding.message
    assert data.observations() == []


def test_a_missing_value_column_is_an_error(tmp_path: Path) -> None:
    rows = [["Measure", "Period", "Commentary"], ["2.6", "2019-20 Q1", "x"]]
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", rows))
    assert "'value'" in only(data, "missing-column").message
    assert data.observations() == []


def test_no_header_row_is_an_input_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "q1.xlsx", [["Foo", "Bar"], [1, 2]])
    with pytest.raises(
        InputError, match=r"q1.xlsx, sheet 'Indicators': no header row found; expected"
    ):
        read_workbook(path)


# --- sheets ------------------------------------------------------------------------------------


def test_sheet_choice(tmp_path: Path) -> None:
    table = [HEADER, ["2.6", "2019-20 Q1", 18]]
    other = [HEADER, ["3", "2019-20 Q1", 11]]
    path = write_xlsx(tmp_path / "q1.xlsx", table, sheet="INDICATORS", first={"Cover": [["About"]]})
    assert [o.measure for o in read_workbook(path).observations()] == ["2.6"]
    path = write_xlsx(tmp_path / "q2.xlsx", table, sheet="Data", sheets={"Other": other})
    assert [o.measure for o in read_workbook(path).observations()] == ["2.6"]
    assert [o.measure for o in read_workbook(path, sheet="other").observations()] == ["3"]
    assert read_workbook(path, sheet="Other").observations()[0].location.sheet == "Other"
    with pytest.raises(
        InputError, match=r"q2.xlsx: no sheet named 'Foo'; sheets are: 'Data', 'Other'"
    ):
        read_workbook(path, sheet="Foo")
    # A hidden first sheet (a lookup table, say) is passed over.
    path = write_xlsx(tmp_path / "q3.xlsx", other, sheet="Data", first={"Lookup": table})
    book = load_workbook(path)
    book["Lookup"].sheet_state = "hidden"
    book.save(path)
    assert [o.measure for o in read_workbook(path).observations()] == ["3"]


def test_commitments_updates_and_profile_sheets(tmp_path: Path) -> None:
    sheets = {
        "Commitments": [
            ["Commitments one year on"],
            ["Directorate", "Pledge", "Commitment", "Status", "Update"],
            ["Children's Services", 3, "Open a children's home", "Delayed", "Planning granted."],
            [None, 2.0, "Tutoring for every child", "Done", None],
            ["Housing", None, "Priority for care leavers", None, None],
        ],
        "Updates": [
            ["Pledge", "Narrative"],
            ["1", "Health checks improved."],
            [None, "Orphan text"],
            ["2", None],
        ],
        "Profile": [
            ["Label", "Value", "Period"],
            ["Children in care", 412, "2019-20 Q1"],
            ["Placed out of area", 0.31, None],
            ["Number of foster carers", "1,234", None],
            ["Age breakdown", None, None],
            ["Adopted", 12, "Q9"],
        ],
    }
    path = write_xlsx(tmp_path / "q1.xlsx", [HEADER, ["2.6", "2019-20 Q1", 18]], sheets=sheets)
    # Merged directorate and a percent-formatted profile figure, as councils lay them out.
    book = load_workbook(path)
    book["Commitments"].merge_cells("A3:A4")
    book["Profile"]["B3"].number_format = "0%"
    book.save(path)

    data = read_workbook(path, period=Q2)
    first, second, third = data.commitments
    assert (first.directorate, first.pledge, first.commitment, first.status, first.update) == (
        "Children's Services",
        "3",
        "Open a children's home",
        "Delayed",
        "Planning granted.",
    )
    assert first.location.sheet == "Commitments" and first.location.a1 == "C3"
    assert (second.directorate, second.pledge, second.status, second.update) == (
        "Children's Services",
        "2",
        "Done",
        None,
    )
    assert (third.directorate, third.pledge) == ("Housing", None)
    assert [(u.pledge, u.text, u.location.a1) for u in data.updates] == [
        ("1", "Health checks improved.", "B2")
    ]
    assert [(p.label, p.value, p.period) for p in data.profile] == [
        ("Children in care", "412", Q1),
        ("Placed out of area", "31%", Q2),
        ("Number of foster carers", "1,234", Q2),
        ("Adopted", "12", None),
    ]
    assert [(f.code, f.location.sheet, f.location.a1) for f in data.findings] == [
        ("missing-id", "Updates", "A3"),
        ("bad-period", "Profile", "C6"),
    ]


def test_a_workbook_of_optional_sheets_only(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "narrative.xlsx", [["Pledge", "Update"], ["1", "Going well."]], sheet="Updates"
    )
    data = read_workbook(path)
    assert data.observations() == []
    assert [(u.pledge, u.text) for u in data.updates] == [("1", "Going well.")]


def test_an_optional_sheet_without_its_columns_is_reported(tmp_path: Path) -> None:
    sheets = {"Commitments": [["Commitment", "Status"], ["Do it", "Done"]], "Profile": [["Foo"]]}
    data = read_workbook(write_xlsx(tmp_path / "q1.xlsx", [HEADER], sheets=sheets))
    assert [(f.code, f.location.sheet, f.location.a1, f.expected) for f in data.findings] == [
        ("missing-column", "Commitments", "A1", "directorate"),
        ("missing-column", "Profile", "A1", "label"),
    ]
    assert data.commitments == []


# --- several files ----------------------------------------------------------------------------


def test_read_workbooks_concatenates_in_order(tmp_path: Path) -> None:
    one = write_xlsx(tmp_path / "q1.xlsx", [HEADER, ["2.6", "2019-20 Q1", 18]])
    row = ["2.6", "2019-20 Q2", "abc"]
    two = write_csv(tmp_path / "q2.csv", [HEADER, row + [""] * (len(HEADER) - len(row))])
    data = read_workbooks([one, two])
    assert data.files == [str(one), str(two)]
    assert [o.period for o in data.observations()] == [Q1, Q2]
    assert [(f.location.file, f.location.a1) for f in data.findings] == [(str(two), "C2")]


# --- csv and ods -------------------------------------------------------------------------------


def test_csv_with_title_rows_semicolons_and_windows_encoding(tmp_path: Path) -> None:
    rows = [
        ["Example Council, performance"],
        ["Period: 2019-20 Q1"],
        ["Ref", "Value", "Commentary"],
        ["2.10", "1,234", "Spend £1,200; up"],
        ["2.6", "36%", ""],
    ]
    path = write_csv(tmp_path / "q1.csv", rows, delimiter=";", encoding="cp1252")
    data = read_workbook(path)
    assert codes(data) == ["text-encoding", "period-from-title"]
    first, second = data.observations()
    assert (first.measure, first.value.number, first.commentary) == (
        "2.10",
        1234,
        "Spend £1,200; up",
    )
    assert (second.value.number, second.value.percent) == (36, True)
    assert first.period == Q1
    # Excel names a CSV's only sheet after the file; so do locations.
    assert (first.location.sheet, first.location.a1) == ("q1", "B4")


def test_csv_with_a_byte_order_mark_and_tabs(tmp_path: Path) -> None:
    path = tmp_path / "q1.csv"
    path.write_bytes("\ufeffMeasure\tPeriod\tValue\n2.6\t2019-20 Q1\tc\n".encode())
    data = read_workbook(path)
    assert data.findings == []
    assert data.observations()[0].value.state is ValueState.SUPPRESSED
    assert data.observations()[0].cells["measure"] == "A2"


def test_excel_error_text_in_a_csv(tmp_path: Path) -> None:
    data = read_workbook(write_csv(tmp_path / "q1.csv", [HEADER, ["2.6", "2019-20 Q1", "#N/A"]]))
    assert "Excel error #N/A" in only(data, "not-a-number").message


def test_ods_with_percent_cells_and_merged_measure(tmp_path: Path) -> None:
    rows = [
        ["Quarter 1 2019/20"],
        [None, "Measure", "Value", "Commentary"],
        [None, "2.6", 0.36, "Better"],
        [None, None, 0.4, None],
        [None, "3", 12, None],
    ]
    path = write_ods(
        tmp_path / "q1.ods", {"Indicators": rows}, percent=["C3", "C4"], spans={"B3": 2}
    )
    data = read_workbook(path)
    assert codes(data) == ["period-from-title"]
    assert [
        (o.measure, o.value.number, o.value.percent, o.location.a1) for o in data.observations()
    ] == [
        ("2.6", 36, True, "C3"),
        ("2.6", 40, True, "C4"),
        ("3", 12, False, "C5"),
    ]
    assert data.observations()[0].period == Q1


def test_ods_formulas_errors_and_results(tmp_path: Path) -> None:
    rows = [
        ["Measure", "Period", "Value"],
        ["2.6", "2019-20 Q1", OdsFormula("1/0", error="#DIV/0!")],
        ["3", "2019-20 Q1", OdsFormula("1/4", value=0.25)],
        ["4", "2019-20 Q1", OdsFormula("[.C3]*2")],
    ]
    data = read_workbook(write_ods(tmp_path / "q1.ods", {"Indicators": rows}))
    obs = by_measure(data)
    assert obs["2.6"].value == Reading(ValueState.INVALID, raw="#DIV/0!")
    assert obs["3"].value.number == 0.25
    assert obs["4"].value == Reading(ValueState.NO_CACHED_VALUE, raw="=[.C3]*2")
    assert [(f.code, f.location.a1) for f in data.findings] == [
        ("not-a-number", "C2"),
        ("formula-without-value", "C4"),
    ]


# --- unreadable files --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"q1.xlsx: file not found$"):
        read_workbook(tmp_path / "q1.xlsx")


@pytest.mark.parametrize("name", ["q1.txt", "q1.pdf", "q1"])
def test_wrong_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Measure,Period,Value\n")
    with pytest.raises(
        InputError,
        match=r"not a spreadsheet pledgekit can read \(expected \.xlsx, \.xlsm, \.ods or \.csv\)",
    ):
        read_workbook(path)


def test_old_xls_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "q1.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(InputError, match=r"save it as \.xlsx"):
        read_workbook(path)


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".ods"])
def test_random_bytes_are_a_damaged_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"q1{suffix}"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: the file is damaged or not really an {suffix[1:]} (")
    assert "\n" not in message


def test_empty_file_and_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="damaged or not really an xlsx"):
        read_workbook(empty)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="damaged or not really an xlsx"):
        read_workbook(other)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "q1.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(InputError, match="password-protected"):
        read_workbook(path)


def test_a_binary_file_named_csv(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "q1.xlsx", [HEADER])
    renamed = path.rename(tmp_path / "q1.csv")
    with pytest.raises(InputError, match=r"q1.csv: not a text CSV file"):
        read_workbook(renamed)


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "q1.xlsx"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_workbook(folder)


def test_codes_are_in_the_catalogue() -> None:
    registered = {c.code for c in CATALOGUE}
    assert {
        "not-a-number",
        "bad-period",
        "missing-column",
        "duplicate-column",
        "formula-without-value",
        "ambiguous-measure-id",
        "measure-id-from-number",
        "percent-scale-unclear",
        "missing-id",
        "period-from-title",
    } <= registered
