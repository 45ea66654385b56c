"""The report's view of scorecard rows: table lines, red-measure exceptions, charts, summary.

Everything a template shows is written out here as text (``19.5%``, ``↓ Declined``), so the
Markdown, HTML and Word templates say the same thing and a council restyling a template never
has to format numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pledgekit.model.measure_kinds import TargetValue, Unit
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction, Status
from pledgekit.model.values import format_number
from pledgekit.score.comparator_text import compared_text
from pledgekit.score.formatting import format_quantity, format_reading
from pledgekit.score.scorecard import Row, Scorecard

#: How many periods an exception's chart and figures go back.
HISTORY_POINTS = 8

_ABSENT = {"c": "suppressed", "z": "not applicable", "x": "not available", "k": "below 0.5"}


@dataclass(frozen=True, slots=True)
class MeasureLine:
    """One measure as a table line: every cell already written out."""

    ref: str
    title: str
    value: str
    target: str
    status: Status
    previous: str
    trend: str
    direction: Direction
    owner: str | None
    moved: str
    compared: str = ""

    @property
    def status_text(self) -> str:
        """Symbol and word, so the status never rests on colour alone."""
        return f"{self.status.symbol} {self.status.label}"


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


@dataclass(frozen=True, slots=True)
class ExceptionItem:
    """A red measure: the figures, why it is red, its trend and the owner's commentary."""

    line: MeasureLine
    against: str
    reason: str
    trend: str
    history: str
    commentary: Prose
    commentary_missing: bool
    chart: ChartData


def measure_line(row: Row, period: Period) -> MeasureLine:
    """The table line for ``row`` in a report for ``period``.

    ``moved`` reads "89.0% to 91.2%"; an annual measure in a quarterly report names its years,
    since its previous figure is last year's, not last quarter's.
    """
    move = row.short_term.direction
    previous = next((p.display for p in row.history if p.period == row.previous_period), "")
    moved = f"{previous} to {row.display}"
    if row.period is not None and row.previous_period is not None and row.period != period:
        moved = f"{previous} ({row.previous_period.label}) to {row.display} ({row.period.label})"
    return MeasureLine(
        ref=row.measure.id,
        title=row.measure.title,
        value=row.display,
        target=row.target_display,
        status=row.status,
        previous=previous,
        trend=f"{move.symbol} {move.label}",
        direction=move,
        owner=row.measure.owner,
        moved=moved,
        compared=compared_text(row),
    )


def _numbers(row: Row) -> str:
    num, den = row.numerator, row.denominator
    if num.is_number and den.is_number and num.number is not None and den.number is not None:
        return f" ({format_number(num.number)} of {format_number(den.number)})"
    return ""


def _trend_sentence(row: Row) -> str:
    """Short- and long-term movement in words, with the earlier figures."""
    parts = []
    short, long = row.short_term, row.long_term
    if row.previous_period is not None:
        if short.previous is None:
            parts.append(f"No figure for {row.previous_period.label} to compare with.")
        else:
            was = format_quantity(short.previous, row.measure)
            parts.append(f"{_moved(short.direction)} from {was} in {row.previous_period.label}.")
    if row.year_ago_period is not None:
        where = f"a year earlier ({row.year_ago_period.label})"
        if long.previous is None:
            parts.append(f"No figure {where}.")
        else:
            was = format_quantity(long.previous, row.measure)
            parts.append(f"{_moved(long.direction)} from {was} {where}.")
    return " ".join(parts)


def _moved(direction: Direction) -> str:
    return "Did not change" if direction is Direction.NO_CHANGE else direction.label


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
    comparators = _comparator_lines(row)
    if comparators:
        alt += " " + "; ".join(label for _, label, _ in comparators) + "."
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
    )


def _comparator_lines(row: Row) -> tuple[tuple[str, str, float], ...]:
    """England and statistical neighbours (then any other comparator) where a figure is known."""
    order = {"england": 0, "statistical_neighbours": 1}
    found = [
        (name, c.comparator) for name, c in row.comparisons.items() if c.comparator is not None
    ]
    found.sort(key=lambda item: (order.get(item[0], 2), item[0]))
    return tuple(
        (name, f"{_comparator_name(name)} {format_quantity(value, row.measure)}", value)
        for name, value in found
    )


def _comparator_name(name: str) -> str:
    """``statistical_neighbours`` -> ``Statistical neighbours``."""
    return {"england": "England"}.get(name, name.replace("_", " ").capitalize())


def exception_item(row: Row, line: MeasureLine) -> ExceptionItem:
    """The exception entry for a red ``row`` (``line`` is its table line).

    Missing commentary is said plainly, naming the measure's owner.
    """
    points = [
        (
            p.period.label,
            p.value.number if p.value.is_number else None,
            format_reading(p.value, row.measure) or "no figure",
        )
        for p in row.history[-HISTORY_POINTS:]
    ]
    owner = row.measure.owner or "not named in the pledge definition"
    if row.commentary is not None:
        commentary = row.commentary
    else:
        commentary = Prose.missing(
            "commentary",
            f"Commentary missing: the measure owner ({owner}) has not yet explained this result.",
        )
    return ExceptionItem(
        line=line,
        against=f"{row.display}{_numbers(row)} against a target of {row.target_display}",
        reason=row.rating.reason[:1].upper() + row.rating.reason[1:] + ".",
        trend=_trend_sentence(row),
        history="; ".join(f"{label}: {text}" for label, _, text in points),
        commentary=commentary,
        commentary_missing=commentary.placeholder,
        chart=_chart(row, points),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def _verb(n: int, singular: str, plural: str) -> str:
    return singular if n == 1 else plural


def summary_paragraphs(card: Scorecard, lines: list[MeasureLine]) -> tuple[str, ...]:
    """The executive summary in words: the RAG counts, then how many moved since last period."""
    s = card.summary.statuses
    green, amber, red = s[Status.GREEN], s[Status.AMBER], s[Status.RED]
    no_data, hidden, context = s[Status.NO_DATA], s[Status.SUPPRESSED], s[Status.NOT_RATED]
    rated = green + amber + red + no_data + hidden
    span = "year" if card.period.is_annual else "quarter"
    counts = (
        f"Of {_count(rated, 'measure')} rated, {green} {_verb(green, 'is', 'are')} green, "
        f"{amber} amber and {red} red"
    )
    extras = []
    if no_data:
        extras.append(f"{no_data} {_verb(no_data, 'has', 'have')} no figure this {span}")
    if hidden:
        extras.append(f"{hidden} {_verb(hidden, 'is', 'are')} suppressed to protect small numbers")
    counts += ("; " + " and ".join(extras) if extras else "") + "."
    if context:
        counts += (
            f" {_count(context, 'further measure')} {_verb(context, 'is', 'are')} shown for "
            "context or without a target, and not rated."
        )
    moved = Counter(line.direction for line in lines)
    return (
        counts,
        f"Since {card.period.previous().label}, "
        f"{_count(moved[Direction.IMPROVED], 'measure')} improved, "
        f"{moved[Direction.DECLINED]} declined and {moved[Direction.NO_CHANGE]} did not change.",
    )


def red_note(lines: list[MeasureLine], span: str) -> str:
    """The sentence that points from the summary to the exceptions."""
    reds = [line.ref for line in lines if line.status is Status.RED]
    if not reds:
        return f"No measure is rated red this {span}."
    which = "The measure" if len(reds) == 1 else f"The {len(reds)} measures"
    return (
        f"{which} rated red {_verb(len(reds), 'is', 'are')} explained in the exceptions "
        f"section ({', '.join(reds)})."
    )
