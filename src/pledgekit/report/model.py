"""The committee report as a model: the cover, then each section's view in the paper's order.

:func:`pledgekit.report.assembly.build_report` makes a :class:`Report`; the renderers in
:mod:`pledgekit.render.report` turn it into Markdown, HTML or Word, each section through its own
template block (:mod:`pledgekit.report.sections`). Paragraphs are numbered section by section
(``4.2``) in the model, so every format numbers them alike and members can cite them in debate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from pledgekit.report.meeting_view import MeetingView
from pledgekit.report.section import Part

P = TypeVar("P", bound=Part)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the committee report shows: the cover details and the sections, in order.

    ``sections`` are the views of the sections the report has (a section left out, such as late
    actions when none are late, is not there and takes no number). ``gaps`` lists what stops
    the report being final; while there is any, ``draft`` is True and every format says DRAFT.
    """

    council: str
    period: str
    months: str
    previous_period: str
    span: str
    meeting: MeetingView
    sections: tuple[Part, ...]
    threshold: int
    gaps: tuple[str, ...] = field(default=())

    @property
    def numbers(self) -> dict[str, str]:
        """Each numbered section's number or letter by key: ``{"summary": "4", "pledges": "A"}``."""
        return {part.key: part.number for part in self.sections if part.number}

    def section(self, key: str) -> Part | None:
        """The section called ``key`` (``"exceptions"``), or None when the report leaves it out."""
        for part in self.sections:
            if part.key == key:
                return part
        return None

    def find(self, kind: type[P]) -> P | None:
        """The section whose view is a ``kind``, or None when the report leaves it out."""
        for part in self.sections:
            if isinstance(part, kind):
                return part
        return None

    @property
    def contents(self) -> tuple[tuple[str, str], ...]:
        """The contents list: (anchor, heading) of each section, then each appendix."""
        return tuple(line for part in self.sections for line in part.contents)

    @property
    def draft(self) -> bool:
        """True while any gap remains: the report must say DRAFT."""
        return bool(self.gaps)

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
