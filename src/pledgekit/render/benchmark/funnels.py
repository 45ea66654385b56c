"""Funnel charts of published benchmarks: the data of one measure and year, and its SVG.

Each council with a figure and a numeric denominator is a point; England's figure (as the
benchmarks give it: published, or from counts) is the centre line. The council is marked, and
its statistical neighbours. The chart has a title and a description in words for screen readers.
"""

from __future__ import annotations

import math
import re
from html import escape

from pledgekit.model.measure_kinds import Unit
from pledgekit.model.published_figures import LOCAL, Figure, Year, rankable
from pledgekit.render.report.chart_metrics import text_width
from pledgekit.render.report.chart_svg import svg_element
from pledgekit.render.report.funnel_layout import FunnelData, FunnelPoint, layout, outside
from pledgekit.score.benchmarks import MeasureBenchmark, YearBenchmark


def _figure(figure: Figure, unit: Unit, per: float) -> tuple[float, float] | None:
    """(denominator, figure) for a point, or None without both."""
    den = figure.denominator.number if figure.denominator.is_number else None
    if not den:
        return None
    num = figure.numerator.number if figure.numerator.is_number else None
    if num is not None and unit is Unit.PERCENT:
        return den, 100 * num / den
    if num is not None and unit is Unit.RATE:
        return den, per * num / den
    value = rankable(figure.value)
    return None if value is None else (den, value)


def _per(figures: list[Figure], unit: Unit) -> float:
    """A rate's multiplier (per 10,000 ...) as the figures show it; 100 for a percentage."""
    if unit is not Unit.RATE:
        return 100.0
    for f in figures:
        if f.value.is_number and f.numerator.is_number and f.denominator.is_number:
            value, num, den = f.value.number, f.numerator.number, f.denominator.number
            if value and num and den:
                return float(10 ** round(math.log10(value * den / num)))
    return 10_000.0


def funnel_data(mb: MeasureBenchmark, yb: YearBenchmark) -> FunnelData | None:
    """The funnel of one measure and year, or None when England or the points are missing."""
    if mb.series is None or yb.england is None:
        return None
    figures = [f for f in mb.series.years.get(yb.year, []) if f.area.level == LOCAL]
    unit = mb.measure.unit
    if unit not in (Unit.PERCENT, Unit.RATE):
        return None
    per = _per(figures, unit)
    home = mb.home
    near = mb.neighbour_codes
    points = []
    for f in figures:
        found = _figure(f, unit, per)
        if found is None:
            continue
        role = "other"
        if home is not None and f.area.code == home.code:
            role = "council"
        elif f.area.code in near or (f.area.old_code and f.area.old_code in near):
            role = "neighbour"
        points.append(FunnelPoint(f.area.name, found[0], found[1], role))
    if len(points) < 2:
        return None
    title = f"Funnel chart of measure {mb.measure.id}, {yb.year.label}: {mb.measure.title}"
    return FunnelData(title, tuple(points), yb.england, unit, per)


def describe(data: FunnelData, year: Year) -> str:
    """The chart in words: how many councils, England, where the council sits, who is outside."""
    suffix = data.suffix
    council = next((p for p in data.points if p.role == "council"), None)
    above = [p for p in data.points if outside(data, p) and p.value > data.england]
    below = [p for p in data.points if outside(data, p) and p.value < data.england]
    words = [
        f"{len(data.points)} councils in {year.label}, each at its denominator, around England's "
        f"{data.england:.1f}{suffix} with 95% and 99.8% control limits."
    ]
    if council is not None:
        where = "outside" if outside(data, council) else "inside"
        words.append(
            f"{council.name}: {council.value:.1f}{suffix} of {council.denominator:,.0f}, "
            f"{where} the 99.8% limits."
        )
    words.append(f"{len(above)} councils lie above the 99.8% limits and {len(below)} below them.")
    return " ".join(words)


def funnel_svg(mb: MeasureBenchmark, yb: YearBenchmark) -> str:
    """Two inline ``<svg role="img">`` elements, wide and narrow (the page shows one by screen
    width), each labelled by its title and description; '' without data."""
    data = funnel_data(mb, yb)
    if data is None:
        return ""
    slug = re.sub(
        r"[^A-Za-z0-9]+",
        "-",
        f"{mb.home.code if mb.home else ''}-{mb.measure.id}-{yb.year.code}",
    ).strip("-")
    found = []
    for narrow in (False, True):
        base = f"funnel-{slug}" + ("-narrow" if narrow else "")
        shape = "narrow" if narrow else "wide"
        opening = (
            f'class="chart chart-{shape} funnel" role="img" '
            f'aria-labelledby="{base}-title {base}-desc"'
        )
        head = (
            f'<title id="{base}-title">{escape(data.title)}</title>'
            f'<desc id="{base}-desc">{escape(describe(data, yb.year))}</desc>'
        )
        found.append(svg_element(layout(data, text_width, narrow=narrow), opening, head))
    return "".join(found)
