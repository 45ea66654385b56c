"""Where everything in a funnel chart goes: every council's figure against its denominator.

A funnel plot (Spiegelhalter 2005, "Funnel plots for comparing institutional performance") puts
each council at its denominator (x: how many children the figure rests on) and its figure (y),
around England's figure as a horizontal line, with the 95% and 99.8% control limits a council of
that size would fall within by chance alone: p0 +/- z sqrt(p0 (1 - p0) / n) for a percentage,
r0 +/- z sqrt(r0 m / n) for a rate per m (normal approximations, exact z). A point outside the
outer funnel differs from England by more than chance would explain.

The council is a large dark dot with its name; its statistical neighbours are squares; every
other council a small grey dot. Limits are dashed (95%) and dotted (99.8%), so a greyscale print
still reads. Drawn with the report's chart layer (:mod:`chart_layout` items, :mod:`chart_svg`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pledgekit.model.measure_kinds import Unit
from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import (
    MIDDLE_TO_BASELINE,
    PT,
    TICK_LEN,
    TICK_PAD,
    Box,
    Dot,
    Item,
    Label,
    Measure,
    Polyline,
    Scene,
    Stroke,
    _round_ticks,
    tick_text,
)
from pledgekit.score.significance import Level

#: Plot size in inches, and room around it: left for y labels, below for x labels and legend.
WIDTH_IN, PLOT_IN = style.WIDTH_IN, 3.0
LEFT_IN, RIGHT_IN, TOP_IN, BOTTOM_IN = 0.6, 0.25, 0.2, 1.3
OTHER = "#8C8C8C"
COUNCIL = style.MEASURE.colour
NEIGHBOUR = style.COMPARATORS["statistical_neighbours"].colour
ENGLAND = style.COMPARATORS["england"].colour
LIMIT = "#404040"
#: Limits drawn at this many denominators across the x range.
STEPS = 120


@dataclass(frozen=True, slots=True)
class FunnelPoint:
    """One council: its name, denominator and figure, and whether it is marked."""

    name: str
    denominator: float
    value: float
    role: str = "other"  # "council", "neighbour" or "other"


@dataclass(frozen=True)
class FunnelData:
    """What a funnel shows: the points, England's figure, the unit and the rate's multiplier."""

    title: str
    points: tuple[FunnelPoint, ...]
    england: float
    unit: Unit
    per: float = 100.0
    x_label: str = "Denominator (children)"

    @property
    def suffix(self) -> str:
        """'%' for a percentage, nothing for a rate."""
        return "%" if self.unit is Unit.PERCENT else ""


def limit(data: FunnelData, n: float, z: float) -> tuple[float, float]:
    """The control limits at denominator ``n`` for a standard normal quantile ``z``."""
    if data.unit is Unit.PERCENT:
        p = data.england / 100
        half = z * math.sqrt(max(p * (1 - p), 0.0) / n)
        return max(0.0, 100 * (p - half)), min(100.0, 100 * (p + half))
    half = z * math.sqrt(max(data.england, 0.0) * data.per / n)
    return max(0.0, data.england - half), data.england + half


def outside(data: FunnelData, point: FunnelPoint, level: Level = Level.P99_8) -> bool:
    """True when a point lies outside the funnel at ``level``."""
    low, high = limit(data, point.denominator, level.z)
    return not low <= point.value <= high


@dataclass(frozen=True, slots=True)
class _Frame:
    left: float
    right: float
    top: float
    bottom: float
    x_max: float
    y_range: tuple[float, float]

    def x(self, value: float) -> float:
        return self.left + value / self.x_max * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)


#: A phone's width, or a desktop at 400% zoom: the narrow chart keeps its text large.
NARROW_IN, NARROW_PLOT_IN, NARROW_BOTTOM_IN = 3.4, 2.4, 2.05


def layout(data: FunnelData, measure: Measure, *, narrow: bool = False) -> Scene:
    """The funnel as a scene, wide or ``narrow``; ``measure`` gives text widths (for the
    council's label)."""
    plot_in, bottom_in = (NARROW_PLOT_IN, NARROW_BOTTOM_IN) if narrow else (PLOT_IN, BOTTOM_IN)
    width = (NARROW_IN if narrow else WIDTH_IN) * PT
    height = (TOP_IN + plot_in + bottom_in) * PT
    x_max = max((p.denominator for p in data.points), default=1.0) * 1.05 or 1.0
    smallest = max(min((p.denominator for p in data.points), default=1.0) * 0.8, 1.0)
    outer = [limit(data, smallest, Level.P99_8.z)]
    figures = [p.value for p in data.points] + [data.england, *outer[0]]
    low, high = min(figures), max(figures)
    span = max(high - low, 1.0)
    bottom, top = max(low - span * 0.05, 0.0), high + span * 0.05
    if data.unit is Unit.PERCENT:
        top = min(top, 100.0)
    ticks = _round_ticks(bottom, top)
    frame = _Frame(
        LEFT_IN * PT,
        width - RIGHT_IN * PT,
        TOP_IN * PT,
        (TOP_IN + plot_in) * PT,
        x_max,
        (ticks[0], ticks[-1]),
    )
    items = [
        *_grid(ticks, frame, data),
        *_limits(data, frame, smallest),
        *_points(data, frame, measure, width),
        *_x_axis(frame, measure),
        *_legend(frame, height, 1 if narrow else 3),
    ]
    return Scene(width, height, tuple(items))


def _grid(ticks: list[float], frame: _Frame, data: FunnelData) -> Iterator[Item]:
    for tick in ticks:
        y = frame.y(tick)
        yield Polyline(((frame.left, y), (frame.right, y)), Stroke(style.GRID, 0.8))
        yield Label(
            frame.left - TICK_LEN - TICK_PAD,
            y + MIDDLE_TO_BASELINE * style.TICK_PT,
            tick_text(tick, data.suffix),
            style.TICK_PT,
            style.TEXT,
            "end",
        )
    axis = Stroke(style.AXIS, 1.0)
    yield Polyline(((frame.left, frame.top), (frame.left, frame.bottom)), axis)
    yield Polyline(((frame.left, frame.bottom), (frame.right, frame.bottom)), axis)


def _limits(data: FunnelData, frame: _Frame, smallest: float) -> Iterator[Item]:
    clip_low, clip_high = frame.y_range
    xs = [smallest + (frame.x_max - smallest) * i / STEPS for i in range(STEPS + 1)]
    for level, dash in ((Level.P95, (4.0, 2.5)), (Level.P99_8, (1.2, 2.0))):
        for side in (0, 1):
            points = tuple(
                (frame.x(n), frame.y(min(max(limit(data, n, level.z)[side], clip_low), clip_high)))
                for n in xs
            )
            yield Polyline(points, Stroke(LIMIT, 1.1, dash))
    y = frame.y(data.england)
    yield Polyline(((frame.left, y), (frame.right, y)), Stroke(ENGLAND, 1.6))


def _points(data: FunnelData, frame: _Frame, measure: Measure, width: float) -> Iterator[Item]:
    order = {"other": 0, "neighbour": 1, "council": 2}
    for point in sorted(data.points, key=lambda p: order.get(p.role, 0)):
        x, y = frame.x(point.denominator), frame.y(point.value)
        if point.role == "council":
            yield Dot(x, y, 4.2, COUNCIL)
            size = style.LABEL_PT
            text = point.name
            room = measure(text, size, True)
            # Room to spare: a browser without Arial sets the label in a wider font.
            room *= 1.2
            if x + 7 + room < width - RIGHT_IN * PT:
                yield Label(x + 7, y - 5, text, size, COUNCIL, "start", True)
            elif x - 7 - room > 0:
                yield Label(x - 7, y - 5, text, size, COUNCIL, "end", True)
            else:  # above the dot, kept inside the chart
                middle = min(max(x, room / 2 + 2), width - room / 2 - 2)
                yield Label(middle, y - 8, text, size, COUNCIL, "middle", True)
        elif point.role == "neighbour":
            yield Box(x - 3, y - 3, 6, 6, NEIGHBOUR)
        else:
            yield Dot(x, y, 2.0, OTHER)


def _x_axis(frame: _Frame, measure: Measure) -> Iterator[Item]:
    ticks = _round_ticks(0.0, frame.x_max)
    if frame.right - frame.left < 4 * PT:  # narrow: every other tick, so labels never touch
        ticks = ticks[::2]
    for tick in ticks:
        if tick > frame.x_max:
            continue
        x = frame.x(tick)
        yield Polyline(((x, frame.bottom), (x, frame.bottom + TICK_LEN)), Stroke(style.AXIS, 1.0))
        yield Label(
            x,
            frame.bottom + TICK_LEN + TICK_PAD + style.TICK_PT,
            f"{tick:,.12g}",
            style.TICK_PT,
            style.TEXT,
            "middle",
        )
    yield Label(
        (frame.left + frame.right) / 2,
        frame.bottom + TICK_LEN + TICK_PAD + 2.3 * style.TICK_PT,
        "Denominator (children the figure rests on)",
        style.TICK_PT,
        style.TEXT,
        "middle",
    )


def _legend(frame: _Frame, height: float, columns: int) -> Iterator[Item]:
    size = style.LABEL_PT
    entries: Sequence[tuple[str, str]] = (
        ("council", "This council"),
        ("neighbour", "Statistical neighbours"),
        ("other", "Other councils"),
        ("england", "England"),
        ("p95", "95% limits"),
        ("p998", "99.8% limits"),
    )
    rows = -(-len(entries) // columns)
    column_width = (frame.right - frame.left) / columns
    for index, (key, text) in enumerate(entries):
        row, column = divmod(index, columns)
        x = frame.left + column * column_width
        y = height - (rows - row) * 0.24 * PT + 0.14 * PT
        middle = y - MIDDLE_TO_BASELINE * size
        if key == "council":
            yield Dot(x + 10, middle, 4.2, COUNCIL)
        elif key == "neighbour":
            yield Box(x + 7, middle - 3, 6, 6, NEIGHBOUR)
        elif key == "other":
            yield Dot(x + 10, middle, 2.0, OTHER)
        else:
            colour, width, dash = {
                "england": (ENGLAND, 1.6, ()),
                "p95": (LIMIT, 1.1, (4.0, 2.5)),
                "p998": (LIMIT, 1.1, (1.2, 2.0)),
            }[key]
            yield Polyline(((x, middle), (x + 22, middle)), Stroke(colour, width, dash))
        yield Label(x + 28, y, text, size, style.TEXT)
