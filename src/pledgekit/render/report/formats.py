"""The committee report's output formats (see :mod:`pledgekit.render.registry`).

Each renderer takes the :class:`~pledgekit.report.model.Report` and ``template`` (a council's own
template of that format, or None for the default), and imports the module that does the work
when it is called, so listing the formats stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pledgekit.render.registry import OutputFormat, Registry, markdown_format

if TYPE_CHECKING:
    from pledgekit.report.model import Report


class ReportRenderer(Protocol):
    """A report renderer: the report and an optional template in, text or bytes out."""

    def __call__(self, report: Report, *, template: Path | None = None) -> str | bytes: ...


def _markdown(report: Report, *, template: Path | None = None) -> str:
    from pledgekit.render.report.markup import render_markdown

    return render_markdown(report, template=template)


def _docx(report: Report, *, template: Path | None = None) -> bytes:
    from pledgekit.render.report.docx import render_docx

    return render_docx(report, template=template)


def _html(report: Report, *, template: Path | None = None) -> str:
    from pledgekit.render.report.markup import render_html

    return render_html(report, template=template)


def _pdf(report: Report, *, template: Path | None = None) -> bytes:
    from pledgekit.render.report.pdf import render_pdf

    return render_pdf(report, template=template)


FORMATS: Registry[ReportRenderer] = Registry("report", default="md")

FORMATS.add(markdown_format("Markdown that renders on GitHub and converts with pandoc", _markdown))
FORMATS.add(
    OutputFormat(
        "docx",
        "a Word document from a Word template (needs -o)",
        _docx,
        suffixes=(".docx",),
        aliases=("word",),
        binary=True,
    )
)
FORMATS.add(OutputFormat("html", "a self-contained web page", _html, suffixes=(".html", ".htm")))
FORMATS.add(
    OutputFormat(
        "pdf",
        "a tagged, accessible PDF made from the Word document by LibreOffice (needs -o)",
        _pdf,
        suffixes=(".pdf",),
        binary=True,
        template_format="docx",
    )
)
