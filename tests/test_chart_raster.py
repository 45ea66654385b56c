"""The PNG charts as a reader meets them: white page, sharp enough to print, gaps where figures
are hidden, dashed reference lines, text even where no body font is installed.

Pixels are read back at positions the layout gives, so these hold whatever font is installed.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator

import pytest
from PIL import Image

from pledgekit.render.report import chart_fonts
from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import Dot, Polyline, layout
from pledgekit.render.report.chart_raster import text_measure
from pledgekit.render.report.charts import chart_png
from pledgekit.report.exception_items import ChartData

from .chart_fixtures import EET

SCALE = style.DPI / 72


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _picture(chart: ChartData = EET) -> Image.Image:
    return Image.open(io.BytesIO(chart_png(chart))).convert("RGB")


def _runs(row: list[bool]) -> Iterator[int]:
    """Lengths of the runs of True."""
    for value, group in itertools.groupby(row):
        if value:
            yield len(list(group))


def test_png_is_a_small_palette_picture_on_a_white_page_at_print_resolution() -> None:
    data = chart_png(EET)
    image = Image.open(io.BytesIO(data))
    assert image.mode == "P" and len(data) < 40_000  # a few kilobytes, not tens
    assert round(image.info["dpi"][0]) == style.DPI
    rgb = image.convert("RGB")
    assert rgb.getpixel((0, 0)) == rgb.getpixel((rgb.width - 1, rgb.height - 1)) == (255, 255, 255)
    assert chart_png(EET) == data  # the same figures give the same bytes


def test_the_line_stops_at_a_hidden_figure_and_each_shown_figure_has_its_dot() -> None:
    image = _picture()
    scene = layout(EET, style.WIDE, text_measure(style.DPI))
    dots = sorted((item for item in scene.items if isinstance(item, Dot)), key=lambda d: d.y)[:-1]
    xs = sorted(dot.x for dot in dots)
    navy = _rgb(style.MEASURE.colour)
    for dot in dots:
        assert image.getpixel((round(dot.x * SCALE), round(dot.y * SCALE))) == navy
    # Half way between the second figure and the fourth, where the third is suppressed, no
    # navy pixel anywhere down the plot: the line is not drawn across the gap.
    hidden = round((xs[1] + xs[2]) / 2 * SCALE)
    column = [image.getpixel((hidden, y)) for y in range(image.height)]
    assert navy not in column
    # Between two shown figures the line passes.
    joined = round((xs[3] + xs[4]) / 2 * SCALE)
    assert navy in [image.getpixel((joined, y)) for y in range(image.height)]


@pytest.mark.parametrize(
    ("value", "look"), [(60.0, style.TARGET), (56.0, style.COMPARATORS["england"])]
)
def test_reference_lines_are_broken_into_their_dash_patterns(
    value: float, look: style.LineStyle
) -> None:
    image = _picture()
    scene = layout(EET, style.WIDE, text_measure(style.DPI))
    line = next(
        item
        for item in scene.items
        if isinstance(item, Polyline) and item.stroke.colour == look.colour
    )
    y = round(line.points[0][1] * SCALE)
    left, right = (round(x * SCALE) for x, _ in line.points)
    row = [image.getpixel((x, y)) == _rgb(look.colour) for x in range(left, right)]
    dashes = list(_runs(row))
    assert len(dashes) > 20  # many dashes across the plot, not one solid line
    on = look.dash[1][0] * look.width * SCALE if not isinstance(look.dash, str) else 0
    assert max(dashes) <= on + 3


def test_text_is_drawn_even_without_the_body_font(monkeypatch: pytest.MonkeyPatch) -> None:
    chart_fonts.font.cache_clear()
    monkeypatch.setattr(chart_fonts, "_files", lambda: None)  # no Arial, Liberation or DejaVu
    try:
        image = _picture()
        scene = layout(EET, style.WIDE, text_measure(style.DPI))
    finally:
        chart_fonts.font.cache_clear()
    labels = [item for item in scene.items if type(item).__name__ == "Label"]
    tick = next(label for label in labels if label.anchor == "end")
    box = (
        round((tick.x - 20) * SCALE),
        round((tick.y - tick.size * 0.7) * SCALE),
        round(tick.x * SCALE),
        round(tick.y * SCALE),
    )
    assert image.crop(box).getextrema() != ((255, 255), (255, 255), (255, 255))
