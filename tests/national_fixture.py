"""A small national-style workbook with every messy-cell habit, for the before/after golden test.

12 areas x 16 measures x 8 quarters (about 1,500 rows) in the shape of published statistical-neighbour
data, plus the habits real workbooks have: title rows and a period line above the header, notes
below the table, merged id cells, ids stored as numbers, percent-formatted cells and ``36%`` text,
``1,234``, statistical symbols (``c``, ``<5``, ``x``, ``k``, ``12u``), invalid text, formulas
without a saved value, fractions that look like percentages, duplicates, unknown ids, numerators
above denominators, values disagreeing with their ratio and bad periods. Seeded, so the same
workbook is written every time; the golden JSON in ``tests/golden/national/`` was produced by the
row-by-row reader before the columnar one replaced it.
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

AREAS = [f"E0{8000100 + i:07d}" for i in range(11)] + ["E09000999"]
HOME = "E09000999"
QUARTERS = [f"{2022 + i // 4}-{(2023 + i // 4) % 100:02d} Q{i % 4 + 1}" for i in range(8)]

PLEDGE = f"""\
council: National Fixture Council (synthetic)
area: "{HOME}"
neighbours: ["E08000100", "E08000101", "E08000102"]
defaults:
  tolerance: 5
  stable_within: 0.5
  suppression_threshold: 5
