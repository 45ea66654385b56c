"""Appendix A, performance by pledge: the full scorecard, pledge by pledge, with each pledge's
promises, comparators and update, the note on how figures are compared, and the key to symbols."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.prose import Prose
from pledgekit.model.status import Status
from pledgekit.report.exception_items import recent_figures
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.section import Part, Place, Section, WordBlock
from pledgekit.report.sources import narrative
from pledgekit.report.symbols import SymbolKey, symbol_key
from pledgekit.score.comparator_text import comparison_note


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many measures have one status (a line of the counts table)."""

    status: Status
    count: int


@dataclass(frozen=True, slots=True)
class PledgeSection:
    """A pledge: its promises, its measures, the update on it, and notes on its measures.

    ``notes`` are the measures other than reds and ambers that carry commentary (context
    measures, greens with a note), so no commentary is left out of the report.
    """

    number: str
    id: str
    title: str
    outcome: str | None
    promises: tuple[str, ...]
    lines: tuple[MeasureLine, ...]
    narrative: Prose
    notes: tuple[MeasureLine, ...] = ()

    @property
    def compared(self) -> tuple[MeasureLine, ...]:
        """The measures that have a comparator, for the pledge's comparators table: all but the
        reds, whose comparators the exceptions section gives (a figure said once)."""
        return tuple(
            line for line in self.lines if line.comparators and line.status is not Status.RED
        )

    @property
    def red_compared(self) -> bool:
        """Whether a red measure's comparators were left to the exceptions section."""
        return any(line.comparators and line.status is Status.RED for line in self.lines)


@dataclass(frozen=True, slots=True)
class Pledges(Part):
    """The counts by status, each pledge, how comparators are judged, and the symbol key."""

    counts: tuple[StatusCount, ...]
    pledges: tuple[PledgeSection, ...]
    comparison_note: str
    symbols: tuple[SymbolKey, ...]

    @property
    def has_comparators(self) -> bool:
        """True when any measure has a comparator, so the tables need the column."""
        return any(line.compared for p in self.pledges for line in p.lines)


MARKDOWN = """\
{% from "macros.md.j2" import heading %}
{{ heading(section) }}

| Status | Measures |
|--------------|--------:|
{% for c in section.counts %}
| {{ c.status.symbol }} {{ c.status.label }} | {{ c.count }} |
{% endfor %}

{% for p in section.pledges %}
### {{ p.number }} Pledge {{ p.id|md_text }}: {{ p.title|md_text }}

{% if p.outcome %}
Outcome: {{ p.outcome|md_text }}

{% endif %}
{% if p.promises %}
What we promise:

{% for promise in p.promises %}
- {{ promise|md_text }}
{% endfor %}

{% endif %}
{% if p.lines %}
| Ref | Measure | Value | Target | Status | Trend (previous figure) |
|-----|------------------------------|-------:|--------:|-----------|---------------|
{% for line in p.lines %}
| {{ line.label|md_cell }} | {{ line.title|md_cell }}{% if line.annual %} ({{ line.period_label }}){% endif %} | {{ line.value|md_cell }} | {{ line.target|md_cell }} | {{ line.status_text|md_cell }} | {{ line.trend_from|md_cell }} |
{% endfor %}

{% endif %}
{% if p.compared %}
| Ref | Compared with |
|-----|----------------------------------------|
{% for line in p.compared %}
| {{ line.ref|md_cell }} | {{ line.comparator_text|md_cell }} |
{% endfor %}

{% endif %}
{% if p.red_compared %}
Comparators for measures rated red are in section {{ report.numbers.exceptions }}.

{% endif %}
{% for line in p.lines if line.rule_note %}
Note on {{ line.ref|md_text }}: {{ line.rule_note|md_text }}

{% endfor %}
{{ p.narrative|md_prose }}

{% for line in p.notes %}
Note on {{ line.ref|md_text }} ({{ line.status.label|lower }}): {{ line.commentary.text|md_text }}

{% endfor %}
{% endfor %}
{% if section.comparison_note %}
{{ section.comparison_note|md_text }}

{% endif %}
{% if section.symbols %}
Key to symbols:

{% for s in section.symbols %}
- {{ s.symbol|md_text }} {{ s.meaning|md_text }}
{% endfor %}

{% endif %}
"""

