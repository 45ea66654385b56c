"""Charts drawn on a reused figure are the same PNG as on a fresh figure, in any order."""

from __future__ import annotations

from pledgekit.render.report import chart_style as style
from pledgekit.render.report import charts
from pledgekit.report.exceptions import ChartData

LABELS = tuple(f"20{20 + j // 4}-{21 + j // 4} Q{j % 4 + 1}" for j in range(8))


def chart(
    target: object,
    suffix: str,
    values: tuple[float | None, ...],
    comparators: tuple[tuple[str, str, float], ...] = (),
) -> ChartData:
    return ChartData(
        ref="1.1",
        title="Health checks",
        labels=LABELS,
        values=values,
        target=target,  # type: ignore[arg-type]
        target_label="Target",
        suffix=suffix,
        alt="a line chart",
        comparators=comparators,
    )


BAND = chart((40.0, 60.0), "%", (41.0, 45.5, None, 52.0, 58.0, 61.0, 59.0, 57.5))
LINE = chart(
    120.0,
    "",
    (300.0, 280.0, 250.0, 240.0, None, 200.0, 180.0, 150.0),
    (("england", "England 210", 210.0),),
)
BARE = chart(None, "", (1.0, 2.0, 3.0, 2.0, 1.0, 2.0, 3.0, None))
WIDE = chart(
    50.0,
    "%",
    (10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0),
    (("england", "England 45%", 45.0), ("statistical_neighbours", "Neighbours 48%", 48.0)),
)


def fresh(data: ChartData) -> bytes:
    return charts._render(data, "png", style.WIDE)


def test_reused_figures_draw_each_chart_as_a_fresh_figure_would() -> None:
    # Nothing may carry over from one chart to the next on the same figure: lines, the target,
    # comparators, the latest figure's label, the legend, the ticks.
    sequence = [BAND, LINE, BARE, WIDE, BAND, BARE, LINE, WIDE, BARE]
    drawn = [charts.chart_png(data) for data in sequence]
    for data, png in zip(sequence, drawn, strict=True):
        assert png == fresh(data)
    assert drawn[0] == drawn[4] and drawn[1] == drawn[6] and drawn[2] == drawn[5] == drawn[8]
    assert len({drawn[0], drawn[1], drawn[2], drawn[3]}) == 4
    assert drawn[0].startswith(b"\x89PNG")
