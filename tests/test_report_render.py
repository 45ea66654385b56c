"""The report in Markdown, HTML and Word: golden files, escaping, shading, charts, templates.

Refresh the golden files in tests/golden/report/ after an intended change with
``PLEDGEKIT_UPDATE_GOLDEN=1 pytest tests/test_report_render.py`` and review the diff (see
tests/golden/README.md). The HTML's inline SVG charts are kept whole: they are laid out with
fixed font metrics, so they are the same on every machine.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pledgekit.api import load_report
from pledgekit.model.errors import TemplateError
from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_html, render_markdown
from pledgekit.render.resources import sample_data_dir
from pledgekit.render.stablezip import stable_zip
from pledgekit.report.model import Report
from pledgekit.report.openings import exceptions_intro
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.sections.exceptions import Exceptions
from tests import golden

from .docx_text import cell_fills, docx_text
from .report_fixtures import fixed_report


def assert_golden(name: str, text: str) -> None:
    golden.assert_golden("report", name, text)


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return fixed_report(tmp_path)


@pytest.fixture
def docx_bytes(report: Report) -> bytes:
    return render_docx(report)


def test_markdown_golden(report: Report) -> None:
    assert_golden("report.md", render_markdown(report))


def test_html_golden(report: Report) -> None:
    assert_golden("report.html", render_html(report))


def test_docx_text_golden(docx_bytes: bytes) -> None:
    assert_golden("report.docx.txt", docx_text(docx_bytes))


@pytest.fixture(scope="module")
def sample_report() -> Report:
    """The shipped sample's report, as `pledgekit report` builds it."""
    sample = sample_data_dir()
    report, _, blocking = load_report(
        sorted(sample.glob("*.xlsx")), meeting=sample / "meeting.yaml"
    )
    assert blocking == []
    return report


def test_sample_markdown_golden(sample_report: Report) -> None:
    assert_golden("sample.md", render_markdown(sample_report))


def test_sample_html_golden(sample_report: Report) -> None:
    html = render_html(sample_report)
    assert_golden("sample.html", html)


def test_sample_docx_text_golden(sample_report: Report) -> None:
    assert_golden("sample.docx.txt", docx_text(render_docx(sample_report)))


def test_markdown_tables_survive_pipes_and_newlines(report: Report) -> None:
    text = render_markdown(report)
    tables = re.findall(r"(?:^\|.*\n)+", text, flags=re.MULTILINE)
    assert len(tables) == 11
    for table in tables:
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(widths) == 1, table  # every row has as many cells as the header
    assert '\\<script\\>alert("x")\\</script\\> & a "\\|" pipe' in text
    assert "Awaiting budget decision \\<March\\>." in text


def test_html_escapes_commentary_and_is_self_contained(report: Report) -> None:
    html = render_html(report)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; a &#34;|&#34; pipe" in html
    assert "Education &amp; training" in html
    # Offline: nothing fetched, not even a font.
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "@import" not in html
    assert not re.search(r"url\((?!#)", html)  # only a chart's own clip paths
    assert '<html lang="en-GB">' in html and "@media print" in html


def test_html_is_accessible(report: Report) -> None:
    html = render_html(report)
    levels = [int(n) for n in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert html.count("<table") == html.count("<caption id=")
    assert '<th scope="col">Status</th>' in html and '<th scope="row">1.1</th>' in html
    charts = re.findall(r"<svg [^>]*>(<title [^>]*>[^<]*</title><desc [^>]*>[^<]*</desc>)", html)
    assert len(charts) == 6 and "<img" not in html  # each chart wide and narrow
    assert all("Trend chart of measure" in c and ">Line chart of measure" in c for c in charts)
    assert (
        '<svg class="chart chart-wide" role="img" '
        'aria-labelledby="chart-1-2-title chart-1-2-desc"' in html
    )
    assert 'aria-labelledby="chart-1-2-narrow-title chart-1-2-narrow-desc"' in html
    # Colour is never the only signal: every RAG cell carries the word too.
    assert re.search(r'class="rag rag-red"><span aria-hidden="true">✖</span> Red', html)


def test_docx_escapes_and_reads_back(docx_bytes: bytes) -> None:
    text = docx_text(docx_bytes)
    assert 'Rise linked to three older children; <script>alert("x")</script> & a "|" pipe' in text
    assert "Pledge 2: Education & training" in text
    assert "Awaiting budget decision <March>." in text


def test_docx_shades_rag_cells_and_labels_them(docx_bytes: bytes) -> None:
    fills = cell_fills(docx_bytes)
    assert fills["✖ Red"] == "C00000"
    assert fills["● Green"] == "00B050"
    assert fills["◌ Suppressed"] == "BFBFBF"


def test_docx_headings_pictures_and_page_breaks(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    h1 = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert [p.text for p in h1] == [
        "1. Purpose of the report",
        "2. Recommendations",
        "3. Introduction",
        "4. Executive summary",
        "5. Exceptions: measures rated red",
        "6. Watch list: measures rated amber",
        "7. Actions and commitments late or at risk",
        "8. Voice of children and young people",
        "9. Inspection",
        "10. Implications",
        "11. Conclusion",
        "12. Background papers",
        "13. Appendices",
        "Appendix A: Performance by pledge: the full scorecard, 2026-27 Q2",
        "Appendix B: Commitments by directorate",
        "Appendix C: Profile of children in care, 2026-27 Q2",
    ]
    new_pages = [p.text for p in h1 if p.paragraph_format.page_break_before]
    # One forced break: the body, then the appendices, each flowing into the next.
    assert new_pages == ["Appendix A: Performance by pledge: the full scorecard, 2026-27 Q2"]
    pictures = list(doc.element.body.iter(qn("wp:docPr")))
    assert len(pictures) == 3
    assert pictures[0].get("descr").startswith("Line chart of measure 1.2")
    assert doc.core_properties.title == (
        "DRAFT: Example Borough Council: Corporate Parenting Performance Update, Quarter 2 2026-27"
    )


def test_sections_without_sheets_are_left_out(tmp_path: Path) -> None:
    report = fixed_report(tmp_path, sheets=False)
    assert "Commitments by directorate" not in render_markdown(report)
    assert "Profile of children" not in render_html(report)
    text = docx_text(render_docx(report))
    assert "Commitments by directorate" not in text and "Profile of children" not in text
    assert "# 9. Implications" in text  # the sections after the missing ones move up


def test_no_red_measures_says_so(tmp_path: Path) -> None:
    report = fixed_report(tmp_path)
    reds = report.find(Exceptions)
    assert reds is not None
    none = replace(reds, items=(), intro=Para("5.1", generated(exceptions_intro([], "quarter"))))
    calm = replace(report, sections=tuple(none if p is reds else p for p in report.sections))
    assert "No measure is rated red this quarter." in render_markdown(calm)
    assert "No measure is rated red this quarter." in docx_text(render_docx(calm))


def test_custom_text_template(report: Report, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ report.council }} | {% for s in report.sections if s.key == 'exceptions' %}"
        "{{ s.items|length }}{% endfor %} reds\n"
    )
    assert render_markdown(report, template=template) == "Example Borough Council | 3 reds\n"


