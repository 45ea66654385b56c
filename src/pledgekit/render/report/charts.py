"""Small trend charts of a measure's recent figures, as PNG bytes (matplotlib, Agg backend).

Suppressed and missing figures are gaps in the line, never plotted or interpolated: a chart
must not give back a number the scorecard hid. The target is a dashed line (a shaded band for a
band target), labelled in the legend, so the chart reads in black and white.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from pledgekit.report.measure_lines import ChartData

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


class _Canvas:
    """One figure and axes reused for every chart of a process.

    A new figure per chart spends most of its time creating axes and tick objects and laying out
    tick labels again (about 85 ms a chart); reusing them, with the previous chart's lines, target
    and legend removed and the data limits recomputed, gives the same PNG bytes in a fraction of
    the time. A lock keeps two threads from drawing on it at once.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.fig: Any = None
        self.ax: Any = None
        self.drawn: list[Any] = []

    def axes(self) -> Any:
        """The axes, emptied of the previous chart."""
        from matplotlib.ticker import ScalarFormatter

        if self.fig is None:
            self.fig = _figure()
            self.ax = self.fig.add_subplot()
        ax = self.ax
        for artist in self.drawn:
            artist.remove()
        self.drawn = []
        if ax.legend_ is not None:
            ax.legend_.remove()
        ax.yaxis.set_major_formatter(ScalarFormatter())
        return ax


_CANVAS = _Canvas()


def chart_png(chart: ChartData) -> bytes:
    """The chart as PNG bytes, ``WIDTH_IN`` x ``HEIGHT_IN`` inches at ``DPI``.

    The PNG carries no timestamp or software version, so the same data gives the same bytes.
    """
    with _CANVAS.lock:
        return _draw(chart)


def _draw(chart: ChartData) -> bytes:
    from matplotlib.ticker import MaxNLocator

    ax = _CANVAS.axes()
    fig = _CANVAS.fig
    drawn = _CANVAS.drawn
    positions = list(range(len(chart.labels)))
    # None becomes NaN: matplotlib leaves a gap instead of joining across a hidden figure.
    values = [float("nan") if v is None else v for v in chart.values]
    drawn.extend(ax.plot(positions, values, color=_LINE, marker="o", markersize=3, linewidth=1.5))
    target = chart.target
    if isinstance(target, tuple):
        drawn.append(
            ax.axhspan(target[0], target[1], color=_TARGET, alpha=0.2, label=chart.target_label)
        )
    elif target is not None:
        drawn.append(
            ax.axhline(target, color=_TARGET, linestyle="--", linewidth=1, label=chart.target_label)
        )
    ax.relim()  # forget the previous chart's data limits
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
