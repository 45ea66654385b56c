"""The action plan appendix: every action from meeting.yaml and the Actions sheet, with its
lead, milestone, status and update; shown when there is any action."""

from __future__ import annotations

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import actions_intro
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.plans import ActionLine
from pledgekit.report.section import Listed, Place, Section, WordBlock

MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

| Ref | Action | Linked measures | Lead and partners | Milestone | Status | Update |
|----|------------------------------|--------|--------------|----------|----------|--------------------|
{% for a in section.items %}
| {{ a.ref|md_cell }} | {{ a.action.text|md_cell }}{% if a.pledge %} (pledge {{ a.pledge|md_cell }}){% endif %}{% if a.resources %}. Resources: {{ a.resources|md_cell }}{% endif %} | {{ a.measures|join(", ")|md_cell }} | {{ a.lead|md_cell }}{% if a.partners %}; {{ a.partners|md_cell }}{% endif %} | {{ a.milestone|md_cell }} | {{ a.flag or a.status|md_cell }} | {{ a.update.text|md_cell }} |
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import opening, captioned %}
{{ opening(section) }}
{% call captioned("t-actions", "Action plan") %}
<thead><tr><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Linked measures</th><th scope="col">Lead and partners</th><th scope="col">Milestone</th><th scope="col">Status</th><th scope="col">Update</th></tr></thead>
<tbody>
{% for a in section.items %}
<tr><th scope="row">{{ a.ref }}</th><td>{{ a.action.text }}{% if a.pledge %} (pledge {{ a.pledge }}){% endif %}{% if a.resources %}. Resources: {{ a.resources }}{% endif %}</td><td>{{ a.measures|join(", ") }}</td><td>{{ a.lead }}{% if a.partners %}; {{ a.partners }}{% endif %}</td><td>{{ a.milestone }}</td><td>{% if a.flag %}<strong>{{ a.flag }}</strong>{% else %}{{ a.status }}{% endif %}</td><td>{{ a.update.text }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.table(
        "Action plan",
        # Five columns, not seven: the linked measures ride with the action and the status
        # with its milestone, so the action and its update get the width (a narrow column
        # turned each row into ten lines and the plan into two pages).
        ["Ref", "Action", "Lead and partners", "Milestone and status", "Update"],
        [
            "{{ a.ref }}",
            "{{ a.action.text }}{% if a.pledge %} (pledge {{ a.pledge }}){% endif %}"
            "{% if a.measures %}. Linked to measure{{ 's' if a.measures|length > 1 else '' }} "
            '{{ a.measures|join(", ") }}{% endif %}'
            "{% if a.resources %}. Resources: {{ a.resources }}{% endif %}",
            "{{ a.lead }}{% if a.partners %}; {{ a.partners }}{% endif %}",
            "{% if a.milestone %}{{ a.milestone }}: {% endif %}{{ a.flag or a.status }}",
            "{{ a.update.text }}",
        ],
        [1.0, 6.0, 3.0, 2.6, 4.4],
        "a in section.items",
    )


def shown(inputs: ReportInputs) -> bool:
    return bool(inputs.actions)


def build(inputs: ReportInputs, place: Place) -> Listed[ActionLine]:
    intro = generated(actions_intro(inputs.actions, inputs.today, inputs.dated))
    return Listed(
        "actions", place.number, SECTION.title, Para(place.para(1), intro), inputs.actions
    )


SECTION = Section(
    "actions", "The action plan", build, MARKDOWN, HTML, word, appendix=True, shown=shown
)
