"""Where everything in a trend chart goes: one layout, drawn as SVG or as PNG.

:func:`layout` turns a chart's figures into a :class:`Scene`: boxes, lines, dots and labels in
points (1/72 inch) from the top left, in drawing order. :mod:`~pledgekit.render.report.chart_svg`
writes a scene as SVG for the web page and :mod:`~pledgekit.render.report.chart_raster` paints
it as PNG for Word, so the two cannot disagree about what a chart shows.

Suppressed and missing figures are gaps in the line, never plotted or interpolated: a chart
must not give back a number the scorecard hid. The target, and England and statistical
neighbours where the pledge definition knows them, are reference lines named in a legend, each
with its own dash pattern so a greyscale print still reads; the latest figure is labelled. The
y axis has at least four round ticks and always takes in the target and comparators.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from pledgekit.render.report import chart_style as style
from pledgekit.report.exception_items import ChartData

Point = tuple[float, float]
#: Width in points of a text at a size in points, bold or not.
Measure = Callable[[str, float, bool], float]


@dataclass(frozen=True, slots=True)
class Stroke:
    """A line's colour, width (pt) and dash pattern (on, off, ... lengths in pt; () is solid)."""

    colour: str
    width: float
    dash: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Box:
    """A filled rectangle without an edge."""

    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True, slots=True)
class Polyline:
    """A line through ``points``; closed back to its start when ``closed``."""

    points: tuple[Point, ...]
    stroke: Stroke
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Dot:
    """A filled circle: a figure's marker."""

    x: float
    y: float
    radius: float
    colour: str


@dataclass(frozen=True, slots=True)
class Label:
    """Text on a baseline at ``y``, anchored at ``x`` by its start, middle or end."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    anchor: Literal["start", "middle", "end"] = "start"
    bold: bool = False


Item = Box | Polyline | Dot | Label


@dataclass(frozen=True, slots=True)
class Scene:
    """A chart ready to draw: its size in points and its items, first drawn first."""

    width: float
    height: float
    items: tuple[Item, ...]

    def colours(self) -> list[str]:
        """Every colour drawn, in first-use order."""
        found: dict[str, None] = {}
        for item in self.items:
            colour = item.stroke.colour if isinstance(item, Polyline) else _fill(item)
            found.setdefault(colour)
        return list(found)


def _fill(item: Box | Dot | Label) -> str:
    return item.fill if isinstance(item, Box) else item.colour


#: Points per inch.
PT = 72.0
#: Tick marks' length and the gap between a tick and its label, in points.
TICK_LEN, TICK_PAD = 3.5, 3.5
#: Where a label's baseline sits below the middle of its capitals, and below the top of its
#: tallest letters, in ems (Arial's capitals are 0.716 em tall, its ascenders 0.905 em).
MIDDLE_TO_BASELINE, TOP_TO_BASELINE = 0.358, 0.8
#: Legend: the sample line's length, the gap to its text, the gap between columns, in ems.
HANDLE_EM, HANDLE_PAD_EM, COLUMN_GAP_EM = 3.2, 0.8, 1.6
#: The gap between the latest figure's point and its label, in points.
LATEST_GAP = 8.0
#: How much of the band's fill shows over the white page.
BAND_OPACITY = 0.45


def size_in(chart: ChartData, shape: style.Shape = style.WIDE) -> tuple[float, float]:
    """Width and height of ``chart`` in inches (the height grows with its legend)."""
    return shape.width_in, shape.height_in(_entries(chart))


def _entries(chart: ChartData) -> int:
    """Lines in the legend: the measure, the target, each comparator."""
    return 1 + (chart.target is not None) + len(chart.comparators)


def _references(chart: ChartData) -> list[float]:
    """Every number the y axis must take in: figures, target and comparators."""
    found = [v for v in chart.values if v is not None]
    if isinstance(chart.target, tuple):
        found.extend(chart.target)
    elif chart.target is not None:
        found.append(float(chart.target))
    found.extend(value for _, _, value in chart.comparators)
    return found


MIN_SPAN = 0.5
"""The narrowest range of figures an axis spans, in the measure's unit."""


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
    # Figures are shown to one decimal: a finer axis would only label float noise ("1.5e-05%"),
    # in ticks too wide for the margin.
    span = max(span, MIN_SPAN)
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


def tick_text(value: float, suffix: str) -> str:
    """A tick's label: ``15%``, ``2.5``, ``1200``."""
    return f"{value:.12g}{suffix}"


def short_period(label: str, two_lines: bool = False) -> str:
    """``2025-26 Q3`` -> ``25-26 Q3`` (or ``Q3`` over ``25-26``): eight must fit under a chart."""
    short = label[2:] if len(label) >= 7 and label[:2] in ("19", "20") else label
    year, _, quarter = short.partition(" ")
    return f"{quarter}\n{year}" if two_lines and quarter else short


def stroke(look: style.LineStyle) -> Stroke:
    """A line style as a stroke; dash lengths grow with the line's width, as in print."""
    dash = () if isinstance(look.dash, str) else tuple(d * look.width for d in look.dash[1])
    return Stroke(look.colour, look.width, dash)


