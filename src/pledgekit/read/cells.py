"""One spreadsheet cell to a typed :class:`~pledgekit.model.values.Reading`; ids and text.

Cells arrive as python-calamine or the csv module give them: ``float``/``int`` for numbers, ``str``
for text, ``bool``, dates and times, or ``""`` for a blank. Nothing here guesses: text that is not a
number or a known statistical symbol becomes :attr:`ValueState.INVALID` with the text kept, so the
caller can report it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from pledgekit.model.values import MISSING, SYMBOLS, Reading, ValueState, checked_number

_NUMBER = ValueState.NUMBER

# Spaces that spreadsheets and web copies put inside numbers (no-break, narrow, figure, thin).
_ODD_SPACES = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2212": "-"}
)
# Optional sign and currency, digits (grouped by commas or spaces in threes, or not grouped),
# optional decimals, optional percent sign, then an optional low-reliability flag.
_NUMERIC = re.compile(
    r"""^(?P<sign>[-+]?)\s*[£$€]?\s*
        (?P<digits>\d{1,3}(?:,\d{3})+|\d{1,3}(?:\ \d{3})+|\d+)?(?P<frac>\.\d+)?
        \s*(?P<pct>%?)
        (?:\s*(?:\[u\]|\(u\)|(?<=[\d%\s])u))?$""",
    re.VERBOSE | re.IGNORECASE,
)
_FLAG_U = re.compile(r"(?:\[u\]|\(u\)|u)$", re.IGNORECASE)
_BELOW = re.compile(r"^<\s*\d+(?:\.\d+)?\s*%?$")
_EXCEL_ERROR = re.compile(
    r"^#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|"
    r"CONNECT!|UNKNOWN!|GETTING_DATA)$",
    re.IGNORECASE,
)
_SYMBOL_NOISE = re.compile(r"[\s\[\]()]")


def is_excel_error(text: str | None) -> bool:
    """True for Excel's error values (``#DIV/0!``, ``#N/A``, ``#VALUE!`` ...)."""
    return text is not None and _EXCEL_ERROR.match(text.strip()) is not None


def parse_value(raw: object, *, percent_format: bool = False) -> Reading:
    """Read a value, numerator, denominator, target or comparator cell.

    ``raw`` is the cell as the reader gives it. ``percent_format`` says the cell is formatted as a
    percentage, so a stored 0.36 (shown as 36%) is read as 36 percentage points. Returns a
    :class:`Reading`: a number, a statistical state (``c``, ``<5``, ``x``, ``k`` ...), MISSING for a
    blank, or INVALID with the text kept in ``raw``.
    """
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # bool is not a figure
        try:  # a 400-digit integer, infinity, 1.7E+308 (as a percent, x 100): never a figure
            number = checked_number(raw * 100 if percent_format else raw)
        except (ValueError, OverflowError):
            return Reading(ValueState.INVALID, raw=_short(raw))
        if percent_format:
            # Rounded so 0.07 reads as 7, not 7.000000000000001.
            return Reading(_NUMBER, round(number, 9), percent=True)
        return Reading(_NUMBER, number)
    if raw is None or raw == "":
        return MISSING
    if isinstance(raw, str):
        return _parse_text(raw)
    if isinstance(raw, bool):
        return Reading(ValueState.INVALID, raw="TRUE" if raw else "FALSE")
    if isinstance(raw, (datetime, date, time, timedelta)):
        # A date in a figure cell is usually Excel reading "1/2" as a date: never a number.
        text = str(raw) if isinstance(raw, timedelta) else raw.isoformat()
        return Reading(ValueState.INVALID, raw=text)
    return Reading(ValueState.INVALID, raw=str(raw))


def _short(raw: object) -> str:
    """A number for a message, cut: a 400-digit integer is not quoted in full."""
    text = str(raw)
    return text if len(text) <= 40 else f"{text[:20]}... ({len(text)} characters)"


def _parse_text(raw: str) -> Reading:
    text = raw.translate(_ODD_SPACES).strip()
    if not text:
        return MISSING
    symbol = SYMBOLS.get(_SYMBOL_NOISE.sub("", text).lower())
    if symbol is not None:
        return Reading(symbol, raw=raw)
    if _BELOW.match(text):
        return Reading(ValueState.SUPPRESSED, raw=raw)
    match = _NUMERIC.match(text)
    if match and (match["digits"] or match["frac"]):
        digits = (match["digits"] or "0").replace(",", "").replace(" ", "")
        try:  # 400 digits: beyond any float, never "inf"
            number = checked_number(float(digits + (match["frac"] or "")))
        except ValueError:
            return Reading(ValueState.INVALID, raw=raw)
        if match["sign"] == "-":
            number = -number
        unreliable = _FLAG_U.search(text) is not None
        return Reading(_NUMBER, number, raw=raw, percent=bool(match["pct"]), unreliable=unreliable)
    return Reading(ValueState.INVALID, raw=raw)


def id_text(raw: object) -> str | None:
    """A measure or pledge id from a cell: numbers without a trailing ``.0``, text stripped.

    The number 3 gives ``"3"`` and 2.6 gives ``"2.6"``; a blank gives None. Whether the number 2.1
    meant ``"2.10"`` is for the caller to decide against the definition.
    """
    if type(raw) is str:
        text = raw.translate(_ODD_SPACES).strip()
        return text or None
    if isinstance(raw, bool) or raw is None:
        return None if raw is None else str(raw).upper()
    if isinstance(raw, (int, float)):
        number = float(raw)
        if number.is_integer():
            return str(int(number))
        return repr(number)  # the shortest text that reads back as this float: 2.1, not 2.1000001
    return cell_text(raw)


def cell_text(raw: object) -> str | None:
    """Free text from a cell (commentary, status, labels); None for a blank.

    Whole numbers lose their ``.0`` and dates are written as ISO dates.
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        text = raw.strip()
        return text or None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime) and raw.time() == time(0):
        return raw.date().isoformat()
    if isinstance(raw, (date, time)):
        return raw.isoformat()
    return str(raw)
