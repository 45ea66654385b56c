"""``pledgekit report -o report.pdf``: a tagged PDF (PDF/UA options) with its title and language.

The conversion needs LibreOffice: without it the test of the PDF itself is skipped saying so,
except in CI (``CI=true``), where .ci/run installs it and the test must run. The error for a
missing LibreOffice is tested everywhere, by pointing pledgekit at a program that is not there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.render.report.pdf import find_libreoffice
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()


def _sample_args(output: Path) -> list[str]:
    folder = sample_data_dir()
    books = [str(p) for p in sorted(folder.glob("*.xlsx"))]
    return ["report", *books, "--meeting", str(folder / "meeting.yaml"), "-o", str(output)]


def test_missing_libreoffice_is_a_clear_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLEDGEKIT_SOFFICE", str(tmp_path / "no-such-soffice"))
    output = tmp_path / "report.pdf"
    result = runner.invoke(app, _sample_args(output))
    assert result.exit_code == 2, result.output
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("Error: a PDF needs LibreOffice, which was not found")
    assert "apt-get install libreoffice-writer-nogui" in error
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_pdf_needs_a_file_and_takes_a_word_template(tmp_path: Path) -> None:
    result = runner.invoke(app, [*_sample_args(tmp_path / "x.pdf")[:-2], "--format", "pdf"])
    assert (
        result.exit_code == 2
        and "Error: the pdf format is written only to a file: pass --output report.pdf"
        in result.stderr
    )
    wrong = tmp_path / "mine.html.j2"
    wrong.write_text("{{ report.council }}", encoding="utf-8")
    result = runner.invoke(app, [*_sample_args(tmp_path / "r.pdf"), "--template", str(wrong)])
    assert result.exit_code == 2 and "is not a docx template" in result.stderr


FAKE_SOFFICE = """#!/bin/sh
# Stands in for LibreOffice: writes what $PDF_BODY says to <outdir>/report.pdf, or fails.
while [ "$#" -gt 1 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
if [ -n "$FAIL" ]; then echo "Error: source file could not be loaded" >&2; exit 1; fi
printf '%s' "$PDF_BODY" > "$out/report.pdf"
"""


@pytest.mark.parametrize(
    ("body", "fail", "said"),
    [
        ("%PDF-1.6 untagged", "", "wrote a PDF without tags; LibreOffice 7.4 or newer"),
        ("", "yes", "could not convert the report to PDF: Error: source file could not be"),
    ],
)
def test_a_failing_or_old_libreoffice_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, fail: str, said: str
) -> None:
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(FAKE_SOFFICE, encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PLEDGEKIT_SOFFICE", str(fake))
    monkeypatch.setenv("PDF_BODY", body)
    monkeypatch.setenv("FAIL", fail)
    output = tmp_path / "report.pdf"
    result = runner.invoke(app, _sample_args(output))
    assert result.exit_code == 2, result.output
    assert said in result.stderr and "Traceback" not in result.output
    assert not output.exists()


def _walk(node: Any, found: list[Any], depth: int = 0) -> None:
    """Every structure element under ``node`` (a /StructTreeRoot or /StructElem)."""
    if depth > 60:
        return
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for item in node:
            _walk(item, found, depth + 1)
        return
    if not hasattr(node, "get"):
        return
    if node.get("/S") is not None:
        found.append(node)
    kids = node.get("/K")
    if kids is not None:
        _walk(kids, found, depth + 1)


@pytest.mark.slow
def test_pdf_is_tagged_with_title_and_language(tmp_path: Path) -> None:
    if find_libreoffice() is None:
        reason = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from pypdf import PdfReader

    output = tmp_path / "report.pdf"
    result = runner.invoke(app, _sample_args(output))
    # The sample's report is a DRAFT (4.5 has no commentary): written, but the run exits 1.
    assert result.exit_code == 1, result.output
    assert "red measure(s) without commentary: 4.5" in result.stderr
    pdf = PdfReader(str(output))
    catalogue = pdf.trailer["/Root"]
    assert bool(catalogue["/MarkInfo"]["/Marked"]) is True
    assert catalogue["/Lang"] == "en-GB"
    assert bool(catalogue["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert pdf.metadata is not None and pdf.metadata.title == (
        "DRAFT: Northbridge Borough Council (synthetic example): "
        "Corporate Parenting Performance Update, 2026-27 Q2"
    )
    elements: list[Any] = []
    _walk(catalogue["/StructTreeRoot"], elements)
    kinds = {str(e["/S"]) for e in elements}
    assert {"/H1", "/H2", "/Table", "/TR", "/TH", "/TD", "/Figure", "/L"} <= kinds, kinds
    figures = [e for e in elements if e["/S"] == "/Figure"]
    # Each chart is one figure whose alternative text gives its figures in words.
    assert len(figures) == 5
    assert all("Line chart of measure" in str(f.get("/Alt", "")) for f in figures)
    # The full house format (watch list, action plan, voice of children, inspection, the
    # appendix's reasons and comparators, an included appendix) runs to about 29 pages.
    assert len(pdf.pages) < 35
