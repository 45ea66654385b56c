"""Text widths in the body font, for laying out a chart the same way on every machine.

Arial's advance widths equal Helvetica's (the fonts are metric-compatible, as are Liberation
Sans and Arimo), so the widths here are those of Adobe's published Helvetica and Helvetica-Bold
font metrics (AFM), in thousandths of an em, for the printable ASCII characters. The web page's
charts are laid out with them, so an SVG is the same on any machine whatever fonts it has.
"""

from __future__ import annotations

_ASCII = "".join(chr(code) for code in range(32, 127))

_REGULAR = (
    "278,278,355,556,556,889,667,222,333,333,389,584,278,333,278,278,556,556,556,556,556,556,"
    "556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,"
    "556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,222,556,"
    "556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,"
    "500,500,500,334,260,334,584"
)
_BOLD = (
    "278,333,474,556,556,889,722,278,333,333,389,584,278,333,278,278,556,556,556,556,556,556,"
    "556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,"
    "611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,278,556,"
    "611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,"
    "556,556,500,389,280,389,584"
)

#: Characters outside ASCII that charts' labels use: dashes, comparison signs, the pound sign.
_EXTRA = {"–": 556, "—": 1000, "≤": 549, "≥": 549, "£": 556, "×": 584, "·": 278, "…": 1000}
#: Any other character: about the width of a digit.
_OTHER = 556


def _table(widths: str) -> dict[str, int]:
    return {**dict(zip(_ASCII, map(int, widths.split(",")), strict=True)), **_EXTRA}


_WIDTHS = {False: _table(_REGULAR), True: _table(_BOLD)}


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` in points, set in Arial at ``size_pt``."""
    widths = _WIDTHS[bold]
    return sum(widths.get(char, _OTHER) for char in text) * size_pt / 1000
