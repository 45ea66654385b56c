"""A second council's data, made for the report tests: Eastmere (SYNTHETIC: not a real council).

Four quarterly workbooks (2025-26 Q3 to 2026-27 Q2), each with its own Commitments, Updates,
Actions and Profile sheets whose text names the quarter, so a test can tell which workbook a
section came from. The 2025-26 annual results arrive only in the 2026-27 Q2 workbook, as
DfE's do; the 2026-27 Q1 workbook has no Updates sheet, so its paper must fall back to the
Q4 one and say so. ``meeting.yaml`` is written for 2026-27 Q1.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from .workbooks import write_xlsx

PLEDGE = """\
council: Eastmere District Council (synthetic example)
committee: Corporate Parenting Panel
pledges:
  - id: "1"
    title: Staying healthy
    promises: [We will make sure you have your health checks on time.]
    measures:
      - {id: "1.1", title: Initial health assessments on time, unit: percent, polarity: higher, target: 80, tolerance: 5, owner: Designated Nurse}
      - {id: "1.2", title: Children with a dental check, unit: percent, polarity: higher, target: 85, tolerance: 5, frequency: annual}
  - id: "2"
    title: A stable home
    promises: [We will help you stay in one home.]
    measures:
      - {id: "2.1", title: Children with three or more placements, unit: percent, polarity: lower, target: 10, tolerance: 2, owner: Head of Placements}
      - {id: "2.2", title: Number of children in care, unit: count, polarity: none, suppress_small: false}
"""

QUARTERS = ("2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2")
#: measure -> (numerator, denominator) per quarter; 1.2 is annual (below).
FIGURES: dict[str, list[tuple[int, int]]] = {
    "1.1": [(30, 40), (28, 40), (26, 40), (35, 40)],
    "2.1": [(8, 100), (9, 102), (14, 104), (11, 106)],
}
CHILDREN = [100, 102, 104, 106]
#: The annual dental-check results: 2024-25 arrives with 2025-26 Q3, 2025-26 with 2026-27 Q2.
ANNUAL = {"2024-25": (80, 100, "2025-26 Q3"), "2025-26": (95, 100, "2026-27 Q2")}


def _file(quarter: str) -> str:
    return quarter.replace(" ", "-") + ".xlsx"


def _indicators(i: int, quarter: str) -> list[list[object]]:
    rows: list[list[object]] = [["Ref", "Period", "Value", "Numerator", "Denominator", "Comments"]]
    for measure, series in FIGURES.items():
        num, den = series[i]
        note = f"Commentary written in {quarter}."
        rows.append([measure, quarter, round(100 * num / den, 1), num, den, note])
    rows.append(["2.2", quarter, CHILDREN[i], None, None, None])
    for year, (num, den, arrives) in ANNUAL.items():
        if arrives == quarter:
            rows.append(["1.2", year, round(100 * num / den, 1), num, den, f"Results of {year}."])
    return rows


def _sheets(quarter: str) -> dict[str, list[list[object]]]:
    due = datetime.datetime(2026, 6, 30)
    sheets: dict[str, list[list[object]]] = {
        "Commitments": [
            ["Directorate", "Pledge", "Commitment", "Lead", "Due", "Status", "Update"],
            [
                "Children's Services",
                2,
                f"Recruit foster carers ({quarter})",
                "Fostering lead",
                due,
                "On track",
                f"Progress reported in {quarter}.",
            ],
        ],
        "Updates": [["Pledge", "Update"], [1, f"Health update written in {quarter}."]],
        "Actions": [
            ["Ref", "Action", "Pledge", "Measures", "Lead", "Milestone", "Status", "Update"],
            [
                "E1",
                f"Extra clinics ({quarter})",
                1,
                "1.1",
                "Designated Nurse",
                due,
                "On track",
                f"Action update of {quarter}.",
            ],
        ],
        "Profile": [
            ["Period", "Label", "Value", "England"],
            [quarter, "Children in care", CHILDREN[QUARTERS.index(quarter)], None],
        ],
    }
    if quarter == "2026-27 Q1":
        del sheets["Updates"]
    return sheets


MEETING = """\
committee: Corporate Parenting Panel
date: 2026-08-20
period: "2026-27 Q1"
purpose: To report performance against the Pledge for 2026-27 Q1.
recommendations: [That the Panel notes performance in 2026-27 Q1.]
"""


def write_second_council(folder: Path) -> list[Path]:
    """Write Eastmere's pledge.yaml, meeting.yaml and four workbooks; return the workbooks."""
    (folder / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    (folder / "meeting.yaml").write_text(MEETING, encoding="utf-8")
    books = []
    for i, quarter in enumerate(QUARTERS):
        books.append(
            write_xlsx(folder / _file(quarter), _indicators(i, quarter), sheets=_sheets(quarter))
        )
    return books
