"""How the report's trend charts look: size, font, colours, line patterns, axis ticks.

Kept apart from the layout in :mod:`pledgekit.render.report.chart_layout` so the look can change
without touching how a chart is made. Every line has its own dash pattern and marker as well as
its own colour, so a chart printed in greyscale still reads; the text is the report's body font.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Full text width of an A4 page with 2 cm margins (17 cm).
WIDTH_IN = 17.0 / 2.54
#: PNG resolution for the Word document: sharp when printed (over 200 dpi at full width).
DPI = 220

#: The body font of the templates (Arial), then fonts with the same metrics or look: the web
#: page's charts name them in this order.
FONTS = ["Arial", "Helvetica", "Liberation Sans", "Arimo", "DejaVu Sans"]
#: The same fonts' files (regular, bold) as Windows, macOS and Linux name them, for the PNG.
FONT_FILES = [
    ("Arial.ttf", "Arial Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("Arimo-Regular.ttf", "Arimo-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
]
#: Text sizes in points at the chart's printed size (the body text is 11 pt).
TICK_PT = 9.0
LABEL_PT = 9.0
#: Text colour, and the distance between the lines of a two-line label in ems.
TEXT = "#1A1A1A"
LINE_SPACING = 1.2
#: A figure's marker: a dot this many points across.
MARKER_PT = 5.0

#: The fewest and most y-axis ticks: at least four so the scale can be read.
MIN_TICKS, MAX_TICKS = 4, 6

#: Room around the plot in inches: left for the y labels, above for the latest figure's label.
LEFT_IN, RIGHT_IN, TOP_IN = 0.6, 0.2, 0.2
#: Room below the plot in inches: the period labels (one or two lines), then each legend row.
TICK_ROOM_IN, TWO_LINE_TICK_ROOM_IN, LEGEND_ROW_IN = 0.36, 0.52, 0.24
#: Room under the legend's last row, in inches.
LEGEND_FOOT_IN = 0.06


@dataclass(frozen=True)
class Shape:
    """A chart's width, the height of its plot, and how its labels and legend are laid out."""

    name: str
    width_in: float
    plot_in: float
    legend_per_row: int
    two_line_periods: bool

    def legend_rows(self, entries: int) -> int:
        """Rows the legend takes for ``entries`` lines."""
        return -(-entries // self.legend_per_row)

    def bottom_in(self, entries: int) -> float:
        """Room below the plot: period labels and the legend."""
        ticks = TWO_LINE_TICK_ROOM_IN if self.two_line_periods else TICK_ROOM_IN
        return ticks + self.legend_rows(entries) * LEGEND_ROW_IN + LEGEND_FOOT_IN

    def height_in(self, entries: int) -> float:
        """The whole chart's height for a legend of ``entries`` lines."""
        return TOP_IN + self.plot_in + self.bottom_in(entries)


#: Full text width of the Word document and of the web page on a wide screen.
WIDE = Shape("wide", WIDTH_IN, 1.45, 2, False)
#: A phone, or a desktop zoomed to 400%: narrow, so its text stays large when it fills 320 px.
NARROW = Shape("narrow", 3.4, 2.0, 1, True)


@dataclass(frozen=True)
class LineStyle:
    """One line's colour, dash pattern, width and marker."""

    colour: str
    dash: str | tuple[float, tuple[float, ...]]
    width: float
    marker: str | None = None


#: The measure itself: solid, dark blue, with a dot at each figure.
MEASURE = LineStyle("#1F3864", "-", 2.0, "o")
#: The target: dashed dark grey (a band target is a shaded band with dashed edges).
TARGET = LineStyle("#404040", (0, (6.0, 3.0)), 1.4)
#: Comparators, each with its own pattern: England dotted, statistical neighbours dash-dot.
COMPARATORS = {
    "england": LineStyle("#7A3E00", (0, (1.0, 2.0)), 1.6),
    "statistical_neighbours": LineStyle("#00626E", (0, (5.0, 2.0, 1.0, 2.0)), 1.4),
}
#: Other comparators named in a pledge definition.
OTHER_COMPARATOR = LineStyle("#5B2C6F", (0, (2.0, 2.0)), 1.4)
#: The target band's fill.
BAND_FILL = "#BFBFBF"
#: Axis lines and grid.
AXIS = "#595959"
GRID = "#D9D9D9"


def comparator_style(name: str) -> LineStyle:
    """The style of the comparator called ``name`` in pledge.yaml (``england``...)."""
    return COMPARATORS.get(name, OTHER_COMPARATOR)
