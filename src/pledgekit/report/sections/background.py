"""Background papers: what the report relied on, from meeting.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.prose import Prose
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Part, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Background(Part):
    """The opening paragraph and each paper."""

    intro: Para
    papers: tuple[Prose, ...]


MARKDOWN = """\
## {{ section.number }}. {{ section.title }}

{{ section.intro|md_prose }}

{% for paper in section.papers %}
- {{ paper|md_prose|indent(2) }}
{% endfor %}

"""

HTML = """\
<h2 id="{{ section.anchor }}">{{ section.number }}. {{ section.title }}</h2>
{{ para(section.intro) }}
{% if section.papers %}
<ul>
{% for paper in section.papers %}
<li>{{ prose(paper) }}</li>
{% endfor %}
</ul>
{% endif %}

"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.number }}. {{ section.title }}", 1)
    doc.prose("section.intro")
    doc.para("{%p for paper in section.papers %}")
    doc.para("{{ paper }}", "List Bullet")
    doc.para("{%p endfor %}")


def build(inputs: ReportInputs, place: Place) -> Background:
    papers = inputs.view.background_papers
    intro = generated(
        "These papers were relied on in writing this report:"
        if papers
        else "No background papers were relied on in writing this report."
    )
    return Background("background", place.number, SECTION.title, Para(place.para(1), intro), papers)


SECTION = Section("background", "Background papers", build, MARKDOWN, HTML, word)
