"""The data collection workbook: one row per measure for a period, for data owners to fill in.

``pledgekit collection-workbook`` writes it. The header is what ingest reads (Measure,
Period, Value, Numerator, Denominator, Commentary); the other columns are there for the person
filling it in and are named so ingest ignores them. In particular the definition's target goes in
"Pledge target", not "Target": ingest would take a "Target" column as a per-period override, and
pledge.yaml must stay the one place targets are set. Filled in, the workbook reads back through
ingest and ``pledgekit validate`` as any return would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pledgekit.config.pledge import Definition, Measure, Pledge
from pledgekit.model.measure_kinds import Frequency, Polarity, Unit
from pledgekit.model.periods import Period
from pledgekit.render.formula_guard import safe_cell
from pledgekit.render.xlsx_book import workbook_bytes
from pledgekit.score.formatting import format_target
from pledgekit.score.rules import excel_miss, excel_red

SHEET = "Indicators"
INSTRUCTIONS = "Instructions"
NEEDED = "Commentary needed"
ADVISED = "Commentary advised"


@dataclass(frozen=True)
class Column:
    """A column of the Indicators sheet; ``entry`` columns are unlocked for the data owner."""

    header: str
    width: int
    entry: bool = False


COLUMNS = (
    Column("Pledge", 8),
    Column("Measure", 9),
    Column("Title", 50),
    Column("Period", 11),
    Column("Unit", 16),
    Column("Better is", 10),
    Column("Pledge target", 13),
    Column("Owner", 28),
    Column("Value", 10, entry=True),
    Column("Numerator", 11, entry=True),
    Column("Denominator", 12, entry=True),
    Column("Commentary", 60, entry=True),
    Column(NEEDED, 19),
)
_LETTER = {c.header: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
SYMBOLS = (
    ("c", "suppressed: the figure is known but too small to publish"),
    ("x", "not available: the figure could not be produced this period"),
    ("z", "not applicable: the measure does not apply this period"),
)
_UNIT_HINT = {
    Unit.PERCENT: "percent (0 to 100)",
    Unit.COUNT: "count (whole number)",
    Unit.RATE: "rate",
    Unit.DAYS: "days",
    Unit.SCORE: "score",
    Unit.RATIO: "ratio",
}
_BETTER = {
    Polarity.HIGHER: "higher",
    Polarity.LOWER: "lower",
    Polarity.BAND: "in the band",
    Polarity.NONE: "not rated",
}
# Fixed workbook timestamps keep the output byte-stable for the same input.


def row_period(measure: Measure, period: Period) -> Period:
    """The period a measure is collected for: annual measures in a quarterly collection ask for
    the latest complete financial year, as the scorecard uses it."""
    if measure.frequency is Frequency.ANNUAL and not period.is_annual:
        return Period(period.year - 1)
    return period


def value_rule(measure: Measure, cell: str) -> str:
    """Excel validation formula for a Value cell: a number fit for the unit, or c, x, z."""
    symbols = ",".join(f'{cell}="{s}"' for s, _ in SYMBOLS)
    checks = [f"ISNUMBER({cell})", f"{cell}>=0"]
    if measure.unit is Unit.PERCENT:
        checks.append(f"{cell}<=100")
    if measure.unit is Unit.COUNT:
        checks.append(f"{cell}=INT({cell})")
    return f"OR(AND({','.join(checks)}),{symbols})"


def red_condition(definition: Definition, measure: Measure, period: Period, cell: str) -> str:
    """Excel condition true when the value in ``cell`` would be rated red ("" when unrated).

    Written by the rules table (:func:`~pledgekit.score.rules.excel_red`), with the tolerance
    the scorecard uses. Under the trend rule red depends on last year's figure, so any miss
    asks for commentary.
    """
    target = measure.target_for(period)
    if not measure.rated or target is None:
        return ""
    scale = max(abs(target[0]), abs(target[1])) if isinstance(target, tuple) else target
    tolerance = definition.tolerance_for(measure, scale)
    rule = definition.rag_rule(measure)
    return excel_red(cell, target, measure.polarity, tolerance, rule)


def miss_condition(measure: Measure, period: Period, cell: str) -> str:
    """Excel condition true when the value misses its target at all (amber or red)."""
    target = measure.target_for(period)
    if not measure.rated or target is None:
        return ""
    return excel_miss(cell, target, measure.polarity)


def needed_formula(definition: Definition, measure: Measure, period: Period, row: int) -> str:
    """The "Commentary needed" cell: says so while the value is red and commentary is empty."""
    value, comment = f"{_LETTER['Value']}{row}", f"{_LETTER['Commentary']}{row}"
    red = red_condition(definition, measure, period, value)
    miss = miss_condition(measure, period, value)
    if not red:
        return ""
    advised = f'IF({miss},"{ADVISED}","")' if miss != red else '""'
    empty = f"LEN(TRIM({comment}))=0"
    return f'=IF(AND(ISNUMBER({value}),{empty}),IF({red},"{NEEDED}",{advised}),"")'


def _rows(definition: Definition, period: Period) -> list[tuple[Pledge, Measure, Period]]:
    return [(p, m, row_period(m, period)) for p, m in definition.measures()]


def build_collection(definition: Definition, period: Period) -> bytes:
    """The collection workbook for ``period`` as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET
    rows = _rows(definition, period)
    _indicators(sheet, definition, rows)
    _instructions(book.create_sheet(INSTRUCTIONS), definition, period, rows)
    return workbook_bytes(book, title=f"{definition.council}: indicator return {period.label}")


