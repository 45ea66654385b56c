"""Benchmark: the committee report of the shipped sample data, as a Word document.

Times, each in a fresh process (imports included, as the user pays them):

- ``pledgekit report sample_data/*.xlsx --meeting sample_data/meeting.yaml -o report.docx``,
  end to end: six workbooks read, scorecard, personal-data guard, five red measures charted;
- the Word rendering alone with every measure of the sample (35) given an exception entry and
  a chart, the worst case a council with many reds would meet.

    python benchmarks/bench_report.py            # prints a Markdown table; aim: under 5 s
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import table, time_command, time_python  # noqa: E402

ROOT = HERE.parent
SAMPLE = ROOT / "sample_data"

_ALL_CHARTS = """
from dataclasses import replace
from pledgekit.api import load_report
from pledgekit.report.measure_lines import exception_item, measure_line
from pledgekit.score.scoring import build_scorecard
from pledgekit.api import load_inputs
definition, dataset, published = load_inputs(books, pledge=None, period=None)
card = build_scorecard(definition, dataset, published=published)
report, _, _ = load_report(books, meeting=meeting)
report = replace(report, exceptions=tuple(
    exception_item(row, measure_line(row, card.period)) for row in card.rows
))
"""


def main() -> None:
    books = sorted(str(p) for p in SAMPLE.glob("*.xlsx"))
    if not books:
        raise SystemExit("no sample workbooks: run scripts/make_sample_data.py first")
    meeting = str(SAMPLE / "meeting.yaml")
    exe = Path(sys.executable).parent / "pledgekit"
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "report.docx")
        command = time_command(
            "pledgekit report (docx, sample data)",
            [str(exe), "report", *books, "--meeting", meeting, "-o", out, "--force"],
        )
    setup = (
        f"from pathlib import Path\nbooks = [Path(b) for b in {books!r}]\n"
        f"meeting = Path({meeting!r})\n" + _ALL_CHARTS
    )
    everything = time_python(
        "render_docx, every measure charted",
        "from pledgekit.render.report.docx import render_docx\n"
        "data = render_docx(report)\n"
        "assert data[:2] == b'PK' and len(report.exceptions) == 35, len(report.exceptions)",
        setup=setup,
    )
    print(
        table(
            [
                ("`pledgekit report ... -o report.docx` (5 charts)", command, None),
                ("Word rendering alone, all 35 measures charted", everything, None),
            ]
        )
    )


if __name__ == "__main__":
    main()
