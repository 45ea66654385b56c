"""One cell to a Reading; header matching; percent number formats."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pledgekit.model.location import column_index
from pledgekit.model.periods import Period
from pledgekit.model.values import SYMBOLS, Reading, ValueState
from pledgekit.read.cells import cell_text, id_text, is_excel_error, parse_value
from pledgekit.read.columns import INDICATORS, find_header, normalise_header, title_period
from pledgekit.read.xlsx_styles import is_percent_format

N = ValueState.NUMBER


@pytest.mark.parametrize("symbol", sorted(SYMBOLS))
def test_every_symbol_is_read_in_any_case_and_in_brackets(symbol: str) -> None:
    state = SYMBOLS[symbol]
    for written in (symbol, symbol.upper(), f"[{symbol}]", f" {symbol} ", f"({symbol})"):
        reading = parse_value(written)
        assert reading.state is state, written
        assert reading.number is None
        assert reading.raw == written


@pytest.mark.parametrize(
    ("raw", "number", "percent"),
    [
        (12, 12.0, False),
        (12.5, 12.5, False),
        ("12", 12.0, False),
        (" 12.5 ", 12.5, False),
        ("\u00a012\u00a0", 12.0, False),
        ("1,234", 1234.0, False),
        ("1,234,567.5", 1234567.5, False),
        ("£1,234", 1234.0, False),
        ("1\u00a0234", 1234.0, False),
        ("\u22125", -5.0, False),
        ("-3.5", -3.5, False),
        ("+3", 3.0, False),
        (".5", 0.5, False),
        ("36%", 36.0, True),
        ("12.5 %", 12.5, True),
        ("0%", 0.0, True),
    ],
)
def test_numbers_and_numbers_written_as_text(raw: object, number: float, percent: bool) -> None:
    reading = parse_value(raw)
    assert reading.state is N
    assert reading.number == number
    assert reading.percent is percent
    assert reading.unreliable is False


def test_text_keeps_what_the_user_wrote() -> None:
    assert parse_value(" 1,234 ").raw == " 1,234 "
    assert parse_value(1234.0).raw is None


@pytest.mark.parametrize("raw", ["<5", "< 5", "<10", "<6", "< 0.5", "<5%"])
def test_below_a_threshold_is_suppressed(raw: str) -> None:
    assert parse_value(raw) == Reading(ValueState.SUPPRESSED, raw=raw)


@pytest.mark.parametrize(
    ("raw", "number", "percent"),
    [("12 u", 12.0, False), ("12[u]", 12.0, False), ("12 [u]", 12.0, False), ("36% u", 36, True)],
)
def test_low_reliability_flag_keeps_the_number(raw: str, number: float, percent: bool) -> None:
    reading = parse_value(raw)
    assert (reading.state, reading.number, reading.unreliable, reading.percent) == (
        N,
        number,
        True,
        percent,
    )


def test_k_is_below_half_not_zero() -> None:
    assert parse_value("k").state is ValueState.BELOW_HALF
    assert parse_value("K").state is ValueState.BELOW_HALF


@pytest.mark.parametrize("raw", [None, "", "   ", "\u00a0"])
def test_blank_is_missing(raw: object) -> None:
    assert parse_value(raw).state is ValueState.MISSING


@pytest.mark.parametrize(
    "raw",
    ["abc", "12,5", "1,23", "1.2.3", ">95", "u", "5 apples", "twelve", "12 x", "1e5", "nan"],
)
def test_anything_else_is_invalid_with_its_text(raw: str) -> None:
    reading = parse_value(raw)
    assert reading.state is ValueState.INVALID
    assert reading.raw == raw
    assert reading.number is None


@pytest.mark.parametrize("raw", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#num!"])
def test_excel_errors_are_invalid_and_recognised(raw: str) -> None:
    reading = parse_value(raw)
    assert reading.state is ValueState.INVALID
    assert is_excel_error(reading.raw)


def test_not_excel_errors() -> None:
    assert not is_excel_error("abc")
    assert not is_excel_error(None)
    assert not is_excel_error("#hashtag")


def test_bool_and_dates_are_not_numbers() -> None:
    assert parse_value(True) == Reading(ValueState.INVALID, raw="TRUE")
    assert parse_value(False).state is ValueState.INVALID
    assert parse_value(date(2019, 6, 30)) == Reading(ValueState.INVALID, raw="2019-06-30")
    assert parse_value(datetime(2019, 6, 30, 12)).state is ValueState.INVALID
    assert parse_value(float("inf")).state is ValueState.INVALID


def test_percent_format_scales_a_stored_fraction() -> None:
    assert parse_value(0.36, percent_format=True) == Reading(N, 36.0, percent=True)
    # No floating-point dust: 0.07 * 100 is 7.000000000000001 in binary floating point.
    assert parse_value(0.07, percent_format=True).number == 7.0
    assert parse_value(1, percent_format=True).number == 100.0
    # Text in a percent-formatted cell is read as written.
    assert parse_value("36%", percent_format=True).number == 36.0
    assert parse_value("c", percent_format=True).state is ValueState.SUPPRESSED


def test_ids_from_cells() -> None:
    assert id_text(3.0) == "3"
    assert id_text(3) == "3"
    assert id_text(2.1) == "2.1"
    assert id_text(2.6000000000000001) == "2.6"
    assert id_text(" 2.10 ") == "2.10"
    assert id_text("NI 148") == "NI 148"
    assert id_text("") is None
    assert id_text("  ") is None
    assert id_text(None) is None


def test_text_from_cells() -> None:
    assert cell_text("  Improving. ") == "Improving."
    assert cell_text("") is None
    assert cell_text(412.0) == "412"
    assert cell_text(4.5) == "4.5"
    assert cell_text(datetime(2019, 6, 30)) == "2019-06-30"


@pytest.mark.parametrize(
    ("code", "percent"),
    [
        ("0%", True),
        ("0.0%", True),
        ("#,##0.00%", True),
        ("[Red]0.0%;[Blue]-0.0%", True),
        ('0.0"%"', False),
        ("0.0\\%", False),
        ("#,##0", False),
        ("General", False),
        ('"Rate: "0.0', False),
    ],
)
def test_percent_number_formats(code: str, percent: bool) -> None:
    assert is_percent_format(code) is percent


def test_column_index() -> None:
    assert [column_index(x) for x in ("A", "Z", "AA", "AZ", "BA")] == [0, 25, 26, 51, 52]


@pytest.mark.parametrize(
    ("header", "normal"),
    [
        ("Measure ID", "measureid"),
        ("No.", "no"),
        ("Value (%)", "value"),
        ("Stat. Neighbours", "statneighbours"),
    ],
)
def test_header_normalisation(header: str, normal: str) -> None:
    assert normalise_header(header) == normal


def test_header_aliases_and_the_id_column_beats_a_title_column() -> None:
    rows = [
        ["Example Council"],
        [],
        [
            "Measure",
            "Ref",
            "QTR",
            "Actual",
            "Num.",
            "Denom",
            "Notes",
            "LA code",
            "Stat neighbours",
            "England",
            "Regional",
            "Other",
        ],
    ]
    header = find_header([list(r) for r in rows], INDICATORS)
    assert header is not None
    assert header.row == 2
    assert header.columns == {
        "measure": 1,
        "period": 2,
        "value": 3,
        "numerator": 4,
        "denominator": 5,
        "commentary": 6,
        "area": 7,
        "statistical_neighbours": 8,
        "england": 9,
        "region": 10,
    }
    assert header.duplicates == []


def test_a_title_column_is_the_measure_only_without_an_id_column() -> None:
    header = find_header([["Indicator", "Description", "Value"]], INDICATORS)
    assert header is not None and header.columns["measure"] == 0
    header = find_header([["Measure title", "Value"]], INDICATORS)
    assert header is None


def test_two_columns_for_one_field_are_duplicates() -> None:
    header = find_header([["Ref", "Value", "Actual", "PI"]], INDICATORS)
    assert header is not None
    assert header.columns["value"] == 1
    assert header.duplicates == [("value", 2, 1), ("measure", 3, 0)]


@pytest.mark.parametrize(
    ("rows", "period", "where"),
    [
        ([["Period: 2019-20 Q1"]], Period(2019, 1), (0, 0)),
        ([["Quarter: Q1 2019/20"]], Period(2019, 1), (0, 0)),
        ([["Council"], ["Quarter 2 2019/20 performance"]], Period(2019, 2), (1, 0)),
        ([["", "Reporting period:", "2019-20 Q3"]], Period(2019, 3), (0, 2)),
        ([["Period", datetime(2019, 12, 31)]], Period(2019, 3), (0, 1)),
        ([["Performance report 2018-19"]], Period(2018), (0, 0)),
        # A labelled period wins over one mentioned in a title.
        ([["Q4 2018/19 compared"], ["Period: Q1 2019/20"]], Period(2019, 1), (1, 0)),
    ],
)
def test_period_written_above_the_table(
    rows: list[list[object]], period: Period, where: tuple[int, int]
) -> None:
    found = title_period(rows)
    assert found is not None
    assert found.period == period
    assert (found.row, found.col) == where


def test_no_period_above_the_table() -> None:
    assert title_period([["Example Council"], ["Printed 2019-06-30"], ["Version 2"]]) is None