def band_fill() -> str:
    """The target band's fill as it shows over white (drawn opaque, under the grid)."""
    channels = (int(style.BAND_FILL[i : i + 2], 16) for i in (1, 3, 5))
    blended = (round(255 - BAND_OPACITY * (255 - c)) for c in channels)
    return "#" + "".join(f"{c:02X}" for c in blended)


@dataclass(frozen=True, slots=True)
class _Frame:
    """The plot area in points and the data ranges it shows."""

    left: float
    right: float
    top: float
    bottom: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def x(self, position: float) -> float:
        low, high = self.x_range
        return self.left + (position - low) / (high - low) * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)


def layout(chart: ChartData, shape: style.Shape, measure: Measure) -> Scene:
    """The chart as a scene of ``shape``'s size; ``measure`` gives text widths for the legend."""
    width_in, height_in = size_in(chart, shape)
    width, height = width_in * PT, height_in * PT
    ticks = y_ticks(chart)
    count = len(chart.labels)
    frame = _Frame(
        left=style.LEFT_IN * PT,
        right=width - style.RIGHT_IN * PT,
        top=style.TOP_IN * PT,
        bottom=height - shape.bottom_in(_entries(chart)) * PT,
        x_range=(-0.4, max(count - 0.6, 0.6)),
        y_range=(ticks[0], ticks[-1]),
    )
    items = [
        *_band(chart, frame),
        *_grid(ticks, frame),
        *_reference_lines(chart, frame),
        *_axes(chart, ticks, frame, shape, measure),
        *_measure_line(chart, frame),
        *_latest_label(chart, frame, width, measure),
        *_legend(chart, shape, width, height, measure),
    ]
    return Scene(width, height, tuple(items))


def _band(chart: ChartData, frame: _Frame) -> Iterator[Item]:
    if isinstance(chart.target, tuple):
        low, high = sorted(chart.target)
        top, bottom = frame.y(high), frame.y(low)
        yield Box(frame.left, top, frame.right - frame.left, bottom - top, band_fill())


def _grid(ticks: list[float], frame: _Frame) -> Iterator[Item]:
    line = Stroke(style.GRID, 0.8)
    for tick in ticks:
        y = frame.y(tick)
        yield Polyline(((frame.left, y), (frame.right, y)), line)


def _reference_lines(chart: ChartData, frame: _Frame) -> Iterator[Item]:
    """The target (a line, or a band's two edges) across the plot, and each comparator across
    it or, for a figure of an earlier year, over its own periods only (half a step either side
    of the first and last, as far as the plot's edges)."""
    target = chart.target
    values = list(target) if isinstance(target, tuple) else [] if target is None else [target]
    lines = [(float(v), style.TARGET, frame.left, frame.right) for v in values]
    spans = chart.comparator_spans or (None,) * len(chart.comparators)
    low, high = frame.x_range
    for (name, _, value), span in zip(chart.comparators, spans, strict=True):
        left, right = frame.left, frame.right
        if span is not None:
            left, right = frame.x(max(span[0] - 0.5, low)), frame.x(min(span[1] + 0.5, high))
        lines.append((float(value), style.comparator_style(name), left, right))
    for value, look, left, right in lines:
        y = frame.y(value)
        yield Polyline(((left, y), (right, y)), stroke(look))


def _axes(
    chart: ChartData, ticks: list[float], frame: _Frame, shape: style.Shape, measure: Measure
) -> Iterator[Item]:
    """The left and bottom axis lines, their tick marks and tick labels."""
    axis = Stroke(style.AXIS, 0.8)
    size = style.TICK_PT
    yield Polyline(
        ((frame.left, frame.top), (frame.left, frame.bottom), (frame.right, frame.bottom)), axis
    )
    for tick in ticks:
        y = frame.y(tick)
        yield Polyline(((frame.left - TICK_LEN, y), (frame.left, y)), axis)
        yield Label(
            frame.left - TICK_LEN - TICK_PAD,
            y + MIDDLE_TO_BASELINE * size,
            tick_text(tick, chart.suffix),
            size,
            style.TEXT,
            "end",
        )
    first_line = frame.bottom + TICK_LEN + TICK_PAD + TOP_TO_BASELINE * size
    shown = _named_periods(chart.labels, shape.two_line_periods, frame, size, measure)
    for position in range(len(chart.labels)):
        x = frame.x(position)
        yield Polyline(((x, frame.bottom), (x, frame.bottom + TICK_LEN)), axis)
        for row, text in enumerate(shown.get(position, [])):
            baseline = first_line + row * style.LINE_SPACING * size
            yield Label(x, baseline, text, size, style.TEXT, "middle")


def period_texts(labels: tuple[str, ...], two_lines: bool) -> list[list[str]]:
    """Each period's label lines under the axis. On two lines the year is written under the
    first period and wherever it changes (``Q3``/``24-25``, ``Q4``, ``Q1``/``25-26``), as a
    time axis is read."""
    texts = [short_period(label, two_lines).split("\n") for label in labels]
    if not two_lines:
        return texts
    years = [lines[1] if len(lines) > 1 else None for lines in texts]
    return [
        lines[:1] if i and years[i] is not None and years[i] == years[i - 1] else lines
        for i, lines in enumerate(texts)
    ]


