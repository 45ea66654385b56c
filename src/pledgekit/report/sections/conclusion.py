"""The conclusion: meeting.yaml's ``conclusion``, one numbered paragraph."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.section import Paragraphs, Place, Section
from pledgekit.report.sections.purpose import HTML, MARKDOWN, word


def build(inputs: ReportInputs, place: Place) -> Paragraphs:
    return Paragraphs(
        "conclusion", place.number, SECTION.title, place.paras([inputs.view.conclusion])
    )


SECTION = Section("conclusion", "Conclusion", build, MARKDOWN, HTML, word)
