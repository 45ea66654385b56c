"""Charts drawn on the one reused figure are the same PNG as on a fresh figure, in any order."""

from __future__ import annotations

from pledgekit.render.report import charts
from pledgekit.report.measure_lines import ChartData

LABELS = tuple(f"20{20 + j // 4}-{21 + j // 4} Q{j % 4 + 1}" for j in range(8))


def chart(target: object, suffix: str, values: tuple[float | None, ...]) -> ChartData:
    return ChartData(
        ref="1.1",
        title="Health checks",
        labels=LABELS,
        values=values,
        target=target,  # type: ignore[arg-type]
        target_label="Target",
        suffix=suffix,
        alt="a line chart",
    )


BAND = chart((40.0, 60.0), "%", (41.0, 45.5, None, 52.0, 58.0, 61.0, 59.0, 57.5))
LINE = chart(120.0, "", (300.0, 280.0, 250.0, 240.0, None, 200.0, 180.0, 150.0))
BARE = chart(None, "", (1.0, 2.0, 3.0, 2.0, 1.0, 2.0, 3.0, 4.0))


def fresh(data: ChartData) -> bytes:
    saved = charts._CANVAS
    charts._CANVAS = charts._Canvas()
    try:
        return charts.chart_png(data)
    finally:
        charts._CANVAS = saved


def test_reused_figure_draws_each_chart_as_a_fresh_figure_would() -> None:
    # A wide-ranged chart after a band, a bare one after a target: nothing may carry over
    # (limits, legend, the percent formatter, the target line).
    sequence = [BAND, LINE, BARE, BAND, BARE, LINE]
    drawn = [charts.chart_png(data) for data in sequence]
    for data, png in zip(sequence, drawn, strict=True):
        assert png == fresh(data)
    assert drawn[0] == drawn[3] and drawn[1] == drawn[5] and drawn[2] == drawn[4]
    assert len({drawn[0], drawn[1], drawn[2]}) == 3
    assert drawn[0].startswith(b"\x89PNG")
