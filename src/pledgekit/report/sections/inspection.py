"""The latest inspection from meeting.yaml: judgements, findings, and each recommendation with
the actions answering it; "[to be completed]" without one."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.prose import PLACEHOLDER
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.meeting_sections import InspectionView, inspection_view
from pledgekit.report.section import Part, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Inspection(Part):
    """The latest inspection (None: not yet written)."""

    inspection: InspectionView | None

    @property
    def gaps(self) -> tuple[str, ...]:
        return () if self.inspection else (f"inspection: {PLACEHOLDER}",)


MARKDOWN = r"""{% from "macros.md.j2" import heading %}
{{ heading(section) }}

{% if section.inspection %}
{{ section.inspection.intro|md_prose }}

{% if section.inspection.judgements %}
| Judgement | Grade |
|------------------------------|------------|
{% for j in section.inspection.judgements %}
| {{ j.area|md_cell }} | {{ j.grade|md_cell }} |
{% endfor %}

{% endif %}
{% if section.inspection.summary %}
{{ section.inspection.summary|md_prose }}

{% endif %}
{% for r in section.inspection.recommendations %}
{{ r|md_prose }}

{% endfor %}
{% else %}
**{{ section.number }}.1** **\[to be completed\]**

{% endif %}
"""

HTML = """\
{% from "macros.html.j2" import heading, captioned, para %}
{{ heading(section) }}
{% if section.inspection %}
{{ para(section.inspection.intro) }}
{% if section.inspection.judgements %}
{% call captioned("t-inspection", "Inspection judgements", "details") %}
<thead><tr><th scope="col">Judgement</th><th scope="col">Grade</th></tr></thead>
<tbody>
{% for j in section.inspection.judgements %}
<tr><th scope="row">{{ j.area }}</th><td>{{ j.grade }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% endif %}
{% if section.inspection.summary %}
{{ para(section.inspection.summary) }}
{% endif %}
{% for r in section.inspection.recommendations %}
{{ para(r) }}
{% endfor %}
{% else %}
<p class="todo"><strong>{{ section.number }}.1</strong> [to be completed]</p>
{% endif %}

"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.heading }}", 1)
    doc.para("{%p if section.inspection %}")
    doc.prose("section.inspection.intro")
    doc.para("{%p if section.inspection.judgements %}")
    doc.table(
        "Inspection judgements",
        ["Judgement", "Grade"],
        ["{{ j.area }}", "{{ j.grade }}"],
        [11.0, 6.0],
        "j in section.inspection.judgements",
    )
    doc.para("{%p endif %}")
    doc.para("{%p if section.inspection.summary %}")
    doc.prose("section.inspection.summary")
    doc.para("{%p endif %}")
    doc.paras("section.inspection.recommendations")
    doc.para("{%p else %}")
    doc.para("{{ section.number }}.1 {{r '[to be completed]'|rich(True) }}")
    doc.para("{%p endif %}")


def build(inputs: ReportInputs, place: Place) -> Inspection:
    found = inspection_view(
        inputs.meeting,
        section=place.number,
        known_actions={a.ref for a in inputs.actions},
        later_actions=frozenset(a.ref for a in inputs.dataset.actions if a.ref),
    )
    return Inspection("inspection", place.number, SECTION.title, found)


SECTION = Section("inspection", "Inspection", build, MARKDOWN, HTML, word)
