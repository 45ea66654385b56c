"""Findings met while reading a sheet, and the context that records them at their cell.

The codes come from the catalogue in :mod:`pledgekit.model.codes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pledgekit.config.pledge import Definition
from pledgekit.model.codes import (
    CONTROL_CHARACTERS,
    DUPLICATE_COLUMN,
    FORMULA_WITHOUT_VALUE,
    MISSING_COLUMN,
    MISSING_ID,
    NOT_A_NUMBER,
)
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location, column_letter
from pledgekit.model.periods import Period
from pledgekit.model.plain_text import describe_controls, has_controls, without_controls
from pledgekit.model.values import Reading, ValueState
from pledgekit.read.books import Sheet
from pledgekit.read.cells import is_excel_error
from pledgekit.read.columns import INDICATORS, Header, TableSpec

FIGURES = ("value", "numerator", "denominator")
_HUGE = re.compile(r"^[-+]?[\d,. ]{300,}$")
_EXPECTED = "a number, or a statistical symbol (c, *, <5, z, n/a, x, .., -, k; u after a number)"


@dataclass
class Context:
    """One file being read: its name, what it is read against, and the findings so far."""

    file: str
    definition: Definition | None
    period: Period | None
    is_csv: bool = False
    findings: list[Finding] = field(default_factory=list)

    def at(self, sheet: Sheet, row0: int, col0: int) -> Location:
        """Location of a cell of ``sheet`` from 0-based indices."""
        return Location.cell(self.file, sheet.name, row0, col0)

    def where(self, sheet: Sheet) -> str:
        """How messages name the sheet: a CSV file has only the one."""
        return self.file if self.is_csv else f"{self.file}, sheet {sheet.name!r}"

    def add(
        self,
        code: str,
        message: str,
        where: Location,
        *,
        found: object = None,
        expected: str | None = None,
        measure: str | None = None,
    ) -> None:
        """Record a finding."""
        self.findings.append(
            finding(code, message, where, found=found, expected=expected, measure=measure)
        )

    def skipped_row(
        self, sheet: Sheet, row0: int, col0: int, has: str, lacks: str, expected: str
    ) -> None:
        """Report a row read past because its key cell (``col0``) is blank: "this row has
        ``has`` but no ``lacks``", at that cell."""
        self.add(
            MISSING_ID,
            f"this row has {has} but no {lacks}, so it was skipped",
            self.at(sheet, row0, col0),
            expected=expected,
        )

    def figure(
        self, reading: Reading, what: str, where: Location, measure: str | None = None
    ) -> None:
        """Report a figure cell that is not usable as read: invalid text or a formula."""
        if reading.state is ValueState.INVALID:
            raw = reading.raw or ""
            if is_excel_error(raw):
                message = (
                    f"the {what} is the Excel error {raw.strip()}: correct the formula or enter "
                    "the figure"
                )
            elif _HUGE.match(raw.strip()):
                message = (
                    f"the {what} ({len(raw.strip())} characters of digits) is too large to be a "
                    "figure"
                )
            else:
                message = f"the {what} {raw!r} is not a number"
            self.add(NOT_A_NUMBER, message, where, found=raw, expected=_EXPECTED, measure=measure)
        elif reading.state is ValueState.NO_CACHED_VALUE:
            self.add(
                FORMULA_WITHOUT_VALUE,
                f"the {what} is a formula ({reading.raw}) with no saved result; open the file "
                "in Excel or LibreOffice and save it so the result is stored",
                where,
                found=reading.raw,
                expected="a saved value",
                measure=measure,
            )


def clean_text(
    ctx: Context, sheet: Sheet, row0: int, col0: int, text: str | None, what: str
) -> str | None:
    """``text`` from a cell without control characters, reporting the cell when it had some."""
    if text is None or not has_controls(text):
        return text
    ctx.add(
        CONTROL_CHARACTERS,
        f"{what}: {describe_controls(text)} replaced or removed",
        ctx.at(sheet, row0, col0),
        expected="plain text",
    )
    return without_controls(text).strip() or None


def report_duplicates(ctx: Context, sheet: Sheet, header: Header) -> None:
    """A warning for each column that names a field already taken by an earlier column."""
    for name, col0, used in header.duplicates:
        ctx.add(
            DUPLICATE_COLUMN,
            f"a second {name!r} column; the one in column {column_letter(used)} is read",
            ctx.at(sheet, header.row, col0),
            found=sheet.head[header.row][col0],
        )


def has_columns(
    ctx: Context, sheet: Sheet, header: Header, spec: TableSpec, has_period: bool = False
) -> bool:
    """Report the required columns that are absent; True when the table can be read."""
    missing = [m for m in header.missing(spec) if not (m == "period" and has_period)]
    if spec is INDICATORS and not any(f in header.columns for f in FIGURES):
        missing.append("value")
    for name in missing:
        titles = ", ".join(repr(a.capitalize()) for a in spec.aliases[name][:3])
        hint = (
            {
                "period": "; or pass --period, or write e.g. 'Period: 2019-20 Q1' above the table",
                "value": " (or 'Numerator' and 'Denominator')",
            }.get(name, "")
            if spec is INDICATORS
            else ""
        )
        ctx.add(
            MISSING_COLUMN,
            f"no {name!r} column in the header row, so nothing on this sheet was read; expected "
            f"a column titled e.g. {titles}{hint}",
            ctx.at(sheet, header.row, header.columns[spec.key]),
            expected=name,
        )
    return not missing
