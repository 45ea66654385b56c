"""The committee report's output formats (see :mod:`pledgekit.render.registry`).

Each renderer takes the :class:`~pledgekit.report.model.Report` and ``template`` (a council's own
template of that format, or None for the default).
"""

from __future__ import annotations

from pledgekit.render.registry import OutputFormat, Registry

FORMATS: Registry[object] = Registry("report", default="md")
_HERE = "pledgekit.render.report"

FORMATS.add(
    OutputFormat(
        "md",
        "Markdown that renders on GitHub and converts with pandoc",
        f"{_HERE}.markup:render_markdown",
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "docx",
        "a Word document from a Word template (needs -o)",
        f"{_HERE}.docx:render_docx",
        suffixes=(".docx",),
        aliases=("word",),
        binary=True,
    )
)
FORMATS.add(
    OutputFormat(
        "html",
        "a self-contained web page",
        f"{_HERE}.markup:render_html",
        suffixes=(".html", ".htm"),
    )
)
FORMATS.add(
    OutputFormat(
        "pdf",
        "a tagged, accessible PDF made from the Word document by LibreOffice (needs -o)",
        f"{_HERE}.pdf:render_pdf",
        suffixes=(".pdf",),
        binary=True,
        template_format="docx",
    )
)
