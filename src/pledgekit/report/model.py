"""The committee report as a model: everything the templates show, in the order they show it.

:func:`pledgekit.report.assembly.build_report` makes a :class:`Report`; the renderers in
:mod:`pledgekit.render.report` turn it into Markdown, HTML or Word. Paragraphs are numbered
section by section (``4.2``) in the model, so every format numbers them alike and members can
cite them in debate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgekit.model.prose import Prose
from pledgekit.model.status import Status
from pledgekit.report.exceptions import ExceptionItem, WatchItem
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.meeting_sections import InspectionView, VoiceView
from pledgekit.report.meeting_view import Appendix, MeetingView
from pledgekit.report.paragraphs import Para
from pledgekit.report.plans import ActionLine, CommitmentLine, Directorate, LateLine
from pledgekit.report.symbols import SymbolKey


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many measures have one status (a line of the summary table)."""

    status: Status
    count: int


@dataclass(frozen=True, slots=True)
class PledgeSection:
    """A pledge: its promises, its measures, the update on it, and notes on its measures.

    ``notes`` are the measures other than reds and ambers that carry commentary (context
    measures, greens with a note), so no commentary is left out of the report.
    """

    number: str
    id: str
    title: str
    outcome: str | None
    promises: tuple[str, ...]
    lines: tuple[MeasureLine, ...]
    narrative: Prose
    notes: tuple[MeasureLine, ...] = ()

    @property
    def compared(self) -> tuple[MeasureLine, ...]:
        """The measures that have a comparator, for the pledge's comparators table: all but the
        reds, whose comparators the exceptions section gives (a figure said once)."""
        return tuple(
            line for line in self.lines if line.comparators and line.status is not Status.RED
        )

    @property
    def red_compared(self) -> bool:
        """Whether a red measure's comparators were left to the exceptions section."""
        return any(line.comparators and line.status is Status.RED for line in self.lines)


@dataclass(frozen=True, slots=True)
class ProfileLine:
    """One line of the cohort profile, with last period's figure and England's where known."""

    label: Prose
    value: Prose
    previous: str = ""
    england: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the committee report shows, in the order it shows it.

    ``numbers`` gives each section present its number (``{"summary": 4, ...}``). ``gaps`` lists
    what stops the report being final; while there is any, ``draft`` is True and every format
    says DRAFT.
    """

    council: str
    period: str
    months: str
    previous_period: str
    span: str
    meeting: MeetingView
    numbers: dict[str, int]
    purpose: Para
    recommendations: tuple[Para, ...]
    introduction: tuple[Para, ...]
    summary: tuple[Para, ...]
    counts: tuple[StatusCount, ...]
    exceptions_intro: Para
    exceptions: tuple[ExceptionItem, ...]
    watch_intro: Para
    watch: tuple[WatchItem, ...]
    pledges: tuple[PledgeSection, ...]
    late_intro: Para | None
    late: tuple[LateLine, ...]
    commitments_intro: Para | None
    commitments: tuple[Directorate, ...]
    actions_intro: Para | None
    actions: tuple[ActionLine, ...]
    voice: VoiceView | None
    inspection: InspectionView | None
    profile_intro: Para | None
    profile: tuple[ProfileLine, ...]
    conclusion: Para
    background_intro: Para
    appendices_intro: Para
    appendices: tuple[Appendix, ...]
    symbols: tuple[SymbolKey, ...]
    threshold: int
    has_suppressed: bool
    comparison_note: str = ""
    gaps: tuple[str, ...] = field(default=())
    #: The letter of each generated appendix present: ``{"pledges": "A", "actions": "B"}``.
    letters: dict[str, str] = field(default_factory=dict)

    @property
    def contents(self) -> tuple[tuple[str, str], ...]:
        """The contents list: (anchor, heading) of each numbered section, then each appendix."""
        names = {
            "purpose": "Purpose of the report",
            "recommendations": "Recommendations",
            "introduction": "Introduction",
            "summary": "Executive summary",
            "exceptions": "Exceptions: measures rated red",
            "watch": "Watch list: measures rated amber",
            "late": "Actions and commitments late or at risk",
            "voice": "Voice of children and young people",
            "inspection": "Inspection",
            "implications": "Implications",
            "conclusion": "Conclusion",
            "background": "Background papers",
            "appendices": "Appendices",
        }
        found = [(f"s{key}", f"{n}. {names[key]}") for key, n in self.numbers.items()]
        found += [
            (f"appendix-{a.letter.lower()}", f"Appendix {a.letter}: {a.title}")
            for a in self.appendices
            if a.letter in set(self.letters.values()) - {""} or a.text is not None
        ]
        return tuple(found)

    @property
    def commitment_rows(self) -> tuple[tuple[str, CommitmentLine], ...]:
        """Every commitment with its directorate's name, for one table of them all."""
        return tuple((d.name.text, c) for d in self.commitments for c in d.commitments)

    @property
    def draft(self) -> bool:
        """True while any gap remains: the report must say DRAFT."""
        return bool(self.gaps)

    @property
    def has_comparators(self) -> bool:
        """True when any measure has a comparator, so the tables need the column."""
        return any(line.compared for p in self.pledges for line in p.lines)

    @property
    def document_title(self) -> str:
        """Title for the document's properties and the HTML <title>."""
        prefix = "DRAFT: " if self.draft else ""
        return f"{prefix}{self.council}: {self.meeting.title}"

    @property
    def draft_notice(self) -> str:
        """The banner a draft carries, counting its gaps."""
        n = len(self.gaps)
        return (
            f"DRAFT: not for publication. {n} gap{'s' if n != 1 else ''} remain"
            f"{'s' if n == 1 else ''} before this report can be final (see the list below)."
        )
