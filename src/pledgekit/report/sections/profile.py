"""The profile appendix: the children in the Council's care this period, from the Profile
sheet, beside last period's figures and England's; shown when the workbook has one."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.observations import ProfileItem
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.section import Listed, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class ProfileLine:
    """One line of the cohort profile, with last period's figure and England's where known."""

    label: Prose
    value: Prose
    previous: str = ""
    england: str = ""


def _text(value: str | None, field: str, item: ProfileItem) -> Prose:
    return Prose(value or "", field, item.location, markdown=False)


def profile_lines(items: list[ProfileItem], period: Period) -> tuple[ProfileLine, ...]:
    """This period's profile (or the undated one), with last period's figure by label."""
    dated = [i for i in items if i.period == period]
    chosen = dated or [i for i in items if i.period is None]
    before = {i.label: i.value for i in items if i.period == period.previous()}
    latest: dict[str, ProfileItem] = {i.label: i for i in chosen}  # a repeated label: last wins
    return tuple(
        ProfileLine(
            _text(i.label, "profile label", i),
            _text(i.value, "profile value", i),
            before.get(i.label, ""),
            i.england or "",
        )
        for i in latest.values()
    )


MARKDOWN = """\
{% from "macros.md.j2" import opening %}
{{ opening(section) }}

| Measure | {{ report.period }} | {{ report.previous_period }} | England |
|----------------------------------------|--------:|--------:|--------:|
{% for item in section.items %}
| {{ item.label|md_cell }} | {{ item.value|md_cell }} | {{ item.previous|md_cell }} | {{ item.england|md_cell }} |
{% endfor %}

"""

HTML = """\
{% from "macros.html.j2" import opening, captioned %}
{{ opening(section) }}
{% call captioned("t-profile", "Children in care, " ~ report.period) %}
<thead><tr><th scope="col">Measure</th><th scope="col" class="num">{{ report.period }}</th><th scope="col" class="num">{{ report.previous_period }}</th><th scope="col" class="num">England</th></tr></thead>
<tbody>
{% for item in section.items %}
<tr><th scope="row">{{ item.label }}</th><td class="num">{{ item.value }}</td><td class="num">{{ item.previous }}</td><td class="num">{{ item.england }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
"""


def word(doc: WordBlock) -> None:
    doc.opening()
    doc.table(
        "Children in care, {{ report.period }}",
        ["Measure", "{{ report.period }}", "{{ report.previous_period }}", "England"],
        ["{{ item.label }}", "{{ item.value }}", "{{ item.previous }}", "{{ item.england }}"],
        [8.5, 2.8, 2.8, 2.9],
        "item in section.items",
        numbers=(1, 2, 3),
    )


def _lines(inputs: ReportInputs) -> tuple[ProfileLine, ...]:
    return profile_lines(inputs.known.dataset.profile, inputs.period)


def shown(inputs: ReportInputs) -> bool:
    return bool(_lines(inputs))


def build(inputs: ReportInputs, place: Place) -> Listed[ProfileLine]:
    intro = generated(
        f"The children in the Council's care in {inputs.period.label}, with the figures for "
        "the quarter before and for England where known."
    )
    return Listed(
        "profile",
        place.number,
        SECTION.titled(inputs.period.label),
        Para(place.para(1), intro),
        _lines(inputs),
    )


SECTION = Section(
    "profile",
    "Profile of children in care, {period}",
    build,
    MARKDOWN,
    HTML,
    word,
    appendix=True,
    shown=shown,
)
