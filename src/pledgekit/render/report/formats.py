"""The committee report's output formats (see :mod:`pledgekit.render.registry`, which imports
the renderer modules only when called).

Each renderer takes the :class:`~pledgekit.report.model.Report` and ``template`` (a council's own
template of that format, or None for the default).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.render.report import docx, markup, pdf
    from pledgekit.report.model import Report
else:
    docx, markup, pdf = registry.lazy_modules("pledgekit.render.report", "docx", "markup", "pdf")


class ReportRenderer(Protocol):
    """A report renderer: the report and an optional template in, text or bytes out."""

    def __call__(self, report: Report, *, template: Path | None = None) -> str | bytes: ...


FORMATS: registry.Registry[ReportRenderer] = registry.Registry("report", default="md")

FORMATS.add(
    registry.markdown_format(
        "Markdown that renders on GitHub and converts with pandoc", markup.render_markdown
    )
)
FORMATS.add(
    registry.OutputFormat(
        "docx",
        "a Word document from a Word template (needs -o)",
        docx.render_docx,
        suffixes=(".docx",),
        aliases=("word",),
        binary=True,
    )
)
FORMATS.add(
    registry.OutputFormat(
        "html", "a self-contained web page", markup.render_html, suffixes=(".html", ".htm")
    )
)
FORMATS.add(
    registry.OutputFormat(
        "pdf",
        "a tagged, accessible PDF made from the Word document by LibreOffice (needs -o)",
        pdf.render_pdf,
        suffixes=(".pdf",),
        binary=True,
        template_format="docx",
    )
)
