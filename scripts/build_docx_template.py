"""Build templates/report.docx: the Word template of the committee report, with docxtpl tags.

Run from the repository root after changing the layout:

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


def _heading(doc: Any, text: str, level: int, *, new_page: bool = False) -> None:
    heading = doc.add_heading(text, level=level)
    heading.paragraph_format.page_break_before = new_page


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


def _n(key: str) -> str:
    """A section number tag: ``{{ report.numbers.summary }}``."""
    return f"{{{{ report.numbers.{key} }}}}"


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
    purpose = doc.add_heading(level=1)
    _field_char(purpose, "end")  # the contents field ends where the first section begins
    purpose.add_run(f"{_n('purpose')}. Purpose of the report")
    _prose(doc, "report.purpose")
    _heading(doc, f"{_n('recommendations')}. Recommendations", 1)
    _p(doc, "{%p for r in report.recommendations %}")
    _prose(doc, "r")
    _p(doc, "{%p endfor %}")
    _heading(doc, f"{_n('introduction')}. Introduction", 1)
    _p(doc, "{%p for para in report.introduction %}")
    _prose(doc, "para")
    _p(doc, "{%p endfor %}")


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


def _summary_and_exceptions(doc: Any) -> None:
    # No page break: the cover, purpose and introduction run straight into the summary, so
    # the first pages are never half empty.
    _heading(doc, f"{_n('summary')}. Executive summary", 1)
    _p(doc, "{%p for para in report.summary %}")
    _prose(doc, "para")
    _p(doc, "{%p endfor %}")
    _heading(doc, f"{_n('exceptions')}. Exceptions: measures rated red", 1)
    _prose(doc, "report.exceptions_intro")
    _p(doc, "{%p for ex in report.exceptions %}")
    _heading(doc, "{{ ex.number }} Measure {{ ex.line.ref }}: {{ ex.line.title }}", 2)
    _details(
        doc,
        "Measure {{ ex.line.ref }} in {{ report.period }}",
        [
            ("Figure", "{{ ex.figure }}"),
            ("Status", "{% cellbg ex.line.status.colour %}{{r ex.line.status|status }}"),
            ("Trend", "{{ ex.trend }} {{ ex.persistence }}"),
            ("Compared with", "{{ ex.line.comparator_text }}"),
            ("Actions", "{{ ex.action_text }}"),
        ],
        (3.5, 13.5),
    )
    _p(doc, "{%p if ex.chart.labels %}")
    _p(doc, "{{ ex.chart|chart }}", "Chart Picture")
    below = doc.add_paragraph(
        "Measure {{ ex.line.ref }}: recent figures"
        "{% if ex.line.target %} against the target ({{ ex.line.target }}){% endif %}",
        style="Caption",
    )
    # Below its chart, a caption ends the figure: kept with what follows, the chart would drag
    # the commentary with it and leave a third of the page empty.
    below.paragraph_format.keep_with_next = False
    _p(doc, "{%p endif %}")
    _heading(doc, "Commentary{% if ex.line.owner %} ({{ ex.line.owner }}){% endif %}", 3)
    _prose(doc, "ex.commentary")
    _p(doc, "{%p endfor %}")
    _heading(doc, f"{_n('watch')}. Watch list: measures rated amber", 1)
    _prose(doc, "report.watch_intro")
    _p(doc, "{%p if report.watch %}")
    _table(
        doc,
        "Measures rated amber, {{ report.period }}",
        ["Ref", "Measure rated amber", "Figure (target)", "Trend", "Commentary"],
        [
            "{{ w.line.ref }}",
            "{{ w.line.title }}",
            "{{ w.line.value_with_unit }} ({{ w.line.target }})",
            "{{ w.line.trend }}",
            "{{ w.commentary.text }} {{ w.line.rule_note }}",
        ],
        [1.1, 5.0, 2.6, 2.2, 6.1],
        "w in report.watch",
        numbers=(2,),
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if report.late %}")
    _heading(doc, f"{_n('late')}. Actions and commitments late or at risk", 1)
    _prose(doc, "report.late_intro")
    _table(
        doc,
        "Actions and commitments late or at risk",
        ["Ref", "Action or commitment", "Lead", "Due", "Status", "Update"],
        [
            "{{ l.ref }}",
            "{{ l.text.text }}",
            "{{ l.lead }}",
            "{{ l.due }}",
            "{{ l.status }}",
            "{{ l.update.text }}",
        ],
        [2.2, 4.4, 2.6, 2.2, 1.9, 3.7],
        "l in report.late",
    )
    _p(doc, "{%p endif %}")


def _pledges(doc: Any) -> None:
    _heading(
        doc,
        "Appendix {{ report.letters.pledges }}: {{ report.appendices[0].title }}",
        1,
        new_page=True,
    )
    # No table of counts by status here: the summary (section 4) states them.
    _p(doc, "{%p for p in report.pledges %}")
    _heading(doc, "{{ p.number }} Pledge {{ p.id }}: {{ p.title }}", 2)
    _p(doc, "{%p if p.outcome %}")
    _p(doc, "Outcome: {{ p.outcome }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if p.promises %}")
    _p(doc, "What we promise:")
    _p(doc, "{%p for promise in p.promises %}")
    _p(doc, "{{ promise }}", "List Bullet")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if p.lines %}")
    _table(
        doc,
        "Pledge {{ p.id }} measures, {{ report.period }}",
        # The figure and its target share a column, as in the body's amber table: one
        # narrow column fewer leaves the measure's title room to wrap less.
        ["Ref", "Measure", "Figure (target)", "Status", "Trend"],
        [
            "{{ line.label }}",
            "{{ line.title }}{% if line.annual %} ({{ line.period_label }}){% endif %}",
            "{{ line.value }}{{ ' ' if line.value and line.target else '' }}"
            "{% if line.target %}({{ line.target }}){% endif %}",
            "{% cellbg line.status.colour %}{{r line.status|status }}",
            "{{ line.trend_from }}",
        ],
        [1.6, 7.0, 2.6, 2.3, 3.5],
        "line in p.lines",
        numbers=(2,),
    )
    _p(doc, "{%p if p.compared %}")
    _table(
        doc,
        "Pledge {{ p.id }}: comparators{% if p.red_compared %} (for measures rated red, see "
        f"section {_n('exceptions')}){{% endif %}}",
        ["Ref", "Compared with"],
        ["{{ line.ref }}", "{{ line.comparator_text }}"],
        [1.4, 15.6],
        "line in p.compared",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p for line in p.lines if line.rule_note %}")
    _p(doc, "Note on {{ line.ref }}: {{ line.rule_note }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _prose(doc, "p.narrative")
    _p(doc, "{%p for line in p.notes %}")
    _p(doc, "Note on {{ line.ref }} ({{ line.status.label|lower }}): {{ line.commentary.text }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")


def _commitments_and_actions(doc: Any) -> None:
    _p(doc, "{%p if report.letters.actions %}")
    _heading(doc, "Appendix {{ report.letters.actions }}: The action plan", 1)
    _prose(doc, "report.actions_intro")
    _table(
        doc,
        "Action plan",
        # Five columns, not seven: the linked measures ride with the action and the status
        # with its milestone, so the action and its update get the width (a narrow column
        # turned each row into ten lines and the plan into two pages).
        ["Ref", "Action", "Lead and partners", "Milestone and status", "Update"],
        [
            "{{ a.ref }}",
            "{{ a.action.text }}{% if a.pledge %} (pledge {{ a.pledge }}){% endif %}"
            "{% if a.measures %}. Linked to measure{{ 's' if a.measures|length > 1 else '' }} "
            '{{ a.measures|join(", ") }}{% endif %}'
            "{% if a.resources %}. Resources: {{ a.resources }}{% endif %}",
            "{{ a.lead }}{% if a.partners %}; {{ a.partners }}{% endif %}",
            "{% if a.milestone %}{{ a.milestone }}: {% endif %}{{ a.flag or a.status }}",
            "{{ a.update.text }}",
        ],
        [1.0, 6.0, 3.0, 2.6, 4.4],
        "a in report.actions",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if report.letters.commitments %}")
    _heading(
        doc,
        "Appendix {{ report.letters.commitments }}: Commitments by directorate",
        1,
    )
    _prose(doc, "report.commitments_intro")
    _table(
        doc,
        "Commitments by directorate",
        # Four columns, not six: the lead rides with the directorate and the status with the
        # due date, leaving the commitment and its update the width.
        ["Directorate and lead", "Commitment", "Due and status", "Update"],
        [
            "{{ row[0] }}{% if row[1].lead %}: {{ row[1].lead }}{% endif %}",
            "{{ row[1].commitment }}",
            "{% if row[1].due %}{{ row[1].due }}: {% endif %}{{ row[1].flag or row[1].status }}",
            "{{ row[1].update }}",
        ],
        [3.4, 5.6, 2.6, 5.4],
        "row in report.commitment_rows",
    )
    _p(doc, "{%p endif %}")


def _voice_inspection_and_profile(doc: Any) -> None:
    _heading(doc, f"{_n('voice')}. Voice of children and young people", 1)
    _p(doc, "{%p if report.voice %}")
    _prose(doc, "report.voice.summary")
    _p(doc, "{%p if report.voice.items %}")
    _table(
        doc,
        "You said, we did",
        ["Date", "You said", "We did"],
        ["{{ v.date }}", "{{ v.you_said.text }}", "{{ v.we_did.text }}"],
        [3.0, 6.5, 7.5],
        "v in report.voice.items",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p else %}")
    _p(doc, f"{_n('voice')}.1 {{{{r '[to be completed]'|rich(True) }}}}")
    _p(doc, "{%p endif %}")
    _heading(doc, f"{_n('inspection')}. Inspection", 1)
    _p(doc, "{%p if report.inspection %}")
    _prose(doc, "report.inspection.intro")
    _p(doc, "{%p if report.inspection.judgements %}")
    _table(
        doc,
        "Inspection judgements",
        ["Judgement", "Grade"],
        ["{{ j.area }}", "{{ j.grade }}"],
        [11.0, 6.0],
        "j in report.inspection.judgements",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if report.inspection.summary %}")
    _prose(doc, "report.inspection.summary")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p for r in report.inspection.recommendations %}")
    _prose(doc, "r")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p else %}")
    _p(doc, f"{_n('inspection')}.1 {{{{r '[to be completed]'|rich(True) }}}}")
    _p(doc, "{%p endif %}")


def _closing(doc: Any) -> None:
    _heading(doc, f"{_n('implications')}. Implications", 1)
    # One table, not a heading each: seven short paragraphs would take two pages.
    _table(
        doc,
        "Implications and who verified them",
        ["Implication", "Detail", "Verified by"],
        [
            "{{ i.number }} {{ i.heading }}",
            '{{r i.text.text|replace("\\n", " ")|rich(i.text.placeholder) }}',
            "{{r i.verified_by|rich(i.verified_by.placeholder) }}"
            "{% if i.contact %} ({{ i.contact }}){% endif %}",
        ],
        [3.6, 8.8, 4.6],
        "i in report.meeting.implications",
    )
    _heading(doc, f"{_n('conclusion')}. Conclusion", 1)
    _prose(doc, "report.conclusion")
    _heading(doc, f"{_n('background')}. Background papers", 1)
    _prose(doc, "report.background_intro")
    _p(doc, "{%p for paper in report.meeting.background_papers %}")
    _p(doc, "{{ paper }}", "List Bullet")
    _p(doc, "{%p endfor %}")
    _heading(doc, f"{_n('appendices')}. Appendices", 1)
    _prose(doc, "report.appendices_intro")
    _p(doc, "{%p for a in report.appendices %}")
    _p(
        doc,
        "Appendix {{ a.letter }}: {{ a.title }}{% if a.where %} ({{ a.where }}){% endif %}",
        "List Bullet",
    )
    _p(doc, "{%p endfor %}")
    _p(doc, "Contact officer: {{r report.meeting.author|rich(report.meeting.author.placeholder) }}")


def _appendix(doc: Any) -> None:
    _pledges(doc)
    _p(doc, "{%p if report.comparison_note %}")
    _p(doc, "{{ report.comparison_note }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if report.symbols %}")
    # Two symbols a row, under its caption alone (no heading besides): the key as a list ran
    # to a dozen short lines.
    _table(
        doc,
        "Key to symbols",
        ["Symbol", "Meaning", "Symbol", "Meaning"],
        [
            "{{ pair[0].symbol }}",
            "{{ pair[0].meaning }}",
            "{{ pair[1].symbol if pair|length > 1 else '' }}",
            "{{ pair[1].meaning if pair|length > 1 else '' }}",
        ],
        [1.4, 7.1, 1.4, 7.1],
        "pair in report.symbols|batch(2)",
    )
    _p(doc, "{%p endif %}")
    _commitments_and_actions(doc)
    _profile(doc)
    _p(doc, "{%p for a in report.appendices %}")
    _p(doc, "{%p if a.text %}")
    _heading(doc, "Appendix {{ a.letter }}: {{ a.title }}", 1)
    _prose(doc, "a.text")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endfor %}")


def _profile(doc: Any) -> None:
    _p(doc, "{%p if report.letters.profile %}")
    _heading(doc, "Appendix {{ report.letters.profile }}: Profile of children in care", 1)
    _prose(doc, "report.profile_intro")
    _table(
        doc,
        "Children in care, {{ report.period }}",
        ["Measure", "{{ report.period }}", "{{ report.previous_period }}", "England"],
        ["{{ item.label }}", "{{ item.value }}", "{{ item.previous }}", "{{ item.england }}"],
        [8.5, 2.8, 2.8, 2.9],
        "item in report.profile",
        numbers=(1, 2, 3),
    )
    _p(doc, "{%p endif %}")


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
    _summary_and_exceptions(doc)
    _voice_inspection_and_profile(doc)
    _closing(doc)
    _appendix(doc)
    return doc


def main() -> int:
    buffer = io.BytesIO()
    build().save(buffer)
    OUT.write_bytes(stable_zip(buffer.getvalue()))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
