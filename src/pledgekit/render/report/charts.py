"""Small trend charts of a measure's recent figures, as PNG bytes (matplotlib, Agg backend).

Suppressed and missing figures are gaps in the line, never plotted or interpolated: a chart
must not give back a number the scorecard hid. The target is a dashed line (a shaded band for a
band target), labelled in the legend, so the chart reads in black and white.
"""

from __future__ import annotations

import io
from typing import Any

from pledgekit.report.exceptions import ChartData

#: Size of a chart in inches and its resolution: small enough for a table-width figure in Word.
WIDTH_IN, HEIGHT_IN, DPI = 4.0, 1.6, 150

_LINE = "#1F3864"
_TARGET = "#7F7F7F"


def _figure() -> Any:
    # A bare Figure on the Agg canvas: no pyplot, so no display, no global registry of figures
    # to leak from, nothing to close.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(fig)
    # Fixed margins instead of tight_layout, which draws the whole figure once more to measure.
    fig.subplots_adjust(left=0.12, right=0.95, top=0.95, bottom=0.16)
    return fig


def chart_png(chart: ChartData) -> bytes:
    """The chart as PNG bytes, ``WIDTH_IN`` x ``HEIGHT_IN`` inches at ``DPI``.

    The PNG carries no timestamp or software version, so the same data gives the same bytes.
    """
    from matplotlib.ticker import MaxNLocator

    fig = _figure()
    ax = fig.add_subplot()
    positions = list(range(len(chart.labels)))
    # None becomes NaN: matplotlib leaves a gap instead of joining across a hidden figure.
    values = [float("nan") if v is None else v for v in chart.values]
    ax.plot(positions, values, color=_LINE, marker="o", markersize=3, linewidth=1.5)
    target = chart.target
    if isinstance(target, tuple):
        ax.axhspan(target[0], target[1], color=_TARGET, alpha=0.2, label=chart.target_label)
    elif target is not None:
        ax.axhline(target, color=_TARGET, linestyle="--", linewidth=1, label=chart.target_label)
    if target is not None:
        ax.legend(loc="best", fontsize=6, frameon=False)
    ax.set_xticks(positions)
    ax.set_xticklabels([_short(label) for label in chart.labels], fontsize=6)
    ax.tick_params(axis="y", labelsize=6)
    if chart.suffix:
        ax.yaxis.set_major_formatter(lambda value, _pos: f"{value:g}{chart.suffix}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.margins(x=0.06, y=0.25)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _short(label: str) -> str:
    """``2025-26 Q3`` -> ``25-26 Q3``: eight labels must fit under a four-inch chart."""
    return label[2:] if len(label) >= 7 and label[:2] in ("19", "20") else label