pledges:
  - id: "1"
    title: Health
    measures:
      - {{id: "1.1", title: Health checks, unit: percent, polarity: higher, target: 90}}
      - {{id: "1.2", title: Dental checks, unit: percent, polarity: higher, target: 85, tolerance: 3}}
      - {{id: "1.3", title: Missing episodes, unit: count, polarity: lower, target: 20}}
      - {{id: "1.10", title: SDQ score, unit: score, polarity: lower, target: 14, tolerance: 1}}
      - {{id: "1.11", title: Health history given, unit: percent, polarity: higher}}
  - id: "2"
    title: Education
    measures:
      - {{id: "2.1", title: Attendance below 90%, unit: percent, polarity: lower, target: 20}}
      - {{id: "2.2", title: Exclusions, unit: rate, polarity: lower, target: {{"2022-23": 12, "2023-24": 10}}}}
      - {{id: "2.3", title: Care leavers in EET, unit: percent, polarity: higher, target: 60, frequency: annual}}
      - {{id: "2.4", title: PEP completed, unit: percent, polarity: band, target: [90, 100]}}
      - {{id: "2.5", title: Days to adoption, unit: days, polarity: lower, target: 426}}
  - id: "3"
    title: Home
    measures:
      - {{id: "3.1", title: Placements total, unit: count, polarity: none}}
      - {{id: "3.2", title: Placements in foster care, unit: count, polarity: none, part_of: "3.1"}}
      - {{id: "3.3", title: Placements in homes, unit: count, polarity: none, part_of: "3.1"}}
      - {{id: "3.4", title: Three or more moves, unit: percent, polarity: lower, target: 10, tolerance: "20%"}}
      - {{id: "3.5", title: Stable placements, unit: percent, polarity: higher, target: 68}}
  - id: "4"
    title: Voice
    measures:
      - {{id: "4.20", title: Reviews with the child's views, unit: percent, polarity: higher, target: 95}}
"""

_IDS = ["1.1", "1.2", "1.3", "1.10", "1.11", "2.1", "2.2", "2.3", "2.4", "2.5"]
_IDS += ["3.1", "3.2", "3.3", "3.4", "3.5", "4.20"]
_PERCENT = {"1.1", "1.2", "1.11", "2.1", "2.3", "2.4", "3.4", "3.5", "4.20"}
_AS_NUMBERS = {(AREAS[4], "4.20"), (AREAS[5], "1.1")}
_MESSY = ["c", "<5", "x", "k", "z", "..", "n/a", "*", "12u", "lots", "#DIV/0!", "=1+1"]


def _figures(rng: random.Random, measure: str, base: float) -> tuple[object, object, object]:
    if measure in _PERCENT:
        den = rng.randint(3, 120)
        num = min(den, max(0, round(den * base / 100)))
        return round(100 * num / den, 1), num, den
    if measure in {"1.3", "3.1", "3.2", "3.3"}:
        return rng.randint(0, 40), None, None
    return round(base / 3, 1), None, None


def rows(seed: int = 9) -> list[list[object]]:
    """The table's data rows: area, measure, period, value, numerator, denominator, commentary."""
    rng = random.Random(seed)
    found: list[list[object]] = []
    for area in AREAS:
        for measure in _IDS:
            base = rng.uniform(10, 90)
            periods = QUARTERS if measure != "2.3" else ["2022-23", "2023-24"]
            for label in periods:
                value, num, den = _figures(rng, measure, base)
                comment = rng.choice([None, None, None, "On track.", "Below target: a plan."])
                row: list[object] = [area, measure, label, value, num, den, comment]
                roll = rng.random()
                if roll < 0.04:
                    row[3] = rng.choice(_MESSY)
                elif roll < 0.06 and measure in _PERCENT and isinstance(value, float):
                    row[3] = f"{value}%"
                elif roll < 0.07 and measure in _PERCENT and isinstance(value, float):
                    row[3] = round(value / 100, 3)  # a fraction where a percentage belongs
                elif roll < 0.08 and num is not None:
                    row[4] = (den or 0) + 5  # numerator above denominator
                elif roll < 0.09 and num is not None:
                    row[3] = (value if isinstance(value, float) else 0.0) + 17  # disagrees
                elif roll < 0.10 and measure in {"1.3", "3.1"}:
                    row[3] = f"{rng.randint(1000, 9999):,}"
                elif roll < 0.105:
                    row[2] = "2023-24 Q5"  # bad period
                elif roll < 0.11:
                    row[2] = None  # blank period: no title period, so a finding
                elif roll < 0.115:
                    row[1] = float(measure) if measure in {"1.1", "2.1", "3.4"} else measure
                if (area, measure) in _AS_NUMBERS:
                    row[1] = float(measure)  # 4.2 for "4.20"; 1.1 for "1.1" or "1.10"?
                base = min(99.0, max(1.0, base + rng.uniform(-4, 4)))
                found.append(row)
    found.append([HOME, "9.9", QUARTERS[-1], 12, None, None, None])  # unknown measure
    found.append([HOME, "1.1", QUARTERS[-1], 91, None, None, None])  # duplicate
    found.append([None, None, QUARTERS[-1], 50, None, None, None])  # figures, no id
    found.append([AREAS[6], "2.4", "2021-22 Q4", 120, None, None, None])  # percent above 100
    return found


def write(folder: Path, seed: int = 9) -> tuple[Path, Path]:
    """Write ``national.xlsx`` and ``pledge.yaml`` into ``folder``; return both paths."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Indicators"
    sheet.append(["Corporate parenting indicators, all areas (synthetic)"])
    sheet.append([])
    header = ["Area", "Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"]
    sheet.append(header)
    data = rows(seed)
    for row in data:
        sheet.append(row)
    # Percent-formatted value cells: stored 0.36, shown 36%, for one area's measure 3.5.
    for row_number, row in enumerate(data, start=4):
        if row[0] == AREAS[2] and row[1] == "3.5" and isinstance(row[3], float):
            cell = sheet.cell(row=row_number, column=4, value=round(row[3] / 100, 4))
            cell.number_format = "0.0%"
    # A merged measure id over an area's first two rows of 3.2 (the value shows in the first only).
    merge_at = next(
        i for i, row in enumerate(data, start=4) if row[0] == AREAS[1] and row[1] == "3.2"
    )
    sheet.cell(row=merge_at + 1, column=2, value=None)
    sheet.merge_cells(start_row=merge_at, start_column=2, end_row=merge_at + 1, end_column=2)
    last = len(data) + 3
    sheet.cell(row=last + 2, column=1, value="Source: synthetic data for the pledgekit tests.")
    sheet.cell(row=last + 3, column=1, value="Note: c = suppressed, x = not available.")
    folder.mkdir(parents=True, exist_ok=True)
    workbook, pledge = folder / "national.xlsx", folder / "pledge.yaml"
    book.save(workbook)
    pledge.write_text(PLEDGE, encoding="utf-8")
    return workbook, pledge
