"""Report templates run in Jinja's sandbox: a shared template cannot run a command (#19 item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from pledgekit.model.errors import TemplateError
from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_html, render_markdown
from pledgekit.report.model import Report

from .report_fixtures import fixed_report

# Each tries to reach Python's internals and touch a marker file; {marker} is filled in per test.
ATTACKS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "{{ report.__class__.__init__.__globals__['sys'].modules['os'].system('touch {marker}') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(report) }}",
    "{{ report.council.__class__.__base__.__subclasses__() }}",
    "{% set e = report.sections %}{{ e.append(1) or e.clear() }}",
    "{% set e = report.numbers %}{{ e.update(x=1) or e.clear() }}",
]


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return fixed_report(tmp_path)


def _attack(index: int, marker: Path) -> str:
    return ATTACKS[index].replace("{marker}", str(marker))


@pytest.mark.parametrize("render", [render_markdown, render_html], ids=["md", "html"])
@pytest.mark.parametrize("index", range(len(ATTACKS)))
def test_a_text_template_cannot_reach_python_internals(
    report: Report, tmp_path: Path, render: object, index: int
) -> None:
    marker = tmp_path / "ran"
    template = tmp_path / "shared.md.j2"
    template.write_text(f"# {{{{ report.council }}}}\n\n{_attack(index, marker)}\n")
    with pytest.raises(TemplateError) as caught:
        render(report, template=template)  # type: ignore[operator]
    message = str(caught.value)
    assert message.startswith(f"{template}, line 3: ") and "\n" not in message
    assert not marker.exists()


@pytest.mark.parametrize("index", range(len(ATTACKS)))
def test_a_word_template_cannot_reach_python_internals(
    report: Report, tmp_path: Path, index: int
) -> None:
    marker = tmp_path / "ran"
    template = tmp_path / "shared.docx"
    doc = Document()
    doc.add_paragraph("Title")
    doc.add_paragraph(_attack(index, marker))
    doc.save(str(template))
    with pytest.raises(TemplateError) as caught:
        render_docx(report, template=template)
    assert str(caught.value).startswith(f"{template}, line ") and "\n" not in str(caught.value)
    assert not marker.exists()


def test_html_templates_escape_what_they_print(report: Report, tmp_path: Path) -> None:
    template = tmp_path / "mine.html.j2"
    template.write_text("<p>{{ '<script>alert(1)</script>' }}</p>\n")
    assert render_html(report, template=template) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )


def test_an_ordinary_template_still_renders(report: Report, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{% for row in report.section('exceptions').items %}{{ loop.index }} {{ row.number }}\n"
        "{% endfor %}"
        "{{ cycler('a', 'b').next() }}{{ report.council | upper }}\n"
    )
    out = render_markdown(report, template=template)
    assert out.startswith("1 ") and out.endswith("aEXAMPLE BOROUGH COUNCIL\n")
