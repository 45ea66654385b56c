"""What the check tests share: a small definition, observations built in memory, finders."""

from __future__ import annotations

from pledgekit.model.findings import Finding
from pledgekit.model.location import Location
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import parse_period
from pledgekit.model.values import Reading, ValueState

PLEDGE = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {id: "1.1", title: Health assessments, unit: percent, polarity: higher, target: 90, tolerance: 5}
      - {id: "1.2", title: Missing from care, unit: percent, polarity: lower, target: 10, tolerance: 2}
      - {id: "1.3", title: Children in care, unit: count, polarity: none, suppress_small: false}
  - id: "2"
    title: Education
    measures:
      - {id: "2.1", title: Care leavers in higher education, unit: count, polarity: higher, target: 10}
      - {id: "2.2", title: Days to adoption, unit: days, polarity: lower, target: {"2019-20": 200}}
      - {id: "2.3", title: Children in care per 10000, unit: rate, polarity: none}
"""
PERIOD = "2019-20 Q2"
COLUMNS = {"measure": "A", "period": "B", "value": "C", "numerator": "D", "denominator": "E"}


def reading(value: float | str | Reading | None) -> Reading:
    if isinstance(value, Reading):
        return value
    if value is None:
        return Reading(ValueState.MISSING)
    if isinstance(value, str):
        return Reading(ValueState.INVALID, raw=value)
    return Reading(ValueState.NUMBER, float(value))


def ob(
    measure: str,
    value: float | str | Reading | None = None,
    *,
    period: str = PERIOD,
    row: int = 2,
    numerator: float | None = None,
    denominator: float | None = None,
    commentary: str | None = None,
    area: str | None = None,
    file: str = "q.xlsx",
    sheet: str = "Indicators",
) -> Observation:
    """An observation as ingest makes one, every field's cell on ``row``."""
    cells = {name: f"{col}{row}" for name, col in COLUMNS.items()}
    cells["commentary"] = f"F{row}"
    cells["area"] = f"G{row}"
    return Observation(
        measure=measure,
        period=parse_period(period),
        location=Location(file, sheet, row, "C"),
        value=reading(value),
        numerator=reading(numerator),
        denominator=reading(denominator),
        commentary=commentary,
        area=area,
        cells=cells,
    )


def complete(*extra: Observation, skip: tuple[str, ...] = ()) -> Dataset:
    """Every measure on target for the period (rows 2-7), plus ``extra`` rows."""
    rows = [
        ob("1.1", 92, numerator=92, denominator=100, row=2),
        ob("1.2", 8, numerator=8, denominator=100, row=3),
        ob("1.3", 300, row=4),
        ob("2.1", 12, row=5),
        ob("2.2", 180, row=6),
        ob("2.3", 71.5, numerator=143, denominator=20000, row=7),
    ]
    kept = [o for o in rows if o.measure not in skip]
    return Dataset.of([*kept, *extra], files=["q.xlsx"])


def found(findings: list[Finding], code: str) -> list[tuple[str | None, str | None]]:
    """(cell, measure) of each finding with ``code``."""
    return [(f.location.a1, f.measure) for f in findings if f.code == code]


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}
