"""Trend charts of a measure's recent figures: PNG for Word, inline SVG for the web page.

Suppressed and missing figures are gaps in the line, never plotted or interpolated: a chart
must not give back a number the scorecard hid. The target, and England and statistical
neighbours where the pledge definition knows them, are reference lines named in a legend, each
with its own dash pattern so a greyscale print still reads; the latest figure is labelled. The
y axis has at least four ticks and always takes in the target and comparators. The look (size,
font, colours, patterns) is in :mod:`pledgekit.render.report.chart_style`.
"""

from __future__ import annotations

import io
import math
import re
import threading
from html import escape
from typing import Any

from pledgekit.render.report import chart_style as style
from pledgekit.report.exceptions import ChartData

#: Kept for callers that place the picture: its width in inches and its resolution.
WIDTH_IN, DPI = style.WIDTH_IN, style.DPI


def _entries(chart: ChartData) -> int:
    """Lines in the legend: the measure, the target, each comparator."""
    return 1 + (chart.target is not None) + len(chart.comparators)


def size_in(chart: ChartData, shape: style.Shape = style.WIDE) -> tuple[float, float]:
    """Width and height of ``chart`` in inches (the height grows with its legend)."""
    return shape.width_in, shape.height_in(_entries(chart))


def _figure(chart: ChartData, shape: style.Shape) -> Any:
    # A bare Figure on the Agg canvas: no pyplot, so no display, no global registry of figures
    # to leak from, nothing to close.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = size_in(chart, shape)
    fig = Figure(figsize=(width, height), dpi=style.DPI)
    FigureCanvasAgg(fig)
    # Fixed margins instead of tight_layout, which draws the whole figure once more to measure.
    fig.subplots_adjust(
        left=style.LEFT_IN / width,
        right=1 - style.RIGHT_IN / width,
        top=1 - style.TOP_IN / height,
        bottom=shape.bottom_in(_entries(chart)) / height,
    )
    return fig


def _references(chart: ChartData) -> list[float]:
    """Every number the y axis must take in: figures, target and comparators."""
    found = [v for v in chart.values if v is not None]
    if isinstance(chart.target, tuple):
        found.extend(chart.target)
    elif chart.target is not None:
        found.append(float(chart.target))
    found.extend(value for _, _, value in chart.comparators)
    return found


def y_ticks(chart: ChartData) -> list[float]:
    """At least ``MIN_TICKS`` round ticks spanning the figures, target and comparators.

    The first and last tick are the axis limits, so every reference line lies inside the range;
    room is left above the highest figure for its label. Percentages stay within 0 to 100.
    """
    found = _references(chart) or [0.0, 1.0]
    low, high = min(found), max(found)
    span = high - low
    if span <= 1e-9 * max(1.0, abs(high)):  # one figure, or figures apart by float noise only
        span = max(abs(high) * 0.1, 1.0)
    bottom, top = low - span * 0.15, high + span * 0.3
    if low >= 0:
        bottom = max(bottom, 0.0)
    if chart.suffix == "%" and high <= 100:
        top = min(top, 100.0)
    return _round_ticks(bottom, top)


def _round_ticks(bottom: float, top: float) -> list[float]:
    """Evenly spaced round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) from at or
    below ``bottom`` to at or above ``top``: the finest such scale with at most ``MAX_TICKS``,
    and never fewer than ``MIN_TICKS``."""
    magnitude = 10.0 ** math.floor(math.log10((top - bottom) / style.MAX_TICKS))
    chosen: list[float] = []
    for power in (magnitude, magnitude * 10):
        for factor in (1, 2, 2.5, 5):
            step = factor * power
            first = math.floor(bottom / step + 1e-9)
            last = math.ceil(top / step - 1e-9)
            ticks = [round(i * step, 10) for i in range(first, last + 1)]
            if len(ticks) <= style.MAX_TICKS:
                return ticks if len(ticks) >= style.MIN_TICKS else chosen or ticks
            chosen = ticks
    return chosen


def _tick_text(value: float, suffix: str) -> str:
    return f"{value:g}{suffix}"


