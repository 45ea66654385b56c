"""A report section is one module: its view, how it is built, and its block in every format.

A section planted in the list (as a new module would be) appears in the Markdown, the web page
and the Word document, numbered in its place with the sections after it moving up, and in the
contents; a section a report leaves out takes no number; a council's copy of one block replaces
that block alone; `templates export` writes every block where the frames find it.
"""

from __future__ import annotations

import io
import runpy
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli.app import app
from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_html, render_markdown
from pledgekit.render.report.templating import section_blocks
from pledgekit.report import assembly
from pledgekit.report import sections as sections_module
from pledgekit.report.inputs import ReportInputs
from pledgekit.report.section import Part, Place, Section, WordBlock
from pledgekit.report.sections import SECTIONS

from .docx_text import docx_text
from .report_fixtures import report_meeting, report_scorecard

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class Spotlight(Part):
    """The planted section's view: one measure the committee asked to see."""

    ref: str
    figure: str


def _word(doc: WordBlock) -> None:
    doc.heading("{{ section.number }}. {{ section.title }}", 1)
    doc.para("Spotlight on {{ section.ref }}: {{ section.figure }}")


def _build(inputs: ReportInputs, place: Place) -> Spotlight:
    line = next(iter(inputs.lines.values()))
    return Spotlight("spotlight", place.number, "Spotlight", line.ref, line.value)


SPOTLIGHT = Section(
    "spotlight",
    "Spotlight",
    _build,
    "## {{ section.number }}. {{ section.title }}\n\n"
    "Spotlight on {{ section.ref }}: {{ section.figure|md_text }}\n\n",
    '<h2 id="{{ section.anchor }}">{{ section.number }}. {{ section.title }}</h2>\n'
    "<p>Spotlight on {{ section.ref }}: {{ section.figure }}</p>\n",
    _word,
)


def _report(tmp_path: Path):  # type: ignore[no-untyped-def]
    card, data = report_scorecard(tmp_path)
    return assembly.build_report(card, data, report_meeting(tmp_path))


@pytest.fixture
def planted(monkeypatch: pytest.MonkeyPatch) -> tuple[Section[Part], ...]:
    """SECTIONS with the spotlight after the watch list, as a new module's line would add it."""
    at = [s.key for s in SECTIONS].index("watch") + 1
    with_spotlight = (*SECTIONS[:at], SPOTLIGHT, *SECTIONS[at:])
    monkeypatch.setattr(sections_module, "SECTIONS", with_spotlight)
    monkeypatch.setattr(assembly, "SECTIONS", with_spotlight)
    return with_spotlight


def test_every_section_has_a_key_a_block_in_each_format_and_a_word_block() -> None:
    keys = [s.key for s in SECTIONS]
    assert len(keys) == len(set(keys))
    for section in SECTIONS:
        assert "section" in section.markdown and "section" in section.html, section.key
    assert set(section_blocks()) == {f"sections/{k}.{f}.j2" for k in keys for f in ("md", "html")}


def test_a_planted_section_is_numbered_in_its_place_in_every_format(
    planted: tuple[Section[Part], ...], tmp_path: Path
) -> None:
    report = _report(tmp_path)
    spot = report.section("spotlight")
    assert isinstance(spot, Spotlight) and spot.number == "7"
    assert report.numbers["late"] == "8"  # the sections after it move up one
    assert ("sspotlight", "7. Spotlight") in report.contents
    markdown = render_markdown(report)
    assert "## 7. Spotlight\n\nSpotlight on 1.1: " in markdown
    assert "## 8. Actions and commitments late or at risk" in markdown
    assert "- 7\\. Spotlight" in markdown  # the contents list
    html = render_html(report)
    assert '<h2 id="sspotlight">7. Spotlight</h2>' in html
    assert '<a href="#sspotlight">7. Spotlight</a>' in html
    # Word: the template is built from the sections, so rebuilding it brings the new one in.
    built = runpy.run_path(str(ROOT / "scripts" / "build_docx_template.py"))["build"]()
    template = tmp_path / "with-spotlight.docx"
    buffer = io.BytesIO()
    built.save(buffer)
    template.write_bytes(buffer.getvalue())
    text = docx_text(render_docx(report, template=template))
    assert "# 7. Spotlight\nSpotlight on 1.1: " in text
    assert "# 8. Actions and commitments late or at risk" in text


