"""How the report's trend charts look: size, font, colours, line patterns, axis ticks.

Kept apart from the drawing in :mod:`pledgekit.render.report.charts` so the look can change
without touching how a chart is made. Every line has its own dash pattern and marker as well as
its own colour, so a chart printed in greyscale still reads; the text is the report's body font.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Full text width of an A4 page with 2 cm margins (17 cm), and a height that keeps the chart low.
WIDTH_IN = 17.0 / 2.54
HEIGHT_IN = 2.7
#: PNG resolution for the Word document: sharp when printed (over 200 dpi at full width).
DPI = 220

#: The body font of the templates (Arial), then fonts with the same metrics or look.
FONTS = ["Arial", "Helvetica", "Liberation Sans", "Arimo", "DejaVu Sans"]
#: Text sizes in points at the chart's printed size (the body text is 11 pt).
TICK_PT = 9.0
LABEL_PT = 9.0

#: The fewest and most y-axis ticks: at least four so the scale can be read.
MIN_TICKS, MAX_TICKS = 4, 6

#: Margins in figure fractions; the legend sits below the plot, outside the data.
MARGINS = {"left": 0.09, "right": 0.97, "top": 0.93}
#: Room below the plot in inches: the period labels, then each row of the legend.
TICK_ROOM_IN, LEGEND_ROW_IN = 0.36, 0.24
#: Legend entries side by side: two per row when there are more than two, so they fit a phone.
LEGEND_PER_ROW = 2


def bottom_margin(entries: int) -> float:
    """The bottom margin, as a fraction of the height, for a legend of ``entries`` lines."""
    rows = 1 if entries <= LEGEND_PER_ROW else -(-entries // LEGEND_PER_ROW)
    return (TICK_ROOM_IN + rows * LEGEND_ROW_IN + 0.06) / HEIGHT_IN


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


def rc_params() -> dict[str, object]:
    """matplotlib settings for every chart: the body font, text as text in SVG, no timestamps."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": LABEL_PT,
        "axes.edgecolor": AXIS,
        "axes.labelcolor": "#1a1a1a",
        "xtick.color": AXIS,
        "ytick.color": AXIS,
        "xtick.labelcolor": "#1a1a1a",
        "ytick.labelcolor": "#1a1a1a",
        "xtick.labelsize": TICK_PT,
        "ytick.labelsize": TICK_PT,
        "legend.fontsize": LABEL_PT,
        # SVG text stays text: the browser draws it in the page's font, sharp at any zoom.
        "svg.fonttype": "none",
    }
