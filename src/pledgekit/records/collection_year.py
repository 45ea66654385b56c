"""Collection-year dates and ages: the year runs 1 April to 31 March and is named by its end.

Everything here is vectorised over pandas Series of ``datetime64[ns]`` dates.
"""

from __future__ import annotations

import pandas as pd


def year_start(year: int) -> pd.Timestamp:
    """1 April that starts collection year ``year`` (2025 -> 1 April 2024)."""
    result: pd.Timestamp = pd.Timestamp(year - 1, 4, 1)
    return result


def year_end(year: int) -> pd.Timestamp:
    """31 March that ends collection year ``year`` (2025 -> 31 March 2025)."""
    result: pd.Timestamp = pd.Timestamp(year, 3, 31)
    return result


def within(dates: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """True where a date falls on or between ``start`` and ``end`` (NaT is never within)."""
    return (dates >= start) & (dates <= end)


def age_at_end(dob: pd.Series, year: int) -> pd.Series:
    """Age in whole years at 31 March of ``year`` (a birthday on 31 March has been had).

    Born in April or later of a calendar year, the child has not yet had that year's birthday
    by 31 March. NaN where the date of birth is missing or did not parse.
    """
    result: pd.Series = year - dob.dt.year - (dob.dt.month >= 4).astype("float64")
    return result


def age_at_start(dob: pd.Series, year: int) -> pd.Series:
    """Age in whole years on the 1 April that starts ``year`` (a birthday that day is had)."""
    before_birthday = (dob.dt.month > 4) | ((dob.dt.month == 4) & (dob.dt.day > 1))
    result: pd.Series = (year - 1) - dob.dt.year - before_birthday.astype("float64")
    return result


def year_label(year: int) -> str:
    """The collection year as people write it: 2025 -> ``2024-25``."""
    return f"{year - 1}-{year % 100:02d}"