def test_a_section_left_out_takes_no_number(tmp_path: Path) -> None:
    card, data = report_scorecard(tmp_path)
    with_late = assembly.build_report(card, data, report_meeting(tmp_path))
    bare, nothing = report_scorecard(tmp_path, sheets=False)
    without = assembly.build_report(bare, nothing, None)  # no plan, no sheets: nothing late
    assert with_late.numbers["late"] == "7" and with_late.numbers["voice"] == "8"
    assert "late" not in without.numbers and without.numbers["voice"] == "7"
    assert [p.key for p in without.sections if not p.number] == []


def test_a_councils_copy_of_one_block_replaces_that_block_alone(tmp_path: Path) -> None:
    report = _report(tmp_path)
    folder = tmp_path / "mine"
    (folder / "sections").mkdir(parents=True)
    frame = (ROOT / "templates" / "report.md.j2").read_text(encoding="utf-8")
    (folder / "report.md.j2").write_text(frame, encoding="utf-8")
    (folder / "sections" / "watch.md.j2").write_text(
        "## {{ section.number }}. Amber, our way\n\n{{ section.items|length }} amber\n\n",
        encoding="utf-8",
    )
    ours = render_markdown(report, template=folder / "report.md.j2")
    default = render_markdown(report)
    assert "## 6. Amber, our way\n\n" in ours and "## 6. Watch list" not in ours
    before, after = default.split("## 6. Watch list")[0], default.split("## 7. ")[1]
    assert ours.startswith(before) and ours.endswith("## 7. " + after)


def test_templates_export_writes_every_block_and_the_export_renders_as_the_default(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "exported"
    result = CliRunner().invoke(app, ["templates", "export", str(folder)])
    assert result.exit_code == 0, result.output
    for name, text in section_blocks().items():
        assert (folder / name).read_text(encoding="utf-8") == text
    report = _report(tmp_path)
    assert render_markdown(report, template=folder / "report.md.j2") == render_markdown(report)
    assert render_html(report, template=folder / "report.html.j2") == render_html(report)
    again = CliRunner().invoke(app, ["templates", "export", str(folder)])
    assert again.exit_code == 2 and "sections/exceptions.md.j2" in again.output


def test_a_template_from_before_sections_is_told_where_its_variable_went(tmp_path: Path) -> None:
    old = tmp_path / "old.md.j2"
    old.write_text(
        "# {{ report.council }}\n{% for ex in report.exceptions %}{{ ex.number }}\n{% endfor %}\n"
    )
    from pledgekit.model.errors import TemplateError

    with pytest.raises(TemplateError) as caught:
        render_markdown(_report(tmp_path), template=old)
    message = str(caught.value)
    assert message.startswith(f"{old}, line 2: undefined variable: ")
    assert "report.exceptions is now in its section" in message and "templates export" in message


def test_a_councils_own_frame_needs_no_copy_of_the_macros(tmp_path: Path) -> None:
    report = _report(tmp_path)
    frame = tmp_path / "ours.md.j2"
    frame.write_text(
        "OURS {{ report.council }}\n\n{% for section in report.sections %}"
        '{% include "sections/" ~ section.key ~ ".md.j2" %}{% endfor %}',
        encoding="utf-8",
    )
    ours = render_markdown(report, template=frame)
    default = render_markdown(report)
    assert ours.startswith("OURS Example Borough Council\n\n## 1. Purpose of the report\n")
    assert ours.endswith(default.split("## 1. Purpose of the report\n", 1)[1])


def test_an_error_in_an_included_block_or_macro_names_that_file_and_line(tmp_path: Path) -> None:
    from pledgekit.model.errors import TemplateError

    report = _report(tmp_path)
    folder = tmp_path / "mine"
    (folder / "sections").mkdir(parents=True)
    frame = folder / "report.md.j2"
    frame.write_text((ROOT / "templates" / "report.md.j2").read_text(encoding="utf-8"))
    block = folder / "sections" / "watch.md.j2"
    block.write_text("## {{ section.number }}\n\n{{ section.nope }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_markdown(report, template=frame)
    assert str(caught.value).startswith(f"{frame}, in {block}, line 3: undefined variable: ")
    block.unlink()
    macros = folder / "macros.md.j2"
    macros.write_text(
        "{% macro heading(section) %}{{ section.nope }}{% endmacro %}\n"
        "{% macro opening(section) %}{{ heading(section) }}{% endmacro %}\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as caught:
        render_markdown(report, template=frame)
    assert str(caught.value).startswith(f"{frame}, in {macros}, line 1: undefined variable: ")
