"""The rendered report converts cleanly with the tools councils use: pandoc and LibreOffice.

Skipped, with the reason, when the tool is not installed (CI installs both).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pledgekit.render.report.docx import render_docx
from pledgekit.render.report.markup import render_markdown

from .report_fixtures import fixed_report


def test_markdown_converts_with_pandoc(tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc)")
    source = tmp_path / "report.md"
    source.write_text(render_markdown(fixed_report(tmp_path)), encoding="utf-8")
    done = subprocess.run(
        [pandoc, "--from", "gfm", "--to", "html", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    html = done.stdout
    assert html.count("<table>") == 12  # every pipe table is a table, none fell apart
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<strong>Quarter 2</strong>" in html


@pytest.mark.slow
def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui); "
            "it proves the Word document opens outside Word"
        )
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(fixed_report(tmp_path)))
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs must not share one
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
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
