"""The committee report as a model: everything the templates show, in the order they show it.

:func:`pledgekit.report.assembly.build_report` makes a :class:`Report`; the renderers in
:mod:`pledgekit.render.report` turn it into Markdown, HTML or Word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pledgekit.model.prose import Prose
from pledgekit.model.status import Status
from pledgekit.report.measure_lines import ExceptionItem, MeasureLine
from pledgekit.report.meeting_view import Appendix, MeetingView


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many measures have one status (a line of the summary table)."""

    status: Status
    count: int


@dataclass(frozen=True, slots=True)
class PledgeSection:
    """A pledge: its promises, its measures and the update on it."""

    id: str
    title: str
    outcome: str | None
    promises: tuple[str, ...]
    lines: tuple[MeasureLine, ...]
    narrative: Prose


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """One directorate commitment and its progress."""

    pledge: str
    commitment: Prose
    status: Prose
    update: Prose


@dataclass(frozen=True, slots=True)
class Directorate:
    """A directorate's commitments, and a count of them by status."""

    name: Prose
    commitments: tuple[CommitmentLine, ...]

    @property
    def summary(self) -> str:
        """E.g. "3 commitments: 2 on track, 1 delayed." (statuses as the workbook spells them)."""
        counts = Counter(c.status.text.strip().lower() or "no status" for c in self.commitments)
        total = len(self.commitments)
        parts = ", ".join(f"{n} {status}" for status, n in counts.items())
        return f"{total} commitment{'s' if total != 1 else ''}: {parts}."


@dataclass(frozen=True, slots=True)
class ProfileLine:
    """One line of the cohort profile."""

    label: Prose
    value: Prose


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the committee report shows, in the order it shows it.

    ``span`` is "quarter" or "year", for sentences like "no measure is red this quarter".
    ``improved`` and ``declined`` list the measures that moved since ``previous_period``.
    """

    council: str
    period: str
    previous_period: str
    span: str
    meeting: MeetingView
    summary: tuple[str, ...]
    improved: tuple[MeasureLine, ...]
    declined: tuple[MeasureLine, ...]
    red_note: str
    counts: tuple[StatusCount, ...]
    exceptions: tuple[ExceptionItem, ...]
    pledges: tuple[PledgeSection, ...]
    commitments: tuple[Directorate, ...]
    profile: tuple[ProfileLine, ...]
    appendices: tuple[Appendix, ...]
    threshold: int
    has_suppressed: bool
    comparison_note: str = ""

    @property
    def has_comparators(self) -> bool:
        """True when any measure has a comparator, so the tables need the column."""
        return any(line.compared for p in self.pledges for line in p.lines)

    @property
    def document_title(self) -> str:
        """Title for the document's properties and the HTML <title>."""
        return f"{self.council}: {self.meeting.title}"
