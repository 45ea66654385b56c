"""The rendered report converts cleanly with the tools councils use: pandoc and LibreOffice.

Skipped, with the reason, when the tool is not installed (CI installs both).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_markdown

from .libreoffice import convert, find_soffice
from .report_fixtures import fixed_report


def test_markdown_converts_with_pandoc(tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc)")
    source = tmp_path / "report.md"
    markdown = render_markdown(fixed_report(tmp_path))
    source.write_text(markdown, encoding="utf-8")
    tables = len(re.findall(r"(?:^\|.*\n)+", markdown, flags=re.MULTILINE))
    done = subprocess.run(
        [pandoc, "--from", "gfm", "--to", "html", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    html = done.stdout
    assert tables >= 10
    assert html.count("<table>") == tables  # every pipe table is a table, none fell apart
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert re.search(r"<strong>Quarter\s+2</strong>", html)  # pandoc may wrap the line


@pytest.mark.slow
def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    if find_soffice() is None:
        pytest.skip(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui); "
            "it proves the Word document opens outside Word"
        )
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(fixed_report(tmp_path)))
    done = convert(source, "pdf", tmp_path)
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        assert "Exceptions: measures rated red" in text
        assert "Commentary missing: the measure owner (Virtual School Head)" in " ".join(
            text.split()
        )


def test_markdown_converts_to_word_with_pandoc_without_splitting_measure_titles(
    tmp_path: Path,
) -> None:
    """pandoc's Markdown reader takes column widths from the dashes under each header: the
    Measure column gets the most room, so no word of a measure title is split across lines."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc)")
    from docx import Document

    from .sample_report import sample_report

    source = tmp_path / "report.md"
    source.write_text(render_markdown(sample_report()), encoding="utf-8")
    target = tmp_path / "report.docx"
    done = subprocess.run(
        [pandoc, "--from", "markdown", "--to", "docx", "-o", str(target), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    tables = 0
    for table in Document(str(target)).tables:
        headers = [cell.text for cell in table.rows[0].cells]
        if "Measure" not in headers or "Ref" not in headers:
            continue
        tables += 1
        widths = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        measure = headers.index("Measure")
        assert widths[measure] == max(widths)
        # The longest word of any title fits its column (11 pt, about 0.6 em a letter).
        longest = max(
            (word for row in table.rows[1:] for word in row.cells[measure].text.split()), key=len
        )
        assert widths[measure].pt > len(longest) * 11 * 0.6 + 10, longest
    assert tables >= 6
