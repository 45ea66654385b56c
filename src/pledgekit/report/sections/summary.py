"""The executive summary: the quarter in about 250 words, written from the figures."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.paragraphs import generated
from pledgekit.report.section import Paragraphs, Place, Section
from pledgekit.report.sections.purpose import HTML, MARKDOWN, word
from pledgekit.report.summary_text import children_in_care_row, summary_paragraphs


def build(inputs: ReportInputs, place: Place) -> Paragraphs:
    card, meeting = inputs.card, inputs.meeting
    texts = summary_paragraphs(
        card,
        inputs.lines,
        streaks=inputs.streaks,
        exceptions_section=place.numbers["exceptions"],
        directorates=inputs.commitments,
        actions=inputs.actions,
        children=children_in_care_row(card, meeting.children_in_care_measure if meeting else None),
        late=inputs.late,
        late_section=place.numbers.get("late", ""),
    )
    paras = place.paras([generated(p, "executive summary") for p in texts])
    return Paragraphs("summary", place.number, SECTION.title, paras)


SECTION = Section("summary", "Executive summary", build, MARKDOWN, HTML, word)
