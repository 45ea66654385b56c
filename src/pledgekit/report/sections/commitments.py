"""The commitments appendix: each directorate's commitments to children in care, with lead, due
date, status and update; shown when the workbook has a Commitments sheet."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.openings import commitments_intro
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.plans import CommitmentLine, Directorate
from pledgekit.report.section import Listed, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Commitments(Listed[Directorate]):
    """The opening paragraph and each directorate, numbered in the appendix."""

    @property
    def rows(self) -> tuple[tuple[str, CommitmentLine], ...]:
        """Every commitment with its directorate's name, for one table of them all."""
        return tuple((d.name.text, c) for d in self.items for c in d.commitments)


MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

| Directorate | Commitment | Lead | Due | Status | Update |
|--------|--------------------|----------|--------|--------|--------------------|
{% for name, c in section.rows %}
| {{ name|md_cell }} | {{ c.commitment|md_cell }} | {{ c.lead|md_cell }} | {{ c.due|md_cell }} | {{ c.flag or c.status|md_cell }} | {{ c.update|md_cell }} |
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import opening, captioned %}
{{ opening(section) }}
{% call captioned("t-commitments", "Commitments by directorate") %}
<thead><tr><th scope="col">Directorate</th><th scope="col">Commitment</th><th scope="col">Lead</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Update</th></tr></thead>
<tbody>
{% for name, c in section.rows %}
<tr><td>{{ name }}</td><td>{{ c.commitment }}</td><td>{{ c.lead }}</td><td>{{ c.due }}</td><td>{% if c.flag %}<strong>{{ c.flag }}</strong>{% else %}{{ c.status }}{% endif %}</td><td>{{ c.update }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.table(
        "Commitments by directorate",
        # Four columns, not six: the lead rides with the directorate and the status with the
        # due date, leaving the commitment and its update the width.
        ["Directorate and lead", "Commitment", "Due and status", "Update"],
        [
            "{{ row[0] }}{% if row[1].lead %}: {{ row[1].lead }}{% endif %}",
            "{{ row[1].commitment }}",
            "{% if row[1].due %}{{ row[1].due }}: {% endif %}{{ row[1].flag or row[1].status }}",
            "{{ row[1].update }}",
        ],
        [3.4, 5.6, 2.6, 5.4],
        "row in section.rows",
    )


def shown(inputs: ReportInputs) -> bool:
    return bool(inputs.commitments)


def build(inputs: ReportInputs, place: Place) -> Commitments:
    found = inputs.commitments
    numbered = tuple(
        type(d)(d.name, d.commitments, place.para(i)) for i, d in enumerate(found, start=2)
    )
    intro = Para(place.para(1), generated(commitments_intro(found)))
    return Commitments("commitments", place.number, SECTION.title, intro, numbered)


SECTION = Section(
    "commitments",
    "Commitments by directorate",
    build,
    MARKDOWN,
    HTML,
    word,
    appendix=True,
    shown=shown,
)
