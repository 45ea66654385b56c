"""The committee report in any of its formats: one call for the CLI and for Python users."""

from __future__ import annotations

from pathlib import Path

from pledgekit.errors import UsageError
from pledgekit.report import Report

FORMATS = ("md", "docx", "html")


def render_report(report: Report, fmt: str, *, template: Path | None = None) -> bytes | str:
    """``report`` as Markdown text, HTML text or .docx bytes (``fmt``: md, html or docx).

    ``template`` is a council's own template of that format; None uses the default.
    """
    if fmt == "docx":
        from pledgekit.render.report_docx import render_docx

        return render_docx(report, template=template)
    from pledgekit.render.report_text import render_html, render_markdown

    if fmt == "md":
        return render_markdown(report, template=template)
    if fmt == "html":
        return render_html(report, template=template)
    raise UsageError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
