"""The scorecard as a rich terminal table, grouped by pledge, status as colour + word + symbol."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pledgekit.model.status import Direction, Status
from pledgekit.render.terminal import captured
from pledgekit.score.scorecard import Row, Scorecard
from pledgekit.score.trend import trend_text

_STYLE = {
    Status.GREEN: "bold green",
    Status.AMBER: "bold yellow",
    Status.RED: "bold red",
    Status.NO_DATA: "dim",
    Status.SUPPRESSED: "dim",
    Status.NOT_RATED: "dim",
}
_DIRECTION_STYLE = {Direction.IMPROVED: "green", Direction.DECLINED: "red"}


def status_text(status: Status) -> Text:
    """Symbol and word, coloured when the console allows."""
    return Text(f"{status.symbol} {status.label}", style=_STYLE[status])


def summary_line(card: Scorecard) -> str:
    """One line: counts per status and movements since the previous period."""
    s = card.summary
    parts = [
        f"{s.statuses[st]} {st.label.lower()}"
        for st in Status
        if s.statuses[st] or st in (Status.GREEN, Status.AMBER, Status.RED)
    ]
    moved = s.directions
    moves = (
        f"{moved[Direction.IMPROVED]} improved, {moved[Direction.DECLINED]} declined, "
        f"{moved[Direction.NO_CHANGE]} no change since the previous period"
    )
    return f"{card.period.label}: {len(card.rows)} measures: {', '.join(parts)}. {moves}."


def _row_cells(row: Row) -> list[Text | str]:
    previous = next((p.display for p in row.history if p.period == row.previous_period), "")
    move = row.short_term.direction
    trend = Text(
        trend_text(row.short_term) if move is not Direction.NOT_COMPARABLE else "",
        style=_DIRECTION_STYLE.get(move, ""),
    )
    return [
        row.measure.id,
        row.measure.title,
        row.display,
        row.target_display,
        status_text(row.status),
        previous,
        trend,
        row.rating.reason,
    ]


def scorecard_table(card: Scorecard) -> Group:
    """A renderable: the title and one table per pledge."""
    parts: list[Table | Text] = [
        Text(f"{card.council} - {card.committee} scorecard, {card.period.label}", style="bold")
    ]
    for pledge in card.pledges:
        table = Table(
            title=f"Pledge {pledge.id}: {pledge.title}",
            title_justify="left",
            title_style="bold",
            expand=False,
            show_lines=False,
        )
        for name, kwargs in (
            ("Ref", {"no_wrap": True}),
            ("Measure", {"ratio": 3}),
            ("Value", {"justify": "right", "no_wrap": True}),
            ("Target", {"justify": "right", "no_wrap": True}),
            ("Status", {"no_wrap": True}),
            ("Previous", {"justify": "right", "no_wrap": True}),
            ("Trend", {"no_wrap": True}),
            ("Why", {"ratio": 3}),
        ):
            table.add_column(name, **kwargs)
        for row in card.rows_for(pledge):
            table.add_row(*_row_cells(row))
        parts.append(table)
    return Group(*parts)


def render_table(card: Scorecard, console: Console) -> None:
    """Print the scorecard to ``console``."""
    console.print(scorecard_table(card))
    # Sentences are printed unwrapped so pipes and files get whole lines.
    console.print(summary_line(card), soft_wrap=True)
    if any(r.notes for r in card.rows):
        note = f"c = suppressed to protect small numbers (below {card.threshold})."
        console.print(note, style="dim", soft_wrap=True)


def render_text(card: Scorecard) -> str:
    """The table as plain text (no colour), for writing to a file."""
    return captured(lambda console: render_table(card, console))
