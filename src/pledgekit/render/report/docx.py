"""The committee report as a Word document, from a Word template with Jinja tags (docxtpl).

Text is autoescaped, so ``&``, ``<`` and ``>`` in commentary reach Word as text. Filters the
template can use: ``rich`` (a Prose item or detail as formatted runs, placeholders highlighted),
``status`` (a RAG status as symbol and word, readable on its cell shading) and ``chart`` (an
exception's trend chart as a 200 dpi picture at the full text width, with alt text). Once
rendered, each table's column widths are set from its content (:mod:`.docx_layout`).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from pledgekit.model.errors import TemplateError
from pledgekit.model.input_files import check_regular
from pledgekit.model.prose import Span
from pledgekit.model.status import Status
from pledgekit.render.report.templating import (
    RENDER_ERRORS,
    environment,
    shown_name,
    template_error,
)
from pledgekit.render.resources import template_path
from pledgekit.render.stablezip import stable_zip
from pledgekit.report.exception_items import ChartData
from pledgekit.report.model import Report

DOCX_TEMPLATE = "report.docx"
_HIGHLIGHT = "FFFF00"
_TAGS = re.compile(r"<[^>]+>")


class _Picture:
    """A chart placed where ``{{ ex.chart|chart }}`` stands, described for screen readers."""

    def __init__(self, tpl: Any, chart: ChartData) -> None:
        self.tpl = tpl
        self.chart = chart

    def __html__(self) -> str:
        from docx.shared import Emu, Inches

        from pledgekit.render.report.charts import chart_png, size_in

        part = self.tpl.current_rendering_part
        # The full text width (the chart is drawn for A4 with 2 cm margins; a template with
        # wider margins gets it scaled down, never running into the margin).
        drawn_width, drawn_height = size_in(self.chart)
        width = min(Inches(drawn_width), _text_width(self.tpl))
        height = Emu(round(width * drawn_height / drawn_width))
        inline = part.new_pic_inline(io.BytesIO(chart_png(self.chart)), width, height)
        inline.docPr.set("descr", self.chart.alt)  # Word's alt text
        inline.docPr.set("title", f"Trend chart of measure {self.chart.ref}")
        # Close the template's run, add the picture in a run of its own, reopen a run.
        return (
            f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r>"
            '<w:r><w:t xml:space="preserve">'
        )

    __str__ = __html__


def _text_width(tpl: Any) -> int:
    """The width between the margins of the template's first section, in EMU."""
    section = tpl.docx.sections[0]
    try:
        return int(section.page_width - section.left_margin - section.right_margin)
    except TypeError:  # a section without page size or margins
        from docx.shared import Cm

        return int(Cm(17))


def _filters(tpl: Any) -> dict[str, Any]:
    from docxtpl import RichText

    def rich(value: Any, placeholder: bool = False) -> Any:
        """Runs for a Prose item (a tuple of spans) or any text; placeholders highlighted."""
        text = RichText()
        shade = _HIGHLIGHT if placeholder else None
        if isinstance(value, tuple) and all(isinstance(s, Span) for s in value):
            for span in value:
                text.add(span.text, bold=span.bold, italic=span.italic, highlight=shade)
        else:
            text.add(str(value), bold=placeholder, highlight=shade)
        return text

    def status(value: Status) -> Any:
        # White on the dark red fill, black on the light ones: readable when printed too.
        colour = "FFFFFF" if value is Status.RED else "000000"
        return RichText(f"{value.symbol} {value.label}", bold=True, color=colour)

    def chart(value: ChartData) -> Any:
        return _Picture(tpl, value) if value.labels else ""

    return {"rich": rich, "status": status, "chart": chart}


def _line_words(tpl: Any, line: int) -> str:
    """What a Word template's Jinja line is: its number and the paragraph text on it."""
    try:
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
        text = " ".join(_TAGS.sub("", xml.splitlines()[line - 1]).split())
    except (IndexError, AttributeError, ValueError):
        return str(line)
    return f"{line} (the paragraph reading {text[:80]!r})" if text else str(line)


#: Word's limit on a document property (title, subject ...), in characters.
_PROPERTY_LIMIT = 255
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def _fit_properties(tpl: Any, env: Any, context: dict[str, Any]) -> None:
    """Render the document properties first, cut to Word's 255 characters.

    docxtpl renders them itself and python-docx refuses any longer, so a long council name and
    title would fail the whole document. What is set here holds no tags (a brace is written as
    a Jinja literal), so docxtpl's own pass leaves it as it is.
    """
    props = tpl.docx.core_properties
    for name in _PROPERTIES:
        initial = getattr(props, name) or ""
        if "{" not in initial:
            continue
        text = env.from_string(initial).render(context)
        if len(text) > _PROPERTY_LIMIT:
            text = text[: _PROPERTY_LIMIT - 1].rstrip() + "…"
        setattr(props, name, text.replace("{", "{{ '{' }}"))


def render_docx(report: Report, *, template: Path | None = None) -> bytes:
    """``report`` as .docx bytes from ``template`` (default: templates/report.docx).

    Raises :class:`TemplateError` naming the template and line for a syntax error or an
    undefined name, and when the template is not a Word document.
    """
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    path = template if template is not None else template_path(DOCX_TEMPLATE)
    name = shown_name(template, DOCX_TEMPLATE)
    check_regular(path, TemplateError, name)
    if not path.is_file():
        raise TemplateError(f"{name}: template file not found")
    tpl = DocxTemplate(str(path))
    try:
        tpl.init_docx()
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise TemplateError(f"{name}: not a Word (.docx) document ({exc})") from None
    # Plain Jinja settings: trimming whitespace could eat spaces Word keeps in its runs.
    env = environment(autoescape=True, trim=False)
    env.filters.update(_filters(tpl))
    try:
        _fit_properties(tpl, env, {"report": report})
        tpl.render({"report": report}, jinja_env=env, autoescape=True)
    except RENDER_ERRORS as exc:
        raise template_error(
            exc, name, filename="<template>", where=lambda line: _line_words(tpl, line)
        ) from None
    from pledgekit.render.report.docx_layout import fit_tables

    fit_tables(tpl.docx)
    buffer = io.BytesIO()
    tpl.save(buffer)
    # Fixed zip entry times: the same report gives the same bytes, whenever it is rendered.
    return stable_zip(buffer.getvalue())