def _named_periods(
    labels: tuple[str, ...], two_lines: bool, frame: _Frame, size: float, measure: Measure
) -> dict[int, list[str]]:
    """The label lines under each named period: every period, or where too many for the width,
    every second (third...) counting back from the latest, so that no two labels on a line
    come within half an em of each other."""
    count = len(labels)
    for every in range(1, count + 1):
        positions = [i for i in range(count) if (count - 1 - i) % every == 0]
        texts = period_texts(tuple(labels[i] for i in positions), two_lines)
        placed = [(frame.x(i), lines) for i, lines in zip(positions, texts, strict=True)]
        if _apart(placed, size, measure):
            break
    return dict(zip(positions, texts, strict=True))


def _apart(placed: list[tuple[float, list[str]]], size: float, measure: Measure) -> bool:
    """Whether centred labels at these x positions keep half an em apart on each line."""
    for row in range(2):
        ends = [
            (x, measure(lines[row], size, False) / 2) for x, lines in placed if len(lines) > row
        ]
        for (x0, half0), (x1, half1) in itertools.pairwise(ends):
            if x1 - x0 < half0 + half1 + size / 2:
                return False
    return True


def _measure_line(chart: ChartData, frame: _Frame) -> Iterator[Item]:
    """The figures joined where consecutive; a gap wherever one is suppressed or missing."""
    look = style.MEASURE
    run: list[Point] = []
    for position, value in enumerate((*chart.values, None)):
        if value is not None:
            run.append((frame.x(position), frame.y(value)))
            continue
        if len(run) > 1:
            yield Polyline(tuple(run), stroke(look))
        for x, y in run:
            yield Dot(x, y, style.MARKER_PT / 2, look.colour)
        run = []


def _latest_label(
    chart: ChartData, frame: _Frame, width: float, measure: Measure
) -> Iterator[Item]:
    """The latest figure above its point (below, where the picture ends above it; drawn in
    from the edge where it would run off the side), as the tables write it."""
    shown = [i for i, v in enumerate(chart.values) if v is not None]
    if not shown:
        return
    last = shown[-1]
    value = chart.values[last]
    assert value is not None
    text = chart.texts[last] if last < len(chart.texts) else f"{value:g}{chart.suffix}"
    size = style.LABEL_PT
    baseline = frame.y(value) - LATEST_GAP - (1 - TOP_TO_BASELINE) * size
    if baseline - TOP_TO_BASELINE * size < 0:  # no room above (a figure near 100%): below
        baseline = frame.y(value) + LATEST_GAP + TOP_TO_BASELINE * size
    half = measure(text, size, True) / 2
    x = min(max(frame.x(last), half + 1), width - half - 1)
    yield Label(x, baseline, text, size, style.MEASURE.colour, "middle", bold=True)


def _legend(
    chart: ChartData, shape: style.Shape, width: float, height: float, measure: Measure
) -> Iterator[Item]:
    """Each line's sample and name, in columns filled top to bottom, centred under the chart."""
    entries: list[tuple[str, style.LineStyle, bool]] = [
        (f"Measure {chart.ref}", style.MEASURE, False)
    ]
    if chart.target is not None:
        entries.append((chart.target_label, style.TARGET, isinstance(chart.target, tuple)))
    for name, label, _ in chart.comparators:
        entries.append((label, style.comparator_style(name), False))
    size = style.LABEL_PT
    rows = shape.legend_rows(len(entries))
    columns = [entries[i : i + rows] for i in range(0, len(entries), rows)]
    handle, pad, gap = HANDLE_EM * size, HANDLE_PAD_EM * size, COLUMN_GAP_EM * size
    widths = [
        handle + pad + max(measure(text, size, False) for text, _, _ in column)
        for column in columns
    ]
    x = (width - sum(widths) - gap * (len(columns) - 1)) / 2
    row_height = style.LEGEND_ROW_IN * PT
    first_middle = height - style.LEGEND_FOOT_IN * PT - (rows - 0.5) * row_height
    for column, column_width in zip(columns, widths, strict=True):
        for row, (text, look, band) in enumerate(column):
            middle = first_middle + row * row_height
            yield from _sample(look, band, x, middle, handle)
            yield Label(
                x + handle + pad, middle + MIDDLE_TO_BASELINE * size, text, size, style.TEXT
            )
        x += column_width + gap


def _sample(
    look: style.LineStyle, band: bool, x: float, middle: float, length: float
) -> Iterator[Item]:
    """A legend entry's sample: a short stretch of its line, or of the band with its edges."""
    if band:
        half = 0.35 * style.LABEL_PT
        yield Box(x, middle - half, length, 2 * half, band_fill())
        corners = (
            (x, middle - half),
            (x + length, middle - half),
            (x + length, middle + half),
            (x, middle + half),
        )
        yield Polyline(corners, stroke(look), closed=True)
        return
    yield Polyline(((x, middle), (x + length, middle)), stroke(look))
    if look.marker:
        yield Dot(x + length / 2, middle, style.MARKER_PT / 2, look.colour)
