"""The trend charts' look: readable ticks, reference lines inside the axis, labels, patterns.

Read from the SVG's text and styles and from the PNG's header; what the PNG's pixels show is
in test_chart_raster.py, and where the layout puts things in test_chart_layout.py.
"""

from __future__ import annotations

import itertools
import re
import struct
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import y_ticks
from pledgekit.render.report.charts import chart_png, chart_svg, size_in
from pledgekit.report.exception_items import ChartData

from .report_fixtures import fixed_report
from .report_parts import part

CHART = ChartData(
    ref="2.4",
    title="Persistent absence",
    labels=("2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"),
    values=(17.6, None, 21.3, 22.4),
    target=15.0,
    target_label="Target ≤ 15.0%",
    suffix="%",
    alt="Line chart of measure 2.4 & <friends>.",
    texts=("17.6%", "c", "21.3%", "22.4%"),
    comparators=(
        ("england", "England 19.1%", 19.1),
        ("statistical_neighbours", "Statistical neighbours 18.4%", 18.4),
    ),
)


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


def test_ticks_are_round_at_least_four_and_take_in_every_line() -> None:
    ticks = y_ticks(CHART)
    assert len(ticks) >= style.MIN_TICKS
    assert ticks[0] <= 15.0 and ticks[-1] >= 22.4  # target and latest figure inside the axis
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1


@given(
    values=st.lists(
        st.one_of(st.none(), st.floats(0, 1000, allow_nan=False)), min_size=1, max_size=8
    ),
    target=st.one_of(st.none(), st.floats(0, 1000, allow_nan=False)),
    percent=st.booleans(),
)
def test_any_series_gets_four_ticks_around_its_lines(
    values: list[float | None], target: float | None, percent: bool
) -> None:
    if percent:
        values = [None if v is None else v / 10 for v in values]
        target = None if target is None else target / 10
    chart = replace(
        CHART,
        labels=tuple(f"2026-27 Q{i % 4 + 1}" for i in range(len(values))),
        values=tuple(values),
        target=target,
        suffix="%" if percent else "",
        texts=(),
        comparators=(),
    )
    ticks = y_ticks(chart)
    assert len(ticks) >= style.MIN_TICKS
    shown = [v for v in values if v is not None] + ([target] if target is not None else [])
    for value in shown:
        assert ticks[0] - 1e-9 <= value <= ticks[-1] + 1e-9


def test_svg_is_labelled_scalable_and_in_the_body_font() -> None:
    svg = chart_svg(CHART)
    opening = re.match(r"<svg [^>]*>", svg)
    assert opening is not None
    assert 'role="img"' in opening.group(0) and "viewBox=" in opening.group(0)
    assert "width=" not in opening.group(0) and "height=" not in opening.group(0)
    assert (
        '<title id="chart-2-4-title">Trend chart of measure 2.4: Persistent absence</title>' in svg
    )
    assert (
        '<desc id="chart-2-4-desc">Line chart of measure 2.4 &amp; &lt;friends&gt;.</desc>' in svg
    )
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("chart-2-4-") for i in ids) and len(ids) == len(set(ids))
    fonts = set(re.findall(r"font-family: ([^;\"]+)", svg))
    assert fonts and all(f.startswith("'Arial'") for f in fonts)
    assert "<?xml" not in svg and "<metadata>" not in svg


def test_chart_names_its_lines_and_labels_the_latest_figure() -> None:
    texts = _texts(chart_svg(CHART))
    assert {"Target ≤ 15.0%", "England 19.1%", "Statistical neighbours 18.4%"} <= set(texts)
    assert "22.4%" in texts  # the latest figure, as the tables write it
    assert "c" not in texts and "Measure 2.4" in texts
    ticks = [t for t in texts if re.fullmatch(r"[\d.]+%", t) and t != "22.4%"]
    assert len(ticks) >= 4


def test_each_reference_line_has_its_own_dash_pattern() -> None:
    svg = chart_svg(CHART)
    dashes = set(re.findall(r"stroke-dasharray: ([^;\"]+)", svg))
    assert len(dashes) == 3  # target, England, statistical neighbours
    looks = [style.MEASURE, style.TARGET, *style.COMPARATORS.values(), style.OTHER_COMPARATOR]
    assert len({str(look.dash) for look in looks}) == len(looks)


def test_narrow_shape_has_its_own_ids_and_stacked_labels() -> None:
    svg = chart_svg(CHART, style.NARROW)
    assert 'class="chart chart-narrow"' in svg and 'id="chart-2-4-narrow-title"' in svg
    assert "Q3" in _texts(svg) and "25-26" in _texts(svg)  # period on two lines


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_is_full_width_over_200_dpi_and_repeatable(tmp_path: Path) -> None:
    chart = part(fixed_report(tmp_path), "exceptions").items[0].chart
    data = chart_png(chart)
    width_in, height_in = size_in(chart)
    pixels = _png_size(data)
    assert abs(width_in - 17 / 2.54) < 1e-9
    assert pixels[0] / width_in >= 200 and pixels[1] / height_in >= 200
    assert chart_png(chart) == data
