"""Small-number suppression reaches every output: no format shows or lets you derive a hidden number.

One workbook carries a rate on a numerator below the threshold (4 of 1,234: 0.3%) and a total
whose parts would give a suppressed part back (9,000 = 8,939 + 58 + 3): 3 is hidden by primary
suppression and 58 must be hidden too, or 9,000 - 8,939 - 58 would reveal it.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pledgekit.api import load_report, load_scorecard
from pledgekit.render.report.formats import FORMATS as REPORT_FORMATS
from pledgekit.render.scorecard.formats import FORMATS

from .docx_text import docx_text
from .workbooks import write_xlsx

DEFINITION = """\
council: Suppression Test Council
pledges:
  - id: "1"
    title: Staying safe
    measures:
      - {id: "1.1", title: Children cautioned or convicted, unit: percent, polarity: lower, target: 5}
      - {id: "1.2", title: Children in care, unit: count, polarity: none, suppress_small: false}
      - {id: "1.3", title: In foster care, unit: count, polarity: none, part_of: "1.2"}
      - {id: "1.4", title: In residential care, unit: count, polarity: none, part_of: "1.2"}
      - {id: "1.5", title: Placed for adoption, unit: count, polarity: none, part_of: "1.2"}
"""
HIDDEN = ("1,234", "1234", "0.3%", "0.32", "58")
DATA_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
# A chart's drawing: coordinates, not figures (its <title> and <desc> are kept and checked).
SVG_DRAWING = re.compile(r"</desc>.*?</svg>", re.S)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    return write_xlsx(
        tmp_path / "q.xlsx",
        [
            ["Measure", "Period", "Value", "Numerator", "Denominator", "Commentary"],
            ["1.1", "2026-27 Q2", 4 / 1234 * 100, 4, 1234, "Rate rests on few children."],
            ["1.2", "2026-27 Q2", 9000, None, None, None],
            ["1.3", "2026-27 Q2", 8939, None, None, None],
            ["1.4", "2026-27 Q2", 58, None, None, None],
            ["1.5", "2026-27 Q2", 3, None, None, None],
        ],
    )


def xlsx_text(data: bytes) -> str:
    sheet = load_workbook(io.BytesIO(data)).active
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)


def assert_nothing_hidden_shows(text: str, where: str, workbook: Path) -> None:
    # The workbook's path is in the output (JSON names its files), and pytest's temporary
    # folder is numbered: pytest-658 is not the figure 58.
    text = text.replace(str(workbook.parent), "<folder>")
    text = SVG_DRAWING.sub("</desc></svg>", DATA_URI.sub("", text))
    for hidden in HIDDEN:
        assert hidden not in text, f"{hidden!r} shows in the {where} output"
    assert "Suppressed" in text or "suppressed" in text, f"no suppression mark in {where}"


@pytest.mark.parametrize("fmt", FORMATS.names)
def test_scorecard_formats_hide_small_and_derivable_numbers(workbook: Path, fmt: str) -> None:
    card, _ = load_scorecard([workbook])
    data = FORMATS.get(fmt).renderer(card)
    text = xlsx_text(data) if isinstance(data, bytes) else data
    assert_nothing_hidden_shows(text, fmt, workbook)
    if fmt == "json":
        rows = {r["measure"]: r for r in json.loads(text)["rows"]}
        assert rows["1.4"]["notes"] == [
            "suppressed: otherwise 1.5 could be worked out from the total"
        ]
        assert rows["1.1"]["value"] == {"state": "suppressed", "number": None}
        assert [p["number"] for p in rows["1.1"]["history"]] == [None]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_report_formats_hide_small_and_derivable_numbers(workbook: Path, fmt: str) -> None:
    report, _, blocking = load_report([workbook])
    assert blocking == []
    data = REPORT_FORMATS.get(fmt).renderer(report)
    text = docx_text(data) if isinstance(data, bytes) else data
    assert_nothing_hidden_shows(text, f"report {fmt}", workbook)
    assert "8,939" in text or "8939" in text  # what is safe still shows
