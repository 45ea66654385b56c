"""Red measures (the exceptions) and amber ones (the watch list), with charts and actions.

Every red carries its figures, why it is red, its trend, how long it has been red, the
comparators, the owner's commentary (or says plainly that there is none) and the actions that
should bring it back on target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgekit.model.measure_kinds import TargetValue, Unit
from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction
from pledgekit.model.values import format_number
from pledgekit.report.comparators import comparator_views, display_name
from pledgekit.report.measure_lines import MeasureLine, with_unit
from pledgekit.report.plans import ActionLine
from pledgekit.score.benchmarks import MeasureBenchmark, YearBenchmark
from pledgekit.score.formatting import format_quantity, format_reading
from pledgekit.score.ratings import Movement
from pledgekit.score.scorecard import Row
from pledgekit.score.trend import value_arrow

#: How many periods an exception's chart and figures go back.
HISTORY_POINTS = 8

_ABSENT = {"c": "suppressed", "z": "not applicable", "x": "not available", "k": "below 0.5"}


@dataclass(frozen=True, slots=True)
class ChartData:
    """What an exception's trend chart shows; suppressed and missing figures are None."""

    ref: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    target: TargetValue | None
    target_label: str
    suffix: str
    alt: str
    #: Each figure as the tables write it (``14.8%``, ``c``), for labelling the latest one.
    texts: tuple[str, ...] = ()
    #: Comparator lines where known: (name in pledge.yaml, label such as ``England 25.0%``, value).
    comparators: tuple[tuple[str, str, float], ...] = ()
    #: For each comparator, the first and last period (indexes into ``labels``) its line is
    #: drawn over, or None to draw it across the chart (see :func:`_span`).
    comparator_spans: tuple[tuple[int, int] | None, ...] = ()


@dataclass(frozen=True, slots=True)
class ExceptionItem:
    """A red measure: the figures, why it is red, its trend, commentary and actions.

    ``number`` is its paragraph number (``5.2``); ``persistence`` says how long it has been red.
    """

    number: str
    line: MeasureLine
    against: str
    reason: str
    trend: str
    #: The figure once, with why it is red (``52.3% (23 of 44): misses a target of ...``).
    figure: str
    persistence: str
    history: str
    commentary: Prose
    commentary_missing: bool
    chart: ChartData
    actions: tuple[ActionLine, ...]
    #: DfE's published figures for the measure and the year compared with, for the web page's
    #: funnel chart (every council against its denominator); None without a published source.
    published: tuple[MeasureBenchmark, YearBenchmark] | None = None

    @property
    def action_text(self) -> str:
        """The linked actions in one line, or a plain statement that there are none."""
        if not self.actions:
            return "No action in the action plan is linked to this measure."
        return "; ".join(a.summary for a in self.actions)


@dataclass(frozen=True, slots=True)
class WatchItem:
    """An amber measure: why it is amber, and the owner's commentary."""

    number: str
    line: MeasureLine
    against: str
    commentary: Prose


def _numbers(row: Row) -> str:
    """`` (23 of 44)`` for a percentage; nothing for a ratio or rate, where "421 of 22" would
    read as a fraction."""
    if row.measure.unit is not Unit.PERCENT:
        return ""
    num, den = row.numerator, row.denominator
    if num.is_number and den.is_number and num.number is not None and den.number is not None:
        return f" ({format_number(num.number)} of {format_number(den.number)})"
    return ""


def against(row: Row) -> str:
    """``52.3% (23 of 44) against a target of ≥ 80.0%``."""
    return f"{with_unit(row)}{_numbers(row)} against a target of {row.target_display}"


_PP = re.compile(r"(\d) pp\b")


def in_words(text: str) -> str:
    """Tables say ``pp`` (explained in the key); sentences say percentage points."""
    return _PP.sub(r"\1 percentage points", text)


def figure_and_why(row: Row, reason: str) -> str:
    """The figure once, with why it has its status: ``52.3% (23 of 44): misses a target of
    80.0% or more by 27.7 percentage points, beyond the tolerance of 5.0 percentage points.``"""
    head = f"{with_unit(row)}{_numbers(row)}"
    if reason.startswith(f"{row.display} "):
        return in_words(f"{head}: {reason[len(row.display) + 1 :]}")
    return in_words(f"{against(row)}. {reason}")


def _moved(direction: Direction) -> str:
    return "Did not change" if direction is Direction.NO_CHANGE else direction.label


def _trend_sentence(row: Row) -> str:
    """Short- and long-term movement in words, each with its arrow and the earlier figure.

    An annual measure is compared only with its own previous year (its short term).
    """
    parts = []
    short, long = row.short_term, row.long_term
    if row.previous_period is not None:
        if short.previous is None:
            parts.append(f"No figure for {row.previous_period.label} to compare with.")
        else:
            was = format_quantity(short.previous, row.measure)
            parts.append(
                f"{_arrowed(short)}{_moved(short.direction)} from {was} in "
                f"{row.previous_period.label}."
            )
    if row.year_ago_period is not None and not (row.period and row.period.is_annual):
        where = f"a year earlier ({row.year_ago_period.label})"
        if long.previous is None:
            parts.append(f"No figure {where}.")
        else:
            was = format_quantity(long.previous, row.measure)
            parts.append(f"{_arrowed(long)}{_moved(long.direction)} from {was} {where}.")
    return " ".join(parts)