class _Canvases:
    """Figures reused for every PNG chart of a process, one per size and margins.

    A new figure per chart spends much of its time creating axes and tick objects again;
    reusing them, with the previous chart's lines, labels and legend removed, gives the same PNG
    bytes in less time (tests/test_chart_canvas.py). A lock keeps two threads off one figure.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.figures: dict[tuple[float, ...], tuple[Any, Any, list[Any]]] = {}

    def get(self, chart: ChartData, shape: style.Shape) -> tuple[Any, Any, list[Any]]:
        """Figure, axes and the list of the artists drawn on them, emptied of the last chart."""
        width, height = size_in(chart, shape)
        key = (width, height, shape.bottom_in(_entries(chart)))
        found = self.figures.get(key)
        if found is None:
            fig = _figure(chart, shape)
            found = self.figures[key] = (fig, fig.add_subplot(), [])
        fig, _, drawn = found
        for artist in drawn:
            artist.remove()
        drawn.clear()
        for legend in list(fig.legends):
            legend.remove()
        return found


_CANVASES = _Canvases()


def _draw(chart: ChartData, shape: style.Shape, reuse: bool = False) -> Any:
    """The chart as a matplotlib Figure (call inside the style's ``rc_context``)."""
    if reuse:
        fig, ax, drawn = _CANVASES.get(chart, shape)
    else:
        fig = _figure(chart, shape)
        ax, drawn = fig.add_subplot(), []
    before = set(ax.get_children())
    positions = list(range(len(chart.labels)))
    # None becomes NaN: matplotlib leaves a gap instead of joining across a hidden figure.
    values = [float("nan") if v is None else v for v in chart.values]
    line = style.MEASURE
    ax.plot(
        positions,
        values,
        color=line.colour,
        linestyle=line.dash,
        linewidth=line.width,
        marker=line.marker,
        markersize=5,
        label=f"Measure {chart.ref}",
        zorder=4,
    )
    target, look = chart.target, style.TARGET
    if isinstance(target, tuple):
        ax.axhspan(
            target[0],
            target[1],
            facecolor=style.BAND_FILL,
            alpha=0.45,
            edgecolor=look.colour,
            linestyle=look.dash,
            linewidth=look.width,
            label=chart.target_label,
            zorder=1,
        )
    elif target is not None:
        ax.axhline(
            target,
            color=look.colour,
            linestyle=look.dash,
            linewidth=look.width,
            label=chart.target_label,
            zorder=2,
        )
    for name, label, value in chart.comparators:
        look = style.comparator_style(name)
        ax.axhline(value, color=look.colour, linestyle=look.dash, linewidth=look.width, label=label)
    _label_latest(ax, chart, positions)
    ticks = y_ticks(chart)
    ax.set_ylim(ticks[0], ticks[-1])
    ax.set_yticks(ticks)
    ax.set_yticklabels([_tick_text(t, chart.suffix) for t in ticks])
    ax.set_xticks(positions)
    ax.set_xticklabels([_short(label, shape.two_line_periods) for label in chart.labels])
    ax.set_xlim(-0.4, max(len(positions) - 0.6, 0.6))
    ax.grid(axis="y", color=style.GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=min(_entries(chart), shape.legend_per_row),
        frameon=False,
        handlelength=3.2,
        columnspacing=1.6,
    )
    # What this chart added (lines, target, comparators, the latest figure's label), to be
    # removed before the next chart on a reused figure.
    drawn.extend(a for a in ax.get_children() if a not in before)
    return fig


def _label_latest(ax: Any, chart: ChartData, positions: list[int]) -> None:
    """Write the latest figure above its point, as the tables write it."""
    shown = [i for i, v in enumerate(chart.values) if v is not None]
    if not shown:
        return
    last = shown[-1]
    value = chart.values[last]
    assert value is not None
    text = chart.texts[last] if last < len(chart.texts) else _tick_text(value, chart.suffix)
    ax.annotate(
        text,
        (positions[last], value),
        xytext=(0, 8),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontweight="bold",
        color=style.MEASURE.colour,
        zorder=5,
    )


def _render(
    chart: ChartData,
    fmt: str,
    shape: style.Shape,
    rc: dict[str, object] | None = None,
    reuse: bool = False,
) -> bytes:
    from matplotlib import rc_context

    settings: Any = {**style.rc_params(), **(rc or {})}  # matplotlib types keys as literals
    with rc_context(settings):
        fig = _draw(chart, shape, reuse)
        buffer = io.BytesIO()
        # No timestamp or software version: the same data gives the same bytes.
        metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(buffer, format=fmt, dpi=style.DPI, metadata=metadata)
    return buffer.getvalue()


def chart_png(chart: ChartData) -> bytes:
    """The chart as PNG bytes, ``size_in(chart)`` inches at ``DPI`` (over 200).

    Drawn on a reused figure (a report can chart hundreds of measures); the bytes are those of
    a new figure.
    """
    with _CANVASES.lock:
        return _render(chart, "png", style.WIDE, reuse=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "x"


def chart_svg(chart: ChartData, shape: style.Shape = style.WIDE) -> str:
    """The chart as an inline ``<svg>`` element for an HTML page, in ``shape``.

    It has ``role="img"`` and is labelled by its ``<title>`` (the measure) and ``<desc>`` (the
    figures in words, as the Word document's alt text). Its ids start with ``chart-<ref>-``
    (``chart-<ref>-narrow-`` for the narrow shape), so several charts can share a page; its
    class is ``chart chart-<shape>``; it has no fixed size, so it scales to the column.
    """
    base = f"chart-{_slug(chart.ref)}" + ("" if shape is style.WIDE else f"-{shape.name}")
    text = _render(chart, "svg", shape, {"svg.hashsalt": base}).decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    # Ids matplotlib made up are prefixed so they are unique on the page.
    text = re.sub(r'\bid="([^"]+)"', rf'id="{base}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{base}-\1)", text)
    text = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{base}-\1"', text)
    opening = re.match(r"<svg\b[^>]*>", text)
    assert opening is not None
    tag = re.sub(r'\s(width|height)="[^"]*"', "", opening.group(0))
    tag = tag.replace(
        "<svg",
        f'<svg class="chart chart-{shape.name}" role="img" '
        f'aria-labelledby="{base}-title {base}-desc"',
        1,
    )
    title = f"Trend chart of measure {chart.ref}: {chart.title}"
    head = (
        f'<title id="{base}-title">{escape(title)}</title>'
        f'<desc id="{base}-desc">{escape(chart.alt)}</desc>'
    )
    return tag + head + text[opening.end() :].rstrip() + "\n"


def _short(label: str, two_lines: bool = False) -> str:
    """``2025-26 Q3`` -> ``25-26 Q3`` (or ``Q3`` over ``25-26``): eight must fit under a chart."""
    short = label[2:] if len(label) >= 7 and label[:2] in ("19", "20") else label
    year, _, quarter = short.partition(" ")
    return f"{quarter}\n{year}" if two_lines and quarter else short
