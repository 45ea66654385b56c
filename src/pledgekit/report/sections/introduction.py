"""The introduction: what the Pledge is and what the paper reports on, then meeting.yaml's own
introduction when it gives one."""

from __future__ import annotations

from pledgekit.config.meeting import Meeting
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import introduction
from pledgekit.report.section import Paragraphs, Place, Section
from pledgekit.report.sections.purpose import HTML, MARKDOWN, word


def _reports_on(inputs: ReportInputs) -> list[str]:
    """The parts the introduction may promise: only those with content."""
    meeting: Meeting | None = inputs.meeting
    parts = ["the actions and commitments that are late or at risk"] if inputs.late else []
    if meeting is not None and meeting.voice_of_children is not None:
        parts.append("what children and young people have told us")
    if meeting is not None and meeting.inspection is not None:
        parts.append("the latest inspection")
    return parts


def build(inputs: ReportInputs, place: Place) -> Paragraphs:
    texts = introduction(inputs.card, inputs.view.introduction, reports_on=_reports_on(inputs))
    return Paragraphs("introduction", place.number, SECTION.title, place.paras(texts))


SECTION = Section("introduction", "Introduction", build, MARKDOWN, HTML, word)
