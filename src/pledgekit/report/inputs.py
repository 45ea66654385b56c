"""What the report's sections are built from, tidied once: :class:`ReportInputs`.

The scorecard, the workbook's optional sheets as known at the report's period (see
:mod:`~pledgekit.report.as_at`), meeting.yaml, and what several sections share: each measure's
line, the action plan and commitments judged at the meeting's date, what is late, how long each
red has been red.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from pledgekit.config.meeting import Meeting
from pledgekit.model.observations import Dataset
from pledgekit.model.periods import Period
from pledgekit.report.as_at import Known, known_at
from pledgekit.report.measure_lines import MeasureLine, measure_line
from pledgekit.report.meeting_view import MeetingView, meeting_view
from pledgekit.report.plans import ActionLine, Directorate, LateLine, action_lines, late_lines
from pledgekit.report.sources import action_sources, check_references, directorates
from pledgekit.report.streaks import red_streaks
from pledgekit.report.summary_text import months
from pledgekit.score.scorecard import Scorecard


@dataclass(frozen=True, slots=True)
class ReportInputs:
    """Everything a section may draw on, for the report of ``card.period``.

    ``dataset`` is every figure and sheet given; ``known`` what of it was known at the period
    (the sections show only that). ``today`` is the meeting's date, or the period's end: the day
    actions and commitments are judged late at. ``dated`` says whether meeting.yaml gave it.
    """

    card: Scorecard
    dataset: Dataset
    known: Known
    meeting: Meeting | None
    view: MeetingView
    today: datetime.date
    dated: bool
    lines: dict[str, MeasureLine]
    actions: tuple[ActionLine, ...]
    commitments: tuple[Directorate, ...]
    late: tuple[LateLine, ...]
    streaks: dict[str, int]

    @property
    def period(self) -> Period:
        """The report's period."""
        return self.card.period

    @property
    def span(self) -> str:
        """``year`` for an annual report, else ``quarter``: how the text speaks of a period."""
        return "year" if self.card.period.is_annual else "quarter"


def _title(given: Period | None, period: Period) -> str:
    """The title when meeting.yaml gives none: from its period, else the report's."""
    chosen = given or period
    return f"Corporate parenting performance update, {chosen.label} ({months(chosen)})"


def gather(
    card: Scorecard,
    dataset: Dataset,
    meeting: Meeting | None,
    *,
    earlier: Sequence[Scorecard] = (),
) -> ReportInputs:
    """The inputs of the report for ``card``'s period.

    Raises :class:`DefinitionError` for meeting.yaml text keyed to a pledge, measure or action
    the definition or plan lacks.
    """
    check_references(meeting, [p.id for p in card.pledges], [r.measure.id for r in card.rows])
    known = known_at(dataset, card.period)
    sheets = known.dataset
    dated = meeting is not None and meeting.date is not None
    today = meeting.date if meeting is not None and meeting.date else card.period.end_date
    titles = {p.id: p.title for p in card.pledges}
    commitments = directorates(sheets.commitments, today=today, pledge_titles=titles)
    actions = action_lines(
        action_sources(meeting, sheets.actions), today=today, pledge_titles=titles
    )
    return ReportInputs(
        card=card,
        dataset=dataset,
        known=known,
        meeting=meeting,
        view=meeting_view(
            meeting,
            committee=card.committee,
            default_title=_title(meeting.reporting_period if meeting else None, card.period),
        ),
        today=today,
        dated=dated,
        lines={row.measure.id: measure_line(row, card.period) for row in card.rows},
        actions=actions,
        commitments=commitments,
        late=late_lines(actions, commitments),
        streaks=red_streaks(card, earlier),
    )
