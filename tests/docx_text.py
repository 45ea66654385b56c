"""The text of a .docx in reading order, for golden files and assertions."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_PREFIX = {"Heading 1": "# ", "Heading 2": "## ", "Heading 3": "### ", "Title": "TITLE: "}
_LIST = {"List Bullet": "- ", "List Number": "1. "}


def _paragraph(paragraph: Paragraph) -> str:
    style = paragraph.style.name if paragraph.style is not None else ""
    text = paragraph.text
    for doc_pr in paragraph._p.iter(qn("wp:docPr")):
        text += f"[picture: {doc_pr.get('descr')}]"
    return _PREFIX.get(style, "") + _LIST.get(style, "") + text


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows (cells joined by " | ") in document order.

    Headings are marked "#", "##", "###"; list items "- " and "1. "; pictures by their alt text.
    """
    doc = Document(io.BytesIO(data))
    lines = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph(Paragraph(child, doc)))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, doc).rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines).rstrip() + "\n"


def cell_fills(data: bytes) -> dict[str, str]:
    """Text of every shaded table cell -> its fill colour (the last one wins)."""
    doc = Document(io.BytesIO(data))
    fills = {}
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
                if shd is not None:
                    fills[cell.text] = shd.get(qn("w:fill"))
    return fills
