"""The report's view of one scorecard row: a table line with every cell written out.

Everything a template shows is text here (``19.5%``, ``↓ Improved``), so the Markdown, HTML and
Word templates say the same thing and a council restyling a template never formats numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.measure_kinds import RagRule
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction, Status
from pledgekit.report.comparators import ComparatorView, comparator_views, figure_for
from pledgekit.score.comparator_text import compared_text
from pledgekit.score.scorecard import Row
from pledgekit.score.trend import trend_text


@dataclass(frozen=True, slots=True)
class MeasureLine:
    """One measure as a table line: every cell already written out.

    ``annual`` marks a measure reported once a year: its ``previous`` is its own previous year
    (``previous_label``), never last quarter. ``why`` is the reason for the status as a
    sentence; ``rule_note`` says when the trend rule, not the tolerance, set an amber.
    """

    ref: str
    title: str
    short: str
    reference: str
    value: str
    target: str
    status: Status
    previous: str
    previous_label: str
    period_label: str
    trend: str
    direction: Direction
    owner: str | None
    moved: str
    annual: bool
    why: str
    rule_note: str
    commentary: Prose | None
    comparators: tuple[ComparatorView, ...]
    england: str
    neighbours: str
    #: England and neighbours with the significance of the difference (blank without any).
    compared: str = ""
    #: The figure with the measure's unit phrase (``19.1 children per social worker``), for
    #: the body's sentences and watch list; the scorecard's narrow column keeps ``value``.
    value_with_unit: str = ""

    @property
    def status_text(self) -> str:
        """Symbol and word, so the status never rests on colour alone."""
        return f"{self.status.symbol} {self.status.label}"

    @property
    def comparator_text(self) -> str:
        """All comparators in one line, or "None published" when there are none."""
        return "; ".join(c.text for c in self.comparators) or "No comparator"

    @property
    def trend_from(self) -> str:
        """The trend with the figure it is judged from: ``↑ Improved (from 89.0%)``."""
        if not self.previous:
            return self.trend
        year = f" in {self.previous_label}" if self.annual else ""
        return f"{self.trend} (from {self.previous}{year})"

    @property
    def label(self) -> str:
        """``1.4`` or, with a national reference, ``1.1 (NI 58)``."""
        return f"{self.ref} ({self.reference})" if self.reference else self.ref


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def short_title(row: Row) -> str:
    """The short phrase naming a measure in prose: ``short_title``, else the title."""
    short = row.measure.short_title or row.measure.title
    words = short.split()
    # "Key Stage 2" and "NEET" keep their capitals; "Initial health assessments" loses one.
    proper = short[:2] == short[:2].upper() or (len(words) > 1 and words[1][:1].isupper())
    return short if proper else short[:1].lower() + short[1:]


def with_unit(row: Row) -> str:
    """The figure as tables write it, with the measure's ``unit_label`` after a number:
    ``19.1 children per social worker``; a symbol (``c``, ``x``) or blank stays as it is."""
    label = row.measure.unit_label
    shown = row.display
    return f"{shown} {label}" if label and shown[:1].isdigit() else shown


def measure_line(row: Row, period: Period) -> MeasureLine:
    """The table line for ``row`` in a report for ``period``.

    ``moved`` reads "89.0% to 91.2%"; an annual measure names its years, since its previous
    figure is last year's, not last quarter's.
    """
    previous = next((p.display for p in row.history if p.period == row.previous_period), "")
    annual = row.period is not None and row.period.is_annual and not period.is_annual
    moved = f"{previous} to {row.display}"
    if annual and row.period is not None and row.previous_period is not None:
        moved = f"{previous} in {row.previous_period.label} to {row.display} in {row.period.label}"
    rule_note = ""
    if row.status is Status.AMBER and row.rating.rule is RagRule.TREND:
        rule_note = (
            "Amber by the trend rule: off target by more than the tolerance, but better than "
            "the same period a year earlier."
        )
    views = comparator_views(row)
    return MeasureLine(
        ref=row.measure.id,
        title=row.measure.title,
        short=short_title(row),
        reference=row.measure.reference or "",
        value=row.display,
        target=row.target_display,
        status=row.status,
        previous=previous,
        previous_label=row.previous_period.label if row.previous_period else "",
        period_label=row.period.label if row.period else "",
        trend=trend_text(row.short_term),
        direction=row.short_term.direction,
        owner=row.measure.owner,
        moved=moved,
        annual=annual,
        why=sentence(row.rating.reason),
        rule_note=rule_note,
        commentary=row.commentary,
        comparators=views,
        england=figure_for(views, "England"),
        neighbours=figure_for(views, "Statistical neighbours"),
        compared=compared_text(row),
        value_with_unit=with_unit(row),
    )
