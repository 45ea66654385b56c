"""Column widths of the Word report's tables, set from what the rendered cells hold.

A template can only guess how long a measure's title or a status will be; once the report is
rendered the text is known. Each table keeps its total width (the template's), shared out the
way a web browser lays out an automatic table: a column never narrower than its longest word,
and the room left given in proportion to how much more each column's longest line would need.
So short columns (a reference, a figure, a status) stay on one line and the Measure column,
holding the most text, is the widest, instead of rows wrapping to three or four lines.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docx.shared import Twips
from docx.table import _Cell

#: Advance of a character in ems, by kind: an estimate that errs wide, so it also holds where
#: Arial is replaced by a wider font such as DejaVu Sans (LibreOffice without Arial). Bold is a
#: tenth wider.
_EM_DIGIT, _EM_LOWER, _EM_UPPER, _EM_SPACE, _EM_OTHER, _BOLD = 0.64, 0.6, 0.72, 0.32, 0.9, 1.1
#: Text up to this many characters (a figure, "≥ 90.0%", "● Green", "2026-27 Q2") is kept on
#: one line.
_UNBROKEN = 10
#: Left plus right cell margin in points (the template's 0.1 cm each side), and some slack.
_PADDING_PT = 9.0
_TWIPS_PER_PT = 20


@cache
def _em(char: str) -> float:
    if char.isdigit():
        return _EM_DIGIT
    if char.isspace() or char in ".,:;'()-":
        return _EM_SPACE
    if char.islower():
        return _EM_LOWER
    if char.isupper():
        return _EM_UPPER
    return _EM_OTHER


def _text_width(text: str, size_pt: float, bold: bool) -> float:
    return sum(map(_em, text)) * size_pt * (_BOLD if bold else 1.0)


def _cell_needs(cell: Any, styles: _StyleFacts) -> tuple[float, float, float]:
    """The widths (points) a cell needs for its longest word, for its longest line, and for all
    its text laid end to end (what decides how many lines it wraps to)."""
    word = line = length = 0.0
    for paragraph in cell.paragraphs:
        size, style_bold = styles.of(paragraph)
        bold = style_bold or any(run.bold for run in paragraph.runs)
        text = paragraph.text
        width = _text_width(text, size, bold)
        line = max(line, width)
        length += width
        if len(text) <= _UNBROKEN:
            word = max(word, width)
        for token in _tokens(text):
            word = max(word, _text_width(token, size, bold))
    return word + _PADDING_PT, line + _PADDING_PT, length


def _tokens(text: str) -> list[str]:
    """Words that cannot break, a lone symbol kept with the next word ("◌ Suppressed")."""
    tokens: list[str] = []
    glue = ""
    for word in text.split():
        if len(word) == 1 and not word.isalnum():
            glue += word + " "
            continue
        tokens.append(glue + word)
        glue = ""
    return tokens + ([glue.strip()] if glue else [])


class _StyleFacts:
    """Each paragraph style's text size and boldness, looked up once per style.

    python-docx finds a paragraph's style by searching the styles part each time it is asked;
    a long report asks for thousands of cells, nearly all in a handful of styles.
    """

    def __init__(self, default_pt: float) -> None:
        self.default_pt = default_pt
        self.found: dict[str | None, tuple[float, bool]] = {}

    def of(self, paragraph: Any) -> tuple[float, bool]:
        """(size in points, bold) of ``paragraph``'s style."""
        key = paragraph._p.style  # the style's id, None for the default paragraph style
        facts = self.found.get(key)
        if facts is None:
            style = paragraph.style
            bold = bool(style is not None and style.font is not None and style.font.bold)
            facts = self.found[key] = (self._size(style), bold)
        return facts

    def _size(self, style: Any) -> float:
        while style is not None:
            if style.font is not None and style.font.size is not None:
                return float(style.font.size.pt)
            style = style.base_style
        return self.default_pt


