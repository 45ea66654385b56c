"""Two-digit years are read within a window, never a century out (#19 item 13).

``Q4 99/00`` was read as 2099-00 Q4: a 1999-00 figure sorted as the latest period of all.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pledgekit.model.periods import parse_period


def test_the_issue_example() -> None:
    assert parse_period("Q4 99/00").label == "1999-00 Q4"
    assert parse_period("99/00").label == "1999-00"
    assert parse_period("Q1 19/20").label == "2019-20 Q1"


@given(st.integers(0, 99), st.integers(1, 4), st.sampled_from(["Q{q} {a}/{b}", "{a}-{b} Q{q}"]))
def test_every_two_digit_year_is_in_the_window_and_agrees_with_four_digits(
    yy: int, quarter: int, spelling: str
) -> None:
    text = spelling.format(q=quarter, a=f"{yy:02d}", b=f"{(yy + 1) % 100:02d}")
    period = parse_period(text)
    assert 1969 <= period.year <= 2068 and period.year % 100 == yy
    full = parse_period(f"{period.year}-{(period.year + 1) % 100:02d} Q{quarter}")
    assert full == period
