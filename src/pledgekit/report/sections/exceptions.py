"""Exceptions: each measure rated red, with its figure, trend, comparators, actions, chart and
the owner's commentary. A red without commentary keeps the report a draft."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.status import Status
from pledgekit.report.exception_items import ExceptionItem, exception_item
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import exceptions_intro, persistence
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Listed, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Exceptions(Listed[ExceptionItem]):
    """The opening paragraph and one item per red measure."""

    @property
    def gaps(self) -> tuple[str, ...]:
        return tuple(
            f"measure {ex.line.ref} is red but has no commentary"
            for ex in self.items
            if ex.commentary_missing
        )


MARKDOWN = r"""{% from "macros.md.j2" import opening %}
{{ opening(section) }}

{% for ex in section.items %}
### {{ ex.number }} Measure {{ ex.line.ref|md_text }}: {{ ex.line.title|md_text }}

| Item | Detail |
|------------|----------------------------------------|
| Figure | {{ ex.figure|md_cell }} |
| Status | {{ ex.line.status_text|md_cell }} against a target of {{ ex.line.target|md_cell }} |
| Trend | {{ ex.trend|md_cell }} {{ ex.persistence|md_cell }} |
| Compared with | {{ ex.line.comparator_text|md_cell }} |
| Actions | {{ ex.action_text|md_cell }} |

#### Commentary{% if ex.line.owner %} ({{ ex.line.owner|md_text }}){% endif %}


{{ ex.commentary|md_prose }}

{% endfor %}
"""

HTML = """\
{% from "macros.html.j2" import opening, captioned, prose, rag %}
{{ opening(section) }}
{% for ex in section.items %}
<section>
<h3>{{ ex.number }} Measure {{ ex.line.ref }}: {{ ex.line.title }}</h3>
{% call captioned("t-exception-" ~ loop.index, "Measure " ~ ex.line.ref ~ " in " ~ report.period, "details") %}
<tbody>
<tr><th scope="row">Figure</th><td>{{ ex.figure }}</td></tr>
<tr><th scope="row">Status</th>{{ rag(ex.line.status) }}</tr>
<tr><th scope="row">Trend</th><td>{{ ex.trend }} {{ ex.persistence }}</td></tr>
<tr><th scope="row">Compared with</th><td>{{ ex.line.comparator_text }}</td></tr>
<tr><th scope="row">Actions</th><td>{{ ex.action_text }}</td></tr>
</tbody>
{% endcall %}
{% if ex.chart.labels %}
<figure>
{{ ex.chart|chart_svg }}
<figcaption>Measure {{ ex.line.ref }}: recent figures{% if ex.line.target %} against the target ({{ ex.line.target }}){% endif %}.</figcaption>
</figure>
{% endif %}
{% if ex.published %}{% set funnel = ex.published|funnel_svg %}{% if funnel %}
<figure>
{{ funnel }}
<figcaption>Measure {{ ex.line.ref }}: every council's published figure for {{ ex.published[1].year.label }} against its denominator, around England's figure with 95% (dashed) and 99.8% (dotted) control limits; this council a large dot, its neighbours squares.</figcaption>
</figure>
{% endif %}{% endif %}
<h4>Commentary{% if ex.line.owner %} ({{ ex.line.owner }}){% endif %}</h4>
<div{% if ex.commentary_missing %} class="commentary-missing"{% endif %}>
{{ prose(ex.commentary) }}
</div>
</section>
{% endfor %}

"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.para("{%p for ex in section.items %}")
    doc.heading("{{ ex.number }} Measure {{ ex.line.ref }}: {{ ex.line.title }}", 2)
    doc.details(
        "Measure {{ ex.line.ref }} in {{ report.period }}",
        [
            ("Figure", "{{ ex.figure }}"),
            ("Status", "{% cellbg ex.line.status.colour %}{{r ex.line.status|status }}"),
            ("Trend", "{{ ex.trend }} {{ ex.persistence }}"),
            ("Compared with", "{{ ex.line.comparator_text }}"),
            ("Actions", "{{ ex.action_text }}"),
        ],
        (3.5, 13.5),
    )
    doc.para("{%p if ex.chart.labels %}")
    doc.para("{{ ex.chart|chart }}", "Chart Picture")
    # Below its chart, a caption ends the figure: kept with what follows, the chart would drag
    # the commentary with it and leave a third of the page empty.
    doc.caption(
        "Measure {{ ex.line.ref }}: recent figures"
        "{% if ex.line.target %} against the target ({{ ex.line.target }}){% endif %}",
        ends_figure=True,
    )
    doc.para("{%p endif %}")
    doc.heading("Commentary{% if ex.line.owner %} ({{ ex.line.owner }}){% endif %}", 3)
    doc.prose("ex.commentary")
    doc.para("{%p endfor %}")


def build(inputs: ReportInputs, place: Place) -> Exceptions:
    reds = inputs.card.rows_with(Status.RED)
    lines = inputs.lines
    items = tuple(
        exception_item(
            row,
            lines[row.measure.id],
            number=place.para(i),
            persistence=persistence(inputs.streaks.get(row.measure.id, 1), inputs.span),
            actions=tuple(a for a in inputs.actions if row.measure.id in a.measures),
        )
        for i, row in enumerate(reds, start=2)
    )
    intro = generated(exceptions_intro([lines[r.measure.id] for r in reds], inputs.span))
    return Exceptions("exceptions", place.number, SECTION.title, Para(place.para(1), intro), items)


SECTION = Section("exceptions", "Exceptions: measures rated red", build, MARKDOWN, HTML, word)
