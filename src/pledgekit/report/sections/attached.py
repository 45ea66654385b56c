"""The appendices meeting.yaml includes as text (a ``.md`` or ``.txt`` file), each printed in
full after the report's own; the others are only listed, with where to find them."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.report.inputs import ReportInputs
from pledgekit.report.meeting_view import Appendix
from pledgekit.report.section import Part, Place, Section, WordBlock


@dataclass(frozen=True, slots=True)
class Attached(Part):
    """Each appendix given as text, with its own letter."""

    items: tuple[Appendix, ...]

    @property
    def contents(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (f"appendix-{a.letter.lower()}", f"Appendix {a.letter}: {a.title}") for a in self.items
        )


MARKDOWN = """\
{% for a in section.items %}
## Appendix {{ a.letter }}: {{ a.title|md_text }}

{{ a.text|md_prose }}

{% endfor %}
"""

HTML = """\
{% from "macros.html.j2" import prose %}
{% for a in section.items %}
<h2 class="new-page" id="appendix-{{ a.letter|lower }}">Appendix {{ a.letter }}: {{ a.title }}</h2>
{{ prose(a.text) }}
{% endfor %}
"""


def word(doc: WordBlock) -> None:
    doc.para("{%p for a in section.items %}")
    doc.heading("Appendix {{ a.letter }}: {{ a.title }}", 1)
    doc.prose("a.text")
    doc.para("{%p endfor %}")


def _texts(appendices: tuple[Appendix, ...]) -> tuple[Appendix, ...]:
    return tuple(a for a in appendices if a.text is not None)


def shown(inputs: ReportInputs) -> bool:
    meeting = inputs.meeting
    return meeting is not None and any(a.file for a in meeting.appendices)


def build(inputs: ReportInputs, place: Place) -> Attached:
    return Attached("attached", "", "", _texts(place.appendices))


SECTION = Section(
    "attached",
    "Appendices included as text",
    build,
    MARKDOWN,
    HTML,
    word,
    appendix=True,
    numbered=False,
    shown=shown,
)