def share(total: float, least: list[float], most: list[float]) -> list[float]:
    """Column widths adding up to ``total``, as a browser shares out an automatic table.

    ``least[i]`` is what column i cannot go below (its longest word), ``most[i]`` what it needs
    to keep every line on one line. With room for all, each column gets what it needs and the
    rest is shared in proportion; otherwise each gets its least plus a share of what is left in
    proportion to how much more it would need.
    """
    most = [max(m, lo) for m, lo in zip(most, least, strict=True)]
    if sum(most) <= total:
        return [total * m / sum(most) for m in most]
    if sum(least) >= total:
        return [total * lo / sum(least) for lo in least]
    spare = total - sum(least)
    wants = [m - lo for m, lo in zip(most, least, strict=True)]
    return [lo + spare * w / sum(wants) for lo, w in zip(least, wants, strict=True)]


#: The steps in which :func:`share_by_rows` hands out the room above the columns' least widths.
_STEPS = 120


#: Width lost at the end of each wrapped line, on average (half a word at 10 pt), in points.
_WRAP_LOSS_PT = 15.0


def _height(widths: list[float], rows: list[list[float]]) -> float:
    """The table's height in lines, estimated: each row as tall as its most wrapped cell, a
    cell wrapping to its text's length over the width it has inside the margins (less what is
    lost at the ends of lines, which costs a narrow column most)."""
    inner = [max(w - _PADDING_PT - _WRAP_LOSS_PT, 1.0) for w in widths]
    return sum(max(max(1.0, need / w) for need, w in zip(row, inner, strict=True)) for row in rows)


def share_by_rows(
    total: float, least: list[float], most: list[float], rows: list[list[float]]
) -> list[float]:
    """Column widths adding up to ``total`` that keep the table short.

    ``rows[r][i]`` is the length of cell (r, i)'s text laid end to end. Starting from each
    column's least width, the room left is handed out a step at a time to the column whose
    widening most shortens the table (a row is as tall as its most wrapped cell), so a column
    of long actions widens before a column whose rows are already no taller than a neighbour's.
    Room that shortens nothing more is shared as :func:`share` shares it.
    """
    most = [max(m, lo) for m, lo in zip(most, least, strict=True)]
    if sum(most) <= total or sum(least) >= total:
        return share(total, least, most)
    widths = list(least)
    step = (total - sum(least)) / _STEPS
    for _ in range(_STEPS):
        now = _height(widths, rows)
        best, gain = -1, 1e-9
        for i, width in enumerate(widths):
            if width >= most[i]:
                continue
            widths[i] = width + step
            saved = now - _height(widths, rows)
            widths[i] = width
            if saved > gain:
                best, gain = i, saved
        if best < 0:
            break
        widths[best] += step
    return share(total, widths, most)


def fit_table(table: Any, default_pt: float = 11.0, styles: _StyleFacts | None = None) -> None:
    """Set ``table``'s column widths from its content, keeping its total width.

    Tables with merged cells are left as the template made them.
    """
    styles = styles or _StyleFacts(default_pt)
    grid = table._tbl.tblGrid
    columns = grid.gridCol_lst if grid is not None else []
    if not columns or any(col.w is None for col in columns):
        return
    rows = list(table.rows)
    if not rows or any(len(row._tr.tc_lst) != len(columns) for row in rows):
        return
    count = len(columns)
    least, most = [0.0] * count, [0.0] * count
    lengths: list[list[float]] = []
    for row in rows:
        lengths.append([])
        for i, tc in enumerate(row._tr.tc_lst):
            word, line, length = _cell_needs(_Cell(tc, table), styles)
            least[i] = max(least[i], word)
            most[i] = max(most[i], line)
            lengths[-1].append(length)
    total = sum(col.w.pt for col in columns)
    widths = share_by_rows(total, least, most, lengths)
    for i, width in enumerate(widths):
        twips = Twips(round(width * _TWIPS_PER_PT))
        columns[i].w = twips
        for row in rows:
            row._tr.tc_lst[i].width = twips


def fit_tables(document: Any) -> None:
    """Fit every table of a python-docx ``document`` to its content."""
    styles = _StyleFacts(11.0)
    for table in document.tables:
        fit_table(table, styles=styles)