def _indicators(
    sheet: Any, definition: Definition, rows: list[tuple[Pledge, Measure, Period]]
) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    grey = PatternFill("solid", start_color="F2F2F2")
    sheet.append([c.header for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    whole = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Whole number",
        error="Numerators and denominators count children: enter a whole number, 0 or more.",
    )
    sheet.add_data_validation(whole)
    for index, (pledge, measure, period) in enumerate(rows, start=2):
        target = measure.target_for(period)
        sheet.append(
            [
                safe_cell(pledge.id),
                safe_cell(measure.id),
                safe_cell(measure.title),
                period.label,
                _UNIT_HINT[measure.unit],
                _BETTER[measure.polarity],
                format_target(target, measure) or "none set",
                safe_cell(measure.owner or ""),
                None,
                None,
                None,
                None,
                needed_formula(definition, measure, period, index) or None,
            ]
        )
        value_cell = f"{_LETTER['Value']}{index}"
        rule = DataValidation(
            type="custom",
            formula1=value_rule(measure, value_cell),
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorTitle="Not a figure for this measure",
            error=_value_error(measure),
            promptTitle=f"Measure {measure.id}"[:32],
            prompt=f"{_UNIT_HINT[measure.unit]}; target {format_target(target, measure) or 'none'}"[
                :255
            ],
        )
        sheet.add_data_validation(rule)
        rule.add(value_cell)
        whole.add(f"{_LETTER['Numerator']}{index}:{_LETTER['Denominator']}{index}")
    last = max(2, len(rows) + 1)
    for number, column in enumerate(COLUMNS, start=1):
        letter = chr(ord("A") + number - 1)
        sheet.column_dimensions[letter].width = column.width
        for cells in sheet.iter_rows(min_row=2, max_row=last, min_col=number, max_col=number):
            for cell in cells:
                cell.alignment = Alignment(vertical="top", wrap_text=column.width > 20)
                if column.entry:
                    cell.protection = Protection(locked=False)
                else:
                    cell.fill = grey
    comment_range = f"{_LETTER['Commentary']}2:{_LETTER['Commentary']}{last}"
    sheet.conditional_formatting.add(
        comment_range,
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[f'${_LETTER[NEEDED]}2="{NEEDED}"'],
            fill=PatternFill("solid", start_color="F4CCCC", end_color="F4CCCC"),
        ),
    )
    sheet.conditional_formatting.add(
        comment_range,
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[f'${_LETTER[NEEDED]}2="{ADVISED}"'],
            fill=PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC"),
        ),
    )
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{_LETTER[NEEDED]}{last}"
    # Structure is locked so ids and periods stay as pledgekit wrote them; no password, since
    # this guards against slips, not people. Filtering and resizing stay allowed.
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False


def _value_error(measure: Measure) -> str:
    kinds = {
        Unit.PERCENT: "a percentage from 0 to 100 (36 for 36%)",
        Unit.COUNT: "a whole number, 0 or more",
    }
    what = kinds.get(measure.unit, "a number, 0 or more")
    return f"Enter {what}, or c (suppressed), x (not available) or z (not applicable)."


def _instructions(
    sheet: Any,
    definition: Definition,
    period: Period,
    rows: list[tuple[Pledge, Measure, Period]],
) -> None:
    from openpyxl.styles import Alignment, Font

    lines: list[tuple[str, str]] = [
        (f"{definition.council}: {definition.committee} indicator return", "title"),
        (f"Reporting period: {period.label}", "bold"),
        ("", ""),
        ("How to fill in this workbook", "heading"),
        (
            "1. On the Indicators sheet, fill in the white cells only; the grey ones come from the "
            "Pledge definition and are locked.",
            "",
        ),
        (
            "2. Value: the figure for the period, in the measure's unit. Percentages are 0 to 100 "
            "(36 for 36%), counts are whole numbers.",
            "",
        ),
        (
            "3. Numerator and Denominator: for percentages, how many children met the measure and "
            "how many it applies to. Give them whenever you can: the committee asks why figures "
            "move.",
            "",
        ),
        (
            f"4. Commentary: required when the value is red (the '{NEEDED}' column says so) - "
            "why it is red and what is being done. Advised whenever the target is missed.",
            "",
        ),
        (
            "5. Do not add, remove or reorder rows, or rename the sheet. Save the file in Excel or "
            "LibreOffice, then check it with: pledgekit validate <this file>",
            "",
        ),
        ("", ""),
        ("Symbols you may use instead of a figure", "heading"),
        *((f"{symbol}  -  {meaning}", "") for symbol, meaning in SYMBOLS),
        ("Never put 0 for a figure you do not have: 0 means none.", ""),
        ("", ""),
        ("Who to contact about each measure", "heading"),
    ]
    owners: dict[str, list[str]] = {}
    for _, measure, _ in rows:
        owners.setdefault(measure.owner or "Performance team", []).append(measure.id)
    lines += [(f"{owner}: measures {', '.join(ids)}", "") for owner, ids in owners.items()]
    fonts = {
        "title": Font(bold=True, size=14),
        "heading": Font(bold=True, size=12),
        "bold": Font(bold=True),
    }
    for text, style in lines:
        sheet.append([safe_cell(text)])
        cell = sheet.cell(row=sheet.max_row, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style:
            cell.font = fonts[style]
    sheet.column_dimensions["A"].width = 110
