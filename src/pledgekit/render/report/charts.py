"""Trend charts of a measure's recent figures: PNG for Word, inline SVG for the web page.

Both are drawn from one layout (:mod:`~pledgekit.render.report.chart_layout`, which says what a
chart shows); the look is in :mod:`~pledgekit.render.report.chart_style`. A report can chart
hundreds of measures, so a PNG is painted directly with Pillow in a few milliseconds rather
than through a plotting library.
"""

from __future__ import annotations

import re
from html import escape

from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import layout, size_in
from pledgekit.render.report.chart_metrics import text_width
from pledgekit.render.report.chart_raster import text_measure, to_png
from pledgekit.render.report.chart_svg import svg_element
from pledgekit.report.exception_items import ChartData

__all__ = ["chart_png", "chart_svg", "size_in"]


def chart_png(chart: ChartData) -> bytes:
    """The chart as PNG bytes, ``size_in(chart)`` inches at ``chart_style.DPI`` (over 200),
    its legend laid out with the widths of the font it is set in."""
    return to_png(layout(chart, style.WIDE, text_measure(style.DPI)), style.DPI)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "x"


def chart_svg(chart: ChartData, shape: style.Shape = style.WIDE) -> str:
    """The chart as an inline ``<svg>`` element for an HTML page, in ``shape``.

    It has ``role="img"`` and is labelled by its ``<title>`` (the measure) and ``<desc>`` (the
    figures in words, as the Word document's alt text). Its ids start with ``chart-<ref>-``
    (``chart-<ref>-narrow-`` for the narrow shape), so several charts can share a page; its
    class is ``chart chart-<shape>``; it has no fixed size, so it scales to the column. It is
    laid out with Arial's widths, so it is the same on every machine.
    """
    base = f"chart-{_slug(chart.ref)}" + ("" if shape is style.WIDE else f"-{shape.name}")
    title = f"Trend chart of measure {chart.ref}: {chart.title}"
    opening = (
        f'class="chart chart-{shape.name}" role="img" aria-labelledby="{base}-title {base}-desc"'
    )
    head = (
        f'<title id="{base}-title">{escape(title)}</title>'
        f'<desc id="{base}-desc">{escape(chart.alt)}</desc>'
    )
    return svg_element(layout(chart, shape, text_width), opening, head)
