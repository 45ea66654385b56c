"""Build templates/report.docx: the Word template of the committee report, with docxtpl tags.

The cover (title, meeting details, contents) is laid out here; each section's block comes from
its own module in src/pledgekit/report/sections (its ``word`` function, written through the
:class:`Block` below), wrapped in a loop that finds the section in the report, so a section
the report leaves out leaves nothing behind. Run from the repository root after changing a
section or the layout:

    .venv/bin/python scripts/build_docx_template.py

The output is a normal Word document a council can open and restyle (fonts, colours, the
Heading and List styles, the cover) as long as the ``{{ }}`` and ``{% %}`` tags stay. Tags used:
``{%p ... %}`` (a paragraph-level loop or condition), ``{%tr ... %}`` (a table-row loop),
``{% cellbg ... %}`` (cell shading), ``{{r ... }}`` (rich text from the ``rich`` and ``status``
filters) and ``{{ ex.chart|chart }}`` (a trend chart). The variables are listed in
templates/README.md.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from pledgekit.render.stablezip import stable_zip
from pledgekit.report.sections import SECTIONS

OUT = Path(__file__).resolve().parents[1] / "templates" / "report.docx"
NAVY = RGBColor(0x1F, 0x38, 0x64)
HEADER_FILL = "D9E2F3"
LABEL_FILL = "F2F2F2"


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    # Space comes from paragraph settings, never from empty paragraphs (a screen reader says
    # "blank" for each): 6 pt before every paragraph also keeps text off a table's bottom edge.
    normal.paragraph_format.space_before = Pt(6)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.1
    # Lines of a paragraph stay together at a page foot (no widow or orphan lines).
    normal.paragraph_format.widow_control = True
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    _british(doc)
    for name, size, before in (
        ("Title", 22, 0),
        ("Subtitle", 12, 0),
        ("Heading 1", 15, 14),
        ("Heading 2", 13, 10),
        ("Heading 3", 11, 8),
    ):
        style = doc.styles[name]
        style.font.name = "Arial"
        _plain_fonts(style)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = NAVY
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        # A heading is never the last line on a page: it moves over with what follows.
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True
    doc.styles["Subtitle"].font.bold = False
    doc.styles["Subtitle"].font.italic = False
    table_text = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(10)  # at least 10 pt: table text is read as closely as the body
    # A point above the text keeps it off the cell's top border; none below, where the line's
    # own descent leaves room (a point a row more ran the appendices a page longer).
    table_text.paragraph_format.space_before = Pt(1)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    number = doc.styles.add_style("Table Number", WD_STYLE_TYPE.PARAGRAPH)
    number.base_style = table_text
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # figures line up by their units
    caption = doc.styles["Caption"]
    caption.font.name = "Arial"
    _plain_fonts(caption)
    caption.font.size = Pt(10)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    caption.paragraph_format.space_before = Pt(10)
    caption.paragraph_format.space_after = Pt(3)
    caption.paragraph_format.keep_with_next = True  # a caption stays with its table or chart
    figure = doc.styles.add_style("Chart Picture", WD_STYLE_TYPE.PARAGRAPH)
    figure.base_style = normal
    figure.paragraph_format.keep_with_next = True
    figure.paragraph_format.space_before = Pt(6)
    for name in ("List Bullet", "List Number", "List Continue"):
        doc.styles[name].paragraph_format.space_before = Pt(3)
        doc.styles[name].paragraph_format.space_after = Pt(0)
    footer = doc.styles["Footer"]
    footer.font.size = Pt(9)


def _british(doc: Any) -> None:
    """Tag all text as en-GB: the defaults, every style, and the settings Word reads."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        for attr in ("w:val", "w:eastAsia"):
            lang.set(qn(attr), "en-GB")
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    if rpr.find(qn("w:lang")) is None:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-GB")  # screen readers and spell-checkers read UK English
        rpr.append(lang)
    for theme_lang in doc.settings.element.iter(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), "en-GB")
    # The older copy of the styles that Word 2010 reads carries the same defaults.
    for part in doc.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = part.blob.replace(b'"en-US"', b'"en-GB"')


def _plain_fonts(style: Any) -> None:
    """Drop the theme-font references that would override the font named on the style."""
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts is not None and fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def _widths(table: Any, widths: list[float]) -> None:
    # Word reads the cell widths, LibreOffice the grid: set both. These are the template's
    # starting widths; docx.py sets the final ones from the rendered content.
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


