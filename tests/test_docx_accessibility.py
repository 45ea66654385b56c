"""The sample report's Word document, read from its XML: what a screen reader and a printer need.

Header rows marked to repeat on every table (key and value tables headed "Item | Detail"),
en-GB on all text, "Page X of Y" in the footer, no empty paragraphs for spacing, a caption for
every table, column widths that follow the content (Measure widest), figures right-aligned,
table text of at least 10 pt, headings kept with what follows, and alt text on every chart, at
the full text width and at least 200 dpi.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from pledgekit.render.report.docx import render_docx

from .report_parts import part
from .sample_report import sample_report

NUMBER_HEADERS = {"Value", "Target", "Previous", "Measures", "Figure", "Figure (target)"}


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render_docx(sample_report())


@pytest.fixture(scope="module")
def doc(docx_bytes: bytes) -> Any:
    return Document(io.BytesIO(docx_bytes))


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        }


def _effective(paragraph: Any, attribute: str) -> Any:
    """A ``paragraph_format`` setting, from the paragraph or else its style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return value


def _font_size(paragraph: Any) -> Any:
    """The paragraph style's font size, from its style chain."""
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size
        style = style.base_style
    return None


def test_every_table_has_a_header_row_that_repeats(doc: Any) -> None:
    assert len(doc.tables) > 20
    for table in doc.tables:
        first = table.rows[0]
        header = first._tr.trPr.find(qn("w:tblHeader")) if first._tr.trPr is not None else None
        assert header is not None and header.get(qn("w:val"), "true") in ("true", "1")
        assert all(cell.text.strip() for cell in first.cells)  # no empty header cell
        for row in table.rows[1:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    key_value = [t for t in doc.tables if len(t.columns) == 2 and t.rows[1].cells[0].text]
    headed = [[c.text for c in t.rows[0].cells] for t in key_value]
    report = sample_report()
    # The cover, and one compact block per red (the ambers are one table).
    assert headed.count(["Item", "Detail"]) == 1 + len(part(report, "exceptions").items)


def test_all_text_is_en_gb(docx_bytes: bytes) -> None:
    parts = _parts(docx_bytes)
    languages = set()
    for text in parts.values():
        languages |= set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', text))
        languages |= set(re.findall(r'<w:themeFontLang [^>]*w:val="([^"]+)"', text))
    assert languages == {"en-GB"}
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", parts["word/styles.xml"], re.S)
    assert defaults is not None and 'w:val="en-GB"' in defaults.group(0)
    assert "<dc:language>en-GB</dc:language>" in parts["docProps/core.xml"]


def test_footer_says_page_x_of_y(docx_bytes: bytes) -> None:
    footers = [t for name, t in _parts(docx_bytes).items() if name.startswith("word/footer")]
    assert footers
    text = " ".join(footers)
    fields = re.findall(r"<w:instrText[^>]*>\s*(\w+)\s*</w:instrText>", text)
    assert fields == ["PAGE", "NUMPAGES"]
    assert re.search(r">Page <.*PAGE.*> of <.*NUMPAGES", text, re.S)


def test_no_empty_paragraphs_for_spacing(doc: Any) -> None:
    names = {style.name for style in doc.styles}
    assert "Table Spacer" not in names
    for paragraph in doc.paragraphs:
        drawn = paragraph._p.find(f".//{qn('w:drawing')}") is not None
        assert paragraph.text.strip() or drawn, "an empty paragraph in the body"
    normal = doc.styles["Normal"].paragraph_format
    assert normal.space_before is not None and normal.space_before.pt >= 6


def test_every_table_has_a_caption(doc: Any) -> None:
    body = list(doc.element.body.iterchildren())
    for i, child in enumerate(body):
        if child.tag != qn("w:tbl"):
            continue
        before = body[i - 1]
        style = before.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        caption = "".join(t.text or "" for t in before.iter(qn("w:t")))
        assert style is not None and style.get(qn("w:val")) == "Caption" and caption.strip()
        title = child.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        assert title is not None and title.get(qn("w:val")) == caption


def test_columns_follow_the_content_with_measure_widest(doc: Any) -> None:
    measured = 0
    for table in doc.tables:
        headers = [cell.text for cell in table.rows[0].cells]
        widths = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        if "Measure" in headers and "Ref" in headers:
            measured += 1
            widest = max(range(len(widths)), key=lambda i: widths[i])
            assert headers[widest] == "Measure", (headers, [w.cm for w in widths])
            # A reference such as "2.2 (KS4)" is kept on one line, so Ref can be about as
            # wide as Status, never much wider (columns are shared out to keep rows short).
            assert widths[headers.index("Ref")] < 1.1 * widths[headers.index("Status")]
        for row in table.rows:  # cells agree with the grid, for Word
            assert [tc.width for tc in row._tr.tc_lst] == widths
    assert measured >= 5  # one scorecard table a pledge, in Appendix A


def test_figures_right_aligned_and_table_text_at_least_10pt(doc: Any) -> None:
    right = 0
    for table in doc.tables:
        headers = [cell.text for cell in table.rows[0].cells]
        for row in table.rows:
            for header, cell in zip(headers, row.cells, strict=True):
                for paragraph in cell.paragraphs:
                    size = _font_size(paragraph)
                    runs = [r.font.size for r in paragraph.runs if r.font.size is not None]
                    assert min([size, *runs]).pt >= 10
                    if header in NUMBER_HEADERS:
                        align = _effective(paragraph, "alignment")
                        assert align == WD_ALIGN_PARAGRAPH.RIGHT, (header, cell.text)
                        right += 1
    assert right > 40  # the scorecard's figures and the watch list's


def test_headings_keep_with_next(doc: Any) -> None:
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption"):
        assert doc.styles[name].paragraph_format.keep_with_next is True
    headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) > 20
    assert all(_effective(p, "keep_with_next") for p in headings)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_chart_has_alt_text_full_width_and_200_dpi(doc: Any) -> None:
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    inlines = list(doc.element.body.iter(qn("wp:inline")))
    assert len(inlines) == len(part(sample_report(), "exceptions").items) > 0
    for inline in inlines:
        described = inline.find(qn("wp:docPr"))
        assert described.get("descr", "").startswith("Line chart of measure")
        assert described.get("title", "").startswith("Trend chart of measure")
        extent = inline.find(qn("wp:extent"))
        width_emu = int(extent.get("cx"))
        assert abs(width_emu - text_width) < 5000  # the full text width
        blip = next(inline.iter(qn("a:blip")))
        image = doc.part.related_parts[blip.get(qn("r:embed"))].blob
        pixels, _ = _png_size(image)
        assert pixels / (width_emu / 914400) >= 200  # dots per inch as printed
