"""Actions and commitments late or at risk: shown only when there are any."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import late_intro
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.plans import LateLine
from pledgekit.report.section import Listed, Place, Section, WordBlock

MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

| Ref | Action or commitment | Lead | Due | Status | Update |
|--------|------------------------------|----------|----------|----------|------------------------------|
{% for l in section.items %}
| {{ l.ref|md_cell }} | {{ l.text.text|md_cell }} | {{ l.lead|md_cell }} | {{ l.due|md_cell }} | **{{ l.status|md_cell }}** | {{ l.update.text|md_cell }} |
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import opening, captioned %}
{{ opening(section) }}
{% call captioned("t-late", "Actions and commitments late or at risk") %}
<thead><tr><th scope="col">Ref</th><th scope="col">Action or commitment</th><th scope="col">Lead</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Update</th></tr></thead>
<tbody>
{% for l in section.items %}
<tr><th scope="row">{{ l.ref }}</th><td>{{ l.text.text }}</td><td>{{ l.lead }}</td><td>{{ l.due }}</td><td><strong>{{ l.status }}</strong></td><td>{{ l.update.text }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}

"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.table(
        "Actions and commitments late or at risk",
        ["Ref", "Action or commitment", "Lead", "Due", "Status", "Update"],
        [
            "{{ l.ref }}",
            "{{ l.text.text }}",
            "{{ l.lead }}",
            "{{ l.due }}",
            "{{ l.status }}",
            "{{ l.update.text }}",
        ],
        [2.2, 4.4, 2.6, 2.2, 1.9, 3.7],
        "l in section.items",
    )


def shown(inputs: ReportInputs) -> bool:
    return bool(inputs.late)


def build(inputs: ReportInputs, place: Place) -> Listed[LateLine]:
    intro = generated(late_intro(inputs.late, inputs.today, inputs.dated))
    return Listed("late", place.number, SECTION.title, Para(place.para(1), intro), inputs.late)


SECTION = Section(
    "late",
    "Actions and commitments late or at risk",
    build,
    MARKDOWN,
    HTML,
    word,
    shown=shown,
)
