"""What a spreadsheet cell says: a number, or one of the statistical states that are not numbers.

DfE/GSS symbols and council habits map to typed states, so a suppressed ``c`` or a ``<5`` is never
read as zero and an ``x`` is never read as missing by accident.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum


class ValueState(str, Enum):
    """The kind of thing a value cell holds."""

    NUMBER = "number"
    MISSING = "missing"  # blank cell
    SUPPRESSED = "suppressed"  # c, *, <5, [c]: hidden to protect small numbers
    NOT_APPLICABLE = "not_applicable"  # z, n/a
    NOT_AVAILABLE = "not_available"  # x, .., :, -
    BELOW_HALF = "below_half"  # k: a value below 0.5 that is not zero
    NO_CACHED_VALUE = "no_cached_value"  # a formula the file holds no result for
    INVALID = "invalid"  # text that is none of the above


#: Symbols as written in cells (compared case-insensitively, brackets and spaces removed).
SYMBOLS: dict[str, ValueState] = {
    "c": ValueState.SUPPRESSED,
    "*": ValueState.SUPPRESSED,
    "**": ValueState.SUPPRESSED,
    "supp": ValueState.SUPPRESSED,
    "suppressed": ValueState.SUPPRESSED,
    "z": ValueState.NOT_APPLICABLE,
    "n/a": ValueState.NOT_APPLICABLE,
    "na": ValueState.NOT_APPLICABLE,
    "x": ValueState.NOT_AVAILABLE,
    "..": ValueState.NOT_AVAILABLE,
    "...": ValueState.NOT_AVAILABLE,
    ":": ValueState.NOT_AVAILABLE,
    "-": ValueState.NOT_AVAILABLE,
    "–": ValueState.NOT_AVAILABLE,
    "k": ValueState.BELOW_HALF,
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A parsed value cell.

    ``number`` is set only for :attr:`ValueState.NUMBER`. ``percent`` is True when the source wrote
    the number as a percentage (``36%`` typed as text, or 0.36 in a percent-formatted cell); the
    number is then in percentage points (36). ``unreliable`` marks a ``u`` flag next to a number.
    ``raw`` keeps the cell as the user wrote it, for messages.
    """

    state: ValueState
    number: float | None = None
    raw: str | None = None
    percent: bool = False
    unreliable: bool = False

    @property
    def is_number(self) -> bool:
        """True when the reading carries a usable number."""
        return self.state is ValueState.NUMBER and self.number is not None

    def display(self) -> str:
        """Short text for tables: the number or the conventional symbol."""
        if self.is_number:
            assert self.number is not None
            return format_number(self.number)
        return STATE_SYMBOL[self.state]


MISSING = Reading(ValueState.MISSING)

STATE_SYMBOL: dict[ValueState, str] = {
    ValueState.NUMBER: "",
    ValueState.MISSING: "",
    ValueState.SUPPRESSED: "c",
    ValueState.NOT_APPLICABLE: "z",
    ValueState.NOT_AVAILABLE: "x",
    ValueState.BELOW_HALF: "k",
    ValueState.NO_CACHED_VALUE: "?",
    ValueState.INVALID: "?",
}


def format_number(number: float, decimals: int | None = None) -> str:
    """Numbers as people write them: no trailing ``.0``, thousands separated, at most 1 dp."""
    if decimals is None:
        decimals = 0 if float(number).is_integer() else 1
        if decimals and abs(number) < 1 and round(number, 1) != number:
            decimals = 2
    return f"{number:,.{decimals}f}"


#: The largest figure pledgekit takes (in absolute value). Far beyond any count, rate or target a
#: council reports, and small enough that differences, percentages and bands stay finite: a
#: 1.7E+308 percent or a 400-digit tolerance is refused, never turned into infinity.
LARGEST_FIGURE = 1e15


def figure(value: object) -> object:
    """A number from a settings file checked to be one pledgekit can compute with.

    For use as a pydantic ``BeforeValidator``: ``true``/``false`` are refused (YAML's booleans
    are not 1 and 0), and so is a number beyond :data:`LARGEST_FIGURE`, infinite or not a number.
    Other values (text such as ``"5"``, lists) pass through for the field's own parsing.
    Raises ValueError with words for the person who wrote the file.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number, not {str(value).lower()}")
    if isinstance(value, (int, float)):
        return float(checked_number(value))
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return value
        return float(checked_number(number))
    return value


def checked_number(value: int | float) -> float:
    """``value`` as a float; ValueError when not finite or beyond :data:`LARGEST_FIGURE`."""
    try:
        number = float(value)
    except OverflowError:
        raise ValueError("the number is too large (it has more digits than any figure)") from None
    if not math.isfinite(number):
        raise ValueError("expected a finite number")
    if abs(number) > LARGEST_FIGURE:
        raise ValueError(f"the number is beyond {LARGEST_FIGURE:,.0f}, larger than any figure")
    return number
