"""Where a chart's layout puts things: inside the picture, apart, and gaps where figures are hidden.

The layout is what both the SVG and the PNG draw, so these hold for both.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import Dot, Label, Measure, Polyline, Scene, layout
from pledgekit.render.report.chart_metrics import text_width
from pledgekit.render.report.chart_raster import text_measure
from pledgekit.report.exception_items import ChartData

from .chart_fixtures import EET, QUARTERS, YEARS


def _extent(label: Label, measure: Measure = text_width) -> tuple[float, float]:
    width = measure(label.text, label.size, label.bold)
    start = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}
    return start[label.anchor], start[label.anchor] + width


def _labels(scene: Scene) -> list[Label]:
    return [item for item in scene.items if isinstance(item, Label)]


charts = st.builds(
    lambda count, values, target, band, comparators, annual, percent: replace(
        EET,
        labels=(YEARS if annual else QUARTERS)[:count],
        values=tuple(values[:count]) + (None,) * (count - len(values[:count])),
        texts=(),
        target=None if target is None else ((target, target + 10.0) if band else target),
        target_label="Target",
        comparators=tuple(
            (name, f"{name.title()} {value:g}", value)
            for name, value in zip(("england", "statistical_neighbours"), comparators, strict=False)
        ),
        suffix="%" if percent else "",
    ),
    count=st.integers(1, 12),
    values=st.lists(st.one_of(st.none(), st.floats(0, 100, allow_nan=False)), max_size=12),
    target=st.one_of(st.none(), st.floats(0, 90, allow_nan=False)),
    band=st.booleans(),
    comparators=st.lists(st.floats(0, 100, allow_nan=False), max_size=2),
    annual=st.booleans(),
    percent=st.booleans(),
)


# Found at the dependency floors: no figure, a target of 0 and an England line at float noise
# above it once made an axis of 0.000005 steps whose labels ran off the picture.
NOISE_AXIS = replace(
    EET,
    labels=QUARTERS[:1],
    values=(None,),
    texts=(),
    target=0.0,
    target_label="Target",
    comparators=(("england", "England 1.52588e-05", 1.52587890625e-05),),
    suffix="%",
)


@given(chart=charts, narrow=st.booleans(), png=st.booleans())
@example(chart=NOISE_AXIS, narrow=False, png=False)
def test_no_text_falls_off_the_picture_or_onto_another(
    chart: ChartData, narrow: bool, png: bool
) -> None:
    # Laid out with Arial's widths (the SVG) or with those of the font the PNG is set in.
    measure = text_measure(style.DPI) if png else text_width
    scene = layout(chart, style.NARROW if narrow else style.WIDE, measure)
    labels = _labels(scene)
    for label in labels:
        left, right = _extent(label, measure)
        assert left >= 0 and right <= scene.width, label
        assert label.size * 0.8 <= label.y <= scene.height, label
    # Labels sharing a baseline (period names, legend rows) do not run into each other.
    by_line = sorted(labels, key=lambda label: (round(label.y, 6), _extent(label, measure)[0]))
    for a, b in itertools.pairwise(by_line):
        if round(a.y, 6) == round(b.y, 6):
            assert _extent(a, measure)[1] <= _extent(b, measure)[0], (a.text, b.text)


def test_a_hidden_figure_is_a_gap_never_joined_across() -> None:
    scene = layout(EET, style.WIDE, text_width)
    colour = style.MEASURE.colour
    lines = [i for i in scene.items if isinstance(i, Polyline) and i.stroke.colour == colour]
    dots = sorted((i for i in scene.items if isinstance(i, Dot)), key=lambda dot: dot.y)
    plot_dots = sorted(dot.x for dot in dots[:-1])  # the lowest dot is the legend's sample
    assert len(plot_dots) == 7  # a dot for each figure shown, none for the suppressed one
    step = plot_dots[1] - plot_dots[0]
    assert abs(plot_dots[2] - plot_dots[1] - 2 * step) < 1e-6  # where the third figure is not
    # Two runs in the plot (before and after the suppressed figure) and the legend's sample;
    # no segment reaches across the gap.
    assert sorted(len(line.points) for line in lines) == [2, 2, 5]
    for line in lines[:2]:
        for (x0, _), (x1, _) in itertools.pairwise(line.points):
            assert abs(x1 - x0 - step) < 1e-6
    texts = [label.text for label in _labels(scene)]
    assert "c" not in texts and "49.8%" in texts


def _period_lines(scene: Scene) -> list[str]:
    centred = [label for label in _labels(scene) if label.anchor == "middle" and not label.bold]
    return [label.text for label in sorted(centred, key=lambda label: (label.x, label.y))]


def test_periods_name_the_year_where_it_changes_on_a_narrow_chart() -> None:
    scene = layout(EET, style.NARROW, text_width)
    assert _period_lines(scene) == [
        "Q1",
        "24-25",
        "Q2",
        "Q3",
        "Q4",
        "Q1",
        "25-26",
        "Q2",
        "Q3",
        "Q4",
    ]
    wide = layout(EET, style.WIDE, text_width)
    assert _period_lines(wide) == [label[2:] for label in EET.labels]


def test_too_many_periods_for_the_width_are_named_alternately_ending_with_the_latest() -> None:
    chart = replace(EET, labels=YEARS[:8])
    scene = layout(chart, style.NARROW, text_width)
    assert _period_lines(scene) == ["11-12", "13-14", "15-16", "17-18"]
    ticks = [
        item
        for item in scene.items
        if isinstance(item, Polyline)
        and len(item.points) == 2
        and item.points[0][0] == item.points[1][0]
    ]
    assert len(ticks) == 8  # every period still has its tick mark


def test_an_old_comparator_is_drawn_over_its_own_periods_only() -> None:
    # England's figure is for 2023-24: drawn over 2024-25 Q1 to Q4 (the first four periods,
    # the year it was the latest published) and not across 2025-26; the neighbours across.
    chart = replace(
        EET,
        comparators=(
            ("england", "England 56.0% (2023-24)", 56.0),
            ("statistical_neighbours", "Statistical neighbours 54.0%", 54.0),
        ),
        comparator_spans=((0, 3), None),
    )
    scene = layout(chart, style.WIDE, text_width)
    dots = sorted((i for i in scene.items if isinstance(i, Dot)), key=lambda dot: dot.y)
    xs = sorted(dot.x for dot in dots[:-1])  # periods 0, 1, 3 ... 7 (the third is hidden)
    step = xs[1] - xs[0]

    def flat(colour: str) -> list[tuple[float, float]]:
        found = [
            i.points
            for i in scene.items
            if isinstance(i, Polyline) and i.stroke.colour == colour and len(i.points) == 2
        ]
        return [(p[0][0], p[1][0]) for p in found if p[0][1] == p[1][1]]

    (england, *_) = flat(style.comparator_style("england").colour)
    assert abs(england[0] - (xs[0] - 0.4 * step)) < 1e-6  # the plot's left edge
    assert abs(england[1] - (xs[0] + 3.5 * step)) < 1e-6  # half a step past 2024-25 Q4
    neighbours = flat(style.comparator_style("statistical_neighbours").colour)
    assert max(right - left for left, right in neighbours) > 7 * step  # across the plot


def test_the_report_chooses_each_comparators_periods_by_its_year() -> None:
    from pledgekit.report.exception_items import _span

    points = [(label, 1.0, "") for label in QUARTERS[4:10]]  # 2025-26 Q1 to 2026-27 Q2
    assert _span(None, points) is None  # no year: across
    assert _span("2025-26", points) is None  # its periods are all the chart's: across
    assert _span("2025", points) == (0, 3)  # 2024-25, latest through 2025-26 only
    assert _span("2024-25", points) == (0, 3)
    assert _span("2021-22", points) is False  # older than the chart: left off
