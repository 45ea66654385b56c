from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgekit.model.periods import Period, PeriodError, parse_period, period_of_date


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2019-20 Q1", "2019-20 Q1"),
        ("Q1 2019/20", "2019-20 Q1"),
        ("Q1 19/20", "2019-20 Q1"),
        ("2019/20 Q1", "2019-20 Q1"),
        ("2019/2020 Q3", "2019-20 Q3"),
        ("Quarter 2 2019-20", "2019-20 Q2"),
        ("qtr 4 2019/20", "2019-20 Q4"),
        ("  2019-20   q2 ", "2019-20 Q2"),
        ("2019-20", "2019-20"),
        ("FY2019/20", "2019-20"),
        ("30/06/2019", "2019-20 Q1"),
        ("2020-03-31", "2019-20 Q4"),
        ("1999-00 Q1", "1999-00 Q1"),
    ],
)
def test_parse_accepts_council_spellings(text: str, label: str) -> None:
    assert parse_period(text).label == label


@pytest.mark.parametrize("text", ["", "Q5 2019/20", "2019-21 Q1", "hello", "31/02/2020", "2019"])
def test_parse_rejects_with_expected_forms(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert text.strip() == "" or "2019" in str(info.value) or "not" in str(info.value)


def test_dates_map_to_financial_quarters() -> None:
    assert period_of_date(date(2019, 4, 1)) == Period(2019, 1)
    assert period_of_date(date(2019, 12, 31)) == Period(2019, 3)
    assert period_of_date(date(2020, 1, 1)) == Period(2019, 4)
    assert parse_period(datetime(2019, 9, 30, 0, 0)) == Period(2019, 2)


def test_previous_and_year_ago() -> None:
    assert Period(2019, 1).previous() == Period(2018, 4)
    assert Period(2019, 3).previous() == Period(2019, 2)
    assert Period(2019).previous() == Period(2018)
    assert Period(2019, 2).year_ago() == Period(2018, 2)


def test_order_puts_year_after_its_fourth_quarter() -> None:
    periods = [Period(2020, 1), Period(2019), Period(2019, 4), Period(2019, 1)]
    assert sorted(periods) == [Period(2019, 1), Period(2019, 4), Period(2019), Period(2020, 1)]


def test_end_dates() -> None:
    assert Period(2019, 1).end_date == date(2019, 6, 30)
    assert Period(2019, 3).end_date == date(2019, 12, 31)
    assert Period(2019, 4).end_date == date(2020, 3, 31)
    assert Period(2019).end_date == date(2020, 3, 31)


@given(st.integers(1990, 2090), st.one_of(st.none(), st.integers(1, 4)))
def test_label_round_trips(year: int, quarter: int | None) -> None:
    period = Period(year, quarter)
    assert parse_period(period.label) == period
    assert parse_period(period.end_date) == (period if quarter else Period(year, 4))
