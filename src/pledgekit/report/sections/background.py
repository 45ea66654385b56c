"""Background papers: what the report relied on, from meeting.yaml."""

from __future__ import annotations

from pledgekit.model.prose import Prose
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Listed, Place, Section, WordBlock

MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

{% for paper in section.items %}
- {{ paper|md_prose|indent(2) }}
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import opening, prose %}
{{ opening(section) }}
{% if section.items %}
<ul>
{% for paper in section.items %}
<li>{{ prose(paper) }}</li>
{% endfor %}
</ul>
{% endif %}

"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.para("{%p for paper in section.items %}")
    doc.para("{{ paper }}", "List Bullet")
    doc.para("{%p endfor %}")


def build(inputs: ReportInputs, place: Place) -> Listed[Prose]:
    papers = inputs.view.background_papers
    intro = generated(
        "These papers were relied on in writing this report:"
        if papers
        else "No background papers were relied on in writing this report."
    )
    return Listed("background", place.number, SECTION.title, Para(place.para(1), intro), papers)


SECTION = Section("background", "Background papers", build, MARKDOWN, HTML, word)
