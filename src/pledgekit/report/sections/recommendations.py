"""Section 2, recommendations: meeting.yaml's ``recommendations``, a numbered paragraph each."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.section import Paragraphs, Place, Section
from pledgekit.report.sections.purpose import HTML, MARKDOWN, word


def build(inputs: ReportInputs, place: Place) -> Paragraphs:
    paras = place.paras(inputs.view.recommendations)
    return Paragraphs("recommendations", place.number, SECTION.title, paras)


SECTION = Section("recommendations", "Recommendations", build, MARKDOWN, HTML, word)