HTML = """\
{% from "macros.html.j2" import heading, captioned, prose, rag %}
{{ heading(section) }}
{% call captioned("t-counts", "Measures by status, " ~ report.period, "counts") %}
<thead><tr><th scope="col">Status</th><th scope="col" class="num">Measures</th></tr></thead>
<tbody>
{% for c in section.counts %}
<tr>{{ rag(c.status) }}<td class="num">{{ c.count }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% for p in section.pledges %}
<section>
<h3>{{ p.number }} Pledge {{ p.id }}: {{ p.title }}</h3>
{% if p.outcome %}<p class="note">Outcome: {{ p.outcome }}</p>{% endif %}
{% if p.promises %}
<p>What we promise:</p>
<ul>
{% for promise in p.promises %}
<li>{{ promise }}</li>
{% endfor %}
</ul>
{% endif %}
{% call captioned("t-appendix-" ~ loop.index, "Pledge " ~ p.id ~ " measures, " ~ report.period) %}
<thead><tr><th scope="col">Ref</th><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Target</th><th scope="col">Status</th><th scope="col">Trend (previous figure)</th></tr></thead>
<tbody>
{% for line in p.lines %}
<tr><th scope="row">{{ line.label }}</th><td>{{ line.title }}{% if line.annual %} ({{ line.period_label }}){% endif %}</td><td class="num">{{ line.value }}</td><td class="num">{{ line.target }}</td>{{ rag(line.status) }}<td>{{ line.trend_from }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% if p.compared %}
{% set see = " (for measures rated red, see section " ~ report.numbers.exceptions ~ ")" %}
{% call captioned("t-why-" ~ loop.index, "Pledge " ~ p.id ~ ": comparators" ~ (see if p.red_compared else "")) %}
<thead><tr><th scope="col">Ref</th><th scope="col">Compared with</th></tr></thead>
<tbody>
{% for line in p.compared %}
<tr><th scope="row">{{ line.ref }}</th><td>{{ line.comparator_text }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% endif %}
{% for line in p.lines if line.rule_note %}
<p>Note on {{ line.ref }}: {{ line.rule_note }}</p>
{% endfor %}
{{ prose(p.narrative) }}
{% for line in p.notes %}
<p>Note on {{ line.ref }} ({{ line.status.label|lower }}): {{ line.commentary.text }}</p>
{% endfor %}
</section>
{% endfor %}
{% if section.comparison_note %}
<p class="note">{{ section.comparison_note }}</p>
{% endif %}
{% if section.symbols %}
<h3>Key to symbols</h3>
<ul class="note">
{% for s in section.symbols %}
<li>{{ s.symbol }} {{ s.meaning }}</li>
{% endfor %}
</ul>
{% endif %}
"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.heading }}", 1, new_page=True)
    # No table of counts by status here: the summary states them.
    doc.para("{%p for p in section.pledges %}")
    doc.heading("{{ p.number }} Pledge {{ p.id }}: {{ p.title }}", 2)
    doc.para("{%p if p.outcome %}")
    doc.para("Outcome: {{ p.outcome }}")
    doc.para("{%p endif %}")
    doc.para("{%p if p.promises %}")
    doc.para("What we promise:")
    doc.para("{%p for promise in p.promises %}")
    doc.para("{{ promise }}", "List Bullet")
    doc.para("{%p endfor %}")
    doc.para("{%p endif %}")
    doc.para("{%p if p.lines %}")
    doc.table(
        "Pledge {{ p.id }} measures, {{ report.period }}",
        # The figure and its target share a column, as in the body's amber table: one
        # narrow column fewer leaves the measure's title room to wrap less.
        ["Ref", "Measure", "Figure (target)", "Status", "Trend"],
        [
            "{{ line.label }}",
            "{{ line.title }}{% if line.annual %} ({{ line.period_label }}){% endif %}",
            "{{ line.value }}{{ ' ' if line.value and line.target else '' }}"
            "{% if line.target %}({{ line.target }}){% endif %}",
            "{% cellbg line.status.colour %}{{r line.status|status }}",
            "{{ line.trend_from }}",
        ],
        [1.6, 7.0, 2.6, 2.3, 3.5],
        "line in p.lines",
        numbers=(2,),
    )
    doc.para("{%p if p.compared %}")
    doc.table(
        "Pledge {{ p.id }}: comparators{% if p.red_compared %} (for measures rated red, see "
        "section {{ report.numbers.exceptions }}){% endif %}",
        ["Ref", "Compared with"],
        ["{{ line.ref }}", "{{ line.comparator_text }}"],
        [1.4, 15.6],
        "line in p.compared",
    )
    doc.para("{%p endif %}")
    doc.para("{%p for line in p.lines if line.rule_note %}")
    doc.para("Note on {{ line.ref }}: {{ line.rule_note }}")
    doc.para("{%p endfor %}")
    doc.para("{%p endif %}")
    doc.prose("p.narrative")
    doc.para("{%p for line in p.notes %}")
    doc.para("Note on {{ line.ref }} ({{ line.status.label|lower }}): {{ line.commentary.text }}")
    doc.para("{%p endfor %}")
    doc.para("{%p endfor %}")
    doc.para("{%p if section.comparison_note %}")
    doc.para("{{ section.comparison_note }}")
    doc.para("{%p endif %}")
    doc.para("{%p if section.symbols %}")
    # Two symbols a row, under its caption alone (no heading besides): the key as a list ran
    # to a dozen short lines.
    doc.table(
        "Key to symbols",
        ["Symbol", "Meaning", "Symbol", "Meaning"],
        [
            "{{ pair[0].symbol }}",
            "{{ pair[0].meaning }}",
            "{{ pair[1].symbol if pair|length > 1 else '' }}",
            "{{ pair[1].meaning if pair|length > 1 else '' }}",
        ],
        [1.4, 7.1, 1.4, 7.1],
        "pair in section.symbols|batch(2)",
    )
    doc.para("{%p endif %}")


def build(inputs: ReportInputs, place: Place) -> Pledges:
    card, lines = inputs.card, inputs.lines
    updates = inputs.known.dataset.updates
    pledges = tuple(
        PledgeSection(
            number=place.para(i),
            id=p.id,
            title=p.title,
            outcome=p.outcome,
            promises=tuple(p.promises),
            lines=tuple(lines[row.measure.id] for row in card.rows_for(p)),
            narrative=narrative(p.id, inputs.meeting, updates),
            notes=tuple(
                lines[row.measure.id]
                for row in card.rows_for(p)
                if row.commentary is not None and row.status not in (Status.RED, Status.AMBER)
            ),
        )
        for i, p in enumerate(card.pledges, start=1)
    )
    statuses = card.summary.statuses
    reds = [recent_figures(row) for row in card.rows_with(Status.RED)]
    return Pledges(
        "pledges",
        place.number,
        SECTION.titled(card.period.label),
        counts=tuple(StatusCount(s, statuses[s]) for s in Status if statuses[s]),
        pledges=pledges,
        # A public paper names no configuration file: say where a typed-in figure came from.
        comparison_note=comparison_note(card).replace(
            "typed into pledge.yaml", "figures set in the Council's Pledge definition"
        ),
        symbols=symbol_key(list(lines.values()), reds, threshold=card.threshold),
    )


SECTION = Section(
    "pledges",
    "Performance by pledge: the full scorecard, {period}",
    build,
    MARKDOWN,
    HTML,
    word,
    appendix=True,
)
