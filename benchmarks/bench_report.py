"""Benchmark: the committee report as a Word document, with 35, 100 and 300 charted measures.

The shipped sample data's report, with every measure (35) given an exception entry and a chart,
then the same entries repeated to 100 and 300: the cost of a council with many reds. Today
(before issue #9: a new matplotlib figure per chart) and new (charts painted with Pillow from
one layout) run interleaved, each in a fresh process with the imports and the report model
built before the clock starts; medians. The aim is under 25 ms a chart, the whole report's
time divided by its charts. Today's tree needs matplotlib (``pip install -e '.[bench]'``).

    python benchmarks/bench_report.py                  # 3 rounds
    python benchmarks/bench_report.py --quick          # 35 charts, new only, once
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Contender, arguments, interleave, markdown, versions  # noqa: E402

ROOT = HERE.parent
SAMPLE = ROOT / "sample_data"
CHARTS = (35, 100, 300)

_SETUP = """
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path
from pledgekit.api import load_inputs, load_report
from pledgekit.report.measure_lines import measure_line
try:  # this tree: exceptions have their own module, numbered, with streaks and actions
    from pledgekit.report.exception_items import exception_item as _exception_item
except ImportError:
    try:  # a tree before the report's sections were modules
        from pledgekit.report.exceptions import exception_item as _exception_item
    except ImportError:  # the tree before issue #9
        from pledgekit.report.measure_lines import exception_item as _exception_item
if "persistence" in _exception_item.__code__.co_varnames:
    def exception_item(row, line):
        return _exception_item(row, line, number="", persistence="", actions=())
else:
    exception_item = _exception_item
from pledgekit.render.report.docx import render_docx
from pledgekit.score.scoring import build_scorecard
try:  # the baseline tree draws with matplotlib, this one with Pillow: import before the clock
    import matplotlib.figure, matplotlib.backends.backend_agg
except ImportError:
    import PIL.Image, PIL.ImageDraw, PIL.ImageFont
books = [Path(b) for b in {books!r}]
loaded = load_inputs(books, pledge=None, period=None)  # (definition, dataset[, published])
more = {{"published": loaded[2]}} if len(loaded) > 2 else {{}}
card = build_scorecard(loaded[0], loaded[1], **more)
report, _, _ = load_report(books, meeting=Path({meeting!r}))
items = [exception_item(row, measure_line(row, card.period)) for row in card.rows]
many = tuple(islice(cycle(items), {charts}))
if hasattr(report, "sections"):  # this tree: the exceptions are one section of the report
    reds = report.section("exceptions")
    more_reds = replace(reds, items=many)
    report = replace(report, sections=tuple(more_reds if p is reds else p for p in report.sections))
    assert len(report.section("exceptions").items) == {charts}
else:  # the baseline tree: a field of the report
    report = replace(report, exceptions=many)
    assert len(report.exceptions) == {charts}
"""
_BODY = "data = render_docx(report)\nassert data[:2] == b'PK'"


def main() -> None:
    args = arguments(__doc__, "35 charts, once, new only")
    sizes = CHARTS[:1] if args.quick else CHARTS
    runs = versions(args)
    found: dict[tuple[str, int], Contender] = {}
    contenders = []
    for charts in sizes:
        for version, path in runs.items():
            # Each tree reads the sample data of its own day (the definition's keys have grown).
            sample = SAMPLE if path is None else Path(path).parent / "sample_data"
            books = sorted(str(p) for p in sample.glob("*.xlsx"))
            meeting = str(sample / "meeting.yaml")
            setup = _SETUP.format(books=books, meeting=meeting, charts=charts)
            contender = Contender(f"docx {version} {charts}", _BODY, setup, pythonpath=path)
            found[(version, charts)] = contender
            contenders.append(contender)
    interleave(contenders, 1 if args.quick else args.repeat)
    rows = []
    for version in runs:
        cells = []
        for charts in sizes:
            took = found[(version, charts)].seconds
            cells.append(f"{took:.2f} s ({1000 * took / charts:.0f} ms a chart)")
        rows.append([f"Word report, {version}", *cells])
    print(markdown(["charted measures", *(str(c) for c in sizes)], rows))


if __name__ == "__main__":
    main()
