"""The list of appendices (the report's own, then meeting.yaml's) and the contact officer."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.meeting_view import Appendix, Detail
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Listed, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Appendices(Listed[Appendix]):
    """The opening paragraph, every appendix, and who to contact about the report."""

    contact: Detail


MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

{% for a in section.items %}
- Appendix {{ a.letter }}: {{ a.title|md_text }}{% if a.where %} ({{ a.where|md_text }}){% endif %}

{% endfor %}

Contact officer: {{ section.contact.text|md_text }}

"""

HTML = """\
{% from "macros.html.j2" import opening, detail %}
{{ opening(section) }}
<ul>
{% for a in section.items %}
<li>Appendix {{ a.letter }}: {{ a.title }}{% if a.where %} ({{ a.where }}){% endif %}</li>
{% endfor %}
</ul>
<p>Contact officer: {{ detail(section.contact) }}</p>

"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.para("{%p for a in section.items %}")
    doc.para(
        "Appendix {{ a.letter }}: {{ a.title }}{% if a.where %} ({{ a.where }}){% endif %}",
        "List Bullet",
    )
    doc.para("{%p endfor %}")
    doc.para("Contact officer: {{r section.contact|rich(section.contact.placeholder) }}")


def build(inputs: ReportInputs, place: Place) -> Appendices:
    intro = Para(place.para(1), generated("These appendices form part of this report:"))
    return Appendices(
        "appendices", place.number, SECTION.title, intro, place.appendices, inputs.view.author
    )


SECTION = Section("appendices", "Appendices", build, MARKDOWN, HTML, word)
