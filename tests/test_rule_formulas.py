"""The collection workbook's RAG formulas, evaluated by LibreOffice, agree with the Python rules.

The "Commentary needed" column is written from score/rules.py's RULES (red and miss as Excel
conditions). Here LibreOffice opens a filled-in workbook, recalculates it and saves it as CSV, and
each row's verdict is compared with :func:`pledgekit.score.rules.rate` on the same figure: at the
target, at the tolerance's edge, just beyond it, inside and outside bands, for each polarity and
a tolerance given as a percentage of the target, under every rule in the table (the trend rule
with no figure a year earlier: the workbook has none).

Skipped without LibreOffice, except in CI (``CI=true``), where it must run.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pledgekit.config.pledge import load_definition
from pledgekit.model.periods import Period
from pledgekit.model.status import Status
from pledgekit.model.values import Reading, ValueState
from pledgekit.render.workbook.collection import ADVISED, NEEDED, build_collection
from pledgekit.score.rules import RULES, excel_number, rate

from .libreoffice import convert, find_soffice

PERIOD = Period(2025, 2)

#: (polarity, target, tolerance) of a measure, and the figures to rate by it: each under every
#: rule in the table, so a rule added to RULES is checked here without a change to this file.
CASES: list[tuple[str, str, str, list[float]]] = [
    # higher is better, absolute tolerance: 90 +/- 5
    ("higher", "90", "5", [90, 95, 89.9999999999, 87, 85, 84.99, 84.9999, 0]),
    # lower is better: 10, tolerance 2
    ("lower", "10", "2", [10, 9, 10.0000000001, 11, 12, 12.01, 12.0001, 100]),
    # a band 40-60, tolerance 5 on either side
    ("band", "[40, 60]", "5", [40, 60, 50, 38, 35, 34.99, 65, 65.01, 70]),
    # a tolerance of 10% of the target: 7 around 70
    ("higher", "70", "'10%'", [70, 66, 63, 62.99, 62.9999]),
    # 15% of 33.3 is 4.995, not a round number in binary
    ("lower", "33.3", "'15%'", [33.3, 36, 38.295, 38.2951, 38.3]),
    # a band with a percentage tolerance: 10% of the larger end, 2.5
    ("band", "[20, 25]", "'10%'", [17.5, 17.49, 27.5, 27.51, 22]),
    # zero tolerance
    ("lower", "0.5", "0", [0.5, 0.5000000001, 0.51, 0.4]),
]


def _pledge(folder: Path) -> tuple[Path, dict[str, float]]:
    """pledge.yaml with one measure per figure to rate, and each measure's figure."""
    lines = [
        "council: Test Council",
        "pledges:",
        '  - id: "1"',
        "    title: Rules",
        "    measures:",
    ]
    figures: dict[str, float] = {}
    cases = [(*case, rule) for rule in RULES for case in CASES]
    for case, (polarity, target, tolerance, values, rule) in enumerate(cases, start=1):
        for number, value in enumerate(values, start=1):
            measure = f"{case}.{number}"
            figures[measure] = value
            lines.append(
                f'      - {{id: "{measure}", title: "Case {measure}", unit: score, '
                f"polarity: {polarity}, target: {target}, tolerance: {tolerance}, "
                f"rag_rule: {rule.value}}}"
            )
    path = folder / "pledge.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, figures


def _recalculated(workbook: Path) -> list[dict[str, str]]:
    """The Indicators sheet as LibreOffice computes it, read back from the CSV it saves."""
    out = workbook.parent / "out"
    done = convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1", out)
    assert done.returncode == 0, done.stdout + done.stderr
    with (out / workbook.with_suffix(".csv").name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _expected(status: Status) -> str:
    return {Status.RED: NEEDED, Status.AMBER: ADVISED, Status.GREEN: ""}[status]


def test_excel_numbers_keep_every_digit_and_no_exponent() -> None:
    assert excel_number(85) == "85"
    assert excel_number(-5.000000001) == "(-5.000000001)"
    assert excel_number(-1e-09) == "(-0.000000001)"
    assert excel_number(4.995) == "4.995"
    assert float(excel_number(1 / 3)) == 1 / 3


@pytest.mark.slow
def test_libreoffice_rates_every_boundary_as_the_python_rules_do(tmp_path: Path) -> None:
    if find_soffice() is None:
        reason = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    pledge, figures = _pledge(tmp_path)
    definition = load_definition(pledge)
    workbook = tmp_path / "collection.xlsx"
    workbook.write_bytes(build_collection(definition, PERIOD))
    book = load_workbook(workbook)
    sheet = book["Indicators"]
    headers = [cell.value for cell in sheet[1]]
    measure_col, value_col = headers.index("Measure") + 1, headers.index("Value") + 1
    for row in range(2, sheet.max_row + 1):
        measure = sheet.cell(row=row, column=measure_col).value
        sheet.cell(row=row, column=value_col).value = figures[str(measure)]
    book.save(workbook)

    computed = {row["Measure"]: row[NEEDED] for row in _recalculated(workbook)}
    assert len(computed) == len(figures)
    disagreements = []
    for _, measure in definition.measures():
        target = measure.target_for(PERIOD)
        assert target is not None
        scale = max(abs(target[0]), abs(target[1])) if isinstance(target, tuple) else target
        rating = rate(
            Reading(ValueState.NUMBER, figures[measure.id]),
            polarity=measure.polarity,
            target=target,
            tolerance=definition.tolerance_for(measure, scale),
            rule=definition.rag_rule(measure),
        )
        if computed[measure.id] != _expected(rating.status):
            disagreements.append(
                (measure.id, figures[measure.id], rating.status, computed[measure.id])
            )
    assert disagreements == []
    # The cases reach every verdict, so agreement is not agreement on one answer.
    assert {computed[m] for m in figures} == {NEEDED, ADVISED, ""}