def test_custom_docx_template(report: Report, tmp_path: Path) -> None:
    template = tmp_path / "mine.docx"
    doc = Document()
    doc.add_heading("{{ report.council }}", 1)
    doc.add_paragraph('{%p for s in report.sections if s.key == "exceptions" %}')
    doc.add_paragraph("{{ s.intro.text }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(template))
    text = docx_text(render_docx(report, template=template))
    assert text.startswith(
        "# Example Borough Council\nThis section explains each measure rated red"
    )
    assert text.endswith("but not yet for 2.1 and 2.3.\n")


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_text_template_errors_name_file_and_line(
    report: Report, tmp_path: Path, render: object
) -> None:
    broken = tmp_path / "broken.md.j2"
    broken.write_text("# {{ report.council }}\n\n{% if report.sections %}\nno end\n")
    with pytest.raises(TemplateError, match=rf"{re.escape(str(broken))}, line 4: syntax error: "):
        render(report, template=broken)  # type: ignore[operator]
    undefined = tmp_path / "undefined.md.j2"
    undefined.write_text("# {{ report.council }}\n\n{{ report.meeting.chair }}\n")
    with pytest.raises(TemplateError) as caught:
        render(report, template=undefined)  # type: ignore[operator]
    assert str(caught.value).startswith(f"{undefined}, line 3: undefined variable: ")
    assert "'chair'" in str(caught.value)


def _docx_template(path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def test_docx_template_errors_name_file_line_and_paragraph(report: Report, tmp_path: Path) -> None:
    broken = _docx_template(tmp_path / "broken.docx", "Title", "{% if report.council %}", "text")
    with pytest.raises(TemplateError) as caught:
        render_docx(report, template=broken)
    assert re.match(rf"{re.escape(str(broken))}, line \d+.*: syntax error: ", str(caught.value))
    undefined = _docx_template(tmp_path / "undefined.docx", "Title", "Chair: {{ report.chair }}")
    with pytest.raises(TemplateError) as caught:
        render_docx(report, template=undefined)
    message = str(caught.value)
    assert re.match(rf"{re.escape(str(undefined))}, line \d+ \(the paragraph reading ", message)
    assert "Chair: {{ report.chair }}" in message and "undefined variable" in message


def test_a_template_that_is_not_a_word_document(report: Report, tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    with pytest.raises(TemplateError, match="not a Word"):
        render_docx(report, template=fake)


def test_shipped_word_template_is_what_the_build_script_makes() -> None:
    # Edit scripts/build_docx_template.py and run it; never edit templates/report.docx by hand.
    import runpy

    script = Path(__file__).parents[1] / "scripts" / "build_docx_template.py"
    module = runpy.run_path(str(script))
    buffer = io.BytesIO()
    module["build"]().save(buffer)
    built = stable_zip(buffer.getvalue())
    shipped = Path(__file__).parents[1] / "templates" / "report.docx"
    assert built == shipped.read_bytes(), "run scripts/build_docx_template.py"


def test_same_report_same_docx_bytes(report: Report) -> None:
    # No save times inside: CI can tell whether a report really changed.
    assert render_docx(report) == render_docx(report)


def test_markdown_uses_real_headings_and_names_every_column(report: Report) -> None:
    text = render_markdown(report)
    assert "**Commentary**" not in text and text.count("#### Commentary") == 3
    headers = re.findall(r"^(\|.*\|)\n\|[-:|]+\|$", text, flags=re.MULTILINE)
    assert len(headers) == 11
    for header in headers:
        cells = [c.strip() for c in header.strip("|").split("|")]
        assert all(cells), header
