"""Reporting periods: UK financial years (April to March) and their quarters (Q1 = April to June).

Canonical labels are ``2019-20 Q1`` for a quarter and ``2019-20`` for a year. Parsing accepts the
spellings councils use (``Q1 2019/20``, ``Q1 19/20``, ``2019/20 Q1``, ``Quarter 1 2019-20``) and a
date, which is placed in the quarter that contains it. A two-digit year is read in the window
1969-2068 (``99/00`` is 1999-00).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_YEAR = r"(?:FY\s*)?(?P<y1>\d{4}|\d{2})\s*[-/–]\s*(?P<y2>\d{4}|\d{2})"
_QUARTER = r"(?:Q|Qtr\.?\s*|Quarter\s*)(?P<q>[1-4])"
_PATTERNS = [
    re.compile(rf"^{_YEAR}\s*,?\s*{_QUARTER}$", re.IGNORECASE),
    re.compile(rf"^{_QUARTER}\s*,?\s*{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_YEAR}$", re.IGNORECASE),
]
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ][\d:.]+)?$")
_UK_DATE = re.compile(r"^(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})$")


class PeriodError(ValueError):
    """Text that is not a reporting period."""


@dataclass(frozen=True, slots=True, order=False)
class Period:
    """A financial year (``quarter`` None) or one of its quarters.

    ``year`` is the calendar year in which the financial year starts: 2019 for 2019-20.
    """

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise PeriodError(f"quarter must be 1 to 4, not {self.quarter}")

    @property
    def is_annual(self) -> bool:
        """True for a whole financial year."""
        return self.quarter is None

    @property
    def financial_year(self) -> str:
        """The financial year label, e.g. ``2019-20``."""
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    @property
    def label(self) -> str:
        """Canonical label: ``2019-20 Q1`` or ``2019-20``."""
        return (
            self.financial_year
            if self.quarter is None
            else f"{self.financial_year} Q{self.quarter}"
        )

    @property
    def sort_key(self) -> tuple[int, int]:
        """Order by end date; a year sorts after its Q4."""
        return (self.year, 5 if self.quarter is None else self.quarter)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    def previous(self) -> Period:
        """The period before: the previous quarter, or the previous year."""
        if self.quarter is None:
            return Period(self.year - 1)
        if self.quarter == 1:
            return Period(self.year - 1, 4)
        return Period(self.year, self.quarter - 1)

    def year_ago(self) -> Period:
        """The same quarter (or year) one year earlier."""
        return Period(self.year - 1, self.quarter)

    @property
    def end_date(self) -> date:
        """Last day of the period."""
        if self.quarter is None or self.quarter == 4:
            return date(self.year + 1, 3, 31)
        month = 3 + 3 * self.quarter
        day = 30 if month in (6, 9) else 31
        return date(self.year, month, day)

    def __str__(self) -> str:
        return self.label


def period_of_date(day: date) -> Period:
    """The financial-year quarter containing ``day``."""
    if day.month >= 4:
        return Period(day.year, (day.month - 4) // 3 + 1)
    return Period(day.year - 1, 4)


#: Two-digit years from 69 up are in the 1900s ("Q4 99/00" is 1999-00, not 2099-00), as
#: strptime's %y reads them; below 69, the 2000s.
_PIVOT = 69


def _full_year(text: str) -> int:
    value = int(text)
    if len(text) != 2:
        return value
    return value + (1900 if value >= _PIVOT else 2000)


def parse_period(raw: object) -> Period:
    """Parse a period from a cell value or option text.

    Raises :class:`PeriodError` with a message saying what was expected.
    """
    if isinstance(raw, Period):
        return raw
    if isinstance(raw, datetime):
        return period_of_date(raw.date())
    if isinstance(raw, date):
        return period_of_date(raw)
    text = " ".join(str(raw).split()) if raw is not None else ""
    if not text:
        raise PeriodError("the period is empty")
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            y1, y2 = _full_year(match["y1"]), match["y2"]
            second = _full_year(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if second != y1 + 1 and not (len(y2) == 2 and int(y2) == (y1 + 1) % 100):
                raise PeriodError(
                    f"{text!r} is not a financial year: {y2} does not follow {match['y1']}"
                )
            quarter = match.groupdict().get("q")
            return Period(y1, int(quarter) if quarter else None)
    for pattern in (_ISO_DATE, _UK_DATE):
        match = pattern.match(text)
        if match:
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as exc:
                raise PeriodError(f"{text!r} is not a valid date") from exc
            return period_of_date(day)
    raise PeriodError(
        f"{text!r} is not a reporting period; expected e.g. '2019-20 Q1', 'Q1 2019/20', "
        "'Q1 19/20', a quarter-end date, or '2019-20' for a year"
    )
