"""Implications: financial, legal, human resources, equality, risk, corporate priorities and
other, each with who verified it, from meeting.yaml; "[to be completed]" where not given."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.meeting_view import ImplicationView, implication_views
from pledgekit.report.section import Part, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Implications(Part):
    """Each implication, numbered in the section."""

    items: tuple[ImplicationView, ...]


MARKDOWN = """\
{% from "macros.md.j2" import heading %}
{{ heading(section) }}

| Implication | Detail | Verified by |
|----------------|------------------------------|--------------------|
{% for i in section.items %}
| {{ i.number }} {{ i.heading|md_cell }} | {{ i.text.text|md_cell }} | {{ i.verified_by.text|md_cell }}{% if i.contact %} ({{ i.contact|md_cell }}){% endif %} |
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import heading, captioned, detail %}
{{ heading(section) }}
{% call captioned("t-implications", "Implications and who verified them") %}
<thead><tr><th scope="col">Implication</th><th scope="col">Detail</th><th scope="col">Verified by</th></tr></thead>
<tbody>
{% for i in section.items %}
<tr><th scope="row">{{ i.number }} {{ i.heading }}</th><td{% if i.text.placeholder %} class="todo"{% endif %}>{{ i.text.text }}</td><td>{{ detail(i.verified_by) }}{% if i.contact %} ({{ i.contact }}){% endif %}</td></tr>
{% endfor %}
</tbody>
{% endcall %}

"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.heading }}", 1)
    # One table, not a heading each: seven short paragraphs would take two pages.
    doc.table(
        "Implications and who verified them",
        ["Implication", "Detail", "Verified by"],
        [
            "{{ i.number }} {{ i.heading }}",
            '{{r i.text.text|replace("\\n", " ")|rich(i.text.placeholder) }}',
            "{{r i.verified_by|rich(i.verified_by.placeholder) }}"
            "{% if i.contact %} ({{ i.contact }}){% endif %}",
        ],
        [3.6, 8.8, 4.6],
        "i in section.items",
    )


def build(inputs: ReportInputs, place: Place) -> Implications:
    items = implication_views(inputs.meeting, place.number)
    return Implications("implications", place.number, SECTION.title, items)


SECTION = Section("implications", "Implications", build, MARKDOWN, HTML, word)
