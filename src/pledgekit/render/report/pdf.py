"""The committee report as a tagged PDF: the Word document converted by headless LibreOffice.

LibreOffice's PDF export is asked for a tagged PDF meeting PDF/UA (structure tags for headings,
lists, tables and figures with their alt text, the document's language and its title shown in
the window), so the PDF is as accessible as the Word document it comes from. LibreOffice runs
with a private, throwaway profile, so runs never share state with each other or with a
LibreOffice the user has open.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pledgekit.model.errors import ToolError
from pledgekit.render.report.docx import render_docx
from pledgekit.report.model import Report

#: Where LibreOffice lives when it is not on PATH.
_KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
#: LibreOffice's writer_pdf_Export options: tagged, PDF/UA, the title in the window, bookmarks.
EXPORT_OPTIONS = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "DisplayPDFDocumentTitle": True,
    "ExportBookmarks": True,
    "ExportNotes": False,
    "UseLosslessCompression": True,
}
#: Seconds a conversion may take before it is given up.
TIMEOUT = 300

INSTALL_HINT = (
    "install LibreOffice (Debian or Ubuntu: 'apt-get install libreoffice-writer-nogui'; "
    "Windows and macOS: https://www.libreoffice.org/download/), or write the Word document "
    "with -o report.docx"
)


def find_libreoffice() -> str | None:
    """The LibreOffice program: ``PLEDGEKIT_SOFFICE``, else ``soffice`` on PATH, else the usual
    install folders; None when there is none."""
    named = os.environ.get("PLEDGEKIT_SOFFICE")
    if named:
        return named if Path(named).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in _KNOWN_PLACES if Path(place).is_file()), None)


def _filter() -> str:
    options = {
        name: {"type": "boolean", "value": "true" if value else "false"}
        for name, value in EXPORT_OPTIONS.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert Word document bytes to tagged PDF bytes with LibreOffice.

    Raises :class:`ToolError` when LibreOffice is missing (saying how to install it), fails or
    takes longer than ``TIMEOUT`` seconds.
    """
    program = find_libreoffice()
    if program is None:
        raise ToolError(f"a PDF needs LibreOffice, which was not found: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="pledgekit-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _filter(),
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise ToolError(f"LibreOffice took longer than {TIMEOUT} s to write the PDF") from None
        except OSError as exc:
            raise ToolError(f"LibreOffice ({program}) could not be started: {exc}") from None
        pdf = folder / "report.pdf"
        if done.returncode != 0 or not pdf.is_file():
            said = " ".join((done.stderr or done.stdout or "no message").split())[:300]
            raise ToolError(f"LibreOffice could not convert the report to PDF: {said}")
        data = pdf.read_bytes()
    # LibreOffice before 7.4 ignores the export options and writes an untagged PDF: refuse it
    # rather than publish a PDF a screen reader cannot follow.
    if b"/StructTreeRoot" not in data:
        raise ToolError(
            f"LibreOffice ({program}) wrote a PDF without tags; LibreOffice 7.4 or newer is "
            "needed for an accessible PDF"
        )
    return data


def render_pdf(report: Report, *, template: Path | None = None) -> bytes:
    """``report`` as tagged PDF bytes, through the Word document (``template``: a .docx)."""
    return docx_to_pdf(render_docx(report, template=template))