def _arrowed(movement: Movement) -> str:
    arrow = value_arrow(movement)
    return f"{arrow} " if arrow else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def _chart(row: Row, points: list[tuple[str, float | None, str]]) -> ChartData:
    # Words, not the table's symbols: a screen reader says "c" as a letter.
    shown = [
        f"{label} {text if value is not None else _ABSENT.get(text, 'no figure')}"
        for label, value, text in points
    ]
    missing = sum(1 for _, value, _ in points if value is None)
    alt = (
        f"Line chart of measure {row.measure.id}, {row.measure.title}, "
        f"from {points[0][0]} to {points[-1][0]}: " + "; ".join(shown) + "."
        if points
        else f"No figures to chart for measure {row.measure.id}."
    )
    if row.target_display:
        alt += f" Target {row.target_display}."
    comparators, spans = _comparator_lines(row, points)
    if comparators:
        alt += (
            " "
            + "; ".join(
                label
                + (f", drawn over {points[span[0]][0]} to {points[span[1]][0]}" if span else "")
                for (_, label, _), span in zip(comparators, spans, strict=True)
            )
            + "."
        )
    if missing:
        alt += f" {_count(missing, 'figure')} not shown (suppressed or missing)."
    return ChartData(
        ref=row.measure.id,
        title=row.measure.title,
        labels=tuple(label for label, _, _ in points),
        values=tuple(value for _, value, _ in points),
        target=row.rating.target,
        target_label=f"Target {row.target_display}" if row.target_display else "Target",
        suffix="%" if row.measure.unit is Unit.PERCENT else "",
        alt=alt,
        texts=tuple(text for _, _, text in points),
        comparators=comparators,
        comparator_spans=spans,
    )


def _start(year: str | None) -> int | None:
    """The first calendar year of a financial year written "2025" (the year to March 2025,
    so 2024) or "2024-25" (2024); None for no year or one not written so."""
    digits = (year or "")[:4]
    if not digits.isdigit():
        return None
    return int(digits) - (0 if "-" in (year or "") else 1)


def _span(
    year: str | None, points: list[tuple[str, float | None, str]]
) -> tuple[int, int] | bool | None:
    """Which periods a comparator of ``year`` is drawn over: None for across the chart (no
    year, or one the chart's periods all belong to), the first and last index of the periods
    of its own year and the year after (published figures lag a year, so a figure is the
    latest one a council has through the following year), or False to leave it off (no
    charted period is of those years: older than the chart)."""
    start = _start(year)
    if start is None or not points:
        return None
    own = [
        i for i, (label, _, _) in enumerate(points) if _start(label[:7]) in (start, start + 1, None)
    ]
    if not own:
        return False
    if own == list(range(len(points))):
        return None
    return (own[0], own[-1])


def _comparator_lines(
    row: Row, points: list[tuple[str, float | None, str]]
) -> tuple[tuple[tuple[str, str, float], ...], tuple[tuple[int, int] | None, ...]]:
    """England and statistical neighbours (then any other comparator) where a figure is known,
    each labelled with its year and source, and the periods each is drawn over: an old figure
    only over its own year's periods, not across years it does not belong to, and left off a
    chart that begins after it."""
    views = {view.name: view for view in comparator_views(row)}
    lines = []
    spans = []
    for key, comparison in sorted(
        row.comparisons.items(), key=lambda item: (_ORDER.get(item[0], 2), item[0])
    ):
        if comparison.comparator is None:
            continue
        view = views.get(display_name(key))
        if view is None:
            continue
        span = _span(view.year, points)
        if span is False:
            continue
        lines.append((key, view.label, comparison.comparator))
        spans.append(span if isinstance(span, tuple) else None)
    return tuple(lines), tuple(spans)


_ORDER = {"england": 0, "statistical_neighbours": 1}


def _points(row: Row) -> list[tuple[str, float | None, str]]:
    """The recent figures of ``row``: period, value (None: not a number) and as shown."""
    return [
        (
            p.period.label,
            p.value.number if p.value.is_number else None,
            format_reading(p.value, row.measure) or "no figure",
        )
        for p in row.history[-HISTORY_POINTS:]
    ]


def recent_figures(row: Row) -> str:
    """The recent figures of a red measure in one line: ``2026-27 Q1: 52.3%; ...``."""
    return "; ".join(f"{label}: {text}" for label, _, text in _points(row))


def exception_item(
    row: Row,
    line: MeasureLine,
    *,
    number: str,
    persistence: str,
    actions: tuple[ActionLine, ...],
) -> ExceptionItem:
    """The exception entry for a red ``row`` (``line`` is its table line).

    Missing commentary is said plainly, naming the measure's owner.
    """
    points = _points(row)
    owner = row.measure.owner or "not named in the pledge definition"
    if row.commentary is not None:
        commentary = row.commentary
    else:
        commentary = Prose.missing(
            "commentary",
            f"Commentary missing: the measure owner ({owner}) has not yet explained this result.",
        )
    return ExceptionItem(
        number=number,
        line=line,
        against=against(row),
        reason=line.why,
        figure=figure_and_why(row, line.why),
        trend=_trend_sentence(row),
        persistence=persistence,
        history=recent_figures(row),
        commentary=commentary,
        commentary_missing=commentary.placeholder,
        chart=_chart(row, points),
        actions=actions,
        published=(row.published, row.published_year)
        if row.published is not None and row.published_year is not None
        else None,
    )


def watch_item(row: Row, line: MeasureLine, *, number: str) -> WatchItem:
    """The watch-list entry for an amber ``row``; no commentary is said, not left blank."""
    commentary = row.commentary or Prose(
        "No commentary was given for this measure.", "commentary", markdown=False
    )
    return WatchItem(number=number, line=line, against=against(row), commentary=commentary)
