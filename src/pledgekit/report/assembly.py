"""Scorecard + workbook sheets + meeting.yaml -> :class:`~pledgekit.report.model.Report`.

:func:`build_report` gathers the inputs once, asks each section of
:data:`~pledgekit.report.sections.SECTIONS` whether the report has it, numbers those it has
(the body 1, 2, ..., the appendices A, B, ...), builds each section's view in its place, and
lists what still stops the report being final.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pledgekit.config.meeting import Meeting
from pledgekit.model.observations import Dataset
from pledgekit.report.cross_checks import prose_gaps
from pledgekit.report.gaps import placeholder_gaps
from pledgekit.report.inputs import ReportInputs, gather
from pledgekit.report.meeting_sections import appendices
from pledgekit.report.model import Report
from pledgekit.report.section import Place, Section
from pledgekit.report.sections import SECTIONS
from pledgekit.report.sources import meeting_period_gaps
from pledgekit.report.summary_text import months
from pledgekit.score.scorecard import Scorecard

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _numbered(shown: Sequence[Section[Any]]) -> dict[str, str]:
    """Each shown section's number (the body's) or letter (the appendices')."""
    body = [s.key for s in shown if s.numbered and not s.appendix]
    lettered = [s.key for s in shown if s.numbered and s.appendix]
    numbers = {key: str(i) for i, key in enumerate(body, start=1)}
    numbers.update({key: _LETTERS[i] for i, key in enumerate(lettered)})
    return numbers


def build_report(
    card: Scorecard,
    dataset: Dataset,
    meeting: Meeting | None,
    *,
    earlier: Sequence[Scorecard] = (),
) -> Report:
    """The report for ``card``'s period.

    ``dataset`` supplies the optional Updates, Commitments, Actions and Profile sheets;
    ``meeting`` the cover and prose (None: placeholders throughout); ``earlier`` the scorecards
    of the quarters before, to count how long a measure has been red. Raises
    :class:`DefinitionError` for meeting.yaml text keyed to a pledge, measure or action the
    definition or plan lacks, and for a missing appendix file.
    """
    inputs = gather(card, dataset, meeting, earlier=earlier)
    shown = [s for s in SECTIONS if s.shown(inputs)]
    numbers = _numbered(shown)
    period = card.period.label
    lettered = [s.titled(period) for s in shown if s.numbered and s.appendix]
    every = appendices(meeting, lettered)
    parts = tuple(s.build(inputs, Place(numbers.get(s.key, ""), numbers, every)) for s in shown)
    report = Report(
        council=card.council,
        period=period,
        months=months(card.period),
        previous_period=card.period.previous().label,
        span=inputs.span,
        meeting=inputs.view,
        sections=parts,
        threshold=card.threshold,
    )
    return _with_gaps(report, inputs)


def _with_gaps(report: Report, inputs: ReportInputs) -> Report:
    """``report`` with its gaps: figures and sheets not of its period, meeting.yaml written for
    another, prose contradicting the figures, then each section's own gaps and placeholders in
    the paper's order."""
    from dataclasses import replace

    known = inputs.known
    found = [*known.gaps]
    found += meeting_period_gaps(inputs.meeting, inputs.period, known.latest or inputs.period)
    found += prose_gaps(report)
    found += placeholder_gaps(report.meeting)
    for part in report.sections:
        found += [*part.gaps, *placeholder_gaps(part)]
    return replace(report, gaps=tuple(dict.fromkeys(found)))
