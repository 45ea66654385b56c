"""The voice of children and young people: the Children in Care Council's summary and its
"you said, we did" lines from meeting.yaml; "[to be completed]" without them."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.prose import PLACEHOLDER
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.meeting_sections import VoiceView, voice_view
from pledgekit.report.section import Part, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Voice(Part):
    """What children and young people said (None: not yet written)."""

    voice: VoiceView | None

    @property
    def gaps(self) -> tuple[str, ...]:
        return () if self.voice else (f"voice of children and young people: {PLACEHOLDER}",)


MARKDOWN = r"""{% from "macros.md.j2" import heading %}
{{ heading(section) }}

{% if section.voice %}
{{ section.voice.summary|md_prose }}

{% if section.voice.items %}
| Date | You said | We did |
|----------|--------------------|--------------------|
{% for v in section.voice.items %}
| {{ v.date|md_cell }} | {{ v.you_said.text|md_cell }} | {{ v.we_did.text|md_cell }} |
{% endfor %}

{% endif %}
{% else %}
**{{ section.number }}.1** **\[to be completed\]**

{% endif %}
"""

HTML = """\
{% from "macros.html.j2" import heading, captioned, para %}
{{ heading(section) }}
{% if section.voice %}
{{ para(section.voice.summary) }}
{% if section.voice.items %}
{% call captioned("t-voice", "You said, we did") %}
<thead><tr><th scope="col">Date</th><th scope="col">You said</th><th scope="col">We did</th></tr></thead>
<tbody>
{% for v in section.voice.items %}
<tr><td>{{ v.date }}</td><td>{{ v.you_said.text }}</td><td>{{ v.we_did.text }}</td></tr>
{% endfor %}
</tbody>
{% endcall %}
{% endif %}
{% else %}
<p class="todo"><strong>{{ section.number }}.1</strong> [to be completed]</p>
{% endif %}

"""


def word(doc: WordBlock) -> None:
    doc.heading("{{ section.heading }}", 1)
    doc.para("{%p if section.voice %}")
    doc.prose("section.voice.summary")
    doc.para("{%p if section.voice.items %}")
    doc.table(
        "You said, we did",
        ["Date", "You said", "We did"],
        ["{{ v.date }}", "{{ v.you_said.text }}", "{{ v.we_did.text }}"],
        [3.0, 6.5, 7.5],
        "v in section.voice.items",
    )
    doc.para("{%p endif %}")
    doc.para("{%p else %}")
    doc.para("{{ section.number }}.1 {{r '[to be completed]'|rich(True) }}")
    doc.para("{%p endif %}")


def build(inputs: ReportInputs, place: Place) -> Voice:
    return Voice(
        "voice", place.number, SECTION.title, voice_view(inputs.meeting, section=place.number)
    )


SECTION = Section("voice", "Voice of children and young people", build, MARKDOWN, HTML, word)
