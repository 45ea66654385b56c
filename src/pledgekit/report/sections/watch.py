"""The watch list: the measures rated amber, in one table."""

from __future__ import annotations

from pledgekit.model.status import Status
from pledgekit.report.exception_items import WatchItem, watch_item
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import watch_intro
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Listed, Place, Section, WordBlock

MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

{% if section.items %}
| Ref | Measure | Figure (target) | Trend | Commentary |
|-----|------------------------------|----------|-----------|----------------------------|
{% for w in section.items %}
| {{ w.line.ref|md_cell }} | {{ w.line.title|md_cell }} | {{ w.line.value_with_unit|md_cell }} ({{ w.line.target|md_cell }}) | {{ w.line.trend|md_cell }} | {{ w.commentary.text|md_cell }}{% if w.line.rule_note %} {{ w.line.rule_note|md_cell }}{% endif %} |
{% endfor %}

{% endif %}
"""

HTML = """\
{% from "macros.html.j2" import opening, captioned %}
{{ opening(section) }}
{% if section.items %}
{% call captioned("t-watch", "Measures rated amber, " ~ report.period) %}
<thead><tr><th scope="col">Ref</th><th scope="col">Measure</th><th scope="col">Figure (target)</th><th scope="col">Trend</th><th scope="col">Commentary</th></tr></thead>
<tbody>
{% for w in section.items %}
<tr><th scope="row">{{ w.line.ref }}</th><td>{{ w.line.title }}</td><td>{{ w.line.value_with_unit }} ({{ w.line.target }})</td><td>{{ w.line.trend }}</td><td>{{ w.commentary.text }}{% if w.line.rule_note %} {{ w.line.rule_note }}{% endif %}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% endif %}

"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.para("{%p if section.items %}")
    doc.table(
        "Measures rated amber, {{ report.period }}",
        ["Ref", "Measure rated amber", "Figure (target)", "Trend", "Commentary"],
        [
            "{{ w.line.ref }}",
            "{{ w.line.title }}",
            "{{ w.line.value_with_unit }} ({{ w.line.target }})",
            "{{ w.line.trend }}",
            "{{ w.commentary.text }} {{ w.line.rule_note }}",
        ],
        [1.1, 5.0, 2.6, 2.2, 6.1],
        "w in section.items",
        numbers=(2,),
    )
    doc.para("{%p endif %}")


def build(inputs: ReportInputs, place: Place) -> Listed[WatchItem]:
    items = tuple(
        watch_item(row, inputs.lines[row.measure.id], number=place.para(i))
        for i, row in enumerate(inputs.card.rows_with(Status.AMBER), start=2)
    )
    intro = Para(place.para(1), generated(watch_intro(len(items), inputs.span)))
    return Listed("watch", place.number, SECTION.title, intro, items)


SECTION = Section("watch", "Watch list: measures rated amber", build, MARKDOWN, HTML, word)
