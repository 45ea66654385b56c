"""What every format of the SSDA903 sheet shows: its heading, its rows as text, its notes."""

from __future__ import annotations

from pledgekit.model.records_sheet import RecordsSheet, SheetFigure
from pledgekit.model.values import Reading, format_number

#: The columns a reader sees, in the text formats.
HEADERS = ("Measure", "Period", "Value", "Numerator", "Denominator", "Cohort", "Published", "Note")


def heading(sheet: RecordsSheet) -> str:
    who = f"{sheet.council}: " if sheet.council else ""
    return f"{who}figures from the SSDA903 return"


def _shown(reading: Reading, unit: str | None = None) -> str:
    if reading.is_number and reading.number is not None and unit in ("percent", "rate", "score"):
        return format_number(reading.number, 1)
    return reading.display()


def row_cells(figure: SheetFigure) -> list[str]:
    """One figure as the text cells of :data:`HEADERS`."""
    measure = (
        figure.measure
        if figure.measure == figure.reference
        else (f"{figure.measure} ({figure.reference})")
    )
    return [
        measure,
        figure.period,
        _shown(figure.value, figure.unit),
        _shown(figure.numerator),
        _shown(figure.denominator),
        _shown(figure.cohort),
        "" if figure.published is None else format_number(figure.published),
        figure.note or "",
    ]


def notes(sheet: RecordsSheet) -> list[str]:
    """The footnotes: disclosure control, the counting options, and each measure's rule."""
    options = ", ".join(f"{k}={v}" for k, v in sheet.options.items())
    lines = [
        "c: hidden by disclosure control (a count of 1 to 5 children, or a figure resting on "
        "one, or one that would let a hidden count be worked out); 0 is shown.",
        f"Counting options: {options}." if options else "",
    ]
    seen: set[str] = set()
    for figure in sheet.figures:
        if figure.reference not in seen:
            seen.add(figure.reference)
            lines.append(f"{figure.reference}: {figure.rule}")
    return [line for line in lines if line]
