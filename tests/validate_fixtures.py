"""Workbooks and definitions with planted problems, for the validate and template tests.

Everything is written into a temporary folder the test changes into, so paths in findings are
the relative names given (as a user typing them would see) and golden files stay stable.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

PLEDGE = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {id: "1.1", title: Health assessments, unit: percent, polarity: higher, target: 90, tolerance: 5, owner: Designated Nurse}
      - {id: "1.2", title: Missing from care, unit: percent, polarity: lower, target: 10, tolerance: 2, owner: Head of Service}
      - {id: "1.3", title: Children in care, unit: count, polarity: none, suppress_small: false}
  - id: "2"
    title: Education
    measures:
      - {id: "2.1", title: Care leavers in higher education, unit: count, polarity: higher, target: 10, suppress_small: false}
      - {id: "2.2", title: Days to adoption, unit: days, polarity: lower, target: 200, owner: Head of Adoption}
      - {id: "2.3", title: Children in care per 10000, unit: rate, polarity: none}
"""
HEADER = ["Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]
Row = list[object]

#: A clean return for 2019-20 Q2: every measure, on target, figures that add up.
CLEAN: list[Row] = [
    ["1.1", "2019-20 Q2", 92, 92, 100, None],
    ["1.2", "2019-20 Q2", 8, 8, 100, None],
    ["1.3", "2019-20 Q2", 300, None, None, None],
    ["2.1", "2019-20 Q2", 12, None, None, None],
    ["2.2", "2019-20 Q2", 180, None, None, None],
    ["2.3", "2019-20 Q2", 71.5, 143, 20000, None],
]

#: One planted problem per row; the comment gives the code and the cell it is found at.
PLANTED: list[Row] = [
    ["1.1", "2019-20 Q2", 120, None, None, None],  # percent-out-of-range C2
    ["1.2", "2019-20 Q2", 30, 40, 100, None],  # value-disagrees-with-ratio C3, red: F3
    ["1.3", "2019-20 Q2", "lots", None, None, None],  # not-a-number C4
    ["2.1", "2019-20 Q5", 12, None, None, None],  # bad-period B5 (so 2.1 is missing)
    ["2.2", "2019-20 Q2", 180, None, None, None],  # fine
    ["9.9", "2019-20 Q2", 3, None, None, None],  # unknown-measure A7
    ["1.1", "2019-20 Q2", 95, None, None, None],  # duplicate-observation C8
    ["2.3", "2019-20 Q2", "=1+1", None, None, None],  # formula-without-value C9
    ["1.2", "2019-20 Q1", 60, 12, 10, None],  # numerator-exceeds-denominator D10, C10
]

#: (code, cell, measure) for each problem in :data:`PLANTED`, as validate reports them.
PLANTED_FINDINGS = {
    ("percent-out-of-range", "C2", "1.1"),
    ("value-disagrees-with-ratio", "C3", "1.2"),
    ("missing-commentary-for-red", "F3", "1.2"),
    ("not-a-number", "C4", "1.3"),
    ("bad-period", "B5", "2.1"),
    ("missing-measure", None, "2.1"),
    ("unknown-measure", "A7", "9.9"),
    ("duplicate-observation", "C8", "1.1"),
    ("formula-without-value", "C9", "2.3"),
    ("numerator-exceeds-denominator", "D10", "1.2"),
    ("value-disagrees-with-ratio", "C10", "1.2"),
}


def write_workbook(path: Path, rows: list[Row], *, sheet: str = "Indicators") -> Path:
    """An .xlsx with the standard header and ``rows`` under it."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def write_pledge(folder: Path, text: str = PLEDGE) -> Path:
    path = folder / "pledge.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def project(folder: Path, **books: list[Row]) -> None:
    """pledge.yaml and one workbook per keyword (``clean=CLEAN`` writes clean.xlsx)."""
    write_pledge(folder)
    for name, rows in books.items():
        write_workbook(folder / f"{name}.xlsx", rows)