def _shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _row_props(row: Any, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    # A row never splits across pages; a long table breaks between rows.
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        # Header rows repeat on each page and tell screen readers which cells are headers.
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        tr_pr.append(mark)


def _cell(cell: Any, text: str, *, bold: bool = False, number: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Number" if number else "Table Text"
    run = paragraph.add_run(text)
    run.bold = bold


def _caption(doc: Any, text: str) -> None:
    """The visible caption above a table or below a chart (Word's Caption style)."""
    doc.add_paragraph(text, style="Caption")


def _describe(table: Any, caption: str) -> None:
    """The table's title for assistive technology (Word: Table Properties, Alt Text), and
    narrow cell margins (0.1 cm each side) that leave more of the width to the text."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), "57")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), caption)
    tbl_pr.append(title)


def _table(
    doc: Any,
    caption: str,
    headers: list[str],
    cells: list[str],
    widths: list[float],
    loop: str,
    *,
    numbers: tuple[int, ...] = (),
) -> None:
    """A captioned table with a header row and one templated row repeated by ``{%tr for %}``.

    Columns in ``numbers`` hold figures: right-aligned, header included.
    """
    _caption(doc, caption)
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for i, text in enumerate(headers):
        _cell(table.rows[0].cells[i], text, bold=True, number=i in numbers)
        _shade(table.rows[0].cells[i], HEADER_FILL)
    _row_props(table.rows[0], header=True)
    _cell(table.rows[1].cells[0], f"{{%tr for {loop} %}}")
    for i, text in enumerate(cells):
        _cell(table.rows[2].cells[i], text, number=i in numbers)
    _row_props(table.rows[2])
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    _widths(table, widths)
    _describe(table, caption)


def _details(
    doc: Any, caption: str, rows: list[tuple[str, str]], widths: tuple[float, float]
) -> None:
    """A captioned two-column table of items, headed "Item | Detail", kept with what follows."""
    _caption(doc, caption)
    table = doc.add_table(rows=len(rows) + 1, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for i, text in enumerate(("Item", "Detail")):
        _cell(table.rows[0].cells[i], text, bold=True)
        _shade(table.rows[0].cells[i], HEADER_FILL)
    _row_props(table.rows[0], header=True)
    for row, (label, value) in zip(table.rows[1:], rows, strict=True):
        _cell(row.cells[0], label, bold=True)
        _shade(row.cells[0], LABEL_FILL)
        _cell(row.cells[1], value)
        _row_props(row)
    # The header and every row but the last keep with the next, so a short table never splits
    # from its heading; the last row does not, or the table would drag what follows with it.
    for row in table.rows[:-1]:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    _widths(table, list(widths))
    _describe(table, caption)


def _p(doc: Any, text: str, style: str | None = None) -> None:
    doc.add_paragraph(text, style=style)


def _prose(doc: Any, expr: str) -> None:
    """Paragraphs and lists of a Prose value, each in the matching Word style."""
    _p(doc, f"{{%p for block in {expr}.blocks %}}")
    _p(doc, "{%p for item in block.items %}")
    _p(doc, '{%p if block.kind == "bullet" %}')
    _p(doc, f"{{{{r item|rich({expr}.placeholder) }}}}", "List Bullet")
    _p(doc, '{%p elif block.kind == "number" %}')
    _p(doc, f"{{{{ loop.index }}}}. {{{{r item|rich({expr}.placeholder) }}}}", "List Continue")
    _p(doc, "{%p else %}")
    _p(doc, f"{{{{r item|rich({expr}.placeholder) }}}}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")


def _draft(doc: Any) -> None:
    """The DRAFT banner and the list of gaps, shown only while the report is a draft."""
    _p(doc, "{%p if report.draft %}")
    _p(doc, "{{r report.draft_notice|rich(True) }}")
    _p(doc, "{%p for gap in report.gaps %}")
    _p(doc, "{{ gap }}", "List Bullet")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")


def _cover(doc: Any) -> None:
    _draft(doc)
    _p(doc, "{{ report.council }}", "Subtitle")
    _p(doc, "{{ report.meeting.committee }} · {{ report.meeting.date }}", "Subtitle")
    _p(doc, "{% if report.draft %}DRAFT: {% endif %}{{ report.meeting.title }}", "Title")
    _caption(doc, "Meeting details")
    table = doc.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for i, text in enumerate(("Item", "Detail")):
        _cell(table.rows[0].cells[i], text, bold=True)
        _shade(table.rows[0].cells[i], HEADER_FILL)
    _row_props(table.rows[0], header=True)
    _cell(table.rows[1].cells[0], "{%tr for d in report.meeting.cover %}")
    _cell(table.rows[2].cells[0], "{{ d.label }}", bold=True)
    _shade(table.rows[2].cells[0], LABEL_FILL)
    _cell(table.rows[2].cells[1], "{{r d|rich(d.placeholder) }}")
    _row_props(table.rows[2])
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    _widths(table, [4.5, 12.5])
    _describe(table, "Meeting details")
    _contents(doc)


def _field_char(paragraph: Any, kind: str, instruction: str | None = None) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)
    if instruction is not None:
        code = paragraph.add_run()
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = instruction
        code._r.append(instr)
        _field_char(paragraph, "separate")


def _contents(doc: Any) -> None:
    """A real Word table of contents (a TOC field over the Heading 1 paragraphs), its entries
    written in by pledgekit so it reads right before Word updates it (and in LibreOffice)."""
    start = doc.add_paragraph("Contents", style="Caption")
    _field_char(start, "begin", ' TOC \\o "1-1" \\h \\z \\u ')
    _p(doc, "{%p for anchor, heading in report.contents %}")
    _p(doc, "{{ heading }}", "Table Text")
    _p(doc, "{%p endfor %}")


class Block:
    """The Word template's pieces a section's block is written with (``WordBlock``)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        #: The contents field is open until the first heading after it ends it there.
        self.contents_open = True

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        heading = self.doc.add_heading(level=level)
        if self.contents_open:
            _field_char(heading, "end")  # the contents field ends where the first section begins
            self.contents_open = False
        heading.add_run(text)
        heading.paragraph_format.page_break_before = new_page

    def opening(self) -> None:
        self.heading("{{ section.heading }}", 1)
        self.prose("section.intro")

    def para(self, text: str, style: str | None = None) -> None:
        _p(self.doc, text, style)

    def prose(self, expr: str) -> None:
        _prose(self.doc, expr)

    def paras(self, expr: str) -> None:
        self.para(f"{{%p for para in {expr} %}}")
        self.prose("para")
        self.para("{%p endfor %}")

    def caption(self, text: str, *, ends_figure: bool = False) -> None:
        caption = self.doc.add_paragraph(text, style="Caption")
        if ends_figure:
            caption.paragraph_format.keep_with_next = False

    def table(
        self,
        caption: str,
        headers: Sequence[str],
        cells: Sequence[str],
        widths: Sequence[float],
        loop: str,
        *,
        numbers: tuple[int, ...] = (),
    ) -> None:
        _table(self.doc, caption, list(headers), list(cells), list(widths), loop, numbers=numbers)

    def details(
        self, caption: str, rows: Sequence[tuple[str, str]], widths: tuple[float, float]
    ) -> None:
        _details(self.doc, caption, list(rows), widths)


def _sections(doc: Any) -> None:
    """Every section's block, in the report's order, each shown only when the report has it."""
    block = Block(doc)
    for section in SECTIONS:
        block.para(f'{{%p for section in report.sections if section.key == "{section.key}" %}}')
        section.word(block)
        block.para("{%p endfor %}")


def _page_setup(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(
        "{% if report.draft %}DRAFT · {% endif %}"
        "{{ report.council }} · {{ report.meeting.committee }} · {{ report.period }}"
    )
    pages = section.footer.add_paragraph(style=doc.styles["Footer"])
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "1")


def _field(paragraph: Any, code: str, shown: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice fill in when laid out."""
    for kind, text in (("begin", None), ("instr", f" {code} "), ("separate", None), ("", shown)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            run.text = text
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


def build() -> Any:
    """The template document."""
    doc = Document()
    _styles(doc)
    _page_setup(doc)
    doc.core_properties.title = "{{ report.document_title|safe }}"
    doc.core_properties.author = "pledgekit"
    doc.core_properties.language = "en-GB"
    # python-docx stamps the build time; a fixed date keeps the template byte-stable.
    import datetime

    fixed = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.last_modified_by = "pledgekit"
    doc.core_properties.revision = 1
    _cover(doc)
    _sections(doc)
    return doc


def main() -> int:
    buffer = io.BytesIO()
    build().save(buffer)
    OUT.write_bytes(stable_zip(buffer.getvalue()))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
