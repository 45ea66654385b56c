"""The figures computed from SSDA903 files, as the indicator sheet the scorecard reads.

One :class:`SheetFigure` per measure and collection year: the pledge's measure id (or the
reference id without a pledge), the period, the figure with its numerator and denominator, the
size of the cohort the rule starts from, and the rule in words. Every number is a
:class:`Reading`, so a figure hidden by disclosure control is a suppressed ``c`` everywhere it
is written. Nothing child-level is held here: only counts, sums and the rule's wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pledgekit.model.findings import Finding
from pledgekit.model.values import MISSING, Reading, ValueState

#: The sheet's columns: the scorecard's indicator columns and nothing else (the indicator
#: reader would take a "reference" column for the measure and a "cohort" for the denominator).
SHEET_COLUMNS = ("measure", "period", "value", "numerator", "denominator")


def year_period(year: int) -> str:
    """The ending year as the period label the scorecard reads: 2025 -> "2024-25"."""
    return f"{year - 1}-{year % 100:02d}"


def reading_cell(reading: Reading) -> float | int | str | None:
    """A reading as a cell: the number (a whole number as an int, else to two decimals), ``c``
    when suppressed, None when there is none."""
    if reading.is_number and reading.number is not None:
        number = reading.number
        return int(number) if float(number).is_integer() else round(number, 2)
    return "c" if reading.state is ValueState.SUPPRESSED else None


@dataclass(frozen=True)
class SheetFigure:
    """One measure's figure for one collection year (``year`` is the ending year)."""

    measure: str
    reference: str
    title: str
    year: int
    unit: str
    rule: str
    value: Reading = MISSING
    numerator: Reading = MISSING
    denominator: Reading = MISSING
    cohort: Reading = MISSING
    published: float | None = None
    note: str | None = None

    @property
    def period(self) -> str:
        return year_period(self.year)

    def cells(self) -> dict[str, Any]:
        """The sheet's columns for this figure (see :data:`SHEET_COLUMNS`)."""
        return {
            "measure": self.measure,
            "period": self.period,
            "value": reading_cell(self.value),
            "numerator": reading_cell(self.numerator),
            "denominator": reading_cell(self.denominator),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON entry: the sheet's cells plus the rule, DfE's published figure and a note."""
        return {
            **self.cells(),
            "reference": self.reference,
            "unit": self.unit,
            "cohort": reading_cell(self.cohort),
            "title": self.title,
            "rule": self.rule,
            "published": self.published,
            "note": self.note,
        }


@dataclass
class RecordsSheet:
    """Every figure computed, the findings met on the way, and what they were computed from."""

    figures: list[SheetFigure]
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    council: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The documented ``pledgekit.ssda903/1`` JSON."""
        return {
            "schema": "pledgekit.ssda903/1",
            "council": self.council,
            "files": list(self.files),
            "options": dict(self.options),
            "figures": [f.to_dict() for f in self.figures],
            "findings": [f.to_dict() for f in self.findings],
        }
