"""Small builders for definitions and datasets used across tests."""

from __future__ import annotations

from pathlib import Path

from pledgekit.config.pledge import Definition, load_definition
from pledgekit.model.location import Location
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period, parse_period
from pledgekit.model.values import Reading, ValueState

DEFINITION = """\
council: Test Council
area: HOME
neighbours: [N1, N2]
pledges:
  - id: "1"
    title: Health
    promises: [We will keep you healthy.]
    measures:
      - {id: "1.1", title: Health assessments, unit: percent, polarity: higher, target: 90, tolerance: 5, comparators: {england: 88}}
      - {id: "1.2", title: Missing from care, unit: percent, polarity: lower, target: 10, tolerance: "10%"}
      - {id: "1.3", title: Children in care, unit: count, polarity: none, suppress_small: false}
  - id: "2"
    title: Education
    measures:
      - {id: "2.1", title: Care leavers in higher education, unit: count, polarity: higher, target: 10}
      - {id: "2.2", title: KS4 grade 4+, unit: percent, polarity: higher, target: {"2024-25": 20, "2025-26": 25}, frequency: annual}
      - {id: "2.3", title: Caseload, unit: count, polarity: band, target: [12, 18], tolerance: 2, suppress_small: false}
"""


def definition(tmp_path: Path, text: str = DEFINITION) -> Definition:
    path = tmp_path / "pledge.yaml"
    path.write_text(text, encoding="utf-8")
    return load_definition(path)


def number(x: float) -> Reading:
    return Reading(ValueState.NUMBER, float(x))


def obs(
    measure: str,
    period: str,
    value: float | Reading | None = None,
    *,
    numerator: float | None = None,
    denominator: float | None = None,
    area: str | None = None,
    row: int = 2,
    **extra: object,
) -> Observation:
    reading = (
        value
        if isinstance(value, Reading)
        else (Reading(ValueState.MISSING) if value is None else number(value))
    )
    return Observation(
        measure=measure,
        period=parse_period(period) if not isinstance(period, Period) else period,
        location=Location("q.xlsx", "Indicators", row, "C"),
        value=reading,
        numerator=number(numerator) if numerator is not None else Reading(ValueState.MISSING),
        denominator=number(denominator) if denominator is not None else Reading(ValueState.MISSING),
        area=area,
        cells={"value": f"C{row}"},
        **extra,  # type: ignore[arg-type]
    )


def dataset(*observations: Observation) -> Dataset:
    return Dataset.of(list(observations), files=["q.xlsx"])
