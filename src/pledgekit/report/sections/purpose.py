"""Section 1, the purpose of the report: meeting.yaml's ``purpose``, one numbered paragraph."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.section import Paragraphs, Place, Section, WordBlock

MARKDOWN = """\
{% from "macros.md.j2" import heading %}
{{ heading(section) }}

{% for p in section.paras %}
{{ p|md_prose }}

{% endfor %}
"""

HTML = """\
{% from "macros.html.j2" import heading, para %}
{{ heading(section) }}
{% for p in section.paras %}
{{ para(p) }}
{% endfor %}

"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.heading }}", 1)
    doc.paras("section.paras")


def build(inputs: ReportInputs, place: Place) -> Paragraphs:
    return Paragraphs("purpose", place.number, SECTION.title, place.paras([inputs.view.purpose]))


SECTION = Section("purpose", "Purpose of the report", build, MARKDOWN, HTML, word)
