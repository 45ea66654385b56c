"""The scorecard as flat text formats: JSON, CSV and a Markdown table."""

from __future__ import annotations

import json

from pledgekit.model.status import Direction
from pledgekit.model.values import Reading
from pledgekit.render.formula_guard import csv_text
from pledgekit.render.md_escape import md_cell
from pledgekit.score.scorecard import Row, Scorecard
from pledgekit.score.trend import trend_text

CSV_COLUMNS = [
    "pledge",
    "measure",
    "title",
    "period",
    "value",
    "numerator",
    "denominator",
    "target",
    "status",
    "previous",
    "direction",
    "change",
    "year_ago_direction",
    "england",
    "statistical_neighbours",
    "reason",
    "commentary",
    "england_significance",
    "statistical_neighbours_significance",
    "rank",
    "ranked",
    "quartile",
]


def render_json(card: Scorecard) -> str:
    """The scorecard's documented JSON (``pledgekit.scorecard/1``)."""
    return json.dumps(card.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def previous_display(row: Row) -> str:
    """The previous period's figure as shown, or empty."""
    return next((p.display for p in row.history if p.period == row.previous_period), "")


def _comparator(row: Row, name: str) -> str:
    comparison = row.comparisons.get(name)
    if comparison is None or comparison.comparator is None:
        return ""
    return f"{comparison.comparator:g}"


def _significance(row: Row, name: str) -> str:
    comparison = row.comparisons.get(name)
    return "" if comparison is None else comparison.significance.label


def reading_cell(reading: Reading) -> float | str:
    """A figure for a spreadsheet cell: the number itself, or its statistical symbol."""
    return reading.number if reading.is_number and reading.number is not None else reading.display()


def identity_cells(row: Row) -> list[object]:
    """The cells every flat export starts with: ids, title, period, figures and target."""
    return [
        row.pledge.id,
        row.measure.id,
        row.measure.title,
        row.period.label if row.period else "",
        reading_cell(row.value),
        reading_cell(row.numerator),
        reading_cell(row.denominator),
        row.target_display,
    ]


def _rank_cells(row: Row) -> list[object]:
    """Rank, how many were ranked, and the quartile (1 best), blank without a rank."""
    from pledgekit.score.comparator_text import row_rank

    found = row_rank(row)
    if found is None:
        return ["", "", ""]
    rank = found[0]
    return [rank.position, rank.ranked, rank.quartile]


def render_csv(card: Scorecard) -> str:
    """One row per measure; text cells neutralised against formula injection."""
    rows = []
    for row in card.rows:
        cells = [
            *identity_cells(row),
            row.status.value,
            previous_display(row),
            row.short_term.direction.value,
            "" if row.short_term.change is None else round(row.short_term.change, 4),
            row.long_term.direction.value,
            _comparator(row, "england"),
            _comparator(row, "statistical_neighbours"),
            row.rating.reason,
            row.commentary.text if row.commentary else "",
            _significance(row, "england"),
            _significance(row, "statistical_neighbours"),
            *_rank_cells(row),
        ]
        rows.append(cells)
    return csv_text(CSV_COLUMNS, rows)


def render_markdown(card: Scorecard) -> str:
    """GitHub-flavoured Markdown: a heading and pipe table per pledge, then the summary."""
    from pledgekit.render.scorecard.table import summary_line
    from pledgekit.score.comparator_text import compared_text

    compared = {r.measure.id: compared_text(r) for r in card.rows}
    wide = any(compared.values())
    heading = f"{md_cell(card.council)}: {md_cell(card.committee)} scorecard, {card.period.label}"
    lines = [f"# {heading}", ""]
    for pledge in card.pledges:
        lines += [
            f"## Pledge {pledge.id}: {md_cell(pledge.title)}",
            "",
            "| Ref | Measure | Value | Target | Status | Previous | Trend |"
            + (" Compared with |" if wide else ""),
            "|---|---|--:|--:|---|--:|---|" + ("---|" if wide else ""),
        ]
        for row in card.rows_for(pledge):
            move = row.short_term.direction
            trend = trend_text(row.short_term) if move is not Direction.NOT_COMPARABLE else ""
            cells = [
                row.measure.id,
                row.measure.title,
                row.display,
                row.target_display,
                f"{row.status.symbol} {row.status.label}",
                previous_display(row),
                trend,
            ]
            if wide:
                cells.append(compared[row.measure.id])
            lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
        lines.append("")
    lines.append(summary_line(card))
    if any(r.notes for r in card.rows):
        lines += ["", f"c = suppressed to protect small numbers (below {card.threshold})."]
    from pledgekit.score.comparator_text import comparison_note

    note = comparison_note(card)
    if note:
        lines += ["", md_cell(note)]
    return "\n".join(lines) + "\n"
